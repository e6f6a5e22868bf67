"""Opening and creating database files: refuse what is not ours, never touch a byte of it."""

import sqlite3

import pytest

from ictdesk.core.errors import (
    DatabaseTooNew,
    DatabaseUnavailable,
    IctdeskError,
    NotAnIctdeskDatabase,
)
from ictdesk.core.store import ValueStore

REFUSED = (NotAnIctdeskDatabase, DatabaseUnavailable)


def folder_listing(folder):
    return sorted(p.name for p in folder.iterdir())


def assert_refused(path, errors=REFUSED):
    """Opening ``path`` raises one of ``errors`` and leaves the file exactly as it was."""
    before = path.read_bytes()
    with pytest.raises(errors) as caught:
        ValueStore.open(path)
    assert str(caught.value)
    assert path.read_bytes() == before
    return caught.value


def test_garbage_file_is_refused(tmp_path):
    path = tmp_path / "garbage.db"
    path.write_bytes(bytes(range(256)) * 40)
    error = assert_refused(path)
    assert isinstance(error, NotAnIctdeskDatabase)


def test_text_file_is_refused(tmp_path):
    path = tmp_path / "report.db"
    path.write_text("unit_code,value\n08740,12\n", encoding="utf-8")
    assert_refused(path)


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    assert_refused(path)
    assert path.stat().st_size == 0


def test_missing_file_is_unavailable(tmp_path):
    with pytest.raises(DatabaseUnavailable):
        ValueStore.open(tmp_path / "nothing-here.db")
    assert folder_listing(tmp_path) == ["data"]


@pytest.mark.parametrize(
    "keep",
    [
        lambda size: 100,  # inside the header
        lambda size: 4096,  # the first page only
        lambda size: size // 2,
        lambda size: size // 2 + 123,  # not on a page boundary
        lambda size: size - 4096,  # the last page lost
        lambda size: size - 1000,  # an interrupted copy, a few bytes short
    ],
    ids=["header", "first-page", "half", "half-unaligned", "all-but-last-page", "all-but-1000"],
)
def test_truncated_copy_of_a_real_database_is_refused(demo_db, tmp_path, keep):
    data = demo_db.read_bytes()
    path = tmp_path / "truncated.db"
    path.write_bytes(data[: keep(len(data))])
    assert_refused(path)


def test_plain_sqlite_file_without_the_schema_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('An', '0912345678')")
    conn.commit()
    conn.close()
    error = assert_refused(path)
    assert isinstance(error, NotAnIctdeskDatabase)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT * FROM contacts").fetchall() == [("An", "0912345678")]
    conn.close()


def test_sqlite_file_with_our_id_but_no_migrations_table_is_refused(tmp_path):
    path = tmp_path / "half-made.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1229149252")  # 0x49435444, "ICTD"
    conn.execute("CREATE TABLE units (code TEXT)")
    conn.commit()
    conn.close()
    assert_refused(path)


