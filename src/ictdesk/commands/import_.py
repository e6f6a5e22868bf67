"""``ictdesk import``: read and merge returned files, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ictdesk.commands import open_store

HELP = "import long, wide or DHIS2 CSV, DHIS2 JSON and filled-in templates (all or nothing)"


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
    parser.add_argument(
        "--apply-deletions",
        action="store_true",
        help="a DHIS2 value marked deleted=true removes the stored value (default: refused)",
    )
    parser.add_argument("--report", type=Path, help="write the problems found to this CSV")
    parser.add_argument(
        "--old-units",
        action="store_true",
        help="the files are keyed by units before 1 July 2025: keep their figures under the"
        " old units and convert them to the new ones",
    )
    parser.add_argument(
        "--split",
        choices=("area", "principal"),
        help="with --old-units: divide an old commune split between new ones by area share,"
        " or give it all to its principal new commune (estimates; default: refuse)",
    )


def run(args: argparse.Namespace) -> int:
    from ictdesk.core.exchange.common import ExportFailed, output_target

    if args.report:  # before anything is imported: a report that cannot be written stops here
        target = output_target(args.report)
        if any(target == Path(path).resolve() for path in args.files):
            raise ExportFailed(f"--report {args.report} would overwrite a file being imported")
    lock = None if args.dry_run else _writer_lock(args.db)
    try:
        report = _import(args)
    finally:
        if lock is not None:
            lock.release()
    for problem in report.warnings[:20]:
        print(f"warning: {problem.describe()}", file=sys.stderr)
    if args.report:
        report.write_csv(args.report)
    print(report.summary())
    return 0


def _writer_lock(db: Path):
    """The window's one-writer lock: an import does not write under an open ictdesk."""
    from ictdesk.core.errors import IctdeskError
    from ictdesk.gui.lock import DatabaseLock

    lock = DatabaseLock(db)
    if db.is_file() and not lock.acquire():
        if not lock.held_by_another():
            from ictdesk.core.filesystem import write_obstacle

            why = "the disk is full" if write_obstacle(db) == "full" else "its folder is read-only"
            raise IctdeskError(f"{db.name} cannot be written: {why} (nothing imported)")
        holder = lock.holder()
        raise IctdeskError(
            f"{db.name} is open in ictdesk by {holder.get('user', '?')} on"
            f" {holder.get('host', '?')} since {holder.get('since', '?')}; close it there"
            " or import from that window (nothing imported)"
        )
    return lock


def _import(args: argparse.Namespace):
    """The import itself; its errors are listed on stderr (and in --report) before it raises."""
    from ictdesk.core.errors import IctdeskError
    from ictdesk.core.exchange.importer import ImportRejected, import_files

    if args.split and not args.old_units:
        raise IctdeskError("--split goes with --old-units")
    store = open_store(args.db)
    stage = None
    try:
        if args.old_units:
            from ictdesk.core.reform.convert import OldUnitImport

            stage = OldUnitImport(args.split or "refuse")
        else:
            _hint_old_units(store, args.files)
        report = import_files(
            store,
            args.files,
            on_conflict=args.on_conflict,
            dry_run=args.dry_run,
            old_units=stage,
            apply_deletions=args.apply_deletions,
        )
        if stage is not None:
            print(stage.summary(dry_run=args.dry_run))
        return report
    except ImportRejected as exc:
        report = exc.report
        for problem in report.blocking[:20]:
            print(f"error: {problem.describe()}", file=sys.stderr)
        if len(report.blocking) > 20:
            print(f"... and {len(report.blocking) - 20} more errors", file=sys.stderr)
        if args.report:
            report.write_csv(args.report)
        if stage is not None and stage.refused_splits:
            print(
                "hint: choose how to divide the split communes: --split area (by area share)"
                " or --split principal (all to the principal new commune)",
                file=sys.stderr,
            )
        raise
    finally:
        store.close()


def _hint_old_units(store, files: list[Path]) -> None:
    """Say on stderr when the files look keyed by units before 1 July 2025."""
    from ictdesk.core.reform.suggest import match_registers

    match = match_registers(store, files)
    if match.suggests_old:
        print(
            f"hint: {match.describe()}; to keep and convert figures of the old units, import"
            " with --old-units",
            file=sys.stderr,
        )
