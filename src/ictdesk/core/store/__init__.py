"""The value store: the one API through which the GUI, the CLI and importers read and write.

:class:`ValueStore` is one object made of parts, one concern per module (Anki's collection
with its managers, kept as one class so that callers see one API): ``settings`` (and the
catalogue), ``tree`` (units), ``reads``, ``writes`` (values, follow-up, completion), ``staging``
(batches), ``checks`` (validation), ``targets``, ``aggregates``, ``coverage`` (what
of a period is reported), ``history`` (the units
before 1 July 2025). This module opens and closes the file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from ictdesk.core.catalogue import Catalogue
from ictdesk.core.database import (
    CheckStop,
    create_database,
    full_check_due,
    inspect_file,
    open_database,
    record_full_check,
    set_aside_stray,
    unclean_close,
    upgrade_database,
    upgrade_due,
)
from ictdesk.core.database.connection import Connection
from ictdesk.core.errors import StorageError
from ictdesk.core.filesystem import is_network_path, write_obstacle
from ictdesk.core.store.aggregates import _Aggregates
from ictdesk.core.store.audit import AuditTip, _Audit, audit_tip, restore_detail
from ictdesk.core.store.checks import _Checks
from ictdesk.core.store.coverage import HeldBy, PeriodCover, Reported, _Coverage
from ictdesk.core.store.history import _History
from ictdesk.core.store.reads import _Reads
from ictdesk.core.store.records import (
    SOURCES,
    AuditEntry,
    StoredValue,
    ValueWrite,
    default_user,
    now_iso,
)
from ictdesk.core.store.settings import _Settings
from ictdesk.core.store.staged_checks import _StagedChecks
from ictdesk.core.store.staging import (
    DUP_FIELD,
    DUP_SEPARATOR,
    NOT_GIVEN,
    TEMP_TABLES,
    VALUES_BY_INDICATOR,
    _Staging,
)
from ictdesk.core.store.targets import _Targets
from ictdesk.core.store.tree import _Tree
from ictdesk.core.store.writes import _Writes

__all__ = [
    "DUP_FIELD",
    "DUP_SEPARATOR",
    "NOT_GIVEN",
    "HeldBy",
    "PeriodCover",
    "Reported",
    "SOURCES",
    "VALUES_BY_INDICATOR",
    "AuditEntry",
    "AuditTip",
    "CheckStop",
    "StoredValue",
    "ValueStore",
    "ValueWrite",
    "audit_tip",
    "default_user",
    "now_iso",
    "record_restore",
]


class ValueStore(
    _Settings,
    _Tree,
    _Reads,
    _Writes,
    _Staging,
    _StagedChecks,
    _Checks,
    _Targets,
    _Aggregates,
    _Coverage,
    _History,
    _Audit,
):
    """Units, catalogue, values, targets, settings and audit of one ictdesk database."""

    def __init__(self, db: Connection, path: Path | None = None, read_only: bool = False):
        self.db = db
        self.closed = False
        self._settings: dict[str, str | None] = {}
        self.path = path
        self.read_only = read_only
        self.read_only_reason: str | None = "asked" if read_only else None
        self.on_network = bool(path) and is_network_path(path)
        self.stored_by = self.setting("stored_by") or default_user()
        self._catalogue: Catalogue | None = None
        self._unit_code_cache: set[str] | None = None
        self._install_chain()
        self._aggregates_cache: tuple[tuple[int, int, int], dict] | None = None  # aggregates
        self._runs_cache: tuple[tuple, dict] | None = None  # code_runs
        self._kept: dict = {}  # kept_until_change
        self._written, self._accounted_changes, self._generation = {}, 0, 0  # values_stamp
        db.execute("PRAGMA temp_store = MEMORY")
        for statement in TEMP_TABLES:
            db.execute(statement)

    @classmethod
    def open(
        cls,
        path: str | Path,
        read_only: bool = False,
        checked: bool = False,
        check_later: bool = False,
    ) -> ValueStore:
        """Open the ictdesk database at ``path`` (see :func:`open_database` for the errors).

        A file the user cannot write opens read-only, and so does one on read-only media, in a
        folder the user may not write or on a full disk; check :attr:`read_only` and
        :attr:`read_only_reason`. A stray ``-wal``/``-shm`` is set aside first. ``checked``:
        :meth:`check_file` has just passed, so the daily full check is not run again;
        ``check_later``: the caller runs it in the background, then :meth:`record_full_check`.
        """
        try:
            obstacle = write_obstacle(path)
            writable = not read_only and os.access(path, os.W_OK) and obstacle is None
            db = open_database(
                path, read_only=not writable, checked=checked, check_later=check_later
            )
            store = cls(db, Path(path), not writable)
            # why it is read-only: "asked", "file" (not writable), "read-only" (media or
            # folder), "full" (the disk); None when it is writable
            store.read_only_reason = (
                None if writable else "asked" if read_only else obstacle or "file"
            )
            return store
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open {path}: {exc}") from exc

    @staticmethod
    def full_check_due(path: str | Path) -> bool:
        """Whether opening ``path`` would first read the whole file (daily, or after a crash):
        seconds for a national database, worth doing in the background (:meth:`check_file`)."""
        return full_check_due(Path(path))

    @staticmethod
    def check_file(path: str | Path, stop: CheckStop | None = None) -> None:
        """Read the whole file for damage (any thread: it opens its own connection); ends
        with :class:`CheckStopped` when another thread calls ``stop.stop()``."""
        inspect_file(Path(path), full=True, stop=stop)

    @staticmethod
    def set_aside_stray_journals(path: str | Path, force: str | None = None) -> list[Path]:
        """Move a ``-wal``/``-shm`` that is not ``path``'s own aside (kept, renamed); their new
        names. ``force``: why they are stray, when the check found it (:class:`StrayJournal`).
        Raises :class:`DatabaseUnavailable` when they cannot be moved."""
        return set_aside_stray(Path(path), force)

    @staticmethod
    def closed_uncleanly(path: str | Path) -> bool:
        """Whether the last writer of ``path`` crashed (its log still holds changes)."""
        return unclean_close(Path(path))

    def record_full_check(self) -> None:
        """Record that today's full check of this file passed (nothing if read-only)."""
        if not self.read_only:
            with self._writing("the check was not recorded"):
                record_full_check(self.db)

    @staticmethod
    def upgrade_due(path: str | Path) -> bool:
        """Whether opening ``path`` would first migrate it to this version's schema (a file the
        user cannot write is never migrated): seconds for a national database, worth doing in
        the background (:meth:`upgrade`)."""
        return os.access(path, os.W_OK) and upgrade_due(Path(path))

    @staticmethod
    def upgrade(path: str | Path) -> None:
        """Migrate ``path`` to this version's schema (any thread: it opens its own connection)."""
        try:
            upgrade_database(path)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot upgrade {path}: {exc}") from exc

    @staticmethod
    def create(path: str | Path, settings: dict[str, str] | None = None) -> list[Path]:
        """Create a new, empty ictdesk database at ``path`` (see :func:`create_database`);
        the new names of a stray ``-wal``/``-shm`` it found there and moved aside."""
        try:
            return create_database(path, settings)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot create {path}: {exc}") from exc

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards (:attr:`closed`)."""
        self.db.close()
        self.closed = True

    def integrity_problems(self) -> list[str]:
        """What ``PRAGMA integrity_check`` finds wrong with the file (empty when it is sound)."""
        found = [row[0] for row in self.db.execute("PRAGMA integrity_check")]
        return [] if found == ["ok"] else found

    def checkpoint(self) -> None:
        """Move the write-ahead log into the file and empty it (before a copy is shipped)."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextlib.contextmanager
    def held_still(self):
        """Yields True while the file alone holds every change and nobody may write it (its log
        moved in and emptied, the write lock held): a plain copy of it is then consistent.
        Yields False, holding nothing, when that cannot be had at once (read-only, busy)."""
        conn = self.db.conn
        if self.read_only or self.path is None or conn.in_transaction:
            yield False
            return
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            conn.execute("PRAGMA busy_timeout = 0")
            try:
                conn.execute("BEGIN IMMEDIATE")
            finally:
                conn.execute("PRAGMA busy_timeout = 5000")
        except sqlite3.Error:
            yield False
            return
        try:
            wal = Path(f"{self.path}-wal")
            yield not busy and not (wal.exists() and wal.stat().st_size)
        finally:
            conn.execute("ROLLBACK")

    def copy_to(self, target: sqlite3.Connection, pages: int, progress=None) -> None:
        """Copy the whole database into ``target`` with SQLite's online backup, ``pages`` at a
        step; ``progress`` is SQLite's (status, remaining, total) callback.

        One read transaction spans every step: the copy is of one moment, and SQLite never
        restarts it (each step of a read-only connection whose -shm is read-only would
        otherwise see the file as changed and start again, for ever)."""
        conn = self.db.conn
        own = not conn.in_transaction
        if own:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        try:
            conn.backup(target, pages=pages, progress=progress)
        finally:
            if own and conn.in_transaction:
                conn.execute("ROLLBACK")


