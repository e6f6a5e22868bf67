"""Files as spreadsheets write them: each file's number convention is read once, from the whole
file, and a number is never stored ×1000 too small, nor garbled text stored as a change."""

import csv
import os
import subprocess
import sys

import pytest

from ictdesk.core.exchange.common import DHIS2_HEADER, LONG_HEADER
from ictdesk.core.exchange.conventions import MixedConventions
from ictdesk.core.exchange.import_report import ImportRejected
from ictdesk.core.exchange.importer import import_files
from ictdesk.core.exchange.mojibake import GarbledText
from ictdesk.core.store import ValueStore

PHUC_YEN, OTHER = "08740", "07900"
WIDE_HEADER = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Kỳ báo cáo",
    "Số hộ (hộ) [HH_TOTAL]",
    "Số trạm [BTS_TOTAL]",
]


@pytest.fixture
def fresh(empty_db):
    store = ValueStore.open(empty_db)
    yield store
    store.close()


def stored(db, unit, code, period="2025Q4"):
    store = ValueStore.open(db, read_only=True)
    try:
        value = store.value(unit, code, period)
        return None if value is None else value.value
    finally:
        store.close()


def vietnamese(n: int) -> str:
    """A count as a Vietnamese spreadsheet shows #,##0: 36.000."""
    return f"{n:,}".replace(",", ".")


def long_rows(values, name="Phường Phúc Yên", who=""):
    return [[u, name, c, "Số hộ", "2025Q4", text, "", who, ""] for u, c, text in values]


