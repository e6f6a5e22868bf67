"""Files as people and programs really save them: LibreOffice's .ods, Excel 97 .xls, Unicode
Text, ``;`` CSV, Windows-1258; and hostile ones (entity bombs, a sheet cut in half, two
million rows, numbers of 5,000 digits, a quote left open). Each refusal is one line in both
languages and leaves the database as it was.

The files in tests/data were made by LibreOffice 7.4 (``soffice --headless --convert-to``)
from an ictdesk template of Phường Phúc Yên for 2026Q1, filled in (F6 36100, F7 26400, F8 9800,
G6 a =HYPERLINK text, G7 a comment with quotes and a comma), and from ictdesk's wide CSV of
Phúc Yên for 2025Q4 (saved with ``;`` as CSV UTF-8, and as UTF-16 tab-separated text).
"""

import re
import struct
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest

from ictdesk.core.errors import IctdeskError
from ictdesk.core.exchange.common import LONG_HEADER_BEFORE_FLAGS
from ictdesk.core.exchange.importer import ImportRejected, detect_format, import_files
from ictdesk.core.exchange.template import write_template
from ictdesk.core.store import ValueStore

DATA = Path(__file__).parent / "data"
LIBRARY_WORDS = ("Traceback", "Error:", "openpyxl", "xlrd", "expat", "ParseError", "Exceeds")


@pytest.fixture
def fresh(tmp_path):
    path = tmp_path / "fresh.db"
    ValueStore.create(path, {"province_code": "25"})
    store = ValueStore.open(path)
    yield store
    store.close()


def refused(store, path, match: str, vi: str) -> IctdeskError:
    """Import ``path``, expect a one-line refusal in both languages, nothing stored."""
    before = store.value_count()
    with pytest.raises(IctdeskError) as caught:
        import_files(store, [path])
    error = caught.value
    english, vietnamese = str(error), error.message("vi")
    assert re.search(match, english), english
    assert vi in vietnamese, vietnamese
    for text in (english, vietnamese):
        assert "\n" not in text and not any(word in text for word in LIBRARY_WORDS), text
    assert store.value_count() == before
    return error


# ------------------------------------------------------------------ workbooks people save
@pytest.mark.parametrize(
    "name",
    [
        "template_08740_2026Q1.ods",
        "template_08740_2026Q1.xls",
        "template_08740_2026Q1_libreoffice.xlsx",
    ],
)
def test_templates_saved_by_libreoffice_as_ods_xls_and_xlsx_are_read(fresh, name):
    path = DATA / name
    assert detect_format(path) == "template"
    report = import_files(fresh, [path])
    assert report.added == 3 and report.written
    stored = fresh.value("08740", "POP_TOTAL", "2026Q1")
    assert stored.value == 36100 and stored.comment == '=HYPERLINK("http://evil.example","xem")'
    adults = fresh.value("08740", "POP_ADULT", "2026Q1")
    assert adults.value == 26400 and adults.comment == 'Theo "công an xã", đã đối chiếu'
    assert fresh.value("08740", "HH_TOTAL", "2026Q1").value == 9800


def test_csv_saved_by_libreoffice_with_semicolons_and_as_unicode_text_is_read(fresh):
    semicolons = DATA / "wide_08740_2025Q4_semicolon.csv"
    unicode_text = DATA / "wide_08740_2025Q4_unicode.txt"
    assert unicode_text.read_bytes()[:2] == b"\xff\xfe"  # UTF-16, tab between fields
    assert detect_format(semicolons) == detect_format(unicode_text) == "wide"
    first = import_files(fresh, [semicolons], dry_run=True)
    second = import_files(fresh, [unicode_text])
    assert first.added == second.added == 29
    assert fresh.value("08740", "POP_TOTAL", "2025Q4").value > 0


def test_a_windows_1258_wide_csv_says_save_it_as_csv_utf8(fresh, tmp_path):
    text = (
        "Mã đơn vị,Tên đơn vị,Kỳ báo cáo,Tổng số trạm [BTS_TOTAL]\r\n08740,Phúc Yên,2025Q4,36\r\n"
    )
    encoded = b""  # as Excel writes "CSV (Comma delimited)" on vi-VN: tones as combining marks
    for char in text:
        try:
            encoded += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            head = unicodedata.normalize("NFC", base + "".join(marks[:-1]))
            encoded += head.encode("cp1258") + marks[-1].encode("cp1258")
    path = tmp_path / "wide.csv"
    path.write_bytes(encoded)
    refused(fresh, path, r"wide.csv: the file is not UTF-8 text \(save it as CSV UTF-8\)", "UTF-8")


# ------------------------------------------------------------------ quotes and long fields
LONG_LINE = ",".join(LONG_HEADER_BEFORE_FLAGS)


