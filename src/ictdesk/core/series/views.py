"""What the charts and the dashboard show: trends, rankings, progress toward targets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from ictdesk.core.catalogue import Catalogue, Indicator, TimeAggregation
from ictdesk.core.periods import Period, PeriodType
from ictdesk.core.series.sql import compute_series, data_years
from ictdesk.core.series.table import MAX_BUCKETS, SeriesTable, periods_between
from ictdesk.core.store import HeldBy, ValueStore
from ictdesk.core.units import Unit


def trend(
    store: ValueStore, indicator_code: str, unit_codes: Sequence[str], ptype: PeriodType
) -> SeriesTable:
    """A chart's series: every period of ``ptype`` that holds data, for each unit.

    The span runs over the years holding values of the indicator, trimmed to the first and
    last period where any of the units has a value; gaps inside stay ``None``.
    """
    years = data_years(store, indicator_code)
    if years is None:
        return SeriesTable(store.catalogue[indicator_code], [], {u: [] for u in unit_codes})
    periods = periods_between(*years, ptype)
    while len(periods) > MAX_BUCKETS:  # keep the latest years
        periods = periods[ptype.per_year :]
    return compute_series(store, indicator_code, unit_codes, periods).trimmed()


# ------------------------------------------------------------------- ranking
@dataclass(frozen=True)
class RankedUnit:
    """One unit of a ranking: its value for the period and its rank (``None`` if no value)."""

    unit: Unit
    value: float | None
    rank: int | None


def ranking(
    store: ValueStore, indicator_code: str, parent_code: str, period: Period | str
) -> list[RankedUnit]:
    """The children of ``parent_code`` for one period, highest value first.

    Units without a value come last, by name. Equal values share a rank (1, 2, 2, 4).
    """
    period = period if isinstance(period, Period) else Period.parse(period)
    units = store.children(parent_code)
    table = compute_series(store, indicator_code, [u.code for u in units], [period])
    with_values = [(u, table.values[u.code][0]) for u in units]
    known = sorted(
        ((u, v) for u, v in with_values if v is not None), key=lambda uv: (-uv[1], uv[0].name)
    )
    result: list[RankedUnit] = []
    for index, (unit, value) in enumerate(known):
        rank = result[-1].rank if result and result[-1].value == value else index + 1
        result.append(RankedUnit(unit, value, rank))
    empty = sorted((u for u, v in with_values if v is None), key=lambda u: u.name)
    result += [RankedUnit(u, None, None) for u in empty]
    return result


def chart_parent(store: ValueStore, unit_code: str) -> str:
    """The unit whose communes a chart compares: the unit itself, or a commune's parent."""
    unit = store.unit(unit_code)
    if store.child_count(unit_code) or unit.parent_code is None:
        return unit_code
    return unit.parent_code


# ---------------------------------------------------------- progress to target
class Progress(StrEnum):
    """Where a value stands against its year's target."""

    ACHIEVED = "achieved"  # at or above the target already
    ON_TRACK = "on_track"  # at or above the straight line from last year's end to the target
    BEHIND = "behind"  # below that line
    NO_TARGET = "no_target"
    NO_DATA = "no_data"


def expected_by(period: Period, baseline: float | None, target: float) -> float:
    """Where a unit should be at the end of ``period`` to reach ``target`` by year end.

    The straight line from ``baseline`` (the value at the end of the previous year) to the
    target; without a baseline, the target itself.
    """
    if baseline is None:
        return target
    return baseline + (target - baseline) * period.last_month / 12


def target_progress(
    value: float | None, target: float | None, baseline: float | None, period: Period
) -> Progress:
    """Achieved, on track or behind for a value against its (higher-is-better) target."""
    if target is None:
        return Progress.NO_TARGET
    if value is None:
        return Progress.NO_DATA
    if value >= target:
        return Progress.ACHIEVED
    if value >= expected_by(period, baseline, target):
        return Progress.ON_TRACK
    return Progress.BEHIND


def year_end(period: Period) -> Period:
    """The last period of the same type in the year before ``period``'s year."""
    return Period(period.year - 1, period.type, period.type.per_year)


# ---------------------------------------------------------------- comparisons
@dataclass(frozen=True)
class Comparison:
    """Whether a value may be set beside the period before's: both must be made of the
    same units' values, whole. A quarter in progress (January against the whole of Quý IV)
    or a commune late with its return would otherwise read as a fall."""

    comparable: bool
    short: Period | None = None  # the period that falls short: this one or the one before
    counted: int = 0  # reporting units whose values count there
    units: int = 0  # reporting units (a province's communes, or the commune itself)
    in_full: bool = True  # only whole values count (a flow); else a stock's latest does
    period: Period | None = field(default=None, compare=False)  # the period compared

    @property
    def in_part(self) -> bool:
        """Whether the period compared itself falls short (a quarter in progress): its point
        is drawn hollow and said not to be in full."""
        return self.short is not None and self.short == self.period


@dataclass(frozen=True)
class Reporting:
    """Which units hold each entered indicator for one period (:class:`HeldBy`): the units
    reporting to a unit (a province's communes), how many they are, and the unit itself (a
    value of its own stands for its subtree, as in every sum)."""

    under: Mapping[str, HeldBy]
    units: int
    own: Mapping[str, HeldBy]


