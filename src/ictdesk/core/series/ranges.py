"""A series as sums over ranges of unit codes: the short cut of the series queries taken when
no value is hidden by a parent's and each bucket holds values at one level of sub-periods.

A named query module beside ``core.series.sql`` (see ``tests/test_architecture``). Then a
requested unit's value is the sum over the leaves of its subtree, which sit in a few ranges
of consecutive codes in the covering index ``(indicator, period, unit, value)``:

- a flow's bucket is the sum of every value of its sub-periods;
- a stock's bucket is each unit's last sub-period holding a value. When every unit holding
  one in the bucket holds its last held sub-period (monthly returns all in), that is the sum
  of that one sub-period; otherwise each unit's last is found by a grouped read of the
  bucket's values (a quarter in progress, a commune that skipped a month).

Each value is read once from the index in order: no seek per unit and bucket (a province's
stock over 148 communes × 56 quarters of months: 8.3k values summed, not 8.3k seeks). Many
requested leaves (the communes ticked in Trends) are read in one pass over their codes
instead of a range each. :func:`range_sql` and :func:`paired_range_sql` return ``None`` when
the rules need the general query of :func:`ictdesk.core.series.sql.series_sql`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ictdesk.core.catalogue import Indicator, TimeAggregation
from ictdesk.core.series.facts import KeptFacts
from ictdesk.core.series.shortcuts import bucket_levels, held_periods, parents_hold
from ictdesk.core.store import ValueStore

# Facts the short cut checks, kept per bucket or stored period (see core.series.facts).
_GAPS, _COUNTS = KeptFacts(), KeptFacts()
_SEEKS_PER_LEAF = 30  # a requested leaf read by ranges costs about this many values read
_NOTHING = "SELECT NULL, NULL, NULL, NULL, NULL WHERE 0"


@dataclass(frozen=True)
class _Plan:
    """What a part's range sums read: ``straight`` (stored period, bucket) pairs summed as
    they are, ``grouped`` (stored period, bucket, position) rows of stock buckets where each
    unit's last is looked for, the requests summed by ``runs`` (request, first, last code),
    the requested ``leaves`` read in one pass within ``leaf_span``, the ``span`` of every
    requested subtree (disjoint ranges), and every stored period read."""

    indicator: Indicator
    straight: list[tuple[str, str]]
    grouped: list[tuple[str, str, int]]
    runs: list[tuple[str, str, str]]
    leaves: list[str]
    span: list[tuple[str, str]]
    leaf_span: list[tuple[str, str]]
    periods: frozenset[str]


def range_sql(
    store: ValueStore,
    indicator: Indicator,
    unit_codes: Sequence[str],
    mapping: Sequence[tuple[str, str, int, int]],
    held: set[str] | None = None,
) -> tuple[str, list] | None:
    """The SQL of a series of an entered indicator as sums over ranges of unit codes, or
    ``None`` when the rules need the general query (a bucket mixing levels of sub-periods, a
    unit with children holding a value). ``held``: :func:`held_periods`, when known."""
    plan = _plan(store, indicator, unit_codes, mapping, held)
    if plan is None:
        return None
    return _sql(plan)


def paired_range_sql(
    store: ValueStore,
    parts: list[Indicator],
    unit_codes: Sequence[str],
    mapping: Sequence[tuple[str, str, int, int]],
    held: dict[str, set[str]] | None = None,
) -> tuple[str, list] | None:
    """A rate's series as two range sums (see :func:`range_sql`), when both parts allow it
    and every unit of the requested subtrees holds both parts or neither in each stored
    period either part reads: then summing each part over ranges counts the same units as
    pairing them unit by unit (the general query). Otherwise ``None``."""
    known = held or {}
    plans = [_plan(store, p, unit_codes, mapping, known.get(p.code)) for p in parts]
    if plans[0] is None or plans[1] is None:
        return None
    n_sql, n_params = _sql(plans[0])
    d_sql, d_params = _sql(plans[1], first=len(n_params) + 1)
    if not n_params or not d_params:  # nothing stored for a part: no rows either way
        return _NOTHING, []
    stored = sorted(plans[0].periods | plans[1].periods)
    span = plans[0].span
    # Paired when the rows of both parts and the rows of the first holding the second are
    # as many: keys are unique per part, so every row of each has its partner. Two counts
    # over the covering index and one pass of seeks, instead of a pass of seeks each way.
    counted = f"""
WITH p(period) AS (VALUES {{values}}),
     r(lo, hi) AS (VALUES {",".join(["(?, ?)"] * len(span))})
SELECT p.period, count(*) FROM p CROSS JOIN r CROSS JOIN data_values a
WHERE a.indicator_code = ? AND a.period = p.period AND a.unit_code >= r.lo
  AND a.unit_code <= r.hi AND a.value IS NOT NULL {{partner}}
