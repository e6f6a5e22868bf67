"""Saving what the Trends tab shows: the chart as a picture, its numbers as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QFileDialog

from ictdesk.core.errors import IctdeskError
from ictdesk.core.series import ranking_rows, trend_rows, write_csv
from ictdesk.gui.i18n import current_language
from ictdesk.gui.text import fill

_RANKING = "ranking"


class ChartExport:
    """Part of :class:`TrendsView`: exports of the chart shown."""

    def export_png(self, path: str | Path) -> bool:
        """Save the chart shown (lines or ranking) as a PNG picture."""
        if self._dirty:
            self.redraw()
        widget = self.ranking_chart if self.mode() == _RANKING else self.chart
        if widget is None:
            return False
        ok = titled(widget.grab().toImage(), self.caption_lines()).save(str(path), "PNG")
        self.message.emit(
            fill(
                self.tr("Chart saved: %1") if ok else self.tr("The chart was not saved: %1"),
                str(path),
            )
        )
        return ok

    def export_csv(self, path: str | Path) -> bool:
        """Save the plotted numbers (machine format, UTF-8 with BOM) for Excel."""
        if self._dirty:
            self.redraw()
        indicator = self.indicator()
        if indicator is None or self.store is None:
            return False
        language = current_language()
        try:
            if self.mode() == _RANKING:
                period = self.ranking_period
                target = self.targets.get(period.year) if period else None
                header, rows = ranking_rows(indicator, self.ranked, period, target, language)
            else:
                header, rows = (
                    trend_rows(self.store, self.table, language) if self.table else ([], [])
                )
            write_csv(path, header, rows)
        except IctdeskError as exc:
            self.message.emit(fill(self.tr("The numbers were not saved: %1"), str(exc)))
            return False
        self.message.emit(fill(self.tr("Numbers saved: %1"), str(path)))
        return True

    def caption_lines(self) -> list[str]:
        """What a saved picture says above the chart: the indicator and its unit of measure,
        the unit and the periods."""
        indicator = self.indicator()
        if indicator is None or self.store is None or self.parent_code is None:
            return []
        language = current_language()
        place = self.store.unit(self.parent_code).name
        if self.mode() == _RANKING and self.ranking_period is not None:
            when = self.ranking_period.label(language)
        elif self.table is not None and self.table.periods:
            first, last = self.table.periods[0], self.table.periods[-1]
            when = f"{first.label(language)} – {last.label(language)}"
        else:
            when = ""
        return [f"{indicator.name(language)} ({indicator.unit(language)})", f"{place} · {when}"]

    def _export_path(self, suffix: str, title: str, filter_text: str) -> str:
        settings = QSettings()
        folder = settings.value("export_dir", str(Path.home()))
        indicator = self.indicator()
        stem = f"{indicator.code if indicator else 'chart'}-{self.parent_code or ''}-{self.mode()}"
        name, _ = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / f"{stem}.{suffix}"), filter_text
        )
        if name:
            settings.setValue("export_dir", str(Path(name).parent))
        return name

    def _on_png_button_clicked(self) -> None:
        path = self._export_path("png", self.tr("Export chart"), self.tr("PNG pictures (*.png)"))
        if path:
            self.export_png(path)

    def _on_csv_button_clicked(self) -> None:
        path = self._export_path("csv", self.tr("Export numbers"), self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path)


def titled(chart: QImage, lines: list[str]) -> QImage:
    """``chart`` under a white band holding ``lines`` (the first in bold), as one picture."""
    if not lines:
        return chart
    font = QFont()
    font.setPointSize(11)
    height = QFontMetrics(font).lineSpacing()
    band = height * len(lines) + 16
    image = QImage(chart.width(), chart.height() + band, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    for index, line in enumerate(lines):
        font.setBold(index == 0)
        painter.setFont(font)
        painter.drawText(12, 8 + height * (index + 1) - height // 4, line)
    painter.drawImage(0, band, chart)
    painter.end()
    return image
