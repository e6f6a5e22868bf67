"""The value store: migrations, audited writes, atomic batches, aggregation, units, demo data."""

import re
import sqlite3
from collections import defaultdict

import pytest

from ictdesk.core.database import migrations
from ictdesk.core.demo import DEMO_FIRST, DEMO_LAST, commune_rows
from ictdesk.core.errors import StorageError, UnknownIndicator, UnknownUnit, ValueRejected
from ictdesk.core.periods import Period, period_range
from ictdesk.core.store import ValueStore, ValueWrite
from ictdesk.core.units import UnitLevel
from ictdesk.core.validation import OPERATORS

PROVINCE = "25"
PHUC_YEN = "08740"  # Phường Phúc Yên
OTHER = "07900"  # another commune of Phú Thọ


def audit_rows(store) -> list[dict]:
    return list(store.db.query("SELECT * FROM audit_log ORDER BY id"))


def table_counts(db) -> dict[str, int]:
    names = [
        r[0]
        for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    return {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


# ------------------------------------------------------------------ migrations
def test_migrations_applied_twice_are_a_no_op(empty_db):
    first = ValueStore.open(empty_db)
    assert migrations.pending(first.db) == []
    before = table_counts(first.db)
    schema_before = sorted(first.db.execute("SELECT type, name, sql FROM sqlite_master"))
    first.close()

    second = ValueStore.open(empty_db)
    try:
        assert migrations.pending(second.db) == []
        assert table_counts(second.db) == before
        assert sorted(second.db.execute("SELECT type, name, sql FROM sqlite_master")) == (
            schema_before
        )
        applied = migrations.applied(second.db)
        assert applied == migrations.names
        assert len(set(applied)) == len(applied) == 7
    finally:
        second.close()
    assert before["units"] == 34 + 3321
    assert before["data_values"] == 0
    assert before["audit_log"] == 0


def as_before_m004(path):
    """Turn a new database into one written before m004 (the audit index in the old order)."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP INDEX audit_by_key")
        conn.execute("CREATE INDEX audit_by_value ON audit_log(unit_code, indicator_code, period)")
        conn.execute(
            "DELETE FROM _sqlite_migrations WHERE name = 'm004_audit_index_in_write_order'"
        )
    conn.close()


def test_an_older_file_is_upgraded_and_keeps_its_history(empty_db):
    store = ValueStore.open(empty_db)
    store.save_value(PHUC_YEN, "BTS_TOTAL", "2024Q1", 36)
    store.save_value(PHUC_YEN, "BTS_TOTAL", "2024Q1", 40)
    store.close()
    as_before_m004(empty_db)
    assert ValueStore.upgrade_due(empty_db)
    ValueStore.upgrade(empty_db)
    assert not ValueStore.upgrade_due(empty_db)
    store = ValueStore.open(empty_db)
    try:
        indexes = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
        assert "audit_by_key" in indexes and "audit_by_value" not in indexes
        assert [e.new_value for e in store.history(PHUC_YEN, "BTS_TOTAL", "2024Q1")] == [36, 40]
        [plan] = store.db.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM audit_log"
            " WHERE unit_code = ? AND indicator_code = ? AND period = ?",
            [PHUC_YEN, "BTS_TOTAL", "2024Q1"],
        ).fetchall()
        assert "audit_by_key" in plan[-1]
    finally:
        store.close()


def test_asking_whether_any_value_is_flagged_reads_the_flagged_index_only(empty_db):
    """Every save asks it; without the partial index (m007) it read every stored value when
    none was flagged. A file from before m007 gets the index on upgrade, and a flag set
    before it is still audited and cleared after."""
    from ictdesk.core.store.staging import ANY_FLAG

    store = ValueStore.open(empty_db)
    store.save_value(PHUC_YEN, "BTS_TOTAL", "2024Q1", 36)
    store.set_followup(PHUC_YEN, "BTS_TOTAL", "2024Q1", True)
    store.close()
    conn = sqlite3.connect(empty_db)
    with conn:
        conn.execute("DROP INDEX data_values_flagged")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_flagged_values_index'")
    conn.close()
    reading = ValueStore.open(empty_db, read_only=True)  # m007 only adds an index: readable
    try:
        assert reading.values_for(PHUC_YEN, "2024Q1")["BTS_TOTAL"].followup
    finally:
        reading.close()
    assert ValueStore.upgrade_due(empty_db)
    ValueStore.upgrade(empty_db)
    store = ValueStore.open(empty_db)
    try:
        store.clear_staged()  # the batch tables exist on this connection
        plan = " ".join(row[-1] for row in store.db.execute(f"EXPLAIN QUERY PLAN {ANY_FLAG}"))
        assert "data_values USING INDEX data_values_flagged" in plan
        assert not re.search(r"SCAN data_values(?! USING INDEX data_values_flagged)", plan)
        store.save_values(
            [ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q1", 37, followup=False)], source="form"
        )
        assert not store.values_for(PHUC_YEN, "2024Q1")["BTS_TOTAL"].followup
        kinds = [r[0] for r in store.db.execute("SELECT kind FROM audit_log ORDER BY id")]
        assert kinds[-2:] == ["value", "followup"]
        assert list(store.audit_problems()) == []
    finally:
        store.close()


def test_a_unit_code_a_spreadsheet_shortened_is_understood(store):
    assert store.unit_code(" 4792") == "04792" and store.unit_code("25") == "25"
    with pytest.raises(UnknownUnit):
        store.unit_code("99999")


def test_no_two_indicators_share_a_name_in_either_language(store):
    for language in ("vi", "en"):
        names = [i.name(language) for i in store.catalogue]
        assert len(names) == len(set(names)), language


# -------------------------------------------------------------- audited writes
def test_save_value_writes_an_audit_row(store):
    store.stored_by = "Nguyễn Văn An"
    assert store.save_value(PHUC_YEN, "BTS_TOTAL", "2024Q1", 36) is True
    stored = store.value(PHUC_YEN, "BTS_TOTAL", "2024Q1")
    assert stored.value == 36
    assert stored.stored_by == "Nguyễn Văn An"
    assert stored.updated_at

    assert store.save_value(PHUC_YEN, "BTS_TOTAL", "2024Q1", 40, source="grid") is True
    rows = audit_rows(store)
    assert [(r["old_value"], r["new_value"], r["source"]) for r in rows] == [
        (None, 36, "form"),
        (36, 40, "grid"),
    ]
    assert {r["stored_by"] for r in rows} == {"Nguyễn Văn An"}
    assert all(r["changed_at"] for r in rows)
    assert {(r["unit_code"], r["indicator_code"], r["period"]) for r in rows} == {
        (PHUC_YEN, "BTS_TOTAL", "2024Q1")
    }
    history = store.history(PHUC_YEN, "BTS_TOTAL", "2024Q1")
    assert [(h.old_value, h.new_value, h.source) for h in history] == [
        (None, 36, "form"),
        (36, 40, "grid"),
    ]


def test_saving_the_same_value_again_writes_no_audit_row(store):
    store.save_value(PHUC_YEN, "BTS_TOTAL", "2024Q1", 36)
    updated_at = store.value(PHUC_YEN, "BTS_TOTAL", "2024Q1").updated_at
    assert store.save_value(PHUC_YEN, "BTS_TOTAL", "2024Q1", 36) is False
    assert store.save_value(PHUC_YEN, "BTS_TOTAL", "2024Q1", 36.0) is False
    assert len(audit_rows(store)) == 1
    assert store.value(PHUC_YEN, "BTS_TOTAL", "2024Q1").updated_at == updated_at


def test_clearing_deletes_the_row_and_audits_it(store):
    store.save_value(PHUC_YEN, "HH_TOTAL", "2024Q1", 5200)
    assert store.save_value(PHUC_YEN, "HH_TOTAL", "2024Q1", None) is True
    assert store.value(PHUC_YEN, "HH_TOTAL", "2024Q1") is None
    assert store.db.execute("SELECT count(*) FROM data_values").fetchone()[0] == 0
    last = audit_rows(store)[-1]
    assert (last["old_value"], last["new_value"]) == (5200, None)
    # Clearing what is already empty changes nothing and is not audited.
    assert store.save_value(PHUC_YEN, "HH_TOTAL", "2024Q1", None) is False
    assert len(audit_rows(store)) == 2


@pytest.mark.parametrize("something_stored", [False, True])
def test_a_batch_writes_the_same_into_an_empty_database_and_a_filled_one(store, something_stored):
    if something_stored:  # elsewhere: the batch meets no stored value either way
        store.save_value("07900", "BTS_TOTAL", "2023Q1", 1)
    before = len(audit_rows(store))
    changed = store.save_values(
        [
            ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q1", None, ""),  # nothing at all: skipped
            ValueWrite(PHUC_YEN, "BTS_4G", "2024Q1", None),
            ValueWrite(PHUC_YEN, "BTS_5G", "2024Q1", None, "chưa có số liệu"),
            ValueWrite(PHUC_YEN, "HH_TOTAL", "2024Q1", 5200, ""),
        ],
        source="form",
    )
    assert changed == 2
    assert store.value(PHUC_YEN, "BTS_TOTAL", "2024Q1") is None
    assert store.value(PHUC_YEN, "BTS_4G", "2024Q1") is None
    note = store.value(PHUC_YEN, "BTS_5G", "2024Q1")
    assert (note.value, note.comment) == (None, "chưa có số liệu")
    households = store.value(PHUC_YEN, "HH_TOTAL", "2024Q1")
    assert (households.value, households.comment) == (5200, None)
    audited = [
        (r["indicator_code"], r["old_value"], r["new_value"], r["new_comment"])
        for r in audit_rows(store)[before:]
    ]
    assert sorted(audited) == [
        ("BTS_5G", None, None, "chưa có số liệu"),
        ("HH_TOTAL", None, 5200, None),
    ]


def test_a_value_out_of_its_range_is_never_stored(store):
    with pytest.raises(ValueRejected, match="cannot be less than 0"):
        store.save_value(PHUC_YEN, "CDT_TEAMS", "2024Q1", -3, comment="giải trình")
    with pytest.raises(ValueRejected, match="cannot be less than 0"):
        store.save_values([ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q1", -1)], source="grid")
    assert store.value_count() == 0


def test_save_values_rejects_an_unknown_source(store):
    with pytest.raises(ValueRejected):
        store.save_values([ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q1", 1)], source="magic")
    assert store.value_count() == 0


def test_save_value_with_padded_period_is_found_under_the_iso_period(store):
    # Period.parse accepts surrounding spaces; the value must not be stored under " 2024Q1 ".
    try:
        store.save_value(PHUC_YEN, "BTS_TOTAL", " 2024Q1 ", 36)
    except (ValueRejected, ValueError):
        return  # refusing the text is fine too
    periods = [r[0] for r in store.db.execute("SELECT DISTINCT period FROM data_values")]
    assert periods == ["2024Q1"]
    assert store.value(PHUC_YEN, "BTS_TOTAL", "2024Q1").value == 36


# ------------------------------------------------------------- atomic batches
GOOD = [
    ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q1", 36),
    ValueWrite(PHUC_YEN, "HH_TOTAL", "2024Q1", 5200),
    ValueWrite(OTHER, "BTS_TOTAL", "2024Q1", 12),
]


def _seeded(store):
    store.save_value(PHUC_YEN, "BTS_4G", "2024Q1", 30)
    return len(audit_rows(store)), store.value_count()


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        (ValueWrite(PHUC_YEN, "SMARTPHONE_HH_PCT", "2024Q1", 83.6), ValueRejected),
        (ValueWrite("99999", "BTS_TOTAL", "2024Q1", 5), UnknownUnit),
        (ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q1", 12.5), ValueRejected),
        (ValueWrite(PHUC_YEN, "NOT_AN_INDICATOR", "2024Q1", 1), UnknownIndicator),
        (ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q5", 1), ValueError),
        (ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q1", "12"), ValueRejected),
        (ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q1", float("nan")), ValueRejected),
    ],
    ids=["derived", "unknown-unit", "fraction", "unknown-indicator", "bad-period", "text", "nan"],
)
@pytest.mark.parametrize("position", [0, 1, 3])
def test_one_bad_write_in_a_batch_leaves_nothing_written(store, bad, error, position):
    audits, values = _seeded(store)
    batch = list(GOOD)
    batch.insert(position, bad)
    batch.append(ValueWrite(PHUC_YEN, "BTS_4G", "2024Q1", 31))  # an update, too
    with pytest.raises(error):
        store.save_values(batch, source="import")
    assert store.value_count() == values
    assert len(audit_rows(store)) == audits
    assert store.value(PHUC_YEN, "BTS_4G", "2024Q1").value == 30
    assert store.value(PHUC_YEN, "BTS_TOTAL", "2024Q1") is None


def test_sqlite_failure_in_the_middle_of_a_batch_rolls_everything_back(store):
    audits, values = _seeded(store)
    store.db.execute(
        "CREATE TEMP TRIGGER refuse_666 BEFORE INSERT ON main.data_values"
        " WHEN NEW.value = 666 BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
    )
    batch = [*GOOD, ValueWrite(OTHER, "HH_TOTAL", "2024Q1", 666)]
    with pytest.raises(StorageError):
        store.save_values(batch, source="import")
    assert store.value_count() == values
    assert len(audit_rows(store)) == audits
    # The store is still usable afterwards.
    store.db.execute("DROP TRIGGER temp.refuse_666")
    assert store.save_values(GOOD, source="import") == 3
    assert store.value_count() == values + 3
    assert len(audit_rows(store)) == audits + 3


def test_a_good_batch_is_written_and_audited_once_per_change(store):
    assert store.save_values(GOOD, source="import") == 3
    assert store.save_values(GOOD, source="import") == 0
    assert {r["source"] for r in audit_rows(store)} == {"import"}
    assert len(audit_rows(store)) == 3


# ------------------------------------------------------------------ audit log
def test_audit_log_refuses_update_and_delete(store):
    store.save_value(PHUC_YEN, "BTS_TOTAL", "2024Q1", 36)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("UPDATE audit_log SET new_value = 1")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("DELETE FROM audit_log")
    rows = audit_rows(store)
    assert len(rows) == 1
    assert rows[0]["new_value"] == 36


# ------------------------------------------------------------------ aggregation
def test_rate_over_units_is_sum_over_sum_not_mean_of_rates(store):
    store.save_values(
        [
            ValueWrite(PHUC_YEN, "HH_TOTAL", "2024Q4", 100),
            ValueWrite(PHUC_YEN, "HH_SMARTPHONE", "2024Q4", 90),  # 90 %
            ValueWrite(OTHER, "HH_TOTAL", "2024Q4", 10000),
            ValueWrite(OTHER, "HH_SMARTPHONE", "2024Q4", 5000),  # 50 %
        ],
        source="form",
    )
    expected = 5090 / 10100 * 100
    assert store.aggregate("SMARTPHONE_HH_PCT", PROVINCE, "2024Q4") == pytest.approx(expected)
    assert store.aggregates(PROVINCE, "2024Q4")["SMARTPHONE_HH_PCT"] == pytest.approx(expected)
    assert store.aggregate("SMARTPHONE_HH_PCT", PROVINCE, "2024Q4") != pytest.approx(70)
    assert store.aggregate("HH_TOTAL", PROVINCE, "2024Q4") == 10100
    assert store.aggregate("SMARTPHONE_HH_PCT", PHUC_YEN, "2024Q4") == pytest.approx(90)


def test_rate_skips_units_missing_a_part(store):
    store.save_values(
        [
            ValueWrite(PHUC_YEN, "HH_TOTAL", "2024Q4", 100),
            ValueWrite(PHUC_YEN, "HH_SMARTPHONE", "2024Q4", 80),
            ValueWrite(OTHER, "HH_TOTAL", "2024Q4", 10000),  # no numerator reported
        ],
        source="form",
    )
    assert store.aggregate("SMARTPHONE_HH_PCT", PROVINCE, "2024Q4") == pytest.approx(80)
    assert store.aggregate("SMARTPHONE_HH_PCT", OTHER, "2024Q4") is None


def _quarters(store, unit, code, values, year=2024):
    writes = [
        ValueWrite(unit, code, f"{year}Q{q}", v) for q, v in enumerate(values, 1) if v is not None
    ]
    store.save_values(writes, source="form")


def test_stock_over_a_year_takes_the_last_quarter(store):
    _quarters(store, PHUC_YEN, "BTS_TOTAL", [30, 32, 35, 36])
    assert store.aggregate("BTS_TOTAL", PHUC_YEN, "2024") == 36
    assert store.aggregate("BTS_TOTAL", PHUC_YEN, "2024S1") == 32
    assert store.aggregate("BTS_TOTAL", PHUC_YEN, "2024S2") == 36


def test_flow_over_a_year_sums_the_quarters(store):
    _quarters(store, PHUC_YEN, "APPS_TOTAL", [100, 120, 90, 150])
    assert store.aggregate("APPS_TOTAL", PHUC_YEN, "2024") == 460
    assert store.aggregate("APPS_TOTAL", PHUC_YEN, "2024S1") == 220
    assert store.aggregate("APPS_TOTAL", PHUC_YEN, "2024S2") == 240
    assert store.aggregate("APPS_TOTAL", PHUC_YEN, "2024Q3") == 90


def test_flow_over_months_sums_into_quarters(store):
    store.save_values(
        [ValueWrite(PHUC_YEN, "DOCS_TOTAL", f"2024{m:02d}", 10 * m) for m in range(1, 7)],
        source="form",
    )
    assert store.aggregate("DOCS_TOTAL", PHUC_YEN, "2024Q1") == 60
    assert store.aggregate("DOCS_TOTAL", PHUC_YEN, "2024Q2") == 150
    assert store.aggregate("DOCS_TOTAL", PHUC_YEN, "2024S1") == 210


def test_flow_based_rate_over_a_year_is_double_sum_over_double_sum(store):
    _quarters(store, PHUC_YEN, "APPS_TOTAL", [20, 20, 20, 20])
    _quarters(store, PHUC_YEN, "APPS_ONLINE", [10, 10, 10, 10])  # 50 %
    _quarters(store, OTHER, "APPS_TOTAL", [1000, 10, 10, 10])
    _quarters(store, OTHER, "APPS_ONLINE", [900, 0, 0, 0])
    expected = (40 + 900) / (80 + 1030) * 100
    assert store.aggregate("APPS_ONLINE_PCT", PROVINCE, "2024") == pytest.approx(expected)
    assert store.aggregate("APPS_ONLINE_PCT", OTHER, "2024") == pytest.approx(900 / 1030 * 100)
    assert store.series("APPS_ONLINE_PCT", PROVINCE, ["2024Q1", "2024Q2", "2024"]) == (
        pytest.approx({"2024Q1": 910 / 1020 * 100, "2024Q2": 10 / 30 * 100, "2024": expected})
    )


def test_stock_based_rate_over_a_year_uses_the_last_quarter(store):
    _quarters(store, PHUC_YEN, "HH_TOTAL", [1000, 1000, 1000, 1000])
    _quarters(store, PHUC_YEN, "HH_FIBER", [500, 600, 700, 800])
    assert store.aggregate("FIBER_HH_PCT", PHUC_YEN, "2024") == pytest.approx(80)
    assert store.aggregate("FIBER_HH_PCT", PROVINCE, "2024") == pytest.approx(80)


def test_missing_periods_give_none_never_zero(store):
    _quarters(store, PHUC_YEN, "APPS_TOTAL", [100, None, None, None])
    _quarters(store, PHUC_YEN, "BTS_TOTAL", [30, None, None, None])
    assert store.aggregate("APPS_TOTAL", PHUC_YEN, "2024Q2") is None
    assert store.aggregate("APPS_TOTAL", PHUC_YEN, "2024S2") is None
    assert store.aggregate("APPS_TOTAL", PHUC_YEN, "2023") is None
    assert store.aggregate("BTS_TOTAL", PHUC_YEN, "2024Q3") is None
    assert store.aggregate("BTS_TOTAL", OTHER, "2024Q1") is None
    assert store.aggregate("APPS_ONLINE_PCT", PHUC_YEN, "2024Q1") is None
    assert store.aggregate("APPS_TOTAL", PROVINCE, "2024Q2") is None
    series = store.series("BTS_TOTAL", PROVINCE, ["2023Q4", "2024Q1", "2024Q2"])
    assert series == {"2023Q4": None, "2024Q1": 30, "2024Q2": None}
    assert store.aggregates(PROVINCE, "2025Q1") == dict.fromkeys(
        (i.code for i in store.catalogue), None
    )


def test_unit_own_value_wins_over_children_sum(store):
    store.save_values(
        [
            ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q1", 10),
            ValueWrite(OTHER, "BTS_TOTAL", "2024Q1", 20),
            ValueWrite(PROVINCE, "BTS_TOTAL", "2024Q1", 500),
        ],
        source="form",
    )
    assert store.aggregate("BTS_TOTAL", PROVINCE, "2024Q1") == 500
    store.save_value(PROVINCE, "BTS_TOTAL", "2024Q1", None)
    assert store.aggregate("BTS_TOTAL", PROVINCE, "2024Q1") == 30


def test_village_under_a_commune_aggregates_up(store):
    village = store.add_unit("0874001", "Thôn Đồng Tâm", UnitLevel.VILLAGE, PHUC_YEN)
    assert village.parent_code == PHUC_YEN
    assert village.level is UnitLevel.VILLAGE
    store.add_unit("0874002", "Thôn Bắc", UnitLevel.VILLAGE, PHUC_YEN)
    assert [u.code for u in store.children(PHUC_YEN)] == ["0874001", "0874002"]
    assert [u.code for u in store.ancestors("0874001")] == [PROVINCE, PHUC_YEN]

    store.save_values(
        [
            ValueWrite("0874001", "HH_TOTAL", "2024Q1", 300),
            ValueWrite("0874001", "HH_SMARTPHONE", "2024Q1", 270),
            ValueWrite("0874002", "HH_TOTAL", "2024Q1", 100),
            ValueWrite("0874002", "HH_SMARTPHONE", "2024Q1", 10),
            ValueWrite(OTHER, "HH_TOTAL", "2024Q1", 600),
        ],
        source="form",
    )
    assert store.aggregate("HH_TOTAL", PHUC_YEN, "2024Q1") == 400
    assert store.aggregate("HH_TOTAL", PROVINCE, "2024Q1") == 1000
    assert store.aggregate("SMARTPHONE_HH_PCT", PHUC_YEN, "2024Q1") == pytest.approx(70)
    assert store.aggregate("SMARTPHONE_HH_PCT", PROVINCE, "2024Q1") == pytest.approx(70)
    # The commune's own figure wins over its villages.
    store.save_value(PHUC_YEN, "HH_TOTAL", "2024Q1", 450)
    assert store.aggregate("HH_TOTAL", PHUC_YEN, "2024Q1") == 450
    assert store.aggregate("HH_TOTAL", PROVINCE, "2024Q1") == 1050


def test_add_unit_refuses_duplicates_and_unknown_parents(store):
    with pytest.raises(ValueRejected):
        store.add_unit(PHUC_YEN, "Trùng mã", UnitLevel.VILLAGE, PHUC_YEN)
    with pytest.raises(UnknownUnit):
        store.add_unit("9999901", "Thôn lạc", UnitLevel.VILLAGE, "99999")
    with pytest.raises(ValueRejected):
        store.add_unit("  ", "Không mã", UnitLevel.VILLAGE, PHUC_YEN)
    assert store.children(PHUC_YEN) == []


# ------------------------------------------------------------------------ units
@pytest.mark.parametrize("text", ["phuc yen", "PHÚC YÊN", "Phúc Yên", "phường phúc yên", "0874"])
def test_search_units_ignores_diacritics(store, text):
    found = store.search_units(text)
    assert PHUC_YEN in [u.code for u in found]
    match = next(u for u in found if u.code == PHUC_YEN)
    assert match.name == "Phường Phúc Yên"
    assert match.parent_code == PROVINCE


def test_search_units_within_a_subtree(store):
    store.add_unit("0874001", "Thôn Đồng Tâm", UnitLevel.VILLAGE, PHUC_YEN)
    assert [u.code for u in store.search_units("dong tam", within=PHUC_YEN)] == ["0874001"]
    assert store.search_units("phuc yen", within="01") == []
    assert all(u.code != "01" for u in store.search_units("phuc yen", within=PROVINCE))


def test_unit_tree_of_the_province(store):
    assert [u.code for u in store.root_units()] == [PROVINCE]
    assert store.unit(PROVINCE).level is UnitLevel.PROVINCE
    communes = store.children(PROVINCE)
    assert len(communes) == store.child_count(PROVINCE) == 148
    assert {u.level for u in communes} == {UnitLevel.COMMUNE}
    with pytest.raises(UnknownUnit):
        store.unit("99999")


# ------------------------------------------------------------------------- demo
DEMO_PERIODS = [p.iso for p in period_range(Period.parse(DEMO_FIRST), Period.parse(DEMO_LAST))]


def test_demo_has_every_commune_and_quarter(demo_store):
    communes = demo_store.children(PROVINCE)
    assert len(communes) == 148
    assert DEMO_PERIODS[0] == "2021Q1" and DEMO_PERIODS[-1] == "2025Q4"
    assert len(DEMO_PERIODS) == 20
    periods = [r[0] for r in demo_store.db.execute("SELECT DISTINCT period FROM data_values")]
    assert sorted(periods) == DEMO_PERIODS
    entered = len(demo_store.catalogue.entered)
    assert demo_store.value_count() == 148 * 20 * entered
    per_unit = dict(
        demo_store.db.execute(
            "SELECT unit_code, count(*) FROM data_values WHERE value IS NOT NULL GROUP BY unit_code"
        ).fetchall()
    )
    assert per_unit == {u.code: 20 * entered for u in communes}


def test_demo_values_obey_every_shipped_rule(demo_store):
    rules = demo_store.db.execute(
        "SELECT id, left_code, op, right_code FROM validation_rules"
    ).fetchall()
    assert len(rules) >= 10
    values = defaultdict(dict)
    for unit, code, period, value in demo_store.db.execute(
        "SELECT unit_code, indicator_code, period, value FROM data_values"
    ):
        values[(unit, period)][code] = value
    assert len(values) == 148 * 20
    broken = []
    for (unit, period), row in values.items():
        for _rule_id, left, op, right in rules:
            assert left in row and right in row
            if not OPERATORS[op](row[left], row[right]):
                broken.append((unit, period, f"{left} {op} {right}", row[left], row[right]))
    assert broken == []


def test_demo_values_respect_indicator_ranges(demo_store):
    for indicator in demo_store.catalogue.entered:
        low, high = demo_store.db.execute(
            "SELECT min(value), max(value) FROM data_values WHERE indicator_code = ?",
            [indicator.code],
        ).fetchone()
        assert low >= (indicator.minimum or 0), indicator.code
        if indicator.maximum is not None:
            assert high <= indicator.maximum, indicator.code


def test_demo_province_totals_for_2025_match_the_design(demo_store):
    def total(code):
        return demo_store.aggregate(code, PROVINCE, "2025")

    assert 80 <= total("SMARTPHONE_HH_PCT") <= 88
    assert 82 <= total("FIBER_HH_PCT") <= 90
    assert 82 <= total("APPS_ONLINE_PCT") <= 90
    assert total("COV_4G_PCT") >= 95
    assert total("COV_4G_PCT") <= 100
    assert 95 <= total("MOBILE_PER100") <= 115
    # Σ/Σ: the province rate is its communes' totals divided, not a mean of rates.
    hh = total("HH_TOTAL")
    assert total("SMARTPHONE_HH_PCT") == pytest.approx(total("HH_SMARTPHONE") / hh * 100)


def test_demo_targets(demo_store):
    assert demo_store.target("COV_5G_PCT", PROVINCE, 2026) == 65
    assert demo_store.target("APPS_ONLINE_PCT", PROVINCE, 2026) == 90
    assert demo_store.target("COV_5G_PCT", PROVINCE, 2025) is not None
    assert demo_store.target("APPS_ONLINE_PCT", PROVINCE, 2025) is not None
    # Communes inherit the province's target.
    assert demo_store.target("COV_5G_PCT", PHUC_YEN, 2026) == 65
    assert demo_store.target("COV_5G_PCT", PROVINCE, 2024) is None
    targets = demo_store.targets_for(PROVINCE, 2026)
    assert targets["APPS_ONLINE_PCT"][0] == 90
    assert targets["APPS_ONLINE_PCT"][1]  # the document it comes from


def test_demo_audit_is_marked_demo(demo_store):
    sources = [r[0] for r in demo_store.db.execute("SELECT DISTINCT source FROM audit_log")]
    assert sources == ["demo"]
    assert demo_store.province_code == PROVINCE


def test_demo_generation_is_deterministic():
    periods = period_range(Period.parse(DEMO_FIRST), Period.parse(DEMO_LAST))
    first = commune_rows(PHUC_YEN, "Phường Phúc Yên", periods)
    second = commune_rows(PHUC_YEN, "Phường Phúc Yên", periods)
    assert first == second
    assert len(first) == 20 * 29
    other = commune_rows(OTHER, "Xã Khác", periods)
    assert [r.value for r in other] != [r.value for r in first]


def test_demo_generation_matches_the_stored_demo(demo_store):
    periods = period_range(Period.parse(DEMO_FIRST), Period.parse(DEMO_LAST))
    unit = demo_store.unit(PHUC_YEN)
    rows = commune_rows(unit.code, unit.name, periods)
    stored = {
        (r[0], r[1]): r[2]
        for r in demo_store.db.execute(
            "SELECT indicator_code, period, value FROM data_values WHERE unit_code = ?",
            [PHUC_YEN],
        )
    }
    assert {(r.indicator_code, r.period): r.value for r in rows} == stored


def test_latest_period_of_each_type(store):
    from ictdesk.core.periods import PeriodType

    assert store.latest_period() is None
    store.save_values(
        [
            ValueWrite(PHUC_YEN, "BTS_TOTAL", "202511", 3),  # months only after 2024
            ValueWrite(PHUC_YEN, "BTS_TOTAL", "202401", 3),
            ValueWrite("07900", "BTS_4G", "2023Q2", 1),
            ValueWrite("07900", "BTS_4G", "2021S2", 1),
            ValueWrite("07900", "BTS_5G", "2022", 1),
            ValueWrite("07900", "BTS_5G", "2019Q4", 1),
        ],
        source="form",
    )
    assert store.latest_period(PeriodType.QUARTER).iso == "2023Q2"
    assert store.latest_period(PeriodType.MONTH).iso == "202511"
    assert store.latest_period(PeriodType.HALF).iso == "2021S2"
    assert store.latest_period(PeriodType.YEAR).iso == "2022"


def test_the_latest_stored_period_is_the_last_reported_whatever_its_type(store):
    assert store.latest_stored_period() is None
    store.save_values(
        [
            ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q4", 3),
            ValueWrite(PHUC_YEN, "BTS_TOTAL", "202511", 3),  # monthly returns since
            ValueWrite(PHUC_YEN, "BTS_TOTAL", "2025Q2", 3),
        ],
        source="form",
    )
    assert store.latest_stored_period().iso == "202511"  # not the empty 2025Q4
    store.save_values([ValueWrite("07900", "BTS_4G", "2025S2", 1)], source="form")
    assert store.latest_stored_period().iso == "202511"  # the half began before November
    store.save_values([ValueWrite("07900", "BTS_4G", "2025Q4", 1)], source="form")
    assert store.latest_stored_period().iso == "2025Q4"  # November's quarter, itself held
    store.save_values([ValueWrite("07900", "BTS_5G", "2026", 1)], source="form")
    assert store.latest_stored_period().iso == "2026"  # the newest year wins
    store.save_values([ValueWrite("07900", "BTS_4G", "2026Q1", 1)], source="form")
    assert store.latest_stored_period().iso == "2026Q1"  # a year in progress: its quarter
    store.save_values([ValueWrite("07900", "BTS_4G", "202602", 1)], source="form")
    assert store.latest_stored_period().iso == "2026Q1"  # a month of a quarter held
    store.save_values([ValueWrite("07900", "BTS_4G", "202604", 1)], source="form")
    assert store.latest_stored_period().iso == "202604"


def test_the_latest_period_is_kept_until_any_connection_changes_the_data(store):
    from ictdesk.core.periods import PeriodType

    store.save_values([ValueWrite(PHUC_YEN, "BTS_TOTAL", "2024Q3", 3)], source="form")
    assert store.latest_period().iso == "2024Q3"
    other = ValueStore.open(store.path)
    try:
        other.save_values([ValueWrite("07900", "BTS_4G", "2025Q1", 1)], source="form")
        assert store.latest_period().iso == "2025Q1"  # another connection's commit
        assert store.latest_period(PeriodType.MONTH) is None
        other.db.execute("DELETE FROM data_values WHERE period = '2025Q1'")
        assert store.latest_period().iso == "2024Q3"
    finally:
        other.close()
    store.db.execute("DELETE FROM data_values")  # this connection's own change
    assert store.latest_period() is None


def test_kept_aggregates_follow_every_change_of_the_data(store):
    store.save_values([ValueWrite(PHUC_YEN, "BTS_TOTAL", "202401", 3)], source="form")
    first = store.aggregates("25", "2024Q1")
    assert first["BTS_TOTAL"] == 3
    first["BTS_TOTAL"] = 99  # the caller's copy: what is kept is not changed
    assert store.aggregates("25", "2024Q1")["BTS_TOTAL"] == 3
    store.save_values([ValueWrite("07900", "BTS_TOTAL", "202403", 4)], source="form")
    assert store.aggregates("25", "2024Q1")["BTS_TOTAL"] == 7
    other = ValueStore.open(store.path)
    try:
        other.save_values([ValueWrite(PHUC_YEN, "BTS_TOTAL", "202402", 5)], source="form")
    finally:
        other.close()
    assert store.aggregates("25", "2024Q1")["BTS_TOTAL"] == 9  # February: not the last month
    assert store.aggregates(PHUC_YEN, "2024Q1")["BTS_TOTAL"] == 5


def test_child_counts_in_one_call(store):
    provinces = [u.code for u in store.root_units()]
    counts = store.child_counts([*provinces, PHUC_YEN])
    assert counts == {code: store.child_count(code) for code in [*provinces, PHUC_YEN]}
    assert counts[PHUC_YEN] == 0 and counts["25"] == 148


def test_the_runs_of_unit_codes_are_kept_until_a_unit_is_added(store):
    """``code_runs`` keeps its answer while the units stay (a dashboard asks 15 times, and a
    save of values changes no unit): a village added under a commune makes the village the
    leaf, not the commune, at once."""
    runs = store.code_runs(["25"])
    assert {owner for owner, *_ in runs} == {"25"}
    assert any(low <= PHUC_YEN <= high for _owner, low, high in runs)
    assert store.code_runs(["25"]) is runs  # kept
    store.save_values([ValueWrite(PHUC_YEN, "BTS_TOTAL", "2025Q1", 12)], source="form")
    assert store.code_runs(["25"]) is runs  # a save of values keeps it
    village = PHUC_YEN + "01"
    store.add_unit(village, "Thôn Một", UnitLevel.VILLAGE, PHUC_YEN)
    again = store.code_runs(["25"])  # the same question: not the kept answer
    assert again is not runs
    assert any(low <= village <= high for _owner, low, high in again)
    assert (PHUC_YEN, village, village) in store.code_runs(["25", PHUC_YEN])
