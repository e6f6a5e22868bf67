"""Every menu action declared once: its text, shortcut, handler, menu and when it is enabled.

Picard keeps one factory per action and napari one ``Action(..., enablement=...)``; here one
row of :data:`ACTIONS` holds all of an action, :data:`MENUS` lists the menus ('-' for a
separator), and :func:`update_enabled` is the one place that decides what can be used now.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, unique
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from ictdesk.gui.window import files

if TYPE_CHECKING:
    from ictdesk.gui.window.main_window import MainWindow


@unique
class ActionId(Enum):
    """Every menu action."""

    NEW = "new"
    OPEN = "open"
    OPEN_DEMO = "open_demo"
    IMPORT = "import"
    EXPORT = "export"
    TEMPLATE = "template"
    PRINT = "print"
    SAVE_PDF = "save_pdf"
    BACKUP = "backup"
    RESTORE = "restore"
    QUIT = "quit"
    FIND = "find"
    SAVE = "save"
    VALIDATE = "validate"
    OUTLIER_SHARE = "outlier_share"
    BACKUP_KEEP = "backup_keep"
    SETTINGS = "settings"
    GUIDE = "guide"
    ABOUT = "about"


def _always(_window: MainWindow) -> bool:
    return True


def _open(window: MainWindow) -> bool:
    return window.store is not None


def _writable(window: MainWindow) -> bool:
    return window.store is not None and not window.store.read_only


def _at_a_unit(window: MainWindow) -> bool:
    return window.store is not None and window.place.unit_code is not None


def _at_a_parent(window: MainWindow) -> bool:
    return _at_a_unit(window) and window.store.child_count(window.place.unit_code) > 0


@dataclass(frozen=True)
class ActionSpec:
    """One action: ``text`` is translated in the context "MainWindow"; ``handler`` is the
    window's method it calls (with no argument); ``enabled`` says when it can be used."""

    id: ActionId
    text: str
    handler: str
    shortcut: QKeySequence.StandardKey | str | None = None
    enabled: Callable[[MainWindow], bool] = _always


