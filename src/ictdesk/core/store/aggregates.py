"""Values aggregated up the unit tree and over time, computed in memory."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ictdesk.core.catalogue import Indicator, TimeAggregation
from ictdesk.core.periods import Period, PeriodType
from ictdesk.core.store.base import StorePart
from ictdesk.core.store.tree import path_range

if TYPE_CHECKING:
    from ictdesk.core.store import ValueStore


class _Aggregates(StorePart):
    """Part of :class:`ValueStore`."""

    def aggregate(self, indicator_code: str, unit_code: str, period: str) -> float | None:
        """One indicator for a unit and period, aggregated up the tree and over time."""
        return self.series(indicator_code, unit_code, [period])[period]

    def aggregates(self, unit_code: str, period: str) -> dict[str, float | None]:
        """Every indicator (entered and derived) of a unit's subtree for one period."""
        return self.subtree_aggregates(unit_code, period, [unit_code])[unit_code]

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
    """Values of a few indicators over a subtree, fetched in one query, aggregated in memory."""

    def __init__(
        self, store: ValueStore, unit_code: str, indicators: list[Indicator], periods: list[Period]
    ):
        prefix = store._path(unit_code)
        self._plans: dict[Period, tuple[str, tuple[tuple[str, ...], ...]]] = {}
        wanted: set[str] = set()
        for p in periods:
            iso, finer = self._levels(p)
            wanted.add(iso)
            for codes in finer:
                wanted.update(codes)
        codes = [i.code for i in indicators]
        self.children: dict[str, list[str]] = defaultdict(list)
        low, high = path_range(prefix)
        for code, parent in store.db.execute(
            "SELECT code, parent_code FROM units WHERE path >= ? AND path < ? AND code != ?",
            [low, high, unit_code],
        ):
            self.children[parent].append(code)
        self.rows: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
        period_list = sorted(wanted)
        marks = ",".join("?" * len(period_list))
        code_marks = ",".join("?" * len(codes))
        # Units first: each unit of the subtree is sought in the by-indicator index (4 ms for a
        # province's month in a national database, instead of 28 ms scanning every unit's
        # values of the month and keeping the subtree's). The scan wins only near the whole
        # country (86 ms against 131 ms), which is no unit's subtree.
        query = (
            "SELECT v.unit_code, v.indicator_code, v.period, v.value"
            " FROM units u CROSS JOIN data_values v ON v.unit_code = u.code"
            f" WHERE v.indicator_code IN ({code_marks}) AND v.period IN ({marks})"
            " AND u.path >= ? AND u.path < ? AND v.value IS NOT NULL"
        )
        for unit, ind, period, value in store.db.execute(query, [*codes, *period_list, low, high]):
            self.rows[(unit, ind)][period] = value

    def _levels(self, period: Period) -> tuple[str, tuple[tuple[str, ...], ...]]:
        """The period's ISO code and its sub-periods' codes, finest last: built once per
        period, not per unit and indicator (that was nine tenths of a province's year)."""
        levels = self._plans.get(period)
        if levels is None:
            finer = tuple(
                tuple(s.iso for s in period.sub_periods(ptype))
                for ptype in _FINER_TYPES
                if ptype.months < period.type.months
            )
            levels = self._plans[period] = (period.iso, finer)
        return levels

    def own(self, unit_code: str, indicator: Indicator, period: Period) -> float | None:
        """The unit's own value for ``period``, from the period itself or its sub-periods."""
        values = self.rows.get((unit_code, indicator.code))
        if not values:
            return None
        iso, finer = self._levels(period)
        value = values.get(iso)
        if value is not None:
            return value
        for codes in finer:
            present = [values[c] for c in codes if c in values]
            if present:
                if indicator.time_aggregation is TimeAggregation.SUM:
                    return sum(present)
                return present[-1]
        return None

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
