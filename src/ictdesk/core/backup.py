"""Backups with SQLite's online backup API: on demand, rolling and automatic, and restore.

A backup is a complete, consistent copy taken while the database may be in use. Backups live
in ``<data folder>/backups/<database name>/``, of three kinds kept apart:

- daily (``a-20250101-183000.db``, made when the window closes, at most once a day): one per
  day is kept, for the newest N days that have one (setting ``backup_keep``);
- manual (``a-manual-20250101-183000.db``, File › Back up now): the newest N;
- safety (``a-before-restore-20250101-183000.db``, what a restore replaced): the newest N.

A backup named with a date in the future (a PC clock set wrong) neither stops the daily ones
nor stays for ever: its day ranks after every real one.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ictdesk.core.database import WAL_FILES, inspect_file, set_aside, set_aside_stray
from ictdesk.core.errors import (
    DatabaseTooNew,
    DatabaseUnavailable,
    IctdeskError,
    NotAnIctdeskDatabase,
    StorageError,
    reason_in_vietnamese,
)
from ictdesk.core.paths import data_dir
from ictdesk.core.store import ValueStore, audit_tip, record_restore

DEFAULT_KEEP = 10
KINDS = {"": "daily", "manual-": "manual", "before-restore-": "safety"}
_NAME = re.compile(r"^(manual-|before-restore-)?(\d{8}-\d{6})\.db$")
STEP_PAGES = 65536  # pages per step of the online backup: 256 MB at 4 KB pages
PART_AGE = 3600  # seconds: a partial backup untouched this long was interrupted
CLOCK_SLACK = timedelta(minutes=5)  # a backup dated later than now by more is from a wrong clock


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what it holds."""

    path: Path
    taken: datetime
    size: int
    values: int | None  # None when the file cannot be read
    kind: str = "daily"  # "daily", "manual" or "safety"


def backup_folder(db_path: Path) -> Path:
    """Where the rolling backups of ``db_path`` go."""
    return data_dir() / "backups" / Path(db_path).stem


Progress = Callable[[int, int], None]  # pages copied so far, pages in all


def _not_written(exc: BaseException | str) -> StorageError:
    reason = exc if isinstance(exc, str) else getattr(exc, "strerror", None) or str(exc)
    return StorageError(
        f"the backup was not written: {reason}",
        vi=f"Chưa sao lưu được: {_vi_reason(reason)}",
    )


def _vi_reason(reason: str) -> str:
    """The usual reasons a backup fails, in Vietnamese (others as the system says them)."""
    text = reason.lower()
    if "permission" in text or "read-only" in text or "readonly" in text:
        return "không có quyền ghi vào thư mục sao lưu"
    if "kept changing" in text:
        return "cơ sở dữ liệu thay đổi liên tục trong lúc sao lưu"
    return reason_in_vietnamese(reason)


