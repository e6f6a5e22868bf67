"""Print a summary sheet as an A4 official document, preview it, or save it as a PDF.

Laid out after Nghị định 30/2020/NĐ-CP, Phụ lục I, by :mod:`.pages` (pages and breaks),
:mod:`.frame` (agency, motto, title, signatures, "Nơi nhận:"), :mod:`.table` and
:mod:`.chart`, on fonts measured by :mod:`.text`.
"""

from ictdesk.gui.printing.pages import MARGINS_MM, lay_out, make_printer, preview, render, write_pdf
from ictdesk.gui.printing.text import serif_family

__all__ = [
    "MARGINS_MM",
    "lay_out",
    "make_printer",
    "preview",
    "render",
    "serif_family",
    "write_pdf",
]
