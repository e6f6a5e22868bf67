"""Reporting periods: DHIS2 ISO strings, navigation, sub-periods and labels."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ictdesk.core.errors import InvalidPeriod
from ictdesk.core.periods import Period, PeriodType, period_range, periods_of_year


@pytest.mark.parametrize(
    ("text", "year", "ptype", "index"),
    [
        ("2024", 2024, PeriodType.YEAR, 1),
        ("2024S1", 2024, PeriodType.HALF, 1),
        ("2024S2", 2024, PeriodType.HALF, 2),
        ("2024Q1", 2024, PeriodType.QUARTER, 1),
        ("2024Q4", 2024, PeriodType.QUARTER, 4),
        ("202403", 2024, PeriodType.MONTH, 3),
        ("202412", 2024, PeriodType.MONTH, 12),
    ],
)
def test_parse_and_format_round_trip(text, year, ptype, index):
    period = Period.parse(text)
    assert (period.year, period.type, period.index) == (year, ptype, index)
    assert period.iso == text
    assert str(period) == text


@pytest.mark.parametrize(
    "text",
    [
        "2024Q5",
        "2024Q0",
        "202413",
        "202400",
        "24Q1",
        "",
        "   ",
        "2024S3",
        "2024S0",
        "2024q1",
        "2024-03",
        "2024W1",
        "Q1/2024",
        "20241",
        "1899",
        None,
        2024,
    ],
)
def test_invalid_strings_raise_invalid_period(text):
    with pytest.raises(InvalidPeriod):
        Period.parse(text)


def test_invalid_period_is_a_value_error():
    with pytest.raises(ValueError):
        Period.parse("2024Q5")


def test_constructor_rejects_impossible_index():
    with pytest.raises(InvalidPeriod):
        Period(2024, PeriodType.QUARTER, 5)
    with pytest.raises(InvalidPeriod):
        Period(2024, PeriodType.MONTH, 0)


@pytest.mark.parametrize(
    ("text", "previous", "following"),
    [
        ("2024Q1", "2023Q4", "2024Q2"),
        ("2024Q4", "2024Q3", "2025Q1"),
        ("202401", "202312", "202402"),
        ("202412", "202411", "202501"),
        ("2024S1", "2023S2", "2024S2"),
        ("2024S2", "2024S1", "2025S1"),
        ("2024", "2023", "2025"),
    ],
)
def test_previous_and_next_cross_year_boundaries(text, previous, following):
    period = Period.parse(text)
    assert period.previous().iso == previous
    assert period.next().iso == following


def test_shifted_by_several_steps():
    assert Period.parse("2024Q1").shifted(-5).iso == "2022Q4"
    assert Period.parse("202411").shifted(14).iso == "202601"


def test_sub_periods_year_to_quarters_to_months():
    year = Period.parse("2024")
    quarters = year.sub_periods(PeriodType.QUARTER)
    assert [q.iso for q in quarters] == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    assert [m.iso for m in quarters[2].sub_periods(PeriodType.MONTH)] == [
        "202407",
        "202408",
        "202409",
    ]
    assert [m.iso for m in year.sub_periods(PeriodType.MONTH)] == [
        f"2024{m:02d}" for m in range(1, 13)
    ]
    assert [h.iso for h in year.sub_periods(PeriodType.HALF)] == ["2024S1", "2024S2"]


def test_sub_periods_half_to_quarters():
    assert [q.iso for q in Period.parse("2024S1").sub_periods(PeriodType.QUARTER)] == [
        "2024Q1",
        "2024Q2",
    ]
    assert [q.iso for q in Period.parse("2024S2").sub_periods(PeriodType.QUARTER)] == [
        "2024Q3",
        "2024Q4",
    ]
    assert [m.iso for m in Period.parse("2024S2").sub_periods(PeriodType.MONTH)] == [
        f"2024{m:02d}" for m in range(7, 13)
    ]


def test_sub_periods_of_a_coarser_type_are_refused():
    with pytest.raises(InvalidPeriod):
        Period.parse("2024Q1").sub_periods(PeriodType.YEAR)
    with pytest.raises(InvalidPeriod):
        Period.parse("202401").sub_periods(PeriodType.QUARTER)


def test_contains():
    q3 = Period.parse("2024Q3")
    assert q3.contains(Period.parse("202408"))
    assert not q3.contains(Period.parse("202410"))
    assert Period.parse("2024S2").contains(q3)
    assert not Period.parse("2025").contains(q3)


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        ("2024Q1", "Quý I/2024", "Q1 2024"),
        ("2024Q4", "Quý IV/2024", "Q4 2024"),
        ("202403", "Tháng 3/2024", "March 2024"),
        ("202412", "Tháng 12/2024", "December 2024"),
        ("2024S1", "6 tháng đầu năm 2024", "First half of 2024"),
        ("2024S2", "6 tháng cuối năm 2024", "Second half of 2024"),
        ("2024", "Năm 2024", "Year 2024"),
    ],
)
def test_labels_in_vietnamese_and_english(text, vi, en):
    period = Period.parse(text)
    assert period.label() == vi
    assert period.label("vi") == vi
    assert period.label("en") == en


def test_period_range_across_years():
    periods = period_range(Period.parse("2023Q3"), Period.parse("2024Q2"))
    assert [p.iso for p in periods] == ["2023Q3", "2023Q4", "2024Q1", "2024Q2"]
    assert period_range(Period.parse("202412"), Period.parse("202412")) == [Period.parse("202412")]
    assert len(period_range(Period.parse("2021Q1"), Period.parse("2025Q4"))) == 20


def test_period_range_backwards_is_empty():
    assert period_range(Period.parse("2024Q2"), Period.parse("2024Q1")) == []


def test_period_range_needs_one_type():
    with pytest.raises(InvalidPeriod):
        period_range(Period.parse("2024Q1"), Period.parse("202406"))


def test_periods_of_year():
    assert [p.iso for p in periods_of_year(2025, PeriodType.HALF)] == ["2025S1", "2025S2"]
    assert len(periods_of_year(2025, PeriodType.MONTH)) == 12


@st.composite
def periods(draw):
    ptype = draw(st.sampled_from(list(PeriodType)))
    # The last year is excluded so that next() stays inside the supported range.
    year = draw(st.integers(min_value=1901, max_value=2998))
    index = draw(st.integers(min_value=1, max_value=ptype.per_year))
    return Period(year, ptype, index)


@given(periods())
def test_parse_iso_round_trip_and_next_previous_property(period):
    assert Period.parse(period.iso) == period
    assert period.next().previous() == period
    assert period.previous().next() == period
    assert period.next() != period


@given(periods())
def test_sub_periods_tile_the_period_property(period):
    months = period.sub_periods(PeriodType.MONTH)
    assert len(months) == period.type.months
    assert months[0].index == period.first_month
    assert months[-1].index == period.last_month
    assert all(period.contains(m) for m in months)


def test_the_whole_periods_of_a_period_are_those_holding_it_shortest_first():
    from ictdesk.core.periods import whole_periods_of

    assert [p.iso for p in whole_periods_of(Period.parse("202511"))] == ["2025Q4", "2025S2", "2025"]
    assert [p.iso for p in whole_periods_of(Period.parse("2025Q2"))] == ["2025S1", "2025"]
    assert [p.iso for p in whole_periods_of(Period.parse("2025S2"))] == ["2025"]
    assert whole_periods_of(Period.parse("2025")) == []
