"""Imports keyed by units before 1 July 2025, with real crosswalk rows (Quảng Trị, Phú Thọ):
merges, partial merges, splits, province totals, history kept and exported, the hint."""

import csv

import pytest

from ictdesk.cli import main
from ictdesk.core.exchange.common import DHIS2_HEADER, LONG_HEADER, Selection
from ictdesk.core.exchange.export import export
from ictdesk.core.exchange.importer import ImportRejected, import_files
from ictdesk.core.reform.convert import OldUnitImport
from ictdesk.core.reform.register import old_register
from ictdesk.core.reform.suggest import match_registers
from ictdesk.core.reform.wording import translated_detail
from ictdesk.core.store import ValueStore
from ictdesk.core.units import official_communes

# Quảng Trị (NQ 1680/NQ-UBTVQH15): new Xã Đakrông 19564 = old Xã Đakrông 19564 + Xã Ba Nang
# 19576 + Xã Tà Long 19579; new Xã Hướng Hiệp 19555 = old Thị trấn Krông Klang 19555 + Xã Mò Ó
# 19558 + Xã Hướng Hiệp 19561. Phú Thọ (NQ 1676/NQ-UBTVQH15): old Xã Vầy Nưa 04891 was split
# between new Xã Tiền Phong 04891 (principal, with old Xã Tiền Phong 04888) and new Phường
# Thống Nhất 04828 (with old Phường Thái Bình 04789, Dân Chủ 04819, Thống Nhất 04828).
DAKRONG = {"19564": (1000, 800), "19576": (500, 300), "19579": (700, 420)}  # HH, smartphone
HUONG_HIEP = {"19555": (2000, 1800), "19558": (600, 400), "19561": (900, 500)}


