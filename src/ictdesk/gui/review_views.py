"""Review views: the validation report of a period, and who has reported.

Both list units; double-clicking a row jumps to that unit's form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore
from ictdesk.core.validation import Violation
from ictdesk.gui.format import parts_in_full
from ictdesk.gui.i18n import current_language
from ictdesk.gui.screen import fit_to_screen
from ictdesk.gui.tables import filling
from ictdesk.gui.text import fill

_CODE = Qt.ItemDataRole.UserRole + 1
_INDICATOR = Qt.ItemDataRole.UserRole + 2


def _readonly_table(columns: int, parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    # Rows stay in the order given until a header is clicked (Qt's default indicator would
    # sort the first column Z to A as soon as sorting is enabled).
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class _NumberItem(QTableWidgetItem):
    """A cell that sorts by its number (``9/29`` before ``29/29``), not by its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return mine < theirs


class ValidationDialog(QDialog):
    """Every violation of one period under a unit; emits ``unit_activated(code, indicator)``."""

    unit_activated = Signal(str, str)

    def __init__(self, store: ValueStore, root_code: str, period: Period, parent=None):
        super().__init__(parent)
        self.setObjectName("validationDialog")
        self.setWindowTitle(self.tr("Validation report"))
        self._store, self._root, self._period = store, root_code, period
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = _readonly_table(4, self)
        self.table.setObjectName("validationTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("Kind"), self.tr("Importance"), self.tr("Problem")]
        )
        self.table.itemDoubleClicked.connect(self._on_table_item_double_clicked)
        again = QPushButton(self.tr("Check again"), self)
        again.clicked.connect(self.run)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(again)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        fit_to_screen(self, 900, 500)  # the frame fits the screen
        self.violations: list[Violation] = []
        self.run()

    def run(self) -> None:
        """Check the period again and show the result."""
        found = self._store.validate_period(self._period.iso, self._root)
        self.violations = sorted(found, key=lambda v: not v.blocking)  # errors first
        language = current_language()
        kinds = {
            "type": self.tr("type"),
            "range": self.tr("range"),
            "rule": self.tr("rule"),
            "outlier": self.tr("large change"),
        }
        importance = {"high": self.tr("high"), "medium": self.tr("medium"), "low": self.tr("low")}
        names: dict[str, str] = {}
        with filling(self.table, len(self.violations)):
            for row, violation in enumerate(self.violations):
                if violation.unit_code not in names:
                    names[violation.unit_code] = self._store.unit(violation.unit_code).name
                cells = (
                    names[violation.unit_code],
                    kinds[violation.kind],
                    importance[violation.importance.value],
                    violation.message(language),
                )
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(_CODE, violation.unit_code)
                    item.setData(_INDICATOR, violation.indicators[0])
                    if violation.blocking:
                        item.setBackground(QBrush(QColor("#f8d7da")))
                    self.table.setItem(row, column, item)
        blocking = sum(v.blocking for v in self.violations)
        units = len({v.unit_code for v in self.violations})
        place = f"{self._store.unit(self._root).name} — {self._period.label(language)}"
        if not self.violations:
            self.summary.setText(fill(self.tr("%1: no problems found."), place))
        else:
            self.summary.setText(
                fill(
                    self.tr("%1: %2 problems in %3 units, %4 of them errors. Double-click to fix."),
                    place,
                    str(len(self.violations)),
                    str(units),
                    str(blocking),
                )
            )

    def _on_table_item_double_clicked(self, item: QTableWidgetItem) -> None:
        self.unit_activated.emit(item.data(_CODE), item.data(_INDICATOR))


class CompletenessView(QWidget):
    """For one period: which communes have reported fully, partly or not at all."""

    unit_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("completenessView")
        self.summary = QLabel(self)
        self.table = _readonly_table(4, self)
        self.table.setObjectName("completenessTable")
        self.table.itemDoubleClicked.connect(
            lambda item: self.unit_activated.emit(item.data(_CODE))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self._place: tuple[ValueStore, str, Period] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("Filled"), self.tr("Status"), self.tr("Complete")]
        )
        if self._place:
            self.show_place(*self._place)

    def show_place(self, store: ValueStore | None, unit_code: str | None, period) -> None:
        """Show the children of ``unit_code`` (or its parent's, for a commune)."""
        if store is None or unit_code is None or period is None:
            self.table.setRowCount(0)
            return
        parent = unit_code if store.child_count(unit_code) else store.unit(unit_code).parent_code
        self._place = (store, unit_code, period)
        rows = store.completeness(period.iso, parent)
        statuses = {
            "full": (self.tr("reported"), QColor("#d4edda")),
            "partial": (self.tr("partly reported"), QColor("#fff3cd")),
            "none": (self.tr("not reported"), QColor("#f8d7da")),
        }
        counts = {"full": 0, "partial": 0, "none": 0}
        with filling(self.table, len(rows)):
            for row, (unit, filled, expected, status, parts) in enumerate(rows):
                counts[status] += 1
                label, colour = statuses[status]
                if status == "partial" and parts is not None:
                    label = fill(self.tr("partly reported: %1"), parts_in_full(parts))
                complete = store.is_complete(unit.code, period.iso)
                cells = (
                    unit.name,
                    f"{filled}/{expected}",
                    label,
                    self.tr("yes") if complete else "",
                )
                for column, text in enumerate(cells):
                    item = _NumberItem(text) if column == 1 else QTableWidgetItem(text)
                    item.setData(_CODE, unit.code)
                    if column == 1:
                        item.setData(Qt.ItemDataRole.UserRole, filled)
                    item.setBackground(QBrush(colour))
                    self.table.setItem(row, column, item)
        self.summary.setText(
            fill(
                self.tr("%1 — %2: %3 reported, %4 partly, %5 not yet."),
                store.unit(parent).name,
                period.label(current_language()),
                str(counts["full"]),
                str(counts["partial"]),
                str(counts["none"]),
            )
        )
        self.counts = counts
