"""What of a period a unit has reported, its sub-periods counted (``store.coverage``)."""

import random

from ictdesk.core.periods import PeriodType
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
    first = {r.unit.code: (r.filled, r.status) for r in store.completeness("2025Q4", "25")}
    assert first[PHUC_YEN] == (1, "partial") and first[OTHER] == (0, "none")
    assert store.filled_count(PHUC_YEN, "202510") == expected
    store.save_values(every_indicator(store, PHUC_YEN, ["202512"]), source="form")
    assert store.filled_count(PHUC_YEN, "2025Q4") == expected
    assert store.filled_count(PHUC_YEN, "2025S2") == 0  # July to September are missing
    assert store.filled_count(PHUC_YEN, "2025") == 0
    rows = {r.unit.code: r[1:] for r in store.completeness("2025Q4", "25")}
    assert rows[PHUC_YEN][:3] == (expected, expected, "full")
    assert rows[OTHER] == (0, expected, "none", None)
    later = {r.unit.code: r[1:] for r in store.completeness("2026Q1", "25")}
    store.save_values(every_indicator(store, OTHER, ["202601"]), source="form")
    now = {r.unit.code: r[1:] for r in store.completeness("2026Q1", "25")}
    assert later[OTHER] == (0, expected, "none", None)
    assert now[OTHER] == (0, expected, "partial", (1, 3, PeriodType.MONTH))  # January in
    assert rows[PHUC_YEN][3] == (3, 3, PeriodType.MONTH)


def test_a_year_is_made_of_each_sub_period_no_coarser_one_held_contains(store):
    """The value of a year with nothing stored for itself is made of each sub-period holding
    a value that no coarser one holding a value contains: whole when they span its twelve
    months. A year of Q1 as a quarter, then month by month, is Q1 and April to December,
    in the cover, the quick count and the sums alike."""
    writes = [ValueWrite(PHUC_YEN, "BTS_TOTAL", f"2025Q{q}", q) for q in (1, 2, 3, 4)]
    writes += [ValueWrite(PHUC_YEN, "BTS_TOTAL", "202512", 40)]  # inside Q4: does not count
    writes += [ValueWrite(PHUC_YEN, "APPS_TOTAL", "2025Q1", 30)]  # Q1, then month by month
    writes += [ValueWrite(PHUC_YEN, "APPS_TOTAL", p, 10) for p in months(2025, 4, 12)]
    writes += [ValueWrite(PHUC_YEN, "APPS_ONLINE", "2025S1", 6)]  # a half, then nothing
    writes += [ValueWrite(PHUC_YEN, "HH_TOTAL", "2025", 900)]  # the year itself
    writes += [ValueWrite(PHUC_YEN, "HH_TOTAL", "202506", 800)]
    writes += [ValueWrite(PHUC_YEN, "DOCS_TOTAL", p, m) for m, p in enumerate(months(2025, 1, 12))]
    # a stock sent by quarter until the reform, then by month: its last is December's
    writes += [ValueWrite(PHUC_YEN, "BTS_4G", q, 7) for q in ("2025Q1", "2025Q2")]
    writes += [ValueWrite(PHUC_YEN, "BTS_4G", p, m) for m, p in enumerate(months(2025, 7, 11))]
    store.save_values(writes, source="form")
    cover = store.coverage("2025", [PHUC_YEN])[PHUC_YEN]
    assert cover.whole == {"BTS_TOTAL", "HH_TOTAL", "DOCS_TOTAL", "APPS_TOTAL"}
    assert store.whole_counts("2025", [PHUC_YEN]) == {PHUC_YEN: 4}
    assert cover.made_of == {
        "BTS_TOTAL": 4,  # a stock: Q4, the last, which stands for December
        "APPS_TOTAL": 30 + 9 * 10,  # Q1 and April to December: whole
        "APPS_ONLINE": 6,
        "DOCS_TOTAL": sum(range(12)),  # a flow: its months added up
        "BTS_4G": 4,  # November, the last held: not whole (December is missing)
    }
    assert cover.made_from["APPS_TOTAL"] == ("2025Q1", "202512")
    assert cover.made_from["BTS_4G"] == ("2025Q1", "202511")
    sums = store.aggregates(PHUC_YEN, "2025")
    assert (sums["APPS_TOTAL"], sums["BTS_4G"], sums["BTS_TOTAL"]) == (120, 4, 4)
    assert store.aggregate("APPS_TOTAL", "25", "2025") == 120  # the province, by SQL
    assert store.coverage("2025S2", [PHUC_YEN])[PHUC_YEN].made_of["APPS_TOTAL"] == 60
    assert "APPS_TOTAL" in store.coverage("2025S2", [PHUC_YEN])[PHUC_YEN].whole
    store.save_values([ValueWrite(PHUC_YEN, "APPS_ONLINE", "2025S2", 5)], source="form")
    assert store.coverage("2025", [PHUC_YEN])[PHUC_YEN].made_of["APPS_ONLINE"] == 11
    store.save_values([ValueWrite(PHUC_YEN, "BTS_4G", "202512", 9)], source="form")
    assert "BTS_4G" in store.coverage("2025", [PHUC_YEN])[PHUC_YEN].whole


