"""The main window: unit tree, period picker, entry form, the other tabs, menus and status.

It assembles the pieces and routes between them; what each menu entry does lives in
``menu_commands``, ``files`` and ``backups``, which actions exist and when they are enabled in
``actions``. Where the user is (store, unit, period) is one :class:`Place`; every change of
data is announced on one :class:`ChangeBus`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QToolBar, QVBoxLayout, QWidget

from ictdesk.core.periods import Period, PeriodType
from ictdesk.core.store import ValueStore
from ictdesk.gui import interaction
from ictdesk.gui.background import wait_for_background_work
from ictdesk.gui.changes import ChangeBus, Changes
from ictdesk.gui.edit_session import EditSession
from ictdesk.gui.entry.form import EntryForm
from ictdesk.gui.history_panel import HistoryPanel
from ictdesk.gui.i18n import current_language, install_language
from ictdesk.gui.lock import DatabaseLock
from ictdesk.gui.period_picker import PeriodPicker
from ictdesk.gui.place import Place
from ictdesk.gui.screen import SMALL_SCREEN, fit_to_screen, keep_on_screen
from ictdesk.gui.text import fill
from ictdesk.gui.unit_tree import UnitTree
from ictdesk.gui.window import backups, files, menu_commands
from ictdesk.gui.window.actions import (
    ActionId,
    MenuShortcutsWin,
    build_actions,
    build_menus,
    retranslate_actions,
    update_enabled,
)
from ictdesk.gui.window.status import StatusArea
from ictdesk.gui.window.tabs import LazyTabs, tab_specs

create_from_dialog, ensure_demo = files.create_from_dialog, files.ensure_demo
__all__ = ["ActionId", "MainWindow", "create_from_dialog", "default_period", "ensure_demo"]


def default_period() -> Period:
    """The last complete quarter before today."""
    today = datetime.date.today()
    return Period(today.year, PeriodType.QUARTER, (today.month - 1) // 3 + 1).previous()


class MainWindow(QMainWindow):
    """The ictdesk main window over one open :class:`ValueStore` (or none)."""

    # What the menus do, one function each (see menu_commands, files and backups).
    open_path = files.open_path
    choose_and_open = files.choose_and_open
    new_database = files.new_database
    open_demo = files.open_demo
    backup_now = backups.backup_now
    restore_backup = backups.restore_backup
    restore_from = backups.restore_from
    choose_backup_keep = backups.choose_backup_keep
    summary_sheet = menu_commands.summary_sheet
    print_summary = menu_commands.print_summary
    save_summary_pdf = menu_commands.save_summary_pdf
    show_export = menu_commands.show_export
    show_import = menu_commands.show_import
    write_template = menu_commands.write_template
    run_validation = menu_commands.run_validation
    choose_outlier_share = menu_commands.choose_outlier_share
    set_outlier_share = menu_commands.set_outlier_share
    save_all = menu_commands.save_all
    find_unit = menu_commands.find_unit
    show_settings = menu_commands.show_settings
    add_unit_under = menu_commands.add_unit_under
    show_user_guide = menu_commands.show_user_guide
    show_about = menu_commands.show_about

    def __init__(
        self,
        store: ValueStore | None = None,
        parent=None,
        asker: interaction.Interaction | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        if asker is not None:
            interaction.install(asker)
        else:  # the one seam every question goes through: dialogs over this window
            from ictdesk.gui.dialogs import DialogInteraction

            interaction.install_default(DialogInteraction(self))
        self.lock: DatabaseLock | None = None
        self.file_closed_cleanly = False  # set when the window closes (see closeEvent)
        self.stop_check: Callable[[], None] = lambda: None  # the daily check's, when it runs
        self._history_code: str | None = None
        self.place = Place(default_period(), self)
        self.bus = ChangeBus(self)
        self.undo_stack = QUndoStack(self)
        self.session = EditSession(self.undo_stack, self.bus, self)
        self.unit_tree = UnitTree(self)
        self.period_picker = PeriodPicker(self.place.period, self)
        self.entry_form = EntryForm(self)
        self.entry_form.set_session(self.session)
        self.entry_form.sums_after_first_paint()  # the window first, then the sums
        self.history_panel = HistoryPanel(self)
        self._build_layout()
        self.status = StatusArea(self.statusBar(), self)
        self.actions_by_id = build_actions(self)
        self._shortcuts = MenuShortcutsWin(self)
        build_menus(self)
        self._connect()
        self.retranslate()
        self._fit_first_size()
        self.set_store(store)

    # ------------------------------------------------------------------ layout
    def _build_layout(self) -> None:
        entry_page = QSplitter(Qt.Orientation.Vertical, self)
        entry_page.setObjectName("entrySplitter")
        entry_page.addWidget(self.entry_form)
        entry_page.addWidget(self.history_panel)
        entry_page.setStretchFactor(0, 1)
        entry_page.setSizes([640, 150])
        self.entry_page = entry_page
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(entry_page, "")
        # The guard first, then the lazy tabs: a refused tab change builds nothing.
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.lazy_tabs = LazyTabs(self, self.tabs, tab_specs())
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

    # The tabs after data entry, built when first shown.
    @property
    def grid_view(self):
        return self.lazy_tabs.view("grid")

    @property
    def completeness_view(self):
        return self.lazy_tabs.view("reporting")

    @property
    def trends_view(self):
        return self.lazy_tabs.view("trends")

    @property
    def dashboard_view(self):
        return self.lazy_tabs.view("dashboard")

    def _connect(self) -> None:
        place = self.place
        place.add_guard(self._may_leave_entry)
        place.moved.connect(self._on_place_moved)
        place.refused.connect(self._on_place_refused)
        self.unit_tree.unit_selected.connect(
            lambda code: place.move(unit_code=code, initiator=self.unit_tree)
        )
        self.unit_tree.add_unit_requested.connect(self.add_unit_under)
        self.period_picker.period_changed.connect(
            lambda _iso: place.move(
                period=self.period_picker.period(), initiator=self.period_picker
            )
        )
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.bus.changed.connect(self._on_bus_changed)
        form = self.entry_form
        form.value_saved.connect(self._on_entry_form_value_saved)
        form.save_failed.connect(self.status.show_message)
        self.session.save_failed.connect(self.status.show_message)
        form.field_focused.connect(self._on_entry_form_field_focused)
        form.grid_requested.connect(lambda: self.tabs.setCurrentWidget(self.grid_view))
        form.unsaved_changed.connect(self.setWindowModified)

    def _fit_first_size(self) -> None:
        """The first window fits the screen, frame included; a laptop's starts maximised."""
        self._restore_geometry()
        screen = self.screen()
        available = screen.availableGeometry().size() if screen else QSize(1920, 1080)
        if QSettings().value(f"geometry/{self.objectName()}") is None:
            fit_to_screen(self, 1280, 820)
            if (
                available.width() < SMALL_SCREEN.width()
                or available.height() < SMALL_SCREEN.height()
            ):
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, lambda: keep_on_screen(self))  # once the frame is known

    # ----------------------------------------------------------------- texts
    def retranslate(self) -> None:
        retranslate_actions(self.actions_by_id)
        titles = {"file": self.tr("&File"), "edit": self.tr("&Edit"), "help": self.tr("&Help")}
        for name, menu in self.menus.items():
            menu.setTitle(titles[name])
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.language_menu.setTitle(self.tr("&Language / Ngôn ngữ"))
        self.language_actions[current_language()].setChecked(True)
        self.update_undo_actions()
        tab_titles = [
            self.tr("Data entry"),
            self.tr("Grid"),
            self.tr("Reporting"),
            self.tr("Trends"),
            self.tr("Dashboard"),
        ]
        for index, title in enumerate(tab_titles):
            self.tabs.setTabText(index, title)
        for view in self.lazy_tabs.built():
            view.retranslate()
        self.history_panel.retranslate()
        self.unit_tree.retranslate()
        self.period_picker.retranslate()
        self.entry_form.retranslate()
        self.status.retranslate()
        self._refresh_history()  # the indicator's name in the new language

    def set_language(self, language: str) -> None:
        """Switch the interface language now, and remember it for the next start."""
        self.entry_form.commit_pending()
        QSettings().setValue("language", install_language(language))
        self.retranslate()

    def update_undo_actions(self, *_args) -> None:
        stack = self.undo_stack
        self.undo_action.setText(fill(self.tr("&Undo %1"), stack.undoText()).strip())
        self.redo_action.setText(fill(self.tr("&Redo %1"), stack.redoText()).strip())

    # ----------------------------------------------------------------- the store
    @property
    def store(self) -> ValueStore | None:
        return self.place.store

    def set_store(self, store: ValueStore | None) -> None:
        """Show ``store`` (closing the one shown before), at its remembered place."""
        files.remember_place(self)
        previous = self.place.store
        if previous is not None and previous is not store:
            previous.close()
        self.session.store = store
        self.undo_stack.clear()
        self.history_panel.show_history("", [])
        self._history_code = None
        unit, period = None, self.place.period
        if store is not None:
            if store.path:
                files.remember_recent(store.path)
            last_unit, last_period = files.remembered_place(store)
            period = last_period or store.latest_stored_period() or period
            roots = store.root_units()
            unit = last_unit or store.setting("home_commune") or (roots[0].code if roots else None)
        self.entry_form.set_store(store)
        self.unit_tree.set_store(store)
        if unit is not None and not self.unit_tree.has(unit):
            unit = None
        self.place.set_store(store, unit, period)
        self._update_title()

    def release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # ----------------------------------------------------------------- routing
    def _may_leave_entry(self) -> bool:
        return self.entry_form.may_leave()

    def _on_place_moved(self, initiator) -> None:
        place = self.place
        if initiator is not self.unit_tree:
            self.unit_tree.show_current(place.unit_code)
        if initiator is not self.period_picker:
            self.period_picker.show_period(place.period)
        self.entry_form.load(place.unit_code, place.period if place.unit_code else None)
        self.history_panel.show_history("", [])  # the last unit's history is not this one's
        self._history_code = None
        self.status.update()
        update_enabled(self)

    def _on_place_refused(self) -> None:
        """A move was refused (the user keeps editing): show where the user still is, now and
        once the click that asked has been handled (the tree selects the clicked row after
        its signal returns)."""

        def show_place() -> None:
            self.unit_tree.show_current(self.place.unit_code)
            self.period_picker.show_period(self.place.period)

        show_place()
        QTimer.singleShot(0, show_place)

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is not self.entry_page and not self.place.may_leave():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentWidget(self.entry_page)
            self.tabs.blockSignals(False)

    def _on_bus_changed(self, changes: Changes, _initiator) -> None:
        self._refresh_history()  # an undo or redo writes a row of its own
        if changes.units:
            self.unit_tree.refresh()
        self.status.update()

    def jump_to(self, unit_code: str, indicator_code: str = "") -> None:
        """Show ``unit_code`` in the form and put the cursor on ``indicator_code``."""
        self.tabs.setCurrentWidget(self.entry_page)
        if self.tabs.currentWidget() is not self.entry_page:
            return
        if not self.place.move(unit_code=unit_code):
            return
        field = self.entry_form.fields.get(indicator_code)
        if field is not None:
            field.setFocus()
            self.entry_form.scroll.ensureWidgetVisible(field)

    def _on_entry_form_value_saved(self, _unit: str, code: str, _period: str) -> None:
        self.status.update()  # the history follows the save's announcement on the bus

    def _on_entry_form_field_focused(self, code: str) -> None:
        self._history_code = code
        form = self.entry_form
        if self.store is None or not form.unit_code or not form.period:
            return
        problems = form.problems_of(code)
        if problems:
            self.status.show_message(" · ".join(problems))
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

    def _update_title(self) -> None:
        if self.store and self.store.path:
            self.setWindowTitle(f"{self.store.path.name}[*] — ictdesk")
        else:
            self.setWindowTitle("ictdesk[*]")
        update_enabled(self)

    # ------------------------------------------------------------------ closing
    def _restore_geometry(self) -> None:
        geometry = QSettings().value(f"geometry/{self.objectName()}")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.store is not None and not self.place.may_leave():
            event.ignore()  # the user goes back to fix the value
            return
        try:
            self.stop_check()  # the daily check would hold the closing for seconds
            wait_for_background_work()
            QSettings().setValue(f"geometry/{self.objectName()}", self.saveGeometry())
            files.remember_place(self)
            if self.store is not None:
                backups.closing_backup(self)
        finally:  # whatever failed above, the file is closed and its lock released
            self.file_closed_cleanly = True
            if self.store is not None:
                try:
                    self.store.close()
                except Exception:  # the connection may still hold a WAL: see gui.app.leave
                    self.file_closed_cleanly = False
                self.place.store = None
            self.release_lock()
        super().closeEvent(event)
