"""A series table: one indicator for several units over the periods of one type."""

from __future__ import annotations

from dataclasses import dataclass, field

from ictdesk.core.catalogue import Indicator
from ictdesk.core.errors import IctdeskError, InvalidPeriod
from ictdesk.core.periods import Period, PeriodType, periods_of_year

MAX_BUCKETS = 400  # periods per series (33 years of months)


class SeriesError(IctdeskError, ValueError):
    """A series was asked for something that cannot be computed (no periods, too many...)."""


@dataclass
class SeriesTable:
    """One indicator for several units over the same periods (buckets) of one type.

    ``values[unit_code]`` lists one value (or ``None``) per period of ``periods``.
    """

    indicator: Indicator
    periods: list[Period]
    values: dict[str, list[float | None]] = field(default_factory=dict)

    def value(self, unit_code: str, period: Period | str) -> float | None:
        """The value of one unit for one period of the table (``None`` if missing)."""
        iso = period.iso if isinstance(period, Period) else period
        for index, p in enumerate(self.periods):
            if p.iso == iso:
                return self.values[unit_code][index]
        raise InvalidPeriod(f"{iso} is not a period of this series")

    def as_dict(self) -> dict[str, dict[str, float | None]]:
        """{unit: {period iso: value}}, the shape :meth:`ValueStore.series` returns per unit."""
        return {
            unit: {p.iso: v for p, v in zip(self.periods, values, strict=True)}
            for unit, values in self.values.items()
        }

    def trimmed(self) -> SeriesTable:
        """The same table without the leading and trailing periods where every unit is empty."""
        filled = [
            i
            for i in range(len(self.periods))
            if any(values[i] is not None for values in self.values.values())
        ]
        if not filled:
            return SeriesTable(self.indicator, [], {u: [] for u in self.values})
        first, last = filled[0], filled[-1] + 1
        return SeriesTable(
            self.indicator,
            self.periods[first:last],
            {u: values[first:last] for u, values in self.values.items()},
        )


def periods_between(first_year: int, last_year: int, ptype: PeriodType) -> list[Period]:
    """Every period of type ``ptype`` from January of ``first_year`` to December of the last."""
    periods: list[Period] = []
    for year in range(first_year, last_year + 1):
        periods += periods_of_year(year, ptype)
    return periods
