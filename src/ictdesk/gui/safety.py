"""Keeping data safe in the window: backups and restores (the one-writer lock is in ``lock``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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


class RestoreDialog(QDialog):
    """Lists the backups of a database (date, size, values) and lets the user pick one."""

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.backups: list[BackupInfo] = list_backups(db_path)
        intro = QLabel(
            self.tr(
                "Choose the backup to restore. The current file is kept first (a safety copy,"
                " or the file itself set aside when it is damaged), so a restore can itself be"
                " undone."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 4, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("Values")]
        )
        kinds = {
            "daily": self.tr("Daily, on closing"),
            "manual": self.tr("Back up now"),
            "safety": self.tr("Before a restore"),
        }
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
                kinds.get(backup.kind, backup.kind),
                f"{format_number(backup.size / 1_048_576, 1, language)} MB",
                format_number(backup.values, language=language)
                if backup.values is not None
                else self.tr("unreadable"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
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
        self.resize(600, 360)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None
