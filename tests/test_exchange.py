"""Exports, templates and imports: formats, round trips, all-or-nothing, merges, conflicts."""

import csv
import io
import os
import re
import sqlite3
import subprocess
import sys
import time

import pytest
from openpyxl import load_workbook

from ictdesk.core.errors import IctdeskError
from ictdesk.core.exchange.common import (
    DHIS2_HEADER,
    LONG_HEADER,
    LONG_HEADER_BEFORE_FLAGS,
    ExportFailed,
    Selection,
)
from ictdesk.core.exchange.export import export
from ictdesk.core.exchange.importer import ImportRejected, detect_format, import_files
from ictdesk.core.exchange.template import write_template
from ictdesk.core.store import NOT_GIVEN, ValueStore, ValueWrite
from ictdesk.core.units import UnitLevel


def read_csv(path):
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.fixture
def fresh(tmp_path):
    path = tmp_path / "fresh.db"
    ValueStore.create(path, {"province_code": "25"})
    store = ValueStore.open(path)
    yield store
    store.close()


def test_long_export_round_trips_byte_for_byte(demo_store, fresh, tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    demo_store.set_followup("08740", "BTS_TOTAL", "2025Q4", True)
    demo_store.set_followup("04792", "POP_TOTAL", "2024Q1", True)
    demo_store.set_complete("08740", "2025Q4")
    demo_store.stored_by = "'=cán bộ"  # who completed it: escaped like comments
    demo_store.set_complete("04792", "2024Q3")
    demo_store.save_value("07900", "BTS_4G", "2025Q3", 12, comment="'trích' =1+1")
    link = '=HYPERLINK("http://evil.example","xem"), ok'
    demo_store.save_value("07900", "BTS_5G", "2025Q3", 2, comment=link)
    selection = Selection.build(unit="25", start="2024Q1", end="2025Q4")
    rows = export(demo_store, "long", selection, first)
    assert rows == 148 * 29 * 8
    raw = first.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert raw[3:].split(b"\r\n")[0] == ",".join(LONG_HEADER).encode()
    assert ",''trích' =1+1,".encode() in raw
    assert b',"\'=HYPERLINK(""http://evil.example"",""xem""), ok",' in raw
    report = import_files(fresh, [first])
    assert report.added == rows and report.written and report.completed == 2
    assert fresh.value("08740", "BTS_TOTAL", "2025Q4").followup
    assert fresh.value("07900", "BTS_4G", "2025Q3").comment == "'trích' =1+1"
    assert fresh.value("07900", "BTS_5G", "2025Q3").comment == link
    assert fresh.is_complete("08740", "2025Q4") and fresh.is_complete("04792", "2024Q3")
    export(fresh, "long", selection, second)
    assert second.read_bytes() == raw
    again = import_files(fresh, [first])  # a second time: nothing to do
    assert again.changes == 0 and again.unchanged == rows


def test_long_files_from_before_flags_and_completion_keep_importing(fresh, tmp_path):
    path = write_long(
        tmp_path / "old.csv",
        [row("08740", "BTS_TOTAL", "2025Q4", 36, "'kept as written")],
        header=LONG_HEADER_BEFORE_FLAGS,
    )
    assert detect_format(path) == "long"
    assert import_files(fresh, [path]).added == 1
    stored = fresh.value("08740", "BTS_TOTAL", "2025Q4")
    assert stored.comment == "'kept as written" and not stored.followup


def test_long_header_and_a_known_row(demo_store, tmp_path):
    path = tmp_path / "long.csv"
    demo_store.save_value("08740", "BTS_TOTAL", "2025Q4", 36, comment="=SUM(A1)")
    export(demo_store, "long", Selection.build(unit="08740", period="2025Q4"), path)
    rows = read_csv(path)
    assert tuple(rows[0]) == LONG_HEADER
    row = next(r for r in rows if r[2] == "BTS_TOTAL")
    assert row[:7] == [
        "08740",
        "Phường Phúc Yên",
        "BTS_TOTAL",
        "Tổng số trạm phát sóng (BTS)",
        "2025Q4",
        "36",
        "'=SUM(A1)",  # no live formula in a spreadsheet; the import takes the ' off again
    ]
    assert len(rows) == 1 + 29
    assert not any(r[2].endswith("_PCT") for r in rows[1:])  # no derived rates in long


def test_dhis2_export_uses_codes_and_dhis2_periods(demo_store, tmp_path):
    path = tmp_path / "dhis2.csv"
    demo_store.set_followup("08740", "BTS_TOTAL", "2025Q4", True)
    export(demo_store, "dhis2", Selection.build(unit="08740", period="2025Q4"), path)
    rows = read_csv(path)
    assert tuple(rows[0]) == DHIS2_HEADER
    row = next(r for r in rows if r[0] == "BTS_TOTAL")
    assert row[1:6] == [
        "2025Q4",
        "08740",
        "",
        "",
        str(demo_store.value("08740", "BTS_TOTAL", "2025Q4").value),
    ]
    assert row[9] == "true"
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("fmt", ["long", "dhis2", "dhis2-json"])
def test_an_empty_export_of_a_year_says_its_values_are_stored_by_month(store, tmp_path, fmt):
    """Monthly returns exported for their year: the formats of stored values write nothing,
    and say which periods hold the values and how to choose them."""
    store.save_values(
        [ValueWrite("08740", "BTS_TOTAL", f"2025{m:02d}", 30 + m) for m in range(1, 13)],
        source="form",
    )
    notices = []
    selection = Selection.build("25", "2025")
    assert export(store, fmt, selection, tmp_path / "out", notices=notices) == 0
    (notice,) = [n for n in notices if "2025" in n.en]
    assert "no value is stored for 2025 itself: its values are stored by month" in notice.en
    assert "(202501 to 202512)" in notice.en and "--from 202501 --to 202512." in notice.en
    assert "lưu theo tháng (từ 202501 đến 202512)" in notice.vi
    notices = []  # the months themselves: written, nothing to say
    assert export(store, fmt, Selection.build("25", None, "202501", "202512"), tmp_path / "m",
                  notices=notices) == 12  # fmt: skip
    assert not any("stored by" in n.en for n in notices)
    notices = []  # nothing finer either (another year): nothing to say
    assert export(store, fmt, Selection.build("25", "2024"), tmp_path / "y", notices=notices) == 0
    assert not any("stored by" in n.en for n in notices)


def test_the_empty_exports_advice_names_a_range_of_each_kind_that_exports(store, tmp_path):
    """Q1 entered as a quarter, the rest of the year by month: a range per kind of period,
    each one the command line takes and that exports the values; a DHIS2 file carries no
    comment alone, so a month holding only a comment is not advised for it."""
    store.save_values(
        [ValueWrite("08740", "BTS_TOTAL", "2025Q1", 5)]
        + [ValueWrite("08740", "BTS_TOTAL", f"2025{m:02d}", 30 + m) for m in range(4, 12)]
        + [ValueWrite("08740", "BTS_TOTAL", "202512", None, comment="chưa có số liệu")],
        source="form",
    )
    for fmt, last_month, months in (("long", "202512", 9), ("dhis2", "202511", 8)):
        notices = []
        assert (
            export(store, fmt, Selection.build("25", "2025"), tmp_path / fmt, notices=notices) == 0
        )
        (notice,) = [n for n in notices if "stored by" in n.en]
        assert f"by month (202504 to {last_month}) and by quarter (2025Q1)" in notice.en
        assert f"theo tháng (từ 202504 đến {last_month}) và theo quý (2025Q1)" in notice.vi
        advised = re.findall(r"--from (\S+) --to (\S+?)[ .]", notice.en)
        assert advised == [("202504", last_month), ("2025Q1", "2025Q1")]
        written = [
            export(store, fmt, Selection.build("25", None, first, last), tmp_path / "again")
            for first, last in advised
        ]
        assert written == [months, 1]


def test_wide_export_has_vietnamese_headers_rates_and_protected_text(demo_store, tmp_path):
    demo_store.add_unit(
        "=cmd|' /C calc'!A0",
        '=HYPERLINK("x")',
        UnitLevel.VILLAGE,
        "08740",
    )
    demo_store.save_value("=cmd|' /C calc'!A0", "BTS_TOTAL", "2025Q4", 1)
    path = tmp_path / "wide.csv"
    export(demo_store, "wide", Selection.build(unit="08740", period="2025Q4"), path)
    rows = read_csv(path)
    header = rows[0]
    assert header[:3] == ["Mã đơn vị", "Tên đơn vị", "Kỳ báo cáo"]
    assert "Tỷ lệ hộ có điện thoại thông minh (%) [SMARTPHONE_HH_PCT]" in header
    commune = next(r for r in rows if r[0] == "08740")
    hh = float(commune[header.index("Tổng số hộ gia đình (hộ) [HH_TOTAL]")])
    smart = float(commune[header.index("Số hộ có điện thoại thông minh (hộ) [HH_SMARTPHONE]")])
    rate = float(commune[header.index("Tỷ lệ hộ có điện thoại thông minh (%) [SMARTPHONE_HH_PCT]")])
    assert rate == pytest.approx(round(smart / hh * 100, 2))
    village = next(r for r in rows if "calc" in r[0])
    assert village[0].startswith("'=") and village[1].startswith("'=")


def test_wide_export_needs_one_period(demo_store, tmp_path):
    with pytest.raises(IctdeskError, match="one period"):
        export(demo_store, "wide", Selection.build(unit="25"), tmp_path / "w.csv")
    assert not (tmp_path / "w.csv").exists()


def test_xlsx_export_is_readable_with_numbers_as_numbers(demo_store, tmp_path):
    path = tmp_path / "book.xlsx"
    demo_store.add_unit(
        "X-1",
        "=1+1",
        UnitLevel.VILLAGE,
        "08740",
    )
    demo_store.save_value("X-1", "BTS_TOTAL", "2025Q4", 1)
    export(demo_store, "xlsx", Selection.build(unit="25", start="2025Q3", end="2025Q4"), path)
    book = load_workbook(path)
    assert book.sheetnames == ["Quý III-2025", "Quý IV-2025", "Chỉ tiêu"]
    sheet = book["Quý IV-2025"]
    assert sheet.freeze_panes == "C2"
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Mã đơn vị", "Tên đơn vị"]
    column = header.index("Tỷ lệ hộ có điện thoại thông minh (%)") + 1
    total_row = sheet.max_row
    assert sheet.cell(total_row, 2).value.startswith("Tổng cộng")
    expected = demo_store.aggregate("SMARTPHONE_HH_PCT", "25", "2025Q4")
    assert sheet.cell(total_row, column).value == pytest.approx(expected)
    assert sheet.cell(2, 3).number_format == "#,##0"
    assert isinstance(sheet.cell(2, 3).value, int)
    names = {sheet.cell(r, 2).value: sheet.cell(r, 2) for r in range(2, total_row)}
    assert names["=1+1"].data_type == "s"  # text, shown as typed: no formula, no '
    assert not [c for c in names.values() if c.data_type == "f"]


def test_a_year_exported_from_quarterly_values_is_aggregated_with_a_total(demo_store, tmp_path):
    wide = tmp_path / "year.csv"
    export(demo_store, "wide", Selection.build(period="2025"), wide)
    rows = read_csv(wide)
    column = next(i for i, title in enumerate(rows[0]) if title.endswith("[BTS_TOTAL]"))
    phuc_yen = next(r for r in rows if r[0] == "08740")
    assert phuc_yen[2] == "2025"
    stored_q4 = demo_store.value("08740", "BTS_TOTAL", "2025Q4").value
    assert phuc_yen[column] == str(stored_q4)  # a stock's year is its last quarter
    assert not [r for r in rows[1:] if not r[0]]  # no total row in a file made to be imported
    book_path = tmp_path / "year.xlsx"
    export(demo_store, "xlsx", Selection.build(period="2025"), book_path)
    sheet = load_workbook(book_path).worksheets[0]
    header = [c.value for c in sheet[1]]
    stations = header.index(next(h for h in header if h.startswith("Tổng số trạm"))) + 1
    last = sheet.max_row
    assert sheet.cell(last, 2).value == "Tổng cộng Phú Thọ"  # without --unit too
    communes = [sheet.cell(r, stations).value for r in range(2, last)]
    assert sum(v for v in communes if v) == sheet.cell(last, stations).value


def test_export_is_atomic_and_leaves_no_half_file(demo_store, tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("previous export")
    with pytest.raises(IctdeskError):
        export(demo_store, "long", Selection(indicators=["NOT_A_CODE"]), target)
    assert target.read_text() == "previous export"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]


def write_long(path, rows, header=LONG_HEADER, bom=True, newline="\r\n", delimiter=","):
    text = delimiter.join(header) + newline
    text += "".join(delimiter.join(map(str, r)) + newline for r in rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    # Under "newer wins" a row without updated_at is dated by the file's mtime. Linux stamps
    # mtimes from a coarse clock up to a tick behind the clock values are stamped with, so
    # a file written just after a save could read as older than it. Date it a second on.
    later = time.time() + 1
    os.utime(path, (later, later))
    return path


def row(unit, code, period, value, comment="", who="", when=""):
    return [unit, "", code, "", period, value, comment, who, when]


def test_one_bad_row_writes_nothing_and_the_report_names_it(fresh, tmp_path):
    path = write_long(
        tmp_path / "bad.csv",
        [
            row("08740", "BTS_TOTAL", "2025Q4", 36),
            row("08740", "BTS_4G", "2025Q4", "ba mươi"),
            row("08740", "BTS_5G", "2025Q4", 10),
        ],
    )
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [path])
    [problem] = caught.value.report.blocking
    assert (problem.file, problem.location, problem.column) == ("bad.csv", "row 3", "value")
    assert fresh.value_count() == 0
    report_csv = tmp_path / "report.csv"
    caught.value.report.write_csv(report_csv)
    assert read_csv(report_csv)[1][:4] == ["bad.csv", "row 3", "value", "error"]


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (row("99999", "BTS_TOTAL", "2025Q4", 1), "unknown unit"),
        (row("08740", "NOPE", "2025Q4", 1), "unknown indicator"),
        (row("08740", "COV_4G_PCT", "2025Q4", 1), "computed"),
        (row("08740", "BTS_TOTAL", "2025Q5", 1), "not a period"),
        (row("08740", "BTS_TOTAL", "2025Q4", -1), "less than"),
        (row("08740", "BTS_TOTAL", "2025Q4", 1.5), "whole number"),
        (row("08740", "BTS_TOTAL", "2025Q4", "12.5.1"), "machine format"),
        (row("08740", "BTS_TOTAL", "2025Q4", "1" + "0" * 21), "too large"),
    ],
)
def test_each_kind_of_bad_row_is_refused(fresh, tmp_path, bad, reason):
    path = write_long(tmp_path / "x.csv", [row("08740", "BTS_4G", "2025Q4", 3), bad])
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [path])
    assert reason in caught.value.report.blocking[0].reason
    assert fresh.value_count() == 0


