"""Short cuts of the series queries, taken when the file's data allows them.

A named query module beside ``core.series.sql`` (see ``tests/test_architecture``). Each says
when it applies and returns ``None`` otherwise, so the general query of
:func:`ictdesk.core.series.sql.series_sql` stays the rule:

- sums over ranges of unit codes (``core.series.ranges``), when no value is hidden by a
  parent's and each bucket holds values at one level of sub-periods;
- :func:`seek_timed`: each unit's value per bucket by seeks, when every bucket holds the
  indicator at one level of sub-periods (monthly returns).
"""

from __future__ import annotations

from collections.abc import Sequence

from ictdesk.core.catalogue import Indicator, TimeAggregation
from ictdesk.core.series.facts import KeptFacts
from ictdesk.core.store import ValueStore, seeks

_HELD, _PARENTS_HOLD = KeptFacts(), KeptFacts()  # per stored period (see core.series.facts)


def held_periods(
    store: ValueStore, indicator: Indicator, mapping: Sequence[tuple[str, str, int, int]]
) -> set[str]:
    """The stored periods of ``mapping`` for which any unit of the file holds a value of the
    indicator (:func:`ictdesk.core.store.seeks.held_periods`), each kept once asked."""
    code = indicator.code

    def find(periods: list[str]) -> dict[str, bool]:
        return dict.fromkeys(seeks.held_periods(store.db, [code], periods)[code], True)

    facts = _HELD.known(store, (code,), (row[0] for row in mapping), find)
    return {period for period, held in facts.items() if held}


def parents_hold(store: ValueStore, indicator: Indicator, held: set[str]) -> bool:
    """Whether a unit with children holds a value of the indicator in ``held`` (its value
    would then hide its subtree's); the answer for each period kept once asked."""
    if not held:
        return False

    def find(periods: list[str]) -> dict[str, bool]:
        found = store.db.execute(
            f"SELECT DISTINCT period FROM data_values WHERE indicator_code = ?"
            f" AND period IN ({','.join('?' * len(periods))}) AND value IS NOT NULL"
            " AND unit_code IN (SELECT parent_code FROM units WHERE parent_code IS NOT NULL)",
            [indicator.code, *periods],
        )
        return {period: True for (period,) in found}

    return any(_PARENTS_HOLD.known(store, (indicator.code,), sorted(held), find).values())


def bucket_levels(held: set[str], mapping: Sequence[tuple[str, str, int, int]]) -> dict:
    """bucket -> the levels of sub-periods at which the file holds values in it."""
    levels: dict[str, set[int]] = {}
    for period, bucket, level, _position in mapping:
        if period in held:
            levels.setdefault(bucket, set()).add(level)
    return levels


def seek_timed(
    parts: list[Indicator], mapping: Sequence[tuple[str, str, int, int]], held: dict[str, set[str]]
) -> tuple[str, str, list] | None:
    """The ``timed`` rows by seeks, when the file holds each part in each bucket at one level
    of sub-periods only (monthly returns): a stock's value is its last sub-period found
    going back (usually one seek), a flow's the sum of its sub-periods; no value is read
    twice and nothing is sorted (a stock over 149 units × 56 quarters of months: 8.3k seeks
    instead of 25k values grouped). ``None`` when a bucket mixes levels.

    ``held``: each part's :func:`held_periods`. Returns the CTE ``w`` (part, bucket, flow, its
    stored periods), the ``timed`` CTE and ``w``'s parameters."""
    wanted: list[tuple] = []
    for part in parts:
        levels = bucket_levels(held[part.code], mapping)
        if any(len(found) > 1 for found in levels.values()):
            return None
        flow = int(part.time_aggregation is TimeAggregation.SUM)
        for bucket, (level,) in levels.items():
            stored = [row[0] for row in mapping if row[1] == bucket and row[2] == level]
            wanted.append((part.code, bucket, flow, stored))
    if not wanted:
        return None
    width = max(len(row[3]) for row in wanted)
    columns = [f"p{i}" for i in range(width)]
    value = seeks.own_value_sql("u.unit", "w.ind", "w.flow", columns)  # a padded NULL: no row
    marks = "(" + ", ".join("?" * (width + 3)) + ")"
    w_cte = (
        f"w(ind, bucket, flow, {', '.join(columns)}) AS (VALUES {', '.join([marks] * len(wanted))})"
    )
    # materialized: each seek once (inlined, SQLite would repeat them for every use of v)
    timed = f"""sought AS MATERIALIZED (
    SELECT u.unit AS unit, w.ind AS ind, w.bucket AS bucket,
           {value} AS v
    FROM (SELECT DISTINCT unit FROM members) u CROSS JOIN w),
  timed AS (SELECT unit, ind, bucket, v AS total, v AS last FROM sought WHERE v IS NOT NULL)"""
    params: list = []
    for code, bucket, flow, stored in wanted:
        params += [code, bucket, flow, *stored, *[None] * (width - len(stored))]
    return w_cte, timed, params
