"""Which units the Trends tab draws: the communes of the parent, checked in a list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QListWidgetItem,
)

from ictdesk.core.units import search_key
from ictdesk.gui.text import fill

_CODE = Qt.ItemDataRole.UserRole + 1


class UnitChoice:
    """Part of :class:`TrendsView`: the list of units and which are checked."""

    def _fill_units(self, parent: str) -> None:
        self._filling = True
        self.parent_code = parent
        self._auto_checked = None
        self.unit_list.clear()
        parent_item = QListWidgetItem(self.unit_list)
        parent_item.setData(_CODE, parent)
        # the total can be left out, so communes are not drawn flat under a province's total
        parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        parent_item.setCheckState(Qt.CheckState.Checked)
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

    def total_shown(self) -> bool:
        """Whether the parent's total is drawn (always, when no commune is ticked)."""
        if self.unit_list.count() == 0:
            return True
        ticked = self.unit_list.item(0).checkState() == Qt.CheckState.Checked
        return ticked or not self.checked_codes()

    def show_total(self, shown: bool) -> None:
        """Tick or untick the parent's total (and redraw)."""
        if self.unit_list.count():
            state = Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked
            self.unit_list.item(0).setCheckState(state)
            self.schedule_redraw()

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
        self.show_total(True)
        self.set_checked([])
