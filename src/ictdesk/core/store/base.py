"""What every part of :class:`ValueStore` relies on: the connection and the open file's state."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from pathlib import Path

from ictdesk.core.database.connection import Connection
from ictdesk.core.errors import StorageError, ValueRejected, reason_in_vietnamese
from ictdesk.core.store.records import SOURCES

_TRANSACTION_STAMPS = itertools.count(1)


class StorePart:
    """The state :meth:`ValueStore.__init__` sets, shared by every part of the store.

    ``db`` is the store's own connection: only ``ictdesk.core.store`` and the named query
    modules (``core.series.sql`` and ``.shortcuts``, ``core.exchange.queries``) run SQL on it.
    """

    db: Connection
    path: Path | None
    read_only: bool
    stored_by: str
    _latest_cache: tuple[tuple[int, int, int], dict] | None
    _aggregates_cache: tuple[tuple[int, int, int], dict] | None
    _runs_cache: tuple[tuple[int, int, int], dict] | None

    def data_stamp(self) -> tuple[int, int, int]:
        """What changes whenever the file's data may have: ``PRAGMA data_version`` (bumped by
        other connections' commits) and this connection's count of changed rows. Results kept
        until the data changes (the latest period, the series' queries) are kept with it.
        Inside a transaction, which may yet be rolled back, every stamp is a new one."""
        (version,) = self.db.execute("PRAGMA data_version").fetchone()
        pending = next(_TRANSACTION_STAMPS) if self.db.conn.in_transaction else 0
        return version, self.db.conn.total_changes, pending

    def _check_may_save(self, source: str) -> None:
        """Refuse a save of values from an unknown ``source`` or into a read-only file."""
        if source not in SOURCES:
            raise ValueRejected(f"unknown source: {source}")
        if self.read_only:
            raise StorageError(
                "the database is open read-only; nothing was saved",
                vi="cơ sở dữ liệu đang mở chỉ để đọc; chưa lưu gì",
            )

    @contextlib.contextmanager
    def _writing(self, what: str, what_vi: str | None = None):
        """Turn SQLite's refusals (read-only, disk full, locked) into a :class:`StorageError`."""
        try:
            yield
        except sqlite3.Error as exc:
            raise not_saved(what, what_vi, exc) from exc


def not_saved(what: str, what_vi: str | None, exc: BaseException) -> StorageError:
    """``what`` went wrong because of ``exc``, said once: a reason that already starts with
    the same words (an error worded on its way up) is not prefixed again."""
    reason = str(exc)
    english = reason if reason.lower().startswith(what.lower()) else f"{what}: {reason}"
    vietnamese = None
    if what_vi:
        inner = getattr(exc, "vi", None) or reason_in_vietnamese(reason)
        vietnamese = inner if inner.lower().startswith(what_vi.lower()) else f"{what_vi}: {inner}"
    return StorageError(english, vi=vietnamese)
