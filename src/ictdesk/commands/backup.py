"""``ictdesk backup``: a consistent copy of a database, taken even while it is in use."""

from __future__ import annotations

import argparse
from pathlib import Path

from ictdesk.commands import open_store

HELP = "copy a database consistently (online backup), even while it is in use"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help="the database to back up")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the copy to write")


def run(args: argparse.Namespace) -> int:
    from ictdesk.core.backup import backup_to
    from ictdesk.core.errors import StorageError

    if args.output.exists():
        raise StorageError(f"file already exists: {args.output}")
    store = open_store(args.db, read_only=True)
    try:
        backup_to(store, args.output)
    finally:
        store.close()
    print(f"backed up {args.db} to {args.output}")
    return 0
