"""Pasting from a spreadsheet into the form and the grid, through the real clipboard: cells
are never run together into one number, and a paste is saved whole or not at all."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from tests.test_gui_entry_checks import ScriptedInteraction

from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore
from ictdesk.gui.app import make_application
from ictdesk.gui.i18n import install_language
from ictdesk.gui.window import MainWindow


class PasteInteraction(ScriptedInteraction):
    def __init__(self, open_grid=False, **kwargs):
        super().__init__(**kwargs)
        self.open_grid = open_grid

    def explain_block_paste(self, rows, columns):
        self.asked.append(("block", rows, columns))
        return self.open_grid


@pytest.fixture
def window(qtbot, empty_db):
    make_application()
    install_language("vi")
    win = MainWindow(ValueStore.open(empty_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.period_picker.set_period(Period.parse("2024Q1"))
    win.unit_tree.select("08740")
    win.entry_form.interaction = PasteInteraction()
    yield win
    for field in win.entry_form.fields.values():
        field.setText(field.saved_text)  # leave the window closable
    win.close()


def paste_into(qtbot, field, clipboard_text):
    QGuiApplication.clipboard().setText(clipboard_text)
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def stored(window, code):
    value = window.store.value("08740", code, "2024Q1")
    return None if value is None else value.value


def test_a_column_from_excel_fills_the_fields_down_the_form(qtbot, window):
    form = window.entry_form
    codes = list(form.fields)
    start = codes.index("VILLAGES_TOTAL")
    column = codes[start : start + 3]
    paste_into(qtbot, form.fields["VILLAGES_TOTAL"], "12\r\n14\r\n9\r\n")  # Excel's clipboard
    assert [stored(window, code) for code in column] == [12, 14, 9]  # not 12149
    assert [form.fields[code].text() for code in column] == ["12", "14", "9"]
    assert window.undo_stack.count() == 1  # one paste, one step
    window.undo_stack.undo()
    assert [stored(window, code) for code in column] == [None, None, None]


def test_a_row_from_excel_is_explained_and_nothing_is_saved(qtbot, window):
    form = window.entry_form
    paste_into(qtbot, form.fields["VILLAGES_TOTAL"], "25\t31\t7\r\n")
    assert form.interaction.asked == [("block", 1, 3)]
    assert form.fields["VILLAGES_TOTAL"].text() == ""  # not 25317
    qtbot.keyClick(form.fields["VILLAGES_TOTAL"], Qt.Key.Key_Tab)
    assert window.store.value_count() == 0


def test_a_block_can_take_the_user_to_the_grid(qtbot, window):
    form = window.entry_form
    form.interaction.open_grid = True
    paste_into(qtbot, form.fields["POP_TOTAL"], "1\t2\r\n3\t4\r\n")
    assert window.tabs.currentWidget() is window.grid_view
    assert window.store.value_count() == 0


def test_one_cell_with_excels_line_break_just_works(qtbot, window):
    form = window.entry_form
    field = form.fields["VILLAGES_TOTAL"]
    paste_into(qtbot, field, " 12.500\r\n")
    assert field.text() == "12.500"
    assert form.rows["VILLAGES_TOTAL"].check.text().startswith("= 12.500")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert stored(window, "VILLAGES_TOTAL") == 12500


def test_a_column_longer_than_the_form_is_refused_whole(qtbot, window):
    form = window.entry_form
    last = list(form.fields.values())[-1]
    with qtbot.waitSignal(form.save_failed) as failed:
        paste_into(qtbot, last, "1\n2\n3\n")
    assert "3" in failed.args[0] and "1" in failed.args[0]
    assert window.store.value_count() == 0 and last.text() == ""


def test_text_with_a_line_break_in_a_field_is_several_values_never_one(qtbot, window):
    form = window.entry_form
    field = form.fields["VILLAGES_TOTAL"]
    field.setFocus()
    field.setText("12  14")  # two cells run together by hand
    form._on_field_text_edited(field.text())
    assert form.rows["VILLAGES_TOTAL"].check.text().startswith("✖")
    assert "mỗi ô một số" in form.rows["VILLAGES_TOTAL"].check.toolTip()
    with qtbot.waitSignal(form.save_failed):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.store.value_count() == 0


def test_a_count_that_reads_two_ways_is_asked_about_in_the_form(qtbot, window):
    form = window.entry_form
    field = form.fields["HH_TOTAL"]
    field.setFocus()
    qtbot.keyClicks(field, "36,000")
    shown = form.rows["HH_TOTAL"].check.text()
    assert shown.startswith("36 ") and "36.000" in shown  # both readings, before saving
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert ("ambiguous", "36,000") in form.interaction.asked
    assert stored(window, "HH_TOTAL") == 36  # the reading the (scripted) user picked


# --------------------------------------------------------------------------- grid
def grid_cell(window, unit_code, indicator_code):
    grid = window.grid_view
    model = grid.model
    row = 1 + [u.code for u in model.units].index(unit_code)
    column = 1 + [i.code for i in model.indicators].index(indicator_code)
    index = grid.proxy.mapFromSource(model.index(row, column))
    grid.table.setCurrentIndex(index)
    return index


@pytest.fixture
def grid(window):
    window.unit_tree.select("25")
    window.tabs.setCurrentWidget(window.grid_view)
    window.grid_view.model.interaction = PasteInteraction()
    return window.grid_view


def test_the_grid_refuses_a_count_that_reads_two_ways(window, grid):
    index = grid_cell(window, "08740", "HH_TOTAL")
    QGuiApplication.clipboard().setText("36,000\r\n")
    assert not grid.paste()
    [(_row, _column, reason)] = grid.last_paste_problems
    assert "36,000" in reason
    assert not grid.proxy.setData(index, "36,000")
    assert window.store.value_count() == 0


def test_the_grid_pastes_a_column_from_excel(window, grid):
    grid_cell(window, "08740", "HH_TOTAL")
    QGuiApplication.clipboard().setText("36.000\r\n4.100\r\n")
    assert grid.paste()
    units = [u.code for u in grid.model.units]
    second = units[units.index("08740") + 1]
    assert window.store.value("08740", "HH_TOTAL", "2024Q1").value == 36000
    assert window.store.value(second, "HH_TOTAL", "2024Q1").value == 4100


@pytest.mark.parametrize("confirm", [False, True])
def test_the_grid_asks_before_changing_a_period_marked_complete(window, grid, confirm):
    window.store.set_complete("08740", "2024Q1")
    grid.model.interaction.confirm_complete = confirm
    index = grid_cell(window, "08740", "BTS_TOTAL")
    assert grid.proxy.setData(index, "36") is confirm
    assert [kind for kind, *_ in grid.model.interaction.asked] == ["complete"]
    value = window.store.value("08740", "BTS_TOTAL", "2024Q1")
    assert (value.value if value else None) == (36 if confirm else None)


def test_a_column_over_a_value_made_of_months_is_refused_whole(qtbot, window):
    """Found in review: the column went into a greyed field and the first cell was then saved
    alone when the focus moved. Now nothing is pasted, and the status bar says why."""
    store = window.store
    for month in ("202401", "202402", "202403"):
        store.save_value("08740", "POP_ADULT", month, 900)
    window.period_picker.set_period(Period.parse("202401"))
    window.period_picker.set_period(Period.parse("2024Q1"))
    form = window.entry_form
    assert form.fields["POP_ADULT"].isReadOnly()
    with qtbot.waitSignal(form.save_failed) as failed:
        paste_into(qtbot, form.fields["POP_TOTAL"], "1\r\n2\r\n3\r\n")
    assert "Tháng 1/2024 đến Tháng 3/2024" in failed.args[0]
    assert [form.fields[c].text() for c in ("POP_TOTAL", "POP_ADULT", "HH_TOTAL")] == ["", "", ""]
    form.fields["HH_TOTAL"].setFocus()  # the focus leaves: nothing saved on its own
    assert stored(window, "POP_TOTAL") is None and stored(window, "HH_TOTAL") is None
    paste_into(qtbot, form.fields["POP_ADULT"], "5")  # Ctrl+V in the greyed field: nothing
    assert form.fields["POP_ADULT"].text() == ""
    with qtbot.waitSignal(form.save_failed) as failed:  # a drop or a middle click: refused
        form._on_field_paste_requested(form.fields["POP_ADULT"], "5")
    assert form.fields["POP_ADULT"].text() == "" and "Tháng 1/2024" in failed.args[0]
