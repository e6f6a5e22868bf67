"""``ictdesk template``: a fill-in workbook for the communes under a unit."""

from __future__ import annotations

import argparse
from pathlib import Path

from ictdesk.commands import open_store, warn_if_named_otherwise

HELP = "write a fill-in XLSX template, one sheet per commune"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help="the database to read")
    parser.add_argument("--unit", required=True, help="the parent whose communes fill it in")
    parser.add_argument("--period", required=True, help="the period to report, e.g. 2026Q1")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .xlsx to write")


def run(args: argparse.Namespace) -> int:
    from ictdesk.core.exchange.template import write_template

    warn_if_named_otherwise(args.output, ".xlsx", "an Excel workbook")
    store = open_store(args.db, read_only=True)
    try:
        sheets = write_template(store, store.unit_code(args.unit), args.period, args.output)
    finally:
        store.close()
    print(f"wrote a template with {sheets} sheets to {args.output}")
    return 0
