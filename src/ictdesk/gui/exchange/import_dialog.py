"""File > Export, File > Import (with a preview) and the fill-in template, in the GUI.

The work runs in the background on its own connection to the same database file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.exchange.common import Selection
from ictdesk.core.exchange.export import export
from ictdesk.core.exchange.importer import (
    ImportRejected,
    ImportReport,
    ImportStep,
    import_files,
)
from ictdesk.core.exchange.template import write_template
from ictdesk.core.numbers import format_number
from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore
from ictdesk.gui.background import BackgroundTask
from ictdesk.gui.i18n import current_language, error_text
from ictdesk.gui.text import fill

_SUFFIX = {"long": ".csv", "wide": ".csv", "dhis2": ".csv", "dhis2-json": ".json", "xlsx": ".xlsx"}


def _with_store(path: Path, work):
    """Run ``work(store, ...)`` on a connection of its own (for a worker thread)."""

    def run(*args):
        store = ValueStore.open(path)
        try:
            return work(store, *args)
        finally:
            store.close()

    return run


def _show_error(parent: QWidget, title: str, exc: Exception) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        title,
        error_text(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("exchangeError")
    box.open()


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
        self.scope_unit.setChecked(bool(unit_code))
        self.scope_unit.setEnabled(bool(unit_code))
        self.scope_all.setChecked(not unit_code)
        self.period_this = QRadioButton(period.label(language), self)
        self.period_year = QRadioButton(fill(self.tr("Every period of %1"), str(period.year)), self)
        self.period_all = QRadioButton(self.tr("All periods"), self)
        self.period_this.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.period_this, self.period_year, self.period_all):
            group.addButton(button)
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
        suggested = f"ictdesk-{fmt}-{self._period.iso}{_SUFFIX[fmt]}"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), str(Path.home() / suggested)
        )
        if name:
            self.start_export(Path(name))

    def start_export(self, path: Path) -> BackgroundTask:
        """Write the export to ``path`` in the background."""
        fmt, selection = self.format_box.currentData(), self.selection()
        self.notices: list = []  # what the user should know about the file written
        work = _with_store(
            self._store.path,
            lambda store: export(store, fmt, selection, path, notices=self.notices),
        )
        return BackgroundTask(
            self,
            self.tr("Exporting…"),
            work,
            lambda rows: self._on_export_done(path, rows),
            lambda exc: _show_error(self, self.tr("Export failed"), exc),
        )

    def _on_export_done(self, path: Path, rows: int) -> None:
        self.exported.emit(str(path), rows)
        if self.notices:
            language = current_language()
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Exported, with a warning"),
                "\n\n".join(n.message(language) for n in self.notices),
                QMessageBox.StandardButton.Ok,
                self.parentWidget() or self,
            )
            box.setObjectName("exportNotices")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not modal to the caller: the export is done
        self.accept()


class ImportDialog(QDialog):
    """Choose files, check them (nothing written), look at the preview, then import."""

    imported = Signal(object)  # the ImportReport

    def __init__(self, store: ValueStore, parent=None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import files"))
        self._store = store
        self.files: list[Path] = []
        self.report: ImportReport | None = None
        self.files_label = QLabel(self.tr("No files chosen."), self)
        self.files_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose files…"), self)
        choose.clicked.connect(self._on_choose_clicked)
        self.conflict_box = QComboBox(self)
        self.conflict_box.setObjectName("conflictMode")
        self.conflict_box.addItem(self.tr("Keep the newer value (by time of entry)"), "newer")
        self.conflict_box.addItem(self.tr("Replace stored values"), "overwrite")
        self.conflict_box.addItem(self.tr("Keep stored values"), "keep")
        self.conflict_box.currentIndexChanged.connect(self._on_conflict_changed)
        self.deletions_box = QCheckBox(
            self.tr("Apply deletions from DHIS2 (a value marked deleted=true is removed)"), self
        )
        self.deletions_box.setObjectName("applyDeletions")
        self.deletions_box.toggled.connect(self._on_conflict_changed)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.warnings_button = QPushButton(self)
        self.warnings_button.setObjectName("showWarnings")
        self.warnings_button.setCheckable(True)
        self.warnings_button.hide()
        self.warnings_button.toggled.connect(self._on_warnings_toggled)
        self.table = QTableWidget(0, 0, self)  # columns come with the first check
        self.table.setObjectName("importPreview")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.files_label, 1)
        top.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("When a value is already stored:"), self.conflict_box)
        form.addRow("", self.deletions_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        summary = QHBoxLayout()
        summary.addWidget(self.summary, 1)
        summary.addWidget(self.warnings_button)
        layout.addLayout(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def _on_choose_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Files to import"),
            str(Path.home()),
            self.tr("Returned files (*.csv *.txt *.json *.xlsx *.ods *.xls);;All files (*)"),
        )
        if names:
            self.set_files([Path(n) for n in names])

    def set_files(self, files: list[Path]) -> BackgroundTask:
        """Check ``files`` without writing and show the preview."""
        self.files = files
        self.files_label.setText("\n".join(f.name for f in files))
        return self._check()

    def _on_conflict_changed(self, *_args) -> None:
        if self.files:
            self._check()

    def _check(self) -> BackgroundTask:
        self.import_button.setEnabled(False)
        mode, files = self.conflict_box.currentData(), list(self.files)
        deletions = self.deletions_box.isChecked()
        work = _with_store(
            self._store.path,
            lambda store, progress: _report_of(
                lambda: import_files(
                    store,
                    files,
                    on_conflict=mode,
                    dry_run=True,
                    apply_deletions=deletions,
                    progress=progress,
                )
            ),
        )
        return BackgroundTask(
            self,
            self.tr("Checking the files…"),
            work,
            self._show_report,
            lambda exc: self._show_failure(exc),
            describe=self._describe_step,
        )

    def _describe_step(self, step: ImportStep) -> tuple[str, int, int]:
        """The progress dialog's label, value and maximum for a step of the import."""
        language = current_language()
        if step.stage == "read":
            label = fill(self.tr("Reading %1…"), step.file)
            if step.files == 1:
                return label, 0, 0
            files = fill(self.tr("file %1 of %2"), step.files_done + 1, step.files)
            return f"{label} ({files})", step.files_done, step.files
        values = format_number(step.values, language=language)
        if step.stage == "check":
            return fill(self.tr("Checking %1 values…"), values), 0, 0
        return fill(self.tr("Writing %1 values…"), values), 0, 0

    def _show_failure(self, exc: Exception) -> None:
        self.report = None
        self.table.setRowCount(0)
        self.summary.setText(fill(self.tr("These files cannot be imported: %1"), error_text(exc)))
        self.summary.setStyleSheet("color: #c0392b;")

    def _show_report(self, report: ImportReport) -> None:
        self.report = report
        language = current_language()
        blocking = report.blocking
        self.summary.setStyleSheet("color: #c0392b;" if blocking else "color: #1b5e20;")

        def count(number: int) -> str:
            return format_number(number, language=language)

        counts = fill(
            self.tr("%1 values read: %2 new, %3 changed, %4 unchanged, %5 skipped."),
            count(report.rows),
            count(report.added),
            count(report.changed),
            count(report.unchanged),
            count(report.skipped),
        )
        if report.deleted + report.flags_changed + report.completed:
            counts += " " + fill(
                self.tr("%1 deleted, %2 follow-up flags changed, %3 units marked complete."),
                count(report.deleted),
                count(report.flags_changed),
                count(report.completed),
            )
        if blocking:
            self.summary.setText(
                counts
                + " "
                + fill(
                    self.tr("1 error: nothing will be written until it is fixed.")
                    if len(blocking) == 1
                    else self.tr("%1 errors: nothing will be written until they are fixed."),
                    count(len(blocking)),
                )
            )
        else:
            warnings = (
                self.tr("1 warning.")
                if len(report.warnings) == 1
                else fill(self.tr("%1 warnings."), count(len(report.warnings)))
            )
            nothing = "" if report.changes else " " + self.tr("Nothing to import.")
            self.summary.setText(counts + " " + warnings + nothing)
        self.warnings_button.setVisible(bool(report.warnings) and not blocking)
        self.warnings_button.setChecked(False)
        self._on_warnings_toggled(False)
        self.import_button.setEnabled(not blocking and report.changes > 0)

    def _on_warnings_toggled(self, checked: bool) -> None:
        if self.report is None:
            return
        number = format_number(len(self.report.warnings), language=current_language())
        self.warnings_button.setText(
            self.tr("Show the values")
            if checked
            else self.tr("Show the warning")
            if len(self.report.warnings) == 1
            else fill(self.tr("Show the %1 warnings"), number)
        )
        self._show_table()

    def _show_table(self) -> None:
        """The problems when the files cannot be imported (errors first), or the warnings when
        asked; otherwise the preview of the values to be written."""
        report, language = self.report, current_language()
        if report.blocking or self.warnings_button.isChecked():
            problems = sorted(report.problems, key=lambda p: not p.blocking)
            self.table.setColumnCount(5)
            self.table.setHorizontalHeaderLabels(
                [
                    self.tr("File"),
                    self.tr("Where"),
                    self.tr("Column"),
                    self.tr("Severity"),
                    self.tr("Problem"),
                ]
            )
            rows = problems[:2000]
            self.table.setRowCount(len(rows))
            for r, problem in enumerate(rows):
                severity = self.tr("error") if problem.blocking else self.tr("warning")
                for c, text in enumerate(
                    (
                        problem.file,
                        problem.where(language),
                        problem.column,
                        severity,
                        problem.text(language),
                    )
                ):
                    item = QTableWidgetItem(text)
                    item.setBackground(QBrush(QColor("#f8d7da" if problem.blocking else "#fff3cd")))
                    self.table.setItem(r, c, item)
        else:
            self._show_preview(report, language)

    def _show_preview(self, report: ImportReport, language: str) -> None:
        """The values the import would write, each beside the value it replaces."""
        self.table.setColumnCount(6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Unit"),
                self.tr("Indicator"),
                self.tr("Period"),
                self.tr("New value"),
                self.tr("Stored now"),
                self.tr("File"),
            ]
        )
        catalogue = self._store.catalogue
        numbers = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        rows = report.preview
        self.table.setRowCount(len(rows))
        for r, incoming in enumerate(rows):
            code = incoming.indicator_code
            cells = (
                f"{incoming.unit_code} {incoming.unit_name}",
                catalogue[code].name(language) if code in catalogue else code,
                Period.parse(incoming.period).label(language),
                format_number(incoming.value, language=language),
                ""
                if incoming.stored is None
                else format_number(incoming.stored, language=language),
                incoming.where(language),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (3, 4):
                    item.setTextAlignment(numbers)
                self.table.setItem(r, c, item)
            self.table.item(r, 1).setToolTip(code)
            self.table.item(r, 2).setToolTip(incoming.period)

    def _on_buttons_accepted(self) -> None:
        self.start_import()

    def start_import(self) -> BackgroundTask:
        """Import the checked files for real (all or nothing) in the background."""
        mode, files = self.conflict_box.currentData(), list(self.files)
        deletions = self.deletions_box.isChecked()
        work = _with_store(
            self._store.path,
            lambda store, progress: import_files(
                store, files, on_conflict=mode, apply_deletions=deletions, progress=progress
            ),
        )
        return BackgroundTask(
            self,
            self.tr("Importing…"),
            work,
            self._on_import_done,
            lambda exc: (
                self._show_report(exc.report)
                if isinstance(exc, ImportRejected)
                else self._show_failure(exc)
            ),
            cancellable=False,
            describe=self._describe_step,
        )

    def _on_import_done(self, report: ImportReport) -> None:
        self.imported.emit(report)
        self.accept()


def _report_of(run) -> ImportReport:
    """The report of a dry run, whether or not it found blocking problems."""
    try:
        return run()
    except ImportRejected as exc:
        return exc.report


def start_template(parent: QWidget, store: ValueStore, unit_code: str, period: Period, done):
    """Ask where to save the fill-in workbook for ``unit_code``'s communes and write it."""
    unit = store.unit(unit_code)
    parent_code = unit_code if store.child_count(unit_code) else unit.parent_code
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExchangeDialogs", "Save the template"),
        str(Path.home() / f"bieu-mau-{period.iso}.xlsx"),
        "Excel (*.xlsx)",
    )
    if not name:
        return None
    path = Path(name)
    work = _with_store(store.path, lambda s: write_template(s, parent_code, period.iso, path))
    return BackgroundTask(
        parent,
        QCoreApplication.translate("ExchangeDialogs", "Writing the template…"),
        work,
        lambda sheets: done(path, sheets),
        lambda exc: _show_error(
            parent, QCoreApplication.translate("ExchangeDialogs", "Template failed"), exc
        ),
    )