def test_a_rule_violation_blocks_and_an_outlier_only_warns(fresh, tmp_path):
    fresh.save_value("08740", "BTS_TOTAL", "2025Q3", 10)
    breaking = write_long(
        tmp_path / "rule.csv",
        [row("08740", "BTS_TOTAL", "2025Q4", 40), row("08740", "BTS_5G", "2025Q4", 50)],
    )
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [breaking])
    assert "5G stations cannot exceed all stations" in caught.value.report.blocking[0].reason
    fine = write_long(tmp_path / "ok.csv", [row("08740", "BTS_TOTAL", "2025Q4", 40)])
    report = import_files(fresh, [fine])
    assert report.written and fresh.value("08740", "BTS_TOTAL", "2025Q4").value == 40
    assert [w.reason for w in report.warnings] and "changed by" in report.warnings[0].reason


def test_a_jump_is_warned_once_against_the_period_before_as_the_file_leaves_it(fresh, tmp_path):
    """Each value is compared with the period before as the import leaves it: the file's own
    value when it brings one, else the stored one. A year re-sent at ten times the stored
    months warns at January only; a file's own jump inside it is warned too."""
    for month in range(1, 13):
        fresh.save_value("08740", "BTS_TOTAL", f"2024{month:02d}", 30)
    fresh.save_value("08740", "BTS_TOTAL", "202312", 30)
    tenfold = [row("08740", "BTS_TOTAL", f"2024{m:02d}", 300) for m in range(1, 13)]
    report = import_files(fresh, [write_long(tmp_path / "year.csv", tenfold)])
    assert report.written and report.changed == 12
    assert [(w.location, "(30 → 300)" in w.reason) for w in report.warnings] == [("row 2", True)]
    inside = [row("08740", "BTS_TOTAL", "202501", 300), row("08740", "BTS_TOTAL", "202502", 3000)]
    report = import_files(fresh, [write_long(tmp_path / "inside.csv", inside)])
    assert [(w.location, "(300 → 3" in w.reason) for w in report.warnings] == [("row 3", True)]


