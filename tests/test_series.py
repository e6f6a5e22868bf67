"""Series by aggregate SQL: stocks, flows and rates over months, quarters, halves and years.

Every result is checked against :meth:`ValueStore.series`, the in-memory reference.
"""

import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ictdesk.core.errors import UnknownIndicator, UnknownUnit
from ictdesk.core.exchange.common import ExportFailed
from ictdesk.core.exchange.importer import import_files
from ictdesk.core.periods import Period, PeriodType, period_range
from ictdesk.core.series import (
    Comparison,
    Progress,
    SeriesTable,
    chart_parent,
    compared_with_previous,
    compute_series,
    data_years,
    expected_by,
    periods_between,
    ranges,
    ranking,
    series_sql,
    shortcuts,
    summarize,
    target_progress,
    trend,
    write_csv,
)
from ictdesk.core.series import sql as series_module
from ictdesk.core.store import ValueWrite
from ictdesk.core.units import UnitLevel

PROVINCE = "25"
PHUC_YEN = "08740"
OTHER = "07900"
THIRD = "04792"


def iso(text):
    return Period.parse(text)


def save(store, rows):
    store.save_values([ValueWrite(u, c, p, v) for u, c, p, v in rows], source="import")


def check_against_store(store, code, units, periods):
    """compute_series agrees with ValueStore.series for every unit and period."""
    table = compute_series(store, code, units, periods)
    for unit in units:
        expected = store.series(
            code, unit, [p.iso if isinstance(p, Period) else p for p in periods]
        )
        got = table.as_dict()[unit]
        assert got.keys() == expected.keys()
        for period, value in expected.items():
            assert got[period] == pytest.approx(value), (code, unit, period)
            assert (got[period] is None) == (value is None)
    return table


# ------------------------------------------------------------------- stocks
def test_a_stock_takes_the_last_month_that_holds_a_value(store):
    save(
        store,
        [
            (PHUC_YEN, "BTS_TOTAL", "202401", 10),
            (PHUC_YEN, "BTS_TOTAL", "202402", 12),
            (PHUC_YEN, "BTS_TOTAL", "202404", 13),
            (PHUC_YEN, "BTS_TOTAL", "202405", 15),
        ],
    )
    quarters = periods_between(2024, 2024, PeriodType.QUARTER)
    table = check_against_store(store, "BTS_TOTAL", [PHUC_YEN, PROVINCE], quarters)
    assert table.values[PHUC_YEN] == [12, 15, None, None]  # gaps are None, never 0
    assert table.values[PROVINCE] == [12, 15, None, None]
    years = check_against_store(store, "BTS_TOTAL", [PHUC_YEN], [iso("2024"), iso("2023")])
    assert years.values[PHUC_YEN] == [15, None]
    halves = check_against_store(store, "BTS_TOTAL", [PHUC_YEN], ["2024S1", "2024S2"])
    assert halves.values[PHUC_YEN] == [15, None]


def test_a_value_stored_for_the_period_itself_wins_over_its_months(store):
    save(
        store,
        [
            (PHUC_YEN, "BTS_TOTAL", "2024Q1", 20),
            (PHUC_YEN, "BTS_TOTAL", "202403", 99),
            (PHUC_YEN, "BTS_TOTAL", "2024Q2", 22),
            (PHUC_YEN, "BTS_TOTAL", "202412", 30),  # a month counts where no quarter holds it
        ],
    )
    table = check_against_store(
        store, "BTS_TOTAL", [PHUC_YEN], ["2024Q1", "2024Q2", "2024Q4", "2024", "202403"]
    )
    # March is inside the stored Q1, which stands for it; December is not: the year's stock
    # is December's, the last held (the old rule, the coarsest level holding any, gave Q2's)
    assert table.values[PHUC_YEN] == [20, 22, 30, 30, 99]


# -------------------------------------------------------------------- flows
def test_a_flow_sums_its_months_and_quarters(store):
    save(
        store,
        [
            (PHUC_YEN, "APPS_TOTAL", "202401", 100),
            (PHUC_YEN, "APPS_TOTAL", "202402", 50),
            (PHUC_YEN, "APPS_TOTAL", "202405", 70),
            (OTHER, "APPS_TOTAL", "202401", 1),
        ],
    )
    months = period_range(iso("202401"), iso("202406"))
    table = check_against_store(store, "APPS_TOTAL", [PHUC_YEN, PROVINCE], months)
    assert table.values[PHUC_YEN] == [100, 50, None, None, 70, None]
    assert table.values[PROVINCE] == [101, 50, None, None, 70, None]
    table = check_against_store(
        store, "APPS_TOTAL", [PHUC_YEN, OTHER, PROVINCE], ["2024Q1", "2024Q2", "2024Q3", "2024"]
    )
    assert table.values[PHUC_YEN] == [150, 70, None, 220]
    assert table.values[PROVINCE] == [151, 70, None, 221]


