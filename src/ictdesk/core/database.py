"""Opening, creating and migrating ictdesk database files (SQLite through sqlite-utils)."""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import sqlite3
import tempfile
from pathlib import Path

from ictdesk.core.errors import DatabaseTooNew, DatabaseUnavailable, NotAnIctdeskDatabase
from ictdesk.core.filesystem import is_network_path
from ictdesk.core.resources import resource_path
from ictdesk.core.sqlite_library import sqlite_utils
from ictdesk.core.units import Unit, official_communes, official_provinces, search_key

APPLICATION_ID = 0x49435444  # "ICTD": marks a SQLite file as an ictdesk database
SQLITE_HEADER = b"SQLite format 3\x00"
WAL_FILES = ("-wal", "-shm")

migrations = sqlite_utils.Migrations("ictdesk")


@migrations()
def m001_core_schema(db: sqlite_utils.Database) -> None:
    """Units, catalogue, values, audit log, targets, validation rules and settings."""
    _execute_script(
        db,
        """
        CREATE TABLE units (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            level TEXT NOT NULL CHECK (level IN ('province','district','commune','village')),
            parent_code TEXT REFERENCES units(code),
            path TEXT NOT NULL,
            search_key TEXT NOT NULL,
            valid_from TEXT,
            valid_to TEXT,
            official INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX units_by_parent ON units(parent_code, code);
        CREATE INDEX units_by_path ON units(path);

        CREATE TABLE pillars (
            code TEXT PRIMARY KEY,
            name_vi TEXT NOT NULL,
            name_en TEXT NOT NULL,
            sort_order INTEGER NOT NULL
        );
        CREATE TABLE indicators (
            code TEXT PRIMARY KEY,
            pillar TEXT NOT NULL REFERENCES pillars(code),
            name_vi TEXT NOT NULL,
            name_en TEXT NOT NULL,
            unit_vi TEXT NOT NULL,
            unit_en TEXT NOT NULL,
            value_type TEXT NOT NULL CHECK (value_type IN ('integer','decimal','percent')),
            time_aggregation TEXT NOT NULL CHECK (time_aggregation IN ('last','sum','ratio')),
            min_value REAL,
            max_value REAL,
            definition_vi TEXT NOT NULL DEFAULT '',
            formula_numerator TEXT REFERENCES indicators(code),
            formula_denominator TEXT REFERENCES indicators(code),
            formula_multiplier REAL,
            sort_order INTEGER NOT NULL,
            custom INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE data_values (
            unit_code TEXT NOT NULL REFERENCES units(code),
            indicator_code TEXT NOT NULL REFERENCES indicators(code),
            period TEXT NOT NULL,
            value NUMERIC,
            comment TEXT,
            followup INTEGER NOT NULL DEFAULT 0,
            stored_by TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (unit_code, period, indicator_code)
        ) WITHOUT ROWID;
        CREATE INDEX data_values_by_indicator
            ON data_values(indicator_code, period, unit_code, value);

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            unit_code TEXT NOT NULL,
            indicator_code TEXT NOT NULL,
            period TEXT NOT NULL,
            old_value NUMERIC,
            new_value NUMERIC,
            old_comment TEXT,
            new_comment TEXT,
            stored_by TEXT NOT NULL DEFAULT '',
            changed_at TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('form','grid','import','undo','demo'))
        );
        CREATE INDEX audit_by_value ON audit_log(unit_code, indicator_code, period);
        CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

        CREATE TABLE targets (
            indicator_code TEXT NOT NULL REFERENCES indicators(code),
            unit_code TEXT NOT NULL REFERENCES units(code),
            year INTEGER NOT NULL,
            value REAL NOT NULL,
            document TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (indicator_code, unit_code, year)
        );

        CREATE TABLE validation_rules (
            id INTEGER PRIMARY KEY,
            left_code TEXT NOT NULL REFERENCES indicators(code),
            op TEXT NOT NULL CHECK (op IN ('<=','<','>=','>','==','!=')),
            right_code TEXT NOT NULL REFERENCES indicators(code),
            importance TEXT NOT NULL CHECK (importance IN ('high','medium','low')),
            message_vi TEXT NOT NULL,
            message_en TEXT NOT NULL
        );

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        """,
    )
    _seed_catalogue(db)
    _seed_rules(db)
    _seed_units(db, official_provinces() + official_communes())