def test_duplicates_within_a_file_are_refused(fresh, tmp_path):
    path = write_long(
        tmp_path / "dup.csv",
        [row("08740", "BTS_TOTAL", "2025Q4", 1), row("08740", "BTS_TOTAL", " 2025Q4", 2)],
    )
    with pytest.raises(ImportRejected, match="also given at dup.csv row 2"):
        import_files(fresh, [path])


def test_real_world_csv_variations_are_read(fresh, tmp_path):
    header = list(LONG_HEADER) + [""]
    rows = [
        row("08740", "BTS_TOTAL", "2025Q4", 36) + [""],
        row("07900", "BTS_TOTAL", "2025Q4", 12) + [""],
    ]
    path = write_long(
        tmp_path / "excel.csv",
        rows + [[""] * 10, [""] * 9, [""] * 10],
        header=header,
        bom=False,
        newline="\n",
        delimiter=";",
    )
    assert detect_format(path) == "long"
    report = import_files(fresh, [path])
    assert report.added == 2
    assert fresh.value("07900", "BTS_TOTAL", "2025Q4").value == 12


def test_wide_csv_takes_vietnamese_numbers_and_refuses_ambiguous_ones(fresh, demo_store, tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(
        "\ufeffMã đơn vị;Tên đơn vị;Kỳ báo cáo;Dân số (người) [POP_TOTAL];"
        "Số hộ (hộ) [HH_TOTAL];Tỷ lệ [SMARTPHONE_HH_PCT]\n"
        "08740;Phường Phúc Yên;2025Q4;12.500;3.100;83,6\n",
        encoding="utf-8",
    )
    assert detect_format(path) == "wide"
    report = import_files(fresh, [path])
    assert fresh.value("08740", "POP_TOTAL", "2025Q4").value == 12500
    assert fresh.value("08740", "HH_TOTAL", "2025Q4").value == 3100
    assert fresh.value("08740", "SMARTPHONE_HH_PCT", "2025Q4") is None  # rates are recomputed
    assert report.added == 2


def test_unknown_files_are_refused_with_one_line(fresh, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("hello,world\n1,2\n")
    with pytest.raises(IctdeskError, match="not a file ictdesk can import"):
        import_files(fresh, [path])


def commune_file(tmp_path, name, unit, value):
    return write_long(
        tmp_path / name,
        [row(unit, "BTS_TOTAL", "2026Q1", value), row(unit, "BTS_4G", "2026Q1", value - 1)],
    )


def test_merging_three_commune_files_in_one_call(fresh, tmp_path):
    files = [
        commune_file(tmp_path, "phuc_yen.csv", "08740", 36),
        commune_file(tmp_path, "viet_tri.csv", "07900", 20),
        commune_file(tmp_path, "tan_hoa.csv", "04792", 15),
    ]
    report = import_files(fresh, files)
    assert report.added == 6 and report.files == ["phuc_yen.csv", "viet_tri.csv", "tan_hoa.csv"]
    assert fresh.aggregate("BTS_TOTAL", "25", "2026Q1") == 71
    [audit] = fresh.history("07900", "BTS_TOTAL", "2026Q1")
    assert (audit.source, audit.detail) == ("import", "viet_tri.csv")


def test_conflict_modes(fresh, tmp_path):
    fresh.save_value("08740", "BTS_TOTAL", "2025Q4", 30)  # stored now
    old = write_long(
        tmp_path / "old.csv",
        [row("08740", "BTS_TOTAL", "2025Q4", 31, "", "xa", "2020-01-01T00:00:00Z")],
    )
    new = write_long(
        tmp_path / "new.csv",
        [row("08740", "BTS_TOTAL", "2025Q4", 32, "", "xa", "2099-01-01T00:00:00Z")],
    )
    report = import_files(fresh, [old])  # default newer: the stored value is newer
    assert (report.skipped, report.changed) == (1, 0)
    assert fresh.value("08740", "BTS_TOTAL", "2025Q4").value == 30
    report = import_files(fresh, [old], on_conflict="keep")
    assert report.skipped == 1
    report = import_files(fresh, [old], on_conflict="overwrite")
    assert report.changed == 1 and fresh.value("08740", "BTS_TOTAL", "2025Q4").value == 31
    report = import_files(fresh, [new])
    assert report.changed == 1 and fresh.value("08740", "BTS_TOTAL", "2025Q4").value == 32
    assert import_files(fresh, [new]).unchanged == 1


def test_dry_run_writes_nothing(fresh, tmp_path):
    path = commune_file(tmp_path, "c.csv", "08740", 5)
    report = import_files(fresh, [path], dry_run=True)
    assert report.added == 2 and not report.written
    assert fresh.value_count() == 0


def commune_template(store, tmp_path, edit):
    """Phúc Yên's fill-in template for 2026Q1, its sheet changed by ``edit(sheet)``."""
    path = tmp_path / "template.xlsx"
    write_template(store, "08740", "2026Q1", path)
    book = load_workbook(path)
    edit(book[book.sheetnames[1]])
    book.save(path)
    return path


def test_a_template_formula_without_a_saved_result_is_an_error(demo_store, fresh, tmp_path):
    def fill(sheet):
        sheet["F6"] = "=E6+100"  # as a script writes it: no computed value is saved
        sheet["F7"] = 26000

    path = commune_template(demo_store, tmp_path, fill)
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [path])
    [problem] = caught.value.report.blocking
    assert (
        problem.location.endswith("!F6") and "formula without a computed result" in problem.reason
    )
    assert fresh.value_count() == 0


def test_a_template_whose_indicator_code_was_changed_is_refused(demo_store, fresh, tmp_path):
    sent = []

    def change_code(sheet):
        sent.append(sheet["B6"].value)
        sheet.protection.sheet = False  # as someone who wanted another row would do
        sheet["B6"] = "POP_ADULT"
        sheet["F6"] = 30000

    path = commune_template(demo_store, tmp_path, change_code)
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [path])
    [problem] = caught.value.report.blocking
    assert problem.location.endswith("!B6") and f"the template had {sent[0]}" in problem.reason
    assert fresh.value_count() == 0


