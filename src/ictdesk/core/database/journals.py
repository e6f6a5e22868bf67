"""A database file's companions, SQLite's write-ahead log (``-wal``) and its index (``-shm``):
telling a stray one from the file's own, and setting files aside under a name that keeps them.

SQLite applies whatever log lies beside a file named like it. A log left by a crash, whose
database was then deleted and made anew (``ictdesk init``) or replaced by yesterday's copy,
is applied to a file it does not belong to, and damages it. Such a log is *stray*; it is moved
aside, never deleted, so what it holds can still be looked at.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ictdesk.core.errors import DatabaseUnavailable

JOURNALS = ("-wal", "-shm")
WAL_MAGIC = (0x377F0682, 0x377F0683)
_DB_HEADER = b"SQLite format 3\x00"


def companion(path: Path, suffix: str) -> Path:
    """``a.db`` → ``a.db-wal`` (``suffix`` "-wal") or ``a.db-shm``."""
    return path.with_name(path.name + suffix)


def stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


def stray_reason(path: str | os.PathLike) -> str | None:
    """Why the ``-wal``/``-shm`` beside ``path`` do not belong to it, or None (there are none,
    they hold nothing, or nothing says they are another file's)."""
    path = Path(path)
    wal, shm = companion(path, "-wal"), companion(path, "-shm")
    if not wal.exists() and not shm.exists():
        return None
    if not path.exists():
        return "the database file they belonged to is missing"
    try:
        with open(wal, "rb") as handle:
            log = handle.read(32)
        with open(path, "rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return None  # a -shm alone holds no data: SQLite rebuilds it
    except OSError:
        return None  # unreadable: opening says why
    if not log:
        return None  # an empty log holds nothing
    if len(header) < 100 or header[:16] != _DB_HEADER:
        return None  # not a database at all: opening refuses it for that
    if len(log) < 32 or int.from_bytes(log[:4], "big") not in WAL_MAGIC:
        return "the -wal file is not a write-ahead log"
    db_page = int.from_bytes(header[16:18], "big")
    db_page = 65536 if db_page == 1 else db_page
    if int.from_bytes(log[8:12], "big") != db_page:
        return "the write-ahead log's page size is not the database's"
    if header[18] == 1 and header[19] == 1:
        # the file is in rollback mode (a backup, a new file): no log of its own can exist
        return "the database is not in write-ahead mode, so the log is another file's"
    return None


def set_aside(path: Path, label: str, now: datetime | None = None) -> list[Path]:
    """Rename ``path`` and its ``-wal``/``-shm`` to ``<name>.<label>-<stamp>`` (with the same
    ``-wal``/``-shm`` endings, so SQLite still reads them together); the new names, in order.

    Only the companions are moved when ``path`` itself is missing.
    """
    path = Path(path)
    kept = path.with_name(f"{path.name}.{label}-{stamp(now)}")
    n = 1
    while any(Path(f"{kept}{s}").exists() for s in ("", *JOURNALS)):
        n += 1
        kept = path.with_name(f"{path.name}.{label}-{stamp(now)}-{n}")
    moved = []
    try:
        for suffix in ("", *JOURNALS):
            source = Path(f"{path}{suffix}")
            if source.exists():
                os.replace(source, f"{kept}{suffix}")
                moved.append(Path(f"{kept}{suffix}"))
    except OSError as exc:
        for done in moved:  # put back what was moved: all or nothing
            os.replace(done, f"{path}{str(done)[len(str(kept)) :]}")
        raise DatabaseUnavailable(
            f"{path.name} could not be set aside: {exc.strerror}",
            vi=f"Không thể đổi tên để giữ lại {path.name}: {exc.strerror}",
        ) from None
    return moved


def set_aside_stray(path: str | os.PathLike, force: str | None = None) -> list[Path]:
    """Move a stray ``-wal``/``-shm`` of ``path`` aside (``a.db.stray-<stamp>-wal``); the new
    names (none when they belong). Refuses with the reason when they cannot be moved.
    ``force``: the reason they are stray, found otherwise (:class:`StrayJournal`)."""
    path = Path(path)
    reason = force or stray_reason(path)
    if reason is None:
        return []
    try:
        moved = []
        for suffix in JOURNALS:
            source = companion(path, suffix)
            if source.exists():
                target = path.with_name(f"{path.name}.stray-{stamp()}{suffix}")
                os.replace(source, target)
                moved.append(target)
        return moved
    except OSError as exc:
        raise DatabaseUnavailable(
            f"a leftover {path.name}-wal/-shm does not belong to {path.name} ({reason}) and"
            f" cannot be moved aside: {exc.strerror}; move it away before using this file",
            vi=f"Tệp nhật ký {path.name}-wal/-shm còn sót lại không thuộc về {path.name}"
            f" và không thể chuyển sang tên khác: {exc.strerror}. Hãy chuyển nó đi trước khi"
            " dùng tệp này.",
        ) from None
