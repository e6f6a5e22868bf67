"""The sheet laid out on A4 pages and painted with QPainter: one layout for a PDF, a printer
and the print preview.

Why not QTextDocument: its pagination has no keep-together, so rows split across pages and
the signatures could land alone on a page (docs/DESIGN.md §6). Here every part is measured on the
device, :func:`ictdesk.core.report_layout.paginate` decides the breaks, and each page is
painted at the decree's margins (left 30, top 20, right 15, bottom 20 mm), the page number
centred in the top margin from page 2.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from ictdesk.core.exchange.common import ExportFailed, atomic_output
from ictdesk.core.report import Sheet
from ictdesk.core.report_layout import Placed, paginate, sheet_blocks
from ictdesk.gui.printing.chart import ChartPart
from ictdesk.gui.printing.frame import (
    PAGE_NUMBER,
    FrontPart,
    ParagraphPart,
    SignaturePart,
    TitlePart,
)
from ictdesk.gui.printing.table import TablePart
from ictdesk.gui.printing.text import Units
from ictdesk.gui.screen import fit_to_screen

MARGINS_MM = QMarginsF(30, 20, 15, 20)  # left, top, right, bottom
PAGE_NUMBER_BASELINE_MM = 13  # from the paper's top edge, inside the 20 mm margin
TABLE_GAP_MM = 2


def make_printer(sheet: Sheet, pdf_path: str | None = None) -> QPrinter:
    """An A4 printer, landscape for a wide sheet, painted from the paper's corner (the sheet
    places its own margins, so a printer's settings cannot move them)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    orientation = (
        QPageLayout.Orientation.Landscape if sheet.landscape else QPageLayout.Orientation.Portrait
    )
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter
        )
    )
    printer.setFullPage(True)
    if pdf_path:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(pdf_path)
    printer.setDocName(sheet.header.title)
    return printer


@dataclass
class Layout:
    """Where everything goes: the parts, in order, and the pages of placed parts."""

    units: Units
    left: float
    top: float
    width: float
    table: TablePart
    parts: list  # one per block: a part with paint(), or a row number of the table
    pages: list[list[Placed]]


def lay_out(sheet: Sheet, printer: QPrinter) -> Layout:
    """Measure ``sheet`` on ``printer`` and break it into pages."""
    units = Units(printer)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    left, top = units.mm(MARGINS_MM.left()), units.mm(MARGINS_MM.top())
    width = paper.width() - left - units.mm(MARGINS_MM.right())
    body = paper.height() - top - units.mm(MARGINS_MM.bottom())
    header = sheet.header
    front = [FrontPart(header, units, width), TitlePart(header, units, width)]
    if sheet.chart:  # above the table: the signatures then follow the table's last rows
        front.append(ChartPart(sheet, units, width))
    table = TablePart(sheet, units, width)
    closing: list[tuple[object, bool]] = []
    if sheet.notes:
        closing.append((ParagraphPart(sheet.texts["notes"], units, width, True, 4), False))
        closing += [(ParagraphPart(note, units, width), True) for note in sheet.notes]
    closing.append((SignaturePart(header, units, width), True))
    # A little air between the table and what follows it (inside the first closing part).
    closing[0][0].height += units.mm(TABLE_GAP_MM)
    blocks = sheet_blocks(
        [p.height for p in front],
        [(h, r.group) for h, r in zip(table.heights, sheet.rows, strict=True)],
        [(p.height, glued) for p, glued in closing],
        body,
        table.header_height,
    )
    parts = front + list(range(len(sheet.rows))) + [p for p, _ in closing]
    pages = paginate(blocks, body, table.header_height)
    return Layout(units, left, top, width, table, parts, pages)


def _paint_page(painter: QPainter, layout: Layout, number: int) -> None:
    units = layout.units
    if number:  # page numbers from page 2, centred in the top margin
        face = units.face(PAGE_NUMBER)
        face.draw(
            painter,
            [str(number + 1)],
            layout.left,
            units.mm(PAGE_NUMBER_BASELINE_MM) - face.ascent,
            layout.width,
            "center",
        )
    for placed in layout.pages[number]:
        part = layout.parts[placed.index]
        y = layout.top + placed.top
        if isinstance(part, int):
            if placed.header:
                layout.table.paint_header(painter, layout.left, y - layout.table.header_height)
            layout.table.paint_row(painter, part, layout.left, y)
        else:
            part.paint(painter, layout.left, y)


def render(sheet: Sheet, printer: QPrinter) -> int:
    """Paint ``sheet`` on ``printer`` page by page; returns the number of pages."""
    layout = lay_out(sheet, printer)
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportFailed(
            "the printer or PDF file cannot be written",
            vi="không ghi được ra máy in hoặc tệp PDF",
        )
    try:
        for number in range(len(layout.pages)):
            if number:
                printer.newPage()
            _paint_page(painter, layout, number)
    finally:
        painter.end()
    return len(layout.pages)


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
    fit_to_screen(dialog, 1000, 800)  # the frame fits the screen
    return dialog
