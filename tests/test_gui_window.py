"""The window officials trust (issue 17): nothing typed is dropped by leaving, the roll-up is
reachable, exports default to the selected unit, actions are enabled only when they work."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ictdesk.core.numbers import format_number
from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore, ValueWrite
from ictdesk.gui.app import make_application
from ictdesk.gui.i18n import install_language
from ictdesk.gui.window import ActionId, MainWindow

PHUC_YEN, OTHER = "08740", "07900"


@pytest.fixture
def window(demo_window):
    return demo_window


def type_refused(qtbot, window, code="BTS_TOTAL", text="-5"):
    field = window.entry_form.fields[code]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # refused: the text stays, marked
    assert field.text() == text
    return field


@pytest.mark.parametrize("way", ["tree", "period", "tab", "jump", "open"])
def test_leaving_a_refused_value_asks_and_keeping_stays_on_it(qtbot, window, asker, way, tmp_path):
    asker.answers["confirm_discard"] = False  # "keep editing"
    field = type_refused(qtbot, window)
    if way == "tree":
        window.unit_tree.select(OTHER)
    elif way == "period":
        window.period_picker.set_period(Period.parse("2025Q3"))
    elif way == "tab":
        window.tabs.setCurrentIndex(1)
    elif way == "jump":
        window.jump_to(OTHER, "BTS_TOTAL")
    else:
        other = tmp_path / "other.db"
        ValueStore.create(other, {"province_code": "25"})
        assert not window.open_path(other)
    qtbot.wait(20)  # the tree shows the place that stayed once the click is handled
    names = [args for name, args in asker.asked if name == "confirm_discard"]
    assert names and "-5" in names[0][0][0]
    assert window.place.unit_code == PHUC_YEN and window.place.period.iso == "2025Q4"
    assert window.unit_tree.current_code() == PHUC_YEN
    assert window.period_picker.period().iso == "2025Q4"
    assert window.tabs.currentWidget() is window.entry_page
    assert field.text() == "-5" and field.hasFocus() and field.selectedText() == "-5"
    assert window.store.path.name == "demo.db"


def test_discarding_goes_on_and_nothing_is_saved(qtbot, window, asker):
    asker.answers["confirm_discard"] = True
    before = window.store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").value
    type_refused(qtbot, window)
    window.unit_tree.select(OTHER)
    assert window.place.unit_code == OTHER and window.entry_form.unit_code == OTHER
    assert window.store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").value == before


def test_correcting_a_broken_rule_keeps_the_user_on_the_field(qtbot, window, asker):
    asker.answers["explain_violations"] = None  # "Correct the value"
    asker.answers["confirm_discard"] = False
    field = window.entry_form.fields["BTS_5G"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "900")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is field and field.selectedText() == "900"
    window.unit_tree.select(OTHER)  # leaving asks once more, about keeping or discarding
    assert [name for name, _ in asker.asked] == ["explain_violations", "confirm_discard"]
    assert window.place.unit_code == PHUC_YEN


def test_the_roll_up_is_reachable_from_the_menu_at_a_parent(qtbot, window, asker, monkeypatch):
    built = []
    import ictdesk.gui.printing as printing

    monkeypatch.setattr(printing, "preview", lambda sheet, parent: built.append(sheet) or _Open())
    window.unit_tree.select("25")
    asker.answers["ask_sheet_kind"] = "rollup"
    window.actions_by_id[ActionId.PRINT].trigger()  # Qt passes checked=False to its slot
    [(_name, (unit_name, children))] = asker.asked
    assert unit_name == "Phú Thọ" and children == 148
    assert len(built[0].rows) >= 148  # a row per commune: the roll-up, not the unit sheet
    asker.answers["ask_sheet_kind"] = "unit"
    window.actions_by_id[ActionId.PRINT].trigger()
    assert len(built[1].rows) < 60


class _Open:
    def open(self):
        pass


def test_the_export_dialog_defaults_to_the_selected_unit(qtbot, window):
    dialog = window.show_export()
    qtbot.addWidget(dialog)
    assert dialog.scope_unit.isChecked() and not dialog.scope_all.isChecked()
    assert dialog.period_this.isChecked()
    assert dialog.selection().unit_code == PHUC_YEN
    assert dialog.selection().periods == ["2025Q4"]
    dialog.period_all.setChecked(True)  # another question: the unit stays chosen
    assert dialog.scope_unit.isChecked() and dialog.selection().unit_code == PHUC_YEN
    dialog.reject()


def test_actions_are_enabled_only_where_they_work(qtbot, tmp_path):
    make_application()
    empty = MainWindow()
    qtbot.addWidget(empty)
    enabled = {a for a, action in empty.actions_by_id.items() if action.isEnabled()}
    assert enabled == {
        ActionId.NEW,
        ActionId.OPEN,
        ActionId.OPEN_DEMO,
        ActionId.QUIT,
        ActionId.GUIDE,
        ActionId.ABOUT,
    }
    path = tmp_path / "ro.db"
    ValueStore.create(path, {"province_code": "25"})
    empty.set_store(ValueStore.open(path, read_only=True))
    assert empty.actions_by_id[ActionId.EXPORT].isEnabled()
    assert empty.actions_by_id[ActionId.BACKUP].isEnabled()  # a read-only file is backed up too
    for action in (ActionId.IMPORT, ActionId.RESTORE, ActionId.OUTLIER_SHARE):
        assert not empty.actions_by_id[action].isEnabled()
    assert empty.actions_by_id[ActionId.TEMPLATE].isEnabled()  # at the province
    empty.unit_tree.select(PHUC_YEN)
    assert not empty.actions_by_id[ActionId.TEMPLATE].isEnabled()  # a commune has no sheets
    empty.close()


def test_a_follow_up_flag_is_undone_like_any_edit(qtbot, window):
    form = window.entry_form
    assert form.toggle_followup("BTS_TOTAL")
    assert window.store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").followup
    window.undo_action.trigger()
    assert not window.store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").followup
    window.redo_action.trigger()
    assert window.store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").followup


def test_the_history_follows_the_unit_and_the_language(qtbot, window):
    field = window.entry_form.fields["BTS_TOTAL"]
    field.setFocus()
    assert "Tổng số trạm" in window.history_panel.title.text()
    install_language("en")
    window.retranslate()
    assert window.history_panel.title.text().startswith("History: Base stations")
    install_language("vi")
    window.retranslate()
    assert window.history_panel.title.text().startswith("Lịch sử: Tổng số trạm")
    window.unit_tree.select(OTHER)  # another unit: not the last one's history
    assert window.history_panel.table.rowCount() == 0


def test_a_saved_value_is_shown_formatted_at_once(qtbot, window):
    field = window.entry_form.fields["HH_TOTAL"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "41000")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "41.000"


def test_the_demos_communes_draw_lines_of_their_own(demo_store):
    from collections import Counter

    communes = [u.code for u in demo_store.children("25")]
    values = demo_store.subtree_aggregates("25", "2025Q4", communes)
    for code in ("VNEID_PCT", "SMARTPHONE_HH_PCT", "DIGITAL_SKILLS_PCT"):
        shown = [round(values[c][code], 1) for c in communes]
        assert len(set(shown[:3])) == 3, code  # the first three compared: three lines
        assert Counter(shown).most_common(1)[0][1] <= 10, code  # sixteen shared 83,0 %


def test_a_later_windows_dialogs_take_over_from_an_earlier_ones(qtbot, asker):
    from PySide6.QtWidgets import QWidget

    from ictdesk.gui import interaction
    from ictdesk.gui.dialogs import DialogInteraction

    make_application()
    first, second = QWidget(), QWidget()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    interaction.install_default(DialogInteraction(first))
    assert interaction.current() is asker  # a test's scripted user never gives way
    interaction.install(DialogInteraction(first))
    mine = DialogInteraction(second)
    interaction.install_default(mine)  # the first window may be closed: ask over the second
    assert interaction.current() is mine
    interaction.install(asker)


def recorded_exit(monkeypatch) -> list[tuple]:
    """What ``app.leave`` does to end the process, recorded instead of done: the exit
    handlers it unregisters and runs (this process's own, PySide6's among them, must not run
    inside the test) and the code it ends with."""
    import types

    from ictdesk.gui import app

    make_application()
    done = []
    monkeypatch.setattr(app.os, "_exit", lambda code: done.append(("exit", code)))
    fake = types.SimpleNamespace(
        _run_exitfuncs=lambda: done.append(("handlers", None)),
        unregister=lambda handler: done.append(("unregistered", handler)),
    )
    monkeypatch.setattr(app, "atexit", fake)
    return done


def test_the_process_leaves_without_teardown_only_after_the_window_closed_cleanly(
    qtbot, demo_db, monkeypatch
):
    """``app.leave`` ends the process at once (``os._exit``) once the window has closed its
    file and released its lock: settings synced and exit handlers run first. A window still
    holding its file returns the code for the usual exit."""
    from PySide6.QtCore import QSettings

    from ictdesk.gui import app

    done = recorded_exit(monkeypatch)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(demo_db)
    window.show()
    window.unit_tree.select("08740")
    assert app.leave(window, 3) == 3 and done == []  # still open: the usual exit
    assert (demo_db.parent / "demo.db.lock").exists()
    window.close()
    app.leave(window, 3)
    # PySide6's own handler, which would destroy the application widget by widget, is not run
    from PySide6 import QtCore

    shutdown = QtCore.__dict__["__moduleShutdown"]
    assert done == [("unregistered", shutdown), ("handlers", None), ("exit", 3)]
    assert not (demo_db.parent / "demo.db.lock").exists()
    assert not (demo_db.parent / "demo.db-wal").exists()  # closed, checkpointed
    settings = QSettings()
    remembered = [k for k in settings.allKeys() if k.startswith("place/") and "demo.db" in k]
    assert remembered, settings.allKeys()


def test_what_the_user_copied_outlives_the_quick_exit(qtbot, demo_db, monkeypatch):
    """Cells copied from the grid are handed to the system's clipboard keeper only as the
    application is destroyed: while the process holds the clipboard, ``leave`` keeps
    PySide6's exit handler that destroys it, and still ends the process at once."""
    from ictdesk.gui import app

    done = recorded_exit(monkeypatch)
    monkeypatch.setattr(app, "holds_clipboard", lambda: True)  # offscreen owns no clipboard
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(demo_db)
    window.show()
    window.close()
    app.leave(window, 0)
    assert done == [("handlers", None), ("exit", 0)]