def test_a_year_of_mixed_levels_counts_its_months_in_full(store):
    """Reporting's "n of m" where a year mixes levels (Q1 as a quarter, then months): the
    months of what it is made of that hold every indicator, of twelve."""
    codes = [ind.code for ind in store.catalogue.entered]
    writes = [ValueWrite(PHUC_YEN, c, "2025Q1", 1) for c in codes]
    writes += [ValueWrite(PHUC_YEN, c, p, 1) for c in codes for p in months(2025, 4, 11)]
    store.save_values(writes, source="form")
    (year,) = store.reported("2025", [store.unit(PHUC_YEN)])
    assert (year.status, year.parts) == ("partial", (11, 12, PeriodType.MONTH))
    (half,) = store.reported("2025S1", [store.unit(PHUC_YEN)])
    assert (half.status, half.parts) == ("full", (6, 6, PeriodType.MONTH))
    store.save_values([ValueWrite(PHUC_YEN, c, "202512", 1) for c in codes], source="form")
    (year,) = store.reported("2025", [store.unit(PHUC_YEN)])
    assert (year.status, year.filled) == ("full", len(codes))


def reference_cover(store, unit: str, period: str) -> tuple[set, dict]:
    """(whole, made of) for one unit, computed the plain way, value by value."""
    from ictdesk.core.periods import Period, PeriodType, sub_period_levels

    target = Period.parse(period)
    levels = [[s.iso for s in level] for level in sub_period_levels(target)]
    whole, made = set(), {}
    for ind in store.catalogue.entered:

        def held(iso, code=ind.code):
            stored = store.value(unit, code, iso)
            return stored.value if stored is not None else None

        if held(target.iso) is not None:
            whole.add(ind.code)
            continue
        # each month, counted by the longest held period inside the target that holds it
        counted = {}
        for month in range(target.first_month, target.last_month + 1):
            for level in levels:
                holding = [
                    iso
                    for iso in level
                    if Period.parse(iso).contains(Period(target.year, PeriodType.MONTH, month))
                ]
                if holding and held(holding[0]) is not None:
                    counted[holding[0]] = held(holding[0])
                    break
        if counted:
            values = [
                counted[iso] for iso in sorted(counted, key=lambda i: Period.parse(i).first_month)
            ]
            made[ind.code] = sum(values) if ind.time_aggregation == "sum" else values[-1]
            if sum(Period.parse(iso).type.months for iso in counted) == target.type.months:
                whole.add(ind.code)
    return whole, made


