"""Nothing entered is ever lost, no bad file takes the app down (issue 7)."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ictdesk.core.backup import automatic_backup, backup_to, list_backups, restore, rolling_backup
from ictdesk.core.errors import IctdeskError, StorageError
from ictdesk.core.exchange.common import DHIS2_HEADER, LONG_HEADER, Selection
from ictdesk.core.exchange.export import export
from ictdesk.core.exchange.importer import import_files
from ictdesk.core.filesystem import is_network_path
from ictdesk.core.store import ValueStore, ValueWrite
from ictdesk.core.units import UnitLevel


def integrity(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def count_values(path) -> int:
    store = ValueStore.open(path)
    try:
        return store.value_count()
    finally:
        store.close()


@pytest.fixture
def big_csv(demo_store, tmp_path) -> Path:
    path = tmp_path / "all.csv"
    export(demo_store, "long", Selection(), path)
    return path


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5, 2.5])
def test_kill_during_a_large_import_leaves_all_or_nothing(big_csv, empty_db, delay):
    process = subprocess.Popen(
        [sys.executable, "-m", "ictdesk", "import", str(big_csv), "--db", str(empty_db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert integrity(empty_db) == "ok"
    assert count_values(empty_db) in (0, 85840)


BURST = """
import sys
from ictdesk.core.store import ValueStore
store = ValueStore.open(sys.argv[1])
for i in range(100000):
    store.save_value("08740", "BTS_TOTAL", f"{2000 + i // 12}{i % 12 + 1:02d}", i)
    print(i, flush=True)
