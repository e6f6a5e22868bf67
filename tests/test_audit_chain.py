"""The audit log is tamper-evident (issue 20 item 9): each row hashed after the one before,
REPLACE refused, ``ictdesk check`` naming every row changed, removed or written around the log,
every kind of change audited, and a restore recorded."""

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from ictdesk.core.audit_chain import GENESIS, Chain, encode_field, row_hash
from ictdesk.core.backup import backup_to, restore
from ictdesk.core.database.connection import Connection
from ictdesk.core.database.files import APPLICATION_ID
from ictdesk.core.database.migrations import migrations
from ictdesk.core.exchange.importer import import_files
from ictdesk.core.store import ValueStore, ValueWrite, audit_tip
from ictdesk.core.units import UnitLevel


def problems(store) -> list:
    return list(store.audit_problems())


def raw(path) -> sqlite3.Connection:
    """A connection of someone with the file and the sqlite3 shell (no ictdesk functions)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn


def check(path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ictdesk", "check", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def written(empty_db):
    """A file with values, a follow-up flag, a completion and a target, written by ictdesk."""
    store = ValueStore.open(empty_db)
    store.save_values(
        [ValueWrite("08740", "BTS_TOTAL", f"2024Q{q}", q * 10) for q in (1, 2, 3, 4)],
        source="form",
    )
    store.save_value("08740", "BTS_TOTAL", "2024Q2", 21, comment="sửa lại")
    store.set_followup("08740", "BTS_TOTAL", "2024Q3", True)
    store.set_complete("08740", "2024Q3")
    store.set_target("BTS_TOTAL", "08740", 2025, 12.5, "NQ 01")
    assert problems(store) == []
    store.close()
    return empty_db


def test_the_encoding_is_typed_and_does_not_depend_on_storage_class():
    assert encode_field(12) == encode_field(12.0) == "i12"
    assert encode_field(None) == "n"
    assert encode_field("12") == "s2:12"
    assert encode_field(0.1) == "r0.1"
    assert row_hash(GENESIS, ["a", "b"]) != row_hash(GENESIS, ["ab", ""])


@pytest.mark.parametrize(
    "fields",
    [
        ("08740", "BTS_TOTAL", "2024Q1", None, 12, None, None, None),
        ("08740", "BTS_TOTAL", "202401", 12.0, 0.5, "cũ", "mới\x1e", "a.csv"),
        ("08740", "X", "2024", -3, 1e300, "", None, "b"),
        ("08740", "X", 2024, 2**40, float("inf"), None, b"\x00", None),  # not text: all fields
    ],
)
def test_the_batch_hash_is_the_row_hash(fields):
    """An import's rows are hashed with four fields in common encoded once: the same hash."""
    chain = Chain(b"x" * 32)
    chain.batch("value", "anh", "2026-01-01T00:00:00.000Z", "import")
    unit, indicator, period, old, new, old_comment, new_comment, detail = fields
    full = ("value", unit, indicator, period, old, new, old_comment, new_comment, "anh")
    full += ("2026-01-01T00:00:00.000Z", "import", detail)
    assert chain.values(*fields) == row_hash(b"x" * 32, full)


def test_the_quick_encoding_of_a_row_is_the_encoding_of_each_field():
    """``check`` hashes every row by a written-out encoding: it must be the general one."""
    from itertools import product

    from ictdesk.core.audit_chain import FIELDS, _row_encoding

    texts = ["value", "", "mới\x1e✎", "s3:abc"]
    numbers = [None, 0, 12, 12.0, -3.5, 0.1, 1e300, float("inf"), 2**70, True]
    notes = [None, "", "sửa lại"]
    others = [7, 7.0, b"\x00\xff", None]  # not text where text is usual: the general way
    seen = 0
    for text, old, new, note in product(texts, numbers, numbers, notes):
        rows = [
            (
                text,
                "08740",
                "BTS_TOTAL",
                "2024Q1",
                old,
                new,
                note,
                None,
                "anh",
                "2026",
                "form",
                note,
            ),
            ("value", text, "X", "202401", old, new, None, note, text, text, text, None),
        ]
        rows += [
            rows[0][:k] + (other,) + rows[0][k + 1 :] for k in (1, 3, 8, 11) for other in others
        ]
        for fields in rows:
            assert len(fields) == len(FIELDS)
            assert _row_encoding(fields) == "\x1e".join(map(encode_field, fields)), fields
            seen += 1
    assert seen > 10_000