def test_a_year_sent_by_quarter_then_by_month_counts_every_month_once(store):
    """Quarterly returns until the reform, monthly after: the year is the two quarters and
    the six months (a flow summed, a stock at December), in the SQL series, the province's
    sum and the store's aggregates. A month inside a stored quarter still does not count."""
    rows = [(PHUC_YEN, "APPS_TOTAL", q, 300) for q in ("2025Q1", "2025Q2")]
    rows += [(PHUC_YEN, "APPS_TOTAL", f"2025{m:02d}", 10) for m in range(7, 13)]
    rows += [(PHUC_YEN, "APPS_TOTAL", "202503", 5)]  # inside Q1: Q1 stands for it
    rows += [(PHUC_YEN, "BTS_TOTAL", q, 20) for q in ("2025Q1", "2025Q2")]
    rows += [(PHUC_YEN, "BTS_TOTAL", f"2025{m:02d}", 20 + m) for m in range(7, 13)]
    rows += [(OTHER, "APPS_TOTAL", f"2025{m:02d}", 1) for m in range(1, 13)]
    save(store, rows)
    flows = check_against_store(store, "APPS_TOTAL", [PHUC_YEN, PROVINCE], ["2025", "2025S2"])
    assert flows.values[PHUC_YEN] == [660, 60]
    assert flows.values[PROVINCE] == [672, 66]
    stocks = check_against_store(store, "BTS_TOTAL", [PHUC_YEN, PROVINCE], ["2025", "2025S1"])
    assert stocks.values[PHUC_YEN] == [32, 20]
    assert store.aggregates(PROVINCE, "2025")["APPS_TOTAL"] == 672


def test_many_mixed_buckets_stay_under_the_variable_limit(store):
    """The general query lists only the sub-periods the file holds: 400 years of a file
    mixing levels fit SQLite's default limit of 32,766 bound variables."""
    import sqlite3

    save(store, [(PHUC_YEN, "APPS_TOTAL", "2024Q1", 3), (PHUC_YEN, "APPS_TOTAL", "202405", 1)])
    store.db.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32766)
    years = [Period(1900 + i, PeriodType.YEAR) for i in range(400)]
    table = compute_series(store, "APPS_TOTAL", [PROVINCE, PHUC_YEN], years)
    assert table.values[PHUC_YEN][years.index(Period(2024, PeriodType.YEAR))] == 4
    assert table.values[PROVINCE][years.index(Period(2024, PeriodType.YEAR))] == 4


# -------------------------------------------------------------------- rates
def test_a_rate_is_the_sum_of_numerators_over_the_sum_of_denominators(store):
    save(
        store,
        [
            (PHUC_YEN, "HH_TOTAL", "2024Q1", 1000),
            (PHUC_YEN, "HH_SMARTPHONE", "2024Q1", 900),
            (OTHER, "HH_TOTAL", "2024Q1", 3000),
            (OTHER, "HH_SMARTPHONE", "2024Q1", 1500),
            (THIRD, "HH_SMARTPHONE", "2024Q1", 800),  # no denominator: left out, not a 0 %
        ],
    )
    table = check_against_store(
        store, "SMARTPHONE_HH_PCT", [PHUC_YEN, OTHER, THIRD, PROVINCE], ["2024Q1", "2024"]
    )
    assert table.values[PHUC_YEN] == [90.0, 90.0]
    assert table.values[THIRD] == [None, None]
    assert table.values[PROVINCE][0] == pytest.approx(60.0)  # not the mean of 90 and 50


def test_a_rate_of_flows_sums_the_months_first(store):
    save(
        store,
        [
            (PHUC_YEN, "APPS_TOTAL", "202401", 100),
            (PHUC_YEN, "APPS_ONLINE", "202401", 90),
            (PHUC_YEN, "APPS_TOTAL", "202402", 300),
            (PHUC_YEN, "APPS_ONLINE", "202402", 10),
        ],
    )
    table = check_against_store(store, "APPS_ONLINE_PCT", [PHUC_YEN], ["2024Q1", "202401"])
    assert table.values[PHUC_YEN] == [pytest.approx(25.0), pytest.approx(90.0)]


def test_a_zero_denominator_gives_no_rate(store):
    save(store, [(PHUC_YEN, "HH_TOTAL", "2024Q1", 0), (PHUC_YEN, "HH_SMARTPHONE", "2024Q1", 0)])
    table = check_against_store(store, "SMARTPHONE_HH_PCT", [PHUC_YEN, PROVINCE], ["2024Q1"])
    assert table.values == {PHUC_YEN: [None], PROVINCE: [None]}


# ---------------------------------------------------------------- the tree
def test_a_units_own_value_wins_over_its_children(store):
    store.add_unit("0874001", "Thôn Một", UnitLevel.VILLAGE, PHUC_YEN)
    store.add_unit("0874002", "Thôn Hai", UnitLevel.VILLAGE, PHUC_YEN)
    save(
        store,
        [
            ("0874001", "BTS_TOTAL", "2024Q1", 3),
            ("0874002", "BTS_TOTAL", "2024Q1", 4),
            ("0874001", "BTS_TOTAL", "2024Q2", 5),
            ("0874002", "BTS_TOTAL", "2024Q2", 6),
            (PHUC_YEN, "BTS_TOTAL", "2024Q2", 40),  # the commune's own count for Q2
            (OTHER, "BTS_TOTAL", "2024Q1", 100),
            (OTHER, "BTS_TOTAL", "2024Q2", 100),
        ],
    )
    units = [PHUC_YEN, "0874001", OTHER, PROVINCE]
    table = check_against_store(store, "BTS_TOTAL", units, ["2024Q1", "2024Q2", "2024"])
    assert table.values[PHUC_YEN] == [7, 40, 40]
    assert table.values[PROVINCE] == [107, 140, 140]
    save(store, [(PROVINCE, "BTS_TOTAL", "2024Q1", 1000)])
    table = check_against_store(store, "BTS_TOTAL", [PROVINCE], ["2024Q1", "2024Q2"])
    assert table.values[PROVINCE] == [1000, 140]


