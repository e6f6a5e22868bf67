"""How much of a period each unit has reported, counting its sub-periods: a commune that
sends monthly returns has reported Quý IV when it has reported October, November and
December, though nothing is stored for the quarter itself.

The one rule for the Reporting view, the Dashboard's map, the status bar, the grid's
"Filled" column and the form, and for what may be typed at a period made of its
sub-periods (``core.edits``):

- an indicator's value for a period is **whole** when it is stored for the period itself,
  or when each of its next finer periods is whole (a year: both halves; a half: its
  quarters; a quarter: its three months), so a year of quarters or of months counts;
- where nothing is stored for the period itself, the value people see is **made of its
  sub-periods** by the rule every sum follows (``store.aggregates``): the coarsest level of
  sub-periods holding a value, its sum for a flow, its last value for a stock. A unit's own
  sub-periods only: sums over sub-units are the aggregates' business.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ictdesk.core.catalogue import Indicator, TimeAggregation
from ictdesk.core.periods import Period, PeriodType
from ictdesk.core.store.base import StorePart

# each kind of period and the next finer one it is made of
_NEXT_FINER = {
    PeriodType.YEAR: PeriodType.HALF,
    PeriodType.HALF: PeriodType.QUARTER,
    PeriodType.QUARTER: PeriodType.MONTH,
}
_FINER_LEVELS = (PeriodType.HALF, PeriodType.QUARTER, PeriodType.MONTH)
_UNITS_PER_QUERY = 500


@dataclass
class PeriodCover:
    """One unit's indicators for one period: which are whole, and the values made of its
    sub-periods where nothing is stored for the period itself."""

    whole: set[str] = field(default_factory=set)
    made_of: dict[str, float] = field(default_factory=dict)


class _Coverage(StorePart):
    """Part of :class:`ValueStore`."""

    def coverage(self, period: str, unit_codes: list[str]) -> dict[str, PeriodCover]:
        """Each unit's :class:`PeriodCover` of ``period`` for the entered indicators, read in a
        few queries (every unit's values of the period and its sub-periods)."""
        target = Period.parse(period)
        layout = _Layout(target)
        entered = {ind.code: ind for ind in self.catalogue.entered}
        held: dict[tuple[str, str], dict[str, float]] = {}
        for start in range(0, len(unit_codes), _UNITS_PER_QUERY):
            block = unit_codes[start : start + _UNITS_PER_QUERY]
            query = (
                "SELECT unit_code, indicator_code, period, value FROM data_values"
                f" WHERE unit_code IN ({','.join('?' * len(block))})"
                f" AND period IN ({','.join('?' * len(layout.periods))})"
                " AND value IS NOT NULL"
            )
            for unit, code, stored, value in self.db.execute(query, [*block, *layout.periods]):
                values = held.get((unit, code))
                if values is None:
                    values = held[(unit, code)] = {}
                values[stored] = value
        result = {unit: PeriodCover() for unit in unit_codes}
        whole_of: dict[frozenset, bool] = {}  # the same months held: the same answer
        for (unit, code), values in held.items():
            if code not in entered:
                continue
            cover = result[unit]
            if target.iso in values:
                cover.whole.add(code)
                continue
            periods = frozenset(values)
            whole = whole_of.get(periods)
            if whole is None:
                whole = whole_of[periods] = layout.whole(periods)
            if whole:
                cover.whole.add(code)
            cover.made_of[code] = layout.made_of(values, entered[code])
        return result

    def whole_counts(self, period: str, unit_codes: list[str]) -> dict[str, int]:
        """How many entered indicators of each unit are whole for ``period``: counted per
        stored period in one grouped read (a province's 148 communes, a year of months:
        1.8k counts, not 51k values); a unit whose counts do not settle it (a sub-period
        partly reported) is read value by value (:meth:`coverage`)."""
        layout = _Layout(Period.parse(period))
        codes = [ind.code for ind in self.catalogue.entered]
        # Where the file holds entered indicators only (the usual case), count(value) counts
        # them: 10 ms for a province's year of months, against 18 ms asking each code.
        counted = "count(value)"
        if not self._entered_only():
            counted = f"sum(indicator_code IN ({','.join('?' * len(codes))}) AND value IS NOT NULL)"
        counts: dict[str, dict[str, int]] = defaultdict(dict)
        for start in range(0, len(unit_codes), _UNITS_PER_QUERY):
            block = unit_codes[start : start + _UNITS_PER_QUERY]
            query = (
                f"SELECT unit_code, period, {counted}"
                f" FROM data_values WHERE unit_code IN ({','.join('?' * len(block))})"
                f" AND period IN ({','.join('?' * len(layout.periods))})"
                " GROUP BY unit_code, period"
            )
            asked = [*([] if counted == "count(value)" else codes), *block, *layout.periods]
            for unit, stored, count in self.db.execute(query, asked):
                if count:
                    counts[unit][stored] = count
        result, unsettled = {}, []
        for unit in unit_codes:
            held = counts.get(unit, {})
            if layout.whole({iso for iso, count in held.items() if count == len(codes)}):
                result[unit] = len(codes)  # every indicator whole
            elif set(held) <= {layout.period.iso}:
                result[unit] = held.get(layout.period.iso, 0)  # the period alone, or nothing
            else:
                unsettled.append(unit)
        for unit, cover in self.coverage(period, unsettled).items():
            result[unit] = len(cover.whole)
        return result

    def _entered_only(self) -> bool:
        """Whether every indicator the file holds is an entered one (one seek a code in the
        by-indicator index; kept until the data changes)."""
        kept = self.kept_until_change("entered only")
        if not kept:
            entered, code, only = {ind.code for ind in self.catalogue.entered}, "", True
            while only:
                found = self.db.execute(
                    "SELECT indicator_code FROM data_values WHERE indicator_code > ?"
                    " ORDER BY indicator_code LIMIT 1",
                    [code],
                ).fetchone()
                if found is None:
                    break
                code = found[0]
                only = code in entered
            kept[True] = only
        return kept[True]


class _Layout:
    """A period's sub-periods, level by level, and the rules over the values held in them."""

    def __init__(self, period: Period):
        self.period = period
        finer = [t for t in _FINER_LEVELS if t.months < period.type.months]
        self.levels = [[period.iso]] + [[s.iso for s in period.sub_periods(t)] for t in finer]
        self.periods = [iso for level in self.levels for iso in level]
        self._parts: dict[str, list[str]] = {}
        for p in [period] + [s for t in finer for s in period.sub_periods(t)]:
            if p.type in _NEXT_FINER:
                self._parts[p.iso] = [s.iso for s in p.sub_periods(_NEXT_FINER[p.type])]

    def whole(self, values, iso: str | None = None) -> bool:
        """Whether the period (or its sub-period ``iso``) is whole where ``values`` (periods,
        or a mapping keyed by them) hold a value."""
        iso = iso or self.period.iso
        if iso in values:
            return True
        parts = self._parts.get(iso)
        return bool(parts) and all(self.whole(values, part) for part in parts)

    def made_of(self, values: dict[str, float], indicator: Indicator) -> float | None:
        """The value made of the coarsest level of sub-periods holding one: its sum for a
        flow, its last for a stock (the rule of ``store.aggregates``)."""
        for level in self.levels[1:]:
            found = [values[iso] for iso in level if iso in values]
            if found:
                if indicator.time_aggregation is TimeAggregation.SUM:
                    return sum(found)
                return found[-1]
        return None
