"""The Dashboard tab: key indicators of the selected unit and period at a glance.

A card per key indicator shows the value, the change since the previous period, a sparkline
of the last periods and progress toward this year's target; clicking a card opens the
indicator in the Trends tab. Below, how completely the communes have reported the period.
Everything is painted with QPainter: the dashboard never imports pyqtgraph.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.errors import IctdeskError
from ictdesk.core.numbers import format_number
from ictdesk.core.periods import Period
from ictdesk.core.series import Progress, Summary, chart_parent, summarize
from ictdesk.core.store import ValueStore
from ictdesk.core.units import Unit
from ictdesk.gui.i18n import current_language
from ictdesk.gui.text import fill
from ictdesk.gui.trends.view import format_value

KEY_INDICATORS = (
    "BTS_TOTAL",
    "COV_4G_PCT",
    "COV_5G_PCT",
    "SMARTPHONE_HH_PCT",
    "FIBER_HH_PCT",
    "VNEID_PCT",
    "APPS_ONLINE_PCT",
    "DIGITAL_SKILLS_PCT",
)
SPARK_PERIODS = 8
COLUMNS = 4
_GOOD, _WARN, _BAD, _MUTED = "#2e7d32", "#b36b00", "#c0392b", "#666666"
_LINE, _TARGET = "#1f77b4", "#c0392b"
_FULL, _PARTIAL, _NONE = QColor("#5cb85c"), QColor("#f0ad4e"), QColor("#d9534f")


class Sparkline(QWidget):
    """A small line of the last periods; gaps stay gaps; the target as a dashed line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: list[float | None] = []
        self.target: float | None = None
        self.setMinimumSize(120, 38)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, values: list[float | None], target: float | None) -> None:
        self.values = list(values)
        self.target = target
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, 40)

    def paintEvent(self, _event) -> None:
        known = [v for v in self.values if v is not None]
        if not known:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bounds = known + ([self.target] if self.target is not None else [])
        low, high = min(bounds), max(bounds)
        if high == low:
            low, high = low - 1, high + 1
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        count = max(len(self.values) - 1, 1)

        def point(index: int, value: float) -> QPointF:
            x = rect.left() + rect.width() * index / count
            y = rect.bottom() - rect.height() * (value - low) / (high - low)
            return QPointF(x, y)

        if self.target is not None:
            pen = QPen(QColor(_TARGET), 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = point(0, self.target).y()
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        path = QPainterPath()
        drawing = False
        for index, value in enumerate(self.values):
            if value is None:
                drawing = False
                continue
            if drawing:
                path.lineTo(point(index, value))
            else:
                path.moveTo(point(index, value))
                drawing = True
        painter.setPen(QPen(QColor(_LINE), 2))
        painter.drawPath(path)
        painter.setBrush(QColor(_LINE))
        for index, value in enumerate(self.values):
            if value is not None and (index == len(self.values) - 1 or index == 0):
                painter.drawEllipse(point(index, value), 2.5, 2.5)
        painter.end()


class IndicatorCard(QFrame):
    """One key indicator; emits ``activated(code)`` when clicked or when Enter is pressed."""

    activated = Signal(str)

    def __init__(self, code: str, parent=None):
        super().__init__(parent)
        self.code = code
        self.summary: Summary | None = None
        self.setObjectName(f"card_{code}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(
            "IndicatorCard { background: white; border: 1px solid #d5d9de; border-radius: 6px; }"
            "IndicatorCard:focus { border: 2px solid #1f77b4; }"
        )
        self.name_label = QLabel(self)
        self.name_label.setWordWrap(True)
        self.name_label.setObjectName("cardName")
        self.name_label.setStyleSheet("color: #333; font-weight: bold;")
        self.name_label.setMinimumHeight(34)
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.value_label = QLabel(self)
        self.value_label.setObjectName("cardValue")
        font = QFont()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value_label.setFont(font)
        self.change_label = QLabel(self)
        self.change_label.setObjectName("cardChange")
        self.sparkline = Sparkline(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("cardProgress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(7)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("cardStatus")
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        layout.addWidget(self.name_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.change_label)
        layout.addWidget(self.sparkline)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.setMinimumWidth(220)

    def show_summary(self, summary: Summary | None, texts: dict[str, str]) -> None:
        """Fill the card; ``texts`` carries the translated phrases (see the dashboard)."""
        self.summary = summary
        if summary is None:
            for label in (self.value_label, self.change_label, self.status_label):
                label.clear()
            self.sparkline.set_values([], None)
            self.progress_bar.hide()
            return
        language = current_language()
        indicator = summary.indicator
        self.name_label.setText(indicator.name(language))
        self.value_label.setText(format_value(indicator, summary.value, language))
        self.change_label.setText(texts["change"])
        self.change_label.setStyleSheet(f"color: {texts['change_colour']};")
        self.sparkline.set_values([v for _p, v in summary.history], summary.target)
        self.sparkline.setToolTip(texts["history"])
        if summary.target is not None and summary.value is not None and summary.target > 0:
            self.progress_bar.setValue(min(100, round(summary.value / summary.target * 100)))
            colour = {Progress.ACHIEVED: _GOOD, Progress.ON_TRACK: _GOOD}.get(
                summary.progress, _WARN
            )
            self.progress_bar.setStyleSheet(
                "QProgressBar { border: none; background: #e9ecef; border-radius: 3px; }"
                f"QProgressBar::chunk {{ background: {colour}; border-radius: 3px; }}"
            )
            self.progress_bar.show()
        else:
            self.progress_bar.hide()
        self.status_label.setText(texts["status"])
        self.status_label.setStyleSheet(f"color: {texts['status_colour']};")
        self.setToolTip(texts["tooltip"])

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.code)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.code)
        else:
            super().keyPressEvent(event)


class CompletenessMap(QWidget):
    """A square per commune, coloured by how much of the period it has reported."""

    CELL = 13
    GAP = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[Unit, int, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.tooltip_format = "%1: %2/%3"

    def set_rows(self, rows: list[tuple[Unit, int, int]]) -> None:
        self.rows = list(rows)
        self.updateGeometry()
        self.update()

    def _per_line(self, width: int | None = None) -> int:
        step = self.CELL + self.GAP
        return max(1, ((width or self.width()) + self.GAP) // step)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        lines = math.ceil(len(self.rows) / self._per_line(width)) if self.rows else 0
        return lines * (self.CELL + self.GAP)

    def sizeHint(self) -> QSize:
        return QSize(600, self.heightForWidth(600))

    def colour(self, filled: int, expected: int) -> QColor:
        if expected and filled >= expected:
            return _FULL
        return _PARTIAL if filled else _NONE

    def cell_at(self, x: float, y: float) -> int | None:
        step = self.CELL + self.GAP
        column, line = int(x // step), int(y // step)
        per_line = self._per_line()
        index = line * per_line + column
        if column >= per_line or not 0 <= index < len(self.rows):
            return None
        return index

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        per_line = self._per_line()
        step = self.CELL + self.GAP
        for index, (_unit, filled, expected) in enumerate(self.rows):
            line, column = divmod(index, per_line)
            painter.fillRect(
                column * step, line * step, self.CELL, self.CELL, self.colour(filled, expected)
            )
        painter.end()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.cell_at(event.pos().x(), event.pos().y())
            if index is None:
                QToolTip.hideText()
            else:
                unit, filled, expected = self.rows[index]
                QToolTip.showText(
                    event.globalPos(),
                    fill(self.tooltip_format, unit.name, str(filled), str(expected)),
                    self,
                )
            return True
        return super().event(event)


class CompletenessBar(QWidget):
    """One bar split into reported, partly reported and not reported."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts = (0, 0, 0)
        self.setFixedHeight(16)

    def set_counts(self, full: int, partial: int, none: int) -> None:
        self.counts = (full, partial, none)
        self.update()

    def paintEvent(self, _event) -> None:
        total = sum(self.counts)
        if not total:
            return
        painter = QPainter(self)
        x = 0.0
        for count, colour in zip(self.counts, (_FULL, _PARTIAL, _NONE), strict=True):
            width = self.width() * count / total
            painter.fillRect(QRectF(x, 0, width, self.height()), colour)
            x += width
        painter.end()


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
        self.subtitle.setStyleSheet(f"color: {_MUTED};")
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
            f'<span style="color:{_FULL.name()}">■</span> '
            + self.tr("reported")
            + f' &nbsp; <span style="color:{_PARTIAL.name()}">■</span> '
            + self.tr("partly reported")
            + f' &nbsp; <span style="color:{_NONE.name()}">■</span> '
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
            period = self.store.latest_period()
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
        by_code = {s.indicator.code: s for s in self.summaries}
        for code, card in self.cards.items():
            summary = by_code.get(code)
            card.setVisible(summary is not None)
            if summary is not None:
                card.show_summary(summary, self._card_texts(summary))
        self._show_completeness(chart_parent(store, unit_code), period)

    def _card_texts(self, summary: Summary) -> dict[str, str]:
        """The translated phrases of one card."""
        language = current_language()
        indicator = summary.indicator
        previous_label = summary.period.previous().label(language)
        change = summary.change
        if change is None:
            change_text = fill(self.tr("no value for %1"), previous_label)
            change_colour = _MUTED
        elif change == 0:
            change_text = "■ " + fill(self.tr("unchanged since %1"), previous_label)
            change_colour = _MUTED
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
            change_colour = _GOOD if change > 0 else _BAD if change < 0 else _MUTED
        year = str(summary.period.year)
        target = format_value(indicator, summary.target, language)
        if summary.progress is Progress.ACHIEVED:
            status, colour = "✔ " + fill(self.tr("Target %1 reached (%2)"), year, target), _GOOD
        elif summary.progress is Progress.ON_TRACK:
            status = self.tr("On track for the %1 target of %2")
            status, colour = fill(status, year, target), _GOOD
        elif summary.progress is Progress.BEHIND:
            status = fill(
                self.tr("Behind: %1 needed by %2 for the %3 target of %4"),
                format_value(indicator, summary.expected, language),
                summary.period.label(language),
                year,
                target,
            )
            colour = _BAD
        elif summary.progress is Progress.NO_DATA:
            status, colour = fill(self.tr("No value yet; target %1: %2"), year, target), _MUTED
        else:
            status, colour = fill(self.tr("No target for %1"), year), _MUTED
        history = "\n".join(
            f"{p.label(language)}: {format_value(indicator, v, language)}"
            for p, v in summary.history
        )
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
        for _unit, filled, expected in rows:
            status = "full" if filled >= expected else "partial" if filled else "none"
            counts[status] += 1
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
