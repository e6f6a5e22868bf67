"""Workbooks people print: A4 landscape, readable width, header row on every page,
Vietnamese page header and footer (LibreOffice printed a province as 51 portrait pages)."""

from openpyxl import load_workbook

from ictdesk.core.exchange.common import Selection
from ictdesk.core.exchange.export import PRINTED_COLUMNS, export_xlsx
from ictdesk.core.report import ROLLUP_INDICATORS


def test_a_workbook_prints_landscape_one_page_wide_with_its_header_row_repeated(
    demo_store, tmp_path
):
    path = tmp_path / "key.xlsx"
    export_xlsx(demo_store, Selection("25", ["2025Q4"], list(ROLLUP_INDICATORS)), path)
    book = load_workbook(path)
    sheet = book["Quý IV-2025"]
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9  # A4
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.oddHeader.center.text == "Số liệu chuyển đổi số: Phú Thọ — Quý IV/2025"
    assert sheet.oddFooter.center.text == "Trang &P/&N"
    codes = book["Chỉ tiêu"]
    assert codes.page_setup.orientation == "portrait" and codes.page_setup.fitToWidth == 1


def test_the_whole_catalogue_spreads_across_pages_that_repeat_the_units_name(demo_store, tmp_path):
    path = tmp_path / "all.xlsx"
    export_xlsx(demo_store, Selection("25", ["2025Q4"], []), path)
    sheet = load_workbook(path)["Quý IV-2025"]
    indicators = sheet.max_column - 2
    assert indicators > 40
    assert sheet.page_setup.fitToWidth == -(-indicators // PRINTED_COLUMNS) > 1
    assert sheet.print_title_cols == "$A:$B" and sheet.print_title_rows == "$1:$1"
