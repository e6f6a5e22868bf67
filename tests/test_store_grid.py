"""One period's grid: every commune of a parent, entered values only, gaps as None."""


def test_grid_lists_every_child_with_its_values(store):
    store.save_value("08740", "BTS_TOTAL", "2024Q1", 36)
    store.save_value("08740", "BTS_4G", "2024Q1", 30)
    store.save_value("07900", "BTS_TOTAL", "2024Q1", 12)
    store.save_value("07900", "BTS_TOTAL", "2024Q2", 99)  # another period: not in the grid
    rows = store.grid("2024Q1", "25", ["BTS_TOTAL", "BTS_4G"])
    assert len(rows) == 148
    by_code = {unit.code: values for unit, values in rows}
    assert by_code["08740"] == {"BTS_TOTAL": 36, "BTS_4G": 30}
    assert by_code["07900"] == {"BTS_TOTAL": 12, "BTS_4G": None}
    assert sum(1 for _, v in rows if v["BTS_TOTAL"] is not None) == 2


def test_grid_defaults_to_every_entered_indicator(demo_store):
    rows = demo_store.grid("2025Q4", "25")
    unit, values = rows[0]
    assert len(values) == len(demo_store.catalogue.entered) == 29
    assert all(v is not None for _, vals in rows for v in vals.values())


# ------------------------------------------- national sums by ranges of unit codes
import pytest  # noqa: E402

from ictdesk.core.periods import Period, PeriodType  # noqa: E402
from ictdesk.core.series import (  # noqa: E402
    compute_series,
    periods_between,
    ranges,
    shortcuts,  # noqa: E402
)
from ictdesk.core.series import sql as series  # noqa: E402
from ictdesk.core.store import ValueWrite  # noqa: E402

HA_NOI, PHU_THO, PHUC_YEN, OTHER = "01", "25", "08740", "07900"


def both_ways(store, monkeypatch, code, units, periods):
    """compute_series by its short cuts (ranges of unit codes, seeks), and by the general
    query alone; asserts they agree."""
    series._KEPT.pop(store, None)  # each way builds its own query
    quick = compute_series(store, code, units, periods)
    series._KEPT.pop(store, None)
    with monkeypatch.context() as patch:
        patch.setattr(ranges, "range_sql", lambda *args: None)
        patch.setattr(ranges, "paired_range_sql", lambda *args: None)
        patch.setattr(shortcuts, "seek_timed", lambda *args: None)
        general = compute_series(store, code, units, periods)
    assert quick.values.keys() == general.values.keys()
    for unit in units:
        assert quick.values[unit] == pytest.approx(general.values[unit]), (code, unit)
        assert [v is None for v in quick.values[unit]] == [v is None for v in general.values[unit]]
    return quick


@pytest.fixture
def national(tmp_path):
    from ictdesk.core.store import ValueStore

    path = tmp_path / "national.db"
    ValueStore.create(path, {"stored_by": "test"})
    store = ValueStore.open(path)
    communes = {p: [u.code for u in store.children(p)][:3] for p in (HA_NOI, PHU_THO, "79")}
    writes = [
        ValueWrite(c, code, f"2024{m:02d}", 10 * i + m)
        for i, c in enumerate(sum(communes.values(), []))
        for code in ("BTS_TOTAL", "APPS_TOTAL")
        for m in (1, 2, 3, 5)
    ]
    store.save_values(writes, source="import")
    yield store, communes
    store.close()


def test_range_sums_agree_with_the_general_query(national, monkeypatch):
    store, communes = national
    every = [*communes[HA_NOI], *communes[PHU_THO], *communes["79"]]
    units = [HA_NOI, PHU_THO, "79", "48", *every]
    months = periods_between(2024, 2024, PeriodType.MONTH)
    quarters = periods_between(2024, 2024, PeriodType.QUARTER)
    years = [Period.parse("2024"), Period.parse("2023")]
    assert ranges.range_sql(store, store.catalogue["BTS_TOTAL"], units, series._period_map(months))
    table = both_ways(store, monkeypatch, "BTS_TOTAL", units, months)
    assert table.values[HA_NOI][0] == sum(10 * i + 1 for i in range(3))
    assert table.values["48"] == [None] * 12  # no data: None, never 0
    for code in ("BTS_TOTAL", "APPS_TOTAL", "SMARTPHONE_HH_PCT"):
        for periods in (months, quarters, years):
            both_ways(store, monkeypatch, code, units, periods)
    # over quarters of monthly data, a flow is a sum of its months and a stock of its last
    # month held, each over ranges of codes
    for code in ("APPS_TOTAL", "BTS_TOTAL"):
        assert ranges.range_sql(store, store.catalogue[code], units, series._period_map(quarters))


