"""Values aggregated up the unit tree and over time, computed in memory."""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from typing import TYPE_CHECKING

from ictdesk.core.catalogue import Indicator, TimeAggregation
from ictdesk.core.periods import Period, sub_period_levels
from ictdesk.core.store.base import StorePart
from ictdesk.core.store.seeks import (
    MADE_OF_COLUMNS,
    NOT_INSIDE_HELD,
    held_periods,
    made_of_rows,
    own_value_sql,
)
from ictdesk.core.store.tree import path_range

if TYPE_CHECKING:
    from ictdesk.core.store import ValueStore


_KEPT_AGGREGATES = 32  # units and periods whose aggregates are kept while the data is unchanged


class _Aggregates(StorePart):
    """Part of :class:`ValueStore`."""

    def aggregate(self, indicator_code: str, unit_code: str, period: str) -> float | None:
        """One indicator for a unit and period, aggregated up the tree and over time."""
        return self.series(indicator_code, unit_code, [period])[period]

    def aggregates(self, unit_code: str, period: str) -> dict[str, float | None]:
        """Every indicator (entered and derived) of a unit's subtree for one period.

        Kept until the data changes (:meth:`data_stamp`): going back to the province from
        one of its communes shows its sums at once (a year of monthly data: 0.1 s to sum)."""
        kept = self._kept_aggregates()
        key = (unit_code, period)
        if key in kept:
            kept.move_to_end(key)
        else:
            kept[key] = self.subtree_aggregates(unit_code, period, [unit_code])[unit_code]
            if len(kept) > _KEPT_AGGREGATES:
                kept.popitem(last=False)
        return dict(kept[key])

    def aggregates_kept(self, unit_code: str, period: str) -> bool:
        """Whether :meth:`aggregates` of ``unit_code`` and ``period`` would answer at once
        (kept since the data last changed)."""
        return (unit_code, period) in self._kept_aggregates()

    def _kept_aggregates(self) -> OrderedDict:
        """The aggregates kept since the data last changed (emptied when it has)."""
        stamp = self.data_stamp()
        if self._aggregates_cache is None or self._aggregates_cache[0] != stamp:
            self._aggregates_cache = (stamp, OrderedDict())
        return self._aggregates_cache[1]

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


_ROWS_PER_QUERY = 30_000  # bound parameters per statement (SQLite allows 32,766)


def _chunks(items: list, size: int) -> list[list]:
    size = max(1, size)
    return [items[i : i + size] for i in range(0, len(items), size)]


