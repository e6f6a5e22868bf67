"""The staging tables: batches of checked rows written in one statement set."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from ictdesk.core.store.audit import (
    _AUDIT_CHANGES,
    _AUDIT_COMPLETIONS,
    _AUDIT_FOLLOWUP,
    _AUDIT_FOLLOWUP_CHANGES,
    _AUDIT_FOLLOWUP_CLEARED,
    _Audit,
)
from ictdesk.core.store.records import (
    now_iso,
)

VALUES_BY_INDICATOR = "data_values_by_indicator"


class _DryRun(Exception):
    """Raised to roll back a batch that was only a check (see ``staged_batch``)."""


TEMP_TABLES = (
    # The batch being written. ``place`` says where an imported value came from; a key staged
    # twice keeps its first row and lists the later places in ``dup_at`` (see stage_values).
    "CREATE TEMP TABLE IF NOT EXISTS incoming_values (unit_code TEXT NOT NULL,"
    " indicator_code TEXT NOT NULL, period TEXT NOT NULL, value NUMERIC, comment TEXT,"
    " stored_by TEXT, updated_at TEXT, detail TEXT, followup INTEGER, place,"
    " dup_at TEXT, PRIMARY KEY (unit_code, period, indicator_code)) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS value_changes (unit_code TEXT, indicator_code TEXT,"
    " period TEXT, old_value NUMERIC, new_value NUMERIC, old_comment TEXT, new_comment TEXT,"
    " stored_by TEXT, updated_at TEXT, detail TEXT)",
    # Follow-up flags of values the batch leaves as they are (see keep_followup_changes).
    "CREATE TEMP TABLE IF NOT EXISTS followup_changes (unit_code TEXT NOT NULL,"
    " period TEXT NOT NULL, indicator_code TEXT NOT NULL, followup INTEGER NOT NULL,"
    " PRIMARY KEY (unit_code, period, indicator_code)) WITHOUT ROWID",
    # Unit-periods the batch marks complete (see stage_completions).
    "CREATE TEMP TABLE IF NOT EXISTS incoming_completions (unit_code TEXT NOT NULL,"
    " period TEXT NOT NULL, completed_by TEXT, completed_at TEXT,"
    " PRIMARY KEY (unit_code, period)) WITHOUT ROWID",
)
DUP_SEPARATOR, DUP_FIELD = "\x1e", "\x1f"
# Rows go in 90 to a statement (810 parameters, under the 999 older SQLite builds allow), and
# the batch's one ``detail`` (the file's name) is bound once per statement as the last
# parameter, not once per row: for a province's 721k values this binds 40% faster than one
# statement per row.
_STAGE_ROWS = 90
_STAGE_WIDTH = 9  # unit, indicator, period, value, comment, stored_by, updated_at, followup, place
# A staged row may say "no comment / stored_by / updated_at / followup / place" with NOT_GIVEN
# instead of None: Python 3.11's sqlite3 looks for an adapter for every None it binds (tuple,
# dict look-up, two attribute look-ups), which makes None about eight times slower to bind than
# a small int; two Nones per row were a third of staging a province's 721k values.
NOT_GIVEN = -1
_MAY_BE_NOT_GIVEN = (5, 6, 7, 8, 9)


def _stage_sql(rows: int) -> str:
    detail = f"?{rows * _STAGE_WIDTH + 1}"

    def field(r: int, c: int) -> str:
        mark = f"?{r * _STAGE_WIDTH + c}"
        return f"NULLIF({mark}, {NOT_GIVEN})" if c in _MAY_BE_NOT_GIVEN else mark

    tuples = ", ".join(
        "("
        + ", ".join(field(r, c) for c in (1, 2, 3, 4, 5, 6, 7))
        + f", {detail}, "
        + ", ".join(field(r, c) for c in (8, 9))
        + ")"
        for r in range(rows)
    )
    return f"""
INSERT INTO temp.incoming_values (unit_code, indicator_code, period, value, comment,
    stored_by, updated_at, detail, followup, place) VALUES {tuples}