@pytest.mark.parametrize(
    "statement",
    [
        "REPLACE INTO audit_log SELECT * FROM audit_log WHERE id = 1",
        "INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log WHERE id = 2",
        "UPDATE audit_log SET new_value = 5 WHERE id = 1",
        "UPDATE OR REPLACE audit_log SET id = 1 WHERE id = 2",
        "DELETE FROM audit_log WHERE id = 1",
    ],
)
def test_the_log_refuses_to_be_rewritten(written, statement):
    conn = raw(written)
    before = conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute(statement)
    assert conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall() == before
    conn.close()


def test_check_names_a_value_edited_in_the_table(written):
    conn = raw(written)
    conn.execute("UPDATE data_values SET value = 999 WHERE period = '2024Q4'")
    conn.execute(
        "INSERT INTO data_values (unit_code, indicator_code, period, value, updated_at)"
        " VALUES ('08740', 'POP_TOTAL', '2024Q4', 1, 'x')"
    )
    conn.execute("UPDATE data_values SET followup = 1 WHERE period = '2024Q1'")
    conn.execute("DELETE FROM completions")
    conn.execute("UPDATE targets SET value = 99")
    conn.close()
    done = check(written)
    assert done.returncode == 1
    out = done.stdout
    assert "value 08740 BTS_TOTAL 2024Q4 is 999 but the latest audit row of it (row 4)" in out
    assert "giá trị 08740 BTS_TOTAL 2024Q4 là 999" in out
    assert "value 08740 POP_TOTAL 2024Q4 is 1 but the audit log has no row for it" in out
    assert "follow-up flag 08740 BTS_TOTAL 2024Q1 is 1" in out
    assert "completion 08740 2024Q3 is 0" in out
    assert "target 08740 BTS_TOTAL 2025 is 99.0 “NQ 01” but" in out
    assert "audit log FAILED (5 problems)" in out


def test_check_notices_the_protection_removed_and_a_row_rewritten(written):
    conn = raw(written)
    conn.execute("DROP TRIGGER audit_log_is_append_only_update")
    conn.execute("DROP TRIGGER audit_log_is_append_only_replace")
    conn.execute("UPDATE audit_log SET new_value = 11 WHERE id = 1")
    conn.execute("UPDATE data_values SET value = 11 WHERE period = '2024Q1'")
    conn.close()
    done = check(written)
    assert done.returncode == 1
    assert "trigger audit_log_is_append_only_update was removed" in done.stdout
    assert "trigger audit_log_is_append_only_replace was removed" in done.stdout
    assert "audit_log_is_append_only_delete" not in done.stdout
    assert "audit log: row 1 does not follow from the row before it" in done.stdout
    assert "nhật ký thay đổi: dòng 1 không khớp với dòng trước nó" in done.stdout
    assert "row 2 " not in done.stdout  # one changed row is one problem


def test_check_notices_a_row_removed_or_forged(written):
    conn = raw(written)
    conn.execute("DROP TRIGGER audit_log_is_append_only_delete")
    conn.execute("DELETE FROM audit_log WHERE id = 3")
    conn.execute(
        "INSERT INTO audit_log (unit_code, indicator_code, period, new_value, stored_by,"
        " changed_at, source, kind, hash) VALUES ('08740', 'POP_TOTAL', '2020', 5, 'x', 'x',"
        " 'form', 'value', zeroblob(32))"
    )
    conn.close()
    store = ValueStore.open(written, read_only=True)
    found = [(p.kind, p.row_id) for p in problems(store)]
    store.close()
    assert ("gap", 4) in found and ("chain", 4) in found
    last = found[-1]
    assert ("chain", 9) in found, found
    assert last[0] == "value"  # POP_TOTAL 2020 logged but not in the table