class _SubtreeValues:
    """Values of a few indicators over a subtree, read in a few queries, aggregated in memory.

    For each unit and indicator SQLite gives, per asked period (a bucket), the value made of
    the period itself, else of each sub-period holding one that no coarser held one contains
    (``periods.periods_made_of``): their sum for a flow, the last for a stock. The tree and
    the rates are decided here.

    Where the file holds an indicator at one level only (the usual case: monthly returns),
    each unit's value is read by seeks: a stock's last month is the first one found going
    back, a flow's months are summed. A province's year of monthly data is then 8.9k seeks,
    not 51k values grouped and sorted (28 ms instead of 180 on a slow machine). Indicators
    stored at several levels of the asked periods are read the general way
    (:meth:`_read_levels`).
    """

    def __init__(
        self, store: ValueStore, unit_code: str, indicators: list[Indicator], periods: list[Period]
    ):
        self.children: dict[str, list[str]] = defaultdict(list)
        self.low, self.high = path_range(store._path(unit_code))
        for code, parent in store.db.execute(
            "SELECT code, parent_code FROM units WHERE path >= ? AND path < ? AND code != ?",
            [self.low, self.high, unit_code],
        ):
            self.children[parent].append(code)
        # bucket -> level -> the stored periods of that level, in order
        self.levels: dict[str, list[list[str]]] = {}
        for p in dict.fromkeys(periods):
            levels = sub_period_levels(p)
            self.levels[p.iso] = [[p.iso]] + [[s.iso for s in level] for level in levels]
        # (bucket, unit, indicator) -> the unit's own value: the sum (a flow) or the last (a
        # stock) of the sub-periods it is made of
        self.values: dict[tuple[str, str, str], float] = {}
        self.held: set[str] = set()  # the stored periods any unit holds any of them for
        stored = self._levels_stored(store, [i.code for i in indicators])
        several = {ind for (ind, _bucket), levels in stored.items() if len(levels) > 1}
        single = [
            (ind, bucket, levels.pop())
            for (ind, bucket), levels in stored.items()
            if ind not in several
        ]
        flows = {i.code for i in indicators if i.time_aggregation is TimeAggregation.SUM}
        if single:
            self._read_single_levels(store, single, flows)
        if several:
            self._read_levels(store, sorted(several), flows)

    def _levels_stored(self, store: ValueStore, codes: list[str]) -> dict[tuple, set[int]]:
        """(indicator, bucket) -> the levels at which any unit of the file stores a value."""
        stored = [period for levels in self.levels.values() for level in levels for period in level]
        held = held_periods(store.db, codes, stored)
        self.held = set().union(*held.values())
        found: dict[tuple, set[int]] = defaultdict(set)
        for code in codes:
            for bucket, levels in self.levels.items():
                for level, periods in enumerate(levels):
                    if held[code].intersection(periods):
                        found[(code, bucket)].add(level)
        return found

    def _read_single_levels(
        self, store: ValueStore, single: list[tuple[str, str, int]], flows: set[str]
    ) -> None:
        """Each unit's value of (indicator, bucket) stored at one level only, by seeks."""
        by_width: dict[int, list[tuple]] = defaultdict(list)
        for ind, bucket, level in single:
            stored = self.levels[bucket][level]
            by_width[len(stored)].append((ind, bucket, int(ind in flows), *stored))
        for width, wanted in by_width.items():
            columns = [f"p{i}" for i in range(width)]
            value = own_value_sql("u.code", "w.ind", "w.flow", columns)
            marks = "(" + ",".join("?" * (width + 3)) + ")"
            for chunk in _chunks(wanted, _ROWS_PER_QUERY // (width + 3)):
                query = (
                    f"WITH w(ind, bucket, flow, {', '.join(columns)}) AS"
                    f" (VALUES {','.join([marks] * len(chunk))})"
                    f" SELECT u.code, w.ind, w.bucket, {value}"
                    " FROM units u CROSS JOIN w WHERE u.path >= ? AND u.path < ?"
                )
                params = [x for row in chunk for x in row]
                for unit, ind, bucket, value in store.db.execute(
                    query, [*params, self.low, self.high]
                ):
                    if value is not None:
                        self.values[(bucket, unit, ind)] = value

    def _read_levels(self, store: ValueStore, codes: list[str], flows: set[str]) -> None:
        """Indicators stored at several levels: SQLite reads the values that count (each
        sub-period no coarser held one contains, :data:`seeks.NOT_INSIDE_HELD`) per unit,
        indicator and bucket, their sum and the value of the one ending last."""
        rows = made_of_rows([Period.parse(bucket) for bucket in self.levels], self.held)
        marks = ",".join(["(?,?,?,?,?,?)"] * len(rows))
        code_marks = ",".join("?" * len(codes))
        # Units first, then the stored periods: each unit's values of a period are one seek
        # in the covering index; max(fin) gives the bare value its row.
        query = (
            f"WITH {MADE_OF_COLUMNS} AS (VALUES {marks})"
            " SELECT v.unit_code, v.indicator_code, m.bucket, sum(v.value), v.value,"
            " max(m.fin)"
            " FROM units u CROSS JOIN m CROSS JOIN data_values v"
            " ON v.unit_code = u.code AND v.period = m.period"
            f" WHERE u.path >= ? AND u.path < ? AND v.indicator_code IN ({code_marks})"
            f" AND v.value IS NOT NULL AND {NOT_INSIDE_HELD}"
            " GROUP BY v.unit_code, v.indicator_code, m.bucket"
        )
        params = [x for row in rows for x in row]
        for unit, ind, bucket, total, last, _fin in store.db.execute(
            query, [*params, self.low, self.high, *codes]
        ):
            self.values[(bucket, unit, ind)] = total if ind in flows else last

    def own(self, unit_code: str, indicator: Indicator, period: Period) -> float | None:
        """The unit's own value for ``period``: the value stored for the period itself, else
        the sum (a flow) or the last (a stock) of the sub-periods it is made of."""
        return self.values.get((period.iso, unit_code, indicator.code))

    def entered(self, unit_code: str, indicator: Indicator, period: Period) -> float | None:
        """The unit's own value, else the sum of its children's (None when none is known)."""
        return self._entered(unit_code, indicator.code, period.iso)

    def _entered(self, unit_code: str, code: str, bucket: str) -> float | None:
        own = self.values.get((bucket, unit_code, code))
        if own is not None:
            return own
        total = None
        for child in self.children.get(unit_code, ()):
            value = self._entered(child, code, bucket)
            if value is not None:
                total = value if total is None else total + value
        return total

    def pair(
        self, unit_code: str, numerator: Indicator, denominator: Indicator, period: Period
    ) -> tuple[float, float] | None:
        """A rate's (numerator, denominator) for the unit: its own when it has both, else
        the sums over its children that have both (None when none has)."""
        return self._pair(unit_code, numerator.code, denominator.code, period.iso)

    def _pair(self, unit_code: str, num_code: str, den_code: str, bucket: str):
        num = self.values.get((bucket, unit_code, num_code))
        den = self.values.get((bucket, unit_code, den_code))
        if num is not None and den is not None:
            return num, den
        found = None
        for child in self.children.get(unit_code, ()):
            part = self._pair(child, num_code, den_code, bucket)
            if part is not None:
                found = part if found is None else (found[0] + part[0], found[1] + part[1])
        return found
