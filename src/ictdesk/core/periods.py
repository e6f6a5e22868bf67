"""Reporting periods as DHIS2 ISO strings: ``2024``, ``2024S1``, ``2024Q1``, ``202403``."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from ictdesk.core.errors import InvalidPeriod


class PeriodType(StrEnum):
    """Period granularity, ordered from the finest to the coarsest."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"

    @property
    def months(self) -> int:
        """Number of months one period of this type spans."""
        return {"month": 1, "quarter": 3, "half": 6, "year": 12}[self.value]

    @property
    def per_year(self) -> int:
        """How many periods of this type a year holds."""
        return 12 // self.months


_PATTERNS = (
    (re.compile(r"^([0-9]{4})$"), PeriodType.YEAR),
    (re.compile(r"^([0-9]{4})S([12])$"), PeriodType.HALF),
    (re.compile(r"^([0-9]{4})Q([1-4])$"), PeriodType.QUARTER),
    (re.compile(r"^([0-9]{4})([0-9]{2})$"), PeriodType.MONTH),
)

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MIN_YEAR, _MAX_YEAR = 1900, 2999


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period: a year, a half-year, a quarter or a month.

    ``index`` counts from 1 within the year (half 1–2, quarter 1–4, month 1–12).
    """

    year: int
    type: PeriodType
    index: int = 1

    def __post_init__(self) -> None:
        if not _MIN_YEAR <= self.year <= _MAX_YEAR:
            raise InvalidPeriod(f"year out of range: {self.year}")
        if not 1 <= self.index <= self.type.per_year:
            raise InvalidPeriod(f"{self.type.value} {self.index} does not exist")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse a DHIS2 ISO period string; raise :class:`InvalidPeriod` if it is not one."""
        if not isinstance(text, str):
            raise InvalidPeriod(f"not a period: {text!r}")
        stripped = text.strip()
        for pattern, ptype in _PATTERNS:
            match = pattern.match(stripped)
            if match:
                year = int(match.group(1))
                index = int(match.group(2)) if ptype is not PeriodType.YEAR else 1
                try:
                    return cls(year, ptype, index)
                except InvalidPeriod as exc:
                    raise InvalidPeriod(f"not a period: {text!r} ({exc})") from None
        raise InvalidPeriod(f"not a period: {text!r}")

    @property
    def iso(self) -> str:
        """The DHIS2 ISO string of this period."""
        if self.type is PeriodType.YEAR:
            return f"{self.year}"
        if self.type is PeriodType.HALF:
            return f"{self.year}S{self.index}"
        if self.type is PeriodType.QUARTER:
            return f"{self.year}Q{self.index}"
        return f"{self.year}{self.index:02d}"

    def __str__(self) -> str:
        return self.iso

    @property
    def first_month(self) -> int:
        """Calendar month (1–12) in which the period starts."""
        return (self.index - 1) * self.type.months + 1

    @property
    def last_month(self) -> int:
        """Calendar month (1–12) in which the period ends."""
        return self.first_month + self.type.months - 1

    def _ordinal(self) -> int:
        return self.year * self.type.per_year + (self.index - 1)

    @classmethod
    def _from_ordinal(cls, ptype: PeriodType, ordinal: int) -> Period:
        year, rest = divmod(ordinal, ptype.per_year)
        return cls(year, ptype, rest + 1)

    def shifted(self, steps: int) -> Period:
        """The period ``steps`` periods of the same type later (earlier if negative)."""
        return Period._from_ordinal(self.type, self._ordinal() + steps)

    def next(self) -> Period:
        """The following period of the same type."""
        return self.shifted(1)

    def previous(self) -> Period:
        """The preceding period of the same type."""
        return self.shifted(-1)

    def sub_periods(self, ptype: PeriodType) -> list[Period]:
        """The periods of a finer (or equal) type that make up this one, in order."""
        if ptype.months > self.type.months:
            raise InvalidPeriod(f"a {self.type.value} has no {ptype.value} sub-periods")
        count = self.type.months // ptype.months
        first = (self.first_month - 1) // ptype.months + 1
        return [Period(self.year, ptype, first + i) for i in range(count)]

    def contains(self, other: Period) -> bool:
        """True if ``other`` lies entirely inside this period."""
        return (
            other.year == self.year
            and other.first_month >= self.first_month
            and other.last_month <= self.last_month
        )

    def label(self, language: str = "vi") -> str:
        """A human label: "Quý I/2024", "Tháng 3/2024" (vi) or "Q1 2024", "March 2024" (en)."""
        if language == "en":
            if self.type is PeriodType.YEAR:
                return f"Year {self.year}"
            if self.type is PeriodType.HALF:
                return f"{'First' if self.index == 1 else 'Second'} half of {self.year}"
            if self.type is PeriodType.QUARTER:
                return f"Q{self.index} {self.year}"
            return f"{_EN_MONTHS[self.index - 1]} {self.year}"
        if self.type is PeriodType.YEAR:
            return f"Năm {self.year}"
        if self.type is PeriodType.HALF:
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        if self.type is PeriodType.QUARTER:
            return f"Quý {_ROMAN[self.index]}/{self.year}"
        return f"Tháng {self.index}/{self.year}"

    def short_label(self, language: str = "vi") -> str:
        """A compact label for chart axes: "Quý I/2024" (en "Q1/2024"), "T3/2024",
        "6T1/2024", "2024"."""
        if self.type is PeriodType.YEAR:
            return f"{self.year}"
        if self.type is PeriodType.HALF:
            return f"{'6T' if language == 'vi' else 'H'}{self.index}/{self.year}"
        if self.type is PeriodType.QUARTER:
            if language == "vi":  # as printed documents write it; "Q1" is English
                return f"Quý {_ROMAN[self.index]}/{self.year}"
            return f"Q{self.index}/{self.year}"
        return f"{'T' if language == 'vi' else 'M'}{self.index}/{self.year}"