def test_template_has_a_sheet_per_commune_and_imports_back(demo_store, fresh, tmp_path):
    path = tmp_path / "template.xlsx"
    assert write_template(demo_store, "25", "2026Q1", path) == 148
    book = load_workbook(path)
    assert book["ictdesk"].sheet_state == "hidden"
    sheet = book[book.sheetnames[1]]
    assert sheet["D2"].value == "04792" and sheet["D3"].value == "2026Q1"
    assert (
        sheet.protection.sheet
        and not sheet["F6"].protection.locked
        and sheet["E6"].protection.locked
    )
    # each kind of cell: boxed; the period before and this one as #,##0; only F and G yellow
    # and open to typing (given as named styles)
    for cell in sheet[6]:
        assert cell.border.left.style == "thin", cell.coordinate
        open_ = cell.column_letter in "FG"
        assert cell.protection.locked is not open_, cell.coordinate
        assert (cell.fill.fgColor.rgb == "00FFF9DB") is open_, cell.coordinate
        assert (cell.number_format == "#,##0") is (cell.column_letter in "EF"), cell.coordinate
        assert cell.font.name == "Calibri" and not cell.font.b
    assert sheet["B6"].value == "POP_TOTAL"
    assert sheet["E6"].value == demo_store.value("04792", "POP_TOTAL", "2025Q4").value
    assert sheet.data_validations.dataValidation
    sheet["F6"] = 36100
    sheet["F7"] = "26.400"  # a number typed as Vietnamese text
    sheet["G6"] = "Theo số liệu công an xã"
    other = book[book.sheetnames[2]]
    other["F10"] = 40
    book.save(path)
    assert detect_format(path) == "template"
    report = import_files(fresh, [path])
    assert report.added == 3
    stored = fresh.value("04792", "POP_TOTAL", "2026Q1")
    assert stored.value == 36100 and stored.comment == "Theo số liệu công an xã"
    assert fresh.value("04792", "POP_ADULT", "2026Q1").value == 26400


