"""The schema's migrations, named at import and applied by sqlite-utils only when one is due.

Opening a file asks which migrations it lacks: one bare SELECT on sqlite-utils' own
``_sqlite_migrations`` table, without importing sqlite-utils (95-115 ms, before the first
paint). Only when one is missing (a new file, an upgrade) does ``sqlite_utils.Migrations``
apply them, recording each in that table as it always has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

    from ictdesk.core.database.connection import Connection

MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite_utils.Migrations.migrations_table


class MigrationSet:
    """Named migrations in order; ``@migrations()`` registers a function as the next one."""

    def __init__(self, name: str):
        self.name = name
        self._functions: list[Callable] = []
        self._built: sqlite_utils.Migrations | None = None

    def __call__(self) -> Callable[[Callable], Callable]:
        def register(function: Callable) -> Callable:
            self._functions.append(function)
            self._built = None
            return function

        return register

    @property
    def names(self) -> list[str]:
        """Every migration's name, in the order they apply."""
        return [f.__name__ for f in self._functions]

    def applied(self, db: Connection) -> list[str]:
        """The names the file records as applied, in the order they were (read-only)."""
        (exists,) = db.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
            [MIGRATIONS_TABLE],
        ).fetchone()
        if not exists:
            return []
        return [
            name
            for (name,) in db.execute(
                f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
                [self.name],
            )
        ]

    def pending(self, db: Connection) -> list[str]:
        """The names of the migrations the file lacks (read-only)."""
        done = set(self.applied(db))
        return [name for name in self.names if name not in done]

    def apply(self, db: Connection, *, stop_before: str | Iterable[str] | None = None) -> None:
        """Apply the pending migrations, each in one transaction with its record."""
        if self.pending(db):
            self._sqlite_utils_set().apply(db.utils, stop_before=stop_before)

    def _sqlite_utils_set(self) -> sqlite_utils.Migrations:
        """sqlite-utils' migration set of the same functions, built on the first apply."""
        if self._built is None:
            from ictdesk.core.sqlite_library import load_sqlite_utils

            self._built = load_sqlite_utils().Migrations(self.name)
            for function in self._functions:
                self._built(name=function.__name__)(function)
        return self._built
