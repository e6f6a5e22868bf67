"""Long work off the GUI thread, with a progress dialog, so the window never freezes.

SQLite connections belong to one thread: a job that needs the database opens its own
:class:`ValueStore` on the same file inside the worker.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(object)  # whatever the work reports; shown on the GUI thread


class _Job(QRunnable):
    def __init__(self, work: Callable[..., object], reports: bool):
        super().__init__()
        self.work, self.reports = work, reports
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit) if self.reports else self.work()
        except Exception as exc:  # reported to the GUI thread, shown to the user there
            exc.details = traceback.format_exc()
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class BackgroundTask(QObject):
    """Runs ``work`` in the thread pool while a busy progress dialog shows ``label``.

    ``done(result)`` or ``failed(exception)`` is called back on the GUI thread. Cancelling
    only stops waiting: the result of work already under way is discarded.

    With ``describe``, ``work`` is called with one argument, a function it may call from its
    thread with anything that says where it is; ``describe(that)`` is called on the GUI
    thread and returns the dialog's new label, value done and maximum (0 and 0: busy).
    """

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[..., object],
        done: Callable[[object], None],
        failed: Callable[[Exception], None],
        cancellable: bool = True,
        describe: Callable[[object], tuple[str, int, int]] | None = None,
        quiet: bool = False,
    ):
        super().__init__(parent)
        self._done, self._failed = done, failed
        self.cancelled = False
        self.dialog: QProgressDialog | None = None
        if not quiet:  # quiet: no dialog, the window stays usable (the daily check)
            cancel = QCoreApplication.translate("BackgroundTask", "Cancel") if cancellable else ""
            self.dialog = QProgressDialog(label, cancel, 0, 0, parent)
            self.dialog.setObjectName("backgroundProgress")
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            if not cancellable:
                self.dialog.setCancelButton(None)
            # Qt 6 shows a progress dialog after its minimum duration only once a value was
            # set; without this the busy dialog never appeared, however long the work took.
            self.dialog.setValue(0)
            self.dialog.canceled.connect(self._on_dialog_canceled)
        self._describe = describe
        self._job = _Job(work, reports=describe is not None)
        self._job.signals.finished.connect(self._on_job_finished)
        self._job.signals.failed.connect(self._on_job_failed)
        self._job.signals.progress.connect(self._on_job_progress)
        QThreadPool.globalInstance().start(self._job)

    def _on_dialog_canceled(self) -> None:
        self.cancelled = True

    def _on_job_finished(self, result) -> None:
        if self.dialog is not None:
            self.dialog.reset()
        if not self.cancelled:
            self._done(result)
        self.deleteLater()

    def _on_job_progress(self, where) -> None:
        if self._describe is None or self.cancelled or self.dialog is None:
            return
        label, done, maximum = self._describe(where)
        self.dialog.setLabelText(label)
        self.dialog.setMaximum(maximum)
        self.dialog.setValue(done)

    def _on_job_failed(self, exc) -> None:
        if self.dialog is not None:
            self.dialog.reset()
        if not self.cancelled:
            self._failed(exc)
        self.deleteLater()


def wait_for_background_work(timeout_ms: int = 60000) -> bool:
    """Block until every background job has finished (tests, closing the window)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