def test_a_template_sheet_cannot_write_another_communes_values(demo_store, fresh, tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(demo_store, "25", "2026Q1", path)
    book = load_workbook(path)
    sheet = book[book.sheetnames[1]]
    sheet["D2"] = "08740"  # someone retyped the unit code
    sheet["F6"] = 100
    book.save(path)
    with pytest.raises(ImportRejected, match="made for unit 04792"):
        import_files(fresh, [path])
    assert fresh.value_count() == 0


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "ictdesk", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_export_import_and_report(demo_db, tmp_path):
    out = tmp_path / "wide.csv"
    done = run_cli(
        "export",
        "--db",
        demo_db,
        "--format",
        "wide",
        "--period",
        "2025Q4",
        "--unit",
        "25",
        "-o",
        out,
    )
    assert done.returncode == 0, done.stderr
    target = tmp_path / "t.db"
    assert run_cli("init", "--db", target, "--province", "25").returncode == 0
    bad = write_long(tmp_path / "bad.csv", [row("08740", "BTS_TOTAL", "2025Q4", "x")])
    report = tmp_path / "problems.csv"
    done = run_cli("import", bad, "--db", target, "--report", report)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("ictdesk: error: nothing imported")
    assert "Traceback" not in done.stderr
    assert read_csv(report)[1][:2] == ["bad.csv", "row 2"]
    done = run_cli("import", out, "--db", target)
    assert done.returncode == 0, done.stderr
    assert "4292 added" in done.stdout
    done = run_cli(
        "template", "--db", target, "--unit", "25", "--period", "2026Q1", "-o", tmp_path / "t.xlsx"
    )
    assert done.returncode == 0 and (tmp_path / "t.xlsx").exists()


def test_no_output_lands_on_a_database_or_through_a_link_onto_something_else(
    demo_db, demo_store, tmp_path
):
    before = demo_db.read_bytes()
    selection = Selection(None, ["2025Q4"])
    with pytest.raises(ExportFailed, match="is a database"):
        export(demo_store, "long", selection, demo_db)
    done = run_cli("report", "--db", demo_db, "--unit", "25", "--period", "2025Q4", "-o", demo_db)
    assert done.returncode == 1 and "is a database" in done.stderr
    assert demo_db.read_bytes() == before
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    export(demo_store, "long", Selection("08740", ["2025Q4"]), link)
    assert link.is_symlink() and real.read_text(encoding="utf-8-sig").startswith("unit_code,")
    with pytest.raises(ExportFailed, match="not a regular file"):
        export(demo_store, "long", selection, tmp_path)


def test_import_checks_its_report_path_before_importing(tmp_path):
    target = tmp_path / "t.db"
    ValueStore.create(target, {"province_code": "25"})
    good = write_long(tmp_path / "good.csv", [row("08740", "BTS_TOTAL", "2025Q4", 3)])
    for report in (tmp_path / "missing" / "r.csv", good, target):
        done = run_cli("import", good, "--db", target, "--report", report)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert good.read_text(encoding="utf-8-sig").startswith("unit_code,")
    store = ValueStore.open(target)
    try:
        assert store.value_count() == 0  # nothing imported: the report could not be written
    finally:
        store.close()


def test_a_quote_left_open_is_a_clear_error(fresh, tmp_path):
    lines = [",".join(LONG_HEADER), '08740,"Phúc Yên,BTS_TOTAL,,2025Q4,1,,,']
    lines += ["08740,,BTS_4G,,2025Q4,1,,,"] * 20000  # swallowed into one field over 128 KB
    path = tmp_path / "open.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(IctdeskError, match=r"open.csv row 2: a quote \(\"\) opens here"):
        import_files(fresh, [path])
    assert fresh.value_count() == 0


def test_problems_name_the_column_at_fault_once_per_row(fresh, tmp_path):
    path = write_long(
        tmp_path / "b.csv",
        [
            row("99999", "BTS_TOTAL", "2025Q4", 1),
            row("08740", "NOPE", "2025Q4", 1),
            row("08740", "BTS_TOTAL", "2021-03", 1),
            row("08740", "BTS_4G", "2025Q4", 1, when="yesterday"),
            row("08740", "BTS_5G", "2025Q4", -1),
        ],
    )
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [path])
    assert [(p.location, p.column) for p in caught.value.report.blocking] == [
        ("row 2", "unit_code"),
        ("row 3", "indicator_code"),
        ("row 4", "period"),
        ("row 5", "updated_at"),
        ("row 6", "value"),
    ]
    wide = tmp_path / "w.csv"
    wide.write_text(
        "Mã đơn vị,Tên đơn vị,Kỳ báo cáo,Số trạm [BTS_TOTAL],Trạm 4G [BTS_4G]\n"
        "08740,Phúc Yên,,10,9\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [wide])
    [problem] = caught.value.report.blocking  # one for the row, not one per value
    assert (problem.location, problem.column) == ("row 2", "Kỳ báo cáo")


def test_rates_are_never_imported_or_exported_as_entered_values_without_a_word(
    demo_store, fresh, tmp_path
):
    wide = tmp_path / "rate.csv"
    wide.write_text(
        "Mã đơn vị,Tên đơn vị,Kỳ báo cáo,Tỷ lệ [SMARTPHONE_HH_PCT]\n08740,Phúc Yên,2025Q4,90\n",
        encoding="utf-8",
    )
    report = import_files(fresh, [wide])
    [warning] = report.warnings
    assert "not imported" in warning.reason and warning.column == "Tỷ lệ [SMARTPHONE_HH_PCT]"
    assert report.added == 0
    selection = Selection.build(None, "2025Q4", indicators="BTS_TOTAL,SMARTPHONE_HH_PCT")
    for fmt in ("long", "dhis2"):
        with pytest.raises(ExportFailed, match="SMARTPHONE_HH_PCT: computed"):
            export(demo_store, fmt, selection, tmp_path / f"x.{fmt}")
    assert export(demo_store, "wide", selection, tmp_path / "x.csv") > 0
    own = tmp_path / "own.csv"  # ictdesk's own wide CSV: its rates are made of its columns
    export(demo_store, "wide", Selection.build("08740", "2025Q4"), own)
    assert import_files(fresh, [own]).warnings == []


def test_returned_files_of_one_name_in_two_folders_are_told_apart(fresh, tmp_path):
    (tmp_path / "phuc_yen").mkdir()
    (tmp_path / "viet_tri").mkdir()
    first = write_long(
        tmp_path / "phuc_yen" / "bieu-mau.csv", [row("08740", "BTS_TOTAL", "2025Q4", 1)]
    )
    second = write_long(
        tmp_path / "viet_tri" / "bieu-mau.csv", [row("08740", "BTS_TOTAL", "2025Q4", 2)]
    )
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [first, second])
    [problem] = caught.value.report.blocking
    assert problem.file == "viet_tri/bieu-mau.csv"
    assert "also given at phuc_yen/bieu-mau.csv row 2" in problem.reason
    with pytest.raises(IctdeskError, match="given twice"):
        import_files(fresh, [first, tmp_path / "phuc_yen" / ".." / "phuc_yen" / "bieu-mau.csv"])


