"""The value store: the one API through which the GUI, the CLI and importers read and write."""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import chain, islice
from pathlib import Path

from ictdesk.core.catalogue import Catalogue, Indicator, TimeAggregation
from ictdesk.core.database import (
    create_database,
    full_check_due,
    inspect_file,
    open_database,
    unit_path,
    upgrade_database,
    upgrade_due,
)
from ictdesk.core.errors import StorageError, UnknownUnit, ValueRejected
from ictdesk.core.filesystem import is_network_path
from ictdesk.core.numbers import ValueType
from ictdesk.core.periods import Period, PeriodType, canonical_period
from ictdesk.core.sqlite_library import sqlite_utils
from ictdesk.core.units import Unit, UnitLevel, code_readings, search_key
from ictdesk.core.validation import (
    DEFAULT_OUTLIER_SHARE,
    LARGEST_EXACT,
    Importance,
    Rule,
    Violation,
    check_outlier,
    check_rules,
    check_value,
)

SOURCES = ("form", "grid", "import", "undo", "demo")
VALUES_BY_INDICATOR = "data_values_by_indicator"
_FINER_TYPES = (PeriodType.HALF, PeriodType.QUARTER, PeriodType.MONTH)


@dataclass(frozen=True)
class StoredValue:
    """One stored value with its metadata."""

    unit_code: str
    indicator_code: str
    period: str
    value: int | float | None
    comment: str | None
    followup: bool
    stored_by: str
    updated_at: str


@dataclass(frozen=True)
class AuditEntry:
    """One row of the append-only audit log."""

    changed_at: str
    stored_by: str
    old_value: int | float | None
    new_value: int | float | None
    source: str
    old_comment: str | None = None
    new_comment: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class ValueWrite:
    """One value to write in a batch (see :meth:`ValueStore.save_values`).

    ``stored_by`` and ``updated_at`` are kept from the source when given (imports), ``detail``
    goes to the audit log (e.g. the imported file's name), ``followup`` sets the flag.
    """

    unit_code: str
    indicator_code: str
    period: str
    value: int | float | None
    comment: str | None = None
    stored_by: str | None = None
    updated_at: str | None = None
    detail: str | None = None
    followup: bool | None = None


