"""Edit › Settings: the texts printed on the summary sheets of the selected unit (agencies,
number, place, signers, recipients), kept in the database for that unit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from ictdesk.core.errors import IctdeskError
from ictdesk.core.exchange.dhis2_export import DATA_SET_SETTING
from ictdesk.core.report_frame import (
    MULTILINE_KEYS,
    SETTING_KEYS,
    issuing_unit,
    save_sheet_settings,
    sheet_settings,
)
from ictdesk.core.store import ValueStore
from ictdesk.gui.i18n import error_text
from ictdesk.gui.text import fill


class _LinesEdit(QPlainTextEdit):
    """A few lines of text with the ``text``/``setText`` of a line edit."""

    def __init__(self, text: str, lines: int, parent=None):
        super().__init__(text, parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setFixedHeight(height)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802
        self.setPlainText(text)


class SettingsDialog(QDialog):
    """The header and signature texts of one unit's sheets; a field left as proposed keeps
    following the unit (and prints in English on an English sheet)."""

    def __init__(self, store: ValueStore, unit_code: str, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._store = store
        self._unit_code = unit_code
        labels = {
            "report_parent_agency": self.tr("Parent agency:"),
            "report_agency": self.tr("Issuing agency:"),
            "report_number": self.tr("Document number (blank: written by hand):"),
            "report_symbol": self.tr("Symbol after BC-:"),
            "report_place": self.tr("Place name (for the date line):"),
            "report_preparer_title": self.tr("Preparer's title:"),
            "report_preparer_name": self.tr("Prepared by (name):"),
            "report_head_title": self.tr("Head's title (may take two lines):"),
            "report_head_name": self.tr("Head of unit (name):"),
            "report_recipients": self.tr("Recipients (one per line):"),
        }
        current = sheet_settings(store, unit_code)
        self.fields: dict[str, QLineEdit | _LinesEdit] = {}
        form = QFormLayout(self)
        unit = issuing_unit(store, unit_code)
        intro = QLabel(
            fill(self.tr("These appear on the printed summary sheets of %1."), unit.name),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        for key in SETTING_KEYS:
            if key in MULTILINE_KEYS:
                field = _LinesEdit(current[key], 4 if key == "report_recipients" else 2, self)
            else:
                field = QLineEdit(current[key], self)
            field.setObjectName(key)
            field.setMinimumWidth(360)
            self.fields[key] = field
            form.addRow(labels[key], field)
        hint = QLabel(
            self.tr(
                "A title on two lines: KT. GIÁM ĐỐC, then PHÓ GIÁM ĐỐC. Leave the preparer's"
                " title empty to print the head's signature alone."
            ),
            self,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        # Of the whole database, not of the unit's sheets: the DHIS2 data set (issue 15).
        self.data_set = QLineEdit(store.setting(DATA_SET_SETTING) or "", self)
        self.data_set.setObjectName(DATA_SET_SETTING)
        self.data_set.setPlaceholderText(self.tr("e.g. CDS_QUY (empty: none)"))
        self.data_set.setToolTip(
            self.tr(
                "The code of the DHIS2 data set these values belong to. DHIS2 JSON exports then"
                " name it and carry which units are marked complete."
            )
        )
        form.addRow(self.tr("DHIS2 data set code:"), self.data_set)
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
            save_sheet_settings(
                self._store,
                self._unit_code,
                {key: field.text() for key, field in self.fields.items()},
            )
            self._store.set_setting(DATA_SET_SETTING, self.data_set.text().strip() or None)
        except IctdeskError as exc:
            self.error.setText(fill(self.tr("Not saved: %1"), error_text(exc)))
            return False
        return True

    def _on_buttons_accepted(self) -> None:
        if self.save():
            self.accept()
