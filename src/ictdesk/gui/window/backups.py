"""Backups in the window: Back up now, Restore from backup, how many to keep, and the day's
backup when the window closes (with progress for a large file)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

from ictdesk.core.backup import automatic_backup, restore, rolling_backup, store_keep
from ictdesk.core.errors import IctdeskError
from ictdesk.gui.i18n import error_text
from ictdesk.gui.interaction import current as ask
from ictdesk.gui.safety import RestoreDialog
from ictdesk.gui.text import fill

if TYPE_CHECKING:
    from ictdesk.gui.window.main_window import MainWindow

BACKUP_PAGES_WORTH_A_DIALOG = 25_000  # about 100 MB: a backup of a second or more


def backup_now(window: MainWindow) -> Path | None:
    """Write a rolling backup of the open database now."""
    if window.store is None or not window.place.may_leave():
        return None
    try:
        path = rolling_backup(window.store, kind="manual", exclusive=window.lock is not None)
    except IctdeskError as exc:
        ask().show_failure(
            QCoreApplication.translate("MainWindow", "Back up now"),
            QCoreApplication.translate("MainWindow", "The backup was not made."),
            error_text(exc),
        )
        return None
    window.status.show_message(
        fill(QCoreApplication.translate("MainWindow", "Backed up to %1"), path)
    )
    return path


def restore_backup(window: MainWindow, db_path: Path | None = None) -> bool:
    """Choose a backup of ``db_path`` (default: the open database) and restore it."""
    db_path = Path(db_path or (window.store.path if window.store else ""))
    if not str(db_path):
        return False
    dialog = RestoreDialog(db_path, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return False
    return restore_from(window, dialog.chosen().path, db_path)


def restore_from(window: MainWindow, backup: Path, db_path: Path) -> bool:
    """Replace ``db_path`` by ``backup`` (the current file is backed up first) and open it."""
    reopen = window.store is not None and Path(window.store.path) == Path(db_path)
    if reopen:
        if not window.place.may_leave():
            return False
        window.set_store(None)
        window.release_lock()
    try:
        kept = restore(backup, db_path)
    except IctdeskError as exc:  # said once: offering to restore again would loop
        ask().show_failure(
            QCoreApplication.translate("MainWindow", "Restore from backup"),
            QCoreApplication.translate(
                "MainWindow", "The backup was not restored; the current file was not changed."
            ),
            error_text(exc),
        )
        if reopen and Path(db_path).exists():
            window.open_path(db_path)
        return False
    opened = window.open_path(db_path)
    if opened:
        text = fill(
            QCoreApplication.translate("MainWindow", "Restored the backup %1"),
            Path(backup).name,
        )
        if kept is not None:
            text = fill(
                QCoreApplication.translate(
                    "MainWindow", "Restored the backup %1; the replaced file is kept as %2"
                ),
                Path(backup).name,
                str(kept),
            )
        window.status.show_message(text)
    return opened


def choose_backup_keep(window: MainWindow) -> None:
    keep = ask().ask_number(
        QCoreApplication.translate("MainWindow", "Automatic backups"),
        QCoreApplication.translate("MainWindow", "How many automatic backups to keep:"),
        store_keep(window.store),
        1,
        365,
    )
    if keep is not None:
        try:
            window.store.set_setting("backup_keep", str(keep))
        except IctdeskError as exc:
            window.status.show_message(error_text(exc))


def closing_backup_progress(window: MainWindow):
    """A progress callback for the day's backup at exit: a large file (a national database
    takes seconds) shows a progress dialog instead of a frozen window."""
    dialog: QProgressDialog | None = None

    def progress(done: int, total: int) -> None:
        nonlocal dialog
        if dialog is None:
            if total < BACKUP_PAGES_WORTH_A_DIALOG:
                return
            dialog = QProgressDialog(
                QCoreApplication.translate("MainWindow", "Making today's backup…"),
                "",
                0,
                total,
                window,
            )
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


def closing_backup(window: MainWindow) -> None:
    """At most daily (see core.backup for what is kept). A failed backup does not stop the
    closing: it is said now and remembered, to be said again when the file is next opened."""
    from ictdesk.gui.window.files import forget_backup_failure, remember_backup_failure

    store = window.store
    if store is None or store.read_only or store.path is None:
        return
    try:
        made = automatic_backup(
            store, progress=closing_backup_progress(window), exclusive=window.lock is not None
        )
    except (IctdeskError, OSError) as exc:
        reason = error_text(exc) if isinstance(exc, IctdeskError) else str(exc)
        remember_backup_failure(store.path, reason)
        with contextlib.suppress(Exception):  # nothing may stop the closing
            ask().show_failure(
                QCoreApplication.translate("MainWindow", "Backup"),
                QCoreApplication.translate(
                    "MainWindow", "Today's backup could not be made when closing."
                ),
                reason,
            )
        return
    if made is not None:
        forget_backup_failure(store.path)
