"""Edit › Settings: the names printed on the summary sheets (agencies, place, signers)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from ictdesk.core.errors import IctdeskError
from ictdesk.core.exchange.dhis2_export import DATA_SET_SETTING
from ictdesk.core.report import SETTING_KEYS, sheet_settings
from ictdesk.core.store import ValueStore
from ictdesk.gui.text import fill


class SettingsDialog(QDialog):
    """Agency names, place, preparer and head of unit with their titles; kept in the database."""

    def __init__(self, store: ValueStore, unit_code: str, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._store = store
        labels = {
            "report_parent_agency": self.tr("Parent agency:"),
            "report_agency": self.tr("Issuing agency:"),
            "report_place": self.tr("Place name (for the date line):"),
            "report_preparer_name": self.tr("Prepared by (name):"),
            "report_preparer_title": self.tr("Preparer's title:"),
            "report_head_name": self.tr("Head of unit (name):"),
            "report_head_title": self.tr("Head's title:"),
        }
        current = sheet_settings(store, unit_code)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        intro = QLabel(self.tr("These appear on the printed summary sheets."), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        for key in SETTING_KEYS:
            field = QLineEdit(current[key], self)
            field.setObjectName(key)
            field.setMinimumWidth(360)
            self.fields[key] = field
            form.addRow(labels[key], field)
        data_set = QLineEdit(store.setting(DATA_SET_SETTING) or "", self)
        data_set.setObjectName(DATA_SET_SETTING)
        data_set.setPlaceholderText(self.tr("e.g. CDS_QUY (empty: none)"))
        data_set.setToolTip(
            self.tr(
                "The code of the DHIS2 data set these values belong to. DHIS2 JSON exports then"
                " name it and carry which units are marked complete."
            )
        )
        self.fields[DATA_SET_SETTING] = data_set
        form.addRow(self.tr("DHIS2 data set code:"), data_set)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c0392b;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> bool:
        """Store every field; False (and a message) if the database refused."""
        try:
            for key, field in self.fields.items():
                self._store.set_setting(key, field.text().strip())
        except IctdeskError as exc:
            self.error.setText(fill(self.tr("Not saved: %1"), str(exc)))
            return False
        return True

    def _on_buttons_accepted(self) -> None:
        if self.save():
            self.accept()
