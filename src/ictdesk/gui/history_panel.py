"""The audit trail of the value being edited: when, who, old → new, source."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.numbers import format_number
from ictdesk.core.reform.wording import translated_detail
from ictdesk.core.store import AuditEntry
from ictdesk.gui.i18n import current_language
from ictdesk.gui.tables import filling
from ictdesk.gui.text import fill


def local_time(stamp: str, language: str | None = None) -> str:
    """``2026-03-05T08:15:02.120Z`` → ``05/03/2026 15:15`` in the computer's time zone
    (month first in English); ``language``: the interface's unless given."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    day, month = f"{moment.day:02d}", f"{moment.month:02d}"
    first, second = (day, month) if (language or current_language()) == "vi" else (month, day)
    return f"{first}/{second}/{moment.year} {moment.hour:02d}:{moment.minute:02d}"


class HistoryPanel(QWidget):
    """Shows the audit entries of one value, newest first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("historyTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self._name = ""
        self._entries: list[AuditEntry] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Old → new"), self.tr("Source")]
        )
        self.show_history(self._name, self._entries)

    def _sources(self) -> dict[str, str]:
        """Each source's name in the interface language (once a fill, not once a row)."""
        return {
            "form": self.tr("form"),
            "grid": self.tr("grid"),
            "import": self.tr("import"),
            "undo": self.tr("undo/redo"),
            "demo": self.tr("demo data"),
        }

    def show_history(self, name: str, entries: list[AuditEntry]) -> None:
        """Show ``entries`` (oldest first, as the store returns them) for the value ``name``."""
        self._name, self._entries = name, entries
        self.title.setText(fill(self.tr("History: %1"), name) if name else self.tr("History"))
        language = current_language()
        with filling(self.table, len(entries)):
            self._fill(entries, language)

    def _fill(self, entries: list[AuditEntry], language: str) -> None:
        sources = self._sources()
        for row, entry in enumerate(reversed(entries)):
            change = (
                f"{format_number(entry.old_value, language=language)} → "
                f"{format_number(entry.new_value, language=language)}"
            )
            if entry.new_comment != entry.old_comment and entry.new_comment:
                change += f"  ✎ {entry.new_comment}"
            for column, text in enumerate(
                (
                    local_time(entry.changed_at, language),
                    entry.stored_by,
                    change,
                    sources.get(entry.source, entry.source)
                    + (f" ({translated_detail(entry.detail, language)})" if entry.detail else ""),
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
