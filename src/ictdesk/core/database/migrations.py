"""The schema of an ictdesk database, as sqlite-utils migrations applied in order, and the
seeding of a new file (catalogue, rules, the official units)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ictdesk.core.audit_chain import FIELDS, KINDS, SQL_FUNCTION, Chain
from ictdesk.core.database.migration_set import MigrationSet
from ictdesk.core.resources import resource_path
from ictdesk.core.units import Unit, official_communes, official_provinces, search_key

if TYPE_CHECKING:
    import sqlite_utils

migrations = MigrationSet("ictdesk")
# Migrations that only add an index: a file without them reads the same (more slowly), so a
# file opened read-only (a backup on a CD, a folder the user may not write) is not refused.
ONLY_INDEXES = frozenset({"m007_flagged_values_index"})
# What the audit log may name as a change's source (m006 added restore and upgrade).
AUDIT_SOURCES = ("form", "grid", "import", "undo", "demo", "restore", "upgrade")


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


# What keeps the audit log append-only (m006): ``check`` reports any of them missing or changed.
# The log's INTEGER PRIMARY KEY is the only key a REPLACE could collide on, and a REPLACE's
# delete fires no DELETE trigger: the INSERT trigger refuses a row whose id is taken. (A row
# numbered by SQLite has NEW.id -1 there, and is never looked up: 0.5 s of a province's import.)
_APPEND_ONLY = "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
AUDIT_TRIGGERS = {
    "audit_log_is_append_only_update": f"CREATE TRIGGER audit_log_is_append_only_update"
    f" BEFORE UPDATE ON audit_log {_APPEND_ONLY}",
    "audit_log_is_append_only_delete": f"CREATE TRIGGER audit_log_is_append_only_delete"
    f" BEFORE DELETE ON audit_log {_APPEND_ONLY}",
    "audit_log_is_append_only_replace": f"CREATE TRIGGER audit_log_is_append_only_replace"
    f" BEFORE INSERT ON audit_log WHEN NEW.id >= 0"
    f" AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)"
    f" {_APPEND_ONLY}",
}
AUDIT_COLUMNS = ", ".join(FIELDS)
# Rows the upgrade writes for what was never audited before m006 (flags, completions,
# targets): the state the upgrade found, so that ``check`` can hold the tables to the log.
_UPGRADE_BASELINE = (
    ("'followup'", "unit_code", "indicator_code", "period", "0", "1", "NULL", "NULL", "?1", "?2",
     "'upgrade'", "NULL", "FROM data_values WHERE followup = 1"),
    ("'completion'", "unit_code", "''", "period", "0", "1", "NULL", "completed_by", "?1", "?2",
     "'upgrade'", "completed_at", "FROM completions"),
    ("'target'", "unit_code", "indicator_code", "CAST(year AS TEXT)", "NULL", "value", "NULL",
     "document", "?1", "?2", "'upgrade'", "NULL", "FROM targets"),
)  # fmt: skip


def chained_insert(*expressions_and_from: str) -> str:
    """``INSERT INTO audit_log`` of rows whose :data:`FIELDS` are the given expressions over
    the given ``FROM …`` clause (the last argument), each row hashed after the one before by
    the connection's :data:`SQL_FUNCTION` (set its tip first)."""
    *expressions, source = expressions_and_from
    inner = ", ".join(f"{e} AS {f}" for e, f in zip(expressions, FIELDS, strict=True))
    return (
        f"INSERT INTO audit_log ({AUDIT_COLUMNS}, hash) SELECT {AUDIT_COLUMNS},"
        f" {SQL_FUNCTION}({AUDIT_COLUMNS}) FROM (SELECT {inner} {source})"
    )


@migrations()
def m006_audit_chain(db: sqlite_utils.Database) -> None:
    """The audit log made tamper-evident (issue 20): every row hashed after the one before
    (``core.audit_chain``), a ``kind`` (values, follow-up flags, completion, targets, units,
    restores), sources ``restore`` and ``upgrade``, and REPLACE refused. The log is rebuilt
    (its source CHECK changes), hashing the rows already there in id order; the flags,
    completions and targets found are recorded as the upgrade's rows."""
    chain = Chain()
    db.conn.create_function(SQL_FUNCTION, len(FIELDS), chain)
    for name in AUDIT_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    _execute_script(
        db,
        f"""
        CREATE TABLE audit_log_chained (
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
            source TEXT NOT NULL CHECK (source IN ({", ".join(map(repr, AUDIT_SOURCES))})),
            source_detail TEXT,
            kind TEXT NOT NULL DEFAULT 'value' CHECK (kind IN ({", ".join(map(repr, KINDS))})),
            hash BLOB NOT NULL
        );
        INSERT INTO audit_log_chained (id, {AUDIT_COLUMNS}, hash)
            SELECT id, 'value', unit_code, indicator_code, period, old_value, new_value,
                old_comment, new_comment, stored_by, changed_at, source, source_detail,
                {SQL_FUNCTION}('value', unit_code, indicator_code, period, old_value, new_value,
                    old_comment, new_comment, stored_by, changed_at, source, source_detail)
            FROM audit_log ORDER BY id;
        DROP TABLE audit_log;
        ALTER TABLE audit_log_chained RENAME TO audit_log;
        CREATE INDEX audit_by_key ON audit_log(unit_code, period, indicator_code);
        """,
    )
    for sql in AUDIT_TRIGGERS.values():
        db.execute(sql)
    stamp = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    for select in _UPGRADE_BASELINE:
        [tip] = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone() or [
            None
        ]
        chain.restart(tip)
        db.execute(chained_insert(*select), ["ictdesk", stamp])


@migrations()
def m007_flagged_values_index(db: sqlite_utils.Database) -> None:
    """An index of the values flagged for follow-up alone (a partial index: a few rows).
    Every save asks whether any stored value is flagged before it audits and applies flags;
    with no value flagged that question read the whole table: 31 ms of each 35 ms save on a
    province's 721k values, ten times more on a national file."""
    db.execute(
        "CREATE INDEX data_values_flagged"
        " ON data_values(unit_code, period, indicator_code) WHERE followup"
    )


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