@migrations()
def m002_completion_and_followup(db: sqlite_utils.Database) -> None:
    """Unit-periods marked complete."""
    _execute_script(
        db,
        """
        CREATE TABLE completions (
            unit_code TEXT NOT NULL REFERENCES units(code),
            period TEXT NOT NULL,
            completed_by TEXT NOT NULL,
            completed_at TEXT NOT NULL,
            PRIMARY KEY (unit_code, period)
        );
        """,
    )


@migrations()
def m003_audit_source_detail(db: sqlite_utils.Database) -> None:
    """Where an audited change came from beyond its source: the imported file's name."""
    db.execute("ALTER TABLE audit_log ADD COLUMN source_detail TEXT")


@migrations()
def m004_audit_index_in_write_order(db: sqlite_utils.Database) -> None:
    """The audit index in the order a batch writes its rows (unit, period, indicator): a
    province's import appends to it instead of inserting across it (0.3 s of 1.1 s for 721k
    values). Looking up one value's history uses all three columns either way."""
    db.execute("DROP INDEX audit_by_value")
    db.execute("CREATE INDEX audit_by_key ON audit_log(unit_code, period, indicator_code)")


_RATE_NAMES_EN = {  # code: (name before m005, name after)
    "VILLAGE_MBB_PCT": (
        "Villages with mobile broadband",
        "Share of villages with mobile broadband",
    ),
    "VILLAGE_FIBER_PCT": ("Villages with fibre", "Share of villages with fibre"),
    "APPS_ONLINE_PCT": ("Applications filed online", "Share of applications filed online"),
    "APPS_E_RESULT_PCT": (
        "Applications with electronic results",
        "Share of applications with electronic results",
    ),
    "SMARTPHONE_HH_PCT": ("Households with a smartphone", "Share of households with a smartphone"),
    "ADULT_SMARTPHONE_PCT": ("Adults with a smartphone", "Share of adults with a smartphone"),
}


@migrations()
def m005_rate_names_in_english(db: sqlite_utils.Database) -> None:
    """Six rates had the English name of the count they are made of ("Households with a
    smartphone" twice in the English form); a name someone changed is left as it is."""
    for code, (before, after) in _RATE_NAMES_EN.items():
        db.execute(
            "UPDATE indicators SET name_en = ? WHERE code = ? AND name_en = ?",
            [after, code, before],
        )


def _database(target) -> sqlite_utils.Database:
    """A sqlite-utils database without plugins: a sqlite-utils plugin someone installed must
    not change how ictdesk's connection behaves (and looking for plugins costs 20 ms)."""
    return sqlite_utils.Database(target, execute_plugins=False)


