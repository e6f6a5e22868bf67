"""The Trends tab: one indicator over time for a parent and any of its communes, or a ranking.

The numbers come from :mod:`ictdesk.core.series` (aggregate SQL). The charts themselves live
in :mod:`ictdesk.gui.charts.trend_chart`, which imports pyqtgraph; that module is imported only when the
tab is first shown, so start-up does not pay for it. Redraws update the existing plot items.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.catalogue import Indicator
from ictdesk.core.errors import IctdeskError
from ictdesk.core.numbers import ValueType, format_number
from ictdesk.core.periods import Period, PeriodType, periods_of_year
from ictdesk.core.series import RankedUnit, SeriesTable, chart_parent, ranking, trend, write_csv
from ictdesk.core.store import ValueStore
from ictdesk.core.units import search_key
from ictdesk.gui.i18n import current_language
from ictdesk.gui.text import fill

if TYPE_CHECKING:
    from ictdesk.gui.charts.trend_chart import RankingChart, TrendChart

_TYPES = (PeriodType.MONTH, PeriodType.QUARTER, PeriodType.HALF, PeriodType.YEAR)
_CODE = Qt.ItemDataRole.UserRole + 1
_TIME, _RANKING = "time", "ranking"
_PLACEHOLDER, _CHART, _RANKING_PAGE = 0, 1, 2


def format_value(indicator: Indicator, value: float | None, language: str) -> str:
    """A value as people read it: rates with one decimal, counts whole, with the unit."""
    if value is None:
        return "–"
    decimals = 1 if indicator.is_derived or indicator.value_type is ValueType.PERCENT else None
    text = format_number(value, decimals, language)
    unit = indicator.unit(language)
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


class TrendsView(QWidget):
    """Trends of one indicator: a line per unit over periods, or communes ranked for a period.

    Emits ``message(text)`` for the status bar after an export.
    """

    message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trendsView")
        self.store: ValueStore | None = None
        self.parent_code: str | None = None
        self._place_code: str | None = None
        self._auto_checked: str | None = None
        self._period: Period | None = None
        self._shown_period: Period | None = None
        self.chart: TrendChart | None = None
        self.ranking_chart: RankingChart | None = None
        self.table: SeriesTable | None = None  # what the line chart shows
        self.targets: dict[int, float] = {}  # the parent's target by year, as drawn
        self.ranked: list[RankedUnit] = []  # what the ranking shows
        self.ranking_period: Period | None = None
        self._dirty = True
        self._filling = False
        self._names: dict[str, str] = {}  # unit names of the list, read once per parent
        self._ranking_key: tuple | None = None  # what the ranking period box was filled for

        self.indicator_label = QLabel(self)
        self.indicator_box = QComboBox(self)
        self.indicator_box.setObjectName("trendIndicator")
        self.indicator_box.setMinimumContentsLength(24)
        self.indicator_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.type_label = QLabel(self)
        self.type_box = QComboBox(self)
        self.type_box.setObjectName("trendPeriodType")
        self.view_box = QComboBox(self)
        self.view_box.setObjectName("trendMode")
        self.ranking_period_box = QComboBox(self)
        self.ranking_period_box.setObjectName("rankingPeriod")
        self.ranking_period_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("resetZoom")
        self.png_button = QPushButton(self)
        self.png_button.setObjectName("exportPng")
        self.csv_button = QPushButton(self)
        self.csv_button.setObjectName("exportCsv")
        # Two rows, so the tab fits a 1024-pixel screen: what to show, then how and the exports.
        choice = QHBoxLayout()
        choice.addWidget(self.indicator_label)
        choice.addWidget(self.indicator_box, 1)
        controls = QHBoxLayout()
        for widget in (self.type_label, self.type_box, self.view_box, self.ranking_period_box):
            controls.addWidget(widget)
        controls.addStretch(1)
        for widget in (self.reset_button, self.png_button, self.csv_button):
            controls.addWidget(widget)

        self.units_label = QLabel(self)
        self.unit_filter = QLineEdit(self)
        self.unit_filter.setObjectName("trendUnitFilter")
        self.unit_filter.setClearButtonEnabled(True)
        self.unit_list = QListWidget(self)
        self.unit_list.setObjectName("trendUnits")
        self.all_button = QPushButton(self)
        self.none_button = QPushButton(self)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.all_button)
        list_buttons.addWidget(self.none_button)
        unit_panel = QWidget(self)
        unit_layout = QVBoxLayout(unit_panel)
        unit_layout.setContentsMargins(0, 0, 0, 0)
        unit_layout.addWidget(self.units_label)
        unit_layout.addWidget(self.unit_filter)
        unit_layout.addWidget(self.unit_list, 1)
        unit_layout.addLayout(list_buttons)

        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.caption = QLabel(self)
        self.caption.setObjectName("trendCaption")
        self.caption.setWordWrap(True)
        chart_panel = QWidget(self)
        chart_layout = QVBoxLayout(chart_panel)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.stack, 1)
        chart_layout.addWidget(self.caption)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("trendsSplitter")
        splitter.addWidget(unit_panel)
        splitter.addWidget(chart_panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(choice)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(0)
        self._redraw_timer.timeout.connect(self.redraw)
        self.indicator_box.currentIndexChanged.connect(self._on_indicator_box_changed)
        self.type_box.currentIndexChanged.connect(self._on_type_box_changed)
        self.view_box.currentIndexChanged.connect(self._on_view_box_changed)
        self.ranking_period_box.currentIndexChanged.connect(self._on_ranking_period_box_changed)
        self.unit_list.itemChanged.connect(self._on_unit_list_item_changed)
        self.unit_filter.textChanged.connect(self._on_unit_filter_text_changed)
        self.all_button.clicked.connect(self._on_all_button_clicked)
        self.none_button.clicked.connect(self._on_none_button_clicked)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.png_button.clicked.connect(self._on_png_button_clicked)
        self.csv_button.clicked.connect(self._on_csv_button_clicked)
        self.retranslate()
        self._update_controls()

    # --------------------------------------------------------------- language
    def retranslate(self) -> None:
        self._filling = True
        self.indicator_label.setText(self.tr("Indicator:"))
        self.type_label.setText(self.tr("By:"))
        names = {
            PeriodType.MONTH: self.tr("month"),
            PeriodType.QUARTER: self.tr("quarter"),
            PeriodType.HALF: self.tr("half-year"),
            PeriodType.YEAR: self.tr("year"),
        }
        current = self.type_box.currentData() or PeriodType.QUARTER.value
        self.type_box.clear()
        for ptype in _TYPES:
            self.type_box.addItem(names[ptype], ptype.value)
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(current)))
        mode = self.view_box.currentData() or _TIME
        self.view_box.clear()
        self.view_box.addItem(self.tr("Over time"), _TIME)
        self.view_box.addItem(self.tr("Ranking of communes"), _RANKING)
        self.view_box.setCurrentIndex(max(0, self.view_box.findData(mode)))
        self.reset_button.setText(self.tr("Reset zoom"))
        self.reset_button.setToolTip(
            self.tr("Drag to move, use the wheel to zoom; this shows everything again.")
        )
        self.png_button.setText(self.tr("Export PNG…"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.png_button.setToolTip(self.tr("Save the chart as a picture"))
        self.csv_button.setToolTip(self.tr("Save the plotted numbers for Excel"))
        self.units_label.setText(self.tr("Units:"))
        self.unit_filter.setPlaceholderText(self.tr("commune name or code"))
        self.all_button.setText(self.tr("All communes"))
        self.none_button.setText(self.tr("Total only"))
        self.placeholder.setText(self.tr("Open a database and choose a unit to see trends."))
        self._fill_indicators()
        self._filling = False
        self._refresh_unit_names()
        self._ranking_key = None  # period names follow the language
        self.schedule_redraw()

    def _fill_indicators(self) -> None:
        current = self.indicator_box.currentData()
        self.indicator_box.clear()
        if self.store is None:
            return
        language = current_language()
        catalogue = self.store.catalogue
        for pillar in catalogue.pillars:
            members = catalogue.in_pillar(pillar.code)
            if not members:
                continue
            self.indicator_box.addItem(pillar.name(language).upper(), None)
            header = self.indicator_box.model().item(self.indicator_box.count() - 1)
            header.setEnabled(False)
            font = QFont()
            font.setBold(True)
            header.setFont(font)
            for indicator in members:
                self.indicator_box.addItem(
                    f"   {indicator.name(language)} ({indicator.unit(language)})", indicator.code
                )
        index = self.indicator_box.findData(current) if current else -1
        if index < 0:
            index = self.indicator_box.findData("SMARTPHONE_HH_PCT")
        if index < 0:
            index = next(
                (i for i in range(self.indicator_box.count()) if self.indicator_box.itemData(i)),
                0,
            )
        self.indicator_box.setCurrentIndex(index)

    # ------------------------------------------------------------------ place
    def set_store(self, store: ValueStore | None) -> None:
        """Show trends of ``store`` (the unit list waits for :meth:`show_place`)."""
        self.store = store
        self.parent_code = None
        self._place_code = None
        self._auto_checked = None
        self.table = None
        self.ranked = []
        self._filling = True
        self._fill_indicators()
        self.unit_list.clear()
        self._filling = False
        self._update_controls()
        self.schedule_redraw()

    def show_place(self, unit_code: str | None, period: Period | None) -> None:
        """Follow the main window: the selected unit (and its communes) and period."""
        self._period = period
        if self.store is None or unit_code is None:
            return
        if self._place_code is None and period is not None:
            self._select_type(period.type)
        parent = chart_parent(self.store, unit_code)
        if parent != self.parent_code:
            self._fill_units(parent)
        if unit_code != parent and unit_code != self._auto_checked:
            self._filling = True
            if self._auto_checked:
                item = self._item(self._auto_checked)
                if item is not None:
                    item.setCheckState(Qt.CheckState.Unchecked)
            item = self._item(unit_code)
            if item is not None and item.checkState() != Qt.CheckState.Checked:
                item.setCheckState(Qt.CheckState.Checked)
                self._auto_checked = unit_code
            self._filling = False
        if period != self._shown_period:  # a new period in the main window: rank that one
            self._shown_period = period
            self.ranking_period_box.clear()
        self._place_code = unit_code
        self._ranking_key = None
        self.schedule_redraw()

    def show_indicator(self, code: str) -> None:
        """Show ``code`` over time (a dashboard card was clicked)."""
        index = self.indicator_box.findData(code)
        if index >= 0:
            self.indicator_box.setCurrentIndex(index)
        self.view_box.setCurrentIndex(self.view_box.findData(_TIME))
        self.schedule_redraw()

    def _select_type(self, ptype: PeriodType) -> None:
        index = self.type_box.findData(ptype.value)
        if index >= 0:
            self._filling = True
            self.type_box.setCurrentIndex(index)
            self._filling = False

    def _fill_units(self, parent: str) -> None:
        self._filling = True
        self.parent_code = parent
        self._auto_checked = None
        self.unit_list.clear()
        parent_item = QListWidgetItem(self.unit_list)
        parent_item.setData(_CODE, parent)
        parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # the total is always drawn
        font = QFont()
        font.setBold(True)
        parent_item.setFont(font)
        children = sorted(self.store.children(parent), key=lambda u: search_key(u.name))
        self._names = {u.code: u.name for u in children}
        self._names[parent] = self.store.unit(parent).name
        for unit in children:
            item = QListWidgetItem(unit.name, self.unit_list)
            item.setData(_CODE, unit.code)
            item.setToolTip(unit.code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self._refresh_unit_names()
        self.unit_filter.clear()
        self._filling = False

    def _refresh_unit_names(self) -> None:
        if self.store is None or self.unit_list.count() == 0:
            return
        item = self.unit_list.item(0)
        item.setText(fill(self.tr("%1 (total)"), self.store.unit(self.parent_code).name))

    def _item(self, code: str) -> QListWidgetItem | None:
        for row in range(1, self.unit_list.count()):
            item = self.unit_list.item(row)
            if item.data(_CODE) == code:
                return item
        return None

    def checked_codes(self) -> list[str]:
        """The communes ticked in the list, in list order."""
        return [
            self.unit_list.item(row).data(_CODE)
            for row in range(1, self.unit_list.count())
            if self.unit_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, codes: list[str]) -> None:
        """Tick exactly these communes (and redraw once)."""
        wanted = set(codes)
        self._filling = True
        for row in range(1, self.unit_list.count()):
            item = self.unit_list.item(row)
            state = Qt.CheckState.Checked if item.data(_CODE) in wanted else Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
        self._filling = False
        self.schedule_redraw()

    # -------------------------------------------------------------- choices
    def indicator(self) -> Indicator | None:
        code = self.indicator_box.currentData()
        return self.store.catalogue[code] if self.store and code else None

    def period_type(self) -> PeriodType:
        return PeriodType(self.type_box.currentData() or PeriodType.QUARTER.value)

    def mode(self) -> str:
        return self.view_box.currentData() or _TIME

    def set_mode(self, mode: str) -> None:
        self.view_box.setCurrentIndex(max(0, self.view_box.findData(mode)))

    def _fill_ranking_periods(self) -> None:
        """The periods a ranking can show: those of the chosen type holding data."""
        current = self.ranking_period_box.currentData()
        blocked = self.ranking_period_box.blockSignals(True)
        self.ranking_period_box.clear()
        indicator = self.indicator()
        if indicator is not None and self.parent_code is not None:
            periods = trend(self.store, indicator.code, [self.parent_code], self.period_type())
            language = current_language()
            for period in reversed(periods.periods):
                self.ranking_period_box.addItem(period.label(language), period.iso)
            candidates = [current]
            if self._period is not None:  # else the period of the main window
                same = [p.iso for p in periods.periods if p == self._period]
                containing = [p.iso for p in periods.periods if p.contains(self._period)]
                candidates += same + containing
            found = [self.ranking_period_box.findData(c) for c in candidates if c]
            index = next((i for i in found if i >= 0), 0)  # else the latest
            self.ranking_period_box.setCurrentIndex(index)
        self.ranking_period_box.blockSignals(blocked)

    def _update_controls(self) -> None:
        ranking_mode = self.mode() == _RANKING
        self.ranking_period_box.setVisible(ranking_mode)
        self.reset_button.setEnabled(not ranking_mode)
        ready = self.store is not None and self.parent_code is not None
        for widget in (self.png_button, self.csv_button, self.all_button, self.none_button):
            widget.setEnabled(ready)

    # --------------------------------------------------------------- drawing
    def schedule_redraw(self) -> None:
        """Redraw once control returns to the event loop (many changes, one redraw)."""
        self._dirty = True
        if self.isVisible():
            self._redraw_timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._redraw_timer.start()

    @property
    def chart_built(self) -> bool:
        return self.chart is not None

    def _ensure_charts(self) -> None:
        """Build the charts the first time they are needed (this imports pyqtgraph)."""
        if self.chart is not None:
            return
        from ictdesk.gui.charts.trend_chart import RankingChart, TrendChart

        self.chart = TrendChart(current_language, self)
        self.stack.addWidget(self.chart)
        self.ranking_chart = RankingChart(current_language)
        self.ranking_scroll = QScrollArea(self)
        self.ranking_scroll.setObjectName("rankingScroll")
        self.ranking_scroll.setWidgetResizable(True)
        self.ranking_scroll.setWidget(self.ranking_chart)
        self.stack.addWidget(self.ranking_scroll)

    def redraw(self) -> None:
        """Draw the current choices now (the chart is built on first use)."""
        self._redraw_timer.stop()
        self._update_controls()
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        indicator = self.indicator()
        if self.store is None or indicator is None or self.parent_code is None:
            self.stack.setCurrentIndex(_PLACEHOLDER)
            self.caption.clear()
            return
        self._ensure_charts()
        try:
            if self.mode() == _RANKING:
                self._draw_ranking(indicator)
                self.stack.setCurrentIndex(_RANKING_PAGE)
            else:
                self._draw_trend(indicator)
                self.stack.setCurrentIndex(_CHART)
        except IctdeskError as exc:
            self.stack.setCurrentIndex(_PLACEHOLDER)
            self.placeholder.setText(fill(self.tr("The chart cannot be drawn: %1"), str(exc)))

    def _draw_trend(self, indicator: Indicator) -> None:
        from ictdesk.gui.charts.trend_chart import Line, TargetSegment

        language = current_language()
        store = self.store
        units = [self.parent_code, *self.checked_codes()]
        table = trend(store, indicator.code, units, self.period_type())
        self.table = table
        periods = list(table.periods)
        self.targets = {}
        if periods:
            years = range(periods[0].year, periods[-1].year + 2)  # and the year ahead
            for year in years:
                target = store.target(indicator.code, self.parent_code, year)
                if target is not None:
                    self.targets[year] = target
            ahead = periods[-1].year + 1
            if ahead in self.targets:
                periods += periods_of_year(ahead, self.period_type())
        names = {code: self._names.get(code) or store.unit(code).name for code in units}
        total_name = fill(self.tr("%1 (total)"), names[self.parent_code])
        lines = []
        for code in units:
            values = list(table.values[code]) + [None] * (len(periods) - len(table.periods))
            name = total_name if code == self.parent_code else names[code]
            lines.append(Line(code, name, values, code == self.parent_code))
        segments = []
        for year, target in sorted(self.targets.items()):
            indexes = [i for i, p in enumerate(periods) if p.year == year]
            if indexes:
                label = fill(
                    self.tr("Target %1: %2"), str(year), format_value(indicator, target, language)
                )
                segments.append(TargetSegment(indexes[0], indexes[-1], target, label))

        def describe(line_index: int, period_index: int) -> str:
            line = lines[line_index]
            period = periods[period_index]
            text = (
                f"<b>{line.name}</b>\n{period.label(language)}: "
                f"{format_value(indicator, line.values[period_index], language)}"
            )
            target = self.targets.get(period.year)
            if target is not None:
                text += "\n" + fill(
                    self.tr("Target %1: %2"),
                    str(period.year),
                    format_value(indicator, target, language),
                )
            return text

        self.chart.set_lines(
            [p.short_label(language) for p in periods],
            lines,
            segments,
            self.tr("Target"),
            indicator.unit(language),
            describe,
            fill(self.tr("%1 communes"), str(len(units) - 1)),
        )
        if table.periods:
            span = f"{table.periods[0].label(language)} – {table.periods[-1].label(language)}"
            self.caption.setText(
                f"<b>{indicator.name(language)}</b> · {names[self.parent_code]} · {span}. "
                + self.tr("Drag to move, wheel to zoom; click a legend entry to hide its line.")
            )
        else:
            self.caption.setText(f"<b>{indicator.name(language)}</b> · " + self._no_data_text())

    def _no_data_text(self) -> str:
        """Nothing to show for the chosen kind of period: say which kinds hold values."""
        shown = self.period_type()
        others = [
            self.type_box.itemText(i)
            for i in range(self.type_box.count())
            if self.type_box.itemData(i) != shown.value
            and self.store.latest_period(PeriodType(self.type_box.itemData(i))) is not None
        ]
        if not others:
            return self.tr("No data for this indicator yet.")
        return fill(
            self.tr("No values by %1; there are values by %2: choose it above."),
            self.type_box.currentText(),
            ", ".join(others),
        )

    def _draw_ranking(self, indicator: Indicator) -> None:
        language = current_language()
        key = (indicator.code, self.period_type(), self.parent_code, current_language())
        if key != self._ranking_key:
            self._fill_ranking_periods()
            self._ranking_key = key
        iso = self.ranking_period_box.currentData()
        if iso is None:
            self.ranked = []
            self.ranking_period = None
            self.ranking_chart.set_bars([], [], [], None, "", indicator.unit(language))
            self.caption.setText(
                f"<b>{indicator.name(language)}</b> · " + self.tr("No data for this indicator yet.")
            )
            return
        period = Period.parse(iso)
        self.ranking_period = period
        self.ranked = ranking(self.store, indicator.code, self.parent_code, period)
        target = self.store.target(indicator.code, self.parent_code, period.year)
        self.targets = {period.year: target} if target is not None else {}
        checked = set(self.checked_codes())
        labels = [
            f"{r.rank or '–'}. {r.unit.name}  {format_value(indicator, r.value, language)}"
            if r.value is not None
            else f"{r.unit.name}  –"
            for r in self.ranked
        ]
        target_label = (
            fill(
                self.tr("Target %1: %2"),
                str(period.year),
                format_value(indicator, target, language),
            )
            if target is not None
            else ""
        )
        self.ranking_chart.set_bars(
            labels,
            [r.value for r in self.ranked],
            [r.unit.code in checked for r in self.ranked],
            target,
            target_label,
            indicator.unit(language),
        )
        known = [r for r in self.ranked if r.value is not None]
        text = (
            f"<b>{indicator.name(language)}</b> · {self.store.unit(self.parent_code).name} · "
            f"{period.label(language)}. "
            + fill(
                self.tr("%1 of %2 communes have a value."), str(len(known)), str(len(self.ranked))
            )
        )
        if target is not None:
            reached = sum(1 for r in known if r.value >= target)
            text += " " + fill(self.tr("%1 have reached the target."), str(reached))
        self.caption.setText(text)

    # ---------------------------------------------------------------- export
    def export_png(self, path: str | Path) -> bool:
        """Save the chart shown (lines or ranking) as a PNG picture."""
        if self._dirty:
            self.redraw()
        widget = self.ranking_chart if self.mode() == _RANKING else self.chart
        if widget is None:
            return False
        ok = widget.grab().save(str(path), "PNG")
        self.message.emit(
            fill(
                self.tr("Chart saved: %1") if ok else self.tr("The chart was not saved: %1"),
                str(path),
            )
        )
        return ok

    def export_csv(self, path: str | Path) -> bool:
        """Save the plotted numbers (machine format, UTF-8 with BOM) for Excel."""
        if self._dirty:
            self.redraw()
        indicator = self.indicator()
        if indicator is None or self.store is None:
            return False
        language = current_language()
        name = indicator.name(language)
        store = self.store
        try:
            if self.mode() == _RANKING:
                period = self.ranking_period
                rows = [
                    (
                        r.rank,
                        r.unit.code,
                        r.unit.name,
                        indicator.code,
                        name,
                        period.iso,
                        r.value,
                        self.targets.get(period.year),
                    )
                    for r in self.ranked
                ]
                header = ["rank", "unit_code", "unit_name", "indicator_code", "indicator_name"]
                write_csv(path, [*header, "period", "value", "target"], rows)
            else:
                table = self.table
                rows = []
                for code, values in (table.values if table else {}).items():
                    unit_name = store.unit(code).name
                    for period, value in zip(table.periods, values, strict=True):
                        target = store.target(indicator.code, code, period.year)
                        rows.append(
                            (code, unit_name, indicator.code, name, period.iso, value, target)
                        )
                header = ["unit_code", "unit_name", "indicator_code", "indicator_name"]
                write_csv(path, [*header, "period", "value", "target"], rows)
        except IctdeskError as exc:
            self.message.emit(fill(self.tr("The numbers were not saved: %1"), str(exc)))
            return False
        self.message.emit(fill(self.tr("Numbers saved: %1"), str(path)))
        return True

    def _export_path(self, suffix: str, title: str, filter_text: str) -> str:
        settings = QSettings()
        folder = settings.value("export_dir", str(Path.home()))
        indicator = self.indicator()
        stem = f"{indicator.code if indicator else 'chart'}-{self.parent_code or ''}-{self.mode()}"
        name, _ = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / f"{stem}.{suffix}"), filter_text
        )
        if name:
            settings.setValue("export_dir", str(Path(name).parent))
        return name

    # ---------------------------------------------------------------- slots
    def _on_indicator_box_changed(self, _index: int) -> None:
        if not self._filling:
            self.schedule_redraw()

    def _on_type_box_changed(self, _index: int) -> None:
        if not self._filling:
            self.schedule_redraw()

    def _on_view_box_changed(self, _index: int) -> None:
        if not self._filling:
            self._update_controls()
            self.schedule_redraw()

    def _on_ranking_period_box_changed(self, _index: int) -> None:
        self.schedule_redraw()

    def _on_unit_list_item_changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self.schedule_redraw()

    def _on_unit_filter_text_changed(self, text: str) -> None:
        needle = search_key(text.strip())
        for row in range(1, self.unit_list.count()):
            item = self.unit_list.item(row)
            hidden = bool(needle) and not (
                needle in search_key(item.text()) or item.data(_CODE).startswith(text.strip())
            )
            item.setHidden(hidden)

    def _on_all_button_clicked(self) -> None:
        self.set_checked(
            [self.unit_list.item(r).data(_CODE) for r in range(1, self.unit_list.count())]
        )

    def _on_none_button_clicked(self) -> None:
        self._auto_checked = None
        self.set_checked([])

    def _on_reset_button_clicked(self) -> None:
        if self.chart is not None:
            self.chart.reset_zoom()

    def _on_png_button_clicked(self) -> None:
        path = self._export_path("png", self.tr("Export chart"), self.tr("PNG pictures (*.png)"))
        if path:
            self.export_png(path)

    def _on_csv_button_clicked(self) -> None:
        path = self._export_path("csv", self.tr("Export numbers"), self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path)