def test_an_unclosed_quote_in_a_comment_does_not_swallow_the_rows_after_it(fresh, tmp_path):
    path = tmp_path / "open.csv"
    path.write_text(
        "\ufeff" + LONG_LINE + "\r\n"
        '08740,,BTS_TOTAL,,2025Q4,36,"Trạm mới, chưa kiểm tra,,\r\n'
        "08740,,BTS_4G,,2025Q4,30,,,\r\n"
        "08740,,BTS_5G,,2025Q4,5,,,\r\n"
        "07900,,BTS_TOTAL,,2025Q4,12,,,\r\n",
        encoding="utf-8",
    )
    refused(fresh, path, r"open.csv row 2: a quote \(\"\) opens here", "dòng 2")


def test_a_quoted_comment_over_lines_is_a_comment(fresh, tmp_path):
    path = tmp_path / "lines.csv"
    path.write_text(
        "\ufeff" + LONG_LINE + "\r\n"
        '08740,,BTS_TOTAL,,2025Q4,36,"dòng một, a, b\r\ndòng hai",,\r\n'
        "08740,,BTS_4G,,2025Q4,30,,,\r\n",
        encoding="utf-8",
    )
    assert import_files(fresh, [path]).added == 2
    assert fresh.value("08740", "BTS_TOTAL", "2025Q4").comment == "dòng một, a, b\r\ndòng hai"