def test_a_period_and_a_range_together_are_refused():
    with pytest.raises(IctdeskError, match="not both"):
        Selection.build(None, "2025Q4", "2025Q1", "2025Q4")


def test_unit_codes_that_lost_their_leading_zero_in_a_spreadsheet_are_recognised(fresh, tmp_path):
    path = tmp_path / "resaved.csv"
    path.write_text(
        "Mã đơn vị,Tên đơn vị,Kỳ báo cáo,Số trạm [BTS_TOTAL]\n4792,Phường Tân Hòa,2025Q4,32\n",
        encoding="utf-8",
    )
    import_files(fresh, [path])
    assert fresh.value("04792", "BTS_TOTAL", "2025Q4").value == 32


def test_a_value_given_in_two_commune_files_is_refused_at_the_second(fresh, tmp_path):
    first = write_long(tmp_path / "a.csv", [row("08740", "BTS_TOTAL", "2025Q4", 1)])
    second = write_long(
        tmp_path / "b.csv",
        [row("07900", "BTS_TOTAL", "2025Q4", 3), row("08740", "BTS_TOTAL", "2025Q4 ", 2)],
    )
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [first, second])
    [problem] = caught.value.report.blocking
    assert (problem.file, problem.location) == ("b.csv", "row 3")
    assert "also given at a.csv row 2" in problem.reason
    assert fresh.value_count() == 0


def test_rules_see_the_stored_values_the_file_does_not_replace(fresh, tmp_path):
    fresh.save_value("08740", "BTS_TOTAL", "2025Q4", 10)
    too_many = write_long(tmp_path / "5g.csv", [row("08740", "BTS_5G", "2025Q4", 20)])
    with pytest.raises(ImportRejected, match="5G stations cannot exceed all stations"):
        import_files(fresh, [too_many])
    both = write_long(
        tmp_path / "both.csv",
        [row("08740", "BTS_TOTAL", "2025Q4", 40), row("08740", "BTS_5G", "2025Q4", 20)],
    )
    report = import_files(fresh, [both], on_conflict="overwrite")
    assert (report.added, report.changed) == (1, 1)
    assert fresh.value("08740", "BTS_5G", "2025Q4").value == 20


