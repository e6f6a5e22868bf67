"""``ictdesk export``: long, wide, DHIS2 CSV or JSON, or XLSX for upstream reporting."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ictdesk.commands import open_store, warn_if_named_otherwise

HELP = "export values (long, wide or DHIS2 CSV, DHIS2 JSON, or XLSX)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help="the database to read")
    parser.add_argument(
        "--format",
        required=True,
        choices=("long", "wide", "dhis2", "dhis2-json", "xlsx"),
        dest="fmt",
        help="dhis2: DHIS2 CSV (2.43+ and 2.42-); dhis2-json: DHIS2 JSON, with completeness",
    )
    parser.add_argument("--unit", help="this unit and everything under it (default: all)")
    parser.add_argument("--period", help="one period, e.g. 2025Q4")
    parser.add_argument("--from", dest="start", help="first period of a range")
    parser.add_argument("--to", dest="end", help="last period of a range")
    parser.add_argument("--indicators", help="comma-separated indicator codes (default: all)")
    parser.add_argument(
        "--data-set",
        metavar="CODE",
        help="DHIS2 data set code for dhis2-json (default: the one set in Settings); the file"
        " then carries which units are marked complete",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    parser.add_argument(
        "--units",
        choices=("current", "old"),
        default="current",
        help="current units (default), or the units before 1 July 2025 with their own figures,"
        " under their GSO codes (to reconcile with reports filed then)",
    )


def run(args: argparse.Namespace) -> int:
    from ictdesk.core.errors import UnknownUnit
    from ictdesk.core.exchange.common import Selection
    from ictdesk.core.exchange.export import export

    selection = Selection.build(args.unit, args.period, args.start, args.end, args.indicators)
    selection.old_units = args.units == "old"
    if args.fmt == "xlsx":
        warn_if_named_otherwise(args.output, ".xlsx", "an Excel workbook")
    elif args.fmt == "dhis2-json":
        warn_if_named_otherwise(args.output, ".json", "DHIS2 JSON")
    else:
        warn_if_named_otherwise(args.output, ".csv", "CSV")
    store = open_store(args.db, read_only=True)
    try:
        if selection.unit_code and selection.old_units:
            from ictdesk.core.reform.register import old_register
            from ictdesk.core.units import history_code

            old = old_register().read(selection.unit_code)
            if old is None or not store.has_unit(history_code(old.code)):
                raise UnknownUnit(f"no unit before 1 July 2025 with code {selection.unit_code}")
            selection.unit_code = history_code(old.code)
        elif selection.unit_code:
            selection.unit_code = store.unit_code(selection.unit_code)
        notices: list = []
        rows = export(
            store, args.fmt, selection, args.output, data_set=args.data_set, notices=notices
        )
    finally:
        store.close()
    for notice in notices:
        print(f"ictdesk: warning: {notice.en}", file=sys.stderr)
    print(f"wrote {rows} rows to {args.output}")
    return 0
