"""Values aggregated up the unit tree and over time, computed in memory."""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from typing import TYPE_CHECKING

from ictdesk.core.catalogue import Indicator, TimeAggregation
from ictdesk.core.periods import Period, PeriodType
from ictdesk.core.store.base import StorePart
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
        stamp = self.data_stamp()
        if self._aggregates_cache is None or self._aggregates_cache[0] != stamp:
            self._aggregates_cache = (stamp, OrderedDict())
        kept = self._aggregates_cache[1]
        key = (unit_code, period)
        if key in kept:
            kept.move_to_end(key)
        else:
            kept[key] = self.subtree_aggregates(unit_code, period, [unit_code])[unit_code]
            if len(kept) > _KEPT_AGGREGATES:
                kept.popitem(last=False)
        return dict(kept[key])

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


_FINER_TYPES = (PeriodType.HALF, PeriodType.QUARTER, PeriodType.MONTH)


class _SubtreeValues:
    """Values of a few indicators over a subtree, fetched in one query, aggregated in memory.

    SQLite sums each level of sub-periods (the period itself, its halves, quarters, months)
    per unit and indicator and keeps its last value; which level counts, the tree and the
    rates are decided here. A province's year of monthly data is 51k values but 4.3k rows.
    """

    def __init__(
        self, store: ValueStore, unit_code: str, indicators: list[Indicator], periods: list[Period]
    ):
        prefix = store._path(unit_code)
        mapping: list[object] = []  # (stored period, bucket, level, position) flattened
        for p in dict.fromkeys(periods):
            mapping += (p.iso, p.iso, 0, 0)
            finer = [t for t in _FINER_TYPES if t.months < p.type.months]
            for level, ptype in enumerate(finer, start=1):
                for position, sub in enumerate(p.sub_periods(ptype)):
                    mapping += (sub.iso, p.iso, level, position)
        codes = [i.code for i in indicators]
        self.children: dict[str, list[str]] = defaultdict(list)
        low, high = path_range(prefix)
        for code, parent in store.db.execute(
            "SELECT code, parent_code FROM units WHERE path >= ? AND path < ? AND code != ?",
            [low, high, unit_code],
        ):
            self.children[parent].append(code)
        # (unit, indicator) -> bucket -> (sum, last value) of the coarsest level holding one
        self.rows: dict[tuple[str, str], dict[str, tuple[float, float]]] = defaultdict(dict)
        levels: dict[tuple[str, str, str], int] = {}
        # Units first, then the stored periods: each unit's values of a period are one seek
        # in the primary key (unit, period, indicator), 2.8k seeks for a province's year
        # instead of 81k in the by-indicator index; the sum and the last value of each level
        # are taken by SQLite (max(pos) gives the bare value its row).
        rows = ",".join(["(?,?,?,?)"] * (len(mapping) // 4))
        code_marks = ",".join("?" * len(codes))
        query = (
            f"WITH m(period, bucket, lvl, pos) AS (VALUES {rows})"
            " SELECT v.unit_code, v.indicator_code, m.bucket, m.lvl, sum(v.value), v.value,"
            " max(m.pos)"
            " FROM units u CROSS JOIN m CROSS JOIN data_values v"
            " ON v.unit_code = u.code AND v.period = m.period"
            f" WHERE u.path >= ? AND u.path < ? AND v.indicator_code IN ({code_marks})"
            " AND v.value IS NOT NULL GROUP BY v.unit_code, v.indicator_code, m.bucket, m.lvl"
        )
        for unit, ind, bucket, level, total, last, _pos in store.db.execute(
            query, [*mapping, low, high, *codes]
        ):
            key = (unit, ind, bucket)
            if levels.get(key, 9) > level:
                levels[key] = level
                self.rows[(unit, ind)][bucket] = (total, last)

    def own(self, unit_code: str, indicator: Indicator, period: Period) -> float | None:
        """The unit's own value for ``period``: the value stored for the period itself, else
        the sum (a flow) or the last (a stock) of its halves, else quarters, else months."""
        values = self.rows.get((unit_code, indicator.code))
        if not values:
            return None
        found = values.get(period.iso)
        if found is None:
            return None
        return found[0] if indicator.time_aggregation is TimeAggregation.SUM else found[1]

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
