"""Keeping data safe in the window: one writer per file, backups and restores.

The lock is a ``QLockFile`` beside the database (``<file>.lock``); a lock left by a crashed
process on this computer is recovered by Qt. Who holds it is written beside it, so a second
window can say who, on which computer, and since when.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import socket
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ictdesk.core.backup import BackupInfo, list_backups
from ictdesk.core.numbers import format_number
from ictdesk.gui.i18n import current_language


class DatabaseLock:
    """The one-writer lock of a database file."""

    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.lock = QLockFile(f"{self.db_path}.lock")
        self.lock.setStaleLockTime(0)  # never steal a live lock; dead processes are detected
        self.owner_file = Path(f"{self.db_path}.lock.owner")

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; True on success."""
        if not self.lock.tryLock(0):
            return False
        with contextlib.suppress(OSError):  # a read-only folder: the lock still works, unnamed
            self.owner_file.write_text(
                json.dumps(
                    {
                        "user": getpass.getuser(),
                        "host": socket.gethostname(),
                        "since": datetime.now().isoformat(timespec="minutes"),
                    }
                ),
                encoding="utf-8",
            )
        return True

    def holder(self) -> dict:
        """Who holds the lock: user, host and since (as much as is known)."""
        info = {}
        with contextlib.suppress(OSError, ValueError):
            info = json.loads(self.owner_file.read_text(encoding="utf-8"))
        lock_info = self.lock.getLockInfo()  # (pid, hostname, appname) in PySide6
        if isinstance(lock_info, tuple) and len(lock_info) >= 2 and lock_info[0]:
            info.setdefault("pid", lock_info[0])
            info.setdefault("host", lock_info[1])
        return info

    def release(self) -> None:
        if self.lock.isLocked():
            self.owner_file.unlink(missing_ok=True)
            self.lock.unlock()


class RestoreDialog(QDialog):
    """Lists the backups of a database (date, size, values) and lets the user pick one."""

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.backups: list[BackupInfo] = list_backups(db_path)
        intro = QLabel(
            self.tr(
                "Choose the backup to restore. The current file is backed up first, so a"
                " restore can itself be undone."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 3, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Values")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        language = current_language()
        date_format = "%d/%m/%Y %H:%M" if language == "vi" else "%m/%d/%Y %H:%M"
        for row, backup in enumerate(self.backups):
            cells = (
                backup.taken.strftime(date_format),
                f"{format_number(backup.size / 1_048_576, 1, language)} MB",
                format_number(backup.values, language=language)
                if backup.values is not None
                else self.tr("unreadable"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
        self.empty = QLabel(self.tr("There are no backups of this database yet."), self)
        self.empty.setVisible(not self.backups)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(self.backups))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.table, self.empty, buttons):
            layout.addWidget(widget)
        self.resize(520, 360)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None
