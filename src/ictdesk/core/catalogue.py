"""The indicator catalogue: what is measured, in which unit, and how it adds up."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ictdesk.core.errors import CatalogueError, UnknownIndicator
from ictdesk.core.numbers import ValueType
from ictdesk.core.resources import resource_path


class TimeAggregation(StrEnum):
    """How sub-period values make up a longer period."""

    LAST = "last"  # stocks: stations, accounts, households at the end of the period
    SUM = "sum"  # flows: applications received during the period
    RATIO = "ratio"  # derived rates: Σ numerator / Σ denominator


@dataclass(frozen=True)
class Formula:
    """A derived rate: ``numerator / denominator × multiplier``."""

    numerator: str
    denominator: str
    multiplier: float = 100.0

    def apply(self, numerator: float | None, denominator: float | None) -> float | None:
        """The rate, or ``None`` when either part is missing or the denominator is zero."""
        if numerator is None or denominator is None or denominator == 0:
            return None
        return numerator / denominator * self.multiplier


@dataclass(frozen=True)
class Pillar:
    """A group of indicators (Hạ tầng số, Chính quyền số...)."""

    code: str
    name_vi: str
    name_en: str

    def name(self, language: str = "vi") -> str:
        return self.name_en if language == "en" else self.name_vi


@dataclass(frozen=True)
class Indicator:
    """One indicator of the catalogue. Derived indicators carry a :class:`Formula`."""

    code: str
    pillar: str
    name_vi: str
    name_en: str
    unit_vi: str
    unit_en: str
    value_type: ValueType
    time_aggregation: TimeAggregation
    minimum: float | None = 0
    maximum: float | None = None
    definition_vi: str = ""
    formula: Formula | None = None
    sort_order: int = 0

    @property
    def is_derived(self) -> bool:
        return self.formula is not None

    def name(self, language: str = "vi") -> str:
        return self.name_en if language == "en" else self.name_vi

    def unit(self, language: str = "vi") -> str:
        return self.unit_en if language == "en" else self.unit_vi


@dataclass
class Catalogue:
    """All indicators and pillars, in display order, with lookups by code."""

    pillars: list[Pillar]
    indicators: list[Indicator]
    _by_code: dict[str, Indicator] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_code = {ind.code: ind for ind in self.indicators}
        if len(self._by_code) != len(self.indicators):
            raise CatalogueError("duplicate indicator codes in the catalogue")
        self.check()

    def check(self) -> None:
        """Raise :class:`CatalogueError` if a pillar or formula names an unknown code."""
        pillar_codes = {p.code for p in self.pillars}
        for ind in self.indicators:
            if ind.pillar not in pillar_codes:
                raise CatalogueError(f"{ind.code}: unknown pillar {ind.pillar}")
            if ind.formula:
                for part in (ind.formula.numerator, ind.formula.denominator):
                    target = self._by_code.get(part)
                    if target is None or target.is_derived:
                        raise CatalogueError(f"{ind.code}: formula needs entered indicator {part}")

    def __getitem__(self, code: str) -> Indicator:
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownIndicator(f"unknown indicator: {code}") from None

    def get(self, code: str, default: Indicator | None = None) -> Indicator | None:
        """The indicator with this code, or ``default``."""
        return self._by_code.get(code, default)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self):
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    @property
    def entered(self) -> list[Indicator]:
        """Indicators people type in, in catalogue order."""
        return [i for i in self.indicators if not i.is_derived]

    @property
    def derived(self) -> list[Indicator]:
        """Rates computed from entered indicators."""
        return [i for i in self.indicators if i.is_derived]

    def in_pillar(self, pillar_code: str) -> list[Indicator]:
        return [i for i in self.indicators if i.pillar == pillar_code]

    def pillar(self, code: str) -> Pillar:
        for p in self.pillars:
            if p.code == code:
                return p
        raise CatalogueError(f"unknown pillar {code}")

    def derived_values(self, entered: dict[str, float | None]) -> dict[str, float | None]:
        """Every derived rate computed from one unit-period's entered values."""
        return {
            ind.code: ind.formula.apply(
                entered.get(ind.formula.numerator), entered.get(ind.formula.denominator)
            )
            for ind in self.derived
        }

    @classmethod
    def from_dict(cls, data: dict) -> Catalogue:
        """Build a catalogue from the JSON structure shipped in ``resources/indicators.json``."""
        try:
            pillars = [Pillar(p["code"], p["name_vi"], p["name_en"]) for p in data["pillars"]]
            indicators = []
            for order, raw in enumerate(data["indicators"]):
                formula = raw.get("formula")
                indicators.append(
                    Indicator(
                        code=raw["code"],
                        pillar=raw["pillar"],
                        name_vi=raw["name_vi"],
                        name_en=raw["name_en"],
                        unit_vi=raw["unit_vi"],
                        unit_en=raw["unit_en"],
                        value_type=ValueType(raw["value_type"]),
                        time_aggregation=TimeAggregation(raw["time_aggregation"]),
                        minimum=raw.get("min"),
                        maximum=raw.get("max"),
                        definition_vi=raw.get("definition_vi", ""),
                        formula=Formula(
                            formula["numerator"],
                            formula["denominator"],
                            float(formula.get("multiplier", 100)),
                        )
                        if formula
                        else None,
                        sort_order=raw.get("sort_order", order),
                    )
                )
        except (KeyError, TypeError, ValueError) as exc:
            raise CatalogueError(f"malformed catalogue entry: {exc}") from exc
        return cls(pillars, indicators)


def load_default_catalogue(path: Path | None = None) -> Catalogue:
    """Read the catalogue shipped with ictdesk (or the file at ``path``)."""
    source = path or resource_path("indicators.json")
    with open(source, encoding="utf-8") as handle:
        return Catalogue.from_dict(json.load(handle))
