"""``ictdesk import``: read and merge returned files, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ictdesk.commands import open_store

HELP = "import long, wide or DHIS2 CSV files and filled-in templates (all or nothing)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", type=Path, nargs="+", help="files to import")
    parser.add_argument("--db", type=Path, required=True, help="the database to write")
    parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    parser.add_argument(
        "--on-conflict",
        choices=("overwrite", "keep", "newer"),
        default="newer",
        help="what to do with values already stored (default: newer by updated_at)",
    )
    parser.add_argument("--report", type=Path, help="write the problems found to this CSV")


def run(args: argparse.Namespace) -> int:
    from ictdesk.core.exchange.importer import ImportRejected, import_files

    store = open_store(args.db)
    try:
        report = import_files(store, args.files, on_conflict=args.on_conflict, dry_run=args.dry_run)
    except ImportRejected as exc:
        report = exc.report
        for problem in report.blocking[:20]:
            print(f"error: {problem.describe()}", file=sys.stderr)
        if len(report.blocking) > 20:
            print(f"... and {len(report.blocking) - 20} more errors", file=sys.stderr)
        if args.report:
            report.write_csv(args.report)
        raise
    finally:
        store.close()
    for problem in report.warnings[:20]:
        print(f"warning: {problem.describe()}", file=sys.stderr)
    if args.report:
        report.write_csv(args.report)
    print(report.summary())
    return 0
