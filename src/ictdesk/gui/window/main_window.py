"""The main window: unit tree, period picker, entry form, menus and status bar."""

from __future__ import annotations

import contextlib
import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ictdesk import __version__
from ictdesk.core.backup import automatic_backup, list_backups, restore, rolling_backup, store_keep
from ictdesk.core.errors import DatabaseTooNew, IctdeskError, NotAnIctdeskDatabase
from ictdesk.core.paths import data_dir, demo_database_path
from ictdesk.core.periods import Period, PeriodType
from ictdesk.core.store import ValueStore
from ictdesk.gui.background import BackgroundTask, wait_for_background_work
from ictdesk.gui.dashboard.view import DashboardView
from ictdesk.gui.edit_session import EditSession
from ictdesk.gui.entry.form import EntryForm
from ictdesk.gui.grid.view import GridView
from ictdesk.gui.history_panel import HistoryPanel
from ictdesk.gui.i18n import current_language, install_language
from ictdesk.gui.lock import DatabaseLock
from ictdesk.gui.period_picker import PeriodPicker
from ictdesk.gui.review_views import CompletenessView, ValidationDialog
from ictdesk.gui.safety import RestoreDialog
from ictdesk.gui.text import fill
from ictdesk.gui.trends.view import TrendsView
from ictdesk.gui.unit_tree import UnitTree

if TYPE_CHECKING:  # dialogs are imported when first opened: start-up stays short
    from ictdesk.gui.exchange.import_dialog import ExportDialog, ImportDialog
    from ictdesk.gui.first_run import FirstRunDialog
    from ictdesk.gui.settings_dialog import SettingsDialog
    from ictdesk.gui.user_guide import UserGuideDialog

MAX_RECENT = 8
BACKUP_PAGES_WORTH_A_DIALOG = 25_000  # about 100 MB: a backup of a second or more


class ActionId(Enum):
    """Every menu action, declared once."""

    PRINT = "print"
    SAVE_PDF = "save_pdf"
    SETTINGS = "settings"
    BACKUP = "backup"
    RESTORE = "restore"
    BACKUP_KEEP = "backup_keep"
    EXPORT = "export"
    IMPORT = "import"
    TEMPLATE = "template"
    VALIDATE = "validate"
    OUTLIER_SHARE = "outlier_share"
    NEW = "new"
    OPEN = "open"
    OPEN_DEMO = "open_demo"
    QUIT = "quit"
    ABOUT = "about"
    GUIDE = "guide"


