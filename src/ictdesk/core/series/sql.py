"""Series of one indicator over time for several units, computed by aggregate SQL queries.

A named query module: it runs SQL on the store's connection (see ``tests/test_architecture``).

The rules are those of :meth:`ValueStore.series` (and the two must agree):

- over time, a value stored for the period itself wins; else it is made of each sub-period
  holding a value that no coarser held one inside the period contains (a stored quarter
  stands for its months, ``periods.periods_made_of``): a flow (``sum``) is their sum, a stock
  (``last``) the value of the one ending last;
- up the tree, a unit's own value wins, otherwise its children's values are summed;
- a rate is Σnumerator / Σdenominator over the units where both parts are known, never a
  mean of rates;
- a missing value is ``None``, never ``0``.

Everything above is done by SQLite in one query per call (:func:`series_sql`), so a national
series reads one row per unit and period bucket into Python, never the raw values. The query
is exposed so that the bench can time the same SQL run bare. Where the data allows, parts of
it are taken by short cuts (``core.series.shortcuts``): sums over ranges of codes, seeks.
"""

from __future__ import annotations

import functools
import weakref
from collections import OrderedDict
from collections.abc import Sequence

from ictdesk.core.catalogue import Indicator, TimeAggregation
from ictdesk.core.errors import UnknownUnit
from ictdesk.core.periods import FINER_TYPES, Period
from ictdesk.core.series import ranges, shortcuts
from ictdesk.core.series.table import MAX_BUCKETS, SeriesError, SeriesTable
from ictdesk.core.store import ValueStore, seeks

_UNIT_BLOCK = 500  # requested units per query, under SQLite's variable limit
_KEPT_QUERIES = 64  # series queries kept per store, the least recently asked dropped first

# Each store's queries, each with the stamp of the values it reads: whether the plain sums may
# be used costs more than the sums themselves (a national rate: 200 ms of checks, 20 ms of
# sums), and redrawing asks the same again. A query depends only on its indicator's values (or
# its parts') and the units: a save of another indicator keeps it, a save of its own, an
# import, a unit added or another process's write drops it (``ValueStore.values_stamp``).
_KEPT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


_GROUPED_TIMED = """  timed AS (
    -- each stored value read once, however many requested units count it: per unit,
    -- indicator and bucket, the sum of the values that count (no coarser held period of the
    -- bucket contains theirs) and the value of the one ending last (max() picks the row of
    -- the bare column)
    SELECT v.unit_code AS unit, v.indicator_code AS ind, m.bucket AS bucket,
           sum(v.value) AS total, v.value AS last, max(m.fin)
    FROM m CROSS JOIN data_values v ON v.period = m.period
    WHERE v.indicator_code IN ({parts}) AND v.value IS NOT NULL
      -- the members' codes bound the seek: a province's communes, not the country's
      AND v.unit_code >= (SELECT min(unit) FROM members)
      AND v.unit_code <= (SELECT max(unit) FROM members)
      AND v.unit_code IN (SELECT unit FROM members)
      AND {counts}
    GROUP BY v.unit_code, v.indicator_code, m.bucket)"""


def _period_map(periods: Sequence[Period]) -> tuple[tuple[str, str, int, int], ...]:
    """(stored period, bucket, level, position) rows: which stored values make up a bucket."""
    return _period_map_of(tuple(periods))


@functools.lru_cache(maxsize=256)
def _period_map_of(periods: tuple[Period, ...]) -> tuple[tuple[str, str, int, int], ...]:
    """:func:`_period_map`, kept: a dashboard asks it for 8 indicators over the same periods
    (1.2 ms each for 8 years of months, making Period objects)."""
    rows = []
    for bucket in periods:
        rows.append((bucket.iso, bucket.iso, 0, 0))
        for level, ptype in enumerate(FINER_TYPES, start=1):
            if ptype.months < bucket.type.months:
                for position, sub in enumerate(bucket.sub_periods(ptype)):
                    rows.append((sub.iso, bucket.iso, level, position))
    return tuple(rows)


