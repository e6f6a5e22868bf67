"""File > Import: choose files, see what they would change (a preview, the problems), import.

The checks and the import run in the background on their own connection to the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from ictdesk.core.exchange.importer import (
    ImportRejected,
    ImportReport,
    ImportStep,
    import_files,
)
from ictdesk.core.numbers import format_number
from ictdesk.core.reform.convert import OldUnitImport
from ictdesk.core.reform.suggest import match_registers
from ictdesk.core.store import ValueStore
from ictdesk.gui.background import BackgroundTask
from ictdesk.gui.exchange.common import with_store
from ictdesk.gui.exchange.import_preview import ImportPreview
from ictdesk.gui.i18n import current_language, error_text
from ictdesk.gui.screen import fit_to_screen
from ictdesk.gui.text import fill, sentence


class ImportDialog(ImportPreview, QDialog):
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
        # Files keyed by the units before 1 July 2025 (issue 21): kept as history, converted.
        self.old_units_box = QCheckBox(
            self.tr(
                "The files hold figures of the units before 1 July 2025: keep them and"
                " convert them to the current units"
            ),
            self,
        )
        self.old_units_box.setObjectName("oldUnits")
        self.old_units_box.toggled.connect(self._on_old_units_toggled)
        self.split_box = QComboBox(self)
        self.split_box.setObjectName("splitRule")
        self.split_box.addItem(
            self.tr("Do not divide them: list them and import nothing"), "refuse"
        )
        self.split_box.addItem(
            self.tr("Divide by the new communes' area shares (estimate)"), "area"
        )
        self.split_box.addItem(
            self.tr("Give all to the principal new commune (estimate)"), "principal"
        )
        self.split_box.setEnabled(False)
        self.split_box.currentIndexChanged.connect(self._on_conflict_changed)
        self.old_units_hint = QLabel(self)
        self.old_units_hint.setObjectName("oldUnitsHint")
        self.old_units_hint.setWordWrap(True)
        self.old_units_hint.setStyleSheet("color: #8a6d00;")
        self.old_units_hint.hide()
        self._stage: OldUnitImport | None = None
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
        form.addRow(self.old_units_box)
        form.addRow(self.tr("Old communes split between new ones:"), self.split_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.old_units_hint)
        layout.addLayout(form)
        summary = QHBoxLayout()
        summary.addWidget(self.summary, 1)
        summary.addWidget(self.warnings_button)
        layout.addLayout(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 560)  # the frame fits the screen

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
        """Check ``files`` without writing and show the preview. Files that fit the register
        before 1 July 2025 better than the current units have the old-units choice made."""
        self.files = files
        self.files_label.setText("\n".join(f.name for f in files))
        match = match_registers(self._store, files)
        self.old_units_hint.setVisible(match.suggests_old)
        if match.suggests_old:
            self.old_units_hint.setText(
                fill(
                    self.tr(
                        "These files look keyed by the units before 1 July 2025 (%1); the"
                        " choice below is made for them."
                    ),
                    match.describe(current_language()),
                )
            )
        self.old_units_box.blockSignals(True)
        self.old_units_box.setChecked(match.suggests_old)
        self.old_units_box.blockSignals(False)
        self.split_box.setEnabled(match.suggests_old)
        return self._check()

    def _on_old_units_toggled(self, checked: bool) -> None:
        self.split_box.setEnabled(checked)
        if self.files:
            self._check()

    def _on_conflict_changed(self, *_args) -> None:
        if self.files:
            self._check()

    def _old_units(self) -> OldUnitImport | None:
        """A fresh conversion stage for one run when the old-units choice is made."""
        if not self.old_units_box.isChecked():
            self._stage = None
        else:
            self._stage = OldUnitImport(self.split_box.currentData())
        return self._stage

    def _check(self) -> BackgroundTask:
        self.import_button.setEnabled(False)
        mode, files, stage = self.conflict_box.currentData(), list(self.files), self._old_units()
        deletions = self.deletions_box.isChecked()
        work = with_store(
            self._store.path,
            lambda store, progress: _report_of(
                lambda: import_files(
                    store,
                    files,
                    on_conflict=mode,
                    dry_run=True,
                    progress=progress,
                    old_units=stage,
                    apply_deletions=deletions,
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
            converted = ""
            if self._stage is not None:
                said = self._stage.summary(language, dry_run=True)
                converted = f" {sentence(said)}"
            self.summary.setText(counts + converted + " " + warnings + nothing)
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

    def _on_buttons_accepted(self) -> None:
        self.start_import()

    def start_import(self) -> BackgroundTask:
        """Import the checked files for real (all or nothing) in the background."""
        mode, files, stage = self.conflict_box.currentData(), list(self.files), self._old_units()
        deletions = self.deletions_box.isChecked()
        work = with_store(
            self._store.path,
            lambda store, progress: import_files(
                store,
                files,
                on_conflict=mode,
                progress=progress,
                old_units=stage,
                apply_deletions=deletions,
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
