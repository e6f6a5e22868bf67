"""Reading a period's values by seeks, for the store's aggregates and the series' short cuts:
which stored periods hold an indicator anywhere in the file (:func:`held_periods`), one
unit's own value of a period held at one level of sub-periods (:func:`own_value_sql`), and
which values count where a bucket mixes levels (:func:`made_of_rows`, :data:`NOT_INSIDE_HELD`:
a stored quarter stands for its months, ``periods.periods_made_of``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from ictdesk.core.periods import Period, sub_period_levels, whole_periods_of

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


OUTER_COLUMNS = 3  # a month's quarter, half and year: the most periods that may contain one


def made_of_rows(buckets: Iterable[Period], held: Collection[str]) -> list[tuple]:
    """The rows ``(period, bucket, fin, o1, o2, o3)`` of the CTE :data:`MADE_OF_COLUMNS` that
    :data:`NOT_INSIDE_HELD` reads: each bucket and those of its sub-periods the file holds
    anywhere (``held``: a period held nowhere matches no value), where it ends (its last
    month), and the coarser held periods inside the bucket that contain it (NULL-padded). A
    value there stands for it, so a value stored for it does not count. One row that matches
    nothing when none is held (a VALUES list is never empty)."""
    rows = []
    for bucket in buckets:
        for period in [bucket, *(p for level in sub_period_levels(bucket) for p in level)]:
            if period.iso not in held:
                continue
            outer = [w.iso for w in whole_periods_of(period) if bucket.contains(w)]
            outer = [iso for iso in outer if iso in held][:OUTER_COLUMNS]
            padding = [None] * (OUTER_COLUMNS - len(outer))
            rows.append((period.iso, bucket.iso, period.last_month, *outer, *padding))
    return rows or [(None, None, 0, *[None] * OUTER_COLUMNS)]


# Whether the value v, read for the sub-period m.period of bucket m.bucket, counts: no value
# stored for the same unit and indicator at a coarser period of the bucket containing it.
NOT_INSIDE_HELD = (
    "NOT EXISTS (SELECT 1 FROM data_values h WHERE h.unit_code = v.unit_code"
    " AND h.period IN (m.o1, m.o2, m.o3) AND h.indicator_code = v.indicator_code"
    " AND h.value IS NOT NULL)"
)
MADE_OF_COLUMNS = "m(period, bucket, fin, o1, o2, o3)"