def write_csv(path, header, rows, delimiter, encoding="utf-8-sig", newline="\r\n"):
    """As a spreadsheet's "CSV" writes: quotes only where the delimiter or a quote needs them."""
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator=newline)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def cli(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "ictdesk", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_a_long_csv_from_a_vietnamese_spreadsheet_keeps_its_thousands(empty_db, tmp_path):
    path = write_csv(
        tmp_path / "vi.csv",
        LONG_HEADER,
        long_rows([(PHUC_YEN, "HH_TOTAL", vietnamese(36000)), (OTHER, "HH_TOTAL", "22.413")]),
        delimiter=";",
    )
    result = cli("import", path, "--db", empty_db)
    assert result.returncode == 0, result.stderr
    assert "2 added" in result.stdout
    assert stored(empty_db, PHUC_YEN, "HH_TOTAL") == 36000  # was stored as 36, silently
    assert stored(empty_db, OTHER, "HH_TOTAL") == 22413  # was refused as "not a whole number"


def test_a_wide_csv_from_an_english_spreadsheet_keeps_its_thousands(empty_db, tmp_path):
    rows = [[PHUC_YEN, "Phường Phúc Yên", "2025Q4", f"{36000:,}", f"{12500:,}"]]
    path = write_csv(tmp_path / "en.csv", WIDE_HEADER, rows, delimiter=",")
    assert '"36,000"' in path.read_text(encoding="utf-8-sig")  # as Excel quotes it
    result = cli("import", path, "--db", empty_db)
    assert result.returncode == 0, result.stderr
    assert stored(empty_db, PHUC_YEN, "HH_TOTAL") == 36000  # was stored as 36
    assert stored(empty_db, PHUC_YEN, "BTS_TOTAL") == 12500


def test_a_grouped_looking_count_in_a_machine_file_is_refused_with_both_readings(
    empty_db, tmp_path
):
    path = write_csv(
        tmp_path / "long.csv",
        LONG_HEADER,
        long_rows([(PHUC_YEN, "HH_TOTAL", "36.000"), (OTHER, "HH_TOTAL", "41")]),
        delimiter=",",
    )
    result = cli("import", path, "--db", empty_db)
    assert result.returncode != 0
    assert "long.csv row 2, value" in result.stderr
    assert "'36.000'" in result.stderr and "36 or 36000" in result.stderr
    assert "machine format" in result.stderr
    assert stored(empty_db, OTHER, "HH_TOTAL") is None  # all or nothing


def test_the_convention_comes_from_the_whole_file_not_from_each_cell(fresh, tmp_path):
    # An English file: the first quoted number is on the last row, after plain ones.
    rows = [[PHUC_YEN, "Phường Phúc Yên", "2025Q4", "400", ""]]
    rows += [[OTHER, "Xã Khác", "2025Q4", "12.500", f"{1500:,}"]]
    path = write_csv(tmp_path / "en.csv", WIDE_HEADER, rows, delimiter=",")
    with pytest.raises(ImportRejected) as rejected:
        import_files(fresh, [path])
    [problem] = rejected.value.report.blocking
    assert problem.location == "row 3" and problem.column == WIDE_HEADER[3]
    assert "English format" in problem.reason  # "12.500" is 12.5 there: not a count
    assert "12.500" in problem.reason_vi and "kiểu tiếng Anh" in problem.reason_vi
    assert fresh.value_count() == 0


def test_a_file_mixing_two_conventions_is_refused(fresh, tmp_path):
    rows = [
        [PHUC_YEN, "Phường Phúc Yên", "2025Q4", "36,000", ""],
        [OTHER, "Xã Khác", "2025Q4", "1500,5", ""],
    ]
    path = write_csv(tmp_path / "mixed.csv", WIDE_HEADER, rows, delimiter=",")
    with pytest.raises(MixedConventions) as refused:
        import_files(fresh, [path])
    assert "'36,000'" in str(refused.value) and "hai kiểu" in refused.value.vi
    assert fresh.value_count() == 0


def test_ictdesks_own_long_file_is_machine_format(demo_store, fresh, tmp_path):
    from ictdesk.core.exchange.common import Selection
    from ictdesk.core.exchange.export import export

    path = tmp_path / "own.csv"
    export(demo_store, "long", Selection(PHUC_YEN, ["2025Q4"]), path)
    report = import_files(fresh, [path])
    assert report.added > 20 and not report.problems
    assert (
        fresh.value(PHUC_YEN, "HH_TOTAL", "2025Q4").value
        == demo_store.value(PHUC_YEN, "HH_TOTAL", "2025Q4").value
    )


def garbled_by_excel(text: str) -> str:
    """UTF-8 opened as ANSI (Windows-1252) and saved again as CSV UTF-8: Windows turns the
    five bytes cp1252 leaves undefined into the control characters of the same number."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
    )


def test_a_dhis2_file_garbled_by_excel_is_refused_and_says_how_to_save_it(empty_db, tmp_path):
    rows = [
        [
            "BTS_TOTAL",
            "2025Q4",
            PHUC_YEN,
            "",
            "",
            "36",
            garbled_by_excel("Nguyễn Văn A"),
            "",
            "",
            "",
        ],
        ["HH_TOTAL", "2025Q4", PHUC_YEN, "", "", "4100", "", "", garbled_by_excel("Trạm"), ""],
    ]
    path = write_csv(tmp_path / "dhis2.csv", DHIS2_HEADER, rows, ",", encoding="utf-8-sig")
    assert "Nguyá»…n VÄƒn A" in path.read_text(encoding="utf-8-sig")
    result = cli("import", path, "--db", empty_db)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "dhis2.csv row 2, storedBy" in result.stderr  # as the file's header names it
    assert "'Nguyễn Văn A'" in result.stderr  # what it should read
    assert "CSV UTF-8" in result.stderr and "65001" in result.stderr
    assert stored(empty_db, PHUC_YEN, "BTS_TOTAL") is None


def test_garbled_names_refuse_a_long_file_and_the_vietnamese_message_names_the_cell(
    fresh, tmp_path
):
    path = write_csv(
        tmp_path / "long.csv",
        LONG_HEADER,
        long_rows([(PHUC_YEN, "HH_TOTAL", "4100")], name=garbled_by_excel("Phường Phúc Yên")),
        delimiter=",",
    )
    with pytest.raises(GarbledText) as refused:
        import_files(fresh, [path])
    assert "dòng 2, cột unit_name" in refused.value.vi
    assert "'Phường Phúc Yên'" in refused.value.vi
    assert fresh.value_count() == 0


@pytest.mark.parametrize("name", ["Ngã Ba Đakrông", "NGÃ BA", "Thôn Ấp Ông", "Café Ý"])
def test_real_vietnamese_text_is_never_taken_for_garbled_text(fresh, tmp_path, name):
    path = write_csv(
        tmp_path / "long.csv", LONG_HEADER, long_rows([(PHUC_YEN, "HH_TOTAL", "4100")], name), ","
    )
    assert import_files(fresh, [path]).added == 1


def test_letters_lost_to_replacement_characters_refuse_the_file(fresh, tmp_path):
    name = "Phường Phúc Yên".encode().decode("cp1252", errors="replace")
    assert "\ufffd" in name
    path = write_csv(
        tmp_path / "long.csv", LONG_HEADER, long_rows([(PHUC_YEN, "HH_TOTAL", "4100")], name), ","
    )
    with pytest.raises(GarbledText, match="letters are lost"):
        import_files(fresh, [path])
