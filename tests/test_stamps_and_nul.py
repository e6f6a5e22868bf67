"""NUL characters are refused and times in the future clamped (issue 20 item 11)."""

import json
import time

import pytest

from ictdesk.core.errors import NulInText, StorageError
from ictdesk.core.exchange.importer import ImportRejected, import_files
from ictdesk.core.store import ValueWrite, now_iso
from ictdesk.core.store.base import not_saved

HEADER = (
    "unit_code,unit_name,indicator_code,indicator_name,period,value,comment,stored_by,"
    "updated_at\r\n"
)


def write_csv(path, *rows):
    path.write_text(HEADER + "".join(",".join(r) + "\r\n" for r in rows), encoding="utf-8")
    return path


def test_a_comment_with_nul_is_refused_in_both_languages(store):
    with pytest.raises(NulInText) as raised:
        store.save_value("08740", "BTS_TOTAL", "2024Q1", 5, comment="đã\x00kiểm tra")
    assert "NUL" in str(raised.value) and "ký tự NUL" in raised.value.vi
    assert store.value("08740", "BTS_TOTAL", "2024Q1") is None


def test_an_imported_comment_with_nul_is_refused_and_located(store, tmp_path):
    path = tmp_path / "nul.json"
    path.write_text(
        json.dumps(
            {
                "dataValues": [
                    {
                        "dataElement": "BTS_TOTAL",
                        "period": "2024Q1",
                        "orgUnit": "08740",
                        "value": "5",
                        "comment": "ok",
                    },
                    {
                        "dataElement": "BTS_TOTAL",
                        "period": "2024Q2",
                        "orgUnit": "08740",
                        "value": "6",
                        "comment": "a\u0000b",
                    },
                    {
                        "dataElement": "BTS_TOTAL",
                        "period": "2024Q3",
                        "orgUnit": "08740",
                        "value": "7",
                        "storedBy": "x\u0000",
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected) as raised:
        import_files(store, [path])
    refused = [p for p in raised.value.report.problems if p.blocking]
    assert len(refused) == 2, refused
    assert all("NUL" in p.reason and "ký tự NUL" in p.reason_vi for p in refused)
    assert store.value_count() == 0


def test_a_time_in_the_future_is_stored_as_the_import_time(store, tmp_path):
    before = now_iso()
    first = write_csv(
        tmp_path / "ahead.csv",
        ("08740", "", "BTS_TOTAL", "", "2024Q1", "5", "", "", "9999-12-31T00:00:00Z"),
    )
    report = import_files(store, [first])
    stored = store.value("08740", "BTS_TOTAL", "2024Q1")
    assert before <= stored.updated_at <= now_iso()
    [warning] = [p for p in report.problems if not p.blocking]
    assert "future" in warning.reason and "tương lai" in warning.reason_vi
    time.sleep(0.01)
    # a file written later by someone else still wins --on-conflict newer
    later = write_csv(
        tmp_path / "later.csv",
        ("08740", "", "BTS_TOTAL", "", "2024Q1", "7", "", "", now_iso()),
    )
    import_files(store, [later], on_conflict="newer")
    assert store.value("08740", "BTS_TOTAL", "2024Q1").value == 7


def test_a_written_time_in_the_future_is_clamped(store):
    store.save_values(
        [ValueWrite("08740", "BTS_TOTAL", "2024Q1", 5, updated_at="9999-01-01T00:00:00Z")],
        source="import",
    )
    assert store.value("08740", "BTS_TOTAL", "2024Q1").updated_at <= now_iso()


def test_a_refused_write_says_it_once_in_both_languages(store):
    store.db.execute("PRAGMA query_only = 1")  # SQLite refuses every write, as a locked disk
    with pytest.raises(StorageError) as raised:
        store.save_value("08740", "BTS_TOTAL", "2024Q1", 5)
    assert str(raised.value).count("not saved") == 1
    assert raised.value.vi.startswith("chưa lưu được số liệu: ")
    with pytest.raises(StorageError) as raised:
        store.set_target("BTS_TOTAL", "08740", 2025, 3)
    assert str(raised.value).count("not saved") == 1 and raised.value.vi
    with pytest.raises(StorageError) as raised:
        store.save_value("08740", "BTS_TOTAL", "2024Q1", 5)
    store.db.execute("PRAGMA query_only = 0")
    # an error already worded is not worded again on its way up
    again = not_saved("the values were not saved", "chưa lưu được số liệu", raised.value)
    assert str(again) == str(raised.value) and again.vi == raised.value.vi


def test_sqlites_usual_reasons_are_said_in_vietnamese():
    import sqlite3

    disk_full = sqlite3.OperationalError("database or disk is full")
    full = not_saved("the values were not saved", "Chưa lưu được số liệu", disk_full)
    assert full.vi == "Chưa lưu được số liệu: ổ đĩa đã đầy"  # was "…: database or disk is full"
    assert str(full) == "the values were not saved: database or disk is full"
    locked = not_saved("x", "Chưa lưu", sqlite3.OperationalError("database is locked"))
    assert locked.vi == "Chưa lưu: tệp đang bị một chương trình khác giữ"
    odd = not_saved("x", "Chưa lưu", sqlite3.OperationalError("something new"))
    assert odd.vi == "Chưa lưu: something new"  # an unknown reason as SQLite says it
