"""Excel habits and the small things of issue 17, each through the real widgets: Esc reverts,
↑/↓ move between fields, Enter moves down and Delete clears in the grid, Ctrl+F finds a unit,
Ctrl+S saves what is typed, the rule dialog's Tab and Ctrl+Enter, the first-run search, the
PDF's default name, and rates shown only from values that can be saved."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from ictdesk.core.store import ValueStore
from ictdesk.core.validation import Importance, Violation
from ictdesk.gui.app import make_application
from ictdesk.gui.dialogs import ViolationDialog
from ictdesk.gui.first_run import FirstRunDialog
from ictdesk.gui.i18n import install_language
from ictdesk.gui.window.menu_commands import default_pdf_name

PHUC_YEN = "08740"


@pytest.fixture
def window(demo_window):
    return demo_window


def test_escape_gives_back_the_saved_text(qtbot, window):
    field = window.entry_form.fields["BTS_TOTAL"]
    saved = field.saved_text
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "123456")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == saved and saved != ""
    assert window.store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").value == float(
        saved.replace(".", "")
    )


def test_up_and_down_move_between_the_fields(qtbot, window):
    form = window.entry_form
    codes = list(form.fields)
    first, second = form.fields[codes[0]], form.fields[codes[1]]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is second
    qtbot.keyClick(second, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is first


def test_a_rate_is_never_shown_from_a_value_that_cannot_be_saved(qtbot, window):
    form = window.entry_form
    rate = form.rows["COV_5G_PCT"].value
    before = rate.text()
    field = form.fields["POP_COVERED_5G"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "-500")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # refused: a count is never negative
    assert field.text() == "-500"
    assert not rate.text().startswith("-")  # was "-0,0": a rate of a refused count
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # back to the saved value: its rate again
    assert rate.text() == before and before[0].isdigit()


def test_ctrl_f_goes_to_the_unit_search(qtbot, window):
    window.entry_form.fields["BTS_TOTAL"].setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.unit_tree.search


def test_ctrl_s_saves_what_is_typed_and_says_so(qtbot, window):
    field = window.entry_form.fields["BTS_TOTAL"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "61")
    qtbot.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").value == 61
    assert "lưu" in window.statusBar().currentMessage()


def test_the_default_pdf_name_names_the_unit_and_period(window):
    assert default_pdf_name(window) == "bao-cao-phuong-phuc-yen-2025Q4.pdf"
    window.unit_tree.select("25")
    assert default_pdf_name(window) == "bao-cao-phu-tho-2025Q4.pdf"


def grid_at_phuc_yen_bts(window):
    """The grid tab shown; its view, model, and the (proxy) index of Phúc Yên's BTS_TOTAL."""
    window.tabs.setCurrentWidget(window.grid_view)
    grid = window.grid_view
    model = grid.model
    column = 1 + [i.code for i in model.indicators].index("BTS_TOTAL")
    row = 1 + [u.code for u in model.units].index(PHUC_YEN)
    return grid, model, grid.proxy.mapFromSource(model.index(row, column))


