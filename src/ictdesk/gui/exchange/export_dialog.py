"""The export dialog: which format, unit, periods and indicators, and where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from ictdesk.core.exchange.common import Selection
from ictdesk.core.exchange.export import export
from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore
from ictdesk.core.units import file_slug
from ictdesk.gui.background import BackgroundTask
from ictdesk.gui.exchange.common import show_error, with_store
from ictdesk.gui.i18n import current_language
from ictdesk.gui.interaction import current as ask
from ictdesk.gui.text import fill, sentence

_SUFFIX = {"long": ".csv", "wide": ".csv", "dhis2": ".csv", "dhis2-json": ".json", "xlsx": ".xlsx"}


class ExportDialog(QDialog):
    """Choose format, units, periods and indicators, then a file; writes in the background."""

    exported = Signal(str, int)  # path, rows

    def __init__(self, store: ValueStore, unit_code: str | None, period: Period, parent=None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self._store, self._unit, self._period = store, unit_code, period
        language = current_language()
        self.format_box = QComboBox(self)
        self.format_box.setObjectName("exportFormat")
        for code, label in (
            ("xlsx", self.tr("Excel workbook (.xlsx), for people")),
            ("wide", self.tr("Wide CSV: a row per unit, a column per indicator")),
            ("long", self.tr("Long CSV: lossless, for ictdesk and other software")),
            ("dhis2", self.tr("DHIS2 data values CSV (codes)")),
            ("dhis2-json", self.tr("DHIS2 data value set JSON (codes, completeness)")),
        ):
            self.format_box.addItem(label, code)
        unit_name = store.unit(unit_code).name if unit_code else ""
        self.scope_unit = QRadioButton(fill(self.tr("%1 and the units under it"), unit_name), self)
        self.scope_all = QRadioButton(self.tr("Every unit in the database"), self)
        self.scope_unit.setEnabled(bool(unit_code))
        self.period_this = QRadioButton(period.label(language), self)
        self.period_year = QRadioButton(fill(self.tr("Every period of %1"), str(period.year)), self)
        self.period_all = QRadioButton(self.tr("All periods"), self)
        # One group per question, made before anything is checked: radio buttons with one
        # parent are one exclusive group otherwise, and checking the period unchecked the
        # unit (so a commune's official accepting the defaults sent the whole province).
        self.units_group = QButtonGroup(self)
        for button in (self.scope_unit, self.scope_all):
            self.units_group.addButton(button)
        self.periods_group = QButtonGroup(self)
        for button in (self.period_this, self.period_year, self.period_all):
            self.periods_group.addButton(button)
        self.scope_unit.setChecked(bool(unit_code))
        self.scope_all.setChecked(not unit_code)
        self.period_this.setChecked(True)
        self.pillar_box = QComboBox(self)
        self.pillar_box.addItem(self.tr("All indicators"), "")
        for pillar in store.catalogue.pillars:
            self.pillar_box.addItem(pillar.name(language), pillar.code)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_box)
        units = QVBoxLayout()
        units.addWidget(self.scope_unit)
        units.addWidget(self.scope_all)
        form.addRow(self.tr("Units:"), units)
        periods = QVBoxLayout()
        for button in (self.period_this, self.period_year, self.period_all):
            periods.addWidget(button)
        form.addRow(self.tr("Periods:"), periods)
        form.addRow(self.tr("Indicators:"), self.pillar_box)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self._on_format_changed()

    def _on_format_changed(self, *_args) -> None:
        fmt = self.format_box.currentData()
        one_period = fmt == "wide"
        self.period_year.setEnabled(not one_period)
        self.period_all.setEnabled(not one_period)
        if one_period:
            self.period_this.setChecked(True)
        notes = {
            "xlsx": self.tr("A sheet per period, derived rates included, a total row per sheet."),
            "wide": self.tr("One period; derived rates included; opens in Excel and LibreOffice."),
            "long": self.tr("Entered values only, exact; import it back without loss."),
            "dhis2": self.tr("Entered values only; import into DHIS2 with idScheme=code."),
            "dhis2-json": self.tr(
                "Entered values only, codes as identifiers; with a DHIS2 data set code in"
                " Settings it also carries which units are marked complete."
            ),
        }
        self.note.setText(notes[fmt])

    def selection(self) -> Selection:
        unit = self._unit if self.scope_unit.isChecked() else None
        pillar = self.pillar_box.currentData()
        indicators = [i.code for i in self._store.catalogue if i.pillar == pillar] if pillar else []
        fmt = self.format_box.currentData()
        if fmt in ("long", "dhis2", "dhis2-json"):
            indicators = [c for c in indicators if not self._store.catalogue[c].is_derived]
        if self.period_this.isChecked():
            return Selection(unit, [self._period.iso], indicators)
        if self.period_year.isChecked():
            year = self._period.year
            start = Period(year, self._period.type, 1)
            end = Period(year, self._period.type, self._period.type.per_year)
            return Selection.build(unit, None, start.iso, end.iso, indicators)
        return Selection(unit, [], indicators)

    def _on_buttons_accepted(self) -> None:
        fmt = self.format_box.currentData()
        unit = self._unit if self.scope_unit.isChecked() else None
        slug = file_slug(self._store.unit(unit).name) if unit else "all"
        suggested = f"ictdesk-{fmt}-{slug}-{self._period.iso}{_SUFFIX[fmt]}"
        path = ask().choose_save_file(self.tr("Export to"), Path.home() / suggested, "")
        if path is not None:
            self.start_export(path)

    def start_export(self, path: Path) -> BackgroundTask:
        """Write the export to ``path`` in the background."""
        fmt, selection = self.format_box.currentData(), self.selection()
        self.notices: list = []  # what the user should know about the file written
        work = with_store(
            self._store.path,
            lambda store: export(store, fmt, selection, path, notices=self.notices),
        )
        return BackgroundTask(
            self,
            self.tr("Exporting…"),
            work,
            lambda rows: self._on_export_done(path, rows),
            lambda exc: show_error(self, self.tr("Export failed"), exc),
        )

    def _on_export_done(self, path: Path, rows: int) -> None:
        self.exported.emit(str(path), rows)
        if self.notices:
            language = current_language()
            ask().warn(
                self.tr("Exported, with a warning") if rows else self.tr("Nothing was exported"),
                "\n\n".join(sentence(n.message(language)) for n in self.notices),
            )
        self.accept()
