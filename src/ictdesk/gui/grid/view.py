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
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.catalogue import Indicator
from ictdesk.core.edits import Cell, EditPlan, clipboard_block, plan_edits
from ictdesk.core.numbers import Convention, format_machine, format_number
from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore
from ictdesk.core.units import Unit, search_key
from ictdesk.core.validation import Violation
from ictdesk.gui.edit_session import EditSession
from ictdesk.gui.i18n import current_language
from ictdesk.gui.interaction import DialogInteraction, FormInteraction
from ictdesk.gui.text import fill

SortRole = Qt.ItemDataRole.UserRole + 10
BLOCK = 200  # rows fetched at a time
_INVALID = QColor("#f8d7da")
_WARNING = QColor("#fff3cd")
_AGGREGATE = QColor("#e3eef9")


def _with_marks(text: str, mark: str) -> str:
    """``1.234`` with the comment (✎) and follow-up (⚑) marks of its value."""
    symbols = ("✎" if "c" in mark else "") + ("⚑" if "f" in mark else "")
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
        self.store: ValueStore | None = None
        self.session: EditSession | None = None
        self.parent_unit: Unit | None = None
        self.period: Period | None = None
        self.indicators: list[Indicator] = []
        self.units: list[Unit] = []
        self._cache: dict[int, dict[str, float | None]] = {}
        self._checks: dict[int, dict[str, list[Violation]]] = {}
        self._marks: dict[tuple[str, str], str] = {}
        self._aggregate: dict[str, float | None] = {}
        self._entered_codes: list[str] = []
        self.interaction: FormInteraction | None = None  # asks about complete periods

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
    def _row_values(self, row: int) -> dict[str, float | None]:
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
        previous = self.store.previous_values({(code, period) for code in codes})
        for r, code in zip(rows, codes, strict=True):
            entered = values[code]
            merged = dict(entered)
            merged.update(catalogue.derived_values(entered))
            self._cache[r] = merged
            checks: dict[str, list[Violation]] = {}
            present = {k: v for k, v in entered.items() if v is not None}
            found = self.store.check(
                code, period, present, rules=rules, previous=previous[(code, period)]
            )
            for violation in found:
                for indicator in violation.indicators:
                    checks.setdefault(indicator, []).append(violation)
            self._checks[r] = checks

    def _filled(self, row: int) -> tuple[int, int]:
        values = self._row_values(row)
        entered = self._entered_codes
        return sum(values.get(c) is not None for c in entered), len(entered)

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
        writable = not self.store.read_only
        if writable and index.row() > 0 and indicator is not None and not indicator.is_derived:
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
            if role == Qt.ItemDataRole.BackgroundRole and filled < expected:
                return QBrush(_WARNING if filled else _INVALID)
            return None
        indicator = self.indicators[column - 1]
        value = self._row_values(row).get(indicator.code)
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
        problems = self._checks.get(row, {}).get(indicator.code, [])
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return QBrush(_INVALID if any(p.blocking for p in problems) else _WARNING)
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [p.message(language) for p in problems]
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
        try:
            plan = self.plan([(index.row(), index.column(), str(text))])
        except PasteRejected as exc:
            self.edit_rejected.emit(exc.problems[0][2])
            return False
        return self.save(plan, self.tr("Edit in grid"))

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
            current[unit] = {c: self._row_values(row).get(c) for c in self._entered_codes}
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
            if not self.interaction.confirm_edit_of_complete(place):
                return False
        return self.session.save(plan.writes(), description, source="grid")