def test_a_comment_over_the_csv_field_limit_says_so(fresh, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(
        "\ufeff" + LONG_LINE + "\r\n"
        f'08740,,BTS_TOTAL,,2025Q4,36,"{"x" * 200_000}",,\r\n'
        "08740,,BTS_4G,,2025Q4,30,,,\r\n",
        encoding="utf-8",
    )
    error = refused(fresh, path, r"long.csv row 2: a field \(a comment\?\) is longer", "131.072")
    assert "quote" not in str(error)


@pytest.mark.parametrize("where", ["value", "unit"])
def test_numbers_and_codes_of_5000_digits_are_one_line(fresh, tmp_path, where):
    cells = ["08740", "", "BTS_TOTAL", "", "2025Q4", "36", "", "", ""]
    cells[5 if where == "value" else 0] = "9" * 5000
    path = tmp_path / "digits.csv"
    path.write_text("\ufeff" + LONG_LINE + "\r\n" + ",".join(cells) + "\r\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [path])
    [problem] = caught.value.report.blocking
    assert problem.location == "row 2" and len(problem.reason) < 5000 + 200
    assert fresh.value_count() == 0


# ------------------------------------------------------------------ hostile workbooks
@pytest.fixture(scope="module")
def commune_template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("template")
    ValueStore.create(folder / "t.db", {"province_code": "25"})
    store = ValueStore.open(folder / "t.db")
    write_template(store, "08740", "2026Q1", folder / "t.xlsx")
    store.close()
    return folder / "t.xlsx"


def rezip(source: Path, target: Path, edit, part="xl/worksheets/sheet2.xml") -> Path:
    """``source`` with one part changed by ``edit(bytes) -> bytes``."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in zin.infolist():
            data = zin.read(item.filename)
            out.writestr(item.filename, edit(data) if item.filename == part else data)
    return target


def _cell(data: bytes, ref: bytes, xml: bytes) -> bytes:
    return re.sub(rb'<c r="' + ref + rb'"[^>]*?(/>|>.*?</c>)', xml, data, count=1)


def _with_dtd(data: bytes, dtd: bytes, ref: bytes, text: bytes) -> bytes:
    data = re.sub(rb"^<\?xml[^>]*\?>", b"", data)
    cell = b'<c r="' + ref + b'" t="inlineStr"><is><t>' + text + b"</t></is></c>"
    return b'<?xml version="1.0"?>' + dtd + _cell(data, ref, cell)


LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10))
    + b"]>"
)
HOSTILE = {
    "a number of 5,000 digits": lambda d: _cell(
        d, b"F6", b'<c r="F6" t="n"><v>' + b"9" * 5000 + b"</v></c>"
    ),
    "a billion laughs": lambda d: _with_dtd(d, LAUGHS, b"G6", b"&lol9;"),
    "an external entity": lambda d: _with_dtd(
        d, b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', b"G6", b"&e;"
    ),
    "a sheet cut in half": lambda d: d[: len(d) // 2],
    "a code of 5,000 digits": lambda d: _cell(
        _cell(d, b"F6", b'<c r="F6" t="n"><v>5</v></c>'),
        b"D2",
        b'<c r="D2" t="inlineStr"><is><t>' + b"1" * 5000 + b"</t></is></c>",
    ),
    "6,000 indicator rows, no dimension": lambda d: re.sub(rb"<dimension[^>]*/>", b"", d).replace(
        b"</sheetData>",
        b"".join(
            b'<row r="%d"><c r="B%d" t="inlineStr"><is><t>X</t></is></c></row>' % (r, r)
            for r in range(35, 6035)
        )
        + b"</sheetData>",
    ),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_template_xml_ends_in_one_line_in_both_languages(
    fresh, tmp_path, commune_template, kind
):
    path = rezip(commune_template, tmp_path / "hostile.xlsx", HOSTILE[kind])
    before = fresh.value_count()
    start = time.perf_counter()
    with pytest.raises(IctdeskError) as caught:
        import_files(fresh, [path])
    assert time.perf_counter() - start < 10
    error = caught.value
    texts = [str(error), error.message("vi")]
    if isinstance(error, ImportRejected):  # a bad cell: one problem naming it
        texts = [p.reason for p in error.report.blocking] + [
            p.text("vi") for p in error.report.blocking
        ]
    for text in texts:
        assert "\n" not in text and not any(word in text for word in LIBRARY_WORDS), text
    assert error.message("vi") != str(error) or isinstance(error, ImportRejected)
    assert fresh.value_count() == before


def _two_million_rows(source: Path, target: Path) -> Path:
    """The template with two million rows in its sheet and no <dimension>, streamed into the
    zip (the file is about 5 MB)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename != "xl/worksheets/sheet2.xml":
                out.writestr(item.filename, data)
                continue
            data = re.sub(rb"<dimension[^>]*/>", b"", data)
            head, tail = data.split(b"</sheetData>")
            with out.open(item.filename, "w") as part:
                part.write(head)
                for start in range(100, 2_000_100, 10_000):
                    part.write(b"".join(b'<row r="%d"/>' % r for r in range(start, start + 10_000)))
                part.write(b"</sheetData>" + tail)
    return target


IMPORT_UNDER_A_MEMORY_CAP = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
from ictdesk.cli import main
sys.exit(main(["import", sys.argv[1], "--db", sys.argv[2], "--dry-run"]))
"""


def test_two_million_rows_are_refused_in_seconds_under_a_memory_cap(
    tmp_path, commune_template, empty_db
):
    path = _two_million_rows(commune_template, tmp_path / "rows.xlsx")
    assert path.stat().st_size < 6 * 2**20
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_UNDER_A_MEMORY_CAP, str(path), str(empty_db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert time.perf_counter() - start < 30
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert "more than a fill-in template can hold" in line


def test_an_xls_with_a_cell_far_outside_any_sheet_is_refused(fresh, tmp_path):
    data = bytearray((DATA / "template_08740_2026Q1.xls").read_bytes())
    at = data.find(struct.pack("<HH", 0x00FD, 10))  # the first LABELSST cell record
    struct.pack_into("<HH", data, at + 4, 0xFFF0, 0xFFF0)  # row and column 65,520
    path = tmp_path / "far.xls"
    path.write_bytes(bytes(data))
    refused(fresh, path, "not a readable workbook", "không đọc được tệp bảng tính")


def test_an_ods_with_a_million_repeated_filled_rows_is_refused(fresh, tmp_path):
    def repeat(content: bytes) -> bytes:
        row = (
            b'<table:table-row table:number-rows-repeated="1000000"><table:table-cell'
            b' table:number-columns-repeated="1000" office:value-type="float"'
            b' office:value="1"/></table:table-row>'
        )
        return content.replace(b"</table:table>", row + b"</table:table>", 2)

    source = DATA / "template_08740_2026Q1.ods"
    path = tmp_path / "rows.ods"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w") as out:
        for item in zin.infolist():  # mimetype first and stored, as ODF wants
            data = zin.read(item.filename)
            out.writestr(item, repeat(data) if item.filename == "content.xml" else data)
    assert detect_format(path) == "template"
    refused(fresh, path, "more than 5,000 rows", "5.000 dòng")


def test_a_workbook_that_is_no_template_is_refused_by_name(fresh, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "hello"
    book.save(tmp_path / "notes.xlsx")
    refused(fresh, tmp_path / "notes.xlsx", "not an ictdesk fill-in template", "biểu mẫu")


def _unicode_text(path: Path, rows: list[list[str]]) -> Path:
    """A file as Excel's "Unicode Text" saves one: UTF-16 with its BOM, tabs, CRLF."""
    header = ["Mã đơn vị", "Tên đơn vị", "Kỳ báo cáo", "Dân số [POP_TOTAL]", "Tỷ lệ [COV_4G_PCT]"]
    lines = ["\t".join(r) for r in [header, *rows]]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    return path


def test_unicode_text_from_a_vietnamese_excel_reads_its_numbers_in_vietnamese(fresh, tmp_path):
    path = _unicode_text(tmp_path / "vi.txt", [["08740", "Phúc Yên", "2025Q4", "36.000", "83,6"]])
    assert import_files(fresh, [path]).added == 1  # the rate is computed, not imported
    assert fresh.value("08740", "POP_TOTAL", "2025Q4").value == 36000


def test_unicode_text_whose_numbers_read_two_ways_is_refused(fresh, tmp_path):
    path = _unicode_text(tmp_path / "two.txt", [["08740", "Phúc Yên", "2025Q4", "36.000", ""]])
    refused(fresh, path, r"'36.000' read two ways in Unicode Text", "CSV UTF-8")