def _execute_script(db: sqlite_utils.Database, script: str) -> None:
    """Run SQL statements one by one: ``executescript`` would COMMIT the open transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:60]}")


def _seed_catalogue(db: sqlite_utils.Database) -> None:
    with open(resource_path("indicators.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    db.conn.executemany(
        "INSERT INTO pillars (code, name_vi, name_en, sort_order) VALUES (?, ?, ?, ?)",
        [(p["code"], p["name_vi"], p["name_en"], i) for i, p in enumerate(data["pillars"])],
    )
    rows = []
    for order, ind in enumerate(data["indicators"]):
        formula = ind.get("formula") or {}
        rows.append(
            (
                ind["code"],
                ind["pillar"],
                ind["name_vi"],
                ind["name_en"],
                ind["unit_vi"],
                ind["unit_en"],
                ind["value_type"],
                ind["time_aggregation"],
                ind.get("min"),
                ind.get("max"),
                ind.get("definition_vi", ""),
                formula.get("numerator"),
                formula.get("denominator"),
                formula.get("multiplier"),
                order,
            )
        )
    db.conn.executemany(
        "INSERT INTO indicators (code, pillar, name_vi, name_en, unit_vi, unit_en, value_type,"
        " time_aggregation, min_value, max_value, definition_vi, formula_numerator,"
        " formula_denominator, formula_multiplier, sort_order)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def _seed_rules(db: sqlite_utils.Database) -> None:
    with open(resource_path("rules.json"), encoding="utf-8") as handle:
        rules = json.load(handle)["rules"]
    db.conn.executemany(
        "INSERT INTO validation_rules (left_code, op, right_code, importance, message_vi,"
        " message_en) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (r["left"], r["op"], r["right"], r["importance"], r["message_vi"], r["message_en"])
            for r in rules
        ],
    )


def unit_path(parent_path: str | None, code: str) -> str:
    """The materialised path of a unit: ``/25/08740/``; a subtree is a path prefix."""
    return f"{parent_path or '/'}{code}/"


def _seed_units(db: sqlite_utils.Database, units: list[Unit]) -> None:
    paths: dict[str, str] = {}
    rows = []
    for unit in units:  # parents come before their children
        path = unit_path(paths.get(unit.parent_code) if unit.parent_code else None, unit.code)
        paths[unit.code] = path
        rows.append(
            (
                unit.code,
                unit.name,
                unit.level.value,
                unit.parent_code,
                path,
                search_key(unit.name),
                unit.valid_from,
                unit.valid_to,
            )
        )
    db.conn.executemany(
        "INSERT INTO units (code, name, level, parent_code, path, search_key, valid_from,"
        " valid_to, official) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
        rows,
    )


def _configure(conn: sqlite3.Connection, *, wal: bool = True) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a value the UI reported saved survives a power cut, also in WAL mode.
    conn.execute("PRAGMA synchronous = FULL")


CHECKED_KEY = "last_integrity_check"  # settings key: the day PRAGMA quick_check last passed


def inspect_file(path: Path, full: bool | None = None) -> bool:
    """Check, without writing a byte, that ``path`` is an ictdesk database this version reads.

    Header, size, application id and schema are always checked. ``PRAGMA quick_check``
    (which reads the whole file: seconds for a national database) runs when ``full`` is True,
    or, by default, when the file was not closed cleanly (a write-ahead log is left) or was
    not checked yet today. Returns whether the full check ran.

    Raises :class:`DatabaseUnavailable`, :class:`NotAnIctdeskDatabase` or
    :class:`DatabaseTooNew`.
    """
    return _inspect(Path(path), full, run_full=True)[0]


def full_check_due(path: Path) -> bool:
    """Whether opening ``path`` now would run the full check (see :func:`inspect_file`).

    The quick checks run (and raise) as in :func:`inspect_file`; the full one does not, so a
    window can run it in the background first and then open with ``checked=True``.
    """
    return _inspect(Path(path), None, run_full=False)[0]


def upgrade_due(path: Path) -> bool:
    """Whether opening ``path`` for writing would migrate it to this version's schema first
    (seconds for a national database; see :func:`upgrade_database`). Reads without writing."""
    return _inspect(Path(path), False, run_full=False)[1]


def _inspect(path: Path, full: bool | None, run_full: bool) -> tuple[bool, bool]:
    """Whether the full check is (or was) due, and whether migrations are pending."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except FileNotFoundError:
        raise DatabaseUnavailable(f"file not found: {path}") from None
    except OSError as exc:
        raise DatabaseUnavailable(f"cannot read {path}: {exc.strerror}") from None
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER or len(header) < 100:
        raise NotAnIctdeskDatabase(f"not an ictdesk database (not SQLite): {path}")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    wal = path.with_name(path.name + "-wal")
    if size < page_size * page_count and not wal.exists():
        raise NotAnIctdeskDatabase(f"the database file is truncated (damaged): {path}")
    # Without a write-ahead log to read, open it immutable so not even -shm/-wal files appear.
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(f"cannot open {path}: {exc}") from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAnIctdeskDatabase(f"not an ictdesk database: {path}")
        if full is None:
            checked = conn.execute(
                "SELECT value FROM settings WHERE key = ?", [CHECKED_KEY]
            ).fetchone()
            # A log with frames in it means the last writer did not close; an empty one is
            # what a read-only reader leaves behind (it may not remove it) and holds nothing.
            unclean = wal.exists() and wal.stat().st_size > 0
            full = unclean or not checked or checked[0] != datetime.date.today().isoformat()
        if full and run_full:
            damage = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if damage != "ok":
                raise NotAnIctdeskDatabase(f"the database file is damaged ({damage}): {path}")
        applied = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name]
            )
        }
    except sqlite3.DatabaseError as exc:
        raise NotAnIctdeskDatabase(f"not a readable ictdesk database ({exc}): {path}") from None
    finally:
        conn.close()
    known = {m.name for m in migrations._migrations}
    unknown = applied - known
    if unknown:
        raise DatabaseTooNew(
            f"{path} was written by a newer ictdesk (schema {sorted(unknown)[-1]}); update ictdesk"
        )
    return full, bool(known - applied)