ON CONFLICT (unit_code, period, indicator_code) DO UPDATE SET dup_at =
    COALESCE(dup_at || '{DUP_SEPARATOR}', '') || COALESCE(excluded.detail, '')
    || '{DUP_FIELD}' || COALESCE(excluded.place, '')
"""


_STAGE_ONE = _stage_sql(1)
_STAGE_MANY = _stage_sql(_STAGE_ROWS)
BULK_CACHE_KIB = -64 * 1024  # PRAGMA cache_size takes KiB as a negative number
BULK_WRITE = 50_000  # from this many changes on, the by-indicator index is rebuilt, not updated
# The changes a batch makes, computed once before anything is written.
_CHANGES = """
SELECT unit_code, indicator_code, period, old_value, new_value, old_comment, new_comment,
       stored_by, updated_at, detail FROM (
    SELECT i.unit_code, i.indicator_code, i.period, d.value AS old_value, i.value AS new_value,
           d.comment AS old_comment, NULLIF(COALESCE(i.comment, d.comment), '') AS new_comment,
           i.stored_by, i.updated_at, i.detail
    FROM temp.incoming_values i
    LEFT JOIN data_values d ON d.unit_code = i.unit_code AND d.period = i.period
        AND d.indicator_code = i.indicator_code
)
WHERE old_value IS NOT new_value OR old_comment IS NOT new_comment
"""
# The same when nothing is stored (a first import): every value the batch brings is new, and
# the audit and the values are written straight from the batch. Copying 721k changes into
# value_changes first took 0.21 s.
_CHANGES_TO_NOTHING = """
SELECT unit_code, indicator_code, period, NULL AS old_value, value AS new_value,
       NULL AS old_comment, NULLIF(comment, '') AS new_comment, stored_by, updated_at, detail
FROM temp.incoming_values WHERE value IS NOT NULL OR NULLIF(comment, '') IS NOT NULL
"""
_DELETE_CLEARED = """
DELETE FROM data_values WHERE (unit_code, period, indicator_code) IN (
    SELECT unit_code, period, indicator_code FROM temp.value_changes
    WHERE new_value IS NULL AND new_comment IS NULL)
"""
# stored_by and updated_at come from the batch when it carries them (an import keeps who
# entered a value and when), else they are the current user and time.
_UPSERT_CHANGES = """
INSERT INTO data_values (unit_code, indicator_code, period, value, comment, stored_by, updated_at)
SELECT unit_code, indicator_code, period, new_value, new_comment,
       COALESCE(stored_by, ?1), COALESCE(updated_at, ?2)
FROM ({changes})
WHERE new_value IS NOT NULL OR new_comment IS NOT NULL
ON CONFLICT (unit_code, period, indicator_code) DO UPDATE SET
    value = excluded.value, comment = excluded.comment,
    stored_by = excluded.stored_by, updated_at = excluded.updated_at
"""
_APPLY_FOLLOWUP = """
UPDATE data_values SET followup = (
    SELECT i.followup FROM temp.incoming_values i
    WHERE i.unit_code = data_values.unit_code AND i.period = data_values.period
      AND i.indicator_code = data_values.indicator_code)
WHERE (unit_code, period, indicator_code) IN (
    SELECT unit_code, period, indicator_code FROM temp.incoming_values
    WHERE followup IS NOT NULL)
"""
_APPLY_FOLLOWUP_CHANGES = """
UPDATE data_values SET followup = (
    SELECT f.followup FROM temp.followup_changes f
    WHERE f.unit_code = data_values.unit_code AND f.period = data_values.period
      AND f.indicator_code = data_values.indicator_code)
WHERE (unit_code, period, indicator_code) IN (
    SELECT unit_code, period, indicator_code FROM temp.followup_changes)
