"""The grid: one period, the communes of a parent as rows, indicators as columns.

Rows are the units only; their values are fetched in blocks when first shown (a row cache,
Anki-style), so a national grid of thousands of communes opens at once. The first row is the
parent's aggregate (sums; rates as Σ/Σ). Cells are edited in place with the same checks as
the form, and blocks pasted from Excel are validated whole before anything is written.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ictdesk.core.catalogue import Indicator
from ictdesk.core.edits import Cell, EditPlan, made_of_sub_periods, plan_edits
from ictdesk.core.numbers import Convention, format_number
from ictdesk.core.periods import Period
from ictdesk.core.store import PeriodCover, ValueStore
from ictdesk.core.units import Unit
from ictdesk.core.validation import Violation
from ictdesk.gui.edit_session import EditSession
from ictdesk.gui.format import value_marks
from ictdesk.gui.i18n import current_language
from ictdesk.gui.interaction import current as current_interaction
from ictdesk.gui.text import fill

SortRole = Qt.ItemDataRole.UserRole + 10
BLOCK = 200  # rows fetched at a time
_INVALID = QColor("#f8d7da")
_WARNING = QColor("#fff3cd")
_AGGREGATE = QColor("#e3eef9")
_MADE_OF = QColor("#5f6368")  # a value made of sub-periods: grey, readable (6:1 on white)


def _with_marks(text: str, mark: str) -> str:
    """``1.234`` with the comment (✎) and follow-up (⚑) marks of its value."""
    symbols = value_marks("c" in mark, "f" in mark)
    return f"{symbols} {text}" if symbols else text


class PasteRejected(Exception):
    """A pasted block has invalid cells; nothing was written. ``problems`` lists them."""

    def __init__(self, problems: list[tuple[int, int, str]]):
        super().__init__(f"{len(problems)} invalid cells")
        self.problems = problems  # (row, column, reason), 0-based within the view


class GridModel(QAbstractTableModel):
    """Rows: the aggregate of ``parent`` then its children; columns: completeness + indicators."""

    edit_rejected = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.last_edit_saved = True  # whether the last cell typed in (setData) was saved
        self.store: ValueStore | None = None
        self.session: EditSession | None = None
        self.parent_unit: Unit | None = None
        self.period: Period | None = None
        self.indicators: list[Indicator] = []
        self.units: list[Unit] = []
        self._cache: dict[int, dict[str, float | None]] = {}
        self._checks: dict[int, dict[str, list[Violation]]] = {}
        self._stored: dict[int, dict[str, float | None]] = {}  # row -> values stored
        self._covers: dict[int, PeriodCover] = {}  # row -> what its months make (coverage)
        self._marks: dict[tuple[str, str], str] = {}
        self._aggregate: dict[str, float | None] = {}
        self._entered_codes: list[str] = []
        self.interaction = None  # who asks about complete periods (None: the installed one)

    # ------------------------------------------------------------- configuration
    def configure(
        self,
        store: ValueStore | None,
        parent_code: str | None,
        period: Period | None,
        indicators: list[Indicator],
        units: list[Unit] | None = None,
    ) -> None:
        """Show ``parent_code``'s children (or ``units``) for ``period`` and ``indicators``."""
        self.beginResetModel()
        self.store = store
        self.period = period
        self.indicators = indicators
        self.parent_unit = store.unit(parent_code) if store and parent_code else None
        if units is None:
            units = store.children(parent_code) if store and parent_code else []
        self.units = units if self.parent_unit else []
        self._forget()
        self.endResetModel()

    def _forget(self) -> None:
        self._entered_codes = [i.code for i in self.store.catalogue.entered] if self.store else []
        self._cache.clear()
        self._checks.clear()
        self._stored.clear()
        self._covers.clear()
        self._marks.clear()
        self._aggregate = (
            self.store.aggregates(self.parent_unit.code, self.period.iso)
            if self.store and self.parent_unit and self.period
            else {}
        )

    def refresh(self) -> None:
        """Values changed elsewhere: drop the cache and repaint."""
        self._forget()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def unit_at(self, row: int) -> Unit | None:
        """The unit of a row; the aggregate row (0) is the parent."""
        return self.parent_unit if row == 0 else self.units[row - 1]

    def indicator_at(self, column: int) -> Indicator | None:
        return self.indicators[column - 1] if column >= 1 else None

    # ------------------------------------------------------------------ values
    def row_values(self, row: int) -> dict[str, float | None]:
        if row == 0:
            return self._aggregate
        if row not in self._cache:
            self._fetch_block(row)
        return self._cache[row]

    def _fetch_block(self, row: int) -> None:
        start = max(1, row - BLOCK // 4)
        rows = [r for r in range(start, min(start + BLOCK, len(self.units) + 1))]
        rows = [r for r in rows if r not in self._cache] or [row]
        codes = [self.units[r - 1].code for r in rows]
        values = self.store.values_for_units(self.period.iso, codes)
        marks = self.store.marks_for_units(self.period.iso, codes)
        for (unit_code, indicator_code), mark in marks.items():
            self._marks[(unit_code, indicator_code)] = mark
        catalogue = self.store.catalogue
        rules = self.store.rules()
        period = self.period.iso
        # the previous period of the whole block in one query, not one per row
        previous = self.store.previous_checked({(code, period) for code in codes})
        covers = self.store.coverage(period, codes)
        for r, code in zip(rows, codes, strict=True):
            entered, cover = values[code], covers[code]
            self._stored[r] = entered
            merged = cover.shown(entered)  # greyed where made of the unit's months
            merged.update(catalogue.derived_values(merged))
            self._cache[r] = merged
            self._covers[r] = cover
            checks: dict[str, list[Violation]] = {}
            found = self.store.check(
                code,
                period,
                cover.checked(entered),
                rules=rules,
                previous=previous[(code, period)],
            )
            for violation in found:
                for indicator in violation.indicators:
                    checks.setdefault(indicator, []).append(violation)
            self._checks[r] = checks

    def _filled(self, row: int) -> tuple[int, int]:
        """(indicators reported for the whole period, entered indicators) of a unit's row:
        stored for the period, or made of all its months (``store.coverage``)."""
        self.row_values(row)
        return len(self._covers[row].whole), len(self._entered_codes)

    def shows_made_of(self, row: int, column: int) -> bool:
        """Whether a cell's value is made of the unit's months or quarters (shown, not typed:
        the months are where it changes)."""
        indicator = self.indicator_at(column)
        if row == 0 or indicator is None:
            return False
        self.row_values(row)
        return not self._covers[row].may_type(indicator.code)

    # -------------------------------------------------------------- Qt interface
    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() or self.parent_unit is None:
            return 0
        return len(self.units) + 1

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.indicators) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        language = current_language()
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                if section == 0:
                    return self.tr("Filled")
                indicator = self.indicators[section - 1]
                name = textwrap.fill(indicator.name(language), 16)  # headers do not wrap
                return f"{name}\n({indicator.unit(language)})"
            if role == Qt.ItemDataRole.ToolTipRole and section >= 1:
                indicator = self.indicators[section - 1]
                return f"{indicator.code}: {indicator.name(language)}"
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.rowCount():
            unit = self.unit_at(section)
            return fill(self.tr("Total: %1"), unit.name) if section == 0 else unit.name
        if role == Qt.ItemDataRole.FontRole and section == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        indicator = self.indicator_at(index.column())
        row = index.row()
        typed = indicator is not None and not indicator.is_derived and row > 0
        if typed and not self.store.read_only and not self.shows_made_of(row, index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.store is None:
            return None
        row, column = index.row(), index.column()
        language = current_language()
        if column == 0:
            if row == 0:
                return None
            filled, expected = self._filled(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{filled}/{expected}"
            if role == SortRole:
                return filled
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            status = self._covers[row].status(self._stored[row], expected)
            if role == Qt.ItemDataRole.BackgroundRole and status != "full":
                return QBrush(_WARNING if status == "partial" else _INVALID)
            return None
        indicator = self.indicators[column - 1]
        value = self.row_values(row).get(indicator.code)
        if role == Qt.ItemDataRole.DisplayRole:
            text = format_number(value, 1 if indicator.is_derived else None, language)
            mark = self._marks.get((self.unit_at(row).code, indicator.code), "") if row else ""
            return _with_marks(text, mark)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else format_number(value, language=language)
        if role == SortRole:
            return value if value is not None else float("-inf")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if row == 0:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(_AGGREGATE)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        made = self.shows_made_of(row, column)
        if made and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_MADE_OF)  # grey and italic: shown, typed at the months
        if made and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        problems = self._checks.get(row, {}).get(indicator.code, [])
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return QBrush(_INVALID if any(p.blocking for p in problems) else _WARNING)
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = []
            if made:
                made_from = self._covers[row].made_from[indicator.code]
                tips.append(made_of_sub_periods(self.period.iso, *made_from).message(language))
            tips += [p.message(language) for p in problems]
            if self._marks.get((self.unit_at(row).code, indicator.code)):
                stored = self.store.value(self.unit_at(row).code, indicator.code, self.period.iso)
                if stored and stored.comment:
                    tips.append(fill(self.tr("Comment: %1"), stored.comment))
                if stored and stored.followup:
                    tips.append(self.tr("Marked for follow-up"))
            return "\n".join(tips) or None
        return None

    def setData(self, index, text, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        self.last_edit_saved = False  # until saved: the table then keeps the typed text
        try:
            plan = self.plan([(index.row(), index.column(), str(text))])
        except PasteRejected as exc:
            self.edit_rejected.emit(exc.problems[0][2])
            return False
        self.last_edit_saved = self.save(plan, self.tr("Edit in grid"))
        return self.last_edit_saved

    # ----------------------------------------------------------- batch writing
    def plan(self, cells: list[tuple[int, int, str]]) -> EditPlan:
        """The edit policy's plan for cells given as (row, column, typed text), every row
        checked against the rules with its new values merged in; the grid's policy is to
        refuse: raise :class:`PasteRejected` if any cell is not ready to save as typed."""
        language = current_language()
        problems: list[tuple[int, int, str]] = []
        where: dict[tuple[str, str], tuple[int, int]] = {}
        edits: list[Cell] = []
        current: dict[str, dict[str, float | None]] = {}
        for row, column, text in cells:
            indicator = self.indicator_at(column)
            if row < 1 or row > len(self.units) or indicator is None:
                problems.append((row, column, self.tr("This cell cannot be edited.")))
                continue
            if indicator.is_derived:
                problems.append((row, column, self.tr("Rates are computed, not typed.")))
                continue
            unit = self.units[row - 1].code
            edits.append(Cell(unit, indicator.code, text))
            where[(unit, indicator.code)] = (row, column)
            self.row_values(row)  # the row's block read
            current[unit] = {c: self._stored[row].get(c) for c in self._entered_codes}
        plan = plan_edits(self.store, self.period.iso, edits, Convention(language), current=current)
        for problem in plan.refused:
            text = problem.cell.text.strip()
            problems.append((*where[problem.cell.key], f"“{text}”: {problem.message(language)}"))
        for cell, _parsed in plan.ambiguous:
            problems.append(
                (
                    *where[cell.key],
                    fill(
                        self.tr("“%1” can be read two ways; type it unambiguously."),
                        cell.text.strip(),
                    ),
                )
            )
        for cell, violations in plan.to_explain:
            problems.append((*where[cell.key], violations[0].message(language)))
        if problems:
            raise PasteRejected(sorted(set(problems)))
        return plan

    def save(self, plan: EditPlan, description: str) -> bool:
        """Save a plan (one undo step); a period marked complete is changed only if the
        user says so, as in the form."""
        if self.session is None:
            return False
        if plan.complete:
            names = ", ".join(self.store.unit(code).name for code in plan.complete[:3])
            place = f"{names} — {self.period.label(current_language())}"
            asker = self.interaction or current_interaction()
            if not asker.confirm_edit_of_complete(place):
                return False
        return self.session.save(plan.writes(), description, source="grid", initiator=self)
