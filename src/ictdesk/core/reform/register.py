"""The register of units before 1 July 2025: 63 provinces, their districts and communes.

Derived from the PyPI package ``vietnamadminunits`` (MIT) by ``tools/derive_reform.py`` into
``resources/reform/old_units.csv``; codes are GSO codes as text (provinces 2 digits,
districts 3, communes 5).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from ictdesk.core.periods import Period
from ictdesk.core.resources import resource_path
from ictdesk.core.units import Unit, UnitLevel, history_code

REFORM_DATE = "2025-07-01"  # the first day of the 34 provinces and 3,321 communes
LAST_DAY = "2025-06-30"  # the last day of the old units (their valid_to)
_REFORM_MONTH = (2025, 7)


def begins_before_reform(period: Period) -> bool:
    """Whether ``period`` begins before 1 July 2025 (2025 and 2025S1 do, 2025Q3 does not)."""
    return (period.year, period.first_month) < _REFORM_MONTH


def reform_position(periods: list[Period]) -> float | None:
    """Where 1 July 2025 falls on a chart whose points are ``periods`` (point i at x = i, a
    period spanning i − 0.5 to i + 0.5): between 2025Q2 and 2025Q3, in the middle of 2025;
    None when no period shown reaches it or none lies before it."""
    for index, period in enumerate(periods):
        if (period.year, period.last_month) < _REFORM_MONTH:
            continue  # wholly before 1 July 2025
        months = (_REFORM_MONTH[0] - period.year) * 12 + _REFORM_MONTH[1] - period.first_month
        position = index - 0.5 + max(months, 0) / period.type.months
        return position if position > -0.5 else None
    return None


@dataclass(frozen=True)
class OldUnit:
    """One pre-reform unit: its GSO code, level, official name and parent's GSO code."""

    code: str
    level: UnitLevel
    name: str
    parent_code: str | None

    def as_unit(self) -> Unit:
        """The historical unit a database keeps for it (code ``old:<GSO code>``)."""
        parent = history_code(self.parent_code) if self.parent_code else None
        return Unit(history_code(self.code), self.name, self.level, parent, None, LAST_DAY)


class OldRegister:
    """The pre-reform units, by GSO code."""

    def __init__(self, units: list[OldUnit]):
        self.units = {unit.code: unit for unit in units}
        self._children: dict[str, list[OldUnit]] = {}
        for unit in units:
            if unit.parent_code:
                self._children.setdefault(unit.parent_code, []).append(unit)

    def __contains__(self, code: str) -> bool:
        return code in self.units

    def __getitem__(self, code: str) -> OldUnit:
        return self.units[code]

    def count(self, level: UnitLevel) -> int:
        return sum(1 for unit in self.units.values() if unit.level is level)

    def children(self, code: str) -> list[OldUnit]:
        return self._children.get(code, [])

    def province_of(self, code: str) -> str:
        """The GSO code of the old province ``code`` lies in (itself for a province)."""
        unit = self.units[code]
        while unit.parent_code:
            unit = self.units[unit.parent_code]
        return unit.code

    def subtree(self, province: str) -> list[OldUnit]:
        """An old province with its districts and communes, parents before children."""
        units = [self.units[province]]
        for district in self.children(province):
            units.append(district)
            units.extend(self.children(district.code))
        return units

    def read(self, text: str) -> OldUnit | None:
        """The old unit a file's code means, or None.

        The code as given first; then, since spreadsheets drop leading zeros, digits padded
        to the width their length suggests: 1–2 digits a province, 3 a district, 4–5 a
        commune ("4792" is commune 04792, "1" province 01, "1" never commune 00001).
        """
        code = text.strip()
        if code in self.units:
            return self.units[code]
        if not code.isdigit() or len(code) > 5:
            return None
        width = 2 if len(code) <= 2 else 3 if len(code) == 3 else 5
        return self.units.get(code.zfill(width))


@lru_cache(maxsize=1)
def old_register() -> OldRegister:
    """The shipped register (read once: about 10,800 units)."""
    with open(resource_path("reform", "old_units.csv"), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return OldRegister(
        [
            OldUnit(row["code"], UnitLevel(row["level"]), row["name"], row["parent_code"] or None)
            for row in rows
        ]
    )