"""
# Whether a batch may change a flag; the stored side reads the index of flagged values (m007).
ANY_FLAG = (
    "SELECT EXISTS (SELECT 1 FROM temp.incoming_values WHERE followup)"
    " OR EXISTS (SELECT 1 FROM data_values WHERE followup)"
)
_APPLY_COMPLETIONS = """
INSERT OR IGNORE INTO completions (unit_code, period, completed_by, completed_at)
SELECT unit_code, period, COALESCE(completed_by, ?1), COALESCE(completed_at, ?2)
FROM temp.incoming_completions
"""


class _Staging(_Audit):
    """Part of :class:`ValueStore`."""

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Settings for one large batch of checked rows (an import); enter it outside a
        transaction, where SQLite takes them.

        A 64 MB page cache, and the connection's ``synchronous = FULL`` kept: the commit that
        ends an import syncs the write-ahead log before the import reports it is stored (with
        ``NORMAL`` an acknowledged import was only in the operating system's cache until the
        next checkpoint, and a power cut could undo it; one fsync more per import). Foreign keys
        are not enforced: the caller has checked every unit and indicator code against the
        database (units and indicators are never deleted), and the two look-ups per value were a
        third of writing 721k values.
        """
        db = self.db
        [cache] = db.execute("PRAGMA cache_size").fetchone()
        [foreign_keys] = db.execute("PRAGMA foreign_keys").fetchone()
        db.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        db.execute("PRAGMA foreign_keys = OFF")
        try:
            yield
        finally:
            db.execute(f"PRAGMA cache_size = {int(cache)}")
            db.execute(f"PRAGMA foreign_keys = {int(foreign_keys)}")

    @contextlib.contextmanager
    def staged_batch(self, keep: bool = True) -> Iterator[None]:
        """One import: :meth:`bulk` settings and one transaction around an empty batch; the
        batch is forgotten at the end, written or not (an exception rolls everything back).
        ``keep=False`` (a dry run) rolls back whatever the run wrote on its way (the units
        before 1 July 2025 an import keyed by them adds)."""
        with self.bulk():
            with contextlib.suppress(_DryRun), self.db.atomic():
                self.clear_staged()
                yield
                self.clear_staged()
                if not keep:
                    raise _DryRun
            if not keep:
                self._unit_code_cache = None  # units added and rolled back

    def holds_values(self) -> bool:
        """Whether the database stores any value at all (a first import has fewer checks)."""
        return bool(self.db.execute("SELECT EXISTS (SELECT 1 FROM data_values)").fetchone()[0])

    def clear_staged(self) -> None:
        """Forget the batch being prepared (nothing stored is touched)."""
        self.db.execute("DELETE FROM temp.incoming_values")
        self.db.execute("DELETE FROM temp.followup_changes")
        self.db.execute("DELETE FROM temp.incoming_completions")

    def stage_values(self, rows: Iterable[tuple], detail: str | None = None) -> None:
        """Add checked rows to the batch being prepared, streaming; nothing is stored yet.

        Each row is (unit, indicator, canonical period, value, comment, stored_by, updated_at,
        followup, place), already checked by the caller (as :meth:`save_values` does, or an
        import); the last five may be None or, faster to bind, :data:`NOT_GIVEN`. ``detail``
        (for the audit: the file's name) is the same for all of them. A key staged twice keeps
        its first row; the later ones are listed in ``dup_at`` (their detail and place).
        """
        conn, rows = self.db.conn, iter(rows)
        while len(chunk := list(islice(rows, _STAGE_ROWS))) == _STAGE_ROWS:
            conn.execute(_STAGE_MANY, [*chain.from_iterable(chunk), detail])
        conn.executemany(_STAGE_ONE, [(*row, detail) for row in chunk])

    def write_staged(self, source: str) -> int:
        """Store the staged batch, auditing each change; return how many values changed.

        Call inside ``db.atomic()``. A large batch rebuilds the by-indicator index once
        instead of updating it row by row (about twice as fast for a province's import).
        """
        self._check_may_save(source)
        db = self.db
        first = not self.holds_values()
        if first:
            changes = _CHANGES_TO_NOTHING
        else:
            db.execute("DELETE FROM temp.value_changes")
            db.execute(f"INSERT INTO temp.value_changes {_CHANGES}")
            changes = "SELECT * FROM temp.value_changes"
        stamp = now_iso()
        audited = [self.stored_by, stamp, source]
        audit = _AUDIT_CHANGES.format(changes=changes)
        changed = self._chained_values(audit, *audited, self.staged_count())  # a row a change
        if changed:
            if not first:
                self._chained(_AUDIT_FOLLOWUP_CLEARED, audited)
                db.execute(_DELETE_CLEARED)
            rebuilt = self._drop_index_for_bulk(changed)
            db.execute(_UPSERT_CHANGES.format(changes=changes), [self.stored_by, stamp])
            if rebuilt:
                db.execute(rebuilt)
        if self._stages_flags():
            self._chained(_AUDIT_FOLLOWUP, audited)
            self.db.execute(_APPLY_FOLLOWUP)
        self._chained(_AUDIT_FOLLOWUP_CHANGES, audited)
        self.db.execute(_APPLY_FOLLOWUP_CHANGES)
        self._chained(_AUDIT_COMPLETIONS, audited)
        self.db.execute(_APPLY_COMPLETIONS, [self.stored_by, stamp])
        return changed

    def _stages_flags(self) -> bool:
        """Whether the batch may change any follow-up flag: a staged value flagged, or a stored
        one. A file whose every value says "no follow-up" into a file with no flag (a first
        import, a long CSV export) changes none, and auditing and applying its flags scanned
        every stored value (2.5 s of a province's import)."""
        return bool(self.db.execute(ANY_FLAG).fetchone()[0])

    def _drop_index_for_bulk(self, changed: int) -> str | None:
        """Drop the by-indicator index when rebuilding it is cheaper; return its SQL."""
        if changed < BULK_WRITE or changed * 2 < self.value_count():
            return None
        [sql] = self.db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
            [VALUES_BY_INDICATOR],
        ).fetchone() or [None]
        if sql:
            self.db.execute(f"DROP INDEX {VALUES_BY_INDICATOR}")
        return sql

    # ------------------------------------------------ what an import asks of its batch
    def staged_count(self) -> int:
        """How many values the batch holds."""
        return self.db.execute("SELECT count(*) FROM temp.incoming_values").fetchone()[0]

    def staged_duplicates(self) -> Iterator[tuple[str, str, str, list[tuple[str, str]]]]:
        """Values staged more than once: (indicator, first detail, first place, the later
        (detail, place) pairs)."""
        for code, detail, place, dup_at in self.db.execute(
            "SELECT indicator_code, detail, place, dup_at FROM temp.incoming_values"
            " WHERE dup_at IS NOT NULL"
        ):
            later = [tuple(item.split(DUP_FIELD)) for item in dup_at.split(DUP_SEPARATOR)]
            yield code, detail, place, later

    def keep_followup_changes(self) -> int:
        """Set aside, for :meth:`write_staged`, the follow-up flag of each staged value equal to
        the stored one whose flag differs (:meth:`drop_unchanged` then drops the value, and no
        conflict rule holds back a flag); return how many flags will change."""
        return self.db.execute(
            "INSERT OR REPLACE INTO temp.followup_changes"
            " SELECT i.unit_code, i.period, i.indicator_code, i.followup"
            " FROM temp.incoming_values i JOIN data_values d ON d.unit_code = i.unit_code"
            " AND d.period = i.period AND d.indicator_code = i.indicator_code"
            " WHERE i.followup IS NOT NULL AND d.followup IS NOT i.followup"
            " AND d.value IS i.value AND (i.comment IS NULL OR d.comment IS i.comment)"
        ).rowcount

    def drop_staged_nothing(self) -> int:
        """Remove from the batch the keys that bring no value and no comment where nothing is
        stored (an empty row, a DHIS2 deletion of a value never stored); return how many."""
        return self.db.execute(
            "DELETE FROM temp.incoming_values WHERE value IS NULL"
            " AND (comment IS NULL OR comment = '') AND NOT EXISTS (SELECT 1 FROM data_values d"
            " WHERE d.unit_code = incoming_values.unit_code AND d.period = incoming_values.period"
            " AND d.indicator_code = incoming_values.indicator_code)"
        ).rowcount

    def staged_deletions(self) -> int:
        """How many staged keys remove a stored value (no value and an empty comment)."""
        return self.db.execute(
            "SELECT count(*) FROM temp.incoming_values WHERE value IS NULL AND comment = ''"
        ).fetchone()[0]

    def stage_completions(self, rows: Iterable[tuple[str, str, str | None, str | None]]) -> int:
        """Add (unit, period, completed_at, completed_by) to mark complete with the batch; a
        unit-period already complete keeps its record. Return how many will be marked."""
        db = self.db
        db.conn.executemany(
            "INSERT OR IGNORE INTO temp.incoming_completions"
            " (unit_code, period, completed_at, completed_by) VALUES (?, ?, ?, ?)",
            rows,
        )
        db.execute(
            "DELETE FROM temp.incoming_completions WHERE EXISTS (SELECT 1 FROM completions c"
            " WHERE c.unit_code = incoming_completions.unit_code"
            " AND c.period = incoming_completions.period)"
        )
        return db.execute("SELECT count(*) FROM temp.incoming_completions").fetchone()[0]

    def drop_unchanged(self) -> int:
        """Remove from the batch every value equal to the stored one (a comment given must be
        equal too); return how many were removed."""
        return self.db.execute(
            "DELETE FROM temp.incoming_values WHERE EXISTS (SELECT 1 FROM data_values d"
            " WHERE d.unit_code = incoming_values.unit_code AND d.period = incoming_values.period"
            " AND d.indicator_code = incoming_values.indicator_code"
            " AND d.value IS incoming_values.value"
            " AND (incoming_values.comment IS NULL OR d.comment IS incoming_values.comment))"
        ).rowcount

    def staged_conflicts(self) -> list[tuple[str, str, str, str | None, str, str | None]]:
        """Staged values that replace a stored one: (unit, period, indicator, the batch's
        updated_at, its detail, the stored updated_at)."""
        return self.db.execute(
            "SELECT s.unit_code, s.period, s.indicator_code, s.updated_at, s.detail, d.updated_at"
            f" FROM temp.incoming_values s JOIN data_values d ON {_STAGED_KEY}"
        ).fetchall()

    def drop_staged(self, keys: Iterable[tuple[str, str, str]]) -> None:
        """Remove (unit, period, indicator) keys from the batch."""
        self.db.conn.executemany(
            "DELETE FROM temp.incoming_values"
            " WHERE unit_code = ? AND period = ? AND indicator_code = ?",
            keys,
        )

    def staged_at(self, unit_code: str, period: str) -> list[tuple[str, object, str, object]]:
        """The batch's values of one unit-period: (indicator, value, detail, place)."""
        return self.db.execute(
            "SELECT indicator_code, value, detail, place FROM temp.incoming_values"
            " WHERE unit_code = ? AND period = ?",
            [unit_code, period],
        ).fetchall()

    def staged_preview(self, limit: int) -> list[tuple]:
        """The first ``limit`` staged values with the unit's name and the value each replaces:
        (unit, indicator, period, value, detail, place, unit name, stored value)."""
        return self.db.execute(
            "SELECT s.unit_code, s.indicator_code, s.period, s.value, s.detail, s.place, u.name,"
            f" d.value FROM (SELECT * FROM temp.incoming_values LIMIT {int(limit)}) s"
            " JOIN units u ON u.code = s.unit_code"
            f" LEFT JOIN data_values d ON {_STAGED_KEY}"
        ).fetchall()


_STAGED_KEY = (
    "d.unit_code = s.unit_code AND d.period = s.period AND d.indicator_code = s.indicator_code"
)
