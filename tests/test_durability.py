"""Nothing is reported saved before it is on disk (issue 20 item 7).

Each write path that tells the user it succeeded (the form, the grid, an undo, an import, the
follow-up flag, completion, targets) syncs the database's write-ahead log (or the file) before
it says so: strace follows a process doing the writes through the real store API and the
importer, and every acknowledgement it prints must come after an fsync/fdatasync of the
database since the previous one. A kill -9 right after an acknowledgement loses nothing.
"""

import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ictdesk.core.store import ValueStore

WRITER = r"""
import sys
from pathlib import Path
from ictdesk.core.exchange.importer import import_files
from ictdesk.core.store import ValueStore, ValueWrite

db, csv_path = sys.argv[1], Path(sys.argv[2])
store = ValueStore.open(db)

def ack(what):
    sys.stdout.write(f"ACK {what}\n")
    sys.stdout.flush()

store.save_value("08740", "BTS_TOTAL", "2024Q1", 7, source="form")
ack("form")
store.save_values([ValueWrite("08740", "BTS_TOTAL", "2024Q2", 8)], source="grid")
ack("grid")
store.save_values([ValueWrite("08740", "BTS_TOTAL", "2024Q1", None)], source="undo")
ack("undo")
report = import_files(store, [csv_path])
assert report.written, report
ack("import")
store.set_followup("08740", "BTS_TOTAL", "2024Q2", True)
ack("followup")
store.set_complete("08740", "2024Q2")
ack("completion")
store.set_target("BTS_TOTAL", "08740", 2025, 12)
ack("target")
store.close()
"""

CSV = (
    "unit_code,unit_name,indicator_code,indicator_name,period,value,comment,stored_by,"
    "updated_at\r\n"
    "08740,,BTS_TOTAL,,2024Q3,9,,,\r\n"
    "08740,,BTS_TOTAL,,2024Q4,10,,,\r\n"
)


def _strace() -> str:
    found = shutil.which("strace")
    assert found, "strace is needed (apt-get install strace; .ci/run installs it)"
    return found


def test_every_acknowledged_write_is_synced_before_it_is_acknowledged(empty_db, tmp_path):
    csv_path = tmp_path / "two.csv"
    csv_path.write_text(CSV, encoding="utf-8")
    log = tmp_path / "strace.log"
    subprocess.run(
        [
            _strace(),
            "-f",
            "-y",
            "-e",
            "trace=fsync,fdatasync,write",
            "-o",
            str(log),
            sys.executable,
            "-c",
            WRITER,
            str(empty_db),
            str(csv_path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    synced_since_last_ack = False
    acknowledged = []
    database = re.escape(empty_db.name)
    for line in log.read_text(errors="replace").splitlines():
        if re.search(rf"f(data)?sync\(\d+<[^>]*{database}(-wal)?>\) = 0", line):
            synced_since_last_ack = True
        elif match := re.search(r'write\(1<[^>]*>, "ACK (\w+)\\n"', line):
            acknowledged.append((match.group(1), synced_since_last_ack))
            synced_since_last_ack = False
    assert [what for what, _ in acknowledged] == [
        "form",
        "grid",
        "undo",
        "import",
        "followup",
        "completion",
        "target",
    ]
    unsynced = [what for what, synced in acknowledged if not synced]
    assert not unsynced, f"acknowledged before any fsync of the database: {unsynced}"


IMPORTER = r"""
import sys
from pathlib import Path
from ictdesk.core.exchange.importer import import_files
from ictdesk.core.store import ValueStore

store = ValueStore.open(sys.argv[1])
for i, name in enumerate(sys.argv[2:]):
    import_files(store, [Path(name)])
    print(i, flush=True)
"""

KILL_TRIES = 12


@pytest.mark.parametrize("after", range(KILL_TRIES))
def test_kill_right_after_an_acknowledged_import_loses_nothing(empty_db, tmp_path, after):
    """A process imports file after file; it is killed (-9) as soon as import ``after`` is
    acknowledged: every acknowledged import is in the file."""
    files = []
    for i in range(after + 3):
        path = tmp_path / f"f{i}.csv"
        path.write_text(
            CSV.split("\r\n", 1)[0]
            + "\r\n"
            + "".join(f"08740,,BTS_TOTAL,,{2000 + i}{m:02d},{i * 100 + m},,,\r\n" for m in (1, 2)),
            encoding="utf-8",
        )
        files.append(str(path))
    process = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(empty_db), *files],
        stdout=subprocess.PIPE,
        text=True,
    )
    acknowledged = -1
    for line in process.stdout:
        acknowledged = int(line)
        if acknowledged >= after:
            process.send_signal(signal.SIGKILL)
            break
    process.wait()
    assert acknowledged >= after
    store = ValueStore.open(empty_db)
    try:
        for i in range(acknowledged + 1):
            stored = store.value("08740", "BTS_TOTAL", f"{2000 + i}02")
            assert stored is not None and stored.value == i * 100 + 2, i
    finally:
        store.close()


def test_synced_writes_keep_synchronous_full_after_an_import(empty_db, tmp_path):
    """The import's bulk settings do not leave the connection less durable."""
    csv_path = tmp_path / "two.csv"
    csv_path.write_text(CSV, encoding="utf-8")
    from ictdesk.core.exchange.importer import import_files

    store = ValueStore.open(empty_db)
    try:
        with store.bulk():
            assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        import_files(store, [Path(csv_path)])
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2
    finally:
        store.close()
