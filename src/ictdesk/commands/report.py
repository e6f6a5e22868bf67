"""``ictdesk report``: the printed summary sheet as a PDF, headless."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ictdesk.commands import open_store, warn_if_named_otherwise

HELP = "write the summary sheet of a unit (or the roll-up of its communes) as a PDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help="the database to read")
    parser.add_argument("--unit", required=True, help="unit code, e.g. 25 or 08740")
    parser.add_argument("--period", required=True, help="period, e.g. 2025Q4")
    parser.add_argument(
        "--kind",
        choices=("unit", "rollup"),
        default="unit",
        help="unit: every indicator of the unit; rollup: a row per commune (default: unit)",
    )
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="the sheet's language (default: vi, as official documents are written)",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")


def run(args: argparse.Namespace) -> int:
    from ictdesk.core.periods import Period
    from ictdesk.core.report import rollup_sheet, unit_sheet

    Period.parse(args.period)
    warn_if_named_otherwise(args.output, ".pdf", "a PDF")
    store = open_store(args.db, read_only=True)
    try:
        args.unit = store.unit_code(args.unit)
        build = rollup_sheet if args.kind == "rollup" else unit_sheet
        sheet = build(store, args.unit, args.period, language=args.lang)
        empty = all(v is None for v in store.aggregates(args.unit, args.period).values())
    finally:
        store.close()
    if empty:  # still printed (a blank sheet to fill by hand), but not silently
        print(
            f"ictdesk: warning: no values are stored for {args.period} under {args.unit}:"
            " the sheet is blank",
            file=sys.stderr,
        )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown
    from PySide6.QtWidgets import QApplication  # only printing: not the whole window's modules

    from ictdesk.gui.printing import write_pdf

    app = QApplication.instance() or QApplication(["ictdesk"])
    pages = write_pdf(sheet, args.output)
    del app
    print(f"wrote {args.output} ({pages} pages)")
    return 0