_TEMP_TABLES = (
    # The batch being written. ``place`` says where an imported value came from; a key staged
    # twice keeps its first row and lists the later places in ``dup_at`` (see stage_values).
    "CREATE TEMP TABLE IF NOT EXISTS incoming_values (unit_code TEXT NOT NULL,"
    " indicator_code TEXT NOT NULL, period TEXT NOT NULL, value NUMERIC, comment TEXT,"
    " stored_by TEXT, updated_at TEXT, detail TEXT, followup INTEGER, place,"
    " dup_at TEXT, PRIMARY KEY (unit_code, period, indicator_code)) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS value_changes (unit_code TEXT, indicator_code TEXT,"
    " period TEXT, old_value NUMERIC, new_value NUMERIC, old_comment TEXT, new_comment TEXT,"
    " stored_by TEXT, updated_at TEXT, detail TEXT)",
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
_AUDIT_CHANGES = """
INSERT INTO audit_log (unit_code, indicator_code, period, old_value, new_value, old_comment,
                       new_comment, stored_by, changed_at, source, source_detail)
SELECT unit_code, indicator_code, period, old_value, new_value, old_comment, new_comment,
       ?1, ?2, ?3, detail
FROM ({changes})
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


def now_iso() -> str:
    """The current UTC time as ISO 8601 with milliseconds, as stored in ``updated_at``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def default_user() -> str:
    """The operating-system user name, used as ``stored_by`` when none is configured."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _unit_from_row(row: dict) -> Unit:
    return Unit(
        row["code"],
        row["name"],
        UnitLevel(row["level"]),
        row["parent_code"],
        row["valid_from"],
        row["valid_to"],
    )


def _period_bounds(ptype: PeriodType, year: int) -> tuple[str, str]:
    """The text range [low, high) holding every period of ``ptype`` in ``year``, and no other."""
    suffixes = {
        PeriodType.YEAR: ("", "0"),  # "2025" itself: "20250…" and longer sort after it
        PeriodType.HALF: ("S", "T"),
        PeriodType.QUARTER: ("Q", "R"),
        PeriodType.MONTH: ("0", "2"),  # "202501"–"202512"
    }[ptype]
    return f"{year:04d}{suffixes[0]}", f"{year:04d}{suffixes[1]}"


class ValueStore:
    """Units, catalogue, values, targets, settings and audit of one ictdesk database."""

    def __init__(
        self, db: sqlite_utils.Database, path: Path | None = None, read_only: bool = False
    ):
        self.db = db
        self._settings: dict[str, str | None] = {}
        self.path = path
        self.read_only = read_only
        self.on_network = bool(path) and is_network_path(path)
        self.stored_by = self.setting("stored_by") or default_user()
        self._catalogue: Catalogue | None = None
        self._unit_code_cache: set[str] | None = None
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute(_TEMP_TABLES[0])
        db.execute(_TEMP_TABLES[1])

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, checked: bool = False) -> ValueStore:
        """Open the ictdesk database at ``path`` (see :func:`open_database` for the errors).

        A file the user cannot write opens read-only; check :attr:`read_only`. ``checked``:
        :meth:`check_file` has just passed, so the daily full check is not run again.
        """
        try:
            writable = not read_only and os.access(path, os.W_OK)
            db = open_database(path, read_only=not writable, checked=checked)
            return cls(db, Path(path), not writable)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open {path}: {exc}") from exc

    @staticmethod
    def full_check_due(path: str | Path) -> bool:
        """Whether opening ``path`` would first read the whole file (daily, or after a crash):
        seconds for a national database, worth doing in the background (:meth:`check_file`)."""
        return full_check_due(Path(path))

    @staticmethod
    def check_file(path: str | Path) -> None:
        """Read the whole file for damage (any thread: it opens its own connection)."""
        inspect_file(Path(path), full=True)

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
    def create(path: str | Path, settings: dict[str, str] | None = None) -> None:
        """Create a new, empty ictdesk database at ``path`` (see :func:`create_database`)."""
        try:
            create_database(path, settings)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot create {path}: {exc}") from exc

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def _writing(self, what: str):
        """Turn SQLite's refusals (read-only, disk full, locked) into a :class:`StorageError`."""
        try:
            yield
        except sqlite3.Error as exc:
            raise StorageError(f"{what}: {exc}") from exc

    # ----------------------------------------------------------------- settings
    def setting(self, key: str, default: str | None = None) -> str | None:
        """A setting of this database (cached; :meth:`set_setting` keeps the cache right)."""
        if key not in self._settings:
            row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
            self._settings[key] = row[0] if row else None
        value = self._settings[key]
        return default if value is None else value

    def set_setting(self, key: str, value: str | None) -> None:
        try:
            with self.db.atomic():
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )
        except sqlite3.Error as exc:
            raise StorageError(f"the setting was not saved: {exc}") from exc
        finally:
            self._settings.pop(key, None)

    @property
    def province_code(self) -> str | None:
        """The province this database reports for, or ``None`` for a national database."""
        return self.setting("province_code")

    # ---------------------------------------------------------------- catalogue
    @property
    def catalogue(self) -> Catalogue:
        """The indicator catalogue stored in this database (shipped plus custom indicators)."""
        if self._catalogue is None:
            pillars = list(self.db.query("SELECT * FROM pillars ORDER BY sort_order"))
            indicators = []
            for r in self.db.query("SELECT * FROM indicators ORDER BY sort_order, code"):
                record = dict(r, min=r["min_value"], max=r["max_value"])
                if r["formula_numerator"]:
                    record["formula"] = {
                        "numerator": r["formula_numerator"],
                        "denominator": r["formula_denominator"],
                        "multiplier": r["formula_multiplier"] or 100.0,
                    }
                indicators.append(record)
            # the same reader as the shipped catalogue file: one place knows the fields
            self._catalogue = Catalogue.from_dict({"pillars": pillars, "indicators": indicators})
        return self._catalogue

    # -------------------------------------------------------------------- units
    def unit(self, code: str) -> Unit:
        """The unit with this code; raise :class:`UnknownUnit`."""
        row = next(self.db.query("SELECT * FROM units WHERE code = ?", [code]), None)
        if row is None:
            raise UnknownUnit(f"unknown unit code: {code}")
        return _unit_from_row(row)

    def unit_code(self, text: str) -> str:
        """The unit code ``text`` means: as given, or a GSO code a spreadsheet stripped of its
        leading zero ("4792" for "04792"); raise :class:`UnknownUnit`."""
        for candidate in code_readings(text):
            if self.has_unit(candidate):
                return candidate
        raise UnknownUnit(f"unknown unit code: {text}")

    def has_unit(self, code: str) -> bool:
        return self.db.execute("SELECT 1 FROM units WHERE code = ?", [code]).fetchone() is not None

    def root_units(self) -> list[Unit]:
        """The top of the unit tree: this database's province, or every province."""
        province = self.province_code
        if province and self.has_unit(province):
            return [self.unit(province)]
        return [
            _unit_from_row(r)
            for r in self.db.query("SELECT * FROM units WHERE parent_code IS NULL ORDER BY code")
        ]

    def children(self, code: str) -> list[Unit]:
        """The direct children of a unit, ordered by code."""
        return [
            _unit_from_row(r)
            for r in self.db.query(
                "SELECT * FROM units WHERE parent_code = ? ORDER BY code", [code]
            )
        ]

    def child_count(self, code: str) -> int:
        return self.child_counts([code])[code]

    def child_counts(self, codes: list[str]) -> dict[str, int]:
        """How many children each of ``codes`` has, in one query (0 for none)."""
        counts = dict.fromkeys(codes, 0)
        for start in range(0, len(codes), 500):
            block = codes[start : start + 500]
            counts.update(
                self.db.execute(
                    "SELECT parent_code, count(*) FROM units"
                    f" WHERE parent_code IN ({','.join('?' * len(block))}) GROUP BY parent_code",
                    block,
                ).fetchall()
            )
        return counts

    def search_units(self, text: str, within: str | None = None, limit: int = 500) -> list[Unit]:
        """Units whose name or code contains ``text``, diacritics ignored, within a subtree."""
        key = f"%{search_key(text.strip())}%"
        sql = "SELECT * FROM units WHERE (search_key LIKE ? OR code LIKE ?)"
        params: list = [key, f"{text.strip()}%"]
        if within:
            sql += " AND path >= ? AND path < ?"
            params.extend(_path_range(self._path(within)))
        sql += " ORDER BY path LIMIT ?"
        params.append(limit)
        return [_unit_from_row(r) for r in self.db.query(sql, params)]

    def ancestors(self, code: str) -> list[Unit]:
        """The chain of units from the top down to ``code``'s parent."""
        codes = [c for c in self._path(code).strip("/").split("/")][:-1]
        return [self.unit(c) for c in codes]

    def subtree_bounds(self, code: str) -> tuple[str, str]:
        """``(low, high)`` such that ``low <= units.path < high`` selects ``code``'s subtree."""
        return _path_range(self._path(code))

    def _path(self, code: str) -> str:
        row = self.db.execute("SELECT path FROM units WHERE code = ?", [code]).fetchone()
        if row is None:
            raise UnknownUnit(f"unknown unit code: {code}")
        return row[0]

    def add_unit(
        self,
        code: str,
        name: str,
        level: UnitLevel,
        parent_code: str | None,
        valid_from: str | None = None,
        valid_to: str | None = None,
    ) -> Unit:
        """Add a user-defined unit (a village, or a pre-2025 district) under ``parent_code``."""
        code, name = code.strip(), name.strip()
        if not code or not name:
            raise ValueRejected("a unit needs a code and a name")
        if self.has_unit(code):
            raise ValueRejected(f"unit code already exists: {code}")
        parent_path = self._path(parent_code) if parent_code else None
        self._unit_code_cache = None
        with self._writing("the unit was not added"), self.db.atomic():
            self.db.execute(
                "INSERT INTO units (code, name, level, parent_code, path, search_key, valid_from,"
                " valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    code,
                    name,
                    level.value,
                    parent_code,
                    unit_path(parent_path, code),
                    search_key(name),
                    valid_from,
                    valid_to,
                ],
            )
        return self.unit(code)

    # ------------------------------------------------------------------- values
    def values_for(self, unit_code: str, period: str) -> dict[str, StoredValue]:
        """Every stored value of one unit and period, keyed by indicator code."""
        rows = self.db.query(
            "SELECT * FROM data_values WHERE unit_code = ? AND period = ?", [unit_code, period]
        )
        return {r["indicator_code"]: self._stored(r) for r in rows}

    def value(self, unit_code: str, indicator_code: str, period: str) -> StoredValue | None:
        row = next(
            self.db.query(
                "SELECT * FROM data_values"
                " WHERE unit_code = ? AND period = ? AND indicator_code = ?",
                [unit_code, period, indicator_code],
            ),
            None,
        )
        return self._stored(row) if row else None

    @staticmethod
    def _stored(row: dict) -> StoredValue:
        return StoredValue(
            row["unit_code"],
            row["indicator_code"],
            row["period"],
            row["value"],
            row["comment"],
            bool(row["followup"]),
            row["stored_by"],
            row["updated_at"],
        )

    def grid(
        self, period: str, parent_code: str, indicator_codes: list[str] | None = None
    ) -> list[tuple[Unit, dict[str, int | float | None]]]:
        """One period for every child of ``parent_code``: (unit, {indicator: value}) rows.

        Only stored values are returned (entered indicators); a missing value is ``None``.
        """
        units = self.children(parent_code)
        values = self.values_for_units(period, [u.code for u in units], indicator_codes)
        return [(u, values[u.code]) for u in units]

    def values_for_units(
        self, period: str, unit_codes: list[str], indicator_codes: list[str] | None = None
    ) -> dict[str, dict[str, int | float | None]]:
        """{unit: {indicator: value}} of one period for a block of units (a grid's rows)."""
        Period.parse(period)
        codes = indicator_codes or [i.code for i in self.catalogue.entered]
        result: dict[str, dict[str, int | float | None]] = {
            u: dict.fromkeys(codes) for u in unit_codes
        }
        wanted = set(codes)
        for start in range(0, len(unit_codes), 500):  # stay under SQLite's variable limit
            block = unit_codes[start : start + 500]
            marks = ",".join("?" * len(block))
            for unit_code, indicator_code, value in self.db.execute(
                "SELECT unit_code, indicator_code, value FROM data_values"
                f" WHERE period = ? AND unit_code IN ({marks})",
                [period, *block],
            ):
                if indicator_code in wanted:
                    result[unit_code][indicator_code] = value
        return result

    def marks_for_units(self, period: str, unit_codes: list[str]) -> dict[tuple[str, str], str]:
        """{(unit, indicator): marks} for values with a comment ("c") or a follow-up flag ("f")."""
        marks: dict[tuple[str, str], str] = {}
        for start in range(0, len(unit_codes), 500):
            block = unit_codes[start : start + 500]
            for unit_code, code, comment, followup in self.db.execute(
                "SELECT unit_code, indicator_code, comment, followup FROM data_values"
                f" WHERE period = ? AND unit_code IN ({','.join('?' * len(block))})"
                " AND (comment IS NOT NULL OR followup)",
                [period, *block],
            ):
                marks[(unit_code, code)] = ("c" if comment else "") + ("f" if followup else "")
        return marks

    def filled_count(self, unit_code: str, period: str) -> int:
        """How many indicators of one unit and period hold a value."""
        return self.db.execute(
            "SELECT count(*) FROM data_values WHERE unit_code = ? AND period = ?"
            " AND value IS NOT NULL",
            [unit_code, period],
        ).fetchone()[0]

    def _unit_codes(self) -> set[str]:
        if self._unit_code_cache is None:
            self._unit_code_cache = {r[0] for r in self.db.execute("SELECT code FROM units")}
        return self._unit_code_cache

    def _check_write(self, write: ValueWrite) -> tuple[str | None, tuple]:
        """Validate one write; return its audit detail and its staging row (see stage_values)."""
        indicator = self.catalogue[write.indicator_code]
        if indicator.is_derived:
            raise ValueRejected(f"{indicator.code} is computed, it cannot be typed")
        period = canonical_period(write.period)  # " 2024Q1 " is stored as "2024Q1"
        if write.unit_code not in self._unit_codes():
            raise UnknownUnit(f"unknown unit code: {write.unit_code}")
        value = write.value
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueRejected(f"{indicator.code}: not a number: {value!r}")
            if value != value or value in (float("inf"), float("-inf")):
                raise ValueRejected(f"{indicator.code}: not a finite number")
            if abs(value) > LARGEST_EXACT:
                raise ValueRejected(f"{indicator.code}: the number is too large")
            if indicator.value_type is ValueType.INTEGER:
                if not float(value).is_integer():
                    raise ValueRejected(f"{indicator.code}: a whole number is expected")
                value = int(value)
            out_of_range = [v for v in check_value(indicator, value) if v.kind == "range"]
            if out_of_range:  # a negative count, a share over 100 %: never stored
                raise ValueRejected(out_of_range[0].message_en)
            elif isinstance(value, float) and value.is_integer():
                value = int(value)
        followup = None if write.followup is None else int(write.followup)
        return write.detail, (
            write.unit_code,
            write.indicator_code,
            period,
            value,
            write.comment,
            write.stored_by,
            write.updated_at,
            followup,
            None,  # place: where an imported value came from
        )

    def save_value(
        self,
        unit_code: str,
        indicator_code: str,
        period: str,
        value: int | float | None,
        *,
        comment: str | None = None,
        source: str = "form",
    ) -> bool:
        """Store one value (``None`` clears it) and audit the change; True if anything changed."""
        return bool(
            self.save_values(
                [ValueWrite(unit_code, indicator_code, period, value, comment)], source=source
            )
        )

    def save_values(self, writes: Iterable[ValueWrite], *, source: str) -> int:
        """Store many values in one transaction, auditing each change; return how many changed.

        ``comment=None`` keeps a value's existing comment, ``""`` clears it. A value set to
        ``None`` with no comment left is removed. Unchanged values are not touched. Either every
        write is stored or, if one is rejected, none is. Later writes to the same key win.
        """
        if source not in SOURCES:
            raise ValueRejected(f"unknown source: {source}")
        if self.read_only:
            raise StorageError("the database is open read-only; nothing was saved")
        rows = {}
        for write in writes:
            detail, row = self._check_write(write)
            rows[row[:3]] = detail, row
        if not rows:
            return 0
        try:
            return self._write_batch(rows.values(), source)
        except sqlite3.Error as exc:
            raise StorageError(f"the values were not saved: {exc}") from exc

    def _write_batch(self, rows, source: str) -> int:
        with self.db.atomic():
            self.clear_staged()
            by_detail = defaultdict(list)  # the audit's detail, per write (usually all None)
            for detail, row in rows:
                by_detail[detail].append(row)
            for detail, group in by_detail.items():
                self.stage_values(group, detail)
            changed = self.write_staged(source)
            self.clear_staged()
        return changed

    # ------------------------------------------------------------ staged batches
    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Settings for one large batch of checked rows (an import); enter it outside a
        transaction, where SQLite takes them.

        A 64 MB page cache. In WAL mode ``synchronous = NORMAL``, whose commit skips one fsync
        of the WAL: the checkpoint that follows a commit this large syncs it anyway, and a
        power cut in between can only undo the whole batch, never damage the file (SQLite's
        WAL guarantee). Foreign keys are not enforced: the caller has checked every unit and
        indicator code against the database (units and indicators are never deleted), and
        the two look-ups per value were a third of writing 721k values.
        """
        db = self.db
        [cache] = db.execute("PRAGMA cache_size").fetchone()
        [synchronous] = db.execute("PRAGMA synchronous").fetchone()
        [journal] = db.execute("PRAGMA journal_mode").fetchone()
        [foreign_keys] = db.execute("PRAGMA foreign_keys").fetchone()
        db.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        db.execute("PRAGMA foreign_keys = OFF")
        if journal == "wal":
            db.execute("PRAGMA synchronous = NORMAL")
        try:
            yield
        finally:
            db.execute(f"PRAGMA cache_size = {int(cache)}")
            db.execute(f"PRAGMA synchronous = {int(synchronous)}")
            db.execute(f"PRAGMA foreign_keys = {int(foreign_keys)}")

    def clear_staged(self) -> None:
        """Forget the batch being prepared (nothing stored is touched)."""
        self.db.execute("DELETE FROM temp.incoming_values")

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
        if source not in SOURCES:
            raise ValueRejected(f"unknown source: {source}")
        if self.read_only:
            raise StorageError("the database is open read-only; nothing was saved")
        db = self.db
        first = not db.execute("SELECT EXISTS (SELECT 1 FROM data_values)").fetchone()[0]
        if first:
            changes = _CHANGES_TO_NOTHING
        else:
            db.execute("DELETE FROM temp.value_changes")
            db.execute(f"INSERT INTO temp.value_changes {_CHANGES}")
            changes = "SELECT * FROM temp.value_changes"
        stamp = now_iso()
        audit = _AUDIT_CHANGES.format(changes=changes)
        changed = db.execute(audit, [self.stored_by, stamp, source]).rowcount  # a row a change
        if changed:
            if not first:
                db.execute(_DELETE_CLEARED)
            rebuilt = self._drop_index_for_bulk(changed)
            db.execute(_UPSERT_CHANGES.format(changes=changes), [self.stored_by, stamp])
            if rebuilt:
                db.execute(rebuilt)
        self.db.execute(_APPLY_FOLLOWUP)
        return changed

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

    def set_followup(self, unit_code: str, indicator_code: str, period: str, flag: bool) -> None:
        """Flag (or unflag) a stored value for follow-up, as DHIS2 does."""
        try:
            with self.db.atomic():
                self.db.execute(
                    "UPDATE data_values SET followup = ?"
                    " WHERE unit_code = ? AND period = ? AND indicator_code = ?",
                    [int(flag), unit_code, period, indicator_code],
                )
        except sqlite3.Error as exc:
            raise StorageError(f"the follow-up flag was not saved: {exc}") from exc

    # -------------------------------------------------------------- completion
    def is_complete(self, unit_code: str, period: str) -> bool:
        return (
            self.db.execute(
                "SELECT 1 FROM completions WHERE unit_code = ? AND period = ?", [unit_code, period]
            ).fetchone()
            is not None
        )

    def set_complete(self, unit_code: str, period: str, complete: bool = True) -> None:
        """Mark a unit-period complete (or reopen it)."""
        try:
            with self.db.atomic():
                if complete:
                    self.db.execute(
                        "INSERT OR REPLACE INTO completions (unit_code, period, completed_by,"
                        " completed_at) VALUES (?, ?, ?, ?)",
                        [unit_code, period, self.stored_by, now_iso()],
                    )
                else:
                    self.db.execute(
                        "DELETE FROM completions WHERE unit_code = ? AND period = ?",
                        [unit_code, period],
                    )
        except sqlite3.Error as exc:
            raise StorageError(f"the completion was not saved: {exc}") from exc

    # -------------------------------------------------------------- validation
    def rules(self) -> list[Rule]:
        """The validation rules stored in this database."""
        return [
            Rule(
                r["id"],
                r["left_code"],
                r["op"],
                r["right_code"],
                Importance(r["importance"]),
                r["message_vi"],
                r["message_en"],
            )
            for r in self.db.query("SELECT * FROM validation_rules ORDER BY id")
        ]

    @property
    def outlier_share(self) -> float:
        """How far a stock may move between periods before a warning (0.5 = ±50%)."""
        try:
            return float(self.setting("outlier_share") or DEFAULT_OUTLIER_SHARE)
        except ValueError:
            return DEFAULT_OUTLIER_SHARE

    def check(
        self,
        unit_code: str,
        period: str,
        values: dict[str, float | None],
        only: str | None = None,
        rules: list[Rule] | None = None,
        previous: dict[str, float | None] | None = None,
    ) -> list[Violation]:
        """Every violation of one unit-period's ``values`` (or only those of one indicator).

        Range and type per indicator, cross-indicator rules, and outliers against the previous
        period's stored values (read here unless given, see :meth:`previous_values`).
        """
        catalogue = self.catalogue
        if previous is None:
            stored = self.values_for(unit_code, Period.parse(period).previous().iso)
            previous = {code: v.value for code, v in stored.items()}
        found: list[Violation] = []
        codes = [only] if only else [code for code in values if code in catalogue]
        share = self.outlier_share
        for code in codes:
            indicator = catalogue[code]
            value = values.get(code)
            found += check_value(indicator, value)
            found += check_outlier(indicator, value, previous.get(code), share)
        found += check_rules(values, self.rules() if rules is None else rules, only)
        return [v.located(unit_code, period) for v in found]

    def previous_values(
        self, places: set[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[str, float | None]]:
        """For many (unit, period): the values of the period before, read in a few queries."""
        wanted: dict[str, list[str]] = defaultdict(list)
        for unit, period in places:
            wanted[Period.parse(period).previous().iso].append(unit)
        found: dict[tuple[str, str], dict[str, float | None]] = {place: {} for place in places}
        previous_of = {Period.parse(p).previous().iso: p for _, p in places}
        for before, units in wanted.items():
            for start in range(0, len(units), 500):
                block = units[start : start + 500]
                for unit, code, value in self.db.execute(
                    "SELECT unit_code, indicator_code, value FROM data_values"
                    f" WHERE period = ? AND unit_code IN ({','.join('?' * len(block))})",
                    [before, *block],
                ):
                    found[(unit, previous_of[before])][code] = value
        return found

    def validate_period(self, period: str, root_code: str) -> list[Violation]:
        """Check every unit under ``root_code`` (itself included) that has values in ``period``."""
        Period.parse(period)
        low, high = _path_range(self._path(root_code))
        by_unit: dict[str, dict[str, float | None]] = defaultdict(dict)
        for unit_code, code, value in self.db.execute(
            "SELECT v.unit_code, v.indicator_code, v.value FROM data_values v"
            " JOIN units u ON u.code = v.unit_code"
            " WHERE v.period = ? AND u.path >= ? AND u.path < ? AND v.value IS NOT NULL"
            " ORDER BY u.path",
            [period, low, high],
        ):
            by_unit[unit_code][code] = value
        rules = self.rules()
        found: list[Violation] = []
        for unit_code, values in by_unit.items():
            found += self.check(unit_code, period, values, rules=rules)
        return found

    def completeness(self, period: str, parent_code: str) -> list[tuple[Unit, int, int]]:
        """(unit, indicators filled, indicators expected) for every child of ``parent_code``."""
        expected = len(self.catalogue.entered)
        counts = dict(
            self.db.execute(
                "SELECT v.unit_code, count(*) FROM data_values v"
                " JOIN units u ON u.code = v.unit_code"
                " WHERE v.period = ? AND u.parent_code = ? AND v.value IS NOT NULL"
                " GROUP BY v.unit_code",
                [period, parent_code],
            ).fetchall()
        )
        return [(u, counts.get(u.code, 0), expected) for u in self.children(parent_code)]

    def history(self, unit_code: str, indicator_code: str, period: str) -> list[AuditEntry]:
        """The audit trail of one value, oldest first."""
        return [
            AuditEntry(
                r["changed_at"],
                r["stored_by"],
                r["old_value"],
                r["new_value"],
                r["source"],
                r["old_comment"],
                r["new_comment"],
                r["source_detail"],
            )
            for r in self.db.query(
                "SELECT * FROM audit_log WHERE unit_code = ? AND indicator_code = ? AND period = ?"
                " ORDER BY id",
                [unit_code, indicator_code, period],
            )
        ]

    def latest_period(self, ptype: PeriodType = PeriodType.QUARTER) -> Period | None:
        """The latest period of type ``ptype`` that holds any value, or ``None``.

        Each indicator's periods are sought year by year, newest first, in the by-indicator
        index (a type's periods of one year sort together: ``2025Q1``–``2025Q4`` lie between
        ``2025Q`` and ``2025R``): a few seeks each, even where only months are stored.
        """
        latest: str | None = None
        for indicator in self.catalogue.entered:
            first, last = self.db.execute(
                "SELECT min(period), max(period) FROM data_values WHERE indicator_code = ?",
                [indicator.code],
            ).fetchone()
            if last is None:
                continue
            oldest = int(first[:4])
            if latest is not None:
                oldest = max(oldest, int(latest[:4]))
            for year in range(int(last[:4]), oldest - 1, -1):
                low, high = _period_bounds(ptype, year)
                row = self.db.execute(
                    "SELECT period FROM data_values WHERE indicator_code = ? AND period >= ?"
                    " AND period < ? ORDER BY period DESC LIMIT 1",
                    [indicator.code, low, high],
                ).fetchone()
                if row:
                    if latest is None or row[0] > latest:
                        latest = row[0]
                    break
        return Period.parse(latest) if latest else None

    def value_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM data_values").fetchone()[0]

    # ------------------------------------------------------------------ targets
    def set_target(
        self, indicator_code: str, unit_code: str, year: int, value: float, document: str = ""
    ) -> None:
        """Set the target of an indicator for a unit and year (replacing any previous one)."""
        self.catalogue[indicator_code]
        if not self.has_unit(unit_code):
            raise UnknownUnit(f"unknown unit code: {unit_code}")
        with self._writing("the target was not saved"), self.db.atomic():
            self.db.execute(
                "INSERT OR REPLACE INTO targets (indicator_code, unit_code, year, value, document)"
                " VALUES (?, ?, ?, ?, ?)",
                [indicator_code, unit_code, year, value, document],
            )

    def target(self, indicator_code: str, unit_code: str, year: int) -> float | None:
        """The target for this unit and year, else the nearest ancestor's, else ``None``."""
        chain = [unit_code] + [u.code for u in reversed(self.ancestors(unit_code))]
        for code in chain:
            row = self.db.execute(
                "SELECT value FROM targets WHERE indicator_code = ? AND unit_code = ? AND year = ?",
                [indicator_code, code, year],
            ).fetchone()
            if row:
                return row[0]
        return None

    def targets_for(self, unit_code: str, year: int) -> dict[str, tuple[float, str]]:
        """Every indicator's (target, document) for a unit and year, nearest ancestor's if none."""
        chain = [unit_code] + [u.code for u in reversed(self.ancestors(unit_code))]
        found: dict[str, tuple[float, str]] = {}
        for code in chain:
            for indicator, value, document in self.db.execute(
                "SELECT indicator_code, value, document FROM targets"
                " WHERE unit_code = ? AND year = ?",
                [code, year],
            ):
                found.setdefault(indicator, (value, document))
        return found

    # --------------------------------------------------------------- aggregates
    def aggregate(self, indicator_code: str, unit_code: str, period: str) -> float | None:
        """One indicator for a unit and period, aggregated up the tree and over time."""
        return self.series(indicator_code, unit_code, [period])[period]

    def aggregates(self, unit_code: str, period: str) -> dict[str, float | None]:
        """Every indicator (entered and derived) of a unit's subtree for one period."""
        return self.subtree_aggregates(unit_code, period, [unit_code])[unit_code]

    def subtree_aggregates(
        self, unit_code: str, period: str, unit_codes: list[str]
    ) -> dict[str, dict[str, float | None]]:
        """:meth:`aggregates` of several units of ``unit_code``'s subtree (itself included),
        reading the subtree once. A period with nothing stored is made of its sub-periods, as
        everywhere: a year of quarterly values is their sum (flows) or its last (stocks)."""
        target = Period.parse(period)
        catalogue = self.catalogue
        tree = _SubtreeValues(self, unit_code, catalogue.entered, [target])
        results = {}
        for code in unit_codes:
            result: dict[str, float | None] = {
                ind.code: tree.entered(code, ind, target) for ind in catalogue.entered
            }
            for ind in catalogue.derived:
                num, den = catalogue[ind.formula.numerator], catalogue[ind.formula.denominator]
                pair = tree.pair(code, num, den, target)
                result[ind.code] = ind.formula.apply(*pair) if pair else None
            results[code] = result
        return results

    def series(
        self, indicator_code: str, unit_code: str, periods: list[str]
    ) -> dict[str, float | None]:
        """An indicator for one unit over several periods, aggregated up the tree and over time.

        Over time a stock takes its last sub-period value, a flow the sum. Up the tree a unit's
        own value wins; otherwise its children are summed. A rate is Σnumerator / Σdenominator
        over the units where both parts are known, never a mean of rates. Missing is ``None``.
        """
        indicator = self.catalogue[indicator_code]
        parsed = [Period.parse(p) for p in periods]
        if indicator.formula is None:
            tree = _SubtreeValues(self, unit_code, [indicator], parsed)
            return {p.iso: tree.entered(unit_code, indicator, p) for p in parsed}
        formula = indicator.formula
        parts = [self.catalogue[formula.numerator], self.catalogue[formula.denominator]]
        tree = _SubtreeValues(self, unit_code, parts, parsed)
        result = {}
        for p in parsed:
            pair = tree.pair(unit_code, parts[0], parts[1], p)
            result[p.iso] = formula.apply(*pair) if pair else None
        return result