def test_a_rate_uses_a_units_own_pair_only_when_both_parts_are_there(store):
    store.add_unit("0874001", "Thôn Một", UnitLevel.VILLAGE, PHUC_YEN)
    save(
        store,
        [
            ("0874001", "HH_TOTAL", "2024Q1", 100),
            ("0874001", "HH_SMARTPHONE", "2024Q1", 50),
            (PHUC_YEN, "HH_SMARTPHONE", "2024Q1", 900),  # no own denominator: villages count
            (OTHER, "HH_TOTAL", "2024Q1", 400),
            (OTHER, "HH_SMARTPHONE", "2024Q1", 400),
        ],
    )
    table = check_against_store(store, "SMARTPHONE_HH_PCT", [PHUC_YEN, PROVINCE], ["2024Q1"])
    assert table.values[PHUC_YEN] == [50.0]
    assert table.values[PROVINCE] == [90.0]


def test_a_kept_series_query_is_dropped_when_any_connection_changes_the_data(store):
    from ictdesk.core.store import ValueStore

    quarters = periods_between(2024, 2024, PeriodType.QUARTER)
    units = [PROVINCE, PHUC_YEN, OTHER]
    save(store, [(PHUC_YEN, "APPS_ONLINE", "2024Q1", 5), (PHUC_YEN, "APPS_TOTAL", "2024Q1", 10)])
    assert check_against_store(store, "APPS_ONLINE_PCT", units, quarters).values[PROVINCE][
        0
    ] == pytest.approx(50)
    # a unit holding one part only: the plain sums (25 %) no longer apply, the kept query goes
    save(store, [(OTHER, "APPS_TOTAL", "2024Q1", 10)])
    check_against_store(store, "APPS_ONLINE_PCT", units, quarters)
    store.db.execute("BEGIN")  # a transaction rolled back: nothing kept from inside it
    store.db.execute("DELETE FROM data_values WHERE unit_code = ?", [OTHER])
    check_against_store(store, "APPS_ONLINE_PCT", units, quarters)
    store.db.execute("ROLLBACK")
    table = check_against_store(store, "APPS_ONLINE_PCT", units, quarters)
    assert table.values[PROVINCE][0] == pytest.approx(50)
    other = ValueStore.open(store.path)  # another connection's commit
    try:
        save(other, [(OTHER, "APPS_ONLINE", "2024Q1", 10)])
        table = check_against_store(store, "APPS_ONLINE_PCT", units, quarters)
        assert table.values[PROVINCE][0] == pytest.approx(75)
    finally:
        other.close()


def test_a_kept_series_query_stays_until_the_values_it_reads_change(store, monkeypatch, tmp_path):
    """A save of another indicator keeps a series' query; a save of the indicator (or of a
    part of a rate), an import's write or a unit added drops it; each answer stays right."""
    quarters = periods_between(2024, 2024, PeriodType.QUARTER)
    units = [PROVINCE, PHUC_YEN, OTHER]
    built = []
    build = series_module._build_sql
    monkeypatch.setattr(
        series_module, "_build_sql", lambda *args: built.append(args[1]) or build(*args)
    )

    def builds(code):
        before = len(built)
        check_against_store(store, code, units, quarters)
        return len(built) - before

    save(store, [(PHUC_YEN, "APPS_ONLINE", "2024Q1", 5), (PHUC_YEN, "APPS_TOTAL", "2024Q1", 10)])
    assert builds("APPS_ONLINE_PCT") == 1
    assert builds("BTS_TOTAL") == 1
    assert builds("APPS_ONLINE_PCT") == builds("BTS_TOTAL") == 0  # unchanged: kept
    save(store, [(OTHER, "BTS_TOTAL", "2024Q2", 7)])  # another indicator: the rate is kept
    assert builds("APPS_ONLINE_PCT") == 0
    assert builds("BTS_TOTAL") == 1
    save(store, [(OTHER, "APPS_TOTAL", "2024Q1", 10)])  # a part of the rate: dropped
    assert builds("BTS_TOTAL") == 0
    assert builds("APPS_ONLINE_PCT") == 1
    # OTHER holds one part only: the pair of PHUC_YEN alone counts (not 5 / 20)
    rate = compute_series(store, "APPS_ONLINE_PCT", units, quarters).values[PROVINCE][0]
    assert rate == pytest.approx(50)
    store.add_unit("0874001", "Thôn Một", UnitLevel.VILLAGE, PHUC_YEN)  # the units: all go
    assert builds("BTS_TOTAL") == builds("APPS_ONLINE_PCT") == 1
    sent = tmp_path / "sent.json"  # an import writes without save_values: all go
    value = {"dataElement": "BTS_TOTAL", "period": "2024Q3", "orgUnit": OTHER, "value": "9"}
    sent.write_text(json.dumps({"dataValues": [value]}), encoding="utf-8")
    import_files(store, [sent])
    assert builds("APPS_ONLINE_PCT") == builds("BTS_TOTAL") == 1
    assert compute_series(store, "BTS_TOTAL", [OTHER], ["2024Q3"]).values[OTHER] == [9]