def _time_column(indicator: Indicator) -> str:
    return "total" if indicator.time_aggregation is TimeAggregation.SUM else "last"


def series_sql(
    store: ValueStore, indicator_code: str, unit_codes: Sequence[str], periods: Sequence[Period]
) -> tuple[str, list]:
    """The SQL (and its parameters) that computes a series; see :func:`compute_series`.

    It returns rows ``(unit_code, period, numerator_sum, denominator_sum, units_counted)``;
    for an entered indicator the denominator is ``NULL``. Periods or units with nothing known
    have no row. ``units_counted`` is ``NULL`` when the sums are taken over ranges of unit
    codes (see :func:`ranges.range_sql`). Kept until the values it reads change.
    """
    kept: OrderedDict = _KEPT.setdefault(store, OrderedDict())
    key = (indicator_code, tuple(unit_codes), tuple(periods))
    stamp = store.values_stamp(_part_codes(store.catalogue[indicator_code]))
    entry = kept.get(key)
    if entry is None or entry[0] != stamp:
        entry = kept[key] = (stamp, *_build_sql(store, indicator_code, unit_codes, periods))
    kept.move_to_end(key)
    if len(kept) > _KEPT_QUERIES:
        kept.popitem(last=False)
    _stamp, sql, params = entry
    return sql, list(params)


def _part_codes(indicator: Indicator) -> tuple[str, ...]:
    """The entered indicators whose values a series of ``indicator`` reads."""
    if indicator.formula is None:
        return (indicator.code,)
    return (indicator.formula.numerator, indicator.formula.denominator)


def _build_sql(
    store: ValueStore, indicator_code: str, unit_codes: Sequence[str], periods: Sequence[Period]
) -> tuple[str, list]:
    parts = [store.catalogue[code] for code in _part_codes(store.catalogue[indicator_code])]
    mapping = _period_map(periods)
    held = {part.code: shortcuts.held_periods(store, part, mapping) for part in parts}
    quick = (
        ranges.range_sql(store, parts[0], unit_codes, mapping, held[parts[0].code])
        if len(parts) == 1
        else ranges.paired_range_sql(store, parts, unit_codes, mapping, held)
    )
    if quick is not None:
        return quick
    if len(parts) == 2:
        # one row per unit and bucket holding both parts
        own = (
            "SELECT unit, bucket,"
            f" max(CASE WHEN ind = ? THEN {_time_column(parts[0])} END) AS n,"
            f" max(CASE WHEN ind = ? THEN {_time_column(parts[1])} END) AS d"
            " FROM timed GROUP BY unit, bucket HAVING n IS NOT NULL AND d IS NOT NULL"
        )
    else:
        own = f"SELECT unit, bucket, {_time_column(parts[0])} AS n, NULL AS d FROM timed"
    # Only values of units with children hide others: when none holds one (communes alone
    # report), every placed value counts and the shadow test is skipped (20 ms of 80).
    shadowed = any(shortcuts.parents_hold(store, part, held[part.code]) for part in parts)
    unshadowed = (
        "WHERE NOT EXISTS (SELECT 1 FROM shadow s WHERE s.req = p.req AND s.bucket = p.bucket"
        " AND p.path > s.lo AND p.path < s.hi)"
        if shadowed
        else ""
    )
    seeking = shortcuts.seek_timed(parts, mapping, held)
    if seeking is not None:
        w_cte, timed, w_params = seeking
        first = w_cte
    else:
        everywhere = set().union(*held.values())
        made_of = seeks.made_of_rows(periods, everywhere)
        marks = ",".join(["(?, ?, ?, ?, ?, ?)"] * len(made_of))
        first = f"{seeks.MADE_OF_COLUMNS} AS (VALUES {marks})"
        timed = _GROUPED_TIMED.format(
            parts=",".join("?" * len(parts)), counts=seeks.NOT_INSIDE_HELD
        )
    sql = f"""
WITH
  {first},
  req(code, lo, hi) AS (
    SELECT code, path, substr(path, 1, length(path) - 1) || '0' FROM units
    WHERE code IN ({",".join("?" * len(unit_codes))})),
  members(req, unit, path) AS MATERIALIZED (
    SELECT r.code, u.code, u.path FROM req r JOIN units u ON u.path >= r.lo AND u.path < r.hi),
  {timed},
  own AS MATERIALIZED ({own}),
  placed AS MATERIALIZED (
    -- each unit's own value once per requested unit whose subtree holds it
    SELECT mb.req AS req, mb.unit AS unit, mb.path AS path, o.bucket AS bucket, o.n AS n,
           o.d AS d
    FROM members mb CROSS JOIN own o ON o.unit = mb.unit),
  shadow AS MATERIALIZED (
    -- the values of units with children, which hide their subtrees' values
    SELECT req, bucket, path AS lo, substr(path, 1, length(path) - 1) || '0' AS hi
    FROM placed
    WHERE unit IN (SELECT parent_code FROM units WHERE parent_code IS NOT NULL))
SELECT p.req, p.bucket, sum(p.n), sum(p.d), count(*)
FROM placed p
{unshadowed}
GROUP BY p.req, p.bucket
"""
    if seeking is not None:
        params: list = [*w_params, *unit_codes]
    else:
        params = [x for row in made_of for x in row]
        params += list(unit_codes)
        params += [p.code for p in parts]
    if len(parts) == 2:
        params += [p.code for p in parts]  # the CASE expressions of n and d
    return sql, params


