"""The Dashboard tab: key indicators of the selected unit and period at a glance.

A card per key indicator shows the value, the change since the previous period, a sparkline
of the last periods and progress toward this year's target; clicking a card opens the
indicator in the Trends tab. Below, how completely the communes have reported the period.
Everything is painted with QPainter: the dashboard never imports pyqtgraph.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.errors import IctdeskError
from ictdesk.core.numbers import format_number
from ictdesk.core.periods import Period
from ictdesk.core.series import Progress, Summary, chart_parent, summarize
from ictdesk.core.store import ValueStore
from ictdesk.gui.dashboard.widgets import (
    BAD,
    COLUMNS,
    FULL,
    GOOD,
    KEY_INDICATORS,
    MUTED,
    NONE,
    PARTIAL,
    SPARK_PERIODS,
    CompletenessBar,
    CompletenessMap,
    IndicatorCard,
)
from ictdesk.gui.format import format_value
from ictdesk.gui.i18n import current_language
from ictdesk.gui.text import fill


class DashboardView(QWidget):
    """Key indicators of one unit for one period, and who has reported it.

    Emits ``indicator_activated(code)`` when a card is clicked.
    """

    indicator_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self.store: ValueStore | None = None
        self.unit_code: str | None = None
        self.period: Period | None = None
        self.summaries: list[Summary] = []
        self.counts = {"full": 0, "partial": 0, "none": 0}
        self._dirty = True
        self.title = QLabel(self)
        self.title.setObjectName("dashboardTitle")
        font = QFont()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("dashboardSubtitle")
        self.subtitle.setStyleSheet(f"color: {MUTED};")
        self.subtitle.setWordWrap(True)  # with the note of a period not all in, it is long
        self.cards: dict[str, IndicatorCard] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, code in enumerate(KEY_INDICATORS):
            card = IndicatorCard(code, self)
            card.activated.connect(self._on_card_activated)
            self.cards[code] = card
            grid.addWidget(card, index // COLUMNS, index % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        self.completeness_title = QLabel(self)
        self.completeness_title.setObjectName("completenessTitle")
        self.completeness_title.setStyleSheet("font-weight: bold;")
        self.completeness_text = QLabel(self)
        self.completeness_text.setObjectName("completenessText")
        self.completeness_text.setWordWrap(True)
        self.completeness_bar = CompletenessBar(self)
        self.completeness_map = CompletenessMap(self)
        self.completeness_map.setObjectName("completenessMap")
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        content = QWidget(self)
        content.setObjectName("dashboardContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(12)
        layout.addWidget(self.completeness_title)
        layout.addWidget(self.completeness_text)
        layout.addWidget(self.completeness_bar)
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend)
        legend_row.addStretch(1)
        layout.addLayout(legend_row)
        layout.addWidget(self.completeness_map)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()

    # -------------------------------------------------------------- language
    def retranslate(self) -> None:
        self.completeness_map.tooltip_format = self.tr("%1: %2 of %3 indicators")
        self.legend.setText(
            f'<span style="color:{FULL.name()}">■</span> '
            + self.tr("reported")
            + f' &nbsp; <span style="color:{PARTIAL.name()}">■</span> '
            + self.tr("partly reported")
            + f' &nbsp; <span style="color:{NONE.name()}">■</span> '
            + self.tr("not reported")
        )
        self.refresh()

    # ----------------------------------------------------------------- place
    def set_store(self, store: ValueStore | None) -> None:
        self.store = store
        self.unit_code = None
        self.period = None
        self.refresh()

    def show_place(self, unit_code: str | None, period: Period | None) -> None:
        """Show ``unit_code`` for ``period`` (the latest period with data if ``None``)."""
        self.unit_code = unit_code
        if period is None and self.store is not None:
            period = self.store.latest_stored_period()
        self.period = period
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Read the numbers again (values may have changed); only while shown."""
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        store, unit_code, period = self.store, self.unit_code, self.period
        if store is None or unit_code is None or period is None:
            self.title.setText(self.tr("Open a database and choose a unit."))
            self.subtitle.clear()
            self.summaries = []
            for card in self.cards.values():
                card.show_summary(None, {})
            self._show_completeness(None, None)
            return
        language = current_language()
        unit = store.unit(unit_code)
        self.title.setText(f"{unit.name} — {period.label(language)}")
        self.subtitle.setText(
            fill(
                self.tr("Compared with %1. Click a card to see its trend."),
                period.previous().label(language),
            )
        )
        codes = [code for code in KEY_INDICATORS if code in store.catalogue]
        try:
            self.summaries = summarize(store, codes, unit_code, period, SPARK_PERIODS)
        except IctdeskError as exc:
            self.subtitle.setText(str(exc))
            self.summaries = []
        if self.summaries and not any(s.compared.comparable for s in self.summaries):
            self.subtitle.setText(self.tr("Click a card to see its trend."))  # none compared
        by_code = {s.indicator.code: s for s in self.summaries}
        for code, card in self.cards.items():
            summary = by_code.get(code)
            card.setVisible(summary is not None)
            if summary is not None:
                card.show_summary(summary, self._card_texts(summary))
        parent = chart_parent(store, unit_code)
        self._show_completeness(parent, period)
        total = sum(self.counts.values())
        if parent == unit_code and self.counts["full"] < total:  # the cards sum what came in
            note = self.tr(
                "%1 of %2 communes have reported it in full: the cards add up what is in."
            )
            note = fill(note, str(self.counts["full"]), str(total))
            self.subtitle.setText(f"{self.subtitle.text()} {note}")

    def _card_texts(self, summary: Summary) -> dict[str, str]:
        """The translated phrases of one card."""
        language = current_language()
        indicator = summary.indicator
        previous_label = summary.period.previous().label(language)
        change, compared = summary.change, summary.compared
        nothing_before = compared.short != summary.period and summary.previous is None
        if not compared.comparable and compared.short is not None and not nothing_before:
            short = compared.short.label(language)
            if compared.units == 1:
                change_text = fill(self.tr("not compared: %1 is not in full yet"), short)
            else:
                change_text = (
                    self.tr("not compared: %1 of %2 communes have %3 in full")
                    if compared.in_full
                    else self.tr("not compared: %1 of %2 communes have sent %3")
                )
                change_text = fill(change_text, str(compared.counted), str(compared.units), short)
            change_colour = MUTED
        elif change is None:
            change_text = fill(self.tr("no value for %1"), previous_label)
            change_colour = MUTED
        elif change == 0:
            change_text = "■ " + fill(self.tr("unchanged since %1"), previous_label)
            change_colour = MUTED
        else:
            arrow = "▲" if change > 0 else "▼"
            sign = "+" if change > 0 else ""
            if indicator.is_derived:
                decimals = 1 if abs(change) >= 0.05 else 2
                amount = f"{sign}{format_number(change, decimals, language)} " + self.tr("pts")
            else:
                amount = f"{sign}{format_number(change, language=language)}"
                if summary.previous:
                    share = change / summary.previous * 100
                    amount += f" ({sign}{format_number(share, 1, language)}%)"
            change_text = f"{arrow} " + fill(self.tr("%1 since %2"), amount, previous_label)
            change_colour = GOOD if change > 0 else BAD if change < 0 else MUTED
        year = str(summary.period.year)
        target = format_value(indicator, summary.target, language)
        if summary.progress is Progress.ACHIEVED:
            status, colour = "✔ " + fill(self.tr("Target %1 reached (%2)"), year, target), GOOD
        elif summary.progress is Progress.ON_TRACK:
            status = self.tr("On track for the %1 target of %2")
            status, colour = fill(status, year, target), GOOD
        elif summary.progress is Progress.BEHIND:
            status = fill(
                self.tr("Behind: %1 needed by %2 for the %3 target of %4"),
                format_value(indicator, summary.expected, language),
                summary.period.label(language),
                year,
                target,
            )
            colour = BAD
        elif summary.progress is Progress.NO_DATA:
            status, colour = fill(self.tr("No value yet; target %1: %2"), year, target), MUTED
        else:
            status, colour = fill(self.tr("No target for %1"), year), MUTED
        lines = [
            f"{p.label(language)}: {format_value(indicator, v, language)}"
            for p, v in summary.history
        ]
        if lines and summary.compared.in_part:
            lines[-1] = fill(self.tr("%1 (not in full yet)"), lines[-1])
        history = "\n".join(lines)
        tooltip = indicator.definition_vi if language == "vi" else ""
        tooltip = (tooltip + "\n\n" if tooltip else "") + self.tr("Click to see the trend.")
        return {
            "change": change_text,
            "change_colour": change_colour,
            "status": status,
            "status_colour": colour,
            "history": history,
            "tooltip": tooltip,
        }

    def _show_completeness(self, parent_code: str | None, period: Period | None) -> None:
        store = self.store
        if store is None or parent_code is None or period is None:
            self.completeness_title.clear()
            self.completeness_text.clear()
            self.completeness_bar.set_counts(0, 0, 0)
            self.completeness_map.set_rows([])
            return
        language = current_language()
        rows = store.completeness(period.iso, parent_code)
        counts = {"full": 0, "partial": 0, "none": 0}
        for reported in rows:
            counts[reported.status] += 1
        self.counts = counts
        self.completeness_title.setText(
            fill(
                self.tr("Reporting of %1 across the communes of %2"),
                period.label(language),
                store.unit(parent_code).name,
            )
        )
        total = len(rows)
        share = format_number(counts["full"] / total * 100 if total else 0, 0, language)
        self.completeness_text.setText(
            fill(
                self.tr("%1 of %2 communes reported fully (%3%), %4 partly, %5 not yet."),
                str(counts["full"]),
                str(total),
                share,
                str(counts["partial"]),
                str(counts["none"]),
            )
        )
        self.completeness_bar.set_counts(counts["full"], counts["partial"], counts["none"])
        self.completeness_map.set_rows(rows)

    def _on_card_activated(self, code: str) -> None:
        self.indicator_activated.emit(code)