# ------------------------------------------------------- random cross-check
CODES = ["BTS_TOTAL", "APPS_TOTAL", "APPS_ONLINE"]
PLACES = [PHUC_YEN, OTHER, "0874001", PROVINCE]
STORED_PERIODS = [
    *(p.iso for p in period_range(iso("202310"), iso("202412"))),
    "2023Q4",
    "2024Q1",
    "2024Q3",
    "2024S2",
    "2024",
]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(PLACES),
            st.sampled_from(CODES),
            st.sampled_from(STORED_PERIODS),
            st.integers(0, 1000),
        ),
        max_size=40,
    )
)
def test_random_values_agree_with_the_store(store, rows):
    if not store.has_unit("0874001"):
        store.add_unit("0874001", "Thôn Một", UnitLevel.VILLAGE, PHUC_YEN)
    store.db.execute("DELETE FROM data_values")
    save(store, [(u, c, p, v if c != "APPS_ONLINE" else v // 2) for u, c, p, v in rows])
    wanted = ["2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2024S1", "2024S2", "2024"]
    wanted += ["202401", "202412"]
    for code in ("BTS_TOTAL", "APPS_TOTAL", "APPS_ONLINE_PCT"):
        check_against_store(store, code, PLACES, wanted)


# ---------------------------------------------------------------- demo data
@pytest.mark.parametrize("ptype", [PeriodType.QUARTER, PeriodType.HALF, PeriodType.YEAR])
def test_demo_series_agree_with_the_store(demo_store, ptype):
    store = demo_store
    communes = [u.code for u in store.children(PROVINCE)]
    units = [PROVINCE, *communes[:3], communes[-1]]
    periods = periods_between(2021, 2025, ptype)
    for indicator in store.catalogue:
        table = check_against_store(store, indicator.code, units, periods)
        assert all(v is not None for v in table.values[PROVINCE])


def test_demo_province_agrees_with_the_store_aggregates(demo_store):
    aggregates = demo_store.aggregates(PROVINCE, "2025Q4")
    for code, value in aggregates.items():
        table = compute_series(demo_store, code, [PROVINCE], ["2025Q4"])
        assert table.values[PROVINCE][0] == pytest.approx(value), code


def test_the_sql_runs_bare_and_gives_the_same_rows(demo_store, demo_db):
    communes = [u.code for u in demo_store.children(PROVINCE)][:20]
    periods = periods_between(2024, 2025, PeriodType.QUARTER)
    sql, params = series_sql(demo_store, "VNEID_PCT", [PROVINCE, *communes], periods)
    bare = sqlite3.connect(demo_db)
    try:
        rows = sorted(bare.execute(sql, params).fetchall())
    finally:
        bare.close()
    assert len(rows) == 21 * 8
    table = compute_series(demo_store, "VNEID_PCT", [PROVINCE, *communes], periods)
    for unit, bucket, numerator, denominator, _count in rows:
        assert table.value(unit, bucket) == pytest.approx(numerator / denominator * 100)


def test_the_range_sums_give_no_row_where_nothing_is_known(store):
    """The short cut's contract, as the general query's: a unit and bucket with nothing
    known has no row (not a row of NULL), and each row's sum is the held value."""
    save(store, [(PHUC_YEN, "BTS_TOTAL", "202501", 5), (PHUC_YEN, "BTS_TOTAL", "202502", 6)])
    periods = [iso("202501"), iso("202502"), iso("202503")]
    indicator = store.catalogue["BTS_TOTAL"]
    mapping = series_module._period_map(periods)
    assert ranges.range_sql(store, indicator, [PROVINCE, OTHER], mapping) is not None
    sql, params = series_sql(store, "BTS_TOTAL", [PROVINCE, OTHER], periods)
    rows = sorted(row[:3] for row in store.db.execute(sql, params))
    assert rows == [(PROVINCE, "202501", 5), (PROVINCE, "202502", 6)]
    check_against_store(store, "BTS_TOTAL", [PROVINCE, OTHER], periods)


_FACT_QUERIES = ("count(DISTINCT", "GROUP BY p.period", "SELECT DISTINCT period", "EXISTS")


def test_the_short_cuts_facts_are_kept_per_period_until_their_values_change(store, monkeypatch):
    """What the short cuts check (held periods, parents' values, gaps, paired counts) is kept
    per period and bucket: a window moved over periods already asked asks nothing again, nor
    does a save of another indicator; a save of a part asks again, and the series is right."""
    rows = []
    for month in range(1, 13):
        period = f"2024{month:02d}"
        for unit, households in ((PHUC_YEN, 100), (OTHER, 200)):
            rows.append((unit, "HH_TOTAL", period, households + month))
            rows.append((unit, "HH_SMARTPHONE", period, households // 2 + month))
    save(store, rows)
    asked = []
    execute = store.db.execute

    def recorded(sql, *args):
        asked.append(sql)
        return execute(sql, *args)

    def fact_queries(periods):
        """The queries of the short cuts' facts made by one series (then checked against
        the oracle, whose own queries are not counted)."""
        monkeypatch.setattr(store.db, "execute", recorded)
        compute_series(store, "SMARTPHONE_HH_PCT", [PROVINCE], periods)
        monkeypatch.setattr(store.db, "execute", execute)
        found = [sql for sql in asked if any(mark in sql for mark in _FACT_QUERIES)]
        asked.clear()
        return found

    quarters = periods_between(2024, 2024, PeriodType.QUARTER)
    assert fact_queries(quarters)  # found once
    check_against_store(store, "SMARTPHONE_HH_PCT", [PROVINCE], quarters)
    assert fact_queries(quarters[1:]) == []  # another window over the same quarters: kept
    save(store, [(PHUC_YEN, "BTS_TOTAL", "202412", 7)])
    assert fact_queries(quarters[:2]) == []  # another indicator saved: kept
    save(store, [(OTHER, "HH_TOTAL", "202412", None)])  # a gap, and an unpaired value
    assert fact_queries(quarters[2:])  # a part saved: found again
    table = check_against_store(store, "SMARTPHONE_HH_PCT", [PROVINCE], quarters[2:])
    numerator = (100 // 2 + 12) + (200 // 2 + 12)  # December's, both communes
    denominator = (100 + 12) + (200 + 11)  # the other commune's last total is November's
    assert table.values[PROVINCE][-1] == pytest.approx(numerator / denominator * 100)


def test_the_kept_facts_start_afresh_beyond_their_bound(store, monkeypatch):
    """A long session (Trends over many communes and periods) keeps a bounded number of facts
    per kind, and the series stay right after they start afresh."""
    from ictdesk.core.series import facts

    monkeypatch.setattr(facts, "_KEPT_PER_KIND", 10)
    save(store, [(PHUC_YEN, "BTS_TOTAL", f"2024{m:02d}", m) for m in range(1, 13)])
    for year in range(2010, 2025):
        check_against_store(store, "BTS_TOTAL", [PROVINCE], [iso(f"{year}Q4"), iso(str(year))])
    for kind in (shortcuts._HELD, shortcuts._PARENTS_HOLD, ranges._GAPS, ranges._COUNTS):
        kept = kind._stores.get(store, {})
        # the bound, and one ask's stored periods: Q4 and its 3 months, the year, its 2 halves,
        # 4 quarters and 12 months
        assert sum(len(facts) for _stamp, facts in kept.values()) <= 10 + 19


# ------------------------------------------------------- spans and trends
def test_trend_spans_the_years_with_data_and_trims_empty_ends(store):
    save(
        store,
        [
            (PHUC_YEN, "HH_TOTAL", "2023Q3", 100),
            (PHUC_YEN, "HH_SMARTPHONE", "2023Q3", 50),
            (PHUC_YEN, "HH_TOTAL", "2024Q2", 100),
            (PHUC_YEN, "HH_SMARTPHONE", "2024Q2", 60),
        ],
    )
    assert data_years(store, "SMARTPHONE_HH_PCT") == (2023, 2024)
    table = trend(store, "SMARTPHONE_HH_PCT", [PHUC_YEN, OTHER], PeriodType.QUARTER)
    assert [p.iso for p in table.periods] == ["2023Q3", "2023Q4", "2024Q1", "2024Q2"]
    assert table.values[PHUC_YEN] == [50.0, None, None, 60.0]
    assert table.values[OTHER] == [None] * 4
    assert trend(store, "BTS_TOTAL", [PHUC_YEN], PeriodType.YEAR).periods == []


def test_trimming_an_empty_table_leaves_no_periods(store):
    table = SeriesTable(store.catalogue["BTS_TOTAL"], [iso("2024Q1")], {PHUC_YEN: [None]})
    assert table.trimmed().periods == []


def test_unknown_units_and_indicators_are_named_errors(store):
    with pytest.raises(UnknownUnit):
        compute_series(store, "BTS_TOTAL", ["99999"], ["2024Q1"])
    with pytest.raises(UnknownIndicator):
        compute_series(store, "NOPE", [PHUC_YEN], ["2024Q1"])


def test_many_units_are_queried_in_blocks(store):
    units = [u.code for u in store.children(PROVINCE)] * 1  # 148
    everyone = units + [u.code for u in store.children("01")] + [PROVINCE]
    save(store, [(units[0], "BTS_TOTAL", "2024Q1", 5)])
    table = compute_series(store, "BTS_TOTAL", everyone, ["2024Q1"])
    assert len(table.values) == len(set(everyone))
    assert table.values[PROVINCE] == [5]


# ------------------------------------------------------------------ ranking
def test_ranking_sorts_communes_and_puts_the_empty_ones_last(store):
    save(
        store,
        [
            (PHUC_YEN, "BTS_TOTAL", "2024Q1", 30),
            (OTHER, "BTS_TOTAL", "2024Q1", 50),
            (THIRD, "BTS_TOTAL", "2024Q1", 30),
        ],
    )
    ranked = ranking(store, "BTS_TOTAL", PROVINCE, "2024Q1")
    assert len(ranked) == store.child_count(PROVINCE)
    assert [(r.unit.code, r.value, r.rank) for r in ranked[:3]] == [
        (OTHER, 50, 1),
        *sorted([(PHUC_YEN, 30, 2), (THIRD, 30, 2)], key=lambda r: store.unit(r[0]).name),
    ]
    assert all(r.value is None and r.rank is None for r in ranked[3:])
    names = [r.unit.name for r in ranked[3:]]
    assert names == sorted(names)


def test_demo_ranking_agrees_with_each_communes_aggregate(demo_store):
    ranked = ranking(demo_store, "COV_5G_PCT", PROVINCE, "2025Q4")
    values = [r.value for r in ranked]
    assert values == sorted(values, reverse=True)
    for entry in ranked[:5] + ranked[-5:]:
        expected = demo_store.aggregate("COV_5G_PCT", entry.unit.code, "2025Q4")
        assert entry.value == pytest.approx(expected)


def test_chart_parent_is_the_unit_or_a_communes_parent(store):
    assert chart_parent(store, PROVINCE) == PROVINCE
    assert chart_parent(store, PHUC_YEN) == PROVINCE


# ----------------------------------------------------------------- progress
def test_progress_toward_a_target():
    q2 = iso("2025Q2")
    assert target_progress(None, 50, 10, q2) is Progress.NO_DATA
    assert target_progress(40, None, 10, q2) is Progress.NO_TARGET
    assert target_progress(50, 50, 10, q2) is Progress.ACHIEVED
    assert expected_by(q2, 10, 50) == 30  # half-way through the year, half-way to the target
    assert target_progress(30, 50, 10, q2) is Progress.ON_TRACK
    assert target_progress(29.9, 50, 10, q2) is Progress.BEHIND
    assert target_progress(49, 50, None, q2) is Progress.BEHIND


# ---------------------------------------------------------------------- CSV
def test_csv_is_utf8_with_bom_crlf_machine_numbers_and_no_formulas(tmp_path):
    path = tmp_path / "out.csv"
    count = write_csv(
        path,
        ["unit_name", "value", "other"],
        [["Phường Phúc Yên", 12500, 83.6], ["=HYPERLINK(1)", None, 1234567.25], ["-x", 0.1, 7.0]],
    )
    assert count == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.split("\r\n") == [
        "unit_name,value,other",
        "Phường Phúc Yên,12500,83.6",
        "'=HYPERLINK(1),,1234567.25",
        "'-x,0.1,7",
        "",
    ]


def test_csv_into_a_missing_folder_is_a_named_error(tmp_path):
    with pytest.raises(ExportFailed):
        write_csv(tmp_path / "nope" / "out.csv", ["a"], [[1]])


# ---------------------------------------------------------------- summaries
def test_summaries_give_value_change_history_and_progress(demo_store):
    store = demo_store
    codes = ["BTS_TOTAL", "COV_5G_PCT", "VNEID_PCT"]
    bts, cov5, vneid = summarize(store, codes, PROVINCE, "2025Q3")
    aggregates = store.aggregates(PROVINCE, "2025Q3")
    assert bts.value == aggregates["BTS_TOTAL"]
    assert bts.previous == store.aggregate("BTS_TOTAL", PROVINCE, "2025Q2")
    assert bts.change == bts.value - bts.previous
    assert [p.iso for p, _ in bts.history] == [
        p.iso for p in period_range(iso("2023Q4"), iso("2025Q3"))
    ]
    assert bts.target is None and bts.progress is Progress.NO_TARGET
    assert cov5.value == pytest.approx(aggregates["COV_5G_PCT"])
    assert cov5.target == 50.0
    assert cov5.baseline == pytest.approx(store.aggregate("COV_5G_PCT", PROVINCE, "2024Q4"))
    assert cov5.progress is Progress.ACHIEVED
    assert vneid.target == 80.0
    expected = vneid.baseline + (80.0 - vneid.baseline) * 9 / 12
    assert vneid.expected == pytest.approx(expected)
    assert vneid.progress is (Progress.ON_TRACK if vneid.value >= expected else Progress.BEHIND)


def test_a_summary_compares_like_with_like(store):
    """A change is given only between periods made of the same units' whole values (a
    stock's latest month counts): a commune late with its December makes Quý IV fall short,
    a second commune reporting only now makes Quý I differ in what it counts."""
    months = lambda year, first, last: [f"{year}{m:02d}" for m in range(first, last + 1)]  # noqa: E731
    rows = [
        (PHUC_YEN, code, p, 10)
        for code in ("APPS_TOTAL", "BTS_TOTAL")
        for p in months(2025, 10, 11)
    ]
    rows += [
        (PHUC_YEN, code, p, 10) for code in ("APPS_TOTAL", "BTS_TOTAL") for p in months(2026, 1, 3)
    ]
    save(store, rows)
    apps, bts = summarize(store, ["APPS_TOTAL", "BTS_TOTAL"], PHUC_YEN, "2026Q1")
    assert (apps.value, apps.previous, apps.change) == (30, 20, None)
    assert apps.compared == Comparison(False, Period.parse("2025Q4"), 0, 1, True)
    assert not apps.compared.in_part  # the period before falls short, not this one
    assert bts.change == 0 and bts.compared.comparable  # November stands for Quý IV's count
    save(store, [(PHUC_YEN, "APPS_TOTAL", "202512", 10)])
    (apps,) = summarize(store, ["APPS_TOTAL"], PHUC_YEN, "2026Q1")
    assert apps.change == 0 and apps.compared.comparable
    (apps,) = summarize(store, ["APPS_TOTAL"], PROVINCE, "2026Q1")
    assert apps.change == 0 and apps.compared.comparable  # the other communes hold none
    save(store, [(OTHER, "APPS_TOTAL", "2026Q1", 7)])
    (apps,) = summarize(store, ["APPS_TOTAL"], PROVINCE, "2026Q1")
    assert apps.compared == Comparison(False, Period.parse("2025Q4"), 1, 148, True)


def test_a_summary_looks_at_the_period_itself_first_and_at_a_units_own_values(store):
    """A rate whose numerator fell short last quarter and whose denominator falls short now
    is marked as short now (its point is drawn hollow). A commune with a village under it
    is judged on its own values, which make its sum; a province holding its own whole
    values is compared, whatever its communes have sent."""
    village = "0874001"  # under Phường Phúc Yên, holding nothing
    store.add_unit(village, "Thôn Một", UnitLevel.VILLAGE, PHUC_YEN)
    rows = [(PHUC_YEN, "APPS_ONLINE", p, 5) for p in ("202510", "202511")]
    rows += [(PHUC_YEN, "APPS_TOTAL", "2025Q4", 30), (PHUC_YEN, "APPS_ONLINE", "2026Q1", 9)]
    rows += [(PHUC_YEN, "APPS_TOTAL", "202601", 10)]
    save(store, rows)
    assert store.child_count(PHUC_YEN) and store.unit(village).parent_code == PHUC_YEN
    (rate,) = summarize(store, ["APPS_ONLINE_PCT"], PHUC_YEN, "2026Q1")
    assert rate.compared == Comparison(False, Period.parse("2026Q1"), 0, 1, True)
    assert rate.compared.in_part  # the period itself falls short: drawn hollow
    assert compared_with_previous(store, "APPS_ONLINE_PCT", PHUC_YEN, Period.parse("2026Q1")) == (
        rate.compared
    )
    save(store, [(PROVINCE, "DOCS_TOTAL", "2025Q4", 100), (PROVINCE, "DOCS_TOTAL", "2026Q1", 120)])
    save(store, [(OTHER, "DOCS_TOTAL", "202601", 3)])
    (docs,) = summarize(store, ["DOCS_TOTAL"], PROVINCE, "2026Q1")
    assert (docs.value, docs.change) == (120, 20) and docs.compared.comparable


def test_a_summary_of_an_empty_unit_has_no_data(store):
    (summary,) = summarize(store, ["COV_5G_PCT"], PHUC_YEN, "2025Q4")
    assert summary.value is None and summary.change is None
    assert summary.progress is Progress.NO_TARGET
    store.set_target("COV_5G_PCT", PROVINCE, 2025, 50)
    (summary,) = summarize(store, ["COV_5G_PCT"], PHUC_YEN, "2025Q4")
    assert summary.target == 50 and summary.progress is Progress.NO_DATA


# ------------------------------------------- monthly data against a reference
# An independent reference of the rules, written from the module docstring of core.series.sql:
# the SQL series and the store's aggregates must both agree with it.
MONTHLY_CODES = ["BTS_TOTAL", "APPS_TOTAL", "APPS_ONLINE", "HH_SMARTPHONE", "HH_TOTAL"]
VILLAGE = "0874001"
MONTHLY_PLACES = [PHUC_YEN, OTHER, THIRD, VILLAGE, PROVINCE]
MONTHLY_STORED = [
    *(p.iso for p in period_range(iso("202401"), iso("202412"))),
    "2024Q2",
    "2024S2",
    "2024",
]


def reference_value(store, rows, code, unit, period):
    """What the rules give for one unit and period, from the stored rows alone."""
    indicator = store.catalogue[code]
    children = {}
    for place in MONTHLY_PLACES:
        parent = store.unit(place).parent_code
        if parent in MONTHLY_PLACES:
            children.setdefault(parent, []).append(place)
    stored = {(u, c, p): v for u, c, p, v in rows}

    def own(u, part, target):
        """Stored for the period, else each month counted once, by the longest stored
        period inside ``target`` that holds it: summed (a flow) or the last (a stock)."""
        flow = part.time_aggregation.value == "sum"
        if (u, part.code, target.iso) in stored:
            return stored[(u, part.code, target.iso)]
        counted = {}
        for month in target.sub_periods(PeriodType.MONTH):
            for ptype in (PeriodType.HALF, PeriodType.QUARTER, PeriodType.MONTH):
                if ptype.months < target.type.months:
                    (holding,) = [s for s in target.sub_periods(ptype) if s.contains(month)]
                    if (u, part.code, holding.iso) in stored:
                        counted[holding] = stored[(u, part.code, holding.iso)]
                        break
        found = [counted[p] for p in sorted(counted, key=lambda p: p.first_month)]
        if not found:
            return None
        return sum(found) if flow else found[-1]

    def entered(u, part, target):
        value = own(u, part, target)
        if value is not None:
            return value
        known = [v for c in children.get(u, []) if (v := entered(c, part, target)) is not None]
        return sum(known) if known else None

    def pair(u, num, den, target):
        n, d = own(u, num, target), own(u, den, target)
        if n is not None and d is not None:
            return n, d
        known = [p for c in children.get(u, []) if (p := pair(c, num, den, target))]
        return (sum(p[0] for p in known), sum(p[1] for p in known)) if known else None

    target = Period.parse(period)
    if indicator.formula is None:
        return entered(unit, indicator, target)
    num = store.catalogue[indicator.formula.numerator]
    den = store.catalogue[indicator.formula.denominator]
    found = pair(unit, num, den, target)
    return indicator.formula.apply(*found) if found else None


def stored_rows(periods):
    """Up to 60 values of the monthly places and codes, stored for ``periods``."""
    return st.lists(
        st.tuples(
            st.sampled_from(MONTHLY_PLACES),
            st.sampled_from(MONTHLY_CODES),
            st.sampled_from(periods),
            st.integers(1, 1000),
        ),
        max_size=60,
        unique_by=lambda row: row[:3],
    )


_EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@_EXAMPLES
@given(stored_rows(MONTHLY_STORED))
def test_monthly_values_with_gaps_agree_with_the_reference(store, rows):
    """Stocks, flows and rates (of flows and of stocks), months with gaps (and a few values
    stored for quarters, halves and the year, and for the province itself) summed into
    quarters, halves and the year: the SQL series and the store's aggregates agree with
    the reference."""
    _check_against_the_reference(store, rows)


@_EXAMPLES
@given(stored_rows(MONTHLY_STORED[:12]))
def test_months_alone_with_gaps_agree_with_the_reference(store, rows):
    """Months only, with gaps (a year in progress, a commune that skipped a month): the
    aggregates then read each unit's value by seeks (a stock's last month found going back)
    and still agree with the reference."""
    _check_against_the_reference(store, rows)


LEAVES = [OTHER, THIRD, VILLAGE]


@_EXAMPLES
@given(
    st.lists(
        st.tuples(
            st.sampled_from(LEAVES),
            st.sampled_from(MONTHLY_CODES),
            st.sampled_from(MONTHLY_STORED[:12]),
            st.integers(1, 1000),
        ),
        max_size=60,
        unique_by=lambda row: row[:3],
    )
)
def test_leaves_alone_with_gaps_agree_with_the_reference(store, rows):
    """Months with gaps held by units without children only: the series are then sums over
    ranges of codes (a stock's last month held, or each unit's own last where some lack it),
    each leaf read by its range or all leaves in one pass, and agree with the reference."""
    indicator = store.catalogue["BTS_TOTAL"]
    mapping = series_module._period_map([Period.parse("2024Q3"), Period.parse("2024")])
    kept = ranges._SEEKS_PER_LEAF
    for per_leaf in (0, 10**9):
        ranges._SEEKS_PER_LEAF = per_leaf
        try:
            _check_against_the_reference(store, rows)
            assert ranges.range_sql(store, indicator, MONTHLY_PLACES, mapping) is not None
        finally:
            ranges._SEEKS_PER_LEAF = kept
        series_module._KEPT.pop(store, None)


def _check_against_the_reference(store, rows):
    if not store.has_unit(VILLAGE):
        store.add_unit(VILLAGE, "Thôn Một", UnitLevel.VILLAGE, PHUC_YEN)
    store.db.execute("DELETE FROM data_values")
    save(store, rows)
    wanted = ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2024S1", "2024S2", "2024", "202412"]
    for code in ("BTS_TOTAL", "APPS_TOTAL", "APPS_ONLINE_PCT", "SMARTPHONE_HH_PCT"):
        table = compute_series(store, code, MONTHLY_PLACES, wanted).as_dict()
        for unit in MONTHLY_PLACES:
            for period in wanted:
                expected = reference_value(store, rows, code, unit, period)
                assert table[unit][period] == pytest.approx(expected), (code, unit, period)
                assert store.aggregate(code, unit, period) == pytest.approx(expected)
    for unit in (PROVINCE, PHUC_YEN):
        for period in ("2024Q3", "2024"):
            got = store.aggregates(unit, period)
            for code in ("BTS_TOTAL", "APPS_TOTAL", "APPS_ONLINE_PCT", "SMARTPHONE_HH_PCT"):
                assert got[code] == pytest.approx(reference_value(store, rows, code, unit, period))
