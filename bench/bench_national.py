"""National scale (issue 8): start-up, a grid of every commune, a national aggregate.

On the national database of ``national.py`` (3,321 communes × 29 indicators × 168 months,
16.2M values), each figure next to a reference measured in the same run:

- ``ictdesk --smoke-test`` (whole process) ≤ 2.5× a bare PySide6 window start, and the
  process's peak memory (max RSS) ≤ 200 MB;
- the first start of a day (issue 19: the daily check due, nothing remembered), launched as
  ``ictdesk --db`` and timed until the window is usable (``first_start.py``) ≤ 2.5× the same
  bare window, the daily check then running in the background;
- the grid of one month for all 3,321 communes, first paint (``GridView`` configured, the
  visible rows fetched and checked, a synchronous repaint) ≤ 200 ms, memory growth < 50 MB;
  reference: the month's values of all 3,321 communes read bare through ``sqlite3`` with the
  grid's query (the grid itself reads only the rows it shows);
- one indicator aggregated over the nation by month (the 34 provinces × 168 months, read
  from 558k of the 16M values) ≤ 150 ms; reference: the same SQL through a bare ``sqlite3``
  connection.

Run: ``python3 bench/bench_national.py`` (builds ``bench/national16.db`` on first use, about
four minutes). The database is built, and the figures measured, in processes of their own.
"""

from __future__ import annotations

import datetime
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_startup import bare_window  # noqa: E402
from national import FIRST_MONTH, LAST_MONTH, NATIONAL16_DB  # noqa: E402
from timing import HEADER, command, machine, median_seconds, paired_medians, row  # noqa: E402

from ictdesk.core.periods import Period, period_range  # noqa: E402
from ictdesk.core.series import compute_series, series_sql  # noqa: E402
from ictdesk.core.store import ValueStore  # noqa: E402

HERE = Path(__file__).resolve().parent
GRID_MONTHS = (Period.parse("202512"), Period.parse("202511"))  # alternated: no warm cache
AGGREGATED = "BTS_TOTAL"
_KEEP: list = []


def rss_mb() -> float:
    """This process's resident memory now, in MB."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


# Runs a command and prints the children's max RSS: from a small process, since a child's
# max RSS starts at that of the process it was forked from (the bench can be large).
_PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL,"
    " stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_mb(*args: str, env: dict) -> float:
    """Peak resident memory (max RSS) of one run of a command, in MB."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    return int(done.stdout.split()[-1]) / 1024  # KiB on Linux


def last_checked_yesterday(db: Path) -> None:
    """Make the daily check of a copy due, as on the first start of a day: the file was last
    checked yesterday (the copy is closed again, its log empty, so no crash is seen)."""
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('last_integrity_check', ?)",
                [yesterday],
            )
    finally:
        conn.close()


def first_start_usable(db: Path, work: Path, runs: int) -> tuple[float, bool]:
    """Seconds from launching ``ictdesk --db DB`` on the first start of a day (the daily check
    due, no settings, no backup yet) until its window is shown, painted and its event loop
    turning (``first_start.py``), median of ``runs``; and whether the daily check was then
    running in the background in every run. Each run then closes the window as a user does
    (the check stopped, the day's backup of the whole file made, untimed)."""
    times, in_background = [], True
    for run in range(runs):
        home = work / f"first-start-{run}"
        (home / "config").mkdir(parents=True)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "ICTDESK_DATA_DIR": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
        last_checked_yesterday(db)
        launched = time.time()
        done = subprocess.run(
            [sys.executable, str(HERE / "first_start.py"), str(db)],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        )
        usable_at, checking = done.stdout.split()[-2:]
        times.append(float(usable_at) - launched)
        in_background = in_background and checking == "1"
        shutil.rmtree(home, ignore_errors=True)  # its backup: a copy of the whole file
    return statistics.median(times), in_background


def bench_startup(source: Path, repeat: int) -> list[str]:
    work = Path(tempfile.mkdtemp(prefix="ictdesk-bench-national-"))
    try:
        db = work / "national.db"
        shutil.copyfile(source, db)
        usable, in_background = first_start_usable(db, work, 3)
        last_checked_yesterday(db)
        env = {"QT_QPA_PLATFORM": "offscreen", "ICTDESK_DATA_DIR": str(work)}
        smoke = (sys.executable, "-m", "ictdesk", "--smoke-test", "--db", str(db))
        # the first start with this file in this data folder: no remembered period (the
        # latest quarter is looked for) and the day's rolling backup of the whole file at exit
        first = median_seconds(command(*smoke, env=env), 1)
        bare_run = command(*bare_window(), env=env)
        bare_run()  # writes its bytecode
        ours, bare = paired_medians(command(*smoke, env=env), bare_run, repeat)
        peak = peak_mb(*smoke, env=env)
        bare_peak = peak_mb(*bare_window(), env=env)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [
        row(
            "--smoke-test, national database (whole process)",
            ours,
            bare,
            "≤ 2.5× bare window that paints once",
            ours <= 2.5 * bare,
        ),
        row(
            "  first start of the day (check due, nothing remembered): the window usable,"
            " the daily check "
            + ("in the background" if in_background else "NOT in the background"),
            usable,
            bare,
            "≤ 2.5× bare window that paints once, the check in the background",
            usable <= 2.5 * bare and in_background,
        ),
        row(
            "  the same with --smoke-test (checked before the window, backup at exit)",
            first,
            bare,
            "-",
            True,
        ),
        row(
            "--smoke-test, national database: peak memory (max RSS)",
            peak,
            bare_peak,
            "≤ 200 MB",
            peak <= 200,
            unit="MB",
        ),
    ]