def compute_series(
    store: ValueStore,
    indicator_code: str,
    unit_codes: Sequence[str],
    periods: Sequence[Period | str],
) -> SeriesTable:
    """One indicator (entered or derived) for each of ``unit_codes`` over ``periods``.

    Each unit's value covers its whole subtree (see the module docstring for the rules).
    Raises :class:`UnknownUnit`, :class:`UnknownIndicator`, :class:`InvalidPeriod` or
    :class:`SeriesError`.
    """
    indicator = store.catalogue[indicator_code]
    parsed = [p if isinstance(p, Period) else Period.parse(p) for p in periods]
    parsed = list(dict.fromkeys(parsed))  # once each, in the order given
    if len(parsed) > MAX_BUCKETS:
        raise SeriesError(f"too many periods for one series: {len(parsed)} > {MAX_BUCKETS}")
    codes = list(dict.fromkeys(unit_codes))
    table = SeriesTable(indicator, parsed, {code: [None] * len(parsed) for code in codes})
    if not codes or not parsed:
        return table
    position = {p.iso: i for i, p in enumerate(parsed)}
    found = set()
    for start in range(0, len(codes), _UNIT_BLOCK):
        block = codes[start : start + _UNIT_BLOCK]
        found.update(
            row[0]
            for row in store.db.execute(
                f"SELECT code FROM units WHERE code IN ({','.join('?' * len(block))})", block
            )
        )
        sql, params = series_sql(store, indicator_code, block, parsed)
        for unit, bucket, numerator, denominator, _count in store.db.execute(sql, params):
            value = (
                numerator
                if indicator.formula is None
                else indicator.formula.apply(numerator, denominator)
            )
            table.values[unit][position[bucket]] = value
    missing = [c for c in codes if c not in found]
    if missing:
        raise UnknownUnit(f"unknown unit code: {missing[0]}")
    return table


def data_years(store: ValueStore, indicator_code: str) -> tuple[int, int] | None:
    """The first and last year holding a value of the indicator (or of its parts), or None.

    A few index look-ups: ``min``/``max`` over the covering index of ``data_values``.
    """
    codes = _part_codes(store.catalogue[indicator_code])
    years: list[int] = []
    for code in codes:
        for end in ("min", "max"):  # one aggregate per query, or SQLite scans the index
            (period,) = store.db.execute(
                f"SELECT {end}(period) FROM data_values WHERE indicator_code = ?", [code]
            ).fetchone()
            if period is not None:
                years.append(int(period[:4]))
    return (min(years), max(years)) if years else None
