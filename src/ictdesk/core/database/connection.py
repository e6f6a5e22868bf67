"""The store's connection: the calls ictdesk makes, over ``sqlite3``, as sqlite-utils does.

sqlite-utils costs 95-115 ms to import (it brings click, pluggy, dateutil and its table API),
which every start paid before the window painted; the store only ever asks its connection to
``execute``, ``query``, be ``atomic`` and ``close``. :class:`Connection` does those four the way
``sqlite_utils.Database`` does (a write outside a transaction is committed at once, a failed
one rolled back; nested ``atomic`` blocks are savepoints), and hands the same connection to
sqlite-utils (:attr:`Connection.utils`) when a migration needs its table API.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}
_SAVEPOINTS = itertools.count(1)


def _first_keyword(sql: str) -> str:
    """The statement's first word, upper-cased, past any leading comments."""
    text = sql.lstrip()
    while text.startswith(("--", "/*")):
        end = text.find("\n") if text.startswith("--") else text.find("*/") + 1
        text = text[end + 1 :].lstrip() if end > 0 else ""
    return text.split(None, 1)[0].upper().rstrip(";") if text else ""


class Connection:
    """One ``sqlite3`` connection with sqlite-utils' ``execute``/``query``/``atomic``/``close``."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils: sqlite_utils.Database | None = None

    @classmethod
    def open(cls, path) -> Connection:
        """A connection to the file at ``path``."""
        return cls(sqlite3.connect(str(path)))

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None):
        """Run one statement; a write outside a transaction is committed at once."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")  # the failed write's implicit transaction
            raise
        if (
            not was_in_transaction
            and conn.in_transaction
            and cursor.description is None
            and _first_keyword(sql) not in _TRANSACTION_CONTROL
        ):
            conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, params: Sequence | dict[str, Any] | None = None) -> Iterator[dict]:
        """The rows of a SELECT as dictionaries, fetched as they are iterated."""
        cursor = self.conn.execute(sql) if params is None else self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return (dict(zip(names, row, strict=True)) for row in cursor)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Connection]:
        """A transaction (a savepoint inside one): committed at the end, rolled back on error."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"ictdesk_{next(_SAVEPOINTS)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it already
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @property
    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils over this same connection (imported on first use: migrations)."""
        if self._utils is None:
            from ictdesk.core.sqlite_library import load_sqlite_utils

            self._utils = load_sqlite_utils().Database(self.conn, execute_plugins=False)
        return self._utils

    def close(self) -> None:
        """Close the connection and the file."""
        self.conn.close()
