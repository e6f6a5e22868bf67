"""DHIS2 both ways, checked by DHIS2's own readers (../shared/dhis2: 2.43 and 2.42 and
earlier) and with files DHIS2's own writer makes (WriteDhis 2.42 and 2.43)."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ictdesk.core.exchange.common import (
    DHIS2_COMMENT_LIMIT,
    DHIS2_HEADER,
    Selection,
    dhis2_text,
)
from ictdesk.core.exchange.export import export
from ictdesk.core.exchange.importer import ImportRejected, detect_format, import_files
from ictdesk.core.store import ValueStore, ValueWrite

# A copy of ../shared/dhis2 (DHIS2's own readers, their licences kept), so that a clone
# anywhere runs these tests; test_the_copy_of_dhis2s_readers_is_the_shared_one keeps it equal.
VENDORED = Path(__file__).resolve().parent / "dhis2_readers"


def _shared_harness() -> Path | None:
    """shared/dhis2 in a folder above the project (../shared/dhis2 beside /work/main)."""
    for folder in Path(__file__).resolve().parent.parents:
        if (folder / "shared" / "dhis2" / "build.sh").is_file():
            return folder / "shared" / "dhis2"
    return None


def _harness_source() -> Path:
    """The folder holding DHIS2's readers: $ICTDESK_DHIS2_HARNESS, else shared/dhis2 above
    the project, else the copy in tests/dhis2_readers."""
    given = os.environ.get("ICTDESK_DHIS2_HARNESS")
    if given:
        return Path(given)
    return _shared_harness() or VENDORED


def test_the_copy_of_dhis2s_readers_is_the_shared_one():
    shared = _shared_harness()
    copied = sorted(p.relative_to(VENDORED) for p in VENDORED.rglob("*") if p.is_file())
    assert Path("build.sh") in copied and Path("d243/org/hisp/dhis/csv/CSV.java") in copied
    if shared is None:  # a clone with nothing beside it: the copy is all there is
        return
    originals = sorted(p.relative_to(shared) for p in shared.rglob("*") if p.is_file())
    assert copied == originals
    for name in copied:
        assert (VENDORED / name).read_bytes() == (shared / name).read_bytes(), name


@pytest.fixture(scope="session")
def dhis2(tmp_path_factory):
    """DHIS2's readers compiled into a temporary folder. A machine without a JDK fails here:
    .ci/run installs one (default-jdk-headless)."""
    if not shutil.which("javac") or not shutil.which("java"):
        pytest.fail("javac and java are needed to run DHIS2's readers: install a JDK")
    out = tmp_path_factory.mktemp("dhis2")
    done = subprocess.run(
        ["bash", str(_harness_source() / "build.sh"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return out


def run_java(dhis2, version: str, main: str, *args, show: int = 0) -> str:
    done = subprocess.run(
        ["java", f"-Dshow={show}", "-cp", str(dhis2 / version), main, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def read_243(dhis2, path, show=0) -> str:
    return run_java(dhis2, "d243", "Run243", path, show=show)


def read_242(dhis2, path, show=0) -> str:
    return run_java(dhis2, "d242", "Run242", path, show=show)


@pytest.fixture
def fresh(tmp_path):
    path = tmp_path / "fresh.db"
    ValueStore.create(path, {"province_code": "25"})
    store = ValueStore.open(path)
    yield store
    store.close()


def test_the_demo_province_reads_whole_in_dhis2_243_and_242(demo_store, dhis2, tmp_path):
    path = tmp_path / "dhis2.csv"
    rows = export(demo_store, "dhis2", Selection.build(unit="25"), path)
    assert rows == 85840
    raw = path.read_bytes()
    assert raw.startswith(",".join(DHIS2_HEADER).encode() + b"\n")
    assert b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf")
    out = read_243(dhis2, path)
    assert f"rows parsed: {rows}" in out and "decode: keys OK for all rows" in out, out
    assert f"rows read: {rows}" in read_242(dhis2, path)


COMMENTS = [
    'Trạm "mới", đã kiểm tra',  # a quote and a comma
    "dòng một\r\ndòng hai",  # CRLF
    "dòng một\ndòng hai\rdòng ba",  # LF and a lone CR
    '=HYPERLINK("http://evil.example","xem")',
    "  leading spaces, and a tab\tinside",
    "-5 so với quý trước",
    "x" * (DHIS2_COMMENT_LIMIT + 1),
]


def comments_store(store):
    codes = ["BTS_TOTAL", "BTS_4G", "BTS_5G", "POP_TOTAL", "POP_ADULT", "HH_TOTAL", "HH_FIBER"]
    store.stored_by = 'Nguyễn "Bé", xã'
    store.save_values(
        [
            ValueWrite("08740", code, "2025Q4", 100 - i, comment)
            for i, (code, comment) in enumerate(zip(codes, COMMENTS, strict=True))
        ],
        source="form",
    )
    store.set_followup("08740", "BTS_4G", "2025Q4", True)
    return {code: comment for code, comment in zip(codes, COMMENTS, strict=True)}


def test_comments_with_quotes_commas_and_line_breaks_read_whole_in_both_versions(
    fresh, dhis2, tmp_path
):
    comments = comments_store(fresh)
    path = tmp_path / "comments.csv"
    notices = []
    assert export(fresh, "dhis2", Selection(), path, notices=notices) == len(comments)
    assert len(notices) == 1 and "50,000" in notices[0].en and "50.000" in notices[0].vi
    out = read_243(dhis2, path, show=len(comments))
    assert f"rows parsed: {len(comments)}" in out and "decode: keys OK for all rows" in out
    # Run243 prints each row as a Java record: ..., comment=<text>, followUp=<bool>, ...
    read = dict(re.findall(r"dataElement=(\w+), .*?, comment=(.*), followUp=(?:true|false)", out))
    assert read == {code: dhis2_text(text) for code, text in comments.items()}
    assert "followUp=true" in next(line for line in out.splitlines() if "BTS_4G" in line)
    out = read_242(dhis2, path, show=len(comments))
    assert f"rows read: {len(comments)}" in out
    read = dict(re.findall(r"de=(\w+) .*? comment=\[(.*)\] followup=", out))
    assert read == {code: dhis2_text(text) for code, text in comments.items()}
    assert dhis2_text(COMMENTS[0]) == "Trạm ”mới”, đã kiểm tra"
    assert dhis2_text(COMMENTS[1]) == "dòng một / dòng hai"
    assert dhis2_text(COMMENTS[3]).startswith("'=HYPERLINK(”")


def write_dhis(dhis2, version, path) -> Path:
    run_java(dhis2, "d242", "WriteDhis", version, path)
    return path


@pytest.mark.parametrize("version", ["2.42", "2.43"])
def test_files_dhis2_itself_writes_are_imported(fresh, dhis2, tmp_path, version):
    path = write_dhis(dhis2, version, tmp_path / f"dhis{version}.csv")
    assert path.read_text().startswith("dataelement,period,orgunit,categoryoptioncombo,")
    assert detect_format(path) == "dhis2"
    report = import_files(fresh, [path])
    assert report.added == 3 and report.written
    four_g = fresh.value("04792", "BTS_4G", "2025Q4")
    assert (four_g.value, four_g.comment, four_g.followup) == (31, 'Trạm "mới", đã kiểm tra', True)
    assert four_g.stored_by == "admin" and four_g.updated_at.startswith("2025-12-01T21:04:05.678")
    assert fresh.value("04792", "BTS_5G", "2025Q4").value == 10


def _edit_rows(path: Path, edit) -> Path:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join([lines[0]] + [edit(i, line) for i, line in enumerate(lines[1:])]))
    return path


def test_a_dhis2_deletion_is_refused_unless_applied(fresh, dhis2, tmp_path):
    first = write_dhis(dhis2, "2.43", tmp_path / "first.csv")
    import_files(fresh, [first])
    before = fresh.value_count()

    def delete_5g(_i, line):  # DHIS2 deleted it later than ictdesk stored it
        if not line.startswith("BTS_5G"):
            return line
        return line.replace("2025-12-01", "2099-12-01").rsplit(",", 1)[0] + ",true"

    deleted = _edit_rows(write_dhis(dhis2, "2.43", tmp_path / "deleted.csv"), delete_5g)
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [deleted])
    [problem] = caught.value.report.blocking
    assert (problem.location, problem.column) == ("row 4", "deleted")
    assert "--apply-deletions" in problem.reason and "deleted=true" in problem.text("vi")
    assert fresh.value_count() == before  # nothing changed
    report = import_files(fresh, [deleted], apply_deletions=True)
    assert (report.deleted, report.changed, report.unchanged) == (1, 0, 2)
    assert fresh.value("04792", "BTS_5G", "2025Q4") is None
    assert fresh.value_count() == before - 1
    again = import_files(fresh, [deleted], apply_deletions=True)  # nothing left to delete
    assert again.deleted == 0 and again.unchanged == 3


def test_a_non_default_category_option_combo_is_never_stored_as_a_total(fresh, dhis2, tmp_path):
    def male_only(i, line):
        cells = line.split(",")
        if i == 1:
            cells[3] = "hEFKSsPV5et"  # a category option combo other than the default
        return ",".join(cells)

    path = _edit_rows(write_dhis(dhis2, "2.42", tmp_path / "coc.csv"), male_only)
    with pytest.raises(ImportRejected) as caught:
        import_files(fresh, [path])
    [problem] = caught.value.report.blocking
    assert (problem.location, problem.column) == ("row 3", "categoryOptionCombo")
    assert "hEFKSsPV5et" in problem.reason and "phân tổ" in problem.text("vi")
    assert fresh.value_count() == 0


def test_header_names_in_any_case_and_order_and_default_combos(fresh, tmp_path):
    path = tmp_path / "any.csv"
    path.write_text(
        "VALUE,OrgUnit,Period,DataElement,CategoryOptionCombo,attributeoptioncombo,FollowUp\n"
        "12,08740,2025Q4,BTS_TOTAL,default,HllvX50cXC0,true\n"
        "11,08740,2025Q4,BTS_4G,,,\n",
        encoding="utf-8",
    )
    assert detect_format(path) == "dhis2"
    assert import_files(fresh, [path]).added == 2
    assert fresh.value("08740", "BTS_TOTAL", "2025Q4").followup


def test_a_dhis2_json_file_as_dhis2_exports_it(fresh, tmp_path):
    path = tmp_path / "dhis2.json"
    path.write_text(
        json.dumps(
            {
                "dataSet": "CDS_QUY",
                "completeDate": "2025-12-02",
                "period": "2025Q4",
                "orgUnit": "04792",
                "dataValues": [
                    {
                        "dataElement": "BTS_TOTAL",
                        "categoryOptionCombo": "HllvX50cXC0",
                        "attributeOptionCombo": "HllvX50cXC0",
                        "value": "33",
                        "storedBy": "admin",
                        "created": "2025-12-01T21:04:05.678+0000",
                        "lastUpdated": "2025-12-01T21:04:05.678+0000",
                        "comment": 'Trạm "mới"\nđã kiểm tra',
                        "followup": True,
                    },
                    {"dataElement": "BTS_4G", "value": 31, "followUp": False},
                ],
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    assert detect_format(path) == "dhis2-json"
    report = import_files(fresh, [path])
    assert (report.added, report.completed) == (2, 1)
    stored = fresh.value("04792", "BTS_TOTAL", "2025Q4")
    assert (stored.value, stored.comment, stored.followup) == (33, 'Trạm "mới"\nđã kiểm tra', True)
    assert fresh.is_complete("04792", "2025Q4")


def test_the_json_export_carries_completeness_with_a_data_set_and_imports_back(fresh, tmp_path):
    comments = comments_store(fresh)
    fresh.set_complete("08740", "2025Q4")
    plain = tmp_path / "plain.json"
    notices = []
    assert export(fresh, "dhis2-json", Selection(), plain, notices=notices) == len(comments)
    document = json.loads(plain.read_text(encoding="utf-8"))
    assert document["idScheme"] == "code" and "dataSet" not in document
    assert "completeDataSetRegistrations" not in document
    assert any("data set" in n.en for n in notices)  # completion left out, and said so
    fresh.set_setting("dhis2_data_set", "CDS_QUY")
    path = tmp_path / "full.json"
    export(fresh, "dhis2-json", Selection(), path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["dataSet"] == "CDS_QUY"
    [registration] = document["completeDataSetRegistrations"]
    assert registration["organisationUnit"] == "08740" and registration["completed"] is True
    value = next(v for v in document["dataValues"] if v["dataElement"] == "BTS_TOTAL")
    assert value["value"] == "100" and value["comment"] == COMMENTS[0]  # JSON keeps it exact
    assert value["followUp"] is False and value["followup"] is False
    other = export(fresh, "dhis2-json", Selection(), tmp_path / "other.json", data_set="X")
    assert other == len(comments)
    assert json.loads((tmp_path / "other.json").read_text())["dataSet"] == "X"
    again = tmp_path / "again.db"
    ValueStore.create(again, {"province_code": "25"})
    copy = ValueStore.open(again)
    try:
        report = import_files(copy, [path])
        assert (report.added, report.completed) == (len(comments), 1)
        assert copy.value("08740", "BTS_TOTAL", "2025Q4").comment == COMMENTS[0]
        assert copy.value("08740", "BTS_4G", "2025Q4").followup
        assert copy.is_complete("08740", "2025Q4")
    finally:
        copy.close()


def test_a_json_file_by_dhis2_uids_is_refused_by_name(fresh, tmp_path):
    path = tmp_path / "uid.json"
    path.write_text('{"idScheme": "UID", "dataValues": []}', encoding="utf-8")
    with pytest.raises(Exception, match="idScheme=code") as caught:
        import_files(fresh, [path])
    assert "idScheme=code" in caught.value.message("vi")


@pytest.mark.parametrize(
    "text",
    ['{"dataValues": [{"dataElement": "BTS_TOTAL", "value": "1"', '{"dataValues": [1 2]}', "{"],
)
def test_a_damaged_json_file_is_one_line_in_both_languages(fresh, tmp_path, text):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Exception, match="not a readable DHIS2 JSON file") as caught:
        import_files(fresh, [path])
    assert "không đọc được tệp DHIS2 JSON" in caught.value.message("vi")
    assert fresh.value_count() == 0


@pytest.mark.parametrize("fmt", ["dhis2", "long"])
def test_a_change_of_the_follow_up_flag_alone_changes_the_flag(fresh, tmp_path, fmt):
    fresh.save_value("08740", "BTS_TOTAL", "2025Q4", 36)
    stored = fresh.value("08740", "BTS_TOTAL", "2025Q4")
    path = tmp_path / f"flag.{fmt}.csv"
    for flag in (True, False):
        if fmt == "dhis2":
            path.write_text(
                ",".join(DHIS2_HEADER) + f"\nBTS_TOTAL,2025Q4,08740,,,36,{stored.stored_by},"
                f"{stored.updated_at},,{str(flag).lower()}\n",
                encoding="utf-8",
            )
        else:
            export(fresh, "long", Selection("08740", ["2025Q4"]), path)
            text = path.read_text(encoding="utf-8-sig")
            path.write_text(text.replace(f",{str(not flag).lower()},,", f",{str(flag).lower()},,"))
        report = import_files(fresh, [path])  # "newer": the same time stamp is not newer
        assert (report.flags_changed, report.changed, report.unchanged) == (1, 0, 1)
        assert fresh.value("08740", "BTS_TOTAL", "2025Q4").followup is flag
        assert import_files(fresh, [path]).flags_changed == 0