def test_the_grid_moves_down_on_enter_and_clears_a_block_on_delete(qtbot, window):
    grid, model, start = grid_at_phuc_yen_bts(window)
    grid.table.setCurrentIndex(start)
    qtbot.keyClick(grid.table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert grid.table.currentIndex().row() == start.row() + 1  # the keypad's Enter too
    grid.table.setCurrentIndex(start)
    qtbot.keyClick(grid.table, Qt.Key.Key_Return)
    assert grid.table.currentIndex().row() == start.row() + 1
    assert grid.table.currentIndex().column() == start.column()
    # a block of two communes selected, then Delete: both cleared, as one undo step
    below = grid.proxy.mapToSource(grid.table.currentIndex())
    codes = [model.units[start.row() - 1].code, model.units[below.row() - 1].code]
    selection = grid.table.selectionModel()
    selection.select(start, selection.SelectionFlag.Select)
    selection.select(grid.table.currentIndex(), selection.SelectionFlag.Select)
    qtbot.keyClick(grid.table, Qt.Key.Key_Delete)
    stored = [window.store.value(code, "BTS_TOTAL", "2025Q4") for code in codes]
    assert all(v is None or v.value is None for v in stored), stored
    window.undo_action.trigger()
    assert all(window.store.value(c, "BTS_TOTAL", "2025Q4").value for c in codes)


def test_enter_in_a_cells_editor_saves_it_and_moves_one_row_down(qtbot, window, qtlog):
    grid, model, start = grid_at_phuc_yen_bts(window)
    for step in range(2):  # twice: the second from where the first left the cursor
        here = grid.table.currentIndex() if step else start
        grid.table.setCurrentIndex(here)
        grid.table.edit(here)
        editor = QApplication.focusWidget()
        editor.selectAll()
        qtbot.keyClicks(editor, str(70 + step))
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()  # the delegate's queued commit and close
        QApplication.processEvents()
        assert grid.table.currentIndex().row() == here.row() + 1  # one row, not three
        code = model.units[grid.proxy.mapToSource(here).row() - 1].code
        assert window.store.value(code, "BTS_TOTAL", "2025Q4").value == 70 + step
    assert not [r for r in qtlog.records if "commitData" in r.message]


def test_a_value_refused_in_a_cell_stays_there_with_what_was_typed(qtbot, window):
    grid, model, start = grid_at_phuc_yen_bts(window)
    before = window.store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").value
    grid.table.setCurrentIndex(start)
    grid.table.edit(start)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "-5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate's queued commit and close, then the reopening
    QApplication.processEvents()
    assert window.store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").value == before
    assert grid.table.currentIndex() == start  # not a row down
    again = QApplication.focusWidget()
    assert grid.table.state() == grid.table.State.EditingState
    assert again.text() == "-5"  # nothing typed is lost: corrected, then Enter saves
    again.selectAll()
    qtbot.keyClicks(again, "41")
    qtbot.keyClick(again, Qt.Key.Key_Return)
    QApplication.processEvents()
    QApplication.processEvents()
    assert window.store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").value == 41
    assert grid.table.currentIndex().row() == start.row() + 1


def test_closing_with_a_cell_typed_in_saves_it_or_stays_open_if_refused(qtbot, window):
    grid, _model, start = grid_at_phuc_yen_bts(window)
    path = window.store.path
    for typed in ("-5", "77"):
        grid.table.setCurrentIndex(start)
        if grid.table.state() != grid.table.State.EditingState:
            grid.table.edit(start)
        editor = QApplication.focusWidget()
        editor.selectAll()
        qtbot.keyClicks(editor, typed)
        window.close()  # no Enter, no click elsewhere: the cell is still being typed in
        QApplication.processEvents()
        if typed == "-5":
            assert window.isVisible()  # refused: kept open, the text in its cell again
            assert QApplication.focusWidget().text() == "-5"
            assert "-5" in window.statusBar().currentMessage()
    assert not window.isVisible()
    assert ValueStore.open(path).value(PHUC_YEN, "BTS_TOTAL", "2025Q4").value == 77


def rule_dialog(qtbot):
    make_application()
    install_language("vi")
    from ictdesk.core.catalogue import load_default_catalogue

    indicator = load_default_catalogue()["BTS_5G"]
    violation = Violation(
        "rule", ("BTS_5G", "BTS_TOTAL"), Importance.HIGH, "5G ≤ tổng số trạm", "5G ≤ all"
    )
    dialog = ViolationDialog(indicator, 900, [violation])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_tab_leaves_the_explanation_and_ctrl_enter_saves(qtbot):
    dialog = rule_dialog(qtbot)
    dialog.comment.setFocus()
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Tab)
    assert dialog.comment.toPlainText() == ""  # no tab typed into the box
    assert QApplication.focusWidget() is not dialog.comment
    dialog.comment.setFocus()
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() != QDialog.DialogCode.Accepted  # nothing explained yet
    qtbot.keyClicks(dialog.comment, "Tram moi")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)  # Enter alone: a new line
    qtbot.keyClicks(dialog.comment, "lap thang 12")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.comment.toPlainText() == "Tram moi\nlap thang 12"


def test_the_first_run_commune_search_ignores_accents_and_the_prefix(qtbot):
    make_application()
    install_language("vi")
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.province_search, "quang tri")
    assert dialog.province_code() == "44"
    qtbot.keyClicks(dialog.commune_search, "dak")
    assert dialog.commune_box.currentText().startswith("Xã Đakrông")


def test_an_undo_that_cannot_be_written_says_so(qtbot, window, monkeypatch):
    from ictdesk.core.errors import StorageError

    field = window.entry_form.fields["BTS_TOTAL"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "61")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert window.store.value(PHUC_YEN, "BTS_TOTAL", "2025Q4").value == 61

    def disk_full(*args, **kwargs):
        raise StorageError("database or disk is full", vi="ổ đĩa đã đầy")

    monkeypatch.setattr(window.store, "save_values", disk_full)
    window.undo_action.trigger()
    message = window.statusBar().currentMessage()
    assert "ổ đĩa đã đầy" in message, message  # was silent, and in English when kept
