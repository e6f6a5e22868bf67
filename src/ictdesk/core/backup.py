"""Backups with SQLite's online backup API: on demand, rolling and automatic, and restore.

A backup is a complete, consistent copy taken while the database may be in use. Rolling
backups live in ``<data folder>/backups/<database name>/`` and the newest N are kept.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ictdesk.core.database import WAL_FILES, inspect_file
from ictdesk.core.errors import DatabaseUnavailable, StorageError
from ictdesk.core.paths import data_dir
from ictdesk.core.store import ValueStore

DEFAULT_KEEP = 10
_STAMP = re.compile(r"-(\d{8}-\d{6})\.db$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what it holds."""

    path: Path
    taken: datetime
    size: int
    values: int | None  # None when the file cannot be read


def backup_folder(db_path: Path) -> Path:
    """Where the rolling backups of ``db_path`` go."""
    return data_dir() / "backups" / Path(db_path).stem


Progress = Callable[[int, int], None]  # pages copied so far, pages in all


def backup_to(store: ValueStore, target: Path, progress: Progress | None = None) -> Path:
    """Copy the open database to ``target`` consistently (online backup API), atomically.

    ``progress`` hears after each 16 MB copied (a national database is 3.6 GB).
    """
    target = Path(target)
    if not target.parent.is_dir():
        raise StorageError(f"folder does not exist: {target.parent}")
    partial = target.with_name(f".{target.name}.part")
    partial.unlink(missing_ok=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            store.copy_to(
                destination,
                pages=4096,
                progress=(lambda _status, left, total: progress(total - left, total))
                if progress
                else None,
            )
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise StorageError(f"the backup was not written: {exc}") from exc
    return target


def rolling_backup(
    store: ValueStore, keep: int | None = None, progress: Progress | None = None
) -> Path:
    """A new timestamped backup in the backup folder; older ones beyond ``keep`` are removed."""
    folder = backup_folder(store.path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{store.path.stem}-{stamp}.db"
    backup_to(store, target, progress)
    keep = keep if keep is not None else store_keep(store)
    for old in list_backups(store.path, counts=False)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def store_keep(store: ValueStore) -> int:
    """How many rolling backups to keep (setting ``backup_keep``)."""
    try:
        return max(1, int(store.setting("backup_keep") or DEFAULT_KEEP))
    except ValueError:
        return DEFAULT_KEEP


def automatic_backup(
    store: ValueStore, now: datetime | None = None, progress: Progress | None = None
) -> Path | None:
    """Back up if the newest rolling backup is more than a day old (or there is none)."""
    if store.path is None:
        return None
    backups = list_backups(store.path, counts=False)
    now = now or datetime.now()
    if backups and now - backups[0].taken < timedelta(days=1):
        return None
    return rolling_backup(store, progress=progress)


def _count_values(path: Path) -> int | None:
    try:
        inspect_file(path, full=False)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM data_values").fetchone()[0]
        finally:
            conn.close()
    except Exception:  # a damaged backup is listed, with no count
        return None


def list_backups(db_path: Path, counts: bool = True) -> list[BackupInfo]:
    """The rolling backups of ``db_path``, newest first (``counts``: read each one's size)."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.db"):
        match = _STAMP.search(path.name)
        if not match:
            continue
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        values = _count_values(path) if counts else None
        found.append(BackupInfo(path, taken, path.stat().st_size, values))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def restore(backup: Path, db_path: Path) -> Path:
    """Replace ``db_path`` (closed) with ``backup``, after backing up the current file.

    Returns the path of the safety backup of what was replaced.
    """
    backup, db_path = Path(backup), Path(db_path)
    inspect_file(backup)  # refuse a damaged or foreign file before touching anything
    safety = None
    if db_path.exists():
        current = ValueStore.open(db_path, read_only=True)
        try:
            folder = backup_folder(db_path)
            folder.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            safety = backup_to(current, folder / f"{db_path.stem}-before-restore-{stamp}.db")
        finally:
            current.close()
    partial = db_path.with_name(f".{db_path.name}.restoring")
    try:
        shutil.copyfile(backup, partial)
        for suffix in WAL_FILES:
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(partial, db_path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseUnavailable(f"the backup was not restored: {exc.strerror}") from exc
    return safety