GROUP BY p.period
"""
    partner = (
        "AND EXISTS (SELECT 1 FROM data_values b WHERE b.unit_code = a.unit_code"
        " AND b.period = a.period AND b.indicator_code = ? AND b.value IS NOT NULL)"
    )
    spans = tuple(span)

    def counts(codes: tuple[str, ...]) -> int:
        """The values of the first of ``codes`` in ``span`` over the stored periods (that have
        a value of the second, if given), counted per period and kept."""

        def find(missing: list[str]) -> dict[str, int]:
            sql = counted.format(
                values=",".join(["(?)"] * len(missing)), partner=partner if len(codes) > 1 else ""
            )
            bounds = [*missing, *(x for run in span for x in run)]
            return dict(store.db.execute(sql, [*bounds, *codes]).fetchall())

        found = _COUNTS.known(store, codes, [(p, spans) for p in stored], _by_period(find))
        return sum(n or 0 for n in found.values())

    first = counts((parts[0].code,))
    if first != counts((parts[1].code,)):
        return None  # a unit holds one part without the other: pair unit by unit
    if counts((parts[0].code, parts[1].code)) != first:
        return None
    sql = (
        f"SELECT n.req, n.bucket, n.total, d.total, NULL FROM ({n_sql}) n"
        f" JOIN ({d_sql}) d ON d.req = n.req AND d.bucket = n.bucket"
    )
    return sql, [*n_params, *d_params]


def _plan(store, indicator, unit_codes, mapping, held) -> _Plan | None:
    if held is None:
        held = held_periods(store, indicator, mapping)
    levels = bucket_levels(held, mapping)
    if any(len(found) > 1 for found in levels.values()):
        return None
    if parents_hold(store, indicator, held):
        return None
    runs = store.code_runs(unit_codes)
    span = merged(runs)
    made_of: dict[str, list[str]] = {}  # bucket -> its held sub-periods at its level, in order
    for period, bucket, level, _position in mapping:
        if period in held and levels[bucket] == {level}:
            made_of.setdefault(bucket, []).append(period)
    if not runs or not made_of:
        return _Plan(indicator, [], [], [], [], span, [], frozenset())
    if indicator.time_aggregation is TimeAggregation.SUM:
        straight = [(p, bucket) for bucket, periods in made_of.items() for p in periods]
        grouped: list[tuple[str, str, int]] = []
    else:
        gaps = _buckets_with_gaps(store, indicator, made_of, span)
        straight = [(periods[-1], b) for b, periods in made_of.items() if b not in gaps]
        grouped = [(p, b, i) for b in gaps for i, p in enumerate(made_of[b])]
    leaves = [req for req, low, high in runs if low == high == req]
    if len(leaves) < 2 or _leaves_in(store, leaves) > _SEEKS_PER_LEAF * len(leaves):
        leaves = []  # few, or scattered over the file: a range each is cheaper
    kept = set(leaves)
    return _Plan(
        indicator,
        straight,
        grouped,
        [run for run in runs if run[0] not in kept],
        leaves,
        span,
        [(min(leaves), max(leaves))] if leaves else [],
        frozenset(p for p, _b in straight) | frozenset(row[0] for row in grouped),
    )


def _buckets_with_gaps(
    store: ValueStore, indicator: Indicator, made_of: dict[str, list[str]], span
) -> set[str]:
    """The buckets of a stock where some unit of ``span`` holds a value in a sub-period but
    not in the bucket's last held one (its own last is then an earlier one): one grouped count
    of the buckets made of several sub-periods and not yet asked (the answer for each bucket
    is kept, see ``core.series.facts``)."""
    if not span:
        return set()
    ranges_key = tuple(span)
    keys = [(b, tuple(periods), ranges_key) for b, periods in made_of.items() if len(periods) > 1]

    def find(missing: list[tuple]) -> dict[tuple, bool]:
        rows = [
            (period, bucket, int(period == periods[-1]))
            for bucket, periods, _span in missing
            for period in periods
        ]
        query = f"""
WITH m(period, bucket, last) AS (VALUES {",".join(["(?, ?, ?)"] * len(rows))}),
     r(lo, hi) AS (VALUES {",".join(["(?, ?)"] * len(span))})
SELECT m.bucket FROM m CROSS JOIN r CROSS JOIN data_values d
WHERE d.indicator_code = ? AND d.period = m.period AND d.unit_code >= r.lo
  AND d.unit_code <= r.hi AND d.value IS NOT NULL
