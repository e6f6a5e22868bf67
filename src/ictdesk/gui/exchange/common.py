"""What the exchange dialogs share: work on a store of its own in the background, errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from ictdesk.core.store import ValueStore
from ictdesk.gui.i18n import error_text


def with_store(path: Path, work):
    """Run ``work(store, ...)`` on a connection of its own (for a worker thread)."""

    def run(*args):
        store = ValueStore.open(path)
        try:
            return work(store, *args)
        finally:
            store.close()

    return run


def show_error(parent: QWidget, title: str, exc: Exception) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        title,
        error_text(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("exchangeError")
    box.open()
