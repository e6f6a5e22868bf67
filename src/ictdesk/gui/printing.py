"""Lay out a summary sheet as an A4 official document and print it, preview it, or save a PDF.

Nghị định 30/2020/NĐ-CP: margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New
Roman (or the bundled, metric-compatible Liberation Serif, which has every Vietnamese glyph);
the table's header row repeats on every page; page numbers centred at the top from page 2.
"""

from __future__ import annotations

import html
import os

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from ictdesk.core.exchange.common import ExportFailed, atomic_output
from ictdesk.core.report import MOTTO, MOTTO_NATION, Sheet
from ictdesk.core.resources import resource_path

MARGINS_MM = QMarginsF(30, 20, 15, 20)  # left, top, right, bottom
_FONT_FILES = ("Regular", "Bold", "Italic", "BoldItalic")
_family: str | None = None
_CHART_COLOURS = ("#c62828", "#1565c0", "#2e7d32")


def serif_family() -> str:
    """Times New Roman if installed, else the bundled Liberation Serif (loaded once)."""
    global _family
    if _family is None:
        if "Times New Roman" in QFontDatabase.families():
            _family = "Times New Roman"
        else:
            for style in _FONT_FILES:
                QFontDatabase.addApplicationFont(
                    str(resource_path("fonts", f"LiberationSerif-{style}.ttf"))
                )
            _family = "Liberation Serif"
    return _family


