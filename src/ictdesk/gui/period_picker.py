"""The period picker: a period type (month, quarter, half-year, year), a year and a period."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from ictdesk.core.periods import Period, PeriodType, periods_of_year
from ictdesk.gui.i18n import current_language

_TYPES = (PeriodType.MONTH, PeriodType.QUARTER, PeriodType.HALF, PeriodType.YEAR)


class PeriodPicker(QWidget):
    """Emits ``period_changed(iso)`` whenever the chosen period changes."""

    period_changed = Signal(str)

    def __init__(self, period: Period | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("periodPicker")
        self.type_label = QLabel(self)
        self.type_box = QComboBox(self)
        self.type_box.setObjectName("periodType")
        self.year_box = QSpinBox(self)
        self.year_box.setObjectName("periodYear")
        self.year_box.setRange(2000, 2100)
        self.period_box = QComboBox(self)
        self.period_box.setObjectName("periodIndex")
        # Wide enough for the longest label of any type ("Tháng 12/2025"), never cut.
        self.period_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.type_label, self.type_box, self.year_box, self.period_box):
            layout.addWidget(widget)
        self._period = period or Period(2025, PeriodType.QUARTER, 4)
        self._updating = False
        self.retranslate()
        self.type_box.currentIndexChanged.connect(self._on_type_box_changed)
        self.year_box.valueChanged.connect(self._on_year_box_changed)
        self.period_box.currentIndexChanged.connect(self._on_period_box_changed)

    def retranslate(self) -> None:
        self.type_label.setText(self.tr("Period:"))
        names = {
            PeriodType.MONTH: self.tr("Month"),
            PeriodType.QUARTER: self.tr("Quarter"),
            PeriodType.HALF: self.tr("Half-year"),
            PeriodType.YEAR: self.tr("Year"),
        }
        self._updating = True
        self.type_box.clear()
        for ptype in _TYPES:
            self.type_box.addItem(names[ptype], ptype.value)
        self._updating = False
        self._show(self._period)

    def period(self) -> Period:
        return self._period

    def set_period(self, period: Period) -> None:
        if period != self._period:
            self._period = period
            self._show(period)
            self.period_changed.emit(period.iso)

    def show_period(self, period: Period) -> None:
        """Show ``period`` without announcing it (the place moved there)."""
        if period != self._period:
            self._period = period
            self._show(period)

    def _show(self, period: Period) -> None:
        self._updating = True
        self.type_box.setCurrentIndex(_TYPES.index(period.type))
        self.year_box.setValue(period.year)
        self.period_box.clear()
        language = current_language()
        for candidate in periods_of_year(period.year, period.type):
            self.period_box.addItem(candidate.label(language), candidate.iso)
        self.period_box.setCurrentIndex(period.index - 1)
        self.period_box.setVisible(period.type is not PeriodType.YEAR)
        self._updating = False

    def _choose(self, period: Period) -> None:
        if self._updating:
            return
        self.set_period(period)
        self._show(period)

    def _on_type_box_changed(self, _row: int) -> None:
        if self._updating:
            return
        ptype = PeriodType(self.type_box.currentData())
        # keep the same moment in time: the sub-period that holds the current period's end
        month = self._period.last_month
        self._choose(Period(self._period.year, ptype, (month - 1) // ptype.months + 1))

    def _on_year_box_changed(self, year: int) -> None:
        if self._updating:
            return
        self._choose(Period(year, self._period.type, self._period.index))

    def _on_period_box_changed(self, row: int) -> None:
        if self._updating or row < 0:
            return
        self._choose(Period.parse(self.period_box.itemData(row)))
