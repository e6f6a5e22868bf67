"""The province roll-up PDF against LibreOffice converting the same table from .xlsx.

Budget (issue 6 / 8): ictdesk writes the roll-up sheet of the demo province (148 communes)
faster than ``libreoffice --headless --convert-to pdf`` converts an equivalent workbook.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from timing import HEADER, command, machine, median_seconds, row

from ictdesk.core.demo import build_demo
from ictdesk.core.report import rollup_sheet
from ictdesk.core.store import ValueStore


def rollup_workbook(db: Path, path: Path) -> None:
    """The roll-up table (same rows and columns as the PDF) as an .xlsx."""
    from openpyxl import Workbook

    store = ValueStore.open(db, read_only=True)
    sheet = rollup_sheet(store, "25", "2025Q4")
    store.close()
    book = Workbook()
    table = book.active
    table.append(list(sheet.columns))
    for line in sheet.rows:
        table.append([line.number, line.name, *line.cells])
    book.save(path)


def main(repeat: int = 3) -> list[str]:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    work = Path(tempfile.mkdtemp(prefix="ictdesk-bench-report-"))
    db = work / "demo.db"
    build_demo(db)
    ours = median_seconds(
        command(
            sys.executable,
            "-m",
            "ictdesk",
            "report",
            "--db",
            str(db),
            "--unit",
            "25",
            "--period",
            "2025Q4",
            "--kind",
            "rollup",
            "-o",
            str(work / "rollup.pdf"),
            env={"QT_QPA_PLATFORM": "offscreen"},
        ),
        repeat,
    )
    if office is None:
        shutil.rmtree(work, ignore_errors=True)
        return [
            f"| province roll-up PDF | {ours:.3f} s | LibreOffice not installed | – | faster | ? |"
        ]
    book = work / "rollup.xlsx"
    rollup_workbook(db, book)
    profile = work / "lo-profile"
    reference = median_seconds(
        command(
            office,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(book),
        ),
        repeat,
    )
    shutil.rmtree(work, ignore_errors=True)
    return [
        row(
            "province roll-up PDF, 148 communes (ictdesk report)",
            ours,
            reference,
            "< LibreOffice xlsx → pdf",
            ours < reference,
        )
    ]


if __name__ == "__main__":
    print(machine())
    print(HEADER)
    print("\n".join(main()))
