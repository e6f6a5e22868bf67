"""The unit tree: province → communes, loaded lazily, with a diacritics-insensitive search box.

A database holding figures from before 1 July 2025 shows a last top node, "Trước 01/7/2025",
with the old provinces, districts and communes under it (not a unit: it cannot be chosen).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QTreeView, QVBoxLayout, QWidget

from ictdesk.core.store import ValueStore
from ictdesk.core.units import HISTORY_PREFIX, Unit, UnitLevel, is_historical
from ictdesk.gui.text import fill

CodeRole = Qt.ItemDataRole.UserRole + 1


class _Node:
    __slots__ = ("unit", "parent", "children", "child_count", "row")

    def __init__(self, unit: Unit | None, parent: _Node | None, row: int, child_count: int):
        self.unit = unit
        self.parent = parent
        self.row = row
        self.child_count = child_count
        self.children: list[_Node] | None = None  # None until fetched


class UnitTreeModel(QAbstractItemModel):
    """A lazy tree of units: children are read from the store when a node is first expanded.

    In search mode only matching units and their ancestors are shown.
    """

    def __init__(self, store: ValueStore | None = None, parent=None):
        super().__init__(parent)
        self._store = store
        self._visible: set[str] | None = None
        self._root = _Node(None, None, 0, 0)
        self._rebuild()

    def set_store(self, store: ValueStore | None) -> None:
        self._store = store
        self._visible = None
        self._rebuild()

    def set_search(self, text: str) -> int:
        """Show only units matching ``text`` (and their ancestors); return how many matched."""
        matches = 0
        if self._store is None or not text.strip():
            self._visible = None
        else:
            visible: set[str] = set()
            for root in self._store.root_units() + self._store.historical_roots():
                for unit in self._store.search_units(text, within=root.code):
                    matches += 1
                    visible.add(unit.code)
                    visible.update(a.code for a in self._store.ancestors(unit.code))
                    if is_historical(unit.code):
                        visible.add(HISTORY_PREFIX)
            self._visible = visible
        self._rebuild()
        return matches

    @property
    def searching(self) -> bool:
        return self._visible is not None

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._root = _Node(None, None, 0, 0)
        units = self._store.root_units() if self._store else []
        open_roots = len(units) == 1
        if self._store is not None and self._store.has_history():
            units.append(self.history_node())
        self._root.children = self._make_nodes(self._root, units)
        self._root.child_count = len(self._root.children)
        # Fetch what will be shown at once inside the reset, so views need not insert rows
        # while the reset is being announced: the top units' children, or every search hit.
        # A national database's 34 provinces stay closed (their 3,321 communes are read when
        # a province is opened); a province's database shows its communes at once.
        pending = list(self._root.children)
        while pending:
            node = pending.pop()
            history = node.unit.code == HISTORY_PREFIX
            if node.child_count and (self._visible is not None or (open_roots and not history)):
                node.children = self._make_nodes(node, self._children_of(node.unit.code))
                if self._visible is not None:
                    pending.extend(node.children)
        self.endResetModel()

    def history_node(self) -> Unit:
        """The top node over the units before 1 July 2025 (its code is the history prefix)."""
        return Unit(HISTORY_PREFIX, self.tr("Before 1 July 2025"), UnitLevel.PROVINCE)

    def _children_of(self, code: str) -> list[Unit]:
        if code == HISTORY_PREFIX:
            return self._store.historical_roots()
        return self._store.children(code)

    def _make_nodes(self, parent: _Node, units: list[Unit]) -> list[_Node]:
        if self._visible is not None:
            units = [u for u in units if u.code in self._visible]
        if not units:
            return []
        counts = self._store.child_counts([unit.code for unit in units])
        if HISTORY_PREFIX in counts:
            counts[HISTORY_PREFIX] = len(self._store.historical_roots())
        return [_Node(unit, parent, row, counts[unit.code]) for row, unit in enumerate(units)]

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    # -- Qt model interface -------------------------------------------------
    def index(self, row, column, parent=QModelIndex()):
        node = self._node(parent)
        if column != 0 or node.children is None or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        node = index.internalPointer().parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children) if node.children is not None else 0

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 1

    def hasChildren(self, parent=QModelIndex()):  # noqa: N802
        node = self._node(parent)
        if node.children is not None:
            return bool(node.children)
        return node.child_count > 0

    def canFetchMore(self, parent):  # noqa: N802
        node = self._node(parent)
        return node.children is None and node.child_count > 0

    def fetchMore(self, parent):  # noqa: N802
        node = self._node(parent)
        if node.children is not None or self._store is None:
            return
        nodes = self._make_nodes(node, self._children_of(node.unit.code))
        if not nodes:
            node.children = []
            return
        self.beginInsertRows(parent, 0, len(nodes) - 1)
        node.children = nodes
        self.endInsertRows()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        unit = index.internalPointer().unit
        history = unit.code == HISTORY_PREFIX
        if role == Qt.ItemDataRole.DisplayRole:
            return unit.name
        if role == Qt.ItemDataRole.ToolTipRole:
            if history:
                return self.tr(
                    "The provinces, districts and communes before 1 July 2025, with their own"
                    " figures; they are not counted in the current units' totals"
                )
            return f"{unit.name} ({unit.code.removeprefix(HISTORY_PREFIX)})"
        if role == CodeRole:
            return None if history else unit.code
        if role == Qt.ItemDataRole.FontRole and history:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalPointer().unit.code == HISTORY_PREFIX:
            return Qt.ItemFlag.ItemIsEnabled  # a heading, not a unit to choose
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def index_of(self, code: str) -> QModelIndex:
        """The index of a unit, fetching the path to it; invalid if it is not shown."""
        if self._store is None:
            return QModelIndex()
        chain = [a.code for a in self._store.ancestors(code)] + [code]
        if is_historical(code):
            chain.insert(0, HISTORY_PREFIX)
        parent = QModelIndex()
        for step in chain:
            if self.canFetchMore(parent):
                self.fetchMore(parent)
            node = self._node(parent)
            match = next((c for c in node.children or [] if c.unit.code == step), None)
            if match is None:
                if parent.isValid() or step != chain[0]:
                    return QModelIndex()
                continue  # above this database's root: skip
            parent = self.createIndex(match.row, 0, match)
        return parent


class UnitTree(QWidget):
    """A search box over a tree view of units; emits ``unit_selected(code)``."""

    unit_selected = Signal(str)
    add_unit_requested = Signal(str)  # the parent's code

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("unitTree")
        self.search = QLineEdit(self)
        self.search.setObjectName("unitSearch")
        self.search.setClearButtonEnabled(True)
        self._store: ValueStore | None = None
        self._showing = False  # see show_current
        self.model = UnitTreeModel(None, self)
        self.view = QTreeView(self)
        self.view.setObjectName("unitTreeView")
        self.view.setHeaderHidden(True)
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.no_match = QLabel(self)
        self.no_match.setObjectName("unitSearchNoMatch")
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        layout.addWidget(self.search)
        layout.addWidget(self.no_match)
        layout.addWidget(self.view)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search units (name or code)…"))
        self.no_match.setText(self.tr("No unit matches this name or code."))

    def set_store(self, store: ValueStore | None) -> None:
        self._store = store
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.set_store(store)
        self._open_top()

    def _open_top(self) -> None:
        """Open the top unit when there is one (a province); many (provinces) stay closed, as
        does the node of the units before 1 July 2025."""
        rows = self.model.rowCount()
        first = self.model.index(0, 0)
        history = self.model.index(rows - 1, 0).data(CodeRole) is None if rows else False
        if rows - history == 1:
            self.view.expand(first)

    def current_code(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(CodeRole) if index.isValid() else None

    def has(self, code: str) -> bool:
        """Whether ``code`` is a unit of this tree."""
        return self.model.index_of(code).isValid()

    def show_current(self, code: str | None) -> None:
        """Show ``code`` as the current (and only selected) unit without announcing it: the
        place moved there, or stayed there."""
        index = self.model.index_of(code) if code else self.model.index(-1, 0)
        # Kept quiet by a flag, not by blocking the selection's signals: the view hears them
        # and repaints itself. (Reaching the viewport to repaint it made PySide6 create the
        # type of every kind of widget at start-up: 30 ms.)
        self._showing = True
        try:
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        finally:
            self._showing = False
        if index.isValid():
            self.view.scrollTo(index)

    def select(self, code: str) -> bool:
        """Make ``code`` the current unit; False if it is not in the tree."""
        index = self.model.index_of(code)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _on_search_text_changed(self, text: str) -> None:
        current = self.current_code()
        matches = self.model.set_search(text)
        self.no_match.setVisible(self.model.searching and not matches)
        if self.model.searching:
            self.view.expandAll()
        else:
            self._open_top()
        if current:
            index = self.model.index_of(current)
            if index.isValid():
                self.view.setCurrentIndex(index)

    def refresh(self) -> None:
        """Re-read the units (after one was added, or an import brought units before 1 July
        2025), keeping the current one."""
        if self._store is not None:
            self._store.forget_unit_codes()  # another connection may have added units
        current = self.current_code()
        self.model.set_search(self.search.text())
        self._open_top()
        if current:
            self.select(current)

    def _on_view_context_menu_requested(self, position) -> None:
        index = self.view.indexAt(position)
        if not index.isValid() or index.data(CodeRole) is None:
            return
        menu = QMenu(self)
        action = menu.addAction(fill(self.tr("Add a unit under %1…"), index.data()))
        code = index.data(CodeRole)
        action.triggered.connect(lambda: self.add_unit_requested.emit(code))
        menu.exec(self.view.viewport().mapToGlobal(position))

    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._showing:
            return
        if current.isValid() and current.data(CodeRole) is not None:
            self.unit_selected.emit(current.data(CodeRole))
