"""The SQL behind the exports: the values of a selection, and the long CSV's lines.

A named query module (like ``core.series.sql``): it runs SQL on the store's connection so
that the long CSV leaves at close to the sqlite3 shell's own speed (SQLite writes each line).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace

from ictdesk.core.exchange.common import Selection
from ictdesk.core.numbers import format_machine
from ictdesk.core.periods import Period, PeriodType
from ictdesk.core.store import ValueStore
from ictdesk.core.units import HISTORY_PREFIX

# The paths of the units before 1 July 2025 ("/old:45/old:467/old:19564/") and nothing else.
_HISTORY = f"u.path >= '/{HISTORY_PREFIX}' AND u.path < '/{HISTORY_PREFIX[:-1]};'"


def _where(store: ValueStore, selection: Selection) -> tuple[str, list]:
    clauses, params = [], []
    if selection.old_units:
        clauses.append(_HISTORY)
    elif store.has_history():  # the current units only (a database without history: no test)
        clauses.append(f"NOT ({_HISTORY})")
    if selection.unit_code:
        low, high = store.subtree_bounds(selection.unit_code)
        clauses.append("u.path >= ? AND u.path < ?")
        params += [low, high]
    if selection.periods:
        clauses.append(f"v.period IN ({','.join('?' * len(selection.periods))})")
        params += selection.periods
    if selection.indicators:
        for code in selection.indicators:
            store.catalogue[code]  # unknown codes raise UnknownIndicator
        clauses.append(f"v.indicator_code IN ({','.join('?' * len(selection.indicators))})")
        params += selection.indicators
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def value_rows(store: ValueStore, selection: Selection) -> Iterator[tuple]:
    """(unit, unit name, indicator, indicator name, period, value, comment, stored_by,
    updated_at, followup) of every stored value of ``selection``, in primary-key order."""
    where, params = _where(store, selection)
    return store.db.execute(
        "SELECT v.unit_code, u.name, v.indicator_code, i.name_vi, v.period, v.value, v.comment,"
        " v.stored_by, v.updated_at, v.followup"
        " FROM data_values v JOIN units u ON u.code = v.unit_code"
        " JOIN indicators i ON i.code = v.indicator_code"
        f"{where} ORDER BY v.unit_code, v.period, v.indicator_code",  # primary-key order: no sort
        params,
    )


def held_sub_periods(
    store: ValueStore, selection: Selection, values_only: bool = False
) -> dict[PeriodType, list[str]]:
    """The finer periods (halves, quarters, months) of ``selection``'s periods for which its
    units and indicators hold something (``values_only``: a value, as DHIS2 files carry no
    comment alone), by kind of period, each in order: what an export of stored values would
    carry had those periods been chosen (monthly returns exported for their year)."""
    finer = [
        sub.iso
        for iso in selection.periods
        for ptype in (PeriodType.HALF, PeriodType.QUARTER, PeriodType.MONTH)
        if ptype.months < (period := Period.parse(iso)).type.months
        for sub in period.sub_periods(ptype)
    ]
    if not finer:
        return {}
    where, params = _where(store, replace(selection, periods=finer))
    if values_only:
        where += " AND v.value IS NOT NULL"
    found = store.db.execute(
        f"SELECT DISTINCT v.period FROM data_values v JOIN units u ON u.code = v.unit_code{where}",
        params,
    )
    by_type: dict[PeriodType, list[Period]] = {}
    for (iso,) in found:
        period = Period.parse(iso)
        by_type.setdefault(period.type, []).append(period)
    return {ptype: [p.iso for p in sorted(periods)] for ptype, periods in by_type.items()}


_NEEDS_QUOTES = '*[,"\r\n]*'  # GLOB: the characters that make the csv module quote a field
_FORMULA_STARTS = "'=', '+', '-', '@', char(9), char(13)"  # as common.protect_text
_QUOTE = "''''"  # SQL for the text "'"


def _csv_field(expression: str) -> str:
    """SQL writing ``expression`` as the csv module does (QUOTE_MINIMAL); NULL is empty.

    The statement binds :data:`_NEEDS_QUOTES` as ``?1``.
    """
    return (
        f"IIF({expression} GLOB ?1, '\"' || replace({expression}, '\"', '\"\"') || '\"',"
        f" coalesce({expression}, ''))"
    )


def _protected(expression: str) -> str:
    """SQL of ``expression`` as ``common.protect_text`` writes it (text not read back)."""
    starts = f"substr({expression}, 1, 1) IN ({_FORMULA_STARTS})"
    return f"IIF({starts}, {_QUOTE} || {expression}, {expression})"


# SQLite writes each line itself, as UTF-8 bytes quoted as the csv module would, so no Python
# runs per row and no text is decoded and encoded again: this is what lets a province's ten
# years leave at close to the sqlite3 shell's own speed. Names are quoted once per unit and
# indicator in two small temporary tables. Reals that repr would write with an exponent, or
# that hold a whole number, go through format_machine. Primary-key order: no sort. Names are
# not read back and are protected; comments and who entered a value or completed a unit-period
# are escaped, losslessly.
_LONG_NAMES = (
    "DROP TABLE IF EXISTS temp.csv_unit_names",
    "CREATE TEMP TABLE csv_unit_names (code TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID",
    f"INSERT INTO temp.csv_unit_names SELECT code, {_csv_field(_protected('name'))} FROM units",
    "DROP TABLE IF EXISTS temp.csv_indicator_names",
    "CREATE TEMP TABLE csv_indicator_names (code TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID",
    "INSERT INTO temp.csv_indicator_names"
    f" SELECT code, {_csv_field(_protected('name_vi'))} FROM indicators",
)
_LONG_VALUE = (
    "IIF(typeof(v.value) = 'real' AND (abs(v.value) < 1e-4 OR abs(v.value) >= 1e15"
    " OR v.value = CAST(v.value AS INTEGER)), machine_number(v.value), v.value)"
)


def _text_field(expression: str) -> str:
    """SQL writing text as ``common.escape_long_text`` and then the csv module would, in one
    pass (the ``'`` goes inside the quotes); NULL, most comments, is taken first."""
    prefix = f"IIF(substr({expression}, 1, 1) IN ({_FORMULA_STARTS}, {_QUOTE}), {_QUOTE}, '')"
    return (
        f"IIF({expression} IS NULL, '', IIF({expression} GLOB ?1,"
        f" '\"' || {prefix} || replace({expression}, '\"', '\"\"') || '\"',"
        f" {prefix} || {expression}))"
    )


_LONG_QUERY = (
    "SELECT CAST(printf('%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s' || char(13, 10), {code},"
    f" n.name, v.indicator_code, m.name, v.period, {_LONG_VALUE},"
    f" {_text_field('v.comment')}, {_text_field('v.stored_by')},"
    f" {_csv_field('v.updated_at')}, IIF(v.followup, 'true', 'false'),"
    f" {_csv_field('c.completed_at')}, {_text_field('c.completed_by')}) AS BLOB)"
    " FROM data_values v{units}"
    " JOIN temp.csv_unit_names n ON n.code = v.unit_code"
    " JOIN temp.csv_indicator_names m ON m.code = v.indicator_code"
    "{completions}{where} ORDER BY v.unit_code, v.period, v.indicator_code"
)
_COMPLETIONS = " LEFT JOIN completions c ON c.unit_code = v.unit_code AND c.period = v.period"
_NO_COMPLETIONS = " LEFT JOIN (SELECT NULL AS completed_at, NULL AS completed_by) c ON 0"


def long_csv_lines(store: ValueStore, selection: Selection) -> sqlite3.Cursor:
    """A cursor over the long CSV's data lines of ``selection``, each one UTF-8 ``bytes``
    ending in CRLF, quoted as the csv module quotes."""
    where, params = _where(store, selection)
    db = store.db
    db.conn.create_function("machine_number", 1, format_machine, deterministic=True)
    for statement in _LONG_NAMES:
        db.execute(statement, [_NEEDS_QUOTES] if "?1" in statement else [])
    units = " JOIN units u ON u.code = v.unit_code" if "u.path" in where else ""
    code = (
        f"substr(v.unit_code, {len(HISTORY_PREFIX) + 1})" if selection.old_units else "v.unit_code"
    )
    # Most databases mark few unit-periods complete, many none: then no look-up per value.
    [any_complete] = db.execute("SELECT EXISTS (SELECT 1 FROM completions)").fetchone()
    completions = _COMPLETIONS if any_complete else _NO_COMPLETIONS
    query = _LONG_QUERY.replace("{units}", units).replace("{completions}", completions)
    query = query.replace("{where}", where).replace("{code}", code)
    return db.execute(query, [_NEEDS_QUOTES, *params])


def completion_rows(store: ValueStore, selection: Selection) -> Iterator[tuple]:
    """(unit, period, completed_at, completed_by) of every unit-period of ``selection`` marked
    complete, in key order (indicators do not narrow it: a unit-period is complete whole)."""
    clauses, params = [], []
    if selection.unit_code:
        low, high = store.subtree_bounds(selection.unit_code)
        clauses.append("u.path >= ? AND u.path < ?")
        params += [low, high]
    if selection.periods:
        clauses.append(f"c.period IN ({','.join('?' * len(selection.periods))})")
        params += selection.periods
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return store.db.execute(
        "SELECT c.unit_code, c.period, c.completed_at, c.completed_by FROM completions c"
        f" JOIN units u ON u.code = c.unit_code{where} ORDER BY c.unit_code, c.period",
        params,
    )
