"""Opening database files in the window: the one-writer lock, the daily check in the
background, upgrades, read-only opens, the network warning; new, demo and recent files.

Each function takes the window; the window's menu entries are these functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from ictdesk.core.backup import list_backups
from ictdesk.core.errors import (
    CheckStopped,
    DatabaseTooNew,
    IctdeskError,
    NotAnIctdeskDatabase,
    StrayJournal,
)
from ictdesk.core.filesystem import write_obstacle
from ictdesk.core.paths import data_dir, demo_database_path
from ictdesk.core.periods import Period
from ictdesk.core.store import CheckStop, ValueStore
from ictdesk.gui.background import BackgroundTask
from ictdesk.gui.i18n import error_text
from ictdesk.gui.interaction import current as ask
from ictdesk.gui.lock import DatabaseLock
from ictdesk.gui.text import fill

if TYPE_CHECKING:
    from ictdesk.gui.first_run import FirstRunDialog
    from ictdesk.gui.window.main_window import MainWindow

MAX_RECENT = 8


def open_path(window: MainWindow, path: Path, read_only: bool = False) -> bool:
    """Open the database at ``path``; on failure tell the user and keep the current one.

    Another ictdesk holding the file is named, and the user may open it read-only. The daily
    damage check runs in the background while the window is used (after a crash, before).
    """
    path = Path(path)
    if window.store is not None and not window.place.may_leave():
        return False  # typed text the user keeps editing
    lock = None
    obstacle = write_obstacle(path) if path.exists() else None
    if not read_only and path.exists() and obstacle is None:
        lock = DatabaseLock(path)
        if not lock.acquire():
            if lock.held_by_another():
                if not ask().ask_open_read_only(path, lock.holder()):
                    return False
            else:  # the lock file cannot be made: read-only folder or media, a full disk
                obstacle = write_obstacle(path) or "read-only"
            lock, read_only = None, True
    later = False
    try:
        set_aside = ValueStore.set_aside_stray_journals(path) if path.exists() else []
        checked = False
        if ValueStore.full_check_due(path):
            if ValueStore.closed_uncleanly(path):  # after a crash: check before anything
                checked = run_before_opening(
                    window,
                    fill(
                        QCoreApplication.translate("MainWindow", "Checking %1 for damage…"),
                        path.name,
                    ),
                    lambda: ValueStore.check_file(path),
                )
            else:
                later = True
        if not read_only and ValueStore.upgrade_due(path):
            run_before_opening(
                window,
                fill(
                    QCoreApplication.translate(
                        "MainWindow", "Upgrading %1 for this version of ictdesk…"
                    ),
                    path.name,
                ),
                lambda: ValueStore.upgrade(path),
            )
        store = ValueStore.open(path, read_only=read_only, checked=checked, check_later=later)
    except (IctdeskError, OSError) as exc:
        if lock is not None:
            lock.release()
        if isinstance(exc, StrayJournal):  # found by the check after a crash
            try:
                moved = ValueStore.set_aside_stray_journals(path, force=str(exc))
            except IctdeskError as refused:
                show_open_error(window, path, refused)
                return False
            _say_set_aside(path, moved)
            return open_path(window, path, read_only)
        show_open_error(window, path, exc)
        return False
    window.stop_check()  # the previous file's daily check, if it still runs
    window.release_lock()
    window.lock = lock
    window.set_store(store)
    if later:
        check_in_background(window, store)
    if store.on_network and not store.read_only:
        ask().warn_network(path)
    if set_aside:
        _say_set_aside(path, set_aside)
    reason = obstacle or store.read_only_reason
    if reason in ("read-only", "full"):
        ask().inform(
            QCoreApplication.translate("MainWindow", "Opened read-only"),
            fill(
                QCoreApplication.translate(
                    "MainWindow",
                    "%1 is on read-only media or in a folder you cannot write: it is open"
                    " read-only. You can view, export and back it up.",
                )
                if reason == "read-only"
                else QCoreApplication.translate(
                    "MainWindow",
                    "The disk holding %1 is full: it is open read-only so that nothing is"
                    " lost. Free some space, then open it again to make changes.",
                ),
                path.name,
            ),
        )
    remembered_backup_failure(window, path)
    return True


def _say_set_aside(path: Path, moved: list[Path]) -> None:
    ask().inform(
        QCoreApplication.translate("MainWindow", "Leftover journal set aside"),
        fill(
            QCoreApplication.translate(
                "MainWindow",
                "A journal left beside %1 by an earlier file of that name would have"
                " damaged it. It was kept under another name: %2",
            ),
            path.name,
            ", ".join(p.name for p in moved),
        ),
    )


def _failure_key(path: Path) -> str:
    return "backup_failure/" + str(Path(path).resolve()).replace("/", "|")


def remember_backup_failure(path: Path, reason: str) -> None:
    """Keep, for the next start, that the backup of ``path`` at closing failed and why."""
    QSettings().setValue(_failure_key(path), reason)


def forget_backup_failure(path: Path) -> None:
    QSettings().remove(_failure_key(path))


def remembered_backup_failure(window: MainWindow, path: Path) -> None:
    """Say once that the last backup of ``path`` (when ictdesk closed) failed."""
    reason = QSettings().value(_failure_key(path))
    if not reason:
        return
    forget_backup_failure(path)
    ask().warn(
        QCoreApplication.translate("MainWindow", "The last backup failed"),
        fill(
            QCoreApplication.translate(
                "MainWindow",
                "When ictdesk last closed, the backup of %1 could not be made: %2. Free some"
                " space or choose another data folder, then use File › Back up now.",
            ),
            path.name,
            str(reason),
        ),
    )


def check_in_background(window: MainWindow, store: ValueStore) -> BackgroundTask:
    """The daily full check on a connection of its own, the window usable meanwhile: a note
    in the status bar, and a clear stop if it finds damage.

    Closing the window (or opening another file) stops it at once (``window.stop_check``)
    instead of waiting the seconds a national file takes; it is then not recorded, and runs
    again next time.
    """
    path = store.path
    stop = CheckStop()
    window.stop_check = stop.stop
    window.status.show_message(
        fill(
            QCoreApplication.translate("MainWindow", "Checking %1 for damage in the background…"),
            path.name,
        )
    )

    def done(_result) -> None:
        if window.store is store:
            store.record_full_check()
            window.status.show_message(
                fill(
                    QCoreApplication.translate(
                        "MainWindow", "%1: the daily check found no damage."
                    ),
                    path.name,
                )
            )

    def failed(exc: Exception) -> None:
        if window.store is not store or isinstance(exc, CheckStopped):
            return
        window.set_store(None)
        window.release_lock()
        show_open_error(window, path, exc)

    return BackgroundTask(
        window, "", lambda: ValueStore.check_file(path, stop), done, failed, quiet=True
    )


def run_before_opening(window: MainWindow, title: str, job) -> bool:
    """Run ``job`` (a check after a crash, a schema upgrade: seconds for a national
    database) in the background while a progress dialog shows; raise what it raised."""
    loop = QEventLoop(window)
    outcome: dict[str, object] = {}

    def done(_result) -> None:
        outcome["ok"] = True
        loop.quit()

    def failed(exc: Exception) -> None:
        outcome["error"] = exc
        loop.quit()

    BackgroundTask(window, title, job, done, failed, cancellable=False)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return True


def show_open_error(window: MainWindow, path: Path, exc: Exception) -> None:
    """Why ``path`` cannot be opened, offering to restore one of its backups."""
    if isinstance(exc, NotAnIctdeskDatabase):
        text = QCoreApplication.translate(
            "MainWindow",
            "This file is not an ictdesk database, or it is damaged. It was not changed.",
        )
    elif isinstance(exc, DatabaseTooNew):
        text = QCoreApplication.translate(
            "MainWindow",
            "This file was made by a newer version of ictdesk. Update ictdesk to open it.",
        )
    else:
        text = QCoreApplication.translate("MainWindow", "The database cannot be opened.")
    restorable = bool(list_backups(path, counts=False))
    if ask().show_open_error(path, text, error_text(exc), restorable):
        window.restore_backup(path)


def choose_and_open(window: MainWindow) -> None:
    store = window.store
    folder = store.path.parent if store and store.path else data_dir()
    path = ask().choose_open_file(
        QCoreApplication.translate("MainWindow", "Open database"),
        folder,
        QCoreApplication.translate(
            "MainWindow", "ictdesk databases (*.db *.sqlite *.ictdesk);;All files (*)"
        ),
    )
    if path:
        open_path(window, path)


def new_database(window: MainWindow) -> None:
    from ictdesk.gui.first_run import FirstRunDialog

    dialog = FirstRunDialog(window, offer_demo=False)
    if window.store and window.store.province_code:
        dialog.select_province(window.store.province_code)
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted or dialog.choice != "create":
        return
    path = ask().choose_save_file(
        QCoreApplication.translate("MainWindow", "New database"),
        data_dir() / "ictdesk.db",
        QCoreApplication.translate("MainWindow", "ictdesk databases (*.db)"),
    )
    if path is None:
        return
    if path.exists():
        ask().warn(
            QCoreApplication.translate("MainWindow", "New database"),
            QCoreApplication.translate(
                "MainWindow",
                "A file with this name already exists."
                " Choose another name; nothing was overwritten.",
            ),
        )
        return
    if create_from_dialog(window, dialog, path):
        open_path(window, path)


def open_demo(window: MainWindow) -> None:
    path = ensure_demo(window)
    if path is not None:
        open_path(window, path)


# ------------------------------------------------------------------ remembered
def recent_files() -> list[str]:
    value = QSettings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [p for p in (value or []) if Path(p).exists()][:MAX_RECENT]


def remember_recent(path: Path) -> None:
    text = str(Path(path).resolve())
    files = [text] + [p for p in recent_files() if p != text]
    QSettings().setValue("recent_files", files[:MAX_RECENT])


def _place_key(store: ValueStore | None) -> str | None:
    if store is None or store.path is None:
        return None
    return "place/" + str(Path(store.path).resolve()).replace("/", "|")


def remembered_place(store: ValueStore) -> tuple[str | None, Period | None]:
    """The unit and period last shown for this database file, if still valid."""
    key = _place_key(store)
    if key is None:
        return None, None
    settings = QSettings()
    unit = settings.value(f"{key}/unit")
    try:
        period = Period.parse(settings.value(f"{key}/period", ""))
    except IctdeskError:
        period = None
    return (unit if unit and store.has_unit(unit) else None), period


def remember_place(window: MainWindow) -> None:
    place = window.place
    key = _place_key(place.store)
    if key and place.unit_code and place.period:
        settings = QSettings()
        settings.setValue(f"{key}/unit", place.unit_code)
        settings.setValue(f"{key}/period", place.period.iso)


# ------------------------------------------------------------- new and demo files
def create_from_dialog(parent: QWidget | None, dialog: FirstRunDialog, path: Path) -> bool:
    """Create the database chosen in ``dialog`` at ``path``; tell the user if that fails."""
    settings = {"province_code": dialog.province_code()}
    if dialog.commune_code():
        settings["home_commune"] = dialog.commune_code()
    user = dialog.user_name_text()
    if user:
        settings["stored_by"] = user
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ValueStore.create(path, settings)
    except (IctdeskError, OSError) as exc:
        ask().show_failure(
            QCoreApplication.translate("MainWindow", "Cannot create database"),
            QCoreApplication.translate("MainWindow", "The database could not be created."),
            error_text(exc),
        )
        return False
    return True


def ensure_demo(parent: QWidget | None) -> Path | None:
    """The demo database's path, building it first (with a progress dialog) if needed."""
    path = demo_database_path()
    if path.exists():
        return path
    progress = QProgressDialog(parent)
    progress.setWindowTitle(QCoreApplication.translate("MainWindow", "Demo data"))
    progress.setLabelText(QCoreApplication.translate("MainWindow", "Creating the demo database…"))
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.setRange(0, 100)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)

    def report(done: int, total: int) -> None:
        progress.setValue(int(done * 90 / total))
        QApplication.processEvents()

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        from ictdesk.core.demo import build_demo

        build_demo(path, report)
    except (IctdeskError, OSError) as exc:
        progress.close()
        ask().show_failure(
            QCoreApplication.translate("MainWindow", "Demo data"),
            QCoreApplication.translate("MainWindow", "The demo database could not be created."),
            error_text(exc),
        )
        return None
    progress.setValue(100)
    progress.close()
    return path