def test_rules_check_a_stored_value_against_the_other_side_the_file_brings(fresh, tmp_path):
    fresh.save_value("08740", "BTS_5G", "2025Q4", 20)
    fresh.save_value("08740", "BTS_TOTAL", "2025Q4", 30)
    fewer = write_long(tmp_path / "total.csv", [row("08740", "BTS_TOTAL", "2025Q4", 10)])
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [fewer], on_conflict="overwrite")
    [problem] = caught.value.report.blocking
    assert (problem.file, problem.location) == ("total.csv", "row 2")
    assert "5G stations cannot exceed all stations. (20 > 10)" in problem.reason
    assert fresh.value("08740", "BTS_TOTAL", "2025Q4").value == 30
    cleared = write_long(tmp_path / "clear.csv", [row("08740", "BTS_5G", "2025Q4", "")])
    enough = write_long(tmp_path / "enough.csv", [row("08740", "BTS_TOTAL", "2025Q4", 10)])
    report = import_files(fresh, [cleared, enough], on_conflict="overwrite")
    assert report.written and fresh.value("08740", "BTS_5G", "2025Q4") is None


def test_text_that_reads_like_the_staging_marker_for_nothing_is_kept(fresh, tmp_path):
    marked = row("08740", "BTS_TOTAL", "2025Q4", 3, str(NOT_GIVEN), str(NOT_GIVEN))
    import_files(fresh, [write_long(tmp_path / "m.csv", [marked])])
    stored = fresh.value("08740", "BTS_TOTAL", "2025Q4")
    assert (stored.comment, stored.stored_by) == ("-1", "-1")


def test_importing_the_same_file_again_changes_nothing(fresh, tmp_path):
    path = commune_file(tmp_path, "c.csv", "08740", 5)
    import_files(fresh, [path])
    audit_rows = len(fresh.history("08740", "BTS_TOTAL", "2026Q1"))
    report = import_files(fresh, [path])
    assert (report.added, report.changed, report.unchanged) == (0, 0, 2)
    assert report.summary().startswith("imported:") and not report.written
    assert len(fresh.history("08740", "BTS_TOTAL", "2026Q1")) == audit_rows


def test_a_rejected_import_leaves_nothing_staged_for_the_next_save(fresh, tmp_path):
    path = write_long(
        tmp_path / "bad.csv",
        [row("08740", "BTS_TOTAL", "2025Q4", 36), row("08740", "BTS_4G", "2025Q4", "x")],
    )
    with pytest.raises(ImportRejected):
        import_files(fresh, [path])
    fresh.save_value("07900", "BTS_TOTAL", "2025Q4", 3)
    assert fresh.value_count() == 1 and fresh.value("08740", "BTS_TOTAL", "2025Q4") is None


def test_a_bulk_import_rebuilds_the_by_indicator_index(fresh, tmp_path, monkeypatch):
    import ictdesk.core.store.staging as store_module

    monkeypatch.setattr(store_module, "BULK_WRITE", 2)
    path = commune_file(tmp_path, "c.csv", "08740", 5)
    assert import_files(fresh, [path]).added == 2
    [count] = fresh.db.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'data_values_by_indicator'"
    ).fetchone()
    assert count == 1
    assert fresh.aggregate("BTS_4G", "25", "2026Q1") == 4
    assert fresh.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_import_leaves_the_connection_as_it_found_it(fresh, tmp_path):
    def settings():
        return [
            fresh.db.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("foreign_keys", "synchronous", "cache_size")
        ]

    before = settings()
    assert before[:2] == [1, 2]  # foreign keys enforced, synchronous FULL: as every save
    import_files(fresh, [commune_file(tmp_path, "c.csv", "08740", 5)])
    assert settings() == before
    assert fresh.db.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        fresh.db.execute(
            "INSERT INTO data_values (unit_code, indicator_code, period, value, updated_at)"
            " VALUES ('08740', 'NO_SUCH_CODE', '2026Q1', 1, '2026-01-01')"
        )


def test_the_preview_lists_what_would_be_written(fresh, tmp_path):
    path = commune_file(tmp_path, "c.csv", "08740", 5)
    report = import_files(fresh, [path], dry_run=True)
    assert [(i.indicator_code, i.value, i.location) for i in report.preview] == [
        ("BTS_4G", 4, "row 3"),
        ("BTS_TOTAL", 5, "row 2"),
    ]
    assert report.preview[0].where("vi") == "c.csv dòng 3"
    assert report.preview[0].where("en") == "c.csv row 3"
    assert report.preview[0].unit_name == "Phường Phúc Yên"
    assert [i.stored for i in report.preview] == [None, None]
    fresh.save_value("08740", "BTS_TOTAL", "2026Q1", 3)
    report = import_files(fresh, [path], dry_run=True, on_conflict="overwrite")
    assert [(i.indicator_code, i.value, i.stored) for i in report.preview] == [
        ("BTS_4G", 4, None),
        ("BTS_TOTAL", 5, 3),
    ]


