"""Entry that officials trust: rules, warnings, keyboard-only entry, undo/redo, history."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ictdesk.core.demo import commune_rows
from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore, ValueWrite
from ictdesk.gui.app import make_application
from ictdesk.gui.dialogs import DialogInteraction, ViolationDialog
from ictdesk.gui.i18n import install_language
from ictdesk.gui.interaction import Interaction
from ictdesk.gui.window import MainWindow


class ScriptedInteraction(Interaction):
    """Answers the form's questions from a script and records what was asked."""

    def __init__(self, explanation=None, confirm_complete=True):
        self.explanation = explanation
        self.confirm_complete = confirm_complete
        self.asked: list[tuple] = []

    def explain_violations(self, indicator, value, violations):
        self.asked.append(("explain", indicator.code, [v.kind for v in violations]))
        return self.explanation

    def confirm_edit_of_complete(self, place):
        self.asked.append(("complete", place))
        return self.confirm_complete

    def resolve_ambiguous(self, indicator, text, parsed):
        self.asked.append(("ambiguous", text))
        return parsed.value

    def ask_comment(self, indicator, current):
        self.asked.append(("comment", indicator.code, current))
        return "Số liệu theo báo cáo của thôn"

    def confirm_discard(self, names):
        self.asked.append(("discard", names))
        return self.discard

    discard = True

    def explain_block_paste(self, rows, columns):
        self.asked.append(("block", rows, columns))
        return False

    def show_paste_problems(self, count, lines):
        self.asked.append(("paste problems", count))

    def ask_sheet_kind(self, unit_name, children):
        self.asked.append(("sheet", unit_name, children))
        return self.sheet_kind

    sheet_kind = "rollup"


