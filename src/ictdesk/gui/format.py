"""How values and their marks read on screen, the same in every view."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ictdesk.core.catalogue import Indicator
from ictdesk.core.numbers import ValueType, format_number
from ictdesk.core.periods import PeriodType

COMMENT_MARK = "✎"
FOLLOWUP_MARK = "⚑"


def format_value(indicator: Indicator, value: float | None, language: str) -> str:
    """A value as people read it: rates with one decimal, counts whole, with the unit."""
    if value is None:
        return "–"
    decimals = 1 if indicator.is_derived or indicator.value_type is ValueType.PERCENT else None
    text = format_number(value, decimals, language)
    unit = indicator.unit(language)
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def value_marks(comment: bool, followup: bool) -> str:
    """✎ for a value with a comment, ⚑ for one marked for follow-up."""
    return (COMMENT_MARK if comment else "") + (FOLLOWUP_MARK if followup else "")


def parts_in_full(parts: tuple[int, int, PeriodType]) -> str:
    """ "1 of 3 months in full": how much of a period made of sub-periods a unit has
    reported (``Reported.parts``), for the Reporting view and the Dashboard's map."""
    full, total, ptype = parts
    text = {
        PeriodType.MONTH: QCoreApplication.translate("Reporting", "%1 of %2 months in full"),
        PeriodType.QUARTER: QCoreApplication.translate("Reporting", "%1 of %2 quarters in full"),
    }.get(ptype, QCoreApplication.translate("Reporting", "%1 of %2 half-years in full"))
    return text.replace("%1", str(full)).replace("%2", str(total))  # numbers: no "%" in them