def make_printer(sheet: Sheet, pdf_path: str | None = None) -> QPrinter:
    """An A4 printer with the decree's margins, landscape for a wide sheet."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    orientation = (
        QPageLayout.Orientation.Landscape if sheet.landscape else QPageLayout.Orientation.Portrait
    )
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter
        )
    )
    if pdf_path:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(pdf_path)
    printer.setDocName(sheet.header.title)
    return printer


def _chart_image(sheet: Sheet, width: int, height: int, family: str) -> QImage:
    """A small line chart of the sheet's key indicators, drawn with QPainter."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(family)
    font.setPixelSize(max(10, height // 18))
    painter.setFont(font)
    metrics = painter.fontMetrics()
    labels = [label for label, _ in sheet.chart[0][1]] if sheet.chart else []
    widest = max((metrics.horizontalAdvance(label) for label in labels), default=0)
    left = metrics.horizontalAdvance("100 %") + 16
    right = widest // 2 + 4  # the last period's label is centred on the plot's edge
    # The period labels sit half a line lower than the "0 %" beside the bottom line.
    top, bottom = metrics.height() * (len(sheet.chart) + 1), metrics.height() * 2.5
    plot = QRectF(left, top, width - left - right, height - top - bottom)
    values = [v for _, series in sheet.chart for _, v in series if v is not None]
    high = max(100.0, max(values, default=100.0))
    painter.setPen(QPen(QColor("#bbbbbb"), 1))
    for step in range(0, 101, 25):
        y = plot.bottom() - plot.height() * step / high
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.drawText(
            QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
            Qt.AlignmentFlag.AlignRight,
            f"{step} %",
        )
    count = max(1, len(labels) - 1)
    slot = plot.width() / count
    for index, label in enumerate(labels):
        x = plot.left() + plot.width() * index / count
        painter.drawText(
            QRectF(x - slot / 2, plot.bottom() + metrics.height() / 2 + 4, slot, metrics.height()),
            Qt.AlignmentFlag.AlignCenter,
            label,
        )
    for number, (name, series) in enumerate(sheet.chart):
        colour = QColor(_CHART_COLOURS[number % len(_CHART_COLOURS)])
        painter.setPen(QPen(colour, max(2, height // 150)))
        previous = None
        for index, (_, value) in enumerate(series):
            if value is None:
                previous = None  # a gap, never a zero
                continue
            point = QPointF(
                plot.left() + plot.width() * index / count,
                plot.bottom() - plot.height() * value / high,
            )
            if previous is not None:
                painter.drawLine(previous, point)
            previous = point
        y = metrics.height() * number + 2
        painter.drawLine(
            QPointF(left, y + metrics.height() / 2), QPointF(left + 30, y + metrics.height() / 2)
        )
        painter.setPen(QColor("black"))
        painter.drawText(QPointF(left + 38, y + metrics.ascent()), name)
    painter.end()
    return image


def _column_widths(sheet: Sheet) -> list[int]:
    """Percent widths: room for the names, the numbers share the rest."""
    if sheet.kind == "unit":
        return [6, 30, 8, 12, 12, 10, 12, 10]
    numbers = len(sheet.columns) - 2
    rest = (100 - 4 - 16) // max(1, numbers)
    return [4, 16] + [rest] * numbers


def _cell(text: str, align: str = "left", bold: bool = False) -> str:
    content = html.escape(text)
    if bold:
        content = f"<b>{content}</b>"
    return f'<td align="{align}">{content}</td>'


_COMMITTEE = "ỦY BAN NHÂN DÂN "


def _agency_html(name: str) -> str:
    """An agency's name that may break after "ỦY BAN NHÂN DÂN" but never inside the place's
    name ("TỈNH PHÚ" over "THỌ" looked like two places)."""
    if name.upper().startswith(_COMMITTEE) and len(name) > len(_COMMITTEE):
        head, place = name[: len(_COMMITTEE)], name[len(_COMMITTEE) :]
        return html.escape(head) + html.escape(place).replace(" ", "&nbsp;")
    return html.escape(name)


def build_document(sheet: Sheet, printer: QPrinter) -> QTextDocument:
    """The sheet as a paginated QTextDocument laid out for ``printer``."""
    family = serif_family()
    document = QTextDocument()
    document.documentLayout().setPaintDevice(printer)
    dpi = printer.resolution()
    mm = dpi / 25.4
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    number_band = 10 * mm  # room for the page number at the top
    document.setPageSize(QSizeF(page.width(), page.height() - number_band))
    document.setDocumentMargin(0)
    body = 13 if sheet.kind == "unit" else 12
    document.setDefaultFont(QFont(family, body))
    h = sheet.header
    html_mm = 96 / 25.4  # lengths written in HTML are in 96-dpi pixels, scaled to the printer
    rule = '<hr width="35%"/>'
    parts = [
        '<table width="100%" cellspacing="0" cellpadding="0" style="font-size: 12pt"><tr>',
        '<td width="40%" align="center">',
        f"{_agency_html(h.parent_agency)}<br/><b>{_agency_html(h.agency)}</b>{rule}</td>",
        '<td width="60%" align="center">',
        f"<b>{MOTTO_NATION}</b><br/><b>{MOTTO}</b>{rule}</td>",
        "</tr></table>",
        f'<p align="right"><i>{html.escape(h.place_date)}</i></p>',
        f'<p align="center"><b>{html.escape(h.title)}</b><br/>{html.escape(h.subtitle)}</p>',
    ]
    padding = max(1, round(1.2 * html_mm))
    table_size = 10 if sheet.kind == "unit" else 9
    parts.append(
        f'<table width="100%" border="1" cellspacing="0" cellpadding="{padding}"'
        f' style="border-collapse: collapse; font-size: {table_size}pt">'
    )
    parts.append(
        "<thead><tr>"
        + "".join(
            f'<th align="center" width="{width}%">{html.escape(c)}</th>'
            for c, width in zip(sheet.columns, _column_widths(sheet), strict=True)
        )
        + "</tr></thead>"
    )
    for row in sheet.rows:
        if row.group:
            parts.append(
                f"<tr>{_cell(row.number, 'center', True)}"
                f'<td colspan="{len(sheet.columns) - 1}"><b>{html.escape(row.name)}</b></td></tr>'
            )
            continue
        cells = [_cell(row.number, "center", row.total), _cell(row.name, bold=row.total)]
        if sheet.kind == "unit":
            cells.append(_cell(row.unit, "center"))
        cells += [_cell(c, "right", row.total) for c in row.cells]
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</table>")
    if sheet.chart:
        chart = _chart_image(sheet, int(page.width()), int(page.width() * 0.32), family)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://trend"), chart)
        parts.append("<p><b>Diễn biến một số chỉ tiêu chính (8 kỳ gần nhất)</b></p>")
        text_width = round(page.width() / dpi * 96)
        parts.append(f'<p><img src="chart://trend" width="{text_width}"/></p>')
    if sheet.notes:
        parts.append("<p><b>Ghi chú:</b></p><ul>")
        parts += [f"<li>{html.escape(n)}</li>" for n in sheet.notes]
        parts.append("</ul>")
    sign_space = "<br/>" * 4
    parts += [
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>',
        f'<td width="50%" align="center"><b>{html.escape(h.preparer_title)}</b><br/>'
        f"<i>(Ký, ghi rõ họ tên)</i>{sign_space}<b>{html.escape(h.preparer_name)}</b></td>",
        f'<td width="50%" align="center"><b>{html.escape(h.head_title)}</b><br/>'
        f"<i>(Ký tên, đóng dấu)</i>{sign_space}<b>{html.escape(h.head_name)}</b></td>",
        "</tr></table>",
    ]
    document.setHtml("".join(parts))
    return document


def render(sheet: Sheet, printer: QPrinter) -> int:
    """Paint ``sheet`` on ``printer`` page by page; returns the number of pages."""
    document = build_document(sheet, printer)
    mm = printer.resolution() / 25.4
    number_band = 10 * mm
    page_height = document.pageSize().height()
    width = document.pageSize().width()
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportFailed("the printer or PDF file cannot be written")
    try:
        font = QFont(serif_family(), 12)
        font.setPixelSize(int(4.6 * mm))
        pages = document.pageCount()
        for index in range(pages):
            if index:
                printer.newPage()
                painter.setFont(font)
                painter.drawText(
                    QRectF(0, 0, width, number_band),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    str(index + 1),
                )
            painter.save()
            painter.translate(0, number_band - index * page_height)
            document.drawContents(painter, QRectF(0, index * page_height, width, page_height))
            painter.restore()
    finally:
        painter.end()
    return pages


def write_pdf(sheet: Sheet, path: str | os.PathLike) -> int:
    """Save ``sheet`` as a PDF at ``path`` atomically; returns the number of pages."""
    with atomic_output(path, "path", suffix=".pdf") as temp:
        return render(sheet, make_printer(sheet, str(temp)))


def preview(sheet: Sheet, parent=None) -> QPrintPreviewDialog:
    """A print preview of ``sheet`` (Print and Export to PDF are on its toolbar)."""
    printer = make_printer(sheet)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_ = printer  # the dialog does not own it: keep it alive as long as the dialog
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(sheet.header.title)
    dialog.paintRequested.connect(lambda printer: render(sheet, printer))
    dialog.resize(1000, 800)
    return dialog