def comparison(
    indicator: Indicator,
    catalogue: Catalogue,
    period: Period,
    now: Reporting,
    before: Reporting,
) -> Comparison:
    """:class:`Comparison` of ``indicator`` at ``period`` with the period before (``now`` and
    ``before``). A flow compares only sums of whole periods; a stock's latest value stands
    for a unit partly in (its last month is its count now). A rate compares when both its
    parts do; the period itself is looked at before the one before. Where the unit holds a
    part itself in either period, its own values decide, as they make the sum."""
    codes = [indicator.code]
    if indicator.formula is not None:
        codes = [indicator.formula.numerator, indicator.formula.denominator]

    def flow(code: str) -> bool:
        return catalogue[code].time_aggregation is TimeAggregation.SUM

    def counted(held: HeldBy, code: str) -> frozenset[str]:
        return held.whole if flow(code) else held.whole | held.partly

    def own(code: str) -> bool:
        return any(r.own[code].whole or r.own[code].partly for r in (now, before))

    def held(side: Reporting, code: str) -> HeldBy:
        return side.own[code] if own(code) else side.under[code]

    for short, side, other in ((period, now, before), (period.previous(), before, now)):
        for code in codes:
            this, that = counted(held(side, code), code), counted(held(other, code), code)
            if that - this or (flow(code) and held(side, code).partly):
                units = 1 if own(code) else side.units
                found = frozenset.intersection(*(counted(held(side, c), c) for c in codes))
                in_full = any(map(flow, codes))
                return Comparison(False, short, len(found), units, in_full, period)
    return Comparison(True, period=period)


# ---------------------------------------------------------------- summaries
@dataclass(frozen=True)
class Summary:
    """One indicator of one unit for a dashboard card: value, change, history, target."""

    indicator: Indicator
    period: Period
    value: float | None
    previous: float | None  # the period before
    history: list[tuple[Period, float | None]]  # oldest first, ending with ``period``
    target: float | None  # for ``period``'s year (the unit's own or its nearest ancestor's)
    document: str  # where the target comes from
    baseline: float | None  # the value at the end of the previous year
    progress: Progress
    compared: Comparison = Comparison(True)

    @property
    def change(self) -> float | None:
        """Value minus previous value (points for a rate), or ``None`` (either is missing,
        or they are not :attr:`compared` like for like)."""
        if self.value is None or self.previous is None or not self.compared.comparable:
            return None
        return self.value - self.previous

    @property
    def expected(self) -> float | None:
        """Where the value should be by now to reach the target at year end."""
        if self.target is None:
            return None
        return expected_by(self.period, self.baseline, self.target)


def summarize(
    store: ValueStore,
    indicator_codes: Sequence[str],
    unit_code: str,
    period: Period | str,
    history: int = 8,
) -> list[Summary]:
    """A :class:`Summary` per indicator for one unit and period (one query per indicator)."""
    period = period if isinstance(period, Period) else Period.parse(period)
    periods = [period.shifted(-i) for i in range(max(history, 2) - 1, -1, -1)]
    baseline_period = year_end(period)
    wanted = periods if baseline_period in periods else [*periods, baseline_period]
    targets = store.targets_for(unit_code, period.year)
    now, before = (_reporting(store, unit_code, p) for p in (period, period.previous()))
    result = []
    for code in indicator_codes:
        table = compute_series(store, code, [unit_code], wanted)
        values = dict(zip(table.periods, table.values[unit_code], strict=True))
        value = values[period]
        target, document = targets.get(code, (None, ""))
        baseline = values[baseline_period]
        result.append(
            Summary(
                indicator=table.indicator,
                period=period,
                value=value,
                previous=values[period.previous()],
                history=[(p, values[p]) for p in periods[-history:]],
                target=target,
                document=document,
                baseline=baseline,
                progress=target_progress(value, target, baseline, period),
                compared=comparison(table.indicator, store.catalogue, period, now, before),
            )
        )
    return result


def compared_with_previous(
    store: ValueStore, indicator_code: str, unit_code: str, period: Period
) -> Comparison:
    """:func:`comparison` of one indicator of ``unit_code`` at ``period`` with the period
    before (what the Dashboard's card says; Trends marks the last point by it)."""
    now, before = (_reporting(store, unit_code, p) for p in (period, period.previous()))
    indicator = store.catalogue[indicator_code]
    return comparison(indicator, store.catalogue, period, now, before)


def _reporting(store: ValueStore, unit_code: str, period: Period) -> Reporting:
    """:class:`Reporting` of ``unit_code`` for ``period``: its communes (a commune alone:
    itself) and itself. A province's are read off the Reporting view's count, kept: the
    Dashboard asks it for its map too."""
    itself = store.reported(period.iso, [store.unit(unit_code)])
    own = store.held_by(period.iso, itself)
    if not store.child_count(unit_code):
        return Reporting(own, 1, own)
    reported = store.completeness(period.iso, unit_code)
    return Reporting(store.held_by(period.iso, reported), len(reported), own)