def backup_to(
    store: ValueStore, target: Path, progress: Progress | None = None, exclusive: bool = False
) -> Path:
    """Copy the open database to ``target`` consistently (online backup API), atomically.

    ``exclusive``: the caller holds the one-writer lock (the window), so no other program
    writes: the file is checkpointed and copied as a plain file, as fast as ``cp``.

    The copy is of one moment (one read transaction) in steps of :data:`STEP_PAGES`;
    ``progress`` hears after each. Bounded: a copy that would need more steps than the file
    has is stopped with an error instead of running for ever.
    """
    target = Path(target)
    if not target.parent.is_dir():
        raise _not_written(f"folder does not exist: {target.parent}")
    partial = target.with_name(f".{target.name}.part")
    steps = {"n": 0, "limit": None}

    def step(_status, left, total):
        steps["n"] += 1
        if steps["limit"] is None:
            steps["limit"] = 2 * math.ceil(max(total, 1) / STEP_PAGES) + 2
        if steps["n"] > steps["limit"]:
            raise StorageError("the database kept changing during the backup")
        if progress:
            progress(total - left, total)

    try:
        partial.unlink(missing_ok=True)
        if not (exclusive and _copy_quiet_file(store, partial, progress)):
            _copy_online(store, partial, step)
        _fsync(partial)
        os.replace(partial, target)
        _fsync(target.parent)
    except (sqlite3.Error, OSError, StorageError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        with contextlib.suppress(OSError):
            Path(f"{partial}-journal").unlink()
        raise _not_written(exc) from exc
    return target


def _copy_online(store: ValueStore, partial: Path, step) -> None:
    """The copy by SQLite's online backup, page by page."""
    destination = sqlite3.connect(partial)
    try:
        # the partial file is renamed into place only once whole and synced: while it is
        # written, no journal and no syncs
        destination.execute("PRAGMA journal_mode = OFF")
        destination.execute("PRAGMA synchronous = OFF")
        store.copy_to(destination, pages=STEP_PAGES, progress=step)
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()


def _copy_quiet_file(store: ValueStore, partial: Path, progress: Progress | None) -> bool:
    """The copy as a plain file copy, while the store keeps its file still and whole
    (:meth:`ValueStore.held_still`). False when it cannot: the online backup copies instead."""
    with store.held_still() as still:
        if not still:
            return False
        _copy_bytes(Path(store.path), partial, progress)
    copy = sqlite3.connect(partial)
    try:
        copy.execute("PRAGMA journal_mode = DELETE")  # a backup is one file, like a restore wants
    finally:
        copy.close()
    return True


def _copy_bytes(source: Path, target: Path, progress: Progress | None) -> None:
    """Copy ``source`` to ``target`` in 64 MB steps, in the kernel where it can (as ``cp``
    does), telling ``progress`` in 4 KB pages."""
    chunk, page = 64 * 1024 * 1024, 4096
    size = source.stat().st_size
    with open(source, "rb") as src, open(target, "wb") as dst:
        done = 0
        while done < size:
            if hasattr(os, "copy_file_range"):
                sent = os.copy_file_range(src.fileno(), dst.fileno(), chunk, done, done)
            else:  # pragma: no cover - not Linux
                src.seek(done)
                sent = dst.write(src.read(chunk))
                dst.flush()
            if not sent:
                break
            done += sent
            if progress:
                progress(done // page, size // page)
    if done != size:
        raise OSError(f"the copy stopped at {done} of {size} bytes")


def _fsync(path: Path) -> None:
    """Make ``path`` (a file, or a folder's list of names) durable; folders where the system
    cannot (Windows) are skipped."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def clean_partials(folder: Path, older_than: float = PART_AGE) -> list[Path]:
    """Remove what interrupted backups left in ``folder`` (hidden ``.part`` files and their
    journals) untouched for ``older_than`` seconds; the paths removed."""
    removed = []
    cutoff = time.time() - older_than
    for path in list(folder.glob(".*.part")) + list(folder.glob(".*.part-journal")):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
    return removed


def rolling_backup(
    store: ValueStore,
    keep: int | None = None,
    progress: Progress | None = None,
    kind: str = "daily",
    now: datetime | None = None,
    exclusive: bool = False,
) -> Path:
    """A new timestamped backup of ``kind`` ("daily" or "manual") in the backup folder; the
    rotation then keeps what :func:`prune` keeps. A database read-only for this user is backed
    up too (the copy goes to the data folder)."""
    folder = backup_folder(store.path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _not_written(exc) from exc
    clean_partials(folder)
    prefix = {v: k for k, v in KINDS.items()}[kind]
    target = folder / f"{store.path.stem}-{prefix}{(now or datetime.now()):%Y%m%d-%H%M%S}.db"
    if target.exists():  # twice in one second
        time.sleep(1.0)
        target = folder / f"{store.path.stem}-{prefix}{datetime.now():%Y%m%d-%H%M%S}.db"
    backup_to(store, target, progress, exclusive)
    prune(store.path, keep if keep is not None else store_keep(store), now)
    return target


def prune(db_path: Path, keep: int, now: datetime | None = None) -> list[Path]:
    """Apply the rotation (see the module's doc) to the backups of ``db_path``; what it
    removed."""
    now = now or datetime.now()
    backups = list_backups(db_path, counts=False)
    doomed = []
    for kind in ("manual", "safety"):
        doomed += [b for b in backups if b.kind == kind][keep:]
    days: dict = {}
    for b in backups:  # newest first: the first of each day is the one kept
        if b.kind == "daily":
            days.setdefault(b.taken.date(), []).append(b)
    real = sorted((d for d in days if d <= (now + CLOCK_SLACK).date()), reverse=True)
    future = sorted((d for d in days if d > (now + CLOCK_SLACK).date()), reverse=True)
    for rank, day in enumerate(real + future):
        kept = days[day][:1] if rank < keep else []
        doomed += [b for b in days[day] if b not in kept]
    removed = []
    for b in doomed:
        with contextlib.suppress(OSError):
            b.path.unlink()
            removed.append(b.path)
    return removed


def store_keep(store: ValueStore) -> int:
    """How many backups of each kind to keep (setting ``backup_keep``)."""
    try:
        return max(1, int(store.setting("backup_keep") or DEFAULT_KEEP))
    except ValueError:
        return DEFAULT_KEEP


def automatic_backup(
    store: ValueStore,
    now: datetime | None = None,
    progress: Progress | None = None,
    exclusive: bool = False,
) -> Path | None:
    """Back up if the newest daily backup is more than a day old (or there is none). One
    dated in the future (a wrong clock) does not count."""
    if store.path is None:
        return None
    now = now or datetime.now()
    recent = [
        b
        for b in list_backups(store.path, counts=False)
        if b.kind == "daily" and b.taken <= now + CLOCK_SLACK
    ]
    if recent and now - recent[0].taken < timedelta(days=1):
        return None
    return rolling_backup(store, progress=progress, now=now, exclusive=exclusive)


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


def _taken(stamp: str) -> datetime:
    """The time of a backup's ``YYYYmmdd-HHMMSS`` stamp (ValueError if it is no time), read
    without ``strptime``, whose first call imports and compiles its patterns at every exit."""
    day, time = stamp.split("-")
    return datetime(
        int(day[:4]), int(day[4:6]), int(day[6:]), int(time[:2]), int(time[2:4]), int(time[4:])
    )


def list_backups(db_path: Path, counts: bool = True) -> list[BackupInfo]:
    """The backups of ``db_path`` of every kind, newest first (``counts``: read each one's
    number of values)."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    stem = f"{Path(db_path).stem}-"
    found = []
    for path in folder.glob("*.db"):
        match = _NAME.match(path.name[len(stem) :]) if path.name.startswith(stem) else None
        if not match:
            continue
        try:
            taken = _taken(match.group(2))
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        values = _count_values(path) if counts else None
        found.append(BackupInfo(path, taken, size, values, KINDS[match.group(1) or ""]))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def restore(backup: Path, db_path: Path, now: datetime | None = None) -> Path | None:
    """Replace ``db_path`` (closed) with ``backup``; the path where the replaced file is kept.

    The backup is checked whole first (and a damaged or foreign one refused before anything is
    touched). A sound current file is copied to a safety backup; one that cannot be read
    (damaged: exactly the file that needs restoring) is renamed beside itself,
    ``a.db.damaged-<stamp>`` with its ``-wal``/``-shm``. Nothing is lost on any failure: the
    current file is put back. The restored file's audit log ends with a row saying so.
    """
    backup, db_path = Path(backup), Path(db_path)
    inspect_file(backup, full=True)  # refuse a damaged or foreign file before touching anything
    now = now or datetime.now()
    kept = None
    moved: list[Path] = []
    set_aside_stray(db_path)  # a log that is not the current file's is kept, not deleted
    replaced = audit_tip(db_path) if db_path.exists() else None  # for the restore's audit row
    if db_path.exists():
        kept, moved = _keep_current(db_path, now)
    partial = db_path.with_name(f".{db_path.name}.restoring")
    try:
        shutil.copyfile(backup, partial)
        _fsync(partial)
        os.replace(partial, db_path)
        _fsync(db_path.parent)
        # the replaced file's log is in its safety copy (killed before this line, the log is
        # stray beside a rollback-mode file: the next open sets it aside, kept)
        for suffix in WAL_FILES:
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        for path in moved:  # put the damaged file back where it was
            original = Path(f"{db_path}{path.name[len(moved[0].name) :]}")
            with contextlib.suppress(OSError):
                if not original.exists():
                    os.replace(path, original)
        raise DatabaseUnavailable(
            f"the backup was not restored: {exc.strerror}",
            vi=f"Chưa khôi phục được bản sao lưu: {_vi_reason(exc.strerror or str(exc))}",
        ) from exc
    # the log says what was restored, and what of the replaced file's log it did not bring back
    record_restore(db_path, backup, replaced=replaced, safety_copy=kept)
    return kept


def _keep_current(db_path: Path, now: datetime) -> tuple[Path, list[Path]]:
    """Keep the file a restore replaces: a safety backup of a sound one, the file itself
    renamed when it cannot be read (or the safety copy cannot be written)."""
    try:
        inspect_file(db_path, full=True)  # a copy does not see damage: the whole check does
        current = ValueStore.open(db_path, read_only=True, checked=True)
    except (NotAnIctdeskDatabase, DatabaseTooNew, StorageError):
        current = None  # damaged, foreign or newer: set it aside whole
    except DatabaseUnavailable as exc:
        if "locked" in str(exc) or not db_path.is_file():
            raise  # in use by another program: replace nothing
        current = None
    if current is not None:
        try:
            folder = backup_folder(db_path)
            folder.mkdir(parents=True, exist_ok=True)
            name = f"{db_path.stem}-before-restore-{now:%Y%m%d-%H%M%S}.db"
            safety = backup_to(current, folder / name)
            return safety, []
        except (IctdeskError, OSError):
            pass  # no room or no right in the data folder: keep it beside itself instead
        finally:
            current.close()
    moved = set_aside(db_path, "damaged", now)
    return moved[0], moved