def test_every_kind_of_change_is_audited(written):
    store = ValueStore.open(written)
    store.set_followup("08740", "BTS_TOTAL", "2024Q3", False)
    store.set_complete("08740", "2024Q3", False)
    store.add_unit("08740-T1", "Thôn 1", UnitLevel.VILLAGE, "08740")
    kinds = [r[0] for r in store.db.execute("SELECT kind FROM audit_log ORDER BY id")]
    assert kinds == [
        *["value"] * 5,
        "followup",
        "completion",
        "target",
        "followup",
        "completion",
        "unit",
    ]
    target = store.db.execute(
        "SELECT old_value, new_value, new_comment, period FROM audit_log WHERE kind = 'target'"
    ).fetchone()
    assert target == (None, 12.5, "NQ 01", "2025")
    assert problems(store) == []
    # the history of a value shows its values only
    assert [e.new_value for e in store.history("08740", "BTS_TOTAL", "2024Q3")] == [30]
    store.close()


def test_an_import_is_chained_with_its_flags_completions_and_deletions(demo_db, tmp_path):
    store = ValueStore.open(demo_db)
    assert problems(store) == []
    csv_path = tmp_path / "change.csv"
    csv_path.write_text(
        "unit_code,unit_name,indicator_code,indicator_name,period,value,comment,stored_by,"
        "updated_at,followup,completed_at,completed_by\r\n"
        "08740,,BTS_TOTAL,,2030Q1,5,,,,true,2030-04-01T00:00:00Z,anh\r\n"
        "08740,,BTS_TOTAL,,2030Q2,6,,,,,,\r\n",
        encoding="utf-8",
    )
    report = import_files(store, [csv_path])
    assert report.written
    store.set_followup("08740", "BTS_TOTAL", "2030Q2", True)
    store.save_value("08740", "BTS_TOTAL", "2030Q2", None)  # a flagged value removed
    kinds = [r[0] for r in store.db.execute("SELECT kind FROM audit_log ORDER BY id DESC LIMIT 6")]
    assert kinds == ["followup", "value", "followup", "completion", "followup", "value"]
    assert problems(store) == []
    store.close()


def _three_values(folder):
    """A long CSV of three values of one commune, for the imports made "large" by a test."""
    path = folder / "bulk.csv"
    path.write_text(
        "unit_code,unit_name,indicator_code,indicator_name,period,value,comment,stored_by,"
        "updated_at,followup,completed_at,completed_by\r\n"
        + "".join(f"08740,,BTS_TOTAL,,2031Q{q},{q},,,,,,\r\n" for q in (1, 2, 3)),
        encoding="utf-8",
    )
    return path


def _triggers(path) -> dict:
    conn = raw(path)
    found = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    conn.close()
    return found


@pytest.mark.parametrize("fails", [False, True])
def test_a_bulk_import_puts_back_the_trigger_it_lifts(demo_db, tmp_path, monkeypatch, fails):
    """A large batch's audit rows are appended with the REPLACE trigger lifted (see
    ``_Audit._chained_values``): afterwards it is there, unchanged, and refuses a REPLACE;
    when the statement fails, the rollback brings it back with everything else."""
    from ictdesk.core.store import audit

    monkeypatch.setattr(audit, "BULK_APPEND", 2)  # this import's 3 values count as large
    before = _triggers(demo_db)
    store = ValueStore.open(demo_db)
    csv_path = _three_values(tmp_path)
    rows = store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    if fails:

        def broken(*_args):
            raise ValueError("hash failed")

        monkeypatch.setattr(store._chain, "values", broken)
        store.db.conn.create_function("ictdesk_audit_chain_values", 8, broken)
        with pytest.raises(Exception, match="not stored"):
            import_files(store, [csv_path])
        assert store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == rows
    else:
        assert import_files(store, [csv_path]).written
        assert store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == rows + 3
        assert problems(store) == []
    store.close()
    assert _triggers(demo_db) == before
    conn = raw(demo_db)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log WHERE id = 1")
    conn.close()


