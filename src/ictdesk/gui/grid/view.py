"""The grid tab: a pillar chooser, a name filter and the table; Ctrl+C / Ctrl+V with Excel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.catalogue import Indicator
from ictdesk.core.edits import clipboard_block
from ictdesk.core.numbers import format_machine
from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore
from ictdesk.core.units import Unit, search_key
from ictdesk.gui.edit_session import EditSession
from ictdesk.gui.grid.model import BLOCK, GridModel, PasteRejected, SortRole
from ictdesk.gui.i18n import current_language
from ictdesk.gui.interaction import current as current_interaction
from ictdesk.gui.text import fill


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


class GridTable(QTableView):
    """A table that moves down after Enter commits a cell, as a spreadsheet does; a value
    refused (the status bar says why) stays in its cell, open to be corrected."""

    def __init__(self, parent, saved_edit: Callable[[], bool]):
        super().__init__(parent)
        self.saved_edit = saved_edit  # whether the cell last committed was saved
        self._refused: tuple[QModelIndex, str] | None = None

    def commitData(self, editor) -> None:  # noqa: N802 (Qt's name)
        typed, where = editor.text() if isinstance(editor, QLineEdit) else None, self.currentIndex()
        super().commitData(editor)
        self._refused = None if typed is None or self.saved_edit() else (where, typed)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 (Qt's name)
        super().closeEditor(editor, hint)
        refused, self._refused = self._refused, None
        if refused is not None:
            QTimer.singleShot(0, self, lambda: self._edit_again(*refused))
        elif hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._step_down()

    def finish_edit(self) -> bool:
        """Commit the cell being typed in, as Enter does but staying on it; False if it is
        refused (its editor opens again holding the text). The window asks before it closes
        or moves: closing with a cell open lost what was typed in it."""
        if self.state() != QAbstractItemView.State.EditingState:
            return True
        editor = self.indexWidget(self.currentIndex())
        if editor is None:
            return True
        self.commitData(editor)
        refused = self._refused is not None
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return not refused

    def _edit_again(self, index: QModelIndex, typed: str) -> None:
        """The cell's editor again, holding what was typed (nothing typed is lost)."""
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        self.edit(index)
        editor = self.indexWidget(index)  # a cell's open editor is its index widget
        if isinstance(editor, QLineEdit):
            editor.setText(typed)

    def keyPressEvent(self, event) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # keypad Enter too
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not modifiers:
            # In a cell's editor, Enter reaches the table too, the delegate having queued
            # the commit and close, which step down in closeEditor: stepping here as well
            # moved three rows down and committed an editor already closed.
            if self.state() != QAbstractItemView.State.EditingState:
                self._step_down()
            event.accept()
            return
        super().keyPressEvent(event)

    def _step_down(self) -> None:
        current = self.currentIndex()
        below = current.sibling(current.row() + 1, current.column())
        if below.isValid():
            self.setCurrentIndex(below)


class GridView(QWidget):
    """Pillar chooser, name filter and the table; Ctrl+C / Ctrl+V copy and paste blocks,
    Delete clears them."""

    unit_activated = Signal(str)
    message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gridView")
        self.model = GridModel(self)
        self.proxy = GridProxy(self)
        self.proxy.setSourceModel(self.model)
        self.pillar_box = QComboBox(self)
        self.pillar_box.setObjectName("gridPillar")
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("gridFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.caption = QLabel(self)
        self.table = GridTable(self, lambda: self.model.last_edit_saved)
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
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.table.state() != QAbstractItemView.State.EditingState
        ):
            self.clear_selection()
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
                    self.model.row_values(source.row()).get(indicator.code) if indicator else None
                )
                text = format_machine(value)
                if current_language() == "vi":
                    text = text.replace(".", ",")
                cells.append(text if indicator else str(source.data() or ""))
            lines.append("\t".join(cells))
        return "\n".join(lines)

    def clear_selection(self) -> bool:
        """Clear every editable value of the selected block, as one undo step (all or
        nothing, like a paste)."""
        cells = []
        for index in self.table.selectionModel().selectedIndexes():
            source = self.proxy.mapToSource(index)
            if self.model.flags(source) & Qt.ItemFlag.ItemIsEditable:
                cells.append((source.row(), source.column(), ""))
        if not cells:
            return False
        try:
            plan = self.model.plan(cells)
        except PasteRejected as exc:
            self._show_paste_problems(exc.problems)
            return False
        return self.model.save(plan, fill(self.tr("Clear %1 values"), len(cells)))

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
        asker = self.model.interaction or current_interaction()
        asker.show_paste_problems(len(problems), lines)
