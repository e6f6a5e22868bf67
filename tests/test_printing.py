"""Printed summary sheets: content (Σ/Σ totals, Vietnamese numbers) and the PDF itself."""

import re
import shutil
import subprocess
import sys
from datetime import date

import pytest

from ictdesk.core.numbers import format_number
from ictdesk.core.report import MOTTO_NATION, place_and_date, rollup_sheet, unit_sheet

pdftotext = shutil.which("pdftotext")


def pdf_pages_and_size(path):
    """Page count and the first page's MediaBox, read from the PDF bytes (no poppler)."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    return pages, (round(float(box.group(1))), round(float(box.group(2))))


def test_place_and_date_follow_the_decree():
    assert place_and_date("Phú Thọ", date(2026, 3, 5)) == "Phú Thọ, ngày 05 tháng 3 năm 2026"


def test_unit_sheet_has_every_indicator_by_pillar_with_vietnamese_numbers(demo_store):
    sheet = unit_sheet(demo_store, "08740", "2025Q4", date(2026, 1, 10))
    assert sheet.header.agency == "ỦY BAN NHÂN DÂN PHƯỜNG PHÚC YÊN"
    assert sheet.header.place_date == "Phú Thọ, ngày 10 tháng 1 năm 2026"
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
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; text not checked")
    text = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout
    assert MOTTO_NATION in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Phú Thọ — Quý IV/2025" in text
    assert re.search(r"4\.084\.284", text)  # population in Vietnamese format
    assert "NGƯỜI LẬP BIỂU" in text and "THỦ TRƯỞNG ĐƠN VỊ" in text


def test_rollup_pdf_is_landscape_with_numbered_pages_and_repeated_header(report):
    path = report("--unit", "25", "--period", "2025Q4", "--kind", "rollup")
    pages, size = pdf_pages_and_size(path)
    assert pages >= 3 and size == (842, 595)
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; text not checked")
    second = subprocess.run(
        [pdftotext, "-f", "2", "-l", "2", "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout
    assert second.strip().splitlines()[0].strip() == "2"  # page number at the top from page 2
    assert "Đơn vị" in second and "STT" in second  # the header row again
    first = subprocess.run(
        [pdftotext, "-f", "1", "-l", "1", "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout
    assert not first.strip().splitlines()[0].strip().isdigit()


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
    dialog.fields["report_head_title"].setText("CHỦ TỊCH")
    assert dialog.save()
    sheet = unit_sheet(store, "08740", "2025Q4")
    assert (sheet.header.preparer_name, sheet.header.head_name) == (
        "Nguyễn Thị Lan",
        "Trần Văn Minh",
    )
    again = SettingsDialog(store, "08740")
    qtbot.addWidget(again)
    assert again.fields["report_head_title"].text() == "CHỦ TỊCH"
