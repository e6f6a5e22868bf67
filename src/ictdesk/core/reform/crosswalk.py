"""The 2025 crosswalk: which new commune(s) each old commune went to, and the provinces.

Derived from ``vietnamadminunits`` (``converter_2025.json``) into
``resources/reform/crosswalk.csv`` and ``provinces.csv``. An old commune that went whole into
one new commune has one row; one split between several has a row per new commune with that
new commune's area (km²) and which one is its principal new commune (the package's
``isDefaultNewWard``). The package has no area of each piece, so an area share is the share
of the new communes' own areas: an estimate, and marked as one wherever it is used.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from ictdesk.core.resources import resource_path


class SplitRule(StrEnum):
    """How a value of an old commune split between new communes is divided."""

    REFUSE = "refuse"  # not converted: the user is asked to choose
    AREA = "area"  # by the share of the new communes' areas
    PRINCIPAL = "principal"  # all to the principal new commune


@dataclass(frozen=True)
class Target:
    """A new commune an old unit went to (``area_km2`` and ``principal`` only for a split)."""

    new_code: str
    area_km2: float | None = None
    principal: bool = False


class Crosswalk:
    """Old commune → new commune(s), new commune → old parts, old province → new province."""

    def __init__(self, rows: list[tuple[str, Target]], provinces: dict[str, str]):
        self.targets: dict[str, list[Target]] = {}
        self.parts: dict[str, list[str]] = {}
        for old, target in rows:
            self.targets.setdefault(old, []).append(target)
            self.parts.setdefault(target.new_code, []).append(old)
        self.provinces = provinces
        self.old_provinces: dict[str, list[str]] = {}
        for old, new in sorted(provinces.items()):
            self.old_provinces.setdefault(new, []).append(old)

    def is_split(self, old: str) -> bool:
        return len(self.targets.get(old, [])) > 1

    def shares(self, old: str, rule: SplitRule) -> dict[str, float]:
        """What share of ``old``'s value goes to each new commune under ``rule`` (a split
        under :attr:`SplitRule.REFUSE` goes nowhere)."""
        targets = self.targets.get(old, [])
        if len(targets) == 1:
            return {targets[0].new_code: 1.0}
        if rule is SplitRule.PRINCIPAL:
            return {t.new_code: 1.0 for t in targets if t.principal}
        if rule is SplitRule.AREA:
            total = sum(t.area_km2 or 0.0 for t in targets)
            return {t.new_code: (t.area_km2 or 0.0) / total for t in targets}
        return {}

    def parts_of(self, new: str, rule: SplitRule) -> list[str]:
        """The old units whose values make ``new``'s under ``rule`` (with REFUSE, the split
        ones too: the new commune cannot be made without them)."""
        return [
            old
            for old in self.parts.get(new, [])
            if rule is SplitRule.REFUSE or new in self.shares(old, rule)
        ]


def apportion(value: int, weights: list[float]) -> list[int]:
    """Whole parts of ``value`` in proportion to ``weights``, summing to ``value`` exactly.

    Sainte-Laguë's divisor method: each next unit goes to the largest ``weight / (parts +
    0.5)``, ties to the first. A divisor method is monotone (a larger value never gives a part
    less), so ``a <= b`` still holds part by part after dividing both (households with a
    smartphone never exceed households), which rounding each value alone can break. Units
    are handed out from each part's quota less the number of parts (below what it ends
    with), which ends as handing them out from zero does, in a few steps.
    """
    if value < 0:
        raise ValueError("apportion takes a count, not a negative number")
    total = sum(weights)
    parts = [max(0, int(value * w / total) - len(weights)) for w in weights]
    for _ in range(value - sum(parts)):
        best, score = 0, -1.0
        for i, weight in enumerate(weights):  # the largest weight / (parts + 0.5), ties first
            if weight / (parts[i] + 0.5) > score:
                best, score = i, weight / (parts[i] + 0.5)
        parts[best] += 1
    return parts


@lru_cache(maxsize=1)
def crosswalk() -> Crosswalk:
    """The shipped crosswalk (read once)."""
    rows = []
    with open(resource_path("reform", "crosswalk.csv"), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            area = float(row["area_km2"]) if row["area_km2"] else None
            rows.append((row["old_code"], Target(row["new_code"], area, row["principal"] == "1")))
    with open(resource_path("reform", "provinces.csv"), encoding="utf-8", newline="") as handle:
        provinces = {row["old_code"]: row["new_code"] for row in csv.DictReader(handle)}
    return Crosswalk(rows, provinces)
