"""``ictdesk check``: integrity of the file and validation of every stored period."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ictdesk.commands import open_store
from ictdesk.core.store.audit import LISTED

HELP = (
    "check the file's integrity, its audit log (hash chain, protection, agreement with the"
    " values) and validate every period (non-zero exit on errors)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help="the database to check")
    parser.add_argument("--warnings", action="store_true", help="also list warnings")


_EVERY = 2.0  # seconds between two lines saying how far the validation is


def _say(text: str) -> None:
    """Where a check that takes seconds (a province's ten years: 18 s) has got to, on stderr
    (stdout keeps the findings and the summary)."""
    print(f"ictdesk: {text}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db, read_only=True)
    try:
        _say("checking the file's integrity…")
        integrity = store.integrity_problems()
        rows = store.audit_tip().rows  # a province's ten years: 720k rows, about 10 s
        _say(f"checking the audit log ({rows:,} rows: their hash chain, and the values)…")
        audit = list(store.audit_problems())
        periods = sorted(store.stored_periods())
        roots = store.root_units()
        _say(f"validating {len(periods)} periods…")
        violations, said = [], time.monotonic()
        for done, period in enumerate(periods, start=1):
            for root in roots:
                violations += store.validate_period(period, root.code)
            if time.monotonic() - said >= _EVERY and done < len(periods):
                _say(f"validated {done} of {len(periods)} periods…")
                said = time.monotonic()
    finally:
        store.close()
    errors = [v for v in violations if v.blocking]
    if integrity:
        for line in integrity[:20]:
            print(f"integrity: {line}", file=sys.stderr)
    shown: dict[str, int] = {}
    for problem in audit:  # each in English, then in Vietnamese
        shown[problem.kind] = shown.get(problem.kind, 0) + 1
        if shown[problem.kind] <= LISTED:
            print(f"audit: {problem.message_en}\n  (vi) {problem.message_vi}")
    for kind, count in shown.items():
        if count > LISTED:
            print(
                f"audit: … {count - LISTED} more of the same ({kind})"
                f"\n  (vi) … và {count - LISTED} lỗi cùng loại ({kind})"
            )
    for v in violations:
        if v.blocking or args.warnings:
            kind = "error" if v.blocking else "warning"
            print(f"{kind}: {v.unit_code} {v.period}: {v.message_en}")
    print(
        f"integrity {'FAILED' if integrity else 'ok'};"
        f" audit log {f'FAILED ({len(audit)} problems)' if audit else 'ok'};"
        f" {len(periods)} periods checked:"
        f" {len(errors)} errors, {len(violations) - len(errors)} warnings"
    )
    return 0 if not integrity and not errors and not audit else 1
