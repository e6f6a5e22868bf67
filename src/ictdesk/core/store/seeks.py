"""Reading a period's values by seeks, for the store's aggregates and the series' short cuts:
which stored periods hold an indicator anywhere in the file (:func:`held_periods`), and one
unit's own value of a period held at one level of sub-periods (:func:`own_value_sql`)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ictdesk.core.database.connection import Connection

_PARAMETERS = 30_000  # bound parameters per statement (SQLite allows 32,766)


def held_periods(db: Connection, codes: list[str], periods: list[str]) -> dict[str, set[str]]:
    """Indicator code -> the ``periods`` for which any unit of the file holds a value of it
    (one seek in the by-indicator index per indicator and period)."""
    periods = sorted(set(periods))
    found: dict[str, set[str]] = defaultdict(set)
    step = max(1, _PARAMETERS - len(periods))
    for start in range(0, len(codes), step):
        chunk = codes[start : start + step]
        query = (
            f"WITH p(period) AS (VALUES {','.join(['(?)'] * len(periods))}),"
            f" i(code) AS (VALUES {','.join(['(?)'] * len(chunk))})"
            " SELECT i.code, p.period FROM i CROSS JOIN p WHERE EXISTS"
            " (SELECT 1 FROM data_values v WHERE v.indicator_code = i.code"
            " AND v.period = p.period AND v.value IS NOT NULL)"
        )
        for code, period in db.execute(query, [*periods, *chunk]):
            found[code].add(period)
    return found


def own_value_sql(unit: str, indicator: str, flow: str, periods: list[str]) -> str:
    """An SQL expression: the value of ``indicator`` for ``unit`` made of the stored
    ``periods`` (column names, in order; a NULL one matches nothing), the sum of those holding
    one where ``flow`` is true, else the last holding one. COALESCE stops at the first value
    found going back, so a stock's last month is one seek."""
    seeks = [
        f"(SELECT v.value FROM data_values v WHERE v.unit_code = {unit} AND v.period = {p}"
        f" AND v.indicator_code = {indicator})"
        for p in reversed(periods)
    ]
    last = f"coalesce({', '.join(seeks)})" if len(seeks) > 1 else seeks[0]
    total = (
        f"(SELECT sum(v.value) FROM data_values v WHERE v.unit_code = {unit}"
        f" AND v.indicator_code = {indicator} AND v.period IN ({', '.join(periods)}))"
    )
    return f"CASE WHEN {flow} THEN {total} ELSE {last} END"
