"""One number reader for every path: conventions, whitespace, ambiguity, never a silent pick."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ictdesk.core.errors import AmbiguousNumber, InvalidNumber, NotAWholeNumber, SeveralValues
from ictdesk.core.numbers import Convention, ValueType, read_number, read_unambiguous

COUNT, DECIMAL = ValueType.INTEGER, ValueType.DECIMAL
VI, EN, MACHINE = Convention.VI, Convention.EN, Convention.MACHINE


@pytest.mark.parametrize(
    ("text", "convention", "expected"),
    [
        ("36.000", VI, 36000),  # a Vietnamese spreadsheet's #,##0
        ("22.413", VI, 22413),  # refused before with "must be a whole number"
        ("36,000", EN, 36000),  # an English spreadsheet's #,##0
        ("36000", MACHINE, 36000),
        ("36 000", VI, 36000),
        ("36\u00a0000", EN, 36000),
        ("36\u202f000", VI, 36000),
        ("1.234.567", VI, 1234567),
        ("36.000,00", VI, 36000),  # #,##0.00 of a count
        ("36,000.00", EN, 36000),
        ("12\r\n", VI, 12),  # what Excel puts on the clipboard for one cell
        ("\t 12 \n", EN, 12),
    ],
)
def test_a_count_written_by_its_convention_reads_as_itself(text, convention, expected):
    parsed = read_number(text, COUNT, convention)
    assert (parsed.value, parsed.ambiguous) == (expected, False)


@pytest.mark.parametrize(
    ("text", "convention", "readings"),
    [
        ("36,000", VI, (36, 36000)),  # stored as 36 before, in the form and in files
        ("36.000", MACHINE, (36, 36000)),  # a grouped-looking count in a machine file
        ("36.000", EN, (36, 36000)),
        ("12.345", VI, None),  # a decimal typed with a dot: decimal or thousands?
    ],
)
def test_text_that_reads_two_ways_is_never_picked_silently(text, convention, readings):
    value_type = DECIMAL if readings is None else COUNT
    parsed = read_number(text, value_type, convention)
    assert parsed.ambiguous
    if readings:
        assert (parsed.value, parsed.alternative) == readings
    with pytest.raises(AmbiguousNumber) as refused:
        read_unambiguous(text, value_type, convention)
    assert str(parsed.alternative) in str(refused.value) and refused.value.vi


@pytest.mark.parametrize(
    "text", ["12\n14\n9", "12\r\n14\r\n9", "25\t31\t7", "12  500", "12\u00a0\u00a0500", "1 2\t3"]
)
@pytest.mark.parametrize("convention", list(Convention))
def test_tabs_line_breaks_and_several_spaces_are_several_values(text, convention):
    with pytest.raises(SeveralValues) as refused:
        read_number(text, COUNT, convention)
    assert "one number per cell" in str(refused.value)
    assert "mỗi ô một số" in refused.value.vi


@pytest.mark.parametrize("text", ["12 50", "1 2345", "12 500 00", "12. 500", "12 .500"])
def test_a_space_groups_only_three_digits(text):
    with pytest.raises(InvalidNumber):
        read_number(text, COUNT, VI)


@pytest.mark.parametrize("text", ["12 500", "36,000", "+5", "1e5", "12%", "0x10"])
def test_machine_format_takes_digits_and_a_dot_only(text):
    with pytest.raises(InvalidNumber):
        read_number(text, COUNT, MACHINE)


def test_a_fraction_in_a_count_names_the_thousands_reading():
    with pytest.raises(NotAWholeNumber) as refused:
        read_number("12,500", COUNT, VI)
    assert "12.500" in refused.value.vi  # "if you meant thousands, write 12.500"
    with pytest.raises(NotAWholeNumber):
        read_number("12.500", COUNT, EN)


def test_four_thousand_digits_are_refused_in_one_line():
    with pytest.raises(InvalidNumber) as refused:
        read_number("9" * 4400, COUNT, MACHINE)
    assert "too many digits" in str(refused.value)


def _spreadsheet_texts(n: int, convention: Convention) -> list[str]:
    """How a spreadsheet in ``convention`` writes the count ``n`` (General, #,##0, #,##0.00)."""
    plain = str(n)
    if convention is MACHINE:
        return [plain]
    group, point = (".", ",") if convention is VI else (",", ".")
    grouped = f"{n:,}".replace(",", group)
    spaced = f"{n:,}".replace(",", "\u00a0")
    return [plain, grouped, spaced, f"{grouped}{point}00", f"{plain}{point}00"]


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_every_count_a_spreadsheet_writes_reads_back_as_itself_or_is_refused(n):
    for written in Convention:
        for text in _spreadsheet_texts(n, written):
            for read in Convention:
                try:
                    parsed = read_number(text, COUNT, read)
                except InvalidNumber:
                    continue  # a refusal is always safe
                if read is written:
                    assert (parsed.value, parsed.ambiguous) == (n, False), (text, read)
                elif parsed.ambiguous:  # the caller asks or refuses, naming both readings
                    assert n in (parsed.value, parsed.alternative), (text, read)
                else:
                    assert parsed.value == n, (text, written, read)
