"""``ictdesk check``: integrity of the file and validation of every stored period."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ictdesk.commands import open_store

HELP = "check the file's integrity and validate every period (non-zero exit on errors)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help="the database to check")
    parser.add_argument("--warnings", action="store_true", help="also list warnings")


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db, read_only=True)
    try:
        integrity = store.integrity_problems()
        periods = store.stored_periods()
        roots = store.root_units()
        violations = [
            v
            for p in sorted(periods)
            for root in roots
            for v in store.validate_period(p, root.code)
        ]
    finally:
        store.close()
    errors = [v for v in violations if v.blocking]
    if integrity:
        for line in integrity[:20]:
            print(f"integrity: {line}", file=sys.stderr)
    for v in violations:
        if v.blocking or args.warnings:
            kind = "error" if v.blocking else "warning"
            print(f"{kind}: {v.unit_code} {v.period}: {v.message_en}")
    print(
        f"integrity {'FAILED' if integrity else 'ok'}; {len(periods)} periods checked:"
        f" {len(errors)} errors, {len(violations) - len(errors)} warnings"
    )
    return 0 if not integrity and not errors else 1
