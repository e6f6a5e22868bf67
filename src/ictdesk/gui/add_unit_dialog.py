"""A dialog to add a user-defined unit (a village, or a pre-2025 district) under a parent."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from ictdesk.core.units import Unit, UnitLevel
from ictdesk.gui.text import fill


class AddUnitDialog(QDialog):
    """Asks for the new unit's code, name and level; the caller stores it."""

    def __init__(self, parent_unit: Unit, parent=None):
        super().__init__(parent)
        self.setObjectName("addUnitDialog")
        self.setWindowTitle(self.tr("Add a unit"))
        self.parent_unit = parent_unit
        self.code = QLineEdit(self)
        self.code.setObjectName("unitCode")
        self.code.setPlaceholderText(fill(self.tr("e.g. %1-01"), parent_unit.code))
        self.name = QLineEdit(self)
        self.name.setObjectName("unitName")
        self.name.setPlaceholderText(self.tr("e.g. Thôn Đồng Tâm"))
        self.level = QComboBox(self)
        self.level.setObjectName("unitLevel")
        self.level.addItem(self.tr("Village / residential group"), UnitLevel.VILLAGE.value)
        if parent_unit.level is UnitLevel.PROVINCE:
            self.level.addItem(self.tr("District (before July 2025)"), UnitLevel.DISTRICT.value)
            self.level.addItem(self.tr("Commune"), UnitLevel.COMMUNE.value)
        self.error = QLabel(self)
        self.error.setObjectName("addUnitError")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Under:"), QLabel(f"{parent_unit.name} ({parent_unit.code})", self))
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Level:"), self.level)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_level(self) -> UnitLevel:
        return UnitLevel(self.level.currentData())

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _on_buttons_accepted(self) -> None:
        if not self.code.text().strip() or not self.name.text().strip():
            self.show_error(self.tr("Enter both a code and a name."))
            return
        self.accept()
