"""Reading and writing numbers: as Vietnamese officials type them (``12.500``, ``83,6``), as
English spreadsheets write them (``12,500``, ``83.6``) and as machines do (``12500``, ``83.6``).

:func:`read_number` is the one reader of every number ictdesk takes in — typed, pasted or
read from a file — with one set of rules for the three conventions. The traps: a decimal
typed with the other mark (``12.345`` may be twelve thousand or twelve point three), a count
grouped the other way (``36,000`` in Vietnamese is 36, or 36 000), cells pasted together
(``12⏎14⏎9``). Text that reads two ways is flagged with both readings, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ictdesk.core.errors import AmbiguousNumber, InvalidNumber, NotAWholeNumber, SeveralValues


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


class Convention(StrEnum):
    """How a text writes numbers: which mark groups thousands and which marks decimals.

    ``MACHINE`` is ictdesk's own files and DHIS2 (``12500``, ``83.6``: no grouping); ``VI`` is
    Vietnamese (``12.500``, ``83,6``), ``EN`` English (``12,500``, ``83.6``). A single space,
    NBSP or narrow NBSP between groups of three digits groups thousands in ``VI`` and ``EN``.
    """

    MACHINE = "machine"
    VI = "vi"
    EN = "en"


_MARKS = {  # convention: (thousands mark, decimal mark)
    Convention.MACHINE: (None, "."),
    Convention.VI: (".", ","),
    Convention.EN: (",", "."),
}
_GROUP_SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space
_LINE_BREAKS_AND_TABS = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SEVERAL_SPACES = re.compile(r"\s\s")
_BODY = re.compile(r"^[0-9]+(?:[ .,\u00a0\u202f][0-9]+)*$")
_PLAIN = re.compile(r"^[0-9]+$")
MAX_DIGITS = 30  # far past the 16 digits a stored count keeps exactly; stops 4,300-digit text


def _refused(reason: str, vi: str, kind: type[InvalidNumber] = InvalidNumber) -> InvalidNumber:
    return kind(reason, vi=vi)


def _number(whole: str, fraction: str) -> int | float:
    """``whole``.``fraction`` as an int when the fraction is zero, else a float."""
    if not fraction or set(fraction) == {"0"}:
        return int(whole or "0")
    return float(f"{whole or '0'}.{fraction}")


def _grouped(chunks: list[str]) -> bool:
    """Whether digit chunks are thousands groups: 1–3 digits, then exactly three each."""
    return 1 <= len(chunks[0]) <= 3 and all(len(c) == 3 for c in chunks[1:])


def read_number(
    text: str | None,
    value_type: ValueType = ValueType.DECIMAL,
    convention: Convention = Convention.VI,
) -> ParsedNumber:
    """Read ``text`` as a number of ``value_type`` written in ``convention``: the one reader of
    every number ictdesk takes in (typed in the form or the grid, pasted, or read from a file).

    Surrounding whitespace (a trailing line break from a spreadsheet's clipboard) is ignored;
    tabs, line breaks or several spaces inside are several values and refused. A thousands
    mark (or a single space) only groups when every group after it has exactly three digits.
    A mark that cannot group (``83.6`` in Vietnamese) is read as a decimal mark.

    Never a silent pick: text that reads two ways comes back ``ambiguous`` with both readings
    (``value`` the decimal one, ``alternative`` the thousands one) — a count ``36,000`` in
    Vietnamese (36 or 36 000), a decimal ``12.345`` in Vietnamese, a count ``36.000`` in
    machine format. The caller asks (the form) or refuses (the grid, imports). Raises
    :class:`InvalidNumber` (its subclasses :class:`NotAWholeNumber`, :class:`SeveralValues`)
    with the reason in English and Vietnamese.
    """
    cleaned = (text or "").strip()
    if value_type is ValueType.PERCENT and cleaned.endswith("%"):
        cleaned = cleaned[:-1].rstrip(_GROUP_SPACES)
    if not cleaned:
        return ParsedNumber(None)
    if _LINE_BREAKS_AND_TABS.search(cleaned) or _SEVERAL_SPACES.search(cleaned):
        raise _refused(
            "several values in one cell (a tab, a line break or several spaces): one number"
            " per cell",
            "nhiều giá trị trong một ô (có dấu tab, xuống dòng hoặc nhiều dấu cách): mỗi ô một số",
            SeveralValues,
        )
    sign = 1
    if cleaned[0] in "+-" and not (convention is Convention.MACHINE and cleaned[0] == "+"):
        sign = -1 if cleaned[0] == "-" else 1
        cleaned = cleaned[1:]
    if sum(c.isdigit() for c in cleaned) > MAX_DIGITS:
        raise _refused("too many digits for a number", "quá nhiều chữ số")
    if not _BODY.match(cleaned):
        raise _refused("not a number", "không phải là số")
    parsed = _read_unsigned(cleaned, value_type, convention)
    alternative = None if parsed.alternative is None else sign * parsed.alternative
    return ParsedNumber(sign * parsed.value, parsed.ambiguous, alternative)


def _read_unsigned(text: str, value_type: ValueType, convention: Convention) -> ParsedNumber:
    group, decimal = _MARKS[convention]
    marks = [c for c in text if not c.isdigit()]
    chunks = re.split(r"[ .,\u00a0\u202f]", text)
    count = value_type is ValueType.INTEGER
    if not marks:
        return ParsedNumber(int(text))
    if convention is Convention.MACHINE and (len(marks) > 1 or marks[0] != "."):
        raise _refused(
            "not a number in machine format (digits, '.' for decimals, no grouping)",
            "không phải số dạng máy (chữ số, dấu '.' cho phần thập phân, không phân cách"
            " hàng nghìn)",
        )
    spaces = [m for m in marks if m in _GROUP_SPACES]
    if decimal in marks:  # the convention's decimal mark: once, last, groups before it
        if marks.count(decimal) > 1 or marks[-1] != decimal:
            raise _refused("more than one decimal mark", "có nhiều hơn một dấu thập phân")
        before = marks[:-1]
        if before and (len(set(before)) > 1 or before[0] not in (group, *_GROUP_SPACES)):
            raise _refused("mixed thousands marks", "dấu phân cách hàng nghìn không thống nhất")
        if before and not _grouped(chunks[:-1]):
            raise _refused(
                "thousands must be grouped by three", "hàng nghìn phải được nhóm theo ba chữ số"
            )
        whole, fraction = "".join(chunks[:-1]), chunks[-1]
        value = _number(whole, fraction)
        if count and not before and len(fraction) == 3:
            thousands = int(whole + fraction)  # "36,000" in Vietnamese: 36 or 36 000?
            if isinstance(value, int):
                return ParsedNumber(value, True, thousands)
            raise _not_whole(text, thousands, convention)
        if count and not isinstance(value, int):
            raise _not_whole(text, None, convention)
        return ParsedNumber(value)
    # No decimal mark of the convention: the marks group thousands, or one foreign mark
    # ("83.6" in Vietnamese) is a decimal mark.
    if len(set(marks)) > 1 and not (set(marks) <= set(_GROUP_SPACES)):
        raise _refused("mixed thousands marks", "dấu phân cách hàng nghìn không thống nhất")
    if _grouped(chunks):
        thousands = int("".join(chunks))
        if spaces or len(marks) > 1:
            return ParsedNumber(thousands)
        if marks[0] == group and count:
            return ParsedNumber(thousands)
        value = _number(chunks[0], chunks[1])  # one mark, three digits: "12.345"
        if count and not isinstance(value, int):
            raise _not_whole(text, thousands, convention)
        return ParsedNumber(value, True, thousands)
    if len(marks) == 1 and marks[0] not in _GROUP_SPACES:
        value = _number(chunks[0], chunks[1])
        if count and not isinstance(value, int):
            raise _not_whole(text, None, convention)
        return ParsedNumber(value)
    raise _refused("thousands must be grouped by three", "hàng nghìn phải được nhóm theo ba chữ số")


def _not_whole(text: str, thousands: int | None, convention: Convention) -> NotAWholeNumber:
    """A count with a fraction; ``thousands``: the reading as thousands, named as a hint."""
    if thousands is None:
        return NotAWholeNumber("a whole number is expected", vi="cần một số nguyên")
    shown = format_number(thousands, language="en" if convention is Convention.EN else "vi")
    return NotAWholeNumber(
        f"a whole number is expected; as thousands it would be {shown}: write it so",
        vi=f"cần một số nguyên; nếu là hàng nghìn thì hãy viết {shown}",
    )


def read_unambiguous(
    text: str | None, value_type: ValueType, convention: Convention
) -> int | float | None:
    """:func:`read_number`, refusing text that reads two ways with :class:`AmbiguousNumber`
    (naming both readings): what the grid and every import do, where nobody can be asked."""
    parsed = read_number(text, value_type, convention)
    if parsed.ambiguous:
        first, second = format_machine(parsed.value), format_machine(parsed.alternative)
        raise AmbiguousNumber(
            f"reads two ways: {first} or {second}; write it unambiguously",
            vi=f"đọc được hai cách: {first} hoặc {second}; hãy viết rõ một cách",
        )
    return parsed.value


def parse_number(
    text: str | None, value_type: ValueType = ValueType.DECIMAL, language: str = "vi"
) -> ParsedNumber:
    """:func:`read_number` as the interface's language writes numbers (``vi`` or ``en``)."""
    return read_number(text, value_type, Convention(language))


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
        if "e" not in text:
            return text
        from decimal import Decimal  # rare (5e-05 → 0.00005): not imported at every start

        return format(Decimal(text), "f")
    return str(value)
