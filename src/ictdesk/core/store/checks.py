"""Validation of stored and typed values: rules, checks against the period before."""

from __future__ import annotations

from collections import defaultdict

from ictdesk.core.periods import Period, sub_period_levels
from ictdesk.core.store.base import StorePart
from ictdesk.core.store.tree import path_range
from ictdesk.core.validation import (
    Importance,
    Rule,
    Violation,
    check_outlier,
    check_rules,
    check_value,
)


class _Checks(StorePart):
    """Part of :class:`ValueStore`."""

    def rules(self) -> list[Rule]:
        """The validation rules stored in this database."""
        return [
            Rule(
                r["id"],
                r["left_code"],
                r["op"],
                r["right_code"],
                Importance(r["importance"]),
                r["message_vi"],
                r["message_en"],
            )
            for r in self.db.query("SELECT * FROM validation_rules ORDER BY id")
        ]

    def check(
        self,
        unit_code: str,
        period: str,
        values: dict[str, float | None],
        only: str | None = None,
        rules: list[Rule] | None = None,
        previous: dict[str, float | None] | None = None,
    ) -> list[Violation]:
        """Every violation of one unit-period's ``values`` (or only those of one indicator).

        Range and type per indicator, cross-indicator rules, and outliers against the previous
        period's values (read here unless given, see :meth:`previous_checked`).
        """
        catalogue = self.catalogue
        if previous is None:
            previous = self.previous_checked({(unit_code, period)})[(unit_code, period)]
        found: list[Violation] = []
        codes = [only] if only else [code for code in values if code in catalogue]
        share = self.outlier_share
        for code in codes:
            indicator = catalogue[code]
            value = values.get(code)
            found += check_value(indicator, value)
            found += check_outlier(indicator, value, previous.get(code), share)
        found += check_rules(values, self.rules() if rules is None else rules, only)
        return [v.located(unit_code, period) for v in found]

    def previous_values(
        self, places: set[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[str, float | None]]:
        """For many (unit, period): the values of the period before, read in a few queries."""
        wanted: dict[str, list[str]] = defaultdict(list)
        for unit, period in places:
            wanted[Period.parse(period).previous().iso].append(unit)
        found: dict[tuple[str, str], dict[str, float | None]] = {place: {} for place in places}
        previous_of = {Period.parse(p).previous().iso: p for _, p in places}
        for before, units in wanted.items():
            for start in range(0, len(units), 500):
                block = units[start : start + 500]
                for unit, code, value in self.db.execute(
                    "SELECT unit_code, indicator_code, value FROM data_values"
                    f" WHERE period = ? AND unit_code IN ({','.join('?' * len(block))})",
                    [before, *block],
                ):
                    found[(unit, previous_of[before])][code] = value
        return found

    def validate_period(self, period: str, root_code: str) -> list[Violation]:
        """Check every unit under ``root_code`` (itself included) that has values in ``period``:
        stored for it, or whole and made of the unit's months or quarters (``store.coverage``),
        compared with the period before made the same way."""
        target = Period.parse(period)
        low, high = path_range(self._path(root_code))
        by_unit: dict[str, dict[str, float | None]] = defaultdict(dict)
        for unit_code, code, value in self.db.execute(
            "SELECT v.unit_code, v.indicator_code, v.value FROM data_values v"
            " JOIN units u ON u.code = v.unit_code"
            " WHERE v.period = ? AND u.path >= ? AND u.path < ? AND v.value IS NOT NULL"
            " ORDER BY u.path",
            [period, low, high],
        ):
            by_unit[unit_code][code] = value
        if sub_period_levels(target):  # a quarter, a half, a year: made of months too
            by_unit = self._checked_values(target, low, high, by_unit)
        rules = self.rules()
        # the period before of every unit in a few queries, not one a unit (148 a period)
        before = self.previous_checked({(unit_code, period) for unit_code in by_unit})
        found: list[Violation] = []
        for unit_code, values in by_unit.items():
            previous = before[(unit_code, period)]
            found += self.check(unit_code, period, values, rules=rules, previous=previous)
        return found

    def _checked_values(self, target: Period, low: str, high: str, by_unit: dict) -> dict:
        """:meth:`validate_period`'s values of each unit, in the tree's order, as the checks
        see them (``PeriodCover.checked``: whole values made of sub-periods included)."""
        codes = [
            code
            for (code,) in self.db.execute(
                "SELECT code FROM units WHERE path >= ? AND path < ? ORDER BY path", [low, high]
            )
        ]
        covers = self.coverage(target.iso, codes)
        values = {code: covers[code].checked(by_unit.get(code, {})) for code in codes}
        return {code: found for code, found in values.items() if found}
