"""What of a period a unit has reported, its sub-periods counted (``store.coverage``)."""

import random

from ictdesk.core.store import ValueStore, ValueWrite

PHUC_YEN = "08740"  # Phường Phúc Yên, a commune of Phú Thọ
OTHER = "07900"


def months(year: int, first: int, last: int) -> list[str]:
    return [f"{year}{m:02d}" for m in range(first, last + 1)]


def every_indicator(store: ValueStore, unit: str, periods: list[str], value=1) -> list:
    return [
        ValueWrite(unit, ind.code, period, value)
        for period in periods
        for ind in store.catalogue.entered
    ]


def test_a_quarter_of_monthly_returns_is_whole_when_its_three_months_are_in(store):
    expected = len(store.catalogue.entered)
    store.save_values(every_indicator(store, PHUC_YEN, months(2025, 10, 11)), source="form")
    store.save_values([ValueWrite(PHUC_YEN, "BTS_TOTAL", "202512", 4)], source="form")
    assert store.filled_count(PHUC_YEN, "2025Q4") == 1  # December holds one indicator only
    first = {unit.code: done for unit, done, _ in store.completeness("2025Q4", "25")}
    assert first[PHUC_YEN] == 1
    assert store.filled_count(PHUC_YEN, "202510") == expected
    store.save_values(every_indicator(store, PHUC_YEN, ["202512"]), source="form")
    assert store.filled_count(PHUC_YEN, "2025Q4") == expected
    assert store.filled_count(PHUC_YEN, "2025S2") == 0  # July to September are missing
    assert store.filled_count(PHUC_YEN, "2025") == 0
    rows = {unit.code: (done, total) for unit, done, total in store.completeness("2025Q4", "25")}
    assert rows[PHUC_YEN] == (expected, expected)
    assert rows[OTHER] == (0, expected)


def test_a_year_is_whole_from_quarters_halves_or_months_mixed(store):
    # January to June by month, Q3 by quarter, Q4 by its months
    writes = [ValueWrite(PHUC_YEN, "BTS_TOTAL", p, 3) for p in months(2025, 1, 6)]
    writes += [ValueWrite(PHUC_YEN, "BTS_TOTAL", "2025Q3", 3)]
    writes += [ValueWrite(PHUC_YEN, "BTS_TOTAL", p, 3) for p in months(2025, 10, 12)]
    writes += [ValueWrite(PHUC_YEN, "APPS_TOTAL", "2025S1", 10)]  # a half, then nothing
    writes += [ValueWrite(PHUC_YEN, "HH_TOTAL", "2025", 900)]  # the year itself
    store.save_values(writes, source="form")
    cover = store.coverage("2025", [PHUC_YEN])[PHUC_YEN]
    assert cover.whole == {"BTS_TOTAL", "HH_TOTAL"}
    assert store.filled_count(PHUC_YEN, "2025") == 2
    assert cover.made_of == {"BTS_TOTAL": 3, "APPS_TOTAL": 10}  # not HH_TOTAL: stored itself
    store.save_values([ValueWrite(PHUC_YEN, "APPS_TOTAL", "2025S2", 5)], source="form")
    assert store.coverage("2025", [PHUC_YEN])[PHUC_YEN].made_of["APPS_TOTAL"] == 15  # a flow


def test_values_made_of_sub_periods_are_those_every_sum_shows(store):
    """The oracle: the aggregates of a commune (which has no sub-units) for random files."""
    rng = random.Random(7)
    periods = [*months(2024, 1, 12), "2024Q1", "2024Q3", "2024S2", "2024Q4"]
    codes = [ind.code for ind in store.catalogue.entered]
    writes = [
        ValueWrite(unit, code, period, rng.randint(0, 50))
        for unit in (PHUC_YEN, OTHER)
        for code in codes
        for period in periods
        if rng.random() < 0.3
    ]
    store.save_values(writes, source="form")
    for period in ["2024", "2024S1", "2024S2", "2024Q1", "2024Q2", "2024Q4", "202405"]:
        covers = store.coverage(period, [PHUC_YEN, OTHER])
        counts = store.whole_counts(period, [PHUC_YEN, OTHER])
        for unit in (PHUC_YEN, OTHER):
            held = store.values_for(unit, period).items()
            stored = {code for code, v in held if v.value is not None}
            sums = store.aggregates(unit, period)
            for code in codes:
                if code in stored:
                    assert code not in covers[unit].made_of
                else:
                    assert covers[unit].made_of.get(code) == sums[code], (unit, period, code)
            assert counts[unit] == len(covers[unit].whole)
            assert stored <= covers[unit].whole