def open_database(
    path: str | os.PathLike, read_only: bool = False, checked: bool = False
) -> sqlite_utils.Database:
    """Open an existing ictdesk database, applying any pending migrations.

    ``read_only`` (or a file the user may not write) opens it without any write: no
    migration, no journal change. A file on a network share does not use WAL. ``checked``:
    the caller has just run the full check (``inspect_file(path, full=True)``).
    """
    path = Path(path)
    if checked:
        inspect_file(path, full=False)  # the caller ran the full check just now
    else:
        checked = inspect_file(path)
    if not read_only and not os.access(path, os.W_OK):
        read_only = True
    try:
        if read_only:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            conn.isolation_level = None
            db = _database(conn)
            conn.execute("PRAGMA busy_timeout = 5000")
            if migrations.pending(db):
                db.close()
                raise DatabaseUnavailable(
                    f"{path} must be upgraded before it can be read; open it once for writing"
                )
            return db
        db = _writable(path)
        if checked:
            with db.atomic():
                db.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                    [CHECKED_KEY, datetime.date.today().isoformat()],
                )
    except sqlite3.OperationalError as exc:
        raise DatabaseUnavailable(f"cannot open {path}: {exc}") from None
    return db


def upgrade_database(path: str | os.PathLike) -> None:
    """Apply the pending migrations to ``path`` and close it (any thread: its own connection).

    The quick checks run first, as when opening; the daily full check does not.
    """
    path = Path(path)
    inspect_file(path, full=False)
    try:
        _writable(path).close()
    except sqlite3.OperationalError as exc:
        raise DatabaseUnavailable(f"cannot upgrade {path}: {exc}") from None


def _writable(path: Path) -> sqlite_utils.Database:
    """A writing connection to ``path``, configured, its migrations applied."""
    db = _database(path)
    _configure(db.conn, wal=not is_network_path(path))
    if is_network_path(path):
        db.conn.execute("PRAGMA journal_mode = DELETE")
    migrations.apply(db)
    return db


def create_database(path: str | os.PathLike, settings: dict[str, str] | None = None) -> None:
    """Create a new ictdesk database at ``path``, atomically; never overwrite an existing file.

    The file is built under a temporary name in the same folder and renamed into place, so a
    failure leaves nothing behind.
    """
    path = Path(path)
    if path.exists():
        raise DatabaseUnavailable(f"file already exists: {path}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DatabaseUnavailable(f"folder does not exist: {folder}")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".ictdesk-new-", suffix=".db", dir=folder)
    except OSError as exc:
        raise DatabaseUnavailable(f"cannot write in {folder}: {exc.strerror}") from None
    os.close(handle)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp_name, 0o666 & ~umask)  # mkstemp makes it private; a database is a normal file
    try:
        db = _database(temp_name)
        _configure(db.conn, wal=False)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrations.apply(db)
        if settings:
            with db.atomic():
                db.conn.executemany(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                    list(settings.items()),
                )
        db.close()
        if path.exists():
            raise DatabaseUnavailable(f"file already exists: {path}")
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