@pytest.mark.parametrize("tampering", ["changed", "removed"])
def test_a_bulk_import_leaves_a_tampered_trigger_for_check_to_report(
    demo_db, tmp_path, monkeypatch, tampering
):
    """The trigger is lifted only when it is ictdesk's own: one changed or removed outside
    ictdesk is not restored by an import (which would hide it from ``check``) and does not
    make the import fail."""
    from ictdesk.core.store import audit

    monkeypatch.setattr(audit, "BULK_APPEND", 2)
    conn = raw(demo_db)
    conn.execute("DROP TRIGGER audit_log_is_append_only_replace")
    if tampering == "changed":
        conn.execute(
            "CREATE TRIGGER audit_log_is_append_only_replace BEFORE INSERT ON audit_log"
            " WHEN 0 BEGIN SELECT 1; END"
        )
    conn.close()
    csv_path = _three_values(tmp_path)
    store = ValueStore.open(demo_db)
    assert import_files(store, [csv_path]).written
    messages = [p.message_en for p in problems(store) if p.kind == "trigger"]
    assert messages == [
        f"the audit log is not protected: trigger audit_log_is_append_only_replace was {tampering}"
    ]
    store.close()


def test_a_restore_is_recorded_with_what_it_dropped(written, tmp_path):
    store = ValueStore.open(written)
    backup = backup_to(store, tmp_path / "yesterday.db")
    backed_up = store.audit_tip()
    store.save_value("08740", "BTS_TOTAL", "2025Q1", 1)
    store.save_value("08740", "BTS_TOTAL", "2025Q2", 2)
    store.close()
    replaced = audit_tip(written)
    assert replaced.rows == backed_up.rows + 2
    safety = restore(backup, written)  # records itself: the backup's rows and one more
    tip = audit_tip(written)
    assert tip.rows == backed_up.rows + 1 and tip.last_hash != backed_up.last_hash
    store = ValueStore.open(written, read_only=True)
    row = store.db.execute(
        "SELECT kind, source, new_comment, source_detail FROM audit_log ORDER BY id DESC"
    ).fetchone()
    assert problems(store) == []
    store.close()
    assert row[:3] == ("restore", "restore", "restored from yesterday.db")
    detail = json.loads(row[3])
    assert detail["backup"] == "yesterday.db"
    assert detail["backup_last_hash"] == backed_up.last_hash
    assert detail["replaced_last_hash"] == replaced.last_hash
    assert detail["rows_not_restored"] == 2
    assert detail["safety_copy"] == safety.name


def test_audit_tip_of_an_unreadable_file_is_none(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    assert audit_tip(junk) is None


def _old_file(path):
    """A file as the version before the chain left it: values audited, a flag, a completion
    and a target never audited."""
    db = Connection.open(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db, stop_before="m006_audit_chain")
    with db.conn:
        db.execute(
            "INSERT INTO data_values (unit_code, indicator_code, period, value, followup,"
            " updated_at) VALUES ('08740', 'BTS_TOTAL', '2024Q1', 7, 1, 't')"
        )
        db.execute(
            "INSERT INTO audit_log (unit_code, indicator_code, period, new_value, stored_by,"
            " changed_at, source) VALUES ('08740', 'BTS_TOTAL', '2024Q1', 7, 'a', 't', 'form')"
        )
        db.execute("INSERT INTO completions VALUES ('08740', '2024Q1', 'a', 't')")
        db.execute("INSERT INTO targets VALUES ('BTS_TOTAL', '08740', 2025, 9, 'd')")
    db.close()


def test_upgrading_chains_the_rows_there_and_records_what_was_never_audited(tmp_path):
    path = tmp_path / "old.db"
    _old_file(path)
    ValueStore.upgrade(path)
    store = ValueStore.open(path)
    rows = store.db.execute(
        "SELECT id, kind, source, new_value FROM audit_log ORDER BY id"
    ).fetchall()
    assert rows == [
        (1, "value", "form", 7),
        (2, "followup", "upgrade", 1),
        (3, "completion", "upgrade", 1),
        (4, "target", "upgrade", 9),
    ]
    assert problems(store) == []
    store.save_value("08740", "BTS_TOTAL", "2024Q1", 8)
    assert problems(store) == []
    store.close()
    assert check(path).returncode == 0


def test_a_backup_keeps_its_chain(written, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copyfile(written, copy)
    assert check(copy).returncode == 0
