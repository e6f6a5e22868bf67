"""The window's recovery paths (issue 20): restore over a damaged file, read-only media and
full disks, stray journals, and an exit backup that fails loudly and never stops the closing."""

import os
import shutil
from pathlib import Path

import pytest
from tests.system_helpers import crash_while_open, fill_disk, remount_read_only, tmpfs
from tests.test_recovery import damage, values

from ictdesk.core.backup import backup_to, list_backups, rolling_backup
from ictdesk.core.store import ValueStore


@pytest.fixture
def window(qtbot):
    from ictdesk.gui.app import make_application
    from ictdesk.gui.i18n import install_language
    from ictdesk.gui.window import MainWindow

    make_application()
    install_language("vi")
    made = MainWindow()
    qtbot.addWidget(made)
    yield made
    made.close()


def backup_action(window):
    from ictdesk.gui.window.actions import ActionId

    return window.actions_by_id[ActionId.BACKUP]


def test_restoring_a_damaged_file_from_the_window_does_not_loop(window, asker, store):
    for month in (1, 2, 3):
        store.save_value("08740", "BTS_TOTAL", f"20250{month}", month)
    backup = rolling_backup(store)
    store.close()
    damage(store.path)  # the window said it cannot be opened; the user chose a backup
    assert window.restore_from(backup, store.path)
    assert window.store is not None and window.store.value_count() == 3
    assert asker.asked == []  # the old code offered to restore again, and failed again
    assert list(store.path.parent.glob("empty.db.damaged-*"))


def test_back_up_now_works_in_a_read_only_window(window, empty_db):
    assert window.open_path(empty_db, read_only=True)
    assert window.store.read_only and backup_action(window).isEnabled()
    backup_action(window).trigger()
    [made] = list_backups(empty_db)
    assert made.kind == "manual" and made.values == 0


def test_a_database_on_read_only_media_opens_read_only_with_a_notice(window, asker, empty_db):
    ValueStore.open(empty_db).close()
    with tmpfs("4m") as media:
        shutil.copyfile(empty_db, media / "a.db")
        remount_read_only(media)
        asker.answers["inform"] = None
        assert window.open_path(media / "a.db")
        assert window.store.read_only
        [(question, (title, text))] = asker.asked
        assert question == "inform" and "thiết bị chỉ đọc" in text  # read-only media
        assert backup_action(window).isEnabled()
        window.set_store(None)


def test_a_database_on_a_full_disk_opens_read_only_saying_the_disk_is_full(window, asker, empty_db):
    with tmpfs("2m") as disk:
        shutil.copyfile(empty_db, disk / "a.db")
        fill_disk(disk)
        asker.answers["inform"] = None
        assert window.open_path(disk / "a.db")
        assert window.store.read_only
        [(question, (title, text))] = asker.asked
        assert "Ổ đĩa" in text and "đã đầy" in text  # the disk is full
        window.set_store(None)


def test_opening_sets_a_stray_log_aside_and_says_so(window, asker, store, tmp_path):
    store.save_value("08740", "BTS_TOTAL", "2025Q4", 1)
    yesterday = backup_to(store, tmp_path / "yesterday.db")
    store.close()
    crash_while_open(store.path, writes=120)
    shutil.copyfile(yesterday, store.path)
    asker.answers["inform"] = None
    assert window.open_path(store.path)
    assert window.store.value_count() == 1
    [(question, (title, text))] = asker.asked
    assert ".stray-" in text
    assert window.store.integrity_problems() == []


def test_a_failed_exit_backup_is_said_now_and_at_the_next_start(
    qtbot, asker, empty_db, monkeypatch
):
    from ictdesk.gui.window import MainWindow

    with tmpfs("1m") as disk:
        fill_disk(disk)
        monkeypatch.setenv("ICTDESK_DATA_DIR", str(disk))
        first = MainWindow()
        qtbot.addWidget(first)
        assert first.open_path(empty_db)
        asker.answers["show_failure"] = None
        first.close()
        assert [q for q, _ in asker.asked] == ["show_failure"]
    monkeypatch.setenv("ICTDESK_DATA_DIR", str(empty_db.parent / "data"))
    asker.answers["warn"] = None
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.open_path(empty_db)
    question, (title, text) = asker.asked[-1]
    assert question == "warn" and empty_db.name in text
    second.close()  # the backup succeeds now: nothing more is said
    assert asker.asked[-1][0] == "warn" and len(list_backups(empty_db)) == 1


def test_an_unwritable_data_folder_never_stops_the_closing(qtbot, asker, empty_db, monkeypatch):
    from ictdesk.gui.window import MainWindow

    with tmpfs("1m") as disk:
        remount_read_only(disk)
        monkeypatch.setenv("ICTDESK_DATA_DIR", str(disk))
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.open_path(empty_db)
        store = window.store
        asker.answers["show_failure"] = None
        window.close()
        assert window.lock is None and not Path(f"{empty_db}.lock").exists()
        with pytest.raises(Exception):  # noqa: B017 - closed: any use fails
            store.value_count()
    assert values(empty_db) == 0
    assert os.path.exists(empty_db)


def test_a_raw_copy_put_back_over_a_crash_opens_with_the_log_set_aside(
    window, asker, store, tmp_path
):
    store.save_value("08740", "BTS_TOTAL", "2025Q4", 1)
    store.close()
    shutil.copyfile(store.path, tmp_path / "yesterday.db")  # cp of a write-ahead-mode file
    crash_while_open(store.path, writes=300)
    shutil.copyfile(tmp_path / "yesterday.db", store.path)
    asker.answers["inform"] = None
    assert window.open_path(store.path)
    assert window.store.value_count() == 1 and window.store.integrity_problems() == []
    [(question, (title, text))] = asker.asked
    assert ".stray-" in text


def test_the_restore_dialog_tells_each_backups_kind(qtbot, store):
    from datetime import datetime, timedelta

    from ictdesk.gui.app import make_application
    from ictdesk.gui.i18n import install_language
    from ictdesk.gui.safety import RestoreDialog

    make_application()
    install_language("vi")
    rolling_backup(store, now=datetime.now() - timedelta(days=1))
    rolling_backup(store, kind="manual")
    dialog = RestoreDialog(store.path)
    qtbot.addWidget(dialog)
    kinds = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    assert kinds == ["Sao lưu ngay", "Hằng ngày, khi đóng chương trình"]
    assert dialog.chosen().kind == "manual"  # the newest is offered first