def test_a_stock_with_a_gap_in_its_last_month_is_read_per_unit(national, monkeypatch):
    """Quarters of monthly data where one commune has not sent the quarter's last month held:
    its own last month counts, read by the grouped pass (ranges and leaves both)."""
    store, communes = national
    late, other = communes[PHU_THO][0], communes[PHU_THO][1]
    store.save_value(other, "BTS_TOTAL", "202406", 99, source="form")  # Q2: 05 and 06 held
    quarters = periods_between(2024, 2024, PeriodType.QUARTER)
    units = [PHU_THO, *communes[PHU_THO]]
    assert ranges.range_sql(
        store, store.catalogue["BTS_TOTAL"], units, series._period_map(quarters)
    )
    for per_leaf in (0, 10**9):  # each leaf by its range / the leaves in one pass
        monkeypatch.setattr(ranges, "_SEEKS_PER_LEAF", per_leaf)
        table = both_ways(store, monkeypatch, "BTS_TOTAL", units, quarters)
        assert table.values[late][1] == 10 * 3 + 5  # its May: no June
        assert table.values[other][1] == 99
        assert table.values[PHU_THO][1] == 10 * 3 + 5 + 99 + 10 * 5 + 5


def test_a_province_value_shadows_its_communes_in_range_sums(national, monkeypatch):
    store, communes = national
    store.save_value(PHU_THO, "BTS_TOTAL", "202401", 5000, source="form")
    months = periods_between(2024, 2024, PeriodType.MONTH)
    units = [HA_NOI, PHU_THO, *communes[PHU_THO]]
    assert not ranges.range_sql(
        store, store.catalogue["BTS_TOTAL"], units, series._period_map(months)
    )
    table = both_ways(store, monkeypatch, "BTS_TOTAL", units, months)
    assert table.values[PHU_THO][0] == 5000


def test_a_quarter_stored_next_to_its_months_is_not_summed_by_ranges(national, monkeypatch):
    store, communes = national
    store.save_value(communes[HA_NOI][0], "APPS_TOTAL", "2024Q1", 1, source="form")
    quarters = periods_between(2024, 2024, PeriodType.QUARTER)
    table = both_ways(store, monkeypatch, "APPS_TOTAL", [HA_NOI], quarters)
    assert table.values[HA_NOI][0] == 1 + sum(10 * i + m for i in (1, 2) for m in (1, 2, 3))


def test_aggregates_of_a_province_and_a_commune_of_a_national_database(national):
    store, communes = national
    ha_noi = store.aggregates(HA_NOI, "202401")
    assert ha_noi["BTS_TOTAL"] == sum(10 * i + 1 for i in range(3))
    assert ha_noi["VNEID_PCT"] is None
    commune = store.aggregates(communes[HA_NOI][1], "202401")
    assert commune["BTS_TOTAL"] == 11


def test_a_rate_is_summed_by_ranges_only_when_its_parts_come_in_pairs(national, monkeypatch):
    store, communes = national
    every = [*communes[HA_NOI], *communes[PHU_THO]]
    units = [HA_NOI, PHU_THO, *every]
    months = periods_between(2024, 2024, PeriodType.MONTH)
    mapping = series._period_map(months)
    rate = store.catalogue["APPS_ONLINE_PCT"]
    parts = [store.catalogue[rate.formula.numerator], store.catalogue[rate.formula.denominator]]
    store.save_values(
        [ValueWrite(c, parts[0].code, f"2024{m:02d}", 5 + m) for c in every for m in (1, 2, 3, 5)],
        source="form",
    )  # every commune holding APPS_TOTAL now holds APPS_ONLINE too
    assert ranges.paired_range_sql(store, parts, units, mapping)
    table = both_ways(store, monkeypatch, rate.code, units, months)
    assert table.values[HA_NOI][0] == pytest.approx(
        100 * sum(5 + 1 for _ in range(3)) / sum(10 * i + 1 for i in range(3))
    )
    # one commune's numerator without its denominator: pairs are needed, the general query
    store.save_value(communes[PHU_THO][0], parts[0].code, "202404", 7, source="form")
    assert ranges.paired_range_sql(store, parts, units, mapping) is None
    both_ways(store, monkeypatch, rate.code, units, months)
    # and a denominator without its numerator elsewhere: as many of each part, still unpaired
    store.save_value(communes[PHU_THO][1], parts[1].code, "202406", 40, source="form")
    assert ranges.paired_range_sql(store, parts, units, mapping) is None
    both_ways(store, monkeypatch, rate.code, units, months)
