"""The first-launch dialog: province, optional home commune, the user's name, or demo data."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
)

from ictdesk.core.store import default_user
from ictdesk.core.units import official_communes, official_provinces, search_key
from ictdesk.gui.screen import fit_to_screen

_KeyRole = Qt.ItemDataRole.UserRole + 1
_COMMUNE_PREFIXES = ("xa ", "phuong ", "dac khu ", "thi tran ")


def commune_key(name: str) -> str:
    """What a commune is looked up by: its name without diacritics or its "Xã"/"Phường"."""
    key = search_key(name)
    for prefix in _COMMUNE_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


class FirstRunDialog(QDialog):
    """Asks what the new database is for. ``choice`` is "create" or "demo" after ``exec``."""

    def __init__(self, parent=None, offer_demo: bool = True):
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to ictdesk"))
        self.choice: str | None = None
        intro = QLabel(
            self.tr(
                "ictdesk keeps your digital-transformation statistics in a file on this computer."
                " Choose the province you report for to create it, or open the demo data to look"
                " around first."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.province_search = QLineEdit(self)
        self.province_search.setObjectName("provinceSearch")
        self.province_search.setPlaceholderText(self.tr("Type to search, e.g. phu tho"))
        self.province_search.setClearButtonEnabled(True)
        self._provinces = QStandardItemModel(self)
        for unit in official_provinces():
            item = QStandardItem(f"{unit.name} ({unit.code})")
            item.setData(unit.code, Qt.ItemDataRole.UserRole)
            item.setData(f"{search_key(unit.name)} {unit.code}", _KeyRole)
            self._provinces.appendRow(item)
        self._filter = QSortFilterProxyModel(self)
        self._filter.setSourceModel(self._provinces)
        self._filter.setFilterRole(_KeyRole)
        self.province_list = QListView(self)
        self.province_list.setObjectName("provinceList")
        self.province_list.setModel(self._filter)
        self.commune_search = QLineEdit(self)
        self.commune_search.setObjectName("communeSearch")
        self.commune_search.setPlaceholderText(self.tr("Type to search, e.g. dak"))
        self.commune_search.setClearButtonEnabled(True)
        self._communes = QStandardItemModel(self)
        self._commune_filter = QSortFilterProxyModel(self)
        self._commune_filter.setSourceModel(self._communes)
        self._commune_filter.setFilterRole(_KeyRole)
        self.commune_box = QComboBox(self)
        self.commune_box.setObjectName("homeCommune")
        self.commune_box.setModel(self._commune_filter)
        self.user_name = QLineEdit(default_user(), self)
        self.user_name.setObjectName("userName")
        form = QFormLayout()
        form.addRow(self.tr("Province:"), self.province_search)
        form.addRow("", self.province_list)
        form.addRow(self.tr("Home commune (optional):"), self.commune_search)
        form.addRow("", self.commune_box)
        form.addRow(self.tr("Your name:"), self.user_name)
        buttons = QDialogButtonBox(self)
        self.create_button = QPushButton(self.tr("Create database"), self)
        self.create_button.setObjectName("createButton")
        self.demo_button = QPushButton(self.tr("Open demo data"), self)
        self.demo_button.setObjectName("demoButton")
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.demo_button.setVisible(offer_demo)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.province_search.textChanged.connect(self._on_province_search_changed)
        self.commune_search.textChanged.connect(self._on_commune_search_changed)
        self.province_list.selectionModel().currentChanged.connect(self._on_province_changed)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.demo_button.clicked.connect(self._on_demo_clicked)
        buttons.rejected.connect(self.reject)
        self._on_province_changed()
        fit_to_screen(self, 520, 560)  # the frame fits the screen

    def province_code(self) -> str | None:
        index = self.province_list.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def commune_code(self) -> str | None:
        return self.commune_box.currentData() or None

    def user_name_text(self) -> str:
        """The name typed for "who entered" (blank: the computer's user name is kept)."""
        return self.user_name.text().strip()

    def select_province(self, code: str) -> bool:
        for row in range(self._filter.rowCount()):
            index = self._filter.index(row, 0)
            if index.data(Qt.ItemDataRole.UserRole) == code:
                self.province_list.setCurrentIndex(index)
                return True
        return False

    def _on_province_search_changed(self, text: str) -> None:
        self._filter.setFilterFixedString(search_key(text.strip()))
        if self._filter.rowCount() and not self.province_list.currentIndex().isValid():
            self.province_list.setCurrentIndex(self._filter.index(0, 0))

    def _on_province_changed(self, *_args) -> None:
        code = self.province_code()
        self._communes.clear()
        none = QStandardItem(self.tr("(none)"))
        none.setData("", Qt.ItemDataRole.UserRole)
        none.setData("", _KeyRole)
        self._communes.appendRow(none)
        if code:
            for unit in official_communes(code):
                item = QStandardItem(f"{unit.name} ({unit.code})")
                item.setData(unit.code, Qt.ItemDataRole.UserRole)
                item.setData(f"{commune_key(unit.name)} {unit.code}", _KeyRole)
                self._communes.appendRow(item)
        self.commune_search.clear()
        self.commune_box.setCurrentIndex(0)
        self.create_button.setEnabled(code is not None)

    def _on_commune_search_changed(self, text: str) -> None:
        """Filter the communes as the province list is filtered: diacritics and the "Xã",
        "Phường", "Đặc khu" prefix ignored; a name starting with the text comes first."""
        needle = search_key(text.strip())
        self._commune_filter.setFilterFixedString(needle)
        best = next(
            (
                row
                for row in range(self._commune_filter.rowCount())
                if str(self._commune_filter.index(row, 0).data(_KeyRole)).startswith(needle)
            ),
            0,
        )
        self.commune_box.setCurrentIndex(best if self._commune_filter.rowCount() else -1)

    def _on_create_clicked(self) -> None:
        if self.province_code():
            self.choice = "create"
            self.accept()

    def _on_demo_clicked(self) -> None:
        self.choice = "demo"
        self.accept()
