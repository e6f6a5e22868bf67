"""Headless sub-commands of ``ictdesk``; one module each.

A command module defines ``HELP`` (one line), ``add_arguments(parser)`` and ``run(args)``,
which returns the exit code and raises :class:`~ictdesk.core.errors.IctdeskError` (or
``OSError``) for a one-line error. Heavy imports belong inside ``run``.
"""

from __future__ import annotations

import sys
from pathlib import Path

COMMANDS = ("init", "demo", "export", "import", "template", "report", "backup", "restore", "check")
# a command whose name is a Python keyword lives in a module with a trailing underscore
MODULES = {"import": "import_"}


SAYS_WHY_IT_WAITS = 256 * 1024 * 1024  # bytes: from this size on, a check or upgrade takes seconds


def open_store(path: Path, read_only: bool = False):
    """Open the database for a command, after the one-time upgrade of a file an older ictdesk
    wrote (also before reading: a read-only connection cannot read an older schema). Says on
    stderr why a large file (a national database) takes seconds: the upgrade, or the daily
    damage check."""
    from ictdesk.core.errors import StrayJournal
    from ictdesk.core.store import ValueStore

    try:
        return _open_store(path, read_only)
    except StrayJournal as exc:  # a copy put back over a crash's log: keep the log aside
        for moved in ValueStore.set_aside_stray_journals(path, force=str(exc)):
            print(f"ictdesk: {exc}; it was moved aside: {moved}", file=sys.stderr)
        return _open_store(path, read_only)


def _open_store(path: Path, read_only: bool):
    from ictdesk.core.store import ValueStore

    for moved in ValueStore.set_aside_stray_journals(path):
        print(
            f"ictdesk: a leftover journal that is not {path.name}'s own was moved aside: {moved}",
            file=sys.stderr,
        )
    large = path.is_file() and path.stat().st_size >= SAYS_WHY_IT_WAITS
    if ValueStore.upgrade_due(path):
        if large:
            print(f"ictdesk: upgrading {path.name} for this version of ictdesk…", file=sys.stderr)
        ValueStore.upgrade(path)
    if large and ValueStore.full_check_due(path):
        print(f"ictdesk: checking {path.name} for damage (once a day)…", file=sys.stderr)
    store = ValueStore.open(path, read_only=read_only)
    if not read_only and store.read_only_reason in ("read-only", "full"):
        why = (
            "its folder cannot be written"
            if store.read_only_reason == "read-only"
            else ("the disk is full")
        )
        print(f"ictdesk: {path.name} is open read-only: {why}", file=sys.stderr)
    return store


def warn_if_named_otherwise(path: Path, suffix: str, what: str) -> None:
    """Say on stderr when ``path`` will hold ``what`` but is named otherwise (-o x.csv for a
    workbook opens in the wrong program); the file is written as asked."""
    if path.suffix.lower() != suffix:
        print(
            f"ictdesk: warning: {path.name} will hold {what}; its name does not end in {suffix}",
            file=sys.stderr,
        )
