"""Start-up of the desktop application: QApplication, language, which database to show."""

from __future__ import annotations

import atexit
import os
import sys
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ictdesk import __version__
from ictdesk.core.errors import IctdeskError
from ictdesk.core.paths import default_database_path
from ictdesk.core.resources import resource_path
from ictdesk.core.store import ValueStore
from ictdesk.gui import interaction
from ictdesk.gui.i18n import install_language, saved_language
from ictdesk.gui.window import MainWindow, create_from_dialog, ensure_demo

_application: QApplication | None = None


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with ictdesk's names set, so QSettings finds its file."""
    global _application
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    _application = app  # one owner for the process: the app must outlive every widget
    QCoreApplication.setOrganizationName("ictdesk")
    QCoreApplication.setApplicationName("ictdesk")
    QCoreApplication.setApplicationVersion(__version__)
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"ictdesk-{size}.png")))
    app.setWindowIcon(icon)
    return app


def choose_start_database(demo: bool, db: Path | None) -> Path | None:
    """The database to open: named, demo, default, or made through the first-run dialog."""
    if demo:
        return ensure_demo(None)
    if db is not None:
        return db
    default = default_database_path()
    if default.exists():
        return default
    from ictdesk.gui.first_run import FirstRunDialog  # only on a first start

    dialog = FirstRunDialog()
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return None
    if dialog.choice == "demo":
        return ensure_demo(None)
    return default if create_from_dialog(None, dialog, default) else None


def run_gui(
    db: Path | None = None,
    demo: bool = False,
    smoke_test: bool = False,
    language: str | None = None,
) -> int:
    """Run the desktop application; return the process exit code."""
    if smoke_test and not demo:
        # Check the file before Qt starts, so a bad file is one line even without a display.
        path = db or default_database_path()
        store = None
        if db is not None or path.exists():
            try:
                store = ValueStore.open(path)
            except (IctdeskError, OSError) as exc:
                print(f"ictdesk: error: {exc}", file=sys.stderr)
                return 1
    app = make_application()
    install_language(language or saved_language())
    from ictdesk.gui.dialogs import DialogInteraction

    interaction.install_default(DialogInteraction(None))  # the window installs its own
    if smoke_test:
        if demo:
            path = ensure_demo(None)
            store = ValueStore.open(path) if path else None
        window = MainWindow(store)
        window.show()
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)
        app.exec()
        return leave(window, 0)
    path = choose_start_database(demo, db)
    if path is None:
        return 0
    window = MainWindow()
    if not window.open_path(path) and db is not None:
        return 1
    window.show()
    QSettings().sync()
    return leave(window, app.exec())


def holds_clipboard() -> bool:
    """Whether the clipboard (or X11's selection) holds something copied in this process:
    X11 hands it to the clipboard manager, and Windows flushes it, when the application is
    destroyed; ending the process before would lose cells copied from the grid."""
    clipboard = QApplication.clipboard()
    return clipboard.ownsClipboard() or (
        clipboard.supportsSelection() and clipboard.ownsSelection()
    )


def leave(window: MainWindow, code: int) -> int:
    """End the process once ``window`` has closed, without tearing down every object.

    Python and Qt would otherwise destroy the window's ~490 widgets and every module one by
    one after the last event (35-45 ms here, a tenth of a start-up). The window has closed
    its file and released its lock by then; the settings are synced, the exit handlers run
    (``atexit``) and the standard streams flushed before the process ends. A window that did
    not close cleanly (still open, or its file's connection failed to close and may still hold
    a write-ahead log) returns ``code`` for the usual exit instead.
    """
    if window.isVisible() or not window.file_closed_cleanly or window.lock is not None:
        return code  # the usual exit: Python closes what is still open
    QSettings().sync()
    # PySide6's own exit handler destroys the application and wraps every widget on the
    # way (30-40 ms): the teardown this function exists to skip, unless what the user copied
    # is still this process's, which the system keeps only as the application is destroyed.
    qt_shutdown = getattr(QtCore, "__moduleShutdown", None)
    if qt_shutdown is not None and not holds_clipboard():
        atexit.unregister(qt_shutdown)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code)