def _add_future_migration(path):
    conn = sqlite3.connect(path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(_sqlite_migrations)")]
    row = {"migration_set": "ictdesk", "name": "m999_from_the_future"}
    if "applied_at" in columns:
        row["applied_at"] = "2030-01-01T00:00:00"
    marks = ", ".join("?" * len(row))
    conn.execute(
        f"INSERT INTO _sqlite_migrations ({', '.join(row)}) VALUES ({marks})", list(row.values())
    )
    conn.commit()
    conn.close()


def test_database_from_a_newer_version_is_refused(empty_db):
    _add_future_migration(empty_db)
    error = assert_refused(empty_db, DatabaseTooNew)
    assert "m999_from_the_future" in str(error)


def test_newer_database_that_was_in_use_is_refused(demo_db):
    _add_future_migration(demo_db)
    assert_refused(demo_db, DatabaseTooNew)


@pytest.mark.parametrize("case", ["truncated", "too-new"])
def test_refused_file_gets_no_side_files(demo_db, tmp_path, case):
    """inspect_file promises not to write a byte: no -wal or -shm left next to a refused file."""
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "copy.db"
    if case == "truncated":
        data = demo_db.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    else:
        _add_future_migration(demo_db)
        path.write_bytes(demo_db.read_bytes())
    with pytest.raises(IctdeskError):
        ValueStore.open(path)
    assert folder_listing(folder) == ["copy.db"]


def test_a_real_database_opens(empty_db, demo_db):
    for path in (empty_db, demo_db):
        store = ValueStore.open(path)
        try:
            assert store.province_code == "25"
        finally:
            store.close()


# --------------------------------------------------------------------- creating
def test_create_refuses_an_existing_file(tmp_path):
    path = tmp_path / "mine.db"
    path.write_bytes(b"precious spreadsheet bytes")
    with pytest.raises(DatabaseUnavailable):
        ValueStore.create(path, {"province_code": "25"})
    assert path.read_bytes() == b"precious spreadsheet bytes"
    assert folder_listing(tmp_path) == ["data", "mine.db"]


def test_create_refuses_an_existing_database(empty_db):
    before = empty_db.read_bytes()
    with pytest.raises(DatabaseUnavailable):
        ValueStore.create(empty_db, {"province_code": "01"})
    assert empty_db.read_bytes() == before


def test_create_refuses_an_existing_folder(tmp_path):
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    with pytest.raises(DatabaseUnavailable):
        ValueStore.create(folder)
    assert folder.is_dir()
    assert list(folder.iterdir()) == []


def test_create_in_a_missing_folder_creates_nothing(tmp_path):
    target = tmp_path / "missing" / "deeper" / "new.db"
    before = folder_listing(tmp_path)
    with pytest.raises(DatabaseUnavailable):
        ValueStore.create(target, {"province_code": "25"})
    assert not (tmp_path / "missing").exists()
    assert folder_listing(tmp_path) == before


def test_create_in_a_read_only_folder_creates_nothing():
    from tests.system_helpers import remount_read_only, tmpfs

    with tmpfs() as folder:  # read-only for root too (a chmod is not)
        remount_read_only(folder)
        with pytest.raises(DatabaseUnavailable):
            ValueStore.create(folder / "new.db")
        assert list(folder.iterdir()) == []


def test_create_leaves_only_the_new_file(tmp_path):
    target = tmp_path / "new.db"
    ValueStore.create(target, {"province_code": "25", "stored_by": "Chị Lan"})
    assert folder_listing(tmp_path) == ["data", "new.db"]
    store = ValueStore.open(target)
    try:
        assert store.province_code == "25"
        assert store.stored_by == "Chị Lan"
        assert store.value_count() == 0
    finally:
        store.close()


def test_the_full_check_runs_after_an_unclean_close_not_after_a_reader(tmp_path):
    from ictdesk.core.database import CHECKED_KEY, inspect_file
    from ictdesk.core.store import ValueStore

    path = tmp_path / "a.db"
    ValueStore.create(path, {"province_code": "25"})
    store = ValueStore.open(path)
    store.set_setting(CHECKED_KEY, __import__("datetime").date.today().isoformat())
    store.close()
    assert inspect_file(path) is False  # checked today, closed cleanly
    wal = tmp_path / "a.db-wal"
    wal.write_bytes(b"")  # what a read-only reader leaves: nothing to recover
    assert inspect_file(path) is False
    wal.write_bytes(b"\0" * 32)  # frames of a writer that did not close
    assert inspect_file(path) is True


def test_opening_errors_speak_vietnamese_too(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"not a database at all" * 20)
    with pytest.raises(NotAnIctdeskDatabase) as refused:
        ValueStore.open(junk)
    assert "không phải cơ sở dữ liệu ictdesk" in refused.value.message("vi")
    with pytest.raises(DatabaseUnavailable) as missing:
        ValueStore.open(tmp_path / "none.db")
    assert "Không tìm thấy tệp" in missing.value.message("vi")
    with pytest.raises(DatabaseUnavailable) as exists:
        ValueStore.create(junk)
    assert "đã có" in exists.value.message("vi")


def test_a_full_check_stopped_from_another_thread_ends_at_once(demo_db):
    """A window closing stops the daily check (``CheckStop``): the check ends with
    CheckStopped, and the file is not called damaged; a check not stopped passes."""
    import threading

    from ictdesk.core.errors import CheckStopped
    from ictdesk.core.store import CheckStop

    stop = CheckStop()
    stop.stop()  # before the check reached its query
    with pytest.raises(CheckStopped, match="stopped"):
        ValueStore.check_file(demo_db, stop)
    ValueStore.check_file(demo_db, CheckStop())
    # while a statement runs on another thread, stop() interrupts its connection
    running, started, outcome = CheckStop(), threading.Event(), []

    def endless():
        conn = sqlite3.connect(":memory:")
        conn.create_function("started", 0, started.set)
        try:
            running.first_value(
                conn,
                "WITH RECURSIVE n(i) AS (SELECT started() UNION ALL SELECT i + 1 FROM n)"
                " SELECT count(*) FROM n",
                "endless",
            )
        except CheckStopped as exc:
            outcome.append(str(exc))
        conn.close()

    thread = threading.Thread(target=endless)
    thread.start()
    assert started.wait(10)
    running.stop()
    thread.join(10)
    assert not thread.is_alive() and outcome == ["the check of endless was stopped"]
