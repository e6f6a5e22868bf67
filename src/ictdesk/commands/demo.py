"""``ictdesk demo``: create the demo database headless."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "create the demo database (Phú Thọ, 2021–2025)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help="path of the new database file")
    parser.add_argument(
        "--with-history",
        action="store_true",
        help="2021–2026, the figures before 1 July 2025 imported from the old communes",
    )


def run(args: argparse.Namespace) -> int:
    from ictdesk.core.demo import build_demo

    for moved in build_demo(args.db, with_history=args.with_history) or []:
        print(f"moved a leftover journal of an earlier {args.db.name} aside: {moved}")
    print(f"created demo database {args.db}")
    return 0