_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@lru_cache(maxsize=8192)
def canonical_period(text: str) -> str:
    """The DHIS2 ISO form of ``text`` (cached: imports repeat the same few periods)."""
    return Period.parse(text).iso


def period_range(start: Period, end: Period) -> list[Period]:
    """All periods of ``start``'s type from ``start`` to ``end`` inclusive."""
    if start.type is not end.type:
        raise InvalidPeriod("a range needs two periods of the same type")
    return [start.shifted(i) for i in range(end._ordinal() - start._ordinal() + 1)]


def periods_of_year(year: int, ptype: PeriodType) -> list[Period]:
    """Every period of type ``ptype`` in ``year``."""
    return [Period(year, ptype, i) for i in range(1, ptype.per_year + 1)]


# The kinds of sub-period a period is made of, coarsest first: the levels the sums look at.
FINER_TYPES = (PeriodType.HALF, PeriodType.QUARTER, PeriodType.MONTH)


def sub_period_levels(period: Period) -> list[list[Period]]:
    """The sub-periods of ``period``, level by level, coarsest first: a year's halves, then
    its quarters, then its months; a month has none."""
    return [period.sub_periods(t) for t in FINER_TYPES if t.months < period.type.months]


def whole_periods_of(period: Period) -> list[Period]:
    """The longer periods that hold ``period``, shortest first: a month's quarter, half and
    year; a year has none (the reverse of :func:`sub_period_levels`)."""
    return [
        Period(period.year, ptype, (period.first_month - 1) // ptype.months + 1)
        for ptype in (PeriodType.QUARTER, PeriodType.HALF, PeriodType.YEAR)
        if ptype.months > period.type.months
    ]


def periods_made_of(period: Period, held: Collection[str]) -> list[Period]:
    """The sub-periods a value of ``period`` is made of where nothing is held for the
    period itself: each held sub-period (ISO codes in ``held``) that no coarser held one
    inside ``period`` holds, in time order. A stored quarter stands for its months, and the
    months count where no quarter is held: a year of Q1 sent as a quarter, then month by
    month, is Q1 and April to December."""
    found: list[Period] = []
    finer = next((t for t in FINER_TYPES if t.months < period.type.months), None)
    for part in period.sub_periods(finer) if finer else ():
        if part.iso in held:
            found.append(part)
        else:
            found += periods_made_of(part, held)
    return found


def spans_whole(parts: Collection[Period], period: Period) -> bool:
    """Whether ``parts`` (:func:`periods_made_of` of ``period``: none inside another) cover
    every month of ``period``."""
    return sum(part.type.months for part in parts) == period.type.months