def _path_range(prefix: str) -> tuple[str, str]:
    """Bounds such that ``low <= path < high`` selects exactly the paths under ``prefix``."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


class _SubtreeValues:
    """Values of a few indicators over a subtree, fetched in one query, aggregated in memory."""

    def __init__(
        self, store: ValueStore, unit_code: str, indicators: list[Indicator], periods: list[Period]
    ):
        prefix = store._path(unit_code)
        wanted: set[str] = set()
        for p in periods:
            wanted.add(p.iso)
            for ptype in _FINER_TYPES:
                if ptype.months < p.type.months:
                    wanted.update(s.iso for s in p.sub_periods(ptype))
        codes = [i.code for i in indicators]
        self.children: dict[str, list[str]] = defaultdict(list)
        low, high = _path_range(prefix)
        for code, parent in store.db.execute(
            "SELECT code, parent_code FROM units WHERE path >= ? AND path < ? AND code != ?",
            [low, high, unit_code],
        ):
            self.children[parent].append(code)
        self.rows: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
        period_list = sorted(wanted)
        marks = ",".join("?" * len(period_list))
        code_marks = ",".join("?" * len(codes))
        # Units first: each unit of the subtree is sought in the by-indicator index (4 ms for a
        # province's month in a national database, instead of 28 ms scanning every unit's
        # values of the month and keeping the subtree's). The scan wins only near the whole
        # country (86 ms against 131 ms), which is no unit's subtree.
        query = (
            "SELECT v.unit_code, v.indicator_code, v.period, v.value"
            " FROM units u CROSS JOIN data_values v ON v.unit_code = u.code"
            f" WHERE v.indicator_code IN ({code_marks}) AND v.period IN ({marks})"
            " AND u.path >= ? AND u.path < ? AND v.value IS NOT NULL"
        )
        for unit, ind, period, value in store.db.execute(query, [*codes, *period_list, low, high]):
            self.rows[(unit, ind)][period] = value

    def own(self, unit_code: str, indicator: Indicator, period: Period) -> float | None:
        """The unit's own value for ``period``, from the period itself or its sub-periods."""
        values = self.rows.get((unit_code, indicator.code))
        if not values:
            return None
        iso = period.iso
        if iso in values:
            return values[iso]
        for ptype in _FINER_TYPES:
            if ptype.months >= period.type.months:
                continue
            present = [values[s.iso] for s in period.sub_periods(ptype) if s.iso in values]
            if present:
                if indicator.time_aggregation is TimeAggregation.SUM:
                    return sum(present)
                return present[-1]
        return None

    def entered(self, unit_code: str, indicator: Indicator, period: Period) -> float | None:
        own = self.own(unit_code, indicator, period)
        if own is not None:
            return own
        parts = [self.entered(c, indicator, period) for c in self.children.get(unit_code, [])]
        known = [v for v in parts if v is not None]
        return sum(known) if known else None

    def pair(
        self, unit_code: str, numerator: Indicator, denominator: Indicator, period: Period
    ) -> tuple[float, float] | None:
        num = self.own(unit_code, numerator, period)
        den = self.own(unit_code, denominator, period)
        if num is not None and den is not None:
            return num, den
        pairs = [
            self.pair(c, numerator, denominator, period) for c in self.children.get(unit_code, [])
        ]
        known = [p for p in pairs if p is not None]
        if not known:
            return None
        return sum(p[0] for p in known), sum(p[1] for p in known)