GROUP BY m.bucket HAVING count(DISTINCT d.unit_code) > sum(m.last)
"""
        params = [*(x for row in rows for x in row), *(x for run in span for x in run)]
        gaps = {bucket for (bucket,) in store.db.execute(query, [*params, indicator.code])}
        return {key: key[0] in gaps for key in missing}

    facts = _GAPS.known(store, (indicator.code,), keys, find)
    return {bucket for (bucket, _periods, _span), gap in facts.items() if gap}


def _leaves_in(store: ValueStore, leaves: list[str]) -> int:
    """How many units without children have codes between the first and last of ``leaves``
    (what one pass over their codes reads per stored period)."""
    (count,) = store.db.execute(
        "SELECT count(*) FROM units WHERE code >= ? AND code <= ? AND code NOT IN"
        " (SELECT parent_code FROM units WHERE parent_code IS NOT NULL)",
        [min(leaves), max(leaves)],
    ).fetchone()
    return count


def _sql(plan: _Plan, first: int = 1) -> tuple[str, list]:
    """The range sums of one part: rows ``(request, bucket, total, NULL, NULL)``; its
    parameters are numbered from ``first`` (``?first`` is the indicator's code)."""
    if not plan.straight and not plan.grouped:
        return _NOTHING, []
    code = f"?{first}"
    ctes: list[str] = []
    params: list = [plan.indicator.code]

    def values(name: str, columns: str, rows: list[tuple]) -> None:
        width, start = len(rows[0]), first + len(params)
        marks = ", ".join(
            "(" + ", ".join(f"?{start + i * width + j}" for j in range(width)) + ")"
            for i in range(len(rows))
        )
        ctes.append(f"{name}({columns}) AS (VALUES {marks})")
        params.extend(x for row in rows for x in row)

    for name, columns, rows in (
        ("m", "period, bucket", plan.straight),
        ("g", "period, bucket, pos", plan.grouped),
        ("r", "req, lo, hi", plan.runs),
        ("a", "lo, hi", plan.span if plan.grouped else []),
        ("s", "lo, hi", plan.leaf_span),
        ("l", "unit", [(leaf,) for leaf in plan.leaves]),
    ):
        if rows:
            values(name, columns, rows)
    if plan.grouped:
        # each unit's last value in a bucket with gaps (max() picks the bare column's row)
        ctes.append(
            "last AS MATERIALIZED (SELECT d.unit_code AS unit, g.bucket AS bucket,"
            " d.value AS value, max(g.pos) FROM g CROSS JOIN a CROSS JOIN data_values d"
            f" WHERE d.indicator_code = {code} AND d.period = g.period AND d.unit_code >= a.lo"
            " AND d.unit_code <= a.hi AND d.value IS NOT NULL GROUP BY g.bucket, d.unit_code)"
        )
    summed = []  # the requests summed over runs of codes
    if plan.runs and plan.straight:
        summed.append(
            "SELECT r.req, m.bucket, (SELECT sum(d.value) FROM data_values d"
            f" WHERE d.indicator_code = {code} AND d.period = m.period AND d.unit_code >= r.lo"
            " AND d.unit_code <= r.hi) FROM m, r"
        )
    if plan.runs and plan.grouped:
        summed.append(
            "SELECT r.req, last.bucket, last.value FROM r CROSS JOIN last"
            " WHERE last.unit >= r.lo AND last.unit <= r.hi"
        )
    selects = []
    if summed:
        ctes.append(f"sums(req, bucket, total) AS ({' UNION ALL '.join(summed)})")
        # HAVING, not WHERE total IS NOT NULL: a WHERE on the inlined CTE's column ran each
        # range's sum twice (once to test it, once to add it up); 10 % of a national series
        selects.append(
            "SELECT req, bucket, sum(total) AS total, NULL, NULL FROM sums"
            " GROUP BY req, bucket HAVING sum(total) IS NOT NULL"
        )
    if plan.leaves and plan.straight:
        # the leaves' own values: a stock's one row per bucket, a flow's months summed
        flow = plan.indicator.time_aggregation is TimeAggregation.SUM
        selects.append(
            f"SELECT d.unit_code AS req, m.bucket AS bucket,"
            f" {'sum(d.value)' if flow else 'd.value'} AS total, NULL, NULL"
            " FROM m CROSS JOIN s CROSS JOIN data_values d"
            f" WHERE d.indicator_code = {code} AND d.period = m.period AND d.unit_code >= s.lo"
            " AND d.unit_code <= s.hi AND d.value IS NOT NULL"
            " AND d.unit_code IN (SELECT unit FROM l)"
            + (" GROUP BY m.bucket, d.unit_code" if flow else "")
        )
    if plan.leaves and plan.grouped:
        selects.append(
            "SELECT unit AS req, bucket, value AS total, NULL, NULL FROM last"
            " WHERE unit IN (SELECT unit FROM l)"
        )
    return f"WITH {', '.join(ctes)} {' UNION ALL '.join(selects)}", params


def _by_period(find):
    """``find`` of per-period facts, asked with (period, span) keys: it is given the periods
    and returns {period: fact}; the span is the caller's, the same for every key."""

    def by_key(keys: list[tuple[str, tuple]]) -> dict[tuple[str, tuple], object]:
        found = find([period for period, _span in keys])
        return {key: found.get(key[0]) for key in keys}

    return by_key


def merged(runs: Sequence[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """The codes of ``runs`` (request, first, last) as disjoint ranges (first, last)."""
    ranges: list[tuple[str, str]] = []
    for low, high in sorted((low, high) for _unit, low, high in runs):
        if ranges and low <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], high))
        else:
            ranges.append((low, high))
    return ranges