def bench_grid(store: ValueStore, path: Path, repeat: int) -> list[str]:
    from PySide6.QtWidgets import QApplication

    from ictdesk.gui.app import make_application
    from ictdesk.gui.changes import ChangeBus
    from ictdesk.gui.edit_session import EditSession
    from ictdesk.gui.grid.view import GridView
    from ictdesk.gui.i18n import install_language

    app = make_application()
    install_language("vi")
    view = GridView()
    view.resize(1280, 760)
    view.set_store(store, EditSession(None, ChangeBus()))
    view.show()
    app.processEvents()
    # The unit tree has no node for the country: every commune goes under one province's
    # total row, which is what the grid would show for a national node.
    communes = [u for root in store.root_units() for u in store.children(root.code)]
    assert len(communes) == 3321, len(communes)

    def show(period: Period) -> None:
        view.show_units(communes[0].parent_code, communes, period)
        view.table.viewport().repaint()
        QApplication.processEvents()

    before = rss_mb()
    show(GRID_MONTHS[0])
    grown = rss_mb() - before
    assert view.model.rowCount() == 3322
    ours = median_seconds(lambda: show(GRID_MONTHS[0]), repeat, before=lambda: show(GRID_MONTHS[1]))
    # reference: the month's values of every commune, read bare with the grid's own query
    connection = sqlite3.connect(path)
    codes = [u.code for u in communes]
    blocks = [codes[i : i + 500] for i in range(0, len(codes), 500)]

    def read_all() -> None:
        for block in blocks:
            connection.execute(
                "SELECT unit_code, indicator_code, value FROM data_values"
                f" WHERE period = ? AND unit_code IN ({','.join('?' * len(block))})",
                [GRID_MONTHS[0].iso, *block],
            ).fetchall()

    reference = median_seconds(read_all, repeat)
    connection.close()
    view.close()
    _KEEP.append(view)  # destroyed at exit, not by a garbage collection in the middle of a run
    return [
        row(
            "grid of one month, all 3,321 communes: first paint",
            ours,
            reference,
            "≤ 0.2 s",
            ours <= 0.2,
        ),
        row(
            "grid of one month, all 3,321 communes: memory growth",
            grown,
            50.0,
            "< 50 MB",
            grown < 50,
            unit="MB",
        ),
    ]


def bench_aggregate(store: ValueStore, path: Path, repeat: int) -> list[str]:
    months = period_range(FIRST_MONTH, LAST_MONTH)
    provinces = [u.code for u in store.root_units()]
    ours = median_seconds(lambda: compute_series(store, AGGREGATED, provinces, months), repeat)
    sql, params = series_sql(store, AGGREGATED, provinces, months)
    connection = sqlite3.connect(path)
    reference = median_seconds(lambda: connection.execute(sql, params).fetchall(), repeat)
    connection.close()
    return [
        row(
            f"national: {AGGREGATED}, {len(provinces)} provinces × {len(months)} months",
            ours,
            reference,
            "≤ 0.15 s",
            ours <= 0.15,
        )
    ]


def bench_backup(path: Path, repeat: int) -> list[str]:
    """The exit backup against a plain file copy: the window's (it holds the one-writer lock,
    so the checkpointed file is copied as a file) and the online backup API (used for a file
    open read-only, where no lock can be held)."""
    from ictdesk.core.backup import backup_to

    work = Path(tempfile.mkdtemp(prefix="ictdesk-bench-backup-"))
    try:
        store = ValueStore.open(path)
        try:
            window = median_seconds(
                lambda: backup_to(store, work / "backup.db", exclusive=True), repeat
            )
        finally:
            store.close()
        store = ValueStore.open(path, read_only=True)
        try:
            online = median_seconds(lambda: backup_to(store, work / "online.db"), repeat)
        finally:
            store.close()
        copy = median_seconds(lambda: shutil.copyfile(path, work / "copy.db"), repeat)
        synced = median_seconds(lambda: _copy_synced(path, work / "synced.db"), repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [
        row(
            "exit backup of the national file (the window's, under its lock, synced)",
            window,
            synced,
            "≤ 1.5× a file copy made durable (copy + fsync)",
            window <= 1.5 * synced,
        ),
        row("  the same against a bare copy (not synced)", window, copy, "-", True),
        row("  the file open read-only (online backup API)", online, synced, "-", True),
    ]


def _copy_synced(source: Path, target: Path) -> None:
    """A file copy on disk when it returns, as a backup must be (a bare copy is in the cache)."""
    shutil.copyfile(source, target)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def measure(repeat: int) -> list[str]:
    path = NATIONAL16_DB
    lines = [HEADER]
    lines += bench_startup(path, repeat)
    store = ValueStore.open(path, read_only=True)
    try:
        count = store.value_count()
        lines += bench_aggregate(store, path, repeat)
        lines += bench_grid(store, path, repeat)
    finally:
        store.close()
    lines += bench_backup(path, min(repeat, 3))
    size = path.stat().st_size / 1e9
    return [f"national16 database: {count} values, {size:.2f} GB", *lines]


def main(repeat: int = 5) -> list[str]:
    """Build the database and measure, each in a process of its own: memory growth and peak
    memory are then this bench's, not those of whatever ran before in the caller."""
    here = Path(__file__).resolve().parent
    subprocess.run([sys.executable, str(here / "national.py")], check=True)
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--rows", str(repeat)],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return done.stdout.strip().splitlines()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--rows"]:
        print("\n".join(measure(int(sys.argv[2]))))
    else:
        print(machine())
        print("\n".join(main()))