def test_long_export_quotes_text_exactly_as_the_csv_module_does(fresh, tmp_path):
    from ictdesk.core.store import ValueWrite

    fresh.stored_by = 'Nguyễn, "Bé"'
    fresh.save_values(
        [
            ValueWrite("08740", "BTS_TOTAL", "2025Q4", 3, 'a, b "c"\r\nd'),
            ValueWrite("08740", "BTS_4G", "2025Q4", 2, "line\nbreak"),
            ValueWrite("08740", "BTS_5G", "2025Q4", None, "only a comment"),
        ],
        source="form",
    )
    path = tmp_path / "long.csv"
    assert export(fresh, "long", Selection(), path) == 3
    expected = io.StringIO(newline="")
    writer = csv.writer(expected, lineterminator="\r\n")
    writer.writerow(LONG_HEADER)
    for unit, code, period, value, comment, who, when in fresh.db.execute(
        "SELECT unit_code, indicator_code, period, value, comment, stored_by, updated_at"
        " FROM data_values ORDER BY unit_code, period, indicator_code"
    ):
        name = fresh.catalogue[code].name_vi
        writer.writerow(
            [unit, "Phường Phúc Yên", code, name, period, value, comment, who, when]
            + ["false", "", ""]
        )
    assert path.read_bytes() == ("\ufeff" + expected.getvalue()).encode("utf-8")
    again = tmp_path / "again.db"
    ValueStore.create(again, {"province_code": "25"})
    copy = ValueStore.open(again)
    try:
        assert import_files(copy, [path]).added == 3
        assert copy.value("08740", "BTS_TOTAL", "2025Q4").comment == 'a, b "c"\r\nd'
        assert copy.value("08740", "BTS_5G", "2025Q4").value is None
    finally:
        copy.close()


def test_a_problem_found_after_staging_names_the_wide_column(fresh, tmp_path):
    header = "Mã đơn vị;Tên đơn vị;Kỳ báo cáo;Số trạm [BTS_TOTAL];Trạm 5G [BTS_5G]\n"
    first = tmp_path / "a.csv"
    first.write_text(header + "08740;Phúc Yên;2025Q4;10;20\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text(header + "07900;Việt Trì;2025Q4;5;1\n08740;Phúc Yên;2025Q4;;3\n", "utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [first, second])
    by_file = {(p.file, p.location): p for p in caught.value.report.blocking}
    rule = by_file[("a.csv", "row 2")]  # 5G stations above all stations
    assert rule.column in ("Số trạm [BTS_TOTAL]", "Trạm 5G [BTS_5G]")
    duplicate = by_file[("b.csv", "row 3")]
    assert duplicate.column == "Trạm 5G [BTS_5G]" and "a.csv row 2" in duplicate.reason


def test_a_unit_code_of_digits_int_refuses_is_read_as_given():
    from ictdesk.core.units import code_readings

    # "²" is a digit to str.isdigit() but not to int(): the import once crashed on a
    # template cell holding "²" (found by test_fuzzed_templates_never_escape)
    assert code_readings("²") == ["²"]
    assert code_readings("x²") == ["x²"]
    assert code_readings(" 4792 ") == ["4792", "04792", "4792"]


def test_a_whole_quarter_over_reported_months_is_imported_with_a_warning(fresh, tmp_path):
    """A quarter where the commune reports months would be used instead of them in every
    sum: the import says so at the row (a warning; the value is still imported if wanted)."""
    for month in ("202510", "202511", "202512"):
        fresh.save_value("08740", "BTS_TOTAL", month, 30)
    fresh.save_value("07900", "BTS_TOTAL", "2025Q4", 5)
    rows = [
        row("08740", "BTS_TOTAL", "2025Q4", 31),  # over its months: warned
        row("08740", "BTS_4G", "2025Q4", 20),  # no month holds it: quiet
        row("07900", "BTS_TOTAL", "2025Q4", 6),  # the quarter is stored itself: quiet
        row("07900", "APPS_TOTAL", "2025", 90),  # the year and one of its months, both in it
        row("07900", "APPS_TOTAL", "202503", 9),
    ]
    report = import_files(fresh, [write_long(tmp_path / "q.csv", rows)], dry_run=True)
    assert not report.blocking
    assert [(w.location, w.reason.split(":")[0]) for w in report.warnings] == [
        ("row 2", "08740 2025Q4"),
        ("row 5", "07900 2025"),
    ]
    assert "every total uses this value instead of theirs" in report.warnings[0].reason
    assert report.warnings[0].text("vi").endswith("hãy bỏ dòng này")
    monthly = [row("08740", "BTS_TOTAL", "202601", 30)]
    assert not import_files(fresh, [write_long(tmp_path / "m.csv", monthly)]).warnings


def test_months_imported_under_a_stored_quarter_are_warned(fresh, tmp_path):
    """The other way round: months under a quarter the unit holds as a whole are hidden by
    it in every sum; once a row, naming every whole period over it; not when the same file
    clears the quarter."""
    fresh.save_value("08740", "BTS_TOTAL", "2025Q4", 30)
    fresh.save_value("07900", "APPS_TOTAL", "2025", 100)
    fresh.save_value("07900", "APPS_TOTAL", "2025S1", 60)
    fresh.save_value("07900", "BTS_4G", "2025Q3", 4)
    rows = [
        row("08740", "BTS_TOTAL", "202511", 31),  # under the stored Q4: warned
        row("08740", "BTS_4G", "202511", 20),  # Q4 holds no 4G value: quiet
        row("07900", "APPS_TOTAL", "2025Q2", 9),  # under the stored half and year: warned
        row("07900", "BTS_TOTAL", "202511", 2),
        row("07900", "BTS_4G", "2025Q3", ""),  # Q3 cleared by the file itself...
        row("07900", "BTS_4G", "202508", 4),  # ...so its months hide under nothing
    ]
    report = import_files(fresh, [write_long(tmp_path / "m.csv", rows)], dry_run=True)
    assert [(w.location, w.reason.split(":")[0]) for w in report.warnings] == [
        ("row 2", "08740 202511"),
        ("row 4", "07900 2025Q2"),
    ]
    assert (
        report.warnings[0]
        .text("vi")
        .startswith(
            "08740 202511: đơn vị đã có số liệu cả Quý IV/2025; khi tổng hợp, số đó được dùng thay"
            " cho số Tháng 11/2025"
        )
    )
    assert "cả 6 tháng đầu năm 2025, Năm 2025;" in report.warnings[1].text("vi")
