"""The import dialog's table: the problems found, or the first values an import would write."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QTableWidgetItem,
)

from ictdesk.core.exchange.importer import (
    ImportReport,
)
from ictdesk.core.numbers import format_number
from ictdesk.core.periods import Period
from ictdesk.core.reform.wording import translated_detail
from ictdesk.core.units import gso_code, is_historical
from ictdesk.gui.i18n import current_language
from ictdesk.gui.tables import filling
from ictdesk.gui.text import fill


class ImportPreview:
    """Part of :class:`ImportDialog`: what its table shows."""

    def _show_table(self) -> None:
        """The problems when the files cannot be imported (errors first), or the warnings when
        asked; otherwise the preview of the values to be written."""
        report, language = self.report, current_language()
        if report.blocking or self.warnings_button.isChecked():
            problems = sorted(report.problems, key=lambda p: not p.blocking)
            self.table.setColumnCount(5)
            self.table.setHorizontalHeaderLabels(
                [
                    self.tr("File"),
                    self.tr("Where"),
                    self.tr("Column"),
                    self.tr("Severity"),
                    self.tr("Problem"),
                ]
            )
            rows = problems[:2000]
            with filling(self.table, len(rows)):
                for r, problem in enumerate(rows):
                    severity = self.tr("error") if problem.blocking else self.tr("warning")
                    colour = QColor("#f8d7da" if problem.blocking else "#fff3cd")
                    for c, text in enumerate(
                        (
                            problem.file,
                            problem.where(language),
                            self.tr("value") if problem.column == "value" else problem.column,
                            severity,
                            problem.text(language),
                        )
                    ):
                        item = QTableWidgetItem(text)
                        item.setBackground(QBrush(colour))
                        self.table.setItem(r, c, item)
        else:
            self._show_preview(report, language)

    def _show_preview(self, report: ImportReport, language: str) -> None:
        """The values the import would write, each beside the value it replaces."""
        self.table.setColumnCount(6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Unit"),
                self.tr("Indicator"),
                self.tr("Period"),
                self.tr("New value"),
                self.tr("Stored now"),
                self.tr("File"),
            ]
        )
        rows = report.preview
        with filling(self.table, len(rows)):
            self._fill_preview(rows, language)

    def _fill_preview(self, rows: list, language: str) -> None:
        catalogue = self._store.catalogue
        numbers = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, incoming in enumerate(rows):
            code = incoming.indicator_code
            unit = f"{incoming.unit_code} {incoming.unit_name}"
            if is_historical(incoming.unit_code):  # kept as reported before 1 July 2025
                unit = fill(self.tr("%1 (old)"), gso_code(unit))
            where = incoming.where(language)
            where = (translated_detail(incoming.file, language) or "") + where[len(incoming.file) :]
            cells = (
                unit,
                catalogue[code].name(language) if code in catalogue else code,
                Period.parse(incoming.period).label(language),
                format_number(incoming.value, language=language),
                ""
                if incoming.stored is None
                else format_number(incoming.stored, language=language),
                where,
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (3, 4):
                    item.setTextAlignment(numbers)
                self.table.setItem(r, c, item)
            self.table.item(r, 1).setToolTip(code)
            self.table.item(r, 2).setToolTip(incoming.period)