def test_a_file_that_failed_to_close_leaves_by_the_usual_exit(qtbot, demo_db, monkeypatch):
    """If closing the file's connection fails as the window closes, the connection may still
    hold a write-ahead log: ``leave`` then returns the code for the usual exit, where Python
    closes it, instead of ending the process at once."""
    from ictdesk.gui import app

    done = recorded_exit(monkeypatch)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(demo_db)
    store = window.store
    window.show()

    def failing_close():
        raise OSError("disk I/O error")

    monkeypatch.setattr(store, "close", failing_close)
    window.close()
    assert window.store is None and not window.file_closed_cleanly
    assert not (demo_db.parent / "demo.db.lock").exists()  # the lock is released all the same
    assert app.leave(window, 4) == 4 and done == []
    monkeypatch.undo()
    store.close()


def test_a_tab_built_on_first_show_shows_a_busy_cursor_meanwhile(qtbot, window, monkeypatch):
    """The first Trends or Dashboard imports the chart library (0.3 s): the cursor says so,
    and is given back after, also when building fails."""
    from PySide6.QtGui import QGuiApplication

    spec = window.lazy_tabs.specs["trends"]
    assert spec.view is None
    seen = []
    build = spec.build

    def watched(win):
        cursor = QGuiApplication.overrideCursor()
        seen.append(cursor.shape() if cursor else None)
        return build(win)

    monkeypatch.setattr(spec, "build", watched)
    window.tabs.setCurrentWidget(window.lazy_tabs.view("trends"))
    assert seen == [Qt.CursorShape.WaitCursor]
    assert QGuiApplication.overrideCursor() is None
    broken = window.lazy_tabs.specs["dashboard"]
    monkeypatch.setattr(broken, "build", lambda win: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        window.lazy_tabs.view("dashboard")
    assert QGuiApplication.overrideCursor() is None


def test_closing_the_window_stops_its_daily_check_instead_of_waiting(qtbot, demo_db, monkeypatch):
    """The daily full check runs in the background (seconds on a national file); closing the
    window stops it, says nothing, and leaves the check to run again next time."""
    import sqlite3
    import time

    from ictdesk.core.database import CHECKED_KEY
    from ictdesk.core.errors import CheckStopped

    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute("DELETE FROM settings WHERE key = ?", [CHECKED_KEY])  # not checked today
    conn.close()
    ended = []

    def long_check(path, stop=None):  # as the real one on a large file: until stopped
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if stop is not None and stop.stopped:
                ended.append("stopped")
                raise CheckStopped("the check was stopped")
            time.sleep(0.01)
        ended.append("ran to its end")

    monkeypatch.setattr(ValueStore, "check_file", staticmethod(long_check))
    make_application()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(demo_db)
    window.show()
    window.close()
    assert ended == ["stopped"]  # not waited for: stopped (no question asked meanwhile)
    conn = sqlite3.connect(demo_db)
    assert (
        conn.execute("SELECT value FROM settings WHERE key = ?", [CHECKED_KEY]).fetchone() is None
    )
    conn.close()


def test_the_tree_shows_the_place_it_moved_to_without_announcing_it(qtbot, window):
    """A move of the place from elsewhere (the period picker, a remembered place) makes the
    unit current and selected in the tree, and the tree does not announce it as the user's
    choice; the user's own choice afterwards is announced."""
    from ictdesk.gui.unit_tree import CodeRole

    tree = window.unit_tree
    heard = []
    tree.unit_selected.connect(heard.append)
    tree.show_current(OTHER)
    current = tree.view.currentIndex()
    assert current.data(CodeRole) == OTHER
    assert tree.view.selectionModel().selectedIndexes() == [current]
    assert heard == [] and window.place.unit_code != OTHER
    tree.show_current(None)
    assert not tree.view.currentIndex().isValid() and heard == []
    assert tree.select(PHUC_YEN)
    assert heard == [PHUC_YEN] and window.place.unit_code == PHUC_YEN


def test_pyside_reads_no_module_source_to_look_for_features(tmp_path, monkeypatch):
    """PySide6 would read the source of every module imported after it (its ``__feature__``
    scan); ictdesk's window skips it: a new module is recorded as using no feature, unread."""
    import inspect
    import sys

    import ictdesk.gui  # noqa: F401 (the package skips the scan as it is imported)
    from ictdesk.gui import pyside_start

    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is pyside_start._no_feature
    read = []
    monkeypatch.setattr(inspect, "getsource", lambda module: read.append(module) or "")
    (tmp_path / "freshly_imported.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    names = {}
    exec("import freshly_imported", names)  # an import statement: PySide6 hooks those
    assert names["freshly_imported"].VALUE == 1
    assert feature.pyside_feature_dict["freshly_imported"] == 0  # PySide6's "no feature"
    assert read == []


def test_sums_of_sub_units_wait_under_another_tab_and_are_right_when_shown(qtbot, window):
    """A save made elsewhere while another tab is shown does not remake the form's sums of
    sub-units then (20 ms of every save); they are remade, right, when the form is shown."""
    store, form = window.store, window.entry_form
    province = store.unit(PHUC_YEN).parent_code
    window.unit_tree.select(province)
    row = form.rows["BTS_TOTAL"]
    before = store.aggregates(province, "2025Q4")["BTS_TOTAL"]
    window.tabs.setCurrentWidget(window.lazy_tabs.view("trends"))
    assert not form.isVisible()
    made = []
    form_refresh = form._refresh_aggregates
    form._refresh_aggregates = lambda: made.append(1) or form_refresh()
    own = store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").value
    window.session.save(
        [ValueWrite(PHUC_YEN, "BTS_TOTAL", "2025Q4", own + 10)], "test", source="form"
    )
    assert made == []  # under Trends: not remade
    assert store.aggregates(province, "2025Q4")["BTS_TOTAL"] == before + 10
    window.tabs.setCurrentIndex(0)
    assert form.isVisible() and made == [1]
    assert row.aggregate.text() == format_number(before + 10, language="vi")


def test_sums_of_sub_units_wait_for_the_form_when_the_place_moves_under_another_tab(qtbot, window):
    """Moving the period under another tab loads the form's values but leaves its sums of
    sub-units (35 ms of each move for a province's year) until the form is shown, then right
    for the place it shows."""
    store, form = window.store, window.entry_form
    province = store.unit(PHUC_YEN).parent_code
    window.unit_tree.select(province)
    window.tabs.setCurrentWidget(window.lazy_tabs.view("dashboard"))
    made = []
    form_refresh = form._refresh_aggregates
    form._refresh_aggregates = lambda: made.append(1) or form_refresh()
    window.period_picker.set_period(Period.parse("2025Q3"))
    window.period_picker.set_period(Period.parse("2024"))
    assert made == [] and form.period == Period.parse("2024")  # loaded, not summed
    window.tabs.setCurrentIndex(0)
    assert made == [1]
    expected = store.aggregates(province, "2024")["BTS_TOTAL"]
    assert expected is not None
    assert form.rows["BTS_TOTAL"].aggregate.text() == format_number(expected, language="vi")
