"""Checks on values: type and range per indicator, cross-indicator rules, outliers.

Rules are DHIS2-style ``left op right`` over indicator codes, stored in the database with an
importance (high / medium / low) and a message in Vietnamese and English. A high-importance
violation blocks saving unless confirmed with a comment; everything else is a warning.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from ictdesk.core.catalogue import Indicator, TimeAggregation
from ictdesk.core.numbers import ValueType, format_number

OPERATORS = {
    "<=": operator.le,
    "<": operator.lt,
    ">=": operator.ge,
    ">": operator.gt,
    "==": operator.eq,
    "!=": operator.ne,
}
_BROKEN = {"<=": ">", "<": "≥", ">=": "<", ">": "≤", "==": "≠", "!=": "="}  # shown when failing
DEFAULT_OUTLIER_SHARE = 0.5  # a stock moving by more than half since the previous period
LARGEST_EXACT = 2**53 - 1  # beyond this a count cannot be stored exactly
OUTLIER_MIN_CHANGE = 10  # small counts (2 → 5 stations) move a lot without being suspicious


class Importance(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True)
class Rule:
    """A validation rule ``left op right``."""

    id: int
    left: str
    op: str
    right: str
    importance: Importance
    message_vi: str
    message_en: str

    def holds(self, left: float, right: float) -> bool:
        return OPERATORS[self.op](left, right)

    def message(self, language: str = "vi") -> str:
        return self.message_en if language == "en" else self.message_vi

    @property
    def expression(self) -> str:
        return f"{self.left} {self.op} {self.right}"


@dataclass(frozen=True)
class Violation:
    """One failed check. ``blocking`` violations stop a save unless confirmed with a comment."""

    kind: str  # "type", "range", "rule" or "outlier"
    indicators: tuple[str, ...]
    importance: Importance
    message_vi: str
    message_en: str
    unit_code: str = ""
    period: str = ""
    rule_id: int | None = None

    @property
    def blocking(self) -> bool:
        return self.kind in ("type", "range") or (
            self.kind == "rule" and self.importance is Importance.HIGH
        )

    def message(self, language: str = "vi") -> str:
        return self.message_en if language == "en" else self.message_vi

    def located(self, unit_code: str, period: str) -> Violation:
        return Violation(
            self.kind,
            self.indicators,
            self.importance,
            self.message_vi,
            self.message_en,
            unit_code,
            period,
            self.rule_id,
        )


def check_value(indicator: Indicator, value: float | None) -> list[Violation]:
    """Type and range of one value against the catalogue (no negative counts, % within 0–100).

    These are the checks no explanation overrides: the form, the grid, every import and the
    store itself refuse such a value (see :func:`refusal`).
    """
    if value is None:
        return []
    found = []
    code = (indicator.code,)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return [
            Violation(
                "type",
                code,
                Importance.HIGH,
                f"{indicator.name_vi}: không phải là số.",
                f"{indicator.name_en}: not a number.",
            )
        ]
    if indicator.value_type is ValueType.INTEGER and not float(value).is_integer():
        found.append(
            Violation(
                "type",
                code,
                Importance.HIGH,
                f"{indicator.name_vi}: phải là số nguyên.",
                f"{indicator.name_en}: must be a whole number.",
            )
        )
    if abs(value) > LARGEST_EXACT:
        return [
            Violation(
                "range",
                code,
                Importance.HIGH,
                f"{indicator.name_vi}: số quá lớn ({value:g}).",
                f"{indicator.name_en}: the number is too large ({value:g}).",
            )
        ]
    low, high = indicator.minimum, indicator.maximum
    if indicator.value_type is ValueType.PERCENT:
        low = 0 if low is None else low
        high = 100 if high is None else high
    if low is not None and value < low:
        found.append(
            Violation(
                "range",
                code,
                Importance.HIGH,
                f"{indicator.name_vi}: không được nhỏ hơn {format_number(low)}.",
                f"{indicator.name_en}: cannot be less than {format_number(low, language='en')}.",
            )
        )
    if high is not None and value > high:
        found.append(
            Violation(
                "range",
                code,
                Importance.HIGH,
                f"{indicator.name_vi}: không được lớn hơn {format_number(high)}.",
                f"{indicator.name_en}: cannot be more than {format_number(high, language='en')}.",
            )
        )
    return found


def refusal(indicator: Indicator, value: float | None) -> Violation | None:
    """Why ``value`` can never be stored for ``indicator`` (not a number, a fraction in a
    count, too large, out of range), or None: the first of :func:`check_value`'s findings."""
    found = check_value(indicator, value)
    return found[0] if found else None


def check_rules(
    values: Mapping[str, float | None], rules: list[Rule], only: str | None = None
) -> list[Violation]:
    """Rules that fail for one unit-period's values; rules with a missing side are skipped.

    With ``only``, just the rules that involve that indicator.
    """
    found = []
    for rule in rules:
        if only is not None and only not in (rule.left, rule.right):
            continue
        left, right = values.get(rule.left), values.get(rule.right)
        if left is None or right is None or rule.holds(left, right):
            continue
        found.append(
            Violation(
                "rule",
                (rule.left, rule.right),
                rule.importance,
                f"{rule.message_vi} ({format_number(left)} {_BROKEN[rule.op]}"
                f" {format_number(right)})",
                f"{rule.message_en} ({format_number(left, language='en')} {_BROKEN[rule.op]}"
                f" {format_number(right, language='en')})",
                rule_id=rule.id,
            )
        )
    return found


def check_outlier(
    indicator: Indicator,
    value: float | None,
    previous: float | None,
    share: float = DEFAULT_OUTLIER_SHARE,
) -> list[Violation]:
    """A warning when a stock jumps or falls by more than ``share`` of its previous value."""
    if (
        value is None
        or previous is None
        or previous == 0
        or indicator.time_aggregation is not TimeAggregation.LAST
    ):
        return []
    change = (value - previous) / abs(previous)
    if abs(change) <= share or abs(value - previous) < OUTLIER_MIN_CHANGE:
        return []
    pct_vi = format_number(change * 100, 0)
    pct_en = format_number(change * 100, 0, "en")
    return [
        Violation(
            "outlier",
            (indicator.code,),
            Importance.LOW,
            f"{indicator.name_vi}: thay đổi {pct_vi}% so với kỳ trước"
            f" ({format_number(previous)} → {format_number(value)}). Hãy kiểm tra lại.",
            f"{indicator.name_en}: changed by {pct_en}% since the previous period"
            f" ({format_number(previous, language='en')} → {format_number(value, language='en')})."
            " Please check.",
        )
    ]
