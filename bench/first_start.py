"""``ictdesk --db DB`` started as a user starts it, timed until the window can be used.

Usage: python3 first_start.py DB. Runs the application's own start (``gui.app.run_gui``, the
path ``ictdesk --db DB`` takes: the lock, the daily check in the background, the latest period
looked for) and, once the window is shown, painted and its event loop turning, prints the
wall-clock time (``time.time()``) and whether the daily check was still running in the
background then (1 or 0); the window is then closed as a user closes it (the check stopped,
the day's backup made). The bench compares the printed time with the moment it launched this
process. For bench_national only; never used by the application.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from ictdesk.gui.app import run_gui
from ictdesk.gui.window import MainWindow


class _MeasuredApplication(QApplication):
    """The application ``run_gui`` finds already made: its event loop, once turning, reports
    when the window became usable and closes it."""

    def exec(self) -> int:  # noqa: A003 (Qt's name)
        QTimer.singleShot(0, _report_usable)
        return super().exec()


def _report_usable() -> None:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.repaint()  # painted, as the bare window it is compared with
    usable_at = time.time()
    checking = QThreadPool.globalInstance().activeThreadCount() > 0
    print(f"{usable_at:.6f} {int(checking)}", flush=True)
    window.close()


if __name__ == "__main__":
    application = _MeasuredApplication(sys.argv[:1])
    sys.exit(run_gui(db=Path(sys.argv[1])))