def default_period() -> Period:
    """The last complete quarter before today."""
    today = datetime.date.today()
    return Period(today.year, PeriodType.QUARTER, (today.month - 1) // 3 + 1).previous()


def _first_size(available: QSize) -> QSize:
    """1280 × 820, or less on a smaller screen (a 1366 × 768 laptop hid the status bar)."""
    return QSize(min(1280, available.width()), min(820, available.height()))


class MainWindow(QMainWindow):
    """The ictdesk main window over one open :class:`ValueStore` (or none)."""

    def __init__(self, store: ValueStore | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.store: ValueStore | None = None
        self._lock: DatabaseLock | None = None
        self._history_code: str | None = None
        self.actions_by_id: dict[ActionId, QAction] = {}
        self.unit_tree = UnitTree(self)
        self.period_picker = PeriodPicker(default_period(), self)
        self.entry_form = EntryForm(self)
        self.undo_stack = QUndoStack(self)
        self.session = EditSession(self.undo_stack, self)
        self.entry_form.set_session(self.session)
        self.history_panel = HistoryPanel(self)
        entry_page = QSplitter(Qt.Orientation.Vertical, self)
        entry_page.setObjectName("entrySplitter")
        entry_page.addWidget(self.entry_form)
        entry_page.addWidget(self.history_panel)
        entry_page.setStretchFactor(0, 1)
        entry_page.setSizes([640, 150])
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(entry_page, "")
        self.grid_view = GridView(self)
        self.tabs.addTab(self.grid_view, "")
        self.completeness_view = CompletenessView(self)
        self.tabs.addTab(self.completeness_view, "")
        self.completeness_view.unit_activated.connect(self._on_grid_unit_activated)
        self.trends_view = TrendsView(self)
        self.tabs.addTab(self.trends_view, "")
        self.trends_view.message.connect(self._on_entry_form_save_failed)
        self.dashboard_view = DashboardView(self)
        self.tabs.addTab(self.dashboard_view, "")
        self.dashboard_view.indicator_activated.connect(self._on_dashboard_indicator_activated)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.grid_view.unit_activated.connect(self._on_grid_unit_activated)
        self.grid_view.message.connect(self._on_entry_form_save_failed)
        self.session.values_changed.connect(self._on_session_values_changed)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.unit_tree)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1050])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.setCentralWidget(central)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("periodToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.period_picker)
        self.addToolBar(self.toolbar)
        self.db_label = QLabel(self)
        self.unit_label = QLabel(self)
        self.period_label = QLabel(self)
        self.filled_label = QLabel(self)
        self.filled_label.setObjectName("filledLabel")
        for label in (self.db_label, self.unit_label, self.period_label):
            self.statusBar().addWidget(label)
        self.read_only_label = QLabel(self)
        self.read_only_label.setObjectName("readOnlyLabel")
        self.read_only_label.setStyleSheet("color: #b36b00; font-weight: bold;")
        self.read_only_label.hide()
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.filled_label)
        self._build_actions()
        self._build_menus()
        self.unit_tree.unit_selected.connect(self._on_unit_tree_selected)
        self.unit_tree.add_unit_requested.connect(self.add_unit_under)
        self.period_picker.period_changed.connect(self._on_period_picker_changed)
        self.entry_form.value_saved.connect(self._on_entry_form_value_saved)
        self.entry_form.save_failed.connect(self._on_entry_form_save_failed)
        self.session.save_failed.connect(self._on_entry_form_save_failed)
        self.entry_form.field_focused.connect(self._on_entry_form_field_focused)
        self.entry_form.grid_requested.connect(lambda: self.tabs.setCurrentWidget(self.grid_view))
        self.entry_form.unsaved_changed.connect(self.setWindowModified)
        self.entry_form.completion_changed.connect(self._update_status)
        self.retranslate()
        self.resize(_first_size(self.screen().availableGeometry().size()))
        self._restore_geometry()
        self.set_store(store)

    # ----------------------------------------------------------- actions/menus
    def _build_actions(self) -> None:
        specs = {
            ActionId.NEW: (QKeySequence.StandardKey.New, self.new_database),
            ActionId.OPEN: (QKeySequence.StandardKey.Open, self.choose_and_open),
            ActionId.OPEN_DEMO: (None, self.open_demo),
            ActionId.QUIT: (QKeySequence.StandardKey.Quit, self.close),
            ActionId.ABOUT: (None, self.show_about),
            ActionId.GUIDE: (QKeySequence.StandardKey.HelpContents, self.show_user_guide),
            ActionId.VALIDATE: (QKeySequence("F7"), self.run_validation),
            ActionId.EXPORT: (QKeySequence("Ctrl+E"), self.show_export),
            ActionId.PRINT: (QKeySequence.StandardKey.Print, self.print_summary),
            ActionId.SAVE_PDF: (None, self.save_summary_pdf),
            ActionId.SETTINGS: (None, self.show_settings),
            ActionId.BACKUP: (None, self.backup_now),
            ActionId.RESTORE: (None, self.restore_backup),
            ActionId.BACKUP_KEEP: (None, self.choose_backup_keep),
            ActionId.IMPORT: (QKeySequence("Ctrl+I"), self.show_import),
            ActionId.TEMPLATE: (None, self.write_template),
            ActionId.OUTLIER_SHARE: (None, self.choose_outlier_share),
        }
        for action_id, (shortcut, slot) in specs.items():
            action = QAction(self)
            action.setObjectName(f"action_{action_id.value}")
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(slot)
            self.actions_by_id[action_id] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.setObjectName("fileMenu")
        self.file_menu.addAction(self.actions_by_id[ActionId.NEW])
        self.file_menu.addAction(self.actions_by_id[ActionId.OPEN])
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addAction(self.actions_by_id[ActionId.OPEN_DEMO])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions_by_id[ActionId.IMPORT])
        self.file_menu.addAction(self.actions_by_id[ActionId.EXPORT])
        self.file_menu.addAction(self.actions_by_id[ActionId.TEMPLATE])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions_by_id[ActionId.PRINT])
        self.file_menu.addAction(self.actions_by_id[ActionId.SAVE_PDF])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions_by_id[ActionId.BACKUP])
        self.file_menu.addAction(self.actions_by_id[ActionId.RESTORE])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions_by_id[ActionId.QUIT])
        self.edit_menu = bar.addMenu("")
        self.edit_menu.setObjectName("editMenu")
        self.undo_action = QAction(self)
        self.undo_action.setObjectName("action_undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self)
        self.redo_action.setObjectName("action_redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.indexChanged.connect(self._update_undo_actions)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.actions_by_id[ActionId.VALIDATE])
        self.edit_menu.addAction(self.actions_by_id[ActionId.OUTLIER_SHARE])
        self.edit_menu.addAction(self.actions_by_id[ActionId.BACKUP_KEEP])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.actions_by_id[ActionId.SETTINGS])
        self.language_menu = self.edit_menu.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):  # each in its own language
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setObjectName(f"action_language_{code}")
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_actions[code] = action
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.actions_by_id[ActionId.GUIDE])
        self.help_menu.addAction(self.actions_by_id[ActionId.ABOUT])

    def retranslate(self) -> None:
        texts = {
            ActionId.NEW: self.tr("&New database…"),
            ActionId.OPEN: self.tr("&Open database…"),
            ActionId.OPEN_DEMO: self.tr("Open &demo data"),
            ActionId.QUIT: self.tr("&Quit"),
            ActionId.ABOUT: self.tr("&About ictdesk"),
            ActionId.GUIDE: self.tr("&User guide"),
            ActionId.VALIDATE: self.tr("&Check the period…"),
            ActionId.EXPORT: self.tr("&Export…"),
            ActionId.PRINT: self.tr("&Print summary…"),
            ActionId.SAVE_PDF: self.tr("Save summary as P&DF…"),
            ActionId.SETTINGS: self.tr("&Settings…"),
            ActionId.BACKUP: self.tr("&Back up now"),
            ActionId.RESTORE: self.tr("Restore from &backup…"),
            ActionId.BACKUP_KEEP: self.tr("Automatic &backups…"),
            ActionId.IMPORT: self.tr("&Import files…"),
            ActionId.TEMPLATE: self.tr("Fill-in &template for communes…"),
            ActionId.OUTLIER_SHARE: self.tr("Large-change &warning threshold…"),
        }
        for action_id, text in texts.items():
            self.actions_by_id[action_id].setText(text)
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.language_menu.setTitle(self.tr("&Language / Ngôn ngữ"))
        self.language_actions[current_language()].setChecked(True)
        self._update_undo_actions()
        self.history_panel.retranslate()
        self.read_only_label.setText(self.tr("READ-ONLY"))
        self.tabs.setTabText(0, self.tr("Data entry"))
        self.tabs.setTabText(1, self.tr("Grid"))
        self.tabs.setTabText(2, self.tr("Reporting"))
        self.tabs.setTabText(3, self.tr("Trends"))
        self.tabs.setTabText(4, self.tr("Dashboard"))
        self.completeness_view.retranslate()
        self.trends_view.retranslate()
        self.dashboard_view.retranslate()
        self.grid_view.retranslate()
        self.unit_tree.retranslate()
        self.period_picker.retranslate()
        self.entry_form.retranslate()
        self._update_status()

    def set_language(self, language: str) -> None:
        """Switch the interface language now, and remember it for the next start."""
        self.entry_form.commit_pending()
        QSettings().setValue("language", install_language(language))
        self.retranslate()

    def _update_undo_actions(self, *_args) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setText(fill(self.tr("&Undo %1"), stack.undoText()).strip())
        self.redo_action.setText(fill(self.tr("&Redo %1"), stack.redoText()).strip())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = recent_files()
        if not files:
            action = self.recent_menu.addAction(self.tr("(no recent files)"))
            action.setEnabled(False)
        for path in files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(Path(p)))

    # ---------------------------------------------------------------- database
    def set_store(self, store: ValueStore | None) -> None:
        """Show ``store`` (closing the one shown before)."""
        self.entry_form.commit_pending()
        self._remember_place()
        if self.store is not None and self.store is not store:
            self.store.close()
        self.store = store
        self.session.store = store
        read_only = bool(store and store.read_only)
        self.read_only_label.setVisible(read_only)
        for action_id in (
            ActionId.IMPORT,
            ActionId.RESTORE,
            ActionId.BACKUP_KEEP,
            ActionId.SETTINGS,
        ):
            self.actions_by_id[action_id].setDisabled(read_only)
        self.undo_stack.clear()
        self.history_panel.show_history("", [])
        self.unit_tree.set_store(store)
        self.entry_form.set_store(store)
        self.grid_view.set_store(store, self.session)
        self.trends_view.set_store(store)
        self.dashboard_view.set_store(store)
        if store is not None:
            if store.path:
                remember_recent(store.path)
            last_unit, last_period = self._remembered_place(store)
            period = last_period or store.latest_period()
            if period is not None:
                self.period_picker.blockSignals(True)
                self.period_picker.set_period(period)
                self.period_picker.blockSignals(False)
            roots = store.root_units()
            start = last_unit or store.setting("home_commune") or (roots[0].code if roots else None)
            if start and not self.unit_tree.select(start):
                self.entry_form.load(None, None)
        self._update_title()
        self._update_status()

    def _place_key(self) -> str | None:
        if self.store is None or self.store.path is None:
            return None
        return "place/" + str(Path(self.store.path).resolve()).replace("/", "|")

    def _remembered_place(self, store: ValueStore) -> tuple[str | None, Period | None]:
        """The unit and period last shown for this database file, if still valid."""
        key = self._place_key()
        if key is None:
            return None, None
        settings = QSettings()
        unit = settings.value(f"{key}/unit")
        try:
            period = Period.parse(settings.value(f"{key}/period", ""))
        except IctdeskError:
            period = None
        return (unit if unit and store.has_unit(unit) else None), period

    def _remember_place(self) -> None:
        key = self._place_key()
        if key and self.entry_form.unit_code and self.entry_form.period:
            settings = QSettings()
            settings.setValue(f"{key}/unit", self.entry_form.unit_code)
            settings.setValue(f"{key}/period", self.entry_form.period.iso)

    def open_path(self, path: Path, read_only: bool = False) -> bool:
        """Open the database at ``path``; on failure tell the user and keep the current one.

        Another ictdesk holding the file is named, and the user may open it read-only.
        """
        path = Path(path)
        lock = None
        if not read_only and path.exists():
            lock = DatabaseLock(path)
            if not lock.acquire():
                if not self.ask_open_read_only(path, lock.holder()):
                    return False
                lock, read_only = None, True
        try:
            checked = ValueStore.full_check_due(path) and self._in_background(
                fill(self.tr("Checking %1 for damage…"), path.name),
                lambda: ValueStore.check_file(path),
            )
            if not read_only and ValueStore.upgrade_due(path):
                self._in_background(
                    fill(self.tr("Upgrading %1 for this version of ictdesk…"), path.name),
                    lambda: ValueStore.upgrade(path),
                )
            store = ValueStore.open(path, read_only=read_only, checked=checked)
        except (IctdeskError, OSError) as exc:
            if lock is not None:
                lock.release()
            self._show_open_error(path, exc)
            return False
        self._release_lock()
        self._lock = lock
        self.set_store(store)
        if store.on_network and not store.read_only:
            self.warn_network(path)
        return True

    def _in_background(self, title: str, job) -> bool:
        """Run ``job`` before a file opens (the daily damage check, a schema upgrade: seconds
        for a national database) while a progress dialog shows; raise what it raised."""
        loop = QEventLoop(self)
        outcome: dict[str, object] = {}

        def done(_result) -> None:
            outcome["ok"] = True
            loop.quit()

        def failed(exc: Exception) -> None:
            outcome["error"] = exc
            loop.quit()

        BackgroundTask(self, title, job, done, failed, cancellable=False)
        if not outcome:
            loop.exec()
        if "error" in outcome:
            raise outcome["error"]
        return True

    def ask_open_read_only(self, path: Path, holder: dict) -> bool:
        """Tell who holds ``path`` and ask whether to open it read-only."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("The database is in use"))
        box.setText(
            fill(
                self.tr("%1 is open in ictdesk by %2 on %3 since %4."),
                path.name,
                holder.get("user", "?"),
                holder.get("host", "?"),
                holder.get("since", "?"),
            )
        )
        box.setInformativeText(
            self.tr("Only one person can change it at a time. You can open it read-only.")
        )
        read_only = box.addButton(self.tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is read_only

    def warn_network(self, path: Path) -> None:
        """Say, without blocking, that a database on a network share is safer copied locally."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Database on a network share"),
            fill(
                self.tr(
                    "%1 is on a network drive. ictdesk works on it safely but more slowly; a"
                    " working copy on this computer's own disk is safer and faster."
                ),
                str(path),
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("networkWarning")
        box.open()

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _show_open_error(self, path: Path, exc: Exception) -> None:
        if isinstance(exc, NotAnIctdeskDatabase):
            text = self.tr(
                "This file is not an ictdesk database, or it is damaged. It was not changed."
            )
        elif isinstance(exc, DatabaseTooNew):
            text = self.tr(
                "This file was made by a newer version of ictdesk. Update ictdesk to open it."
            )
        else:
            text = self.tr("The database cannot be opened.")
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Cannot open database"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setInformativeText(str(path))
        box.setDetailedText(str(exc))
        from_backup = None
        if list_backups(path, counts=False):
            from_backup = box.addButton(
                self.tr("Restore a backup…"), QMessageBox.ButtonRole.ActionRole
            )
        box.exec()
        if from_backup is not None and box.clickedButton() is from_backup:
            self.restore_backup(path)

    # ----------------------------------------------------------------- backups
    def backup_now(self) -> Path | None:
        """Write a rolling backup of the open database now."""
        if self.store is None:
            return None
        self.entry_form.commit_pending()
        try:
            path = rolling_backup(self.store)
        except IctdeskError as exc:
            self._on_entry_form_save_failed(str(exc))
            return None
        self.statusBar().showMessage(fill(self.tr("Backed up to %1"), str(path)), 10000)
        return path

    def restore_backup(self, db_path: Path | None = None) -> bool:
        """Choose a backup of ``db_path`` (default: the open database) and restore it."""
        db_path = Path(db_path or (self.store.path if self.store else ""))
        if not str(db_path):
            return False
        dialog = RestoreDialog(db_path, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return False
        return self.restore_from(dialog.chosen().path, db_path)

    def restore_from(self, backup: Path, db_path: Path) -> bool:
        """Replace ``db_path`` by ``backup`` (the current file is backed up first) and open it."""
        reopen = self.store is not None and Path(self.store.path) == Path(db_path)
        if reopen:
            self.entry_form.commit_pending()
            self.set_store(None)
            self._release_lock()
        try:
            restore(backup, db_path)
        except IctdeskError as exc:
            self._show_open_error(db_path, exc)
            return False
        opened = self.open_path(db_path)
        if opened:
            self.statusBar().showMessage(
                fill(self.tr("Restored the backup %1"), Path(backup).name), 10000
            )
        return opened

    # ---------------------------------------------------------------- printing
    def summary_sheet(self, kind: str | None = None):
        """The summary sheet of the selected unit and period (asking unit or roll-up)."""
        unit = self.unit_tree.current_code()
        if self.store is None or unit is None:
            return None
        self.entry_form.commit_pending()
        if kind is None:
            kind = "unit"
            if self.store.child_count(unit):
                choice, ok = QInputDialog.getItem(
                    self,
                    self.tr("Print summary"),
                    self.tr("Which sheet?"),
                    [self.tr("This unit's indicators"), self.tr("Roll-up of its communes")],
                    0,
                    False,
                )
                if not ok:
                    return None
                kind = "unit" if choice == self.tr("This unit's indicators") else "rollup"
        from ictdesk.core.report import rollup_sheet, unit_sheet

        build = rollup_sheet if kind == "rollup" else unit_sheet
        return build(self.store, unit, self.period_picker.period().iso)

    def print_summary(self, kind: str | None = None):
        """Print preview of the summary sheet (Print and Export to PDF are on its toolbar)."""
        sheet = self.summary_sheet(kind)
        if sheet is None:
            return None
        from ictdesk.gui.printing import preview  # QtPrintSupport only when printing

        dialog = preview(sheet, self)
        dialog.open()
        return dialog

    def save_summary_pdf(self, kind: str | None = None, path: Path | None = None) -> Path | None:
        sheet = self.summary_sheet(kind)
        if sheet is None:
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save summary as PDF"),
                str(Path.home() / f"bao-cao-{self.period_picker.period().iso}.pdf"),
                "PDF (*.pdf)",
            )
            if not name:
                return None
            path = Path(name)
        from ictdesk.gui.printing import write_pdf

        try:
            pages = write_pdf(sheet, path)
        except IctdeskError as exc:
            self._on_entry_form_save_failed(str(exc))
            return None
        self.statusBar().showMessage(
            fill(self.tr("Saved %1 (%2 pages)"), str(path), str(pages)),
            10000,
        )
        return path

    def show_settings(self) -> SettingsDialog | None:
        unit = self.unit_tree.current_code()
        if self.store is None or unit is None:
            return None
        from ictdesk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.store, unit, self)
        dialog.open()
        return dialog

    def choose_backup_keep(self) -> None:
        if self.store is None:
            return
        keep, ok = QInputDialog.getInt(
            self,
            self.tr("Automatic backups"),
            self.tr("How many automatic backups to keep:"),
            store_keep(self.store),
            1,
            365,
        )
        if ok:
            try:
                self.store.set_setting("backup_keep", str(keep))
            except IctdeskError as exc:
                self._on_entry_form_save_failed(str(exc))

    def choose_and_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            str(self.store.path.parent if self.store and self.store.path else data_dir()),
            self.tr("ictdesk databases (*.db *.sqlite *.ictdesk);;All files (*)"),
        )
        if name:
            self.open_path(Path(name))

    def new_database(self) -> None:
        from ictdesk.gui.first_run import FirstRunDialog

        dialog = FirstRunDialog(self)
        dialog.demo_button.hide()
        if self.store and self.store.province_code:
            dialog.select_province(self.store.province_code)
        if dialog.exec() != FirstRunDialog.DialogCode.Accepted or dialog.choice != "create":
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(data_dir() / "ictdesk.db"),
            self.tr("ictdesk databases (*.db)"),
        )
        if not name:
            return
        path = Path(name)
        if path.exists():
            QMessageBox.warning(
                self,
                self.tr("New database"),
                self.tr(
                    "A file with this name already exists."
                    " Choose another name; nothing was overwritten."
                ),
            )
            return
        if create_from_dialog(self, dialog, path):
            self.open_path(path)

    def open_demo(self) -> None:
        path = ensure_demo(self)
        if path is not None:
            self.open_path(path)

    def add_unit_under(self, parent_code: str) -> bool:
        """Ask for a new unit under ``parent_code`` and store it; True if one was added."""
        if self.store is None:
            return False
        from ictdesk.gui.add_unit_dialog import AddUnitDialog

        dialog = AddUnitDialog(self.store.unit(parent_code), self)
        while dialog.exec() == AddUnitDialog.DialogCode.Accepted:
            try:
                unit = self.store.add_unit(
                    dialog.code.text(), dialog.name.text(), dialog.chosen_level(), parent_code
                )
            except IctdeskError as exc:
                dialog.show_error(fill(self.tr("The unit was not added: %1"), str(exc)))
                continue
            self.unit_tree.refresh()
            self.unit_tree.select(unit.code)
            return True
        return False

    def show_user_guide(self) -> UserGuideDialog:
        from ictdesk.gui.user_guide import UserGuideDialog

        dialog = UserGuideDialog(self)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ictdesk"),
            fill(
                self.tr(
                    "ictdesk %1 — digital-transformation statistics for local government, offline."
                ),
                __version__,
            ),
        )

    # ----------------------------------------------------------------- events
    def _on_unit_tree_selected(self, code: str) -> None:
        self.entry_form.load(code, self.period_picker.period())
        self._refresh_visible_tab()
        self._update_status()

    def _on_period_picker_changed(self, _iso: str) -> None:
        self.entry_form.load(self.unit_tree.current_code(), self.period_picker.period())
        self._refresh_visible_tab()
        self._update_status()

    def _refresh_visible_tab(self) -> None:
        """Tabs other than the form follow the unit and period only while shown."""
        unit, period = self.unit_tree.current_code(), self.period_picker.period()
        if self.tabs.currentWidget() is self.grid_view:
            self.grid_view.show_place(unit, period)
        elif self.tabs.currentWidget() is self.completeness_view:
            self.completeness_view.show_place(self.store, unit, period)
        elif self.tabs.currentWidget() is self.trends_view:
            self.trends_view.show_place(unit, period)
        elif self.tabs.currentWidget() is self.dashboard_view:
            self.dashboard_view.show_place(unit, period)

    def _on_tabs_current_changed(self, _index: int) -> None:
        self.entry_form.commit_pending()
        self._refresh_visible_tab()

    def _on_dashboard_indicator_activated(self, code: str) -> None:
        self.tabs.setCurrentWidget(self.trends_view)
        self.trends_view.show_indicator(code)

    def _on_grid_unit_activated(self, code: str) -> None:
        self.jump_to(code)

    def _on_session_values_changed(self, _places) -> None:
        self._refresh_history()  # an undo or redo writes a row of its own
        if self.tabs.currentWidget() is self.grid_view:
            self.grid_view.model.refresh()
        elif self.tabs.currentWidget() in (self.trends_view, self.dashboard_view):
            self._refresh_visible_tab()
        self._update_status()

    def run_validation(self) -> ValidationDialog | None:
        """Check the shown period over the whole tree (from the top unit) and list problems."""
        if self.store is None:
            return None
        self.entry_form.commit_pending()
        roots = self.store.root_units()
        root = roots[0].code if len(roots) == 1 else self.unit_tree.current_code()
        if root is None:
            return None
        dialog = ValidationDialog(self.store, root, self.period_picker.period(), self)
        dialog.unit_activated.connect(self.jump_to)
        dialog.setModal(False)
        dialog.show()
        return dialog

    def show_export(self) -> ExportDialog | None:
        if self.store is None:
            return None
        self.entry_form.commit_pending()
        from ictdesk.gui.exchange.import_dialog import ExportDialog

        dialog = ExportDialog(
            self.store, self.unit_tree.current_code(), self.period_picker.period(), self
        )
        dialog.exported.connect(self._on_export_dialog_exported)
        dialog.open()
        return dialog

    def _on_export_dialog_exported(self, path: str, rows: int) -> None:
        self.statusBar().showMessage(
            fill(self.tr("Exported %1 rows to %2"), str(rows), path), 10000
        )

    def show_import(self) -> ImportDialog | None:
        if self.store is None:
            return None
        self.entry_form.commit_pending()
        from ictdesk.gui.exchange.import_dialog import ImportDialog

        dialog = ImportDialog(self.store, self)
        dialog.imported.connect(self._on_import_dialog_imported)
        dialog.open()
        return dialog

    def _on_import_dialog_imported(self, report) -> None:
        self.entry_form.reload()
        self.grid_view.model.refresh()
        self._refresh_visible_tab()
        self._update_status()
        self.statusBar().showMessage(
            fill(
                self.tr("Imported: %1 new, %2 changed, %3 unchanged, %4 skipped."),
                str(report.added),
                str(report.changed),
                str(report.unchanged),
                str(report.skipped),
            ),
            15000,
        )

    def write_template(self) -> None:
        unit = self.unit_tree.current_code()
        if self.store is None or unit is None:
            return
        from ictdesk.gui.exchange.import_dialog import start_template

        start_template(
            self,
            self.store,
            unit,
            self.period_picker.period(),
            lambda path, sheets: self.statusBar().showMessage(
                fill(self.tr("Template with %1 sheets written to %2"), str(sheets), str(path)),
                10000,
            ),
        )

    def choose_outlier_share(self) -> None:
        """Ask how far (in %) a stock may move between periods before a warning."""
        if self.store is None:
            return
        percent, ok = QInputDialog.getInt(
            self,
            self.tr("Large-change warning"),
            self.tr(
                "Warn when a count moves by more than this share since the previous period (%):"
            ),
            round(self.store.outlier_share * 100),
            5,
            1000,
            5,
        )
        if ok:
            self.set_outlier_share(percent / 100)

    def set_outlier_share(self, share: float) -> None:
        try:
            self.store.set_setting("outlier_share", str(share))
        except IctdeskError as exc:
            self._on_entry_form_save_failed(str(exc))
            return
        self.entry_form.reload()

    def jump_to(self, unit_code: str, indicator_code: str = "") -> None:
        """Show ``unit_code`` in the form and put the cursor on ``indicator_code``."""
        self.tabs.setCurrentIndex(0)
        self.unit_tree.select(unit_code)
        field = self.entry_form.fields.get(indicator_code)
        if field is not None:
            field.setFocus()
            self.entry_form.scroll.ensureWidgetVisible(field)

    def _on_entry_form_value_saved(self, _unit: str, code: str, _period: str) -> None:
        self._update_status()
        if code and code == self._history_code:
            self._on_entry_form_field_focused(code)

    def _on_entry_form_field_focused(self, code: str) -> None:
        self._history_code = code
        form = self.entry_form
        if self.store is None or not form.unit_code or not form.period:
            return
        problems = form.rows[code].check.toolTip()
        if problems:
            self.statusBar().showMessage(problems.replace("\n", " · "), 10000)
        self._refresh_history()

    def _refresh_history(self) -> None:
        """The history of the value last focused in the form, as stored now."""
        code, form = self._history_code, self.entry_form
        if self.store is None or not code or not form.unit_code or not form.period:
            return
        name = self.store.catalogue[code].name(current_language())
        self.history_panel.show_history(
            name, self.store.history(form.unit_code, code, form.period.iso)
        )

    def _on_entry_form_save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _update_title(self) -> None:
        if self.store and self.store.path:
            self.setWindowTitle(f"{self.store.path.name}[*] — ictdesk")
        else:
            self.setWindowTitle("ictdesk[*]")

    def _update_status(self) -> None:
        language = current_language()
        path = self.store.path if self.store else None
        self.db_label.setText(str(path) if path else self.tr("No database"))
        unit = self.entry_form.unit_code
        self.unit_label.setText(self.store.unit(unit).name if self.store and unit else "")
        period = self.entry_form.period
        self.period_label.setText(period.label(language) if period else "")
        if unit and period and self.store.child_count(unit):
            # A province or district enters nothing itself: how far its units have reported.
            rows = self.store.completeness(period.iso, unit)
            full = sum(filled >= expected for _, filled, expected in rows)
            self.filled_label.setText(
                fill(self.tr("%1 of %2 units reported in full"), str(full), str(len(rows)))
            )
            return
        filled, total = self.entry_form.filled_count()
        self.filled_label.setText(
            fill(self.tr("%1 of %2 indicators filled"), str(filled), str(total)) if unit else ""
        )

    def _restore_geometry(self) -> None:
        geometry = QSettings().value(f"geometry/{self.objectName()}")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _closing_backup_progress(self):
        """A progress callback for the day's backup at exit: a large file (a national
        database takes seconds) shows a progress dialog instead of a frozen window."""
        dialog: QProgressDialog | None = None

        def progress(done: int, total: int) -> None:
            nonlocal dialog
            if dialog is None:
                if total < BACKUP_PAGES_WORTH_A_DIALOG:
                    return
                dialog = QProgressDialog(self.tr("Making today's backup…"), "", 0, total, self)
                dialog.setObjectName("closingBackup")
                dialog.setMinimumWidth(380)
                dialog.setCancelButton(None)
                dialog.setWindowModality(Qt.WindowModality.WindowModal)
                dialog.setMinimumDuration(0)
            dialog.setValue(done)
            QApplication.processEvents()
            if done >= total:
                dialog.close()

        return progress

    def closeEvent(self, event) -> None:  # noqa: N802
        form = self.entry_form
        if not form.commit_pending() and not form.interaction.confirm_discard(form.unsaved_names()):
            event.ignore()  # the user goes back to fix the value
            return
        wait_for_background_work()
        QSettings().setValue(f"geometry/{self.objectName()}", self.saveGeometry())
        self._remember_place()
        if self.store is not None:
            if not self.store.read_only:
                # at most daily, the newest N kept; a failed backup must not stop the closing
                with contextlib.suppress(IctdeskError):
                    automatic_backup(self.store, progress=self._closing_backup_progress())
            self.store.close()
            self.store = None
        self._release_lock()
        super().closeEvent(event)


