"""Start-up, saving one value and switching unit or period, on the province database.

Budgets (issue 8): ``--smoke-test`` ≤ 2× a bare PySide6 window start; one saved value
(upsert + audit) ≤ 10 ms; switching unit or period in the entry form ≤ 50 ms.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from province import build_province
from timing import HEADER, command, machine, paired_medians, row

# The reference (issue 19): a bare window that paints once, QMainWindow + show() + one
# repaint(), run like ictdesk from bytecode (a file, not -c: its bytecode is cached too).
BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication([]); w = QMainWindow(); w.show(); w.repaint()\n"
    "QTimer.singleShot(0, app.quit); app.exec()\n"
)


def bare_window() -> list[str]:
    """The command of the bare window, from a module whose bytecode Python caches."""
    folder = Path(tempfile.gettempdir()) / "ictdesk-bench-bare"
    folder.mkdir(exist_ok=True)
    (folder / "bare_window.py").write_text(BARE, encoding="utf-8")
    return [
        sys.executable,
        "-c",
        f"import sys; sys.path.insert(0, {str(folder)!r}); import bare_window",
    ]


def main(repeat: int = 7) -> list[str]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # An installed ictdesk runs from compiled bytecode (pip and the packaged build write it),
    # as PySide6 itself does here; a machine that forbids writing it would time compiling
    # ictdesk's sources on every start instead. The first untimed run writes it.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    source = build_province()
    work = Path(tempfile.mkdtemp(prefix="ictdesk-bench-start-"))
    db = work / "province.db"
    shutil.copyfile(source, db)
    env = {"QT_QPA_PLATFORM": "offscreen", "ICTDESK_DATA_DIR": str(work)}
    smoke = command(sys.executable, "-m", "ictdesk", "--smoke-test", "--db", str(db), env=env)
    smoke()  # writes the bytecode, as installing does
    bare_run = command(*bare_window(), env=env)
    bare_run()  # writes its bytecode, as ictdesk's first run does
    ours, bare = paired_medians(smoke, bare_run, repeat)
    lines = [
        row(
            "--smoke-test, province database (whole process)",
            ours,
            bare,
            "≤ 2× bare window that paints once",
            ours <= 2 * bare,
        )
    ]

    from ictdesk.core.periods import Period
    from ictdesk.core.store import ValueStore
    from ictdesk.gui.app import make_application
    from ictdesk.gui.window import MainWindow

    app = make_application()
    window = MainWindow(ValueStore.open(db))
    window.show()
    app.processEvents()
    store = window.store
    saves = []
    for i in range(30):
        started = time.perf_counter()
        store.save_value("08740", "BTS_TOTAL", "202512", 40 + i, source="form")
        saves.append(time.perf_counter() - started)
    save = statistics.median(saves)
    lines.append(
        row(
            "saving one value (upsert + audit, synchronous=FULL)",
            save * 1000,
            10.0,
            "≤ 10 ms",
            save <= 0.010,
            unit="ms",
        )
    )
    period = Period.parse("202512")
    window.period_picker.set_period(period)
    switches = []
    for code in [u.code for u in store.children("25")[:20]]:
        started = time.perf_counter()
        window.unit_tree.select(code)
        app.processEvents()
        switches.append(time.perf_counter() - started)
    switch = statistics.median(switches)
    lines.append(
        row(
            "switching unit in the entry form (load + checks + paint)",
            switch * 1000,
            50.0,
            "≤ 50 ms",
            switch <= 0.050,
            unit="ms",
        )
    )
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return lines


if __name__ == "__main__":
    print(machine())
    print(HEADER)
    print("\n".join(main()))
