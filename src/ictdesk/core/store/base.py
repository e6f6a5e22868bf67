"""What every part of :class:`ValueStore` relies on: the connection and the open file's state."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterable
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
    _aggregates_cache: tuple[tuple[int, int, int], dict] | None
    _runs_cache: tuple[tuple, dict] | None
    _kept: dict[str, tuple[tuple[int, int, int], dict]]  # see kept_until_change
    _written: dict[str, int]  # saves per indicator (see values_stamp)
    _accounted_changes: int  # the connection's total_changes after the last of them
    _generation: int  # changes not accounted for by a save of known indicators

    def data_stamp(self) -> tuple[int, int, int]:
        """What changes whenever the file's data may have: ``PRAGMA data_version`` (bumped by
        other connections' commits) and this connection's count of changed rows. Results kept
        until the data changes (the latest period, the series' queries) are kept with it.
        Inside a transaction, which may yet be rolled back, every stamp is a new one."""
        (version,) = self.db.execute("PRAGMA data_version").fetchone()
        pending = next(_TRANSACTION_STAMPS) if self.db.conn.in_transaction else 0
        return version, self.db.conn.total_changes, pending

    def kept_until_change(self, name: str) -> dict:
        """A dict of results named ``name``, emptied whenever the data has changed since it
        was last asked for (:meth:`data_stamp`)."""
        stamp = self.data_stamp()
        found = self._kept.get(name)
        if found is None or found[0] != stamp:
            found = self._kept[name] = (stamp, {})
        return found[1]

    def values_stamp(self, indicator_codes: Iterable[str]) -> tuple:
        """:meth:`data_stamp` narrowed to the values of ``indicator_codes``: what changes
        whenever they, or the units, may have. A save through ``save_values`` changes the
        stamps of the indicators it wrote, not the others'; any other change of the file (an
        import, a unit added, a setting, another connection's commit) changes every stamp: it
        is known by this connection's count of changed rows moving without a save having
        accounted for it."""
        version, total, pending = self.data_stamp()
        if total != self._accounted_changes:
            self._generation += 1
            self._accounted_changes = total
        written = self._written
        return (version, self._generation, pending, *(written.get(c, 0) for c in indicator_codes))

    @contextlib.contextmanager
    def _writing_values_of(self, indicator_codes: Iterable[str]):
        """Around a write that changes values of ``indicator_codes`` only: afterwards (even if
        it failed) their :meth:`values_stamp` changes, and its changed rows are accounted for."""
        self.values_stamp(())  # a change before this write, not accounted for: every stamp
        try:
            yield
        finally:
            self._accounted_changes = self.db.conn.total_changes
            for code in set(indicator_codes):
                self._written[code] = self._written.get(code, 0) + 1

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