def _long_csv(path, rows):
    """rows: (unit, indicator, period, value[, updated_at])."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(LONG_HEADER)
        for unit, code, period, value, *when in rows:
            writer.writerow([unit, "", code, "", period, value, "", "", *(when or [""])])
    return path


def _csv_rows(path):
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


def _households(units, period="2024"):
    return [
        row
        for code, (hh, smart) in units.items()
        for row in ((code, "HH_TOTAL", period, hh), (code, "HH_SMARTPHONE", period, smart))
    ]


@pytest.fixture
def quang_tri(tmp_path):
    path = tmp_path / "quang-tri.db"
    ValueStore.create(path, {"province_code": "44"})
    store = ValueStore.open(path)
    yield store
    store.close()


def _import(store, files, split="refuse", **kwargs):
    stage = OldUnitImport(split)
    return import_files(store, files, old_units=stage, **kwargs), stage


# ------------------------------------------------------------ conversions
def test_a_merge_is_summed_and_its_rate_recomputed_from_the_parts(quang_tri, tmp_path):
    path = _long_csv(tmp_path / "dakrong.csv", _households(DAKRONG))
    report, stage = _import(quang_tri, [path])
    assert report.written and not report.blocking
    assert quang_tri.value("19564", "HH_TOTAL", "2024").value == 2200
    assert quang_tri.value("19564", "HH_SMARTPHONE", "2024").value == 1520
    rate = quang_tri.aggregate("SMARTPHONE_HH_PCT", "19564", "2024")
    assert rate == pytest.approx(1520 / 2200 * 100)  # 69.1, not the mean of 80, 60 and 60
    assert rate != pytest.approx((80 + 60 + 60) / 3)
    assert stage.converted_values == 2 and stage.estimated_values == 0
    # the old communes keep their own figures
    assert quang_tri.value("old:19576", "HH_TOTAL", "2024").value == 500
    assert quang_tri.aggregate("SMARTPHONE_HH_PCT", "old:19576", "2024") == pytest.approx(60)


def test_stocks_and_flows_are_both_summed_across_merged_communes(quang_tri, tmp_path):
    rows = [(c, "BTS_TOTAL", "2024Q4", 3) for c in DAKRONG]
    rows += [(c, "APPS_TOTAL", "2024Q4", 100) for c in DAKRONG]
    _import(quang_tri, [_long_csv(tmp_path / "a.csv", rows)])
    assert quang_tri.value("19564", "BTS_TOTAL", "2024Q4").value == 9
    assert quang_tri.value("19564", "APPS_TOTAL", "2024Q4").value == 300


def test_a_partial_merge_is_not_written_and_says_what_is_missing(quang_tri, tmp_path):
    partial = {code: HUONG_HIEP[code] for code in ("19555", "19558")}
    path = _long_csv(tmp_path / "partial.csv", _households(partial) + _households(DAKRONG))
    report, _ = _import(quang_tri, [path])
    assert report.written  # a warning, not a refusal: the rest is imported
    assert quang_tri.value("19555", "HH_TOTAL", "2024") is None
    assert quang_tri.value("old:19555", "HH_TOTAL", "2024").value == 2000
    assert quang_tri.value("19564", "HH_TOTAL", "2024").value == 2200
    [warning] = [p for p in report.warnings if "19555" in p.reason]
    assert "Xã Hướng Hiệp (19561)" in warning.reason and "2 values (2024)" in warning.reason
    assert "thiếu số liệu của đơn vị cũ Xã Hướng Hiệp (19561)" in warning.reason_vi


def test_each_indicator_and_period_needs_all_its_parts(quang_tri, tmp_path):
    rows = _households(DAKRONG, "2023") + _households(DAKRONG, "2024")
    rows = [r for r in rows if not (r[0] == "19579" and r[2] == "2023" and r[1] == "HH_TOTAL")]
    report, _ = _import(quang_tri, [_long_csv(tmp_path / "a.csv", rows)])
    assert quang_tri.value("19564", "HH_TOTAL", "2023") is None
    assert quang_tri.value("19564", "HH_SMARTPHONE", "2023").value == 1520
    assert quang_tri.value("19564", "HH_TOTAL", "2024").value == 2200
    assert any("1 value (2023)" in p.reason for p in report.warnings)


def _vay_nua_files(tmp_path):
    rows = [
        ("04891", "HH_TOTAL", "2024", 1000),  # old Xã Vầy Nưa, split
        ("04891", "HH_SMARTPHONE", "2024", 700),
        ("04888", "HH_TOTAL", "2024", 2000),  # old Xã Tiền Phong
        ("04888", "HH_SMARTPHONE", "2024", 1500),
    ]
    for code in ("04789", "04819", "04828"):  # the three old wards of Phường Thống Nhất
        rows += [(code, "HH_TOTAL", "2024", 3000), (code, "HH_SMARTPHONE", "2024", 2900)]
    return [_long_csv(tmp_path / "hoa-binh.csv", rows)]


def test_a_split_commune_is_refused_by_default_with_its_new_communes(store, tmp_path):
    with pytest.raises(ImportRejected) as caught:
        _import(store, _vay_nua_files(tmp_path))
    [problem] = caught.value.report.blocking
    assert problem.reason.startswith("Xã Vầy Nưa (04891) was split on 1 July 2025 between")
    assert (
        "Phường Thống Nhất (04828)" in problem.reason and "Xã Tiền Phong (04891)" in problem.reason
    )
    assert problem.location == "row 2"
    assert "đã được chia cho nhiều đơn vị mới" in problem.reason_vi
    # all or nothing: not a value, not a historical unit
    assert store.value_count() == 0 and store.historical_roots() == []


def test_a_split_commune_divided_by_area_is_an_estimate(store, tmp_path):
    report, stage = _import(store, _vay_nua_files(tmp_path), split="area")
    assert report.written
    # 1000 households in the shares of the new communes' areas: 55.21 and 116.31 km²
    assert store.value("04828", "HH_TOTAL", "2024").value == 9000 + 322
    assert store.value("04891", "HH_TOTAL", "2024").value == 2000 + 678
    assert store.value("04828", "HH_SMARTPHONE", "2024").value == 8700 + 225
    assert store.value("04891", "HH_SMARTPHONE", "2024").value == 1500 + 475
    estimate = store.value("04891", "HH_TOTAL", "2024")
    assert "Số ước tính" in estimate.comment and "Xã Vầy Nưa (04891)" in estimate.comment
    assert "67,8 %" in estimate.comment
    detail = store.history("04891", "HH_TOTAL", "2024")[-1].detail
    assert (
        detail == "hoa-binh.csv: estimated from old units 04888 + 04891 (04891 by area share 67.8%)"
    )
    assert translated_detail(detail, "vi") == (
        "hoa-binh.csv: ước tính từ đơn vị cũ 04888 + 04891 (04891 chia theo tỷ lệ diện tích 67,8 %)"
    )
    assert stage.estimated_values == 4


def test_a_split_commune_given_to_its_principal_new_commune(store, tmp_path):
    report, _ = _import(store, _vay_nua_files(tmp_path), split="principal")
    assert store.value("04891", "HH_TOTAL", "2024").value == 3000  # Tiền Phong + all Vầy Nưa
    assert store.value("04828", "HH_TOTAL", "2024").value == 9000  # the three wards alone
    assert store.value("04828", "HH_TOTAL", "2024").comment is None  # exact: no estimate
    estimate = store.value("04891", "HH_TOTAL", "2024")
    assert "tính hết cho xã mới chính" in estimate.comment
    detail = store.history("04891", "HH_TOTAL", "2024")[-1].detail
    assert detail.endswith("(04891 all to its principal new commune 100.0%)")
    assert store.history("04828", "HH_TOTAL", "2024")[-1].detail == (
        "hoa-binh.csv: converted from old units 04789 + 04819 + 04828"
    )


def test_an_old_province_total_needs_all_its_old_provinces(quang_tri, tmp_path):
    rows = [("45", "BTS_TOTAL", "2024", 900), ("45", "POP_TOTAL", "2024", 640000)]
    rows.append(("44", "BTS_TOTAL", "2024", 1100))  # old Quảng Bình: no population given
    report, _ = _import(quang_tri, [_long_csv(tmp_path / "provinces.csv", rows)])
    assert quang_tri.value("44", "BTS_TOTAL", "2024").value == 2000
    assert quang_tri.value("44", "POP_TOTAL", "2024") is None
    assert quang_tri.value("old:45", "POP_TOTAL", "2024").value == 640000
    [warning] = [p for p in report.warnings if p.reason.startswith("Quảng Trị (44)")]
    assert "Tỉnh Quảng Bình (44)" in warning.reason


def test_district_figures_stay_with_the_district(quang_tri, tmp_path):
    path = _long_csv(tmp_path / "huyen.csv", [("467", "BTS_TOTAL", "2024", 82)])
    report, stage = _import(quang_tri, [path])
    assert quang_tri.value("old:467", "BTS_TOTAL", "2024").value == 82
    assert quang_tri.aggregate("BTS_TOTAL", "old:45", "2024") == 82
    assert quang_tri.aggregate("BTS_TOTAL", "44", "2024") is None  # not in the new province
    assert stage.converted_values == 0
    assert any("cannot be divided among the new communes" in p.reason for p in report.warnings)


def test_an_island_district_without_communes_becomes_its_special_zone(quang_tri, tmp_path):
    _import(quang_tri, [_long_csv(tmp_path / "con-co.csv", [("471", "BTS_TOTAL", "2024", 4)])])
    assert quang_tri.unit("19742").name == "Đặc khu Cồn Cỏ"
    assert quang_tri.value("19742", "BTS_TOTAL", "2024").value == 4


# ----------------------------------------------------------------- history
def test_historical_units_stay_outside_the_new_roll_ups(quang_tri, tmp_path):
    files = [_long_csv(tmp_path / "a.csv", _households(DAKRONG) + _households(HUONG_HIEP))]
    _import(quang_tri, files)
    # the new province holds the two new communes' sums once, never the old units again
    assert quang_tri.aggregate("HH_TOTAL", "44", "2024") == 2200 + 3500
    assert quang_tri.aggregate("HH_TOTAL", "old:45", "2024") == 2200 + 3500
    assert quang_tri.aggregate("HH_TOTAL", "old:467", "2024") == 2200 + 3500
    assert [u.code for u in quang_tri.root_units()] == ["44"]
    assert [u.code for u in quang_tri.historical_roots()] == ["old:45"]
    old = quang_tri.unit("old:19564")
    assert (old.name, old.valid_to, old.parent_code) == ("Xã Đakrông", "2025-06-30", "old:467")
    assert not any(u.code.startswith("old:") for u in quang_tri.children("44"))
    assert len(quang_tri.children("old:45")) == 10  # its districts, each with its communes


def test_history_is_added_only_when_it_arrives(quang_tri, tmp_path):
    assert not quang_tri.has_history() and quang_tri.historical_roots() == []
    _import(quang_tri, [_long_csv(tmp_path / "a.csv", _households(DAKRONG))])
    assert quang_tri.has_history()
    assert quang_tri.child_count("old:467") == 13  # the whole old province came with it


def test_history_exports_under_the_old_codes(quang_tri, tmp_path):
    _import(quang_tri, [_long_csv(tmp_path / "a.csv", _households(DAKRONG))])
    old = tmp_path / "old.csv"
    assert export(quang_tri, "long", Selection(old_units=True), old) == 6
    lines = old.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith("19564,Xã Đakrông,HH_SMARTPHONE,")
    assert {line.split(",")[0] for line in lines[1:]} == set(DAKRONG)
    current = tmp_path / "current.csv"
    assert export(quang_tri, "long", Selection(), current) == 2  # the new commune only
    assert current.read_text(encoding="utf-8-sig").splitlines()[1].startswith("19564,Xã Đakrông,")
    dhis2 = tmp_path / "old-dhis2.csv"
    export(quang_tri, "dhis2", Selection(old_units=True), dhis2)
    assert {row[2] for row in _csv_rows(dhis2)[1:]} == set(DAKRONG)
    wide = tmp_path / "old-wide.csv"
    export(quang_tri, "wide", Selection(periods=["2024"], old_units=True), wide)
    units = [row[0] for row in _csv_rows(wide)[1:]]
    assert set(DAKRONG) <= set(units) and not any(code.startswith("old:") for code in units)


def test_an_old_units_export_imports_back_into_a_new_database(quang_tri, tmp_path):
    _import(quang_tri, [_long_csv(tmp_path / "a.csv", _households(DAKRONG))])
    export(quang_tri, "long", Selection(old_units=True), tmp_path / "old.csv")
    other = tmp_path / "other.db"
    ValueStore.create(other, {"province_code": "44"})
    store = ValueStore.open(other)
    try:
        _import(store, [tmp_path / "old.csv"])
        assert store.value("19564", "HH_TOTAL", "2024").value == 2200
        assert store.value("old:19579", "HH_SMARTPHONE", "2024").value == 420
    finally:
        store.close()


# --------------------------------------------------------- the other files
def test_dhis2_and_wide_files_keyed_by_old_units(quang_tri, tmp_path):
    dhis2 = tmp_path / "dhis2.csv"
    with open(dhis2, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(DHIS2_HEADER)
        for code, (hh, _) in DAKRONG.items():
            writer.writerow(["HH_TOTAL", "2023", code, "", "", hh, "", "", "", ""])
    wide = tmp_path / "wide.csv"
    with open(wide, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["Mã đơn vị", "Tên đơn vị", "Kỳ báo cáo", "Hộ gia đình [HH_TOTAL]"])
        for code, (hh, _) in HUONG_HIEP.items():
            writer.writerow([code, "", "2023", hh])
    _import(quang_tri, [dhis2, wide])
    assert quang_tri.value("19564", "HH_TOTAL", "2023").value == 2200
    assert quang_tri.value("19555", "HH_TOTAL", "2023").value == 3500
    assert quang_tri.value("old:19558", "HH_TOTAL", "2023").value == 600


def test_a_code_the_old_register_lacks_is_refused(quang_tri, tmp_path):
    path = _long_csv(tmp_path / "a.csv", [("99999", "HH_TOTAL", "2024", 5)])
    with pytest.raises(ImportRejected) as caught:
        _import(quang_tri, [path])
    [problem] = caught.value.report.blocking
    assert problem.reason == "not a unit code before 1 July 2025: '99999'"
    assert problem.column == "unit_code"


def test_codes_a_spreadsheet_shortened_are_read_by_their_length(quang_tri, tmp_path):
    rows = [("4792", "BTS_TOTAL", "2024", 1), ("1", "BTS_TOTAL", "2024", 2)]
    _import(quang_tri, [_long_csv(tmp_path / "a.csv", rows)])
    assert quang_tri.value("old:04792", "BTS_TOTAL", "2024").value == 1
    assert quang_tri.value("old:01", "BTS_TOTAL", "2024").value == 2


def test_values_after_the_reform_keyed_by_old_units_are_converted_with_a_warning(
    quang_tri, tmp_path
):
    report, _ = _import(quang_tri, [_long_csv(tmp_path / "a.csv", _households(DAKRONG, "2025Q3"))])
    assert quang_tri.value("19564", "HH_TOTAL", "2025Q3").value == 2200
    assert any("from 1 July 2025 on" in p.reason for p in report.warnings)


def test_a_conversion_keeps_the_newest_time_of_its_parts(quang_tri, tmp_path):
    rows = [
        ("19564", "BTS_TOTAL", "2024", 1, "2025-01-05T08:00:00Z"),
        ("19576", "BTS_TOTAL", "2024", 2, "2025-03-01T08:00:00+07:00"),
        ("19579", "BTS_TOTAL", "2024", 3, "2025-02-01T08:00:00Z"),
    ]
    _import(quang_tri, [_long_csv(tmp_path / "a.csv", rows)])
    assert quang_tri.value("19564", "BTS_TOTAL", "2024").updated_at == "2025-03-01T01:00:00.000Z"


# ------------------------------------------------------------- suggestion
def test_a_file_of_old_units_is_recognised(quang_tri, tmp_path):
    register = old_register()
    rows = [(u.code, u.name) for u in register.subtree("45")[:40]]
    old = tmp_path / "old.csv"
    with open(old, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(LONG_HEADER)
        for code, name in rows:
            writer.writerow([code, name, "BTS_TOTAL", "", "2024", 1, "", "", ""])
    match = match_registers(quang_tri, [old])
    assert match.suggests_old and match.old == 40 and match.new < 10  # a few kept name and code
    new = tmp_path / "new.csv"
    with open(new, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(LONG_HEADER)
        for unit in official_communes("44"):
            writer.writerow([unit.code, unit.name, "BTS_TOTAL", "", "2024", 1, "", "", ""])
    match = match_registers(quang_tri, [new])
    assert not match.suggests_old and match.new == 78


# ----------------------------------------------------------- command line
def test_the_command_line_imports_old_units_and_exports_them(quang_tri, tmp_path, capsys):
    db = quang_tri.path
    quang_tri.close()
    source = tmp_path / "old.csv"
    with open(source, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(LONG_HEADER)
        writer.writerow(["19576", "Xã Ba Nang", "HH_TOTAL", "", "2024", 500, "", "", ""])
        writer.writerow(["04891", "Xã Vầy Nưa", "HH_TOTAL", "", "2024", 1000, "", "", ""])
    assert main(["import", str(source), "--db", str(db)]) == 1  # 19576 is no current unit
    err = capsys.readouterr().err
    assert "hint:" in err and "--old-units" in err
    assert main(["import", str(source), "--db", str(db), "--old-units"]) == 1
    assert "--split area" in capsys.readouterr().err
    assert main(["import", str(source), "--db", str(db), "--old-units", "--split", "area"]) == 0
    out = capsys.readouterr().out
    assert "converted to the new units: 0 values" in out  # the other old units are missing
    out_file = tmp_path / "old.csv"
    assert main(["export", "--db", str(db), "--format", "long", "-o", str(out_file),
                 "--units", "old", "--unit", "4891"]) == 0  # fmt: skip
    assert out_file.read_text(encoding="utf-8-sig").splitlines()[1].startswith("04891,Xã Vầy Nưa,")


def test_split_goes_with_old_units(quang_tri, tmp_path, capsys):
    source = _long_csv(tmp_path / "a.csv", [("19564", "HH_TOTAL", "2024", 1)])
    assert main(["import", str(source), "--db", str(quang_tri.path), "--split", "area"]) == 1
    assert "--split goes with --old-units" in capsys.readouterr().err


def test_a_dry_run_adds_no_historical_unit(quang_tri, tmp_path):
    path = _long_csv(tmp_path / "a.csv", _households(DAKRONG))
    report, stage = _import(quang_tri, [path], dry_run=True)
    assert report.added == 8 and stage.converted_values == 2  # 6 old values, 2 new
    assert {i.unit_code for i in report.preview} >= {"old:19564", "19564"}
    assert not quang_tri.has_history() and quang_tri.value_count() == 0
    assert "old:19564" not in quang_tri.unit_codes()
    _import(quang_tri, [path])  # and the real run after it
    assert quang_tri.value("19564", "HH_TOTAL", "2024").value == 2200