def test_a_value_is_not_typed_for_a_period_made_of_the_units_months(store):
    from ictdesk.core.edits import Cell, plan_edits
    from ictdesk.core.numbers import Convention

    store.save_values(
        [ValueWrite(PHUC_YEN, "BTS_TOTAL", p, 4) for p in months(2025, 10, 12)]
        + [
            ValueWrite(OTHER, "BTS_TOTAL", "2025Q4", 2),
            ValueWrite(OTHER, "BTS_TOTAL", "202510", 1),
        ],
        source="form",
    )
    cells = [
        Cell(PHUC_YEN, "BTS_TOTAL", "5"),  # made of its months: refused
        Cell(PHUC_YEN, "BTS_4G", "1"),  # no month holds it: typed for the quarter
        Cell(OTHER, "BTS_TOTAL", "3"),  # the quarter is stored itself: changed there
    ]
    plan = plan_edits(store, "2025Q4", cells, Convention("vi"))
    assert [(p.cell, p.refusal.kind) for p in plan.refused] == [(cells[0], "made")]
    assert plan.refused[0].message("vi") == (
        "Quý IV/2025 được tính từ các tháng hoặc quý của kỳ này: hãy sửa ở các kỳ đó"
    )
    assert plan.values == {(PHUC_YEN, "BTS_4G"): 1, (OTHER, "BTS_TOTAL"): 3}
    blank = plan_edits(store, "2025Q4", [Cell(PHUC_YEN, "BTS_TOTAL", "")], Convention("vi"))
    assert not blank.refused  # clearing what is not stored changes nothing
    assert not plan_edits(store, "202511", [cells[0]], Convention("vi")).refused


def test_a_quarter_of_monthly_returns_is_validated_as_its_months_make_it(store):
    writes = [ValueWrite(PHUC_YEN, "BTS_TOTAL", p, 10) for p in months(2025, 7, 12)]
    writes += [ValueWrite(PHUC_YEN, "BTS_5G", "202512", 12)]  # more 5G than all stations
    writes += [
        ValueWrite(OTHER, "HH_TOTAL", "202509", 1000),
        ValueWrite(OTHER, "HH_TOTAL", "2025Q4", 5000),
    ]
    store.save_values(writes, source="form")
    found = store.validate_period("2025Q4", "25")
    assert {(v.unit_code, v.kind, tuple(v.indicators)) for v in found} >= {
        (PHUC_YEN, "rule", ("BTS_5G", "BTS_TOTAL")),  # December's stock is the quarter's
        (OTHER, "outlier", ("HH_TOTAL",)),  # five times Quý III, made of September
    }
    assert not store.validate_period("2025Q3", "25")  # nothing wrong with July to September
    assert [v.unit_code for v in store.validate_period("202512", "25")] == [PHUC_YEN]


def test_values_of_indicators_not_entered_are_not_counted(store):
    """A file may hold a code the catalogue no longer enters (a rate stored by an older
    version, a custom indicator removed): the quick count must not count it."""
    store.save_values(
        [ValueWrite(PHUC_YEN, "BTS_TOTAL", p, 3) for p in months(2025, 1, 3)], source="form"
    )
    derived = store.catalogue.derived[0].code
    with store.db.conn:
        for p in months(2025, 1, 3):
            store.db.execute(
                "INSERT INTO data_values (unit_code, indicator_code, period, value, updated_at)"
                " VALUES (?, ?, ?, 50, '2025-01-01T00:00:00')",
                [PHUC_YEN, derived, p],
            )
    assert store.whole_counts("2025Q1", [PHUC_YEN]) == {PHUC_YEN: 1}
    assert store.whole_counts("202502", [PHUC_YEN]) == {PHUC_YEN: 1}
    assert len(store.coverage("2025Q1", [PHUC_YEN])[PHUC_YEN].whole) == 1
