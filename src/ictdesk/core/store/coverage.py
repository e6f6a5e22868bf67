"""How much of a period each unit has reported, counting its sub-periods: a commune that
sends monthly returns has reported Quý IV when it has reported October, November and
December, though nothing is stored for the quarter itself.

The one rule for the Reporting view, the Dashboard's map, the status bar, the grid's
"Filled" column, the form, validation, and what may be typed at a period made of its
sub-periods (``core.edits``):

- where nothing is stored for the period itself, its value is **made of its sub-periods**
  by the rule every sum follows (``store.aggregates``, ``periods.periods_made_of``): each
  sub-period holding a value that no coarser one holding a value contains (a stored quarter
  stands for its months), their sum for a flow, the last one's value for a stock. A unit's
  own sub-periods only: sums over sub-units are the aggregates' job;
- the value is **whole** when it is stored for the period itself, or when those sub-periods
  span every month of it (a quarter's three months; a year of Q1 sent as a quarter, then
  April to December month by month);
- a value made of sub-periods is shown (greyed) but not typed: stored, it would hide them;
- rules and large changes are checked on whole values only: a quarter half reported would
  break rules none of its months breaks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ictdesk.core.catalogue import Indicator, TimeAggregation
from ictdesk.core.periods import (
    Period,
    PeriodType,
    periods_made_of,
    spans_whole,
    sub_period_levels,
)
from ictdesk.core.store.base import StorePart
from ictdesk.core.units import Unit

_UNITS_PER_QUERY = 500

Values = Mapping[str, float | None]  # indicator code -> value


class Reported(NamedTuple):
    """How far one unit has reported a period, as the Reporting view, the Dashboard's map
    and the status bar show it."""

    unit: Unit
    filled: int  # entered indicators whole for the period
    expected: int  # entered indicators
    status: str  # "full" (every one whole), "partial" (something reported), "none"
    # a period made of sub-periods: how many of them hold every indicator, of how many, and
    # their kind (1 of 3 months of a quarter in progress); None where it is stored itself
    parts: tuple[int, int, PeriodType] | None = None


@dataclass
class PeriodCover:
    """One unit's entered indicators for one period: which are whole, and the values made of
    its sub-periods where nothing is stored for the period itself."""

    whole: set[str] = field(default_factory=set)
    made_of: dict[str, float] = field(default_factory=dict)
    made_from: dict[str, tuple[str, str]] = field(default_factory=dict)  # first, last period

    def may_type(self, code: str) -> bool:
        """Whether a value may be typed for the period itself (it is not made of months)."""
        return code not in self.made_of

    def shown(self, stored: Values) -> dict[str, float | None]:
        """The unit's values as every view shows them: stored for the period, else made of
        its sub-periods (a value stored empty, with a comment only, counts as none)."""
        return {**self.made_of, **{c: v for c, v in stored.items() if v is not None}}

    def status(self, stored: Values, expected: int) -> str:
        """:func:`status_of` this unit, given its values ``stored`` for the period itself."""
        started = bool(self.made_of) or any(v is not None for v in stored.values())
        return status_of(len(self.whole), expected, started)

    def checked(self, stored: Values) -> dict[str, float | None]:
        """:meth:`shown`, with only whole values made of sub-periods: what the rules and the
        comparison with the period before look at."""
        whole = {c: v for c, v in self.made_of.items() if c in self.whole}
        return {**whole, **{c: v for c, v in stored.items() if v is not None}}


class HeldBy(NamedTuple):
    """Which of some units hold one entered indicator for a period: whole, or only partly
    (some of the sub-periods its value is made of)."""

    whole: frozenset[str]
    partly: frozenset[str]


def status_of(whole: int, expected: int, started: bool) -> str:
    """A unit's reporting of a period: "full" when every entered indicator is whole,
    "partial" when it holds any value for the period or its sub-periods, else "none"."""
    if expected and whole >= expected:
        return "full"
    return "partial" if started else "none"


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
        for (unit, code), values in held.items():
            if code not in entered:
                continue
            cover = result[unit]
            if target.iso in values:
                cover.whole.add(code)
                continue
            parts, whole = layout.made_of(values)
            if whole:
                cover.whole.add(code)
            cover.made_of[code] = _made_of(values, parts, entered[code])
            cover.made_from[code] = (parts[0], parts[-1])
        return result

    def previous_checked(
        self, places: set[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[str, float | None]]:
        """For many (unit, period): the values of the period before as the checks compare
        with them (:meth:`PeriodCover.checked`): stored, else whole and made of its months."""
        found = self.previous_values(places)
        by_period: dict[str, list[str]] = defaultdict(list)
        for unit, period in places:
            by_period[period].append(unit)
        for period, units in by_period.items():
            before = Period.parse(period).previous()
            if not sub_period_levels(before):
                continue  # a month: made of nothing finer
            covers = self.coverage(before.iso, units)
            for unit in units:
                found[(unit, period)] = covers[unit].checked(found[(unit, period)])
        return found

    def reported(self, period: str, units: list[Unit]) -> list[Reported]:
        """How far each of ``units`` has reported ``period`` (:class:`Reported`): a unit
        with January in has partly reported its first quarter, though nothing is whole."""
        expected = len(self.catalogue.entered)
        found = self._whole_and_started(period, [unit.code for unit in units])
        result = []
        for unit in units:
            whole, started, parts = found[unit.code]
            status = status_of(whole, expected, started)
            result.append(Reported(unit, whole, expected, status, parts))
        return result

    def whole_counts(self, period: str, unit_codes: list[str]) -> dict[str, int]:
        """How many entered indicators of each unit are whole for ``period``."""
        found = self._whole_and_started(period, unit_codes)
        return {code: whole for code, (whole, *_) in found.items()}

    def held_by(self, period: str, reported: Sequence[Reported]) -> dict[str, HeldBy]:
        """Entered indicator code -> which units of ``reported`` (:meth:`reported` of
        ``period``) hold it whole or partly (:class:`HeldBy`). Units reported in full, or
        not at all, are settled by their status; the others are read value by value. Kept
        until the data changes."""
        kept = self.kept_until_change("held by")
        key = (period, tuple(row.unit.code for row in reported))
        if key not in kept:
            full = frozenset(row.unit.code for row in reported if row.status == "full")
            rest = [row.unit.code for row in reported if row.status == "partial"]
            covers = self.coverage(period, rest)
            kept[key] = {
                ind.code: HeldBy(
                    full | {u for u in rest if ind.code in covers[u].whole},
                    frozenset(
                        u for u in rest if ind.code in covers[u].made_of.keys() - covers[u].whole
                    ),
                )
                for ind in self.catalogue.entered
            }
        return kept[key]

    def _whole_and_started(self, period: str, unit_codes: list[str]) -> dict[str, tuple]:
        """Each unit's count of entered indicators whole for ``period``, whether it holds any
        value for it or its sub-periods, and :attr:`Reported.parts`: counted per stored
        period in one grouped read (a province's 148 communes, a year of months: 1.8k
        counts, not 51k values); a unit whose counts do not settle it (a sub-period partly
        reported) is read value by value (:meth:`coverage`)."""
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
        everything, alone = len(codes), layout.period.iso
        for unit in unit_codes:
            held = counts.get(unit, {})
            parts = layout.parts(held, everything)
            if held.get(alone) == everything or (parts is not None and parts[0] == parts[1]):
                result[unit] = (everything, True, parts)  # every indicator whole
            elif set(held) <= {alone}:
                result[unit] = (held.get(alone, 0), bool(held), parts)  # itself, or nothing
            else:
                unsettled.append(unit)
        for unit, cover in self.coverage(period, unsettled).items():
            result[unit] = (len(cover.whole), True, layout.parts(counts[unit], everything))
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
        self.levels = [[period.iso]] + [
            [s.iso for s in level] for level in sub_period_levels(period)
        ]
        self.periods = [iso for level in self.levels for iso in level]
        self._made_of: dict[frozenset, tuple[list[str], bool]] = {}

    def coarsest(self, held) -> list[str] | None:
        """The coarsest level of sub-periods where ``held`` (periods, or a mapping keyed by
        them) holds any, or None."""
        return next((level for level in self.levels[1:] if any(i in held for i in level)), None)

    def made_of(self, held) -> tuple[list[str], bool]:
        """The sub-periods a value is made of where ``held`` (periods, or a mapping keyed by
        them; not the period itself, and at least one of its sub-periods) holds values
        (:func:`periods_made_of`), and whether they span the whole period. Kept per set of
        periods held: a province's communes mostly hold the same ones."""
        key = frozenset(held)
        found = self._made_of.get(key)
        if found is None:
            parts = periods_made_of(self.period, key)
            found = self._made_of[key] = ([p.iso for p in parts], spans_whole(parts, self.period))
        return found

    def parts(self, counts: Mapping[str, int], everything: int) -> tuple | None:
        """(sub-periods holding every indicator, sub-periods, their kind) of the coarsest
        level holding any, counted per stored period; None when the period is stored itself
        or nothing is held. (n, n, …): every indicator is whole without the period itself.
        Where levels mix (Q1 as a quarter, then months), counted in months: the months of the
        sub-periods it is made of that hold every indicator, of all its months."""
        level = None if self.period.iso in counts else self.coarsest(counts)
        if level is None:
            return None
        if all(iso in level for iso in counts):  # one level
            full = sum(counts.get(iso) == everything for iso in level)
            return full, len(level), Period.parse(level[0]).type
        parts = periods_made_of(self.period, counts)
        full = sum(p.type.months for p in parts if counts[p.iso] == everything)
        return full, self.period.type.months, PeriodType.MONTH


def _made_of(values: Mapping[str, float], parts: list[str], indicator: Indicator) -> float:
    """The value made of the sub-periods ``parts`` (:meth:`_Layout.made_of`, in time order):
    their sum for a flow, the last for a stock (the rule of ``store.aggregates``)."""
    if indicator.time_aggregation is TimeAggregation.SUM:
        return sum(values[iso] for iso in parts)
    return values[parts[-1]]
