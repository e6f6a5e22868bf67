"""What every part of :class:`ValueStore` relies on: the connection and the open file's state."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from pathlib import Path

from ictdesk.core.errors import StorageError
from ictdesk.core.sqlite_library import sqlite_utils

_TRANSACTION_STAMPS = itertools.count(1)


class StorePart:
    """The state :meth:`ValueStore.__init__` sets, shared by every part of the store.

    ``db`` is the store's own connection: only ``ictdesk.core.store`` and the named query
    modules (``core.series.sql``, ``core.exchange.queries``) run SQL on it (a test keeps it so).
    """

    db: sqlite_utils.Database
    path: Path | None
    read_only: bool
    stored_by: str
    _latest_cache: tuple[tuple[int, int, int], dict] | None
    _aggregates_cache: tuple[tuple[int, int, int], dict] | None

    def data_stamp(self) -> tuple[int, int, int]:
        """What changes whenever the file's data may have: ``PRAGMA data_version`` (bumped by
        other connections' commits) and this connection's count of changed rows. Results kept
        until the data changes (the latest period, the series' queries) are kept with it.
        Inside a transaction, which may yet be rolled back, every stamp is a new one."""
        (version,) = self.db.execute("PRAGMA data_version").fetchone()
        pending = next(_TRANSACTION_STAMPS) if self.db.conn.in_transaction else 0
        return version, self.db.conn.total_changes, pending

    @contextlib.contextmanager
    def _writing(self, what: str):
        """Turn SQLite's refusals (read-only, disk full, locked) into a :class:`StorageError`."""
        try:
            yield
        except sqlite3.Error as exc:
            raise StorageError(f"{what}: {exc}") from exc