def record_restore(
    db_path: str | Path,
    backup: str | Path,
    *,
    replaced: AuditTip | None = None,
    safety_copy: str | Path | None = None,
) -> AuditTip:
    """Append to the audit log of ``db_path`` (just restored from ``backup``, closed) the row
    that says so, and return the chain's new end.

    The row (kind and source ``restore``) holds, as JSON in ``source_detail``: the backup's
    name, its row count, last id and last hash (the restored log's end, which the row follows
    in the chain); ``replaced``, the end of the file the restore replaced (read with
    :func:`audit_tip` before replacing it; None if it could not be read): its rows, last id
    and hash, and how many of its rows the restore did not bring back; and the name of the
    ``safety_copy`` of what was replaced. Raises :class:`StorageError` or the errors of
    :meth:`ValueStore.open` (the file is upgraded first if the backup is older).
    """
    store = ValueStore.open(db_path)
    try:
        restored = store.audit_tip()
        detail = restore_detail(Path(backup), restored, replaced, safety_copy)
        with store._writing("the restore was not recorded"), store.db.atomic():
            store._audit(
                "restore",
                "",
                "",
                "",
                None,
                None,
                new_comment=f"restored from {Path(backup).name}",
                source="restore",
                detail=detail,
            )
        return store.audit_tip()
    finally:
        store.close()