@pytest.fixture
def window(qtbot, empty_db):
    make_application()
    install_language("vi")
    win = MainWindow(ValueStore.open(empty_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.unit_tree.select("08740")
    win.period_picker.set_period(Period.parse("2024Q1"))
    yield win
    win.entry_form.interaction = ScriptedInteraction()  # never block teardown
    win.close()


def enter_value(qtbot, field, text):
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_keyboard_only_entry_of_a_whole_form(qtbot, window):
    form = window.entry_form
    values = {
        w.indicator_code: w.value
        for w in commune_rows("08740", "Phường Phúc Yên", [Period.parse("2024Q1")])
    }
    codes = list(form.fields)
    form.fields[codes[0]].setFocus()
    for code in codes:
        focused = QApplication.focusWidget()
        assert focused is form.fields[code], f"focus should be on {code}"
        qtbot.keyClicks(focused, f"{values[code]:,}".replace(",", "."))
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    stored = window.store.values_for("08740", "2024Q1")
    assert {code: v.value for code, v in stored.items()} == values
    qtbot.waitUntil(lambda: "29/29" in window.status.filled_label.text(), timeout=2000)
    # Shift+Tab walks back in catalogue order
    form.fields[codes[5]].setFocus()
    qtbot.keyClick(form.fields[codes[5]], Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is form.fields[codes[4]]


def test_a_high_importance_violation_blocks_until_explained(qtbot, window):
    form = window.entry_form
    scripted = ScriptedInteraction(explanation=None)
    form.interaction = scripted
    enter_value(qtbot, form.fields["HH_TOTAL"], "1.000")
    enter_value(qtbot, form.fields["HH_SMARTPHONE"], "1.200")
    assert scripted.asked == [("explain", "HH_SMARTPHONE", ["rule"])]
    assert window.store.value("08740", "HH_SMARTPHONE", "2024Q1") is None
    assert form.rows["HH_SMARTPHONE"].check.text().startswith("✖")
    assert form.has_unsaved_text()

    scripted.explanation = "Nhiều hộ tách khẩu chưa cập nhật"
    form.commit(form.fields["HH_SMARTPHONE"])
    stored = window.store.value("08740", "HH_SMARTPHONE", "2024Q1")
    assert stored.value == 1200
    assert stored.comment == "Nhiều hộ tách khẩu chưa cập nhật"
    assert "✎" in form.rows["HH_SMARTPHONE"].check.text()


def test_a_negative_count_is_refused_without_asking_for_an_explanation(qtbot, window):
    form = window.entry_form
    scripted = ScriptedInteraction(explanation="giải trình")
    form.interaction = scripted
    with qtbot.waitSignal(form.save_failed) as failed:
        enter_value(qtbot, form.fields["CDT_TEAMS"], "-3")
    assert scripted.asked == []  # nothing to explain: it is simply not a count
    assert "không được nhỏ hơn 0" in failed.args[0]
    assert window.store.value("08740", "CDT_TEAMS", "2024Q1") is None
    assert form.rows["CDT_TEAMS"].check.text().startswith("✖")
    form.fields["CDT_TEAMS"].setText("")  # leave no invalid text for teardown


def test_a_count_field_tells_no_number_from_a_fraction(qtbot, window):
    form = window.entry_form
    field = form.fields["BTS_TOTAL"]
    shown = []
    for text in ("abc", "12,5"):
        field.setText(text)
        form._on_field_text_edited(text)
        shown.append(form.rows["BTS_TOTAL"].check.text())
    field.setText("")  # no invalid text left for teardown, whatever was shown
    form._on_field_text_edited("")
    assert "Không phải là số" in shown[0] and "Không phải số nguyên" in shown[1]


def test_the_real_dialog_needs_an_explanation_before_saving(qtbot, window):
    form = window.entry_form
    form.interaction = DialogInteraction(window)  # the dialogs themselves, not a script
    enter_value(qtbot, form.fields["BTS_TOTAL"], "10")
    seen = {}

    def answer():
        dialog = window.findChild(ViolationDialog)
        seen["enabled_before"] = dialog.save_button.isEnabled()
        dialog.comment.setPlainText("Trạm 5G mới của hai nhà mạng")
        seen["enabled_after"] = dialog.save_button.isEnabled()
        dialog.save_button.click()

    QTimer.singleShot(0, answer)
    enter_value(qtbot, form.fields["BTS_5G"], "12")
    assert seen == {"enabled_before": False, "enabled_after": True}
    assert window.store.value("08740", "BTS_5G", "2024Q1").comment == "Trạm 5G mới của hai nhà mạng"


def test_an_outlier_warns_but_does_not_block(qtbot, window):
    window.store.save_value("08740", "BTS_TOTAL", "2023Q4", 40)
    window.entry_form.reload()
    form = window.entry_form
    scripted = ScriptedInteraction()
    form.interaction = scripted
    enter_value(qtbot, form.fields["BTS_TOTAL"], "90")
    assert scripted.asked == []
    assert window.store.value("08740", "BTS_TOTAL", "2024Q1").value == 90
    check = form.rows["BTS_TOTAL"].check
    assert check.text().startswith("⚠") and "125" in check.toolTip()
    assert form.rows["BTS_TOTAL"].previous.text() == "40"
    assert form.rows["BTS_TOTAL"].change.text() == "+50 (+125,0%)"


def test_out_of_range_values_are_refused(qtbot, window):
    form = window.entry_form
    form.interaction = ScriptedInteraction(explanation=None)
    enter_value(qtbot, form.fields["CDT_TEAMS"], "-3")
    assert window.store.value("08740", "CDT_TEAMS", "2024Q1") is None
    assert form.rows["CDT_TEAMS"].check.text().startswith("✖")


def test_undo_and_redo_restore_values_and_every_step_is_audited(qtbot, window):
    form = window.entry_form
    enter_value(qtbot, form.fields["BTS_TOTAL"], "30")
    enter_value(qtbot, form.fields["BTS_TOTAL"], "32")
    store = window.store
    form.fields["BTS_TOTAL"].setFocus()  # the panel shows the focused value's history
    qtbot.waitUntil(lambda: window.history_panel.table.rowCount() == 2)
    assert "Tổng số trạm phát sóng" in window.undo_action.text()  # the name, not BTS_TOTAL
    window.undo_action.trigger()
    assert store.value("08740", "BTS_TOTAL", "2024Q1").value == 30
    assert form.fields["BTS_TOTAL"].text() == "30"
    assert window.history_panel.table.rowCount() == 3  # the undo's own row shows at once
    window.undo_action.trigger()
    assert store.value("08740", "BTS_TOTAL", "2024Q1") is None
    assert form.fields["BTS_TOTAL"].text() == ""
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert store.value("08740", "BTS_TOTAL", "2024Q1").value == 32
    history = store.history("08740", "BTS_TOTAL", "2024Q1")
    assert [(h.old_value, h.new_value, h.source) for h in history] == [
        (None, 30, "form"),
        (30, 32, "form"),
        (32, 30, "undo"),
        (30, None, "undo"),
        (None, 30, "undo"),
        (30, 32, "undo"),
    ]


def test_ctrl_z_in_an_untouched_field_undoes_the_last_saved_edit(qtbot, window):
    form = window.entry_form
    enter_value(qtbot, form.fields["POP_TOTAL"], "5.000")
    focused = QApplication.focusWidget()
    assert focused is form.fields["POP_ADULT"]
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.value("08740", "POP_TOTAL", "2024Q1") is None


def test_window_shows_modified_while_a_field_holds_unsaved_text(qtbot, window):
    field = window.entry_form.fields["VNEID_L2"]
    field.setFocus()
    qtbot.keyClicks(field, "7")
    assert window.isWindowModified()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not window.isWindowModified()


def test_history_panel_lists_the_audit_trail_of_the_focused_value(qtbot, window):
    form = window.entry_form
    enter_value(qtbot, form.fields["EPAY_ACCOUNTS"], "700")
    enter_value(qtbot, form.fields["EPAY_ACCOUNTS"], "7.000")
    form.fields["EPAY_ACCOUNTS"].setFocus()
    table = window.history_panel.table
    assert table.rowCount() == 2
    assert table.item(0, 2).text() == "700 → 7.000"  # newest first
    assert table.item(1, 2).text() == "– → 700"
    assert table.item(0, 1).text() == window.store.stored_by


def test_a_save_fills_the_history_once_and_the_next_field_shows_its_own(qtbot, window, monkeypatch):
    form, panel = window.entry_form, window.history_panel
    enter_value(qtbot, form.fields["EPAY_ACCOUNTS"], "700")
    form.fields["EPAY_ACCOUNTS"].setFocus()
    shown = []
    fill = panel.show_history
    monkeypatch.setattr(
        panel, "show_history", lambda name, rows: (shown.append(name), fill(name, rows))
    )
    enter_value(qtbot, form.fields["EPAY_ACCOUNTS"], "7.000")  # Enter: saved, on to the next
    epay = window.store.catalogue["EPAY_ACCOUNTS"].name("vi")
    assert shown.count(epay) == 1  # the bus's announcement, not once more for the form's
    assert len(shown) == 2 and shown[-1] != epay
    form.fields["EPAY_ACCOUNTS"].setFocus()
    assert panel.table.item(0, 2).text() == "700 → 7.000"


def test_history_times_are_local_with_the_day_or_the_month_first(monkeypatch):
    import time

    from ictdesk.gui.history_panel import local_time

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        assert local_time("2026-03-05T20:15:02.120Z", "vi") == "06/03/2026 03:15"
        assert local_time("2026-03-05T20:15:02Z", "en") == "03/06/2026 03:15"
        assert local_time("not a time", "vi") == "not a time"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_marking_complete_then_editing_asks_first(qtbot, window):
    form = window.entry_form
    enter_value(qtbot, form.fields["BTS_TOTAL"], "30")
    form.complete_button.click()
    assert window.store.is_complete("08740", "2024Q1")
    assert form.complete_banner.isVisible()
    scripted = ScriptedInteraction(confirm_complete=False)
    form.interaction = scripted
    enter_value(qtbot, form.fields["BTS_TOTAL"], "31")
    assert window.store.value("08740", "BTS_TOTAL", "2024Q1").value == 30
    assert form.fields["BTS_TOTAL"].text() == "30"
    scripted.confirm_complete = True
    enter_value(qtbot, form.fields["BTS_TOTAL"], "31")
    enter_value(qtbot, form.fields["BTS_4G"], "29")  # asked once per visit
    assert [a[0] for a in scripted.asked] == ["complete", "complete"]
    assert window.store.value("08740", "BTS_TOTAL", "2024Q1").value == 31


def test_comment_and_follow_up_marks(qtbot, window):
    form = window.entry_form
    form.interaction = ScriptedInteraction()
    enter_value(qtbot, form.fields["CDT_TEAMS"], "12")
    assert form.edit_comment("CDT_TEAMS")
    assert form.toggle_followup("CDT_TEAMS")
    stored = window.store.value("08740", "CDT_TEAMS", "2024Q1")
    assert stored.comment == "Số liệu theo báo cáo của thôn" and stored.followup
    assert "✎" in form.rows["CDT_TEAMS"].check.text()
    assert "⚑" in form.rows["CDT_TEAMS"].check.text()
    assert not form.toggle_followup("CDT_MEMBERS")  # nothing stored to flag


def test_targets_and_progress_are_shown_for_rates(qtbot, window):
    store = window.store
    store.set_target("COV_5G_PCT", "25", 2024, 50.0, "Kế hoạch 2024")
    window.entry_form.reload()
    enter_value(qtbot, window.entry_form.fields["POP_TOTAL"], "1.000")
    enter_value(qtbot, window.entry_form.fields["POP_COVERED_4G"], "900")
    enter_value(qtbot, window.entry_form.fields["POP_COVERED_5G"], "400")
    target = window.entry_form.rows["COV_5G_PCT"].target
    assert target.text() == "50,0 · 80%"
    assert "Kế hoạch 2024" in target.toolTip()


def test_the_warning_threshold_is_configurable(qtbot, window):
    window.store.save_value("08740", "BTS_TOTAL", "2023Q4", 40)
    window.set_outlier_share(2.0)  # warn only past ±200 %
    form = window.entry_form
    enter_value(qtbot, form.fields["BTS_TOTAL"], "90")
    assert form.rows["BTS_TOTAL"].check.text() == "✔"
    window.set_outlier_share(0.5)
    assert form.rows["BTS_TOTAL"].check.text().startswith("⚠")


def test_an_ambiguous_decimal_is_asked_about_never_guessed(qtbot, empty_db):
    """A custom decimal indicator: "12.345" could be 12,345 or twelve thousand."""
    store = ValueStore.open(empty_db)
    store.db.execute(
        "INSERT INTO indicators (code, pillar, name_vi, name_en, unit_vi, unit_en, value_type,"
        " time_aggregation, min_value, sort_order, custom) VALUES ('FIBRE_KM', 'INFRASTRUCTURE',"
        " 'Chiều dài cáp quang', 'Fibre length', 'km', 'km', 'decimal', 'last', 0, 99, 1)"
    )
    store.close()
    make_application()
    install_language("vi")
    win = MainWindow(ValueStore.open(empty_db))
    qtbot.addWidget(win)
    win.unit_tree.select("08740")
    scripted = ScriptedInteraction()
    win.entry_form.interaction = scripted
    field = win.entry_form.fields["FIBRE_KM"]
    field.setFocus()
    qtbot.keyClicks(field, "12.345")
    shown = win.entry_form.rows["FIBRE_KM"].check.text()
    assert "12,345" in shown and "12.345" in shown  # both readings shown
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scripted.asked == [("ambiguous", "12.345")]
    assert win.store.value("08740", "FIBRE_KM", win.entry_form.period.iso).value == 12.345
    assert field.text() == "12,345"  # shown back unambiguously
    win.close()


def test_an_explained_rule_reads_as_explained_on_both_sides(qtbot, window):
    form = window.entry_form
    form.interaction = ScriptedInteraction(explanation="Trạm 5G dùng chung cột")
    enter_value(qtbot, form.fields["BTS_TOTAL"], "10")
    enter_value(qtbot, form.fields["BTS_5G"], "12")
    assert form.rows["BTS_5G"].check.text().startswith("⚠")
    assert form.rows["BTS_TOTAL"].check.text().startswith("⚠")
    field = form.fields["BTS_TOTAL"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "9")  # typing a new value reopens the question
    assert form.rows["BTS_TOTAL"].check.text().startswith("✖")


def test_closing_with_an_invalid_value_asks_before_discarding_it(qtbot, window, empty_db):
    form = window.entry_form
    scripted = ScriptedInteraction()
    scripted.discard = False
    form.interaction = scripted
    form.fields["BTS_TOTAL"].setText("ba mươi")
    enter_value(qtbot, form.fields["BTS_4G"], "30")  # a valid edit is saved on the way
    assert not window.close()  # the user chose to go back and fix it
    assert window.isVisible()
    assert scripted.asked[-1][0] == "discard" and "ba mươi" in scripted.asked[-1][1][0]
    scripted.discard = True
    assert window.close()
    reopened = ValueStore.open(empty_db)
    assert reopened.value("08740", "BTS_4G", "2024Q1").value == 30
    reopened.close()


def test_the_check_column_shows_its_state_in_colour_without_style_sheets(qtbot, window):
    """A refused value's check reads red and bold, an accepted one green; the looks are set
    on each label's palette and font: no style sheet anywhere in the form's body, which would
    make Qt draw all its widgets through the style-sheet engine."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QWidget

    from ictdesk.gui.entry.looks import look_of

    form = window.entry_form
    form.interaction = ScriptedInteraction()
    check = form.rows["CDT_TEAMS"].check
    enter_value(qtbot, form.fields["CDT_TEAMS"], "-3")
    assert look_of(check) == "error"
    assert check.palette().color(QPalette.ColorRole.WindowText) == QColor("#c0392b")
    assert check.font().bold()
    enter_value(qtbot, form.fields["CDT_TEAMS"], "3")
    assert window.store.value("08740", "CDT_TEAMS", "2024Q1").value == 3
    assert look_of(check) == "ok" and not check.font().bold()
    assert check.palette().color(QPalette.ColorRole.WindowText) == QColor("#2e7d32")
    styled = [w.objectName() for w in form.body.findChildren(QWidget) if w.styleSheet()]
    assert form.body.styleSheet() == "" and styled == []


def test_form_and_grid_check_a_quarter_against_its_months_alike(qtbot, window):
    """BTS_TOTAL is reported month by month (10 each); 20 4G stations typed for the quarter
    break 'BTS_4G <= BTS_TOTAL' in the form and in the grid alike, and the grid colours it."""
    store = window.store
    for month in ("202401", "202402", "202403"):
        store.save_value("08740", "BTS_TOTAL", month, 10)
    window.period_picker.set_period(Period.parse("2024Q1"))
    form = window.entry_form
    scripted = ScriptedInteraction(explanation=None)
    form.interaction = scripted
    enter_value(qtbot, form.fields["BTS_4G"], "20")
    assert scripted.asked == [("explain", "BTS_4G", ["rule"])]  # was saved without asking
    assert store.value("08740", "BTS_4G", "2024Q1") is None
    form.fields["BTS_4G"].setText("")
    form.fields["BTS_4G"].saved_text = ""
    window.unit_tree.select("25")
    window.tabs.setCurrentWidget(window.grid_view)
    grid = window.grid_view
    model = grid.model
    row = 1 + [u.code for u in model.units].index("08740")
    column = 1 + [i.code for i in model.indicators].index("BTS_4G")
    assert not model.setData(model.index(row, column), "20")  # refused: the same rule
    assert store.value("08740", "BTS_4G", "2024Q1") is None
    # stored another way (an import, say), the grid shows it broken
    store.save_value("08740", "BTS_4G", "2024Q1", 20)
    model.refresh()
    assert model.index(row, column).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "(20 > 10)" in model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)


def test_a_quarter_shown_follows_an_undo_of_one_of_its_months(qtbot, window):
    """Found in review: the quarter kept December's value after December was undone."""
    store = window.store
    form = window.entry_form
    for month in ("202410", "202411"):
        store.save_value("08740", "HH_TOTAL", month, 900)
    window.period_picker.set_period(Period.parse("202412"))
    enter_value(qtbot, form.fields["HH_TOTAL"], "1.000")
    window.period_picker.set_period(Period.parse("2024Q4"))
    assert form.fields["HH_TOTAL"].placeholderText() == "1.000"
    assert form.filled_count() == (1, 29)
    window.undo_action.trigger()  # December's 1.000, undone while Q4 is shown
    assert store.value("08740", "HH_TOTAL", "202412") is None
    assert form.fields["HH_TOTAL"].placeholderText() == "900"  # November's now
    assert form.filled_count() == (0, 29)
    window.redo_action.trigger()
    assert form.fields["HH_TOTAL"].placeholderText() == "1.000"


def test_text_being_typed_is_kept_when_a_month_of_the_quarter_changes_elsewhere(qtbot, window):
    """Found in review: a month saved in the grid (or an undo) reloaded the quarter's form and
    dropped what was being typed. The months' values are shown anew; the text stays."""
    window.period_picker.set_period(Period.parse("2024Q4"))
    form = window.entry_form
    field = form.fields["BTS_TOTAL"]
    field.setFocus()
    field.setText("7")
    form._on_field_text_edited("7")
    assert form.has_unsaved_text()
    other = object()  # another view, as the grid would be
    window.session.save(
        [ValueWrite("08740", "APPS_TOTAL", "202412", 12)],
        "December's applications",
        source="grid",
        initiator=other,
    )
    assert field.text() == "7" and form.has_unsaved_text()  # kept
    assert form.fields["APPS_TOTAL"].placeholderText() == "12"  # and December shown
    assert form.fields["APPS_TOTAL"].isReadOnly()


def test_no_change_is_shown_for_a_quarter_not_whole(qtbot, window):
    """Two of three months of a flow make no change against the whole quarter before."""
    store = window.store
    for month in ("202407", "202408", "202409", "202410", "202411"):
        store.save_value("08740", "APPS_TOTAL", month, 10)
    for month in ("202407", "202408", "202409", "202410", "202411", "202412"):
        store.save_value("08740", "HH_TOTAL", month, 1000 if month < "202410" else 1100)
    window.period_picker.set_period(Period.parse("2024Q4"))
    rows = window.entry_form.rows
    assert rows["APPS_TOTAL"].previous.text() == "30"
    assert window.entry_form.fields["APPS_TOTAL"].placeholderText() == "20"
    assert rows["APPS_TOTAL"].change.text() == ""  # not "-33%": December is not in
    assert rows["HH_TOTAL"].change.text().startswith("+100")  # whole: compared
