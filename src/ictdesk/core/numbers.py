"""Reading and writing numbers the way Vietnamese officials type them: ``12.500``, ``83,6``.

In Vietnamese, ``.`` groups thousands and ``,`` marks decimals. The trap is a decimal typed
with ``.``: ``12.345`` may mean twelve thousand or twelve point three. We never guess
silently: :func:`parse_number` flags such text as ambiguous and gives both readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ictdesk.core.errors import InvalidNumber, NotAWholeNumber


class ValueType(StrEnum):
    """What kind of number an indicator holds."""

    INTEGER = "integer"
    DECIMAL = "decimal"
    PERCENT = "percent"


@dataclass(frozen=True)
class ParsedNumber:
    """The result of reading typed text.

    ``value`` is ``None`` for empty text (the user cleared the field). When ``ambiguous`` is
    true, ``value`` is the decimal reading and ``alternative`` the thousands reading.
    """

    value: int | float | None
    ambiguous: bool = False
    alternative: int | float | None = None


_SWAP_MARKS = str.maketrans(",.", ".,")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_GROUPED = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$")
_PLAIN = re.compile(r"^[0-9]+$")
_DECIMAL_DOT = re.compile(r"^[0-9]*\.[0-9]+$")


def _to_number(integer_part: str, fraction: str) -> int | float:
    if not fraction or set(fraction) == {"0"}:
        return int(integer_part or "0")
    return float(f"{integer_part or '0'}.{fraction}")


def _read_unsigned(text: str) -> ParsedNumber:
    if "," in text:
        if text.count(",") > 1:
            raise InvalidNumber("more than one decimal comma")
        whole, fraction = text.split(",")
        if not _PLAIN.match(fraction):
            raise InvalidNumber("digits expected after the decimal comma")
        if whole and not (_PLAIN.match(whole) or _GROUPED.match(whole)):
            raise InvalidNumber("thousands must be grouped by three with '.'")
        return ParsedNumber(_to_number(whole.replace(".", ""), fraction))
    if _PLAIN.match(text):
        return ParsedNumber(int(text))
    if _GROUPED.match(text):
        thousands = int(text.replace(".", ""))
        if text.count(".") == 1:
            whole, fraction = text.split(".")
            return ParsedNumber(_to_number(whole, fraction), True, thousands)
        return ParsedNumber(thousands)
    if _DECIMAL_DOT.match(text):
        whole, fraction = text.split(".")
        return ParsedNumber(_to_number(whole, fraction))
    raise InvalidNumber("not a number")


def parse_number(
    text: str, value_type: ValueType = ValueType.DECIMAL, language: str = "vi"
) -> ParsedNumber:
    """Read Vietnamese-formatted text as a number of ``value_type``.

    Integers (counts) take ``.`` or spaces as thousands separators: ``12.500`` is 12500 and is
    never ambiguous. Decimals and percentages take ``,`` as the decimal mark (``83,6``); a lone
    ``.`` followed by exactly three digits is reported as ambiguous. A trailing ``%`` is
    accepted for percentages. Raises :class:`InvalidNumber` with the reason otherwise.

    With ``language="en"`` the roles of ``.`` and ``,`` are swapped (``12,500``, ``83.6``).
    """
    cleaned = _SPACES.sub("", text or "")
    if language == "en":
        cleaned = cleaned.translate(_SWAP_MARKS)
    if value_type is ValueType.PERCENT and cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    if not cleaned:
        return ParsedNumber(None)
    sign = 1
    if cleaned[0] in "+-":
        sign = -1 if cleaned[0] == "-" else 1
        cleaned = cleaned[1:]
    if not cleaned:
        raise InvalidNumber("not a number")
    parsed = _read_unsigned(cleaned)
    if value_type is ValueType.INTEGER:
        value = parsed.alternative if parsed.ambiguous else parsed.value
        if not isinstance(value, int):
            raise NotAWholeNumber("a whole number is expected")
        return ParsedNumber(sign * value)
    alternative = sign * parsed.alternative if parsed.alternative is not None else None
    return ParsedNumber(sign * parsed.value, parsed.ambiguous, alternative)


def format_number(
    value: int | float | None, decimals: int | None = None, language: str = "vi"
) -> str:
    """Format for people: ``12.500`` and ``83,6`` in Vietnamese, ``12,500`` and ``83.6`` in English.

    ``None`` becomes an en dash, never ``0``. ``decimals=None`` shows integers without decimals
    and other numbers with every significant digit (so a value shown is the value stored).
    """
    if value is None:
        return "–"
    group, point = (".", ",") if language == "vi" else (",", ".")
    if decimals is None:
        if isinstance(value, int) or float(value).is_integer():
            text = f"{int(value):,}"  # exact, also past 2**53
        else:
            text = _exact_decimal(float(value))
    else:
        text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", point).replace("\x00", group)


def _exact_decimal(value: float) -> str:
    """Every digit Python's shortest repr keeps, with thousands grouped: 1234.5678 → 1,234.5678."""
    text = repr(value)
    if "e" in text or "n" in text:  # tiny, huge, inf or nan: fixed notation, trailing zeros cut
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}.{fraction}"


def format_machine(value: int | float | None) -> str:
    """Format for files read by machines: ``.`` decimals, no grouping, exact; empty for None."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        text = repr(value)  # the shortest text that reads back as the same float
        return format(Decimal(text), "f") if "e" in text else text  # 5e-05 → 0.00005
    return str(value)
