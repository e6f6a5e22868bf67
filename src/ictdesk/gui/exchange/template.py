"""Writing the fill-in template for communes, in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)

from ictdesk.core.exchange.template import write_template
from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore
from ictdesk.gui.background import BackgroundTask
from ictdesk.gui.exchange.common import show_error, with_store


def start_template(parent: QWidget, store: ValueStore, unit_code: str, period: Period, done):
    """Ask where to save the fill-in workbook for ``unit_code``'s communes and write it."""
    unit = store.unit(unit_code)
    parent_code = unit_code if store.child_count(unit_code) else unit.parent_code
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExchangeDialogs", "Save the template"),
        str(Path.home() / f"bieu-mau-{period.iso}.xlsx"),
        "Excel (*.xlsx)",
    )
    if not name:
        return None
    path = Path(name)
    work = with_store(store.path, lambda s: write_template(s, parent_code, period.iso, path))
    return BackgroundTask(
        parent,
        QCoreApplication.translate("ExchangeDialogs", "Writing the template…"),
        work,
        lambda sheets: done(path, sheets),
        lambda exc: show_error(
            parent, QCoreApplication.translate("ExchangeDialogs", "Template failed"), exc
        ),
    )