ACTIONS = (
    ActionSpec(
        ActionId.NEW, QT_TRANSLATE_NOOP("MainWindow", "&New database…"), "new_database", "New"
    ),
    ActionSpec(
        ActionId.OPEN, QT_TRANSLATE_NOOP("MainWindow", "&Open database…"), "choose_and_open", "Open"
    ),
    ActionSpec(ActionId.OPEN_DEMO, QT_TRANSLATE_NOOP("MainWindow", "Open &demo data"), "open_demo"),
    ActionSpec(
        ActionId.IMPORT,
        QT_TRANSLATE_NOOP("MainWindow", "&Import files…"),
        "show_import",
        "Ctrl+I",
        _writable,
    ),
    ActionSpec(
        ActionId.EXPORT, QT_TRANSLATE_NOOP("MainWindow", "&Export…"), "show_export", "Ctrl+E", _open
    ),
    ActionSpec(
        ActionId.TEMPLATE,
        QT_TRANSLATE_NOOP("MainWindow", "Fill-in &template for communes…"),
        "write_template",
        None,
        _at_a_parent,
    ),
    ActionSpec(
        ActionId.PRINT,
        QT_TRANSLATE_NOOP("MainWindow", "&Print summary…"),
        "print_summary",
        "Print",
        _at_a_unit,
    ),
    ActionSpec(
        ActionId.SAVE_PDF,
        QT_TRANSLATE_NOOP("MainWindow", "Save summary as P&DF…"),
        "save_summary_pdf",
        None,
        _at_a_unit,
    ),
    ActionSpec(
        ActionId.BACKUP,
        QT_TRANSLATE_NOOP("MainWindow", "&Back up now"),
        "backup_now",
        None,
        _open,  # a read-only file is backed up too (the copy goes to the data folder)
    ),
    ActionSpec(
        ActionId.RESTORE,
        QT_TRANSLATE_NOOP("MainWindow", "Restore from &backup…"),
        "restore_backup",
        None,
        _writable,
    ),
    ActionSpec(ActionId.QUIT, QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", "Quit"),
    ActionSpec(
        ActionId.FIND, QT_TRANSLATE_NOOP("MainWindow", "&Find a unit"), "find_unit", "Find", _open
    ),
    ActionSpec(ActionId.SAVE, QT_TRANSLATE_NOOP("MainWindow", "&Save"), "save_all", "Save", _open),
    ActionSpec(
        ActionId.VALIDATE,
        QT_TRANSLATE_NOOP("MainWindow", "&Check the period…"),
        "run_validation",
        "F7",
        _open,
    ),
    ActionSpec(
        ActionId.OUTLIER_SHARE,
        QT_TRANSLATE_NOOP("MainWindow", "Large-change &warning threshold…"),
        "choose_outlier_share",
        None,
        _writable,
    ),
    ActionSpec(
        ActionId.BACKUP_KEEP,
        QT_TRANSLATE_NOOP("MainWindow", "Automatic &backups…"),
        "choose_backup_keep",
        None,
        _writable,
    ),
    ActionSpec(
        ActionId.SETTINGS,
        QT_TRANSLATE_NOOP("MainWindow", "&Settings…"),
        "show_settings",
        None,
        _at_a_unit,
    ),
    ActionSpec(
        ActionId.GUIDE,
        QT_TRANSLATE_NOOP("MainWindow", "&User guide"),
        "show_user_guide",
        "HelpContents",
    ),
    ActionSpec(ActionId.ABOUT, QT_TRANSLATE_NOOP("MainWindow", "&About ictdesk"), "show_about"),
)
SPECS = {spec.id: spec for spec in ACTIONS}
# Menus in order; "-" is a separator, other strings name entries the window adds itself.
MENUS = {
    "file": [
        ActionId.NEW,
        ActionId.OPEN,
        "recent",
        ActionId.OPEN_DEMO,
        "-",
        ActionId.IMPORT,
        ActionId.EXPORT,
        ActionId.TEMPLATE,
        "-",
        ActionId.PRINT,
        ActionId.SAVE_PDF,
        "-",
        ActionId.BACKUP,
        ActionId.RESTORE,
        "-",
        ActionId.QUIT,
    ],
    "edit": [
        "undo",
        "redo",
        "-",
        ActionId.SAVE,
        ActionId.FIND,
        "-",
        ActionId.VALIDATE,
        ActionId.OUTLIER_SHARE,
        ActionId.BACKUP_KEEP,
        "-",
        ActionId.SETTINGS,
        "language",
    ],
    "help": [ActionId.GUIDE, ActionId.ABOUT],
}


def build_actions(window: MainWindow) -> dict[ActionId, QAction]:
    """One QAction per spec, connected to its handler (never given Qt's ``checked``)."""
    actions = {}
    for spec in ACTIONS:
        action = QAction(window)
        action.setObjectName(f"action_{spec.id.value}")
        if spec.shortcut is not None:
            standard = getattr(QKeySequence.StandardKey, spec.shortcut, None)
            action.setShortcut(QKeySequence(standard) if standard else QKeySequence(spec.shortcut))
        handler = getattr(window, spec.handler)
        action.triggered.connect(lambda _checked=False, run=handler: run())
        actions[spec.id] = action
    return actions


class MenuShortcutsWin(QObject):
    """The menus' shortcuts win over a text field's own bindings.

    On Linux a line edit takes Ctrl+E (end of line, as in Emacs) and Ctrl+K before the window
    sees them, so Ctrl+E in a field of the form moved the cursor instead of opening the export.
    Copy, paste, undo and the other editing keys stay the field's.

    Qt asks the focused widget first, so only the focused line edit is watched: a filter on the
    whole application ran Python for every event of every widget (1.7k to choose a unit).
    """

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self._sequences = {
            action.shortcut().toString()
            for action in window.actions_by_id.values()
            if not action.shortcut().isEmpty()
        }
        self._watched: QLineEdit | None = None
        application = QApplication.instance()
        application.focusChanged.connect(self._follow_focus)
        self._follow_focus(None, application.focusWidget())

    def _follow_focus(self, _old, new) -> None:
        if self._watched is not None:
            with contextlib.suppress(RuntimeError):  # the field may be gone with its form
                self._watched.removeEventFilter(self)
            self._watched = None
        if isinstance(new, QLineEdit) and new.window() is self._window:
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        # only the focused line edit of this window is watched (see _follow_focus)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination()).toString()
            if pressed in self._sequences:
                event.ignore()  # not overridden: the window's action runs
                return True
        return False


def retranslate_actions(actions: dict[ActionId, QAction]) -> None:
    for action_id, action in actions.items():
        action.setText(QCoreApplication.translate("MainWindow", SPECS[action_id].text))


def update_enabled(window: MainWindow) -> None:
    """Enable each action exactly when it can be used now (the one place that decides)."""
    for action_id, action in window.actions_by_id.items():
        action.setEnabled(SPECS[action_id].enabled(window))


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    window.menus = {}
    window.undo_action = window.undo_stack.createUndoAction(window)
    window.undo_action.setObjectName("action_undo")
    window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    window.redo_action = window.undo_stack.createRedoAction(window)
    window.redo_action.setObjectName("action_redo")
    # one redo shortcut, the same the fields use (Ctrl+Y on Windows, Ctrl+Shift+Z here)
    window.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
    window.undo_stack.indexChanged.connect(window.update_undo_actions)
    for name, entries in MENUS.items():
        menu = bar.addMenu("")
        menu.setObjectName(f"{name}Menu")
        window.menus[name] = menu
        for entry in entries:
            if entry == "-":
                menu.addSeparator()
            elif entry == "recent":
                window.recent_menu = menu.addMenu("")
                window.recent_menu.setObjectName("recentMenu")
                window.recent_menu.aboutToShow.connect(lambda: _fill_recent_menu(window))
            elif entry == "undo":
                menu.addAction(window.undo_action)
            elif entry == "redo":
                menu.addAction(window.redo_action)
            elif entry == "language":
                _add_language_menu(window, menu)
            else:
                menu.addAction(window.actions_by_id[entry])
    window.file_menu, window.edit_menu, window.help_menu = (
        window.menus["file"],
        window.menus["edit"],
        window.menus["help"],
    )


def _add_language_menu(window: MainWindow, menu) -> None:
    window.language_menu = menu.addMenu("")
    window.language_menu.setObjectName("languageMenu")
    window.language_actions = {}
    group = QActionGroup(window)
    for code, name in (("vi", "Tiếng Việt"), ("en", "English")):  # each in its own language
        action = window.language_menu.addAction(name)
        action.setCheckable(True)
        action.setObjectName(f"action_language_{code}")
        action.triggered.connect(lambda _checked=False, c=code: window.set_language(c))
        group.addAction(action)
        window.language_actions[code] = action


def _fill_recent_menu(window: MainWindow) -> None:
    window.recent_menu.clear()
    paths = files.recent_files()
    if not paths:
        action = window.recent_menu.addAction(
            QCoreApplication.translate("MainWindow", "(no recent files)")
        )
        action.setEnabled(False)
    for path in paths:
        action = window.recent_menu.addAction(path)
        action.triggered.connect(lambda _checked=False, p=path: window.open_path(Path(p)))