class GridProxy(QSortFilterProxyModel):
    """Sorts by value and filters by unit name; the aggregate row always stays on top."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._needle = ""

    def set_name_filter(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = search_key(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent):
        if source_row == 0 or not self._needle:
            return True
        unit = self.sourceModel().unit_at(source_row)
        return self._needle in search_key(unit.name) or unit.code.startswith(self._needle)

    def lessThan(self, left, right):
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        if left.row() == 0:
            return ascending
        if right.row() == 0:
            return not ascending
        return (left.data(SortRole) or 0) < (right.data(SortRole) or 0)


class GridView(QWidget):
    """Pillar chooser, name filter and the table; Ctrl+C / Ctrl+V copy and paste blocks."""

    unit_activated = Signal(str)
    message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gridView")
        self.model = GridModel(self)
        self.model.interaction = DialogInteraction(self)
        self.proxy = GridProxy(self)
        self.proxy.setSourceModel(self.model)
        self.pillar_box = QComboBox(self)
        self.pillar_box.setObjectName("gridPillar")
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("gridFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.caption = QLabel(self)
        self.table = QTableView(self)
        self.table.setObjectName("gridTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.table.horizontalHeader().setDefaultSectionSize(110)
        # Fitting the "Filled" column reads this many rows (Qt's default, 1000, would fetch
        # and check five blocks of a national grid before its first paint).
        self.table.horizontalHeader().setResizeContentsPrecision(BLOCK // 2)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        bar = QHBoxLayout()
        self.pillar_label = QLabel(self)
        self.filter_label = QLabel(self)
        for widget in (self.pillar_label, self.pillar_box, self.filter_label, self.filter_edit):
            bar.addWidget(widget)
        bar.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.pillar_box.currentIndexChanged.connect(self._on_pillar_box_changed)
        self.filter_edit.textChanged.connect(self.proxy.set_name_filter)
        self.model.edit_rejected.connect(self._on_model_edit_rejected)
        self._parent_code: str | None = None
        self._units: list[Unit] | None = None  # rows given by show_units, else the children
        self.retranslate()

    def retranslate(self) -> None:
        self.pillar_label.setText(self.tr("Indicators:"))
        self.filter_label.setText(self.tr("Find:"))
        self.filter_edit.setPlaceholderText(self.tr("commune name or code"))
        self._fill_pillars()
        self.caption.setText(
            self.tr("Ctrl+C / Ctrl+V copy and paste blocks with Excel or LibreOffice.")
        )

    def _fill_pillars(self) -> None:
        store = self.model.store
        current = self.pillar_box.currentData()
        self.pillar_box.blockSignals(True)
        self.pillar_box.clear()
        self.pillar_box.addItem(self.tr("All indicators"), "")
        if store is not None:
            for pillar in store.catalogue.pillars:
                self.pillar_box.addItem(pillar.name(current_language()), pillar.code)
        index = self.pillar_box.findData(current)
        self.pillar_box.setCurrentIndex(max(index, 0))
        self.pillar_box.blockSignals(False)

    def set_store(self, store: ValueStore | None, session: EditSession) -> None:
        self.model.store = store
        self.model.session = session
        self._fill_pillars()

    def show_place(self, unit_code: str | None, period: Period | None) -> None:
        """Show the children of ``unit_code`` (or of its parent, for a commune)."""
        store = self.model.store
        parent = unit_code
        if store and unit_code and not store.child_count(unit_code):
            parent = store.unit(unit_code).parent_code
        self._parent_code = parent
        self._units = None
        self.model.configure(store, parent, period, self._indicators())
        self.table.resizeColumnToContents(0)

    def show_units(self, parent_code: str, units: list[Unit], period: Period | None) -> None:
        """Show ``units`` as the rows (e.g. every commune of the country) under the total row
        of ``parent_code``."""
        self._parent_code, self._units = parent_code, units
        self.model.configure(self.model.store, parent_code, period, self._indicators(), units)
        self.table.resizeColumnToContents(0)

    def _indicators(self) -> list[Indicator]:
        store = self.model.store
        if store is None:
            return []
        pillar = self.pillar_box.currentData()
        return [i for i in store.catalogue if not pillar or i.pillar == pillar]

    def _on_pillar_box_changed(self, _row: int) -> None:
        self.model.configure(
            self.model.store,
            self._parent_code,
            self.model.period,
            self._indicators(),
            self._units,
        )

    def _on_model_edit_rejected(self, reason: str) -> None:
        self.message.emit(fill(self.tr("Not saved: %1"), reason))

    def _on_table_double_clicked(self, index) -> None:
        source = self.proxy.mapToSource(index)
        if not (self.model.flags(source) & Qt.ItemFlag.ItemIsEditable):
            unit = self.model.unit_at(source.row())
            if unit is not None:
                self.unit_activated.emit(unit.code)

    # ------------------------------------------------------------- clipboard
    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        else:
            super().keyPressEvent(event)

    def selection_text(self) -> str:
        """The selected block as tab-separated text, numbers in the interface's format."""
        indexes = self.table.selectionModel().selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        lines = []
        for row in rows:
            cells = []
            for column in columns:
                source = self.proxy.mapToSource(self.proxy.index(row, column))
                indicator = self.model.indicator_at(source.column())
                value = (
                    self.model._row_values(source.row()).get(indicator.code) if indicator else None
                )
                text = format_machine(value)
                if current_language() == "vi":
                    text = text.replace(".", ",")
                cells.append(text if indicator else str(source.data() or ""))
            lines.append("\t".join(cells))
        return "\n".join(lines)

    def copy_selection(self) -> None:
        QGuiApplication.clipboard().setText(self.selection_text())

    def paste(self, text: str | None = None) -> bool:
        """Paste a tab-separated block at the current cell: all of it, or nothing."""
        text = QGuiApplication.clipboard().text() if text is None else text
        start = self.table.currentIndex()
        if not start.isValid() or not text.strip():
            return False
        cells = []
        for dr, line in enumerate(clipboard_block(text)):
            for dc, cell in enumerate(line):
                row, column = start.row() + dr, start.column() + dc
                if row >= self.proxy.rowCount() or column >= self.proxy.columnCount():
                    cells.append((-1, column, cell))
                    continue
                source = self.proxy.mapToSource(self.proxy.index(row, column))
                cells.append((source.row(), source.column(), cell.strip()))
        try:
            plan = self.model.plan(cells)
        except PasteRejected as exc:
            self._show_paste_problems(exc.problems)
            return False
        count = len(plan.values)
        ok = self.model.save(plan, fill(self.tr("Paste %1 values"), str(count)))
        if ok:
            self.message.emit(fill(self.tr("%1 values pasted."), str(count)))
        return ok

    def _show_paste_problems(self, problems: list[tuple[int, int, str]]) -> None:
        language = current_language()
        lines = []
        for row, column, reason in problems[:20]:
            unit = self.model.unit_at(row) if 0 <= row <= len(self.model.units) else None
            indicator = self.model.indicator_at(column) if column >= 0 else None
            where = " · ".join(
                x
                for x in (
                    unit.name if unit else self.tr("outside the table"),
                    indicator.name(language) if indicator else "",
                )
                if x
            )
            lines.append(f"• {where}: {reason}")
        if len(problems) > 20:
            lines.append(fill(self.tr("… and %1 more"), str(len(problems) - 20)))
        self.last_paste_problems = problems
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Nothing was pasted"),
            fill(
                self.tr(
                    "%1 cells cannot be saved, so nothing was written. Fix them and paste again."
                ),
                str(len(problems)),
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("pasteProblems")
        box.setDetailedText("\n".join(lines))
        box.setInformativeText("\n".join(lines[:6]))
        box.open()
