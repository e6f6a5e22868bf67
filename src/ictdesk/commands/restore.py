"""``ictdesk restore``: put a backup in place of a database, keeping what it replaces."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "replace a database by a backup (a damaged file is kept, renamed, beside it)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help="the database to replace")
    parser.add_argument("backup", type=Path, help="the backup to restore")


def run(args: argparse.Namespace) -> int:
    from ictdesk.core.backup import restore
    from ictdesk.core.errors import IctdeskError
    from ictdesk.gui.lock import DatabaseLock

    lock = DatabaseLock(args.db)
    if args.db.is_file() and not lock.acquire() and lock.held_by_another():
        holder = lock.holder()
        raise IctdeskError(
            f"{args.db.name} is open in ictdesk by {holder.get('user', '?')} on"
            f" {holder.get('host', '?')}; close it there first (nothing restored)"
        )
    try:
        kept = restore(args.backup, args.db)
    finally:
        lock.release()
    print(f"restored {args.backup} to {args.db}")
    if kept is not None:
        print(f"the file it replaced is kept as {kept}")
    return 0