"""


@pytest.mark.parametrize("acks", [1, 25, 120])
def test_kill_during_a_burst_of_saves_keeps_every_acknowledged_one(empty_db, acks):
    process = subprocess.Popen(
        [sys.executable, "-c", BURST, str(empty_db)], stdout=subprocess.PIPE, text=True
    )
    acknowledged = -1
    for line in process.stdout:
        acknowledged = int(line)
        if acknowledged + 1 >= acks:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert integrity(empty_db) == "ok"
    store = ValueStore.open(empty_db)
    try:
        for i in range(acknowledged + 1):
            period = f"{2000 + i // 12}{i % 12 + 1:02d}"
            assert store.value("08740", "BTS_TOTAL", period).value == i
    finally:
        store.close()


def test_disk_full_is_reported_and_prior_data_is_intact(store):
    store.save_value("08740", "BTS_TOTAL", "2025Q4", 36)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    big = [
        ValueWrite(unit.code, "POP_TOTAL", f"{year}Q{q}", 1000 + year)
        for unit in store.children("25")
        for year in range(2000, 2025)
        for q in range(1, 5)
    ]
    with pytest.raises(StorageError, match="full"):
        store.save_values(big, source="import")
    assert store.value_count() == 1
    assert store.value("08740", "BTS_TOTAL", "2025Q4").value == 36
    store.save_value("08740", "BTS_4G", "2025Q4", 30)  # small writes still fit: the app goes on
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_read_only_store_refuses_every_write_and_changes_no_byte(empty_db):
    before = empty_db.read_bytes()
    store = ValueStore.open(empty_db, read_only=True)
    try:
        assert store.read_only
        for write in (
            lambda: store.save_value("08740", "BTS_TOTAL", "2025Q4", 1),
            lambda: store.set_setting("x", "y"),
            lambda: store.set_complete("08740", "2025Q4"),
        ):
            with pytest.raises(StorageError):
                write()
        assert store.value_count() == 0
    finally:
        store.close()
    assert empty_db.read_bytes() == before


def test_network_mounts_are_recognised():
    mounts = (
        "/dev/sda1 / ext4 rw 0 0\n"
        "//server/share /mnt/phong\\040ke\\040toan cifs rw 0 0\n"
        "nas:/export /srv/nfs nfs4 rw 0 0\n"
    )
    assert is_network_path("/mnt/phong ke toan/ictdesk.db", mounts)
    assert is_network_path("/srv/nfs/so-lieu/ictdesk.db", mounts)
    assert not is_network_path("/home/lan/ictdesk.db", mounts)
    assert is_network_path("\\\\SERVER\\share\\ictdesk.db")


def test_backup_while_writing_then_restore_gives_the_same_contents(store, tmp_path):
    stop = threading.Event()
    path = store.path

    def writer():
        other = ValueStore.open(path)
        i = 0
        while not stop.is_set():
            other.save_value("07900", "CDT_TEAMS", f"{2000 + i // 12}{i % 12 + 1:02d}", i + 1)
            i += 1
        other.close()

    thread = threading.Thread(target=writer)
    thread.start()
    time.sleep(0.3)
    copy = backup_to(store, tmp_path / "copy.db")
    stop.set()
    thread.join()
    assert integrity(copy) == "ok"
    snapshot = ValueStore.open(copy, read_only=True)
    expected = sorted(snapshot.db.execute("SELECT * FROM data_values").fetchall())
    snapshot.close()
    assert expected  # the writer had written some values
    store.close()
    restore(copy, path)
    restored = ValueStore.open(path)
    try:
        assert sorted(restored.db.execute("SELECT * FROM data_values").fetchall()) == expected
        assert restored.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        restored.close()


def test_restore_backs_up_the_current_file_first(store, isolated_data_dir):
    store.save_value("08740", "BTS_TOTAL", "2025Q4", 1)
    first = rolling_backup(store)
    store.save_value("08740", "BTS_TOTAL", "2025Q4", 2)
    path = store.path
    store.close()
    safety = restore(first, path)
    assert count_values(path) == 1
    reopened = ValueStore.open(safety)
    assert reopened.value("08740", "BTS_TOTAL", "2025Q4").value == 2
    reopened.close()
    backups = list_backups(path)
    assert {b.path for b in backups} == {first, safety}
    assert all(b.values == 1 for b in backups)


def test_rolling_backups_keep_the_newest_n_days_and_run_at_most_daily(store):
    from datetime import datetime, timedelta

    store.set_setting("backup_keep", "2")
    made = [rolling_backup(store, now=datetime.now() - timedelta(days=d)) for d in (2, 1, 0)]
    assert [b.path for b in list_backups(store.path)] == made[:0:-1]
    assert automatic_backup(store) is None  # the newest is less than a day old


def test_cli_check_and_backup(demo_db, tmp_path):
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "ictdesk", *map(str, a)], capture_output=True, text=True, timeout=120
    )
    done = run("check", "--db", demo_db)
    assert done.returncode == 0 and "integrity ok" in done.stdout
    # seconds of work say where they are, on stderr, the findings staying on stdout
    assert "checking the audit log (" in done.stderr and " rows: " in done.stderr
    assert "validating " in done.stderr and "ictdesk:" not in done.stdout
    copy = tmp_path / "copy.db"
    assert run("backup", "--db", demo_db, "-o", copy).returncode == 0
    assert count_values(copy) == 85840
    store = ValueStore.open(demo_db)
    store.save_value("08740", "BTS_5G", "2025Q4", 999)  # more 5G than all stations
    store.close()
    done = run("check", "--db", demo_db)
    assert done.returncode == 1 and "08740 2025Q4" in done.stdout
    done = run("backup", "--db", demo_db, "-o", copy)
    assert done.returncode == 1 and "already exists" in done.stderr


# ------------------------------------------------------------------ fuzzing importers
def _snapshot(store):
    return (
        store.value_count(),
        store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0],
    )


csv_cells = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["08740", "BTS_TOTAL", "2025Q4", "12.500", "83,6", "", "-1", "=1+1", "1e9"]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    header=st.sampled_from(
        [
            list(LONG_HEADER),
            ["Mã đơn vị", "Tên đơn vị", "Kỳ báo cáo", "X [BTS_TOTAL]"],
            list(DHIS2_HEADER),
            ["a", "b"],
        ]
    ),
    rows=st.lists(st.lists(csv_cells, max_size=11), max_size=6),
    delimiter=st.sampled_from([",", ";"]),
)
def test_fuzzed_csv_never_escapes_and_rejections_change_nothing(
    store, tmp_path, header, rows, delimiter
):
    path = tmp_path / "fuzz.csv"
    text = "\n".join(delimiter.join(r) for r in [header, *rows])
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    before = _snapshot(store)
    try:
        import_files(store, [path])
    except IctdeskError:
        assert _snapshot(store) == before


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(blob=st.binary(max_size=400))
def test_fuzzed_bytes_never_escape(store, tmp_path, blob):
    path = tmp_path / "fuzz.bin"
    path.write_bytes(blob)
    before = _snapshot(store)
    with pytest.raises(IctdeskError):
        import_files(store, [path])
    assert _snapshot(store) == before


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.dictionaries(
        st.sampled_from(["D2", "D3", "F6", "F7", "G6", "B6", "B7"]),
        st.one_of(
            # text a spreadsheet can hold (XML has no place for surrogates or noncharacters)
            st.text(
                st.characters(min_codepoint=32, blacklist_categories=("Cs", "Cn", "Co")),
                max_size=8,
            ),
            st.integers(-5, 10**7),
            st.floats(allow_nan=True),
        ),
        max_size=5,
    )
)
def test_fuzzed_templates_never_escape(store, tmp_path, cells, template_source):
    from openpyxl import load_workbook

    for unit in TEMPLATE_UNITS:  # the template's small district, as in its database
        if not store.has_unit(unit[0]):
            store.add_unit(*unit)
    path = tmp_path / "fuzz.xlsx"
    shutil.copyfile(template_source, path)
    book = load_workbook(path)
    sheet = book[book.sheetnames[1]]
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(path)
    before = _snapshot(store)
    try:
        import_files(store, [path])
    except IctdeskError:
        assert _snapshot(store) == before


@pytest.fixture(scope="module")
def template_source(tmp_path_factory):
    from ictdesk.core.exchange.template import write_template

    folder = tmp_path_factory.mktemp("template")
    db = folder / "t.db"
    ValueStore.create(db, {"province_code": "25"})
    store = ValueStore.open(db)
    for unit in TEMPLATE_UNITS:
        store.add_unit(*unit)
    path = folder / "t.xlsx"
    # Two sheets, not the province's 148: each example loads and saves the whole workbook.
    write_template(store, TEMPLATE_UNITS[0][0], "2026Q1", path)
    store.close()
    return path


TEMPLATE_UNITS = [
    ("25-H1", "Huyện thử", UnitLevel.DISTRICT, "25"),
    ("25-H1-1", "Xã thử một", UnitLevel.COMMUNE, "25-H1"),
    ("25-H1-2", "Xã thử hai", UnitLevel.COMMUNE, "25-H1"),
]


# ------------------------------------------------------------------ one writer (GUI)
HOLD = """
import sys, time
from PySide6.QtCore import QCoreApplication
from ictdesk.gui.lock import DatabaseLock
app = QCoreApplication([])
lock = DatabaseLock(sys.argv[1])
print("locked" if lock.acquire() else "busy", flush=True)
time.sleep(60)
"""


@pytest.fixture
def holder(empty_db):
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(empty_db)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "locked"
    yield process
    process.kill()
    process.wait()


def test_a_second_window_is_told_who_holds_the_file_and_may_read_only(
    qtbot, empty_db, holder, asker
):
    from ictdesk.gui.app import make_application
    from ictdesk.gui.window import MainWindow

    make_application()
    window = MainWindow()
    qtbot.addWidget(window)
    asker.answers["ask_open_read_only"] = False
    assert not window.open_path(empty_db)
    assert window.store is None
    [(_question, (_path, who))] = asker.asked
    assert who["user"] and who["host"]
    asker.answers["ask_open_read_only"] = True
    assert window.open_path(empty_db)
    assert window.store.read_only and window.status.read_only_label.isVisibleTo(window)
    assert window.entry_form.fields["BTS_TOTAL"].isReadOnly()
    window.close()


def test_a_lock_left_by_a_killed_process_is_recovered(qtbot, empty_db, holder):
    from ictdesk.gui.app import make_application
    from ictdesk.gui.window import MainWindow

    holder.send_signal(signal.SIGKILL)
    holder.wait()
    make_application()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(empty_db)  # the scripted user would fail if it were asked
    assert not window.store.read_only
    window.close()
    assert not Path(f"{empty_db}.lock").exists()


def test_closing_makes_the_daily_backup(qtbot, empty_db, isolated_data_dir):
    from ictdesk.gui.app import make_application
    from ictdesk.gui.window import MainWindow

    make_application()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(empty_db)
    window.store.save_value("08740", "BTS_TOTAL", "2025Q4", 36)
    window.close()
    [backup] = list_backups(empty_db)
    assert backup.values == 1
    assert os.path.commonpath([backup.path, isolated_data_dir]) == str(isolated_data_dir)


def test_a_backup_reports_its_progress_to_the_end(store, tmp_path):
    store.save_values(
        [ValueWrite("08740", "BTS_TOTAL", f"2020{m:02d}", m) for m in range(1, 13)], source="form"
    )
    heard = []
    backup_to(store, tmp_path / "copy.db", lambda done, total: heard.append((done, total)))
    assert heard and heard[-1][0] == heard[-1][1] > 0
    assert automatic_backup(store, progress=lambda *_: heard.append("again")) is not None
