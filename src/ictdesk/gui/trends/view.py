"""The Trends tab: one indicator over time for a parent and any of its communes, or a ranking.

The numbers come from :mod:`ictdesk.core.series` (aggregate SQL). The charts themselves live
in :mod:`ictdesk.gui.charts`, which imports pyqtgraph; that package is imported only when the
tab is first shown, so start-up does not pay for it. Redraws update the existing plot items.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
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
from ictdesk.core.periods import Period, PeriodType
from ictdesk.core.series import RankedUnit, SeriesTable, chart_parent
from ictdesk.core.store import ValueStore
from ictdesk.gui.i18n import current_language
from ictdesk.gui.text import fill
from ictdesk.gui.trends.drawing import TrendDrawing
from ictdesk.gui.trends.export import ChartExport
from ictdesk.gui.trends.units import UnitChoice

if TYPE_CHECKING:
    from ictdesk.gui.charts.trend_chart import RankingChart, TrendChart

_TYPES = (PeriodType.MONTH, PeriodType.QUARTER, PeriodType.HALF, PeriodType.YEAR)

_TIME, _RANKING = "time", "ranking"
_PLACEHOLDER, _CHART, _RANKING_PAGE = 0, 1, 2


class TrendsView(UnitChoice, TrendDrawing, ChartExport, QWidget):
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
            PeriodType.MONTH: self.tr("Month"),  # as the period picker writes them
            PeriodType.QUARTER: self.tr("Quarter"),
            PeriodType.HALF: self.tr("Half-year"),
            PeriodType.YEAR: self.tr("Year"),
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

    def _on_reset_button_clicked(self) -> None:
        if self.chart is not None:
            self.chart.reset_zoom()