def test_coverage_and_the_quick_count_agree_with_the_plain_rule_and_the_sums(store):
    """The oracles: the rule computed value by value, and the sums of a commune (which has
    no sub-units), over random files where some units report everything, some part, at
    every level; a few values stored empty (a comment alone)."""
    rng = random.Random(7)
    units = [u.code for u in store.children("25")[:8]]
    periods = [*months(2024, 1, 12), "2024Q1", "2024Q3", "2024S2", "2024Q4", "2024"]
    codes = [ind.code for ind in store.catalogue.entered]
    writes = []
    for number, unit in enumerate(units):
        density = (1.0, 0.95, 0.5, 0.1, 0.0, 1.0, 0.7, 0.3)[number]
        chosen = periods[:12] if number in (0, 5) else periods  # monthly returns, in full
        for period in chosen:
            for code in codes:
                if rng.random() < density:
                    empty = density < 1 and rng.random() < 0.03
                    value = None if empty else rng.randint(0, 50)
                    writes.append(ValueWrite(unit, code, period, value, comment="x"))
    store.save_values(writes, source="form")
    for period in ["2024", "2024S1", "2024S2", "2024Q1", "2024Q2", "2024Q4", "202405"]:
        covers = store.coverage(period, units)
        counts = store.whole_counts(period, units)
        for unit in units:
            whole, made = reference_cover(store, unit, period)
            assert covers[unit].whole == whole, (unit, period)
            assert covers[unit].made_of == made, (unit, period)
            assert counts[unit] == len(whole), (unit, period)
            sums = store.aggregates(unit, period)
            for code, value in made.items():
                assert sums[code] == value, (unit, period, code)
    assert store.whole_counts("2024", [units[0]])[units[0]] == len(codes)  # the quick way


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
        "Quý IV/2025 được tính từ số liệu Tháng 10/2025 đến Tháng 12/2025: hãy sửa ở các kỳ đó"
    )
    assert plan.values == {(PHUC_YEN, "BTS_4G"): 1, (OTHER, "BTS_TOTAL"): 3}
    blank = plan_edits(store, "2025Q4", [Cell(PHUC_YEN, "BTS_TOTAL", "")], Convention("vi"))
    assert not blank.refused  # clearing what is not stored changes nothing
    assert not plan_edits(store, "202511", [cells[0]], Convention("vi")).refused


def test_a_quarter_of_monthly_returns_is_validated_as_its_months_make_it(store):
    """Whole values made of months are checked; a quarter half reported is not, since its
    partial sums break rules no month breaks."""
    writes = [ValueWrite(PHUC_YEN, "BTS_TOTAL", p, 10) for p in months(2025, 7, 12)]
    writes += [ValueWrite(PHUC_YEN, "BTS_5G", p, 9) for p in months(2025, 7, 11)]
    writes += [ValueWrite(PHUC_YEN, "BTS_5G", "202512", 12)]  # more 5G than all stations
    writes += [ValueWrite(OTHER, "HH_TOTAL", p, 1000) for p in months(2025, 7, 9)]
    writes += [ValueWrite(OTHER, "HH_TOTAL", "2025Q4", 5000)]
    # October: 8 online of 10; November: 8 online, the total not yet in
    writes += [ValueWrite(OTHER, "APPS_TOTAL", "202510", 10)]
    writes += [ValueWrite(OTHER, "APPS_ONLINE", p, 8) for p in ("202510", "202511")]
    store.save_values(writes, source="form")
    found = {
        (v.unit_code, v.kind, tuple(v.indicators)) for v in store.validate_period("2025Q4", "25")
    }
    assert found == {
        (PHUC_YEN, "rule", ("BTS_5G", "BTS_TOTAL")),  # December's stock is the quarter's
        (OTHER, "outlier", ("HH_TOTAL",)),  # five times Quý III, made of its months
    }  # not 16 online of 10 applications: Q4's flows are not all in
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


def test_a_provinces_sums_of_monthly_returns_when_some_communes_are_late(store):
    """One level of sub-periods in the whole file (monthly returns): a stock is read at the
    last month anyone holds and sought back for a commune late with it; a flow's months are
    summed. Each commune's sums are its months' by the plain rule; the province's, theirs."""
    communes = [u.code for u in store.children("25")[:4]]
    writes = []
    for number, unit in enumerate(communes):
        for month in range(1, 13 - number * 2):  # the second stops in October, and so on
            for code, value in (("BTS_TOTAL", 10 * number + month), ("APPS_TOTAL", month)):
                writes.append(ValueWrite(unit, code, f"2025{month:02d}", value))
    writes.append(ValueWrite(communes[0], "BTS_TOTAL", "202512", None, comment="chưa có"))
    store.save_values(writes, source="form")
    for period in ("2025", "2025S2", "2025Q4", "202512"):
        total = {"BTS_TOTAL": None, "APPS_TOTAL": None}
        for unit in communes:
            whole, made = reference_cover(store, unit, period)
            sums = store.aggregates(unit, period)
            for code in total:
                stored = store.value(unit, code, period)
                own = stored.value if stored and stored.value is not None else made.get(code)
                assert sums[code] == own, (unit, period, code)
                if own is not None:
                    total[code] = own + (total[code] or 0)
        province = store.aggregates("25", period)
        assert {code: province[code] for code in total} == total, period
    assert store.aggregates(communes[0], "2025")["BTS_TOTAL"] == 11  # November: December empty
