"""Numbers typed and shown the Vietnamese way: ``12.500`` and ``83,6``."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ictdesk.core.errors import InvalidNumber
from ictdesk.core.numbers import (
    ParsedNumber,
    ValueType,
    format_machine,
    format_number,
    parse_number,
)

INTEGER, DECIMAL, PERCENT = ValueType.INTEGER, ValueType.DECIMAL, ValueType.PERCENT


def test_thousands_dot_in_an_integer_field():
    parsed = parse_number("12.500", INTEGER)
    assert parsed == ParsedNumber(12500)
    assert isinstance(parsed.value, int)


@pytest.mark.parametrize("value_type", [DECIMAL, PERCENT])
def test_decimal_comma(value_type):
    parsed = parse_number("83,6", value_type)
    assert parsed.value == pytest.approx(83.6)
    assert not parsed.ambiguous
    assert parsed.alternative is None


def test_grouped_thousands_with_decimal_comma():
    assert parse_number("1.234.567,89", DECIMAL).value == pytest.approx(1234567.89)
    assert parse_number("1.234.567", INTEGER).value == 1234567
    assert parse_number("1.234.567", DECIMAL) == ParsedNumber(1234567)


@pytest.mark.parametrize("text", ["12 500", "12\u00a0500", "12\u202f500", " 12500 ", "1 234 567"])
def test_spaces_and_nbsp_group_thousands(text):
    expected = int(text.replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))
    assert parse_number(text, INTEGER).value == expected


def test_spaced_decimal():
    assert parse_number("1\u00a0234,5", DECIMAL).value == pytest.approx(1234.5)


def test_dot_and_three_digits_in_a_decimal_field_is_ambiguous():
    parsed = parse_number("12.345", DECIMAL)
    assert parsed.ambiguous
    assert parsed.value == pytest.approx(12.345)
    assert parsed.alternative == 12345


def test_dot_and_three_digits_in_a_percent_field_is_ambiguous():
    parsed = parse_number("83.600", PERCENT)
    assert parsed.ambiguous
    assert parsed.value == pytest.approx(83.6)
    assert parsed.alternative == 83600


def test_dot_and_three_digits_in_an_integer_field_is_thousands():
    parsed = parse_number("12.345", INTEGER)
    assert parsed == ParsedNumber(12345, False, None)


def test_dot_and_one_digit_in_a_decimal_field_is_a_decimal():
    parsed = parse_number("83.6", DECIMAL)
    assert parsed.value == pytest.approx(83.6)
    assert not parsed.ambiguous
    assert parsed.alternative is None


@pytest.mark.parametrize("value_type", list(ValueType))
@pytest.mark.parametrize("text", ["", "   ", "\u00a0", None])
def test_empty_text_is_none(text, value_type):
    assert parse_number(text, value_type) == ParsedNumber(None)


@pytest.mark.parametrize("text", ["12,5", "12.5", "0,1", "83.6"])
def test_fraction_in_an_integer_field_is_refused(text):
    with pytest.raises(InvalidNumber):
        parse_number(text, INTEGER)


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "12a",
        "1,2,3",
        "12.34.5",
        "1.23,4,5",
        "12,",
        "1e5",
        "nan",
        "inf",
        "-",
        "+",
        "--5",
        "12..5",
        "0x10",
        "12%",  # a percent sign outside a percent field
    ],
)
@pytest.mark.parametrize("value_type", [INTEGER, DECIMAL])
def test_garbage_raises_invalid_number(text, value_type):
    with pytest.raises(InvalidNumber):
        parse_number(text, value_type)


def test_invalid_number_is_a_value_error():
    with pytest.raises(ValueError):
        parse_number("abc", DECIMAL)


@pytest.mark.parametrize(
    ("text", "expected"), [("85%", 85), ("85 %", 85), ("83,6%", 83.6), ("100%", 100)]
)
def test_percent_sign_in_a_percent_field(text, expected):
    assert parse_number(text, PERCENT).value == pytest.approx(expected)


def test_signs():
    assert parse_number("-12.500", INTEGER).value == -12500
    assert parse_number("+83,6", DECIMAL).value == pytest.approx(83.6)
    parsed = parse_number("-12.345", DECIMAL)
    assert parsed.ambiguous
    assert parsed.value == pytest.approx(-12.345)
    assert parsed.alternative == -12345


def test_english_marks_are_swapped():
    assert parse_number("12,500", INTEGER, language="en").value == 12500
    assert parse_number("83.6", DECIMAL, language="en").value == pytest.approx(83.6)
    assert parse_number("1,234,567.89", DECIMAL, language="en").value == pytest.approx(1234567.89)
    parsed = parse_number("12,345", DECIMAL, language="en")
    assert parsed.ambiguous
    assert parsed.alternative == 12345
    with pytest.raises(InvalidNumber):
        parse_number("12.5", INTEGER, language="en")


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (12500, "12.500", "12,500"),
        (83.6, "83,6", "83.6"),
        (0, "0", "0"),
        (7, "7", "7"),
        (1234567.891, "1.234.567,891", "1,234,567.891"),  # every digit: shown == stored
        (12.0, "12", "12"),
        (-12500, "-12.500", "-12,500"),
        (86.97, "86,97", "86.97"),
        (99.999, "99,999", "99.999"),
        (12.345, "12,345", "12.345"),
    ],
)
def test_format_number(value, vi, en):
    assert format_number(value) == vi
    assert format_number(value, language="vi") == vi
    assert format_number(value, language="en") == en


@pytest.mark.parametrize("language", ["vi", "en"])
def test_format_none_is_a_dash_never_zero(language):
    assert format_number(None, language=language) == "–"


def test_format_with_fixed_decimals():
    assert format_number(83.6, decimals=2) == "83,60"
    assert format_number(12500, decimals=1, language="en") == "12,500.0"


def test_format_machine_is_exact_and_plain():
    assert format_machine(12500) == "12500"
    assert format_machine(83.6) == "83.6"
    assert format_machine(12.0) == "12"
    assert format_machine(None) == ""
    assert format_machine(0.00005) == "0.00005"  # never 5e-05, which imports refuse


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_machine_format_reads_back_as_the_same_float_without_an_exponent(x):
    text = format_machine(x)
    assert "e" not in text and float(text) == x


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_formatted_integer_parses_back_property(n):
    assert parse_number(format_number(n), INTEGER).value == n
    assert parse_number(format_number(n, language="en"), INTEGER, language="en").value == n


@pytest.mark.parametrize("n", [2**53 + 1, 12_345_678_901_234_567])
def test_format_number_keeps_every_digit_of_a_large_integer(n):
    # SQLite stores integers up to 2**63 exactly; showing them must not round through float.
    assert format_number(n).replace(".", "") == str(n)