# ------------------------------------------------------------------ helpers
def recent_files() -> list[str]:
    value = QSettings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [p for p in (value or []) if Path(p).exists()][:MAX_RECENT]


def remember_recent(path: Path) -> None:
    text = str(Path(path).resolve())
    files = [text] + [p for p in recent_files() if p != text]
    QSettings().setValue("recent_files", files[:MAX_RECENT])


def create_from_dialog(parent: QWidget | None, dialog: FirstRunDialog, path: Path) -> bool:
    """Create the database chosen in ``dialog`` at ``path``; tell the user if that fails."""
    settings = {"province_code": dialog.province_code()}
    if dialog.commune_code():
        settings["home_commune"] = dialog.commune_code()
    user = dialog.user_name.text().strip()
    if user:
        settings["stored_by"] = user
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ValueStore.create(path, settings)
    except (IctdeskError, OSError) as exc:
        _show_failure(
            parent,
            QCoreApplication.translate("MainWindow", "Cannot create database"),
            QCoreApplication.translate("MainWindow", "The database could not be created."),
            exc,
        )
        return False
    return True


def _show_failure(parent: QWidget | None, title: str, text: str, exc: Exception) -> None:
    """A critical message with the technical reason under "Show Details"."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(str(exc))
    box.exec()


def ensure_demo(parent: QWidget | None) -> Path | None:
    """The demo database's path, building it first (with a progress dialog) if needed."""
    path = demo_database_path()
    if path.exists():
        return path
    progress = QProgressDialog(parent)
    progress.setWindowTitle(QCoreApplication.translate("MainWindow", "Demo data"))
    progress.setLabelText(QCoreApplication.translate("MainWindow", "Creating the demo database…"))
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.setRange(0, 100)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)

    def report(done: int, total: int) -> None:
        progress.setValue(int(done * 90 / total))
        QApplication.processEvents()

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        from ictdesk.core.demo import build_demo

        build_demo(path, report)
    except (IctdeskError, OSError) as exc:
        progress.close()
        _show_failure(
            parent,
            QCoreApplication.translate("MainWindow", "Demo data"),
            QCoreApplication.translate("MainWindow", "The demo database could not be created."),
            exc,
        )
        return None
    progress.setValue(100)
    progress.close()
    return path
