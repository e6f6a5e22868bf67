"""Reading printed sheets back from their PDF, page by page (helpers for the printing tests).

pdftotext (poppler-utils, installed by .ci/run) gives each page's text in the order it was
drawn; pdfplumber gives the position, size and font of every character and line.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ictdesk.core.report import Sheet, SheetRow

MM = 72 / 25.4  # PDF points per millimetre
NEEDS_POPPLER = "pdftotext (poppler-utils) is needed; .ci/run installs it"


def _pdftotext() -> str:
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None, NEEDS_POPPLER
    return pdftotext


def page_texts(path: Path) -> list[str]:
    """The text of every page, in drawing order."""
    return texts_of([path])[0]


def texts_of(paths: list[Path], at_once: int = 4) -> list[list[str]]:
    """The pages' texts of many PDFs, a few pdftotext runs at a time."""
    pdftotext, results, running = _pdftotext(), {}, []
    for number, path in enumerate(paths):
        running.append(
            (
                number,
                subprocess.Popen(
                    [pdftotext, "-raw", str(path), "-"], stdout=subprocess.PIPE, text=True
                ),
            )
        )
        if len(running) >= at_once or number == len(paths) - 1:
            for done, process in running:
                output, _ = process.communicate()
                assert process.returncode == 0, paths[done]
                results[done] = output.split("\f")[:-1]
            running = []
    return [results[n] for n in range(len(paths))]


def _tokens(text: str) -> str:
    return " " + " ".join(text.split()) + " "


def row_tokens(sheet: Sheet, row: SheetRow) -> str:
    """A row as its words in drawing order: number, name, unit, then each cell."""
    parts = [row.number, row.name]
    if sheet.kind == "unit" and not row.group:
        parts.append(row.unit)
    return _tokens(" ".join(parts + list(row.cells)))


def problems(path: Path | list[str], sheet: Sheet) -> list[str]:
    """What a clerk would refuse to sign on the printed ``sheet`` (a PDF, or its pages'
    texts): a blank page, a row split or missing, the signatures not on the last page or
    without table rows there."""
    texts = page_texts(path) if isinstance(path, Path) else path
    pages = [_tokens(text) for text in texts]
    found: list[str] = []
    rows_on = {n: [] for n in range(len(pages))}
    for index, row in enumerate(sheet.rows):
        where = [n for n, page in enumerate(pages) if row_tokens(sheet, row) in page]
        if len(where) != 1:
            found.append(f"row {index} ({row.name}) is on pages {where}, not on one")
        for n in where:
            rows_on[n].append(index)
    for n, page in enumerate(pages):
        if n and not page.startswith(f" {n + 1} "):
            found.append(f"page {n + 1} does not begin with its number")
        if not rows_on[n] and not (n == 0 and _tokens(sheet.header.title) in page):
            found.append(f"page {n + 1} has no table row")
    last = pages[-1]
    for signer in sheet.header.signers:
        for text in (*signer.titles, signer.hint):
            elsewhere = [n + 1 for n, page in enumerate(pages[:-1]) if _tokens(text) in page]
            if _tokens(text) not in last or elsewhere:
                found.append(f"{text!r} is not on the last page alone (also on {elsewhere})")
    if sheet.header.recipients and _tokens(sheet.header.recipients_title) not in last:
        found.append("'Nơi nhận:' is not on the last page")
    if len(sheet.rows) - 1 not in rows_on[len(pages) - 1]:
        found.append("the table's last row is not on the signatures' page")
    if len(sheet.rows) > 1 and len(rows_on[len(pages) - 1]) < 2:
        found.append("only the total row shares the signatures' page")
    return found
