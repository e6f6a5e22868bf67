"""Printed summary sheets: content (Σ/Σ totals, Vietnamese numbers) and the PDF itself."""

import re
import shutil
import subprocess
import sys
from datetime import date

import pytest

from ictdesk.core.numbers import format_number
from ictdesk.core.report import rollup_sheet, unit_sheet
from ictdesk.core.report_frame import (
    NATION,
    number_line,
    place_and_date,
    place_name,
    save_sheet_settings,
    sheet_settings,
)
from ictdesk.core.units import Unit, UnitLevel

pdftotext = shutil.which("pdftotext")
NEEDS_POPPLER = "pdftotext (poppler-utils) is needed; .ci/run installs it"


def pdf_text(path, *pages):
    assert pdftotext is not None, NEEDS_POPPLER
    first_last = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    return subprocess.run(
        [pdftotext, *first_last, "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout


def pdf_pages_and_size(path):
    """Page count and the first page's MediaBox, read from the PDF bytes (no poppler)."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    return pages, (round(float(box.group(1))), round(float(box.group(2))))


@pytest.mark.parametrize("month", range(1, 13))
def test_days_and_months_below_ten_take_a_leading_zero(month):
    for day in (*range(1, 10), 10, 28):
        text = place_and_date("Phú Thọ", date(2026, month, day))
        assert text == f"Phú Thọ, ngày {day:02d} tháng {month:02d} năm 2026"
        assert re.fullmatch(r"Phú Thọ, ngày \d\d tháng \d\d năm 2026", text)
    assert place_and_date("Phú Thọ", date(2026, 3, 5)) == "Phú Thọ, ngày 05 tháng 03 năm 2026"
    english = place_and_date("Phú Thọ", date(2026, month, 5), "en")
    assert re.fullmatch(r"Phú Thọ, 05 [A-Z][a-z]+ 2026", english)


def test_the_place_is_the_issuing_bodys_and_named_in_full_where_the_decree_says():
    def unit(name, level=UnitLevel.COMMUNE):
        return Unit("00001", name, level)

    assert place_name(unit("Phường Phúc Yên")) == "Phúc Yên"
    assert place_name(unit("Xã Hướng Hiệp")) == "Hướng Hiệp"
    assert place_name(unit("Đặc khu Phú Quốc")) == "Phú Quốc"
    assert place_name(unit("Phường 2 Bảo Lộc")) == "Phường 2 Bảo Lộc"  # named with a number
    assert place_name(unit("Phú Thọ", UnitLevel.PROVINCE)) == "Phú Thọ"
    assert place_name(unit("Thành phố Hà Nội", UnitLevel.PROVINCE)) == "Hà Nội"
    city = unit("Thành phố Hồ Chí Minh", UnitLevel.PROVINCE)
    assert place_name(city) == "Thành phố Hồ Chí Minh"  # named after a person


def test_the_number_line_leaves_room_for_a_number_written_by_hand():
    assert re.fullmatch(r"Số: {6,}/BC-UBND", number_line("", "UBND"))
    assert number_line("5", "UBND") == "Số: 05/BC-UBND"
    assert number_line("123", "SKHCN") == "Số: 123/BC-SKHCN"
    assert number_line("7", "", "en") == "No.: 07/BC"


def test_unit_sheet_has_every_indicator_by_pillar_with_vietnamese_numbers(demo_store):
    sheet = unit_sheet(demo_store, "08740", "2025Q4", date(2026, 1, 10))
    header = sheet.header
    assert header.agency == "ỦY BAN NHÂN DÂN PHƯỜNG PHÚC YÊN"
    assert header.place_date == "Phúc Yên, ngày 10 tháng 01 năm 2026"  # the commune's place
    assert re.fullmatch(r"Số: +/BC-UBND", header.number)
    assert [s.titles for s in header.signers] == [("NGƯỜI LẬP BIỂU",), ("THỦ TRƯỞNG ĐƠN VỊ",)]
    assert header.recipients_title == "Nơi nhận:"
    assert header.recipients == ("- Sở Khoa học và Công nghệ tỉnh Phú Thọ;", "- Lưu: VT.")
    province = unit_sheet(demo_store, "25", "2025Q4", date(2026, 1, 10)).header
    assert province.place_date == "Phú Thọ, ngày 10 tháng 01 năm 2026"
    assert (province.parent_agency, province.agency) == (
        "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    )
    assert province.number.endswith("/BC-SKHCN")
    groups = [r.name for r in sheet.rows if r.group]
    assert groups == ["DÂN SỐ", "HẠ TẦNG SỐ", "CHÍNH QUYỀN SỐ", "KINH TẾ SỐ", "XÃ HỘI SỐ"]
    assert len([r for r in sheet.rows if not r.group]) == 44
    population = next(r for r in sheet.rows if r.name == "Dân số")
    expected = demo_store.value("08740", "POP_TOTAL", "2025Q4").value
    assert population.cells[1] == format_number(expected) and "." in population.cells[1]
    rate = next(r for r in sheet.rows if r.name == "Tỷ lệ dân số được phủ sóng 5G")
    assert "," in rate.cells[1] and rate.cells[3] == "50,0"  # the demo's 2025 target
    before, now = (demo_store.aggregate("COV_5G_PCT", "08740", p) for p in ("2025Q3", "2025Q4"))
    assert rate.cells[2] == f"+{format_number(round(now - before, 1), 1)} điểm"  # points
    assert population.cells[2].endswith("%")  # a count changes in per cent
    changes = [r.cells[2] for r in sheet.rows if not r.group]
    assert not [c for c in changes if c.startswith(("+0,0", "-0,0"))]


def test_an_english_sheet_has_english_words_and_numbers(demo_store):
    sheet = unit_sheet(demo_store, "08740", "2025Q4", date(2026, 3, 5), language="en")
    header = sheet.header
    assert (header.nation, header.motto) == (
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
    )
    assert header.agency == "PEOPLE'S COMMITTEE OF PHÚC YÊN WARD"
    assert header.parent_agency == "PEOPLE'S COMMITTEE OF PHÚ THỌ PROVINCE"
    assert header.place_date == "Phúc Yên, 05 March 2026"
    assert header.number.startswith("No.:") and header.recipients_title == "Recipients:"
    assert [s.titles for s in header.signers] == [("PREPARED BY",), ("HEAD OF UNIT",)]
    assert sheet.columns[:3] == ("No.", "Indicator", "Unit of measure")
    assert [r.name for r in sheet.rows if r.group][0] == "POPULATION"
    population = next(r for r in sheet.rows if r.name == "Population")
    expected = demo_store.value("08740", "POP_TOTAL", "2025Q4").value
    assert population.cells[1] == format_number(expected, language="en")
    assert "," in population.cells[1]
    rate = next(r for r in sheet.rows if r.name.startswith("5G population"))
    assert rate.cells[2].endswith(" points") and "." in rate.cells[1]
    rollup = rollup_sheet(demo_store, "25", "2025Q4", language="en")
    assert rollup.rows[-1].name == "TOTAL" and rollup.columns[1] == "Unit"
    assert "numerators" in rollup.notes[0]


def test_missing_values_print_as_a_dash_never_zero(store):
    sheet = unit_sheet(store, "08740", "2025Q4")
    cells = [c for r in sheet.rows if not r.group for c in r.cells]
    assert set(cells) == {"–"}


def test_rollup_total_of_a_rate_is_sum_over_sum(store):
    store.save_value("08740", "HH_TOTAL", "2025Q4", 1000)
    store.save_value("08740", "HH_SMARTPHONE", "2025Q4", 900)
    store.save_value("07900", "HH_TOTAL", "2025Q4", 3000)
    store.save_value("07900", "HH_SMARTPHONE", "2025Q4", 1500)
    sheet = rollup_sheet(store, "25", "2025Q4")
    column = sheet.columns.index("Tỷ lệ hộ có điện thoại thông minh (%)") - 2
    total = sheet.rows[-1]
    assert total.total and total.name == "TỔNG CỘNG"
    assert total.cells[column] == "60,0"  # 2400 / 4000, not the mean of 90 and 50
    assert len(sheet.rows) == 149 and sheet.landscape


def test_a_yearly_rollup_of_quarterly_values_adds_up_like_its_total(store):
    for quarter, (stations, applications) in zip(
        ("Q1", "Q2", "Q3", "Q4"), ((30, 10), (32, 20), (33, 30), (36, 40)), strict=True
    ):
        store.save_value("08740", "BTS_TOTAL", f"2025{quarter}", stations)
        store.save_value("08740", "APPS_TOTAL", f"2025{quarter}", applications)
    store.save_value("07900", "BTS_TOTAL", "2025Q4", 12)
    sheet = rollup_sheet(store, "25", "2025")
    by_name = {r.name: r.cells for r in sheet.rows}
    stations = sheet.columns.index(next(c for c in sheet.columns if "trạm" in c.lower())) - 2
    assert by_name["Phường Phúc Yên"][stations] == "36"  # a stock: its last quarter
    assert by_name["Phường Việt Trì"][stations] == "12"
    assert by_name["TỔNG CỘNG"][stations] == "48"  # the communes' rows add up to the total


@pytest.fixture
def report(demo_db, tmp_path):
    def run(*args):
        out = tmp_path / "sheet.pdf"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "ictdesk",
                "report",
                "--db",
                str(demo_db),
                *args,
                "-o",
                str(out),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return out

    return run


def test_unit_sheet_pdf_is_a4_portrait_and_reads_in_vietnamese(report):
    path = report("--unit", "25", "--period", "2025Q4")
    pages, size = pdf_pages_and_size(path)
    assert 2 <= pages <= 4 and size == (595, 842)
    text = pdf_text(path)
    assert NATION["vi"] in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Phú Thọ — Quý IV/2025" in text
    assert re.search(r"4\.084\.284", text)  # population in Vietnamese format
    assert "NGƯỜI LẬP BIỂU" in text and "THỦ TRƯỞNG ĐƠN VỊ" in text


def test_rollup_pdf_is_landscape_with_numbered_pages_and_repeated_header(report):
    path = report("--unit", "25", "--period", "2025Q4", "--kind", "rollup")
    pages, size = pdf_pages_and_size(path)
    assert pages >= 3 and size == (842, 595)
    second = pdf_text(path, 2)
    assert second.strip().splitlines()[0].strip() == "2"  # page number at the top from page 2
    assert "Đơn vị" in second and "STT" in second  # the header row again
    first = pdf_text(path, 1)
    assert not first.strip().splitlines()[0].strip().isdigit()


def test_report_lang_en_writes_an_english_sheet(report):
    path = report("--unit", "08740", "--period", "2025S1", "--lang", "en")
    text = pdf_text(path)
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text and "Independence - Freedom" in text
    assert "DIGITAL TRANSFORMATION STATISTICS REPORT" in text
    assert "Phường Phúc Yên — First half of 2025" in text
    assert "PREPARED BY" in text and "HEAD OF UNIT" in text and "Recipients:" in text
    assert re.search(r"\b\d{1,3},\d{3}\b", text)  # 40,436: English thousands
    assert "CỘNG HÒA" not in text and "Nơi nhận" not in text


def test_a_report_of_a_period_with_nothing_stored_says_so(demo_db, tmp_path):
    out = tmp_path / "blank.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "ictdesk", "report", "--db", str(demo_db), "--unit", "25"]
        + ["--period", "2019Q1", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and out.exists()  # a blank sheet can still be filled by hand
    assert "warning: no values are stored for 2019Q1 under 25" in done.stderr


def test_report_refuses_bad_input_with_one_line(demo_db, tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ictdesk",
            "report",
            "--db",
            str(demo_db),
            "--unit",
            "99999",
            "--period",
            "2025Q4",
            "-o",
            str(tmp_path / "x.pdf"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().startswith("ictdesk: error:") and not (tmp_path / "x.pdf").exists()


def test_settings_are_saved_and_printed(qtbot, store):
    from ictdesk.gui.app import make_application
    from ictdesk.gui.settings_dialog import SettingsDialog

    make_application()
    dialog = SettingsDialog(store, "08740")
    qtbot.addWidget(dialog)
    dialog.fields["report_preparer_name"].setText("Nguyễn Thị Lan")
    dialog.fields["report_head_name"].setText("Trần Văn Minh")
    dialog.fields["report_head_title"].setText("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    dialog.fields["report_number"].setText("5")
    dialog.fields["report_recipients"].setText("- UBND tỉnh Phú Thọ;\n- Lưu: VT, VP.")
    assert dialog.save()
    sheet = unit_sheet(store, "08740", "2025Q4")
    preparer, head = sheet.header.signers
    assert (preparer.name, head.name) == ("Nguyễn Thị Lan", "Trần Văn Minh")
    assert head.titles == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert sheet.header.number == "Số: 05/BC-UBND"
    assert sheet.header.recipients == ("- UBND tỉnh Phú Thọ;", "- Lưu: VT, VP.")
    again = SettingsDialog(store, "08740")
    qtbot.addWidget(again)
    assert again.fields["report_head_title"].text() == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    # The province's sheets are another body's: they keep their own texts.
    province = unit_sheet(store, "25", "2025Q4").header
    assert province.agency == "SỞ KHOA HỌC VÀ CÔNG NGHỆ" and province.signers[1].name == ""
    assert province.place_date.startswith("Phú Thọ, ")


def test_a_setting_left_as_proposed_keeps_following_the_sheets_language(store):
    save_sheet_settings(store, "08740", sheet_settings(store, "08740") | {"report_head_name": "A"})
    english = unit_sheet(store, "08740", "2025Q4", language="en").header
    assert english.agency == "PEOPLE'S COMMITTEE OF PHÚC YÊN WARD"  # not the Vietnamese default
    assert english.signers[1].name == "A"
    save_sheet_settings(store, "08740", {"report_preparer_title": ""})
    alone = unit_sheet(store, "08740", "2025Q4").header
    assert [s.titles for s in alone.signers] == [("THỦ TRƯỞNG ĐƠN VỊ",)]


def test_settings_saved_for_every_unit_by_an_older_version_still_print(store):
    store.set_setting("report_head_name", "Lê Văn Cũ")
    assert unit_sheet(store, "08740", "2025Q4").header.signers[1].name == "Lê Văn Cũ"
