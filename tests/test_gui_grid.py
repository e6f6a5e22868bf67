"""The grid: aggregate row, completeness, edit in place, paste blocks all-or-nothing, undo."""

import pytest
from PySide6.QtCore import Qt

from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore
from ictdesk.gui.app import make_application
from ictdesk.gui.i18n import install_language
from ictdesk.gui.window import MainWindow


@pytest.fixture
def window(qtbot, empty_db):
    make_application()
    install_language("vi")
    win = MainWindow(ValueStore.open(empty_db))
    qtbot.addWidget(win)
    win.show()
    win.period_picker.set_period(Period.parse("2024Q1"))
    win.unit_tree.select("25")
    win.tabs.setCurrentWidget(win.grid_view)
    yield win
    win.close()


def column_of(grid, code):
    return 1 + [i.code for i in grid.model.indicators].index(code)


def select_cell(grid, unit_code, indicator_code):
    model = grid.model
    row = 1 + [u.code for u in model.units].index(unit_code)
    index = grid.proxy.mapFromSource(model.index(row, column_of(grid, indicator_code)))
    grid.table.setCurrentIndex(index)
    return index


def test_grid_lists_communes_with_an_aggregate_row_of_sums_and_ratios(window):
    store = window.store
    store.save_value("08740", "HH_TOTAL", "2024Q1", 1000)
    store.save_value("08740", "HH_SMARTPHONE", "2024Q1", 900)
    store.save_value("07900", "HH_TOTAL", "2024Q1", 3000)
    store.save_value("07900", "HH_SMARTPHONE", "2024Q1", 1500)
    grid = window.grid_view
    grid.model.refresh()
    model = grid.model
    assert model.rowCount() == 149
    assert model.headerData(0, Qt.Orientation.Vertical).startswith("Tổng")
    total_hh = model.index(0, column_of(grid, "HH_TOTAL")).data()
    assert total_hh == "4.000"
    # Σ/Σ = 2400 / 4000 = 60 %, not the mean of 90 % and 50 %
    assert model.index(0, column_of(grid, "SMARTPHONE_HH_PCT")).data() == "60,0"
    row = 1 + [u.code for u in model.units].index("08740")
    assert model.index(row, 0).data() == "2/29"


def test_grid_model_passes_the_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.grid_view.model, force_py=True)


def test_pasting_a_block_writes_every_cell_as_one_undo_step(qtbot, window):
    grid = window.grid_view
    store = window.store
    select_cell(grid, grid.model.units[0].code, "POP_TOTAL")
    block = "\n".join("\t".join(["10.000", "7.500", "2.600", "12"]) for _ in range(5))
    assert grid.paste(block)
    first_five = [u.code for u in grid.model.units[:5]]
    for code in first_five:
        values = store.values_for(code, "2024Q1")
        assert values["POP_TOTAL"].value == 10000
        assert values["VILLAGES_TOTAL"].value == 12
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    assert all(store.values_for(code, "2024Q1") == {} for code in first_five)
    audit = store.history(first_five[0], "POP_TOTAL", "2024Q1")
    assert [(a.old_value, a.new_value, a.source) for a in audit] == [
        (None, 10000, "grid"),
        (10000, None, "undo"),
    ]


def test_a_paste_with_one_bad_cell_writes_nothing_and_says_which(qtbot, window, asker):
    asker.answers["show_paste_problems"] = None
    grid = window.grid_view
    select_cell(grid, grid.model.units[0].code, "POP_TOTAL")
    rows = [["10.000", "7.500", "2.600", "12"] for _ in range(5)]
    rows[3][2] = "hai nghìn"
    assert not grid.paste("\n".join("\t".join(r) for r in rows))
    assert window.store.value_count() == 0
    assert window.undo_stack.count() == 0
    [(row, column, reason)] = grid.last_paste_problems
    assert row == 4 and column == column_of(grid, "HH_TOTAL")
    assert "hai nghìn" in reason


def test_a_paste_breaking_a_rule_writes_nothing(qtbot, window, asker):
    asker.answers["show_paste_problems"] = None
    grid = window.grid_view
    select_cell(grid, grid.model.units[0].code, "POP_TOTAL")
    # POP_ADULT larger than POP_TOTAL breaks POP_ADULT <= POP_TOTAL
    assert not grid.paste("1.000\t2.000")
    assert window.store.value_count() == 0
    [(row, column, reason)] = grid.last_paste_problems
    assert (row, column) == (1, column_of(grid, "POP_ADULT"))
    assert "không thể lớn hơn dân số" in reason


def test_editing_a_cell_in_place_saves_it_and_refuses_nonsense(qtbot, window):
    grid = window.grid_view
    index = select_cell(grid, "08740", "BTS_TOTAL")
    assert grid.proxy.setData(index, "36")
    assert window.store.value("08740", "BTS_TOTAL", "2024Q1").value == 36
    assert not grid.proxy.setData(index, "ba mươi")
    assert window.store.value("08740", "BTS_TOTAL", "2024Q1").value == 36
    derived = select_cell(grid, "08740", "COV_4G_PCT")
    assert not (grid.proxy.flags(derived) & Qt.ItemFlag.ItemIsEditable)


def test_copy_gives_tab_separated_numbers(qtbot, window):
    store = window.store
    store.save_value("08740", "BTS_TOTAL", "2024Q1", 1234)
    store.save_value("08740", "BTS_4G", "2024Q1", 1200)
    grid = window.grid_view
    grid.model.refresh()
    first = select_cell(grid, "08740", "BTS_TOTAL")
    last = select_cell(grid, "08740", "BTS_4G")
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    grid.table.selectionModel().select(
        QItemSelection(first, last), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert grid.selection_text() == "1234\t1200"


def test_sorting_keeps_the_total_on_top_and_the_filter_finds_communes(qtbot, window):
    store = window.store
    store.save_value("08740", "BTS_TOTAL", "2024Q1", 5)
    store.save_value("07900", "BTS_TOTAL", "2024Q1", 50)
    grid = window.grid_view
    grid.model.refresh()
    column = column_of(grid, "BTS_TOTAL")
    grid.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    proxy = grid.proxy
    assert proxy.headerData(0, Qt.Orientation.Vertical).startswith("Tổng")
    assert proxy.index(1, column).data() == "50"
    grid.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert proxy.headerData(0, Qt.Orientation.Vertical).startswith("Tổng")
    grid.filter_edit.setText("phuc yen")
    assert proxy.rowCount() == 2
    assert proxy.headerData(1, Qt.Orientation.Vertical) == "Phường Phúc Yên"


def test_edits_in_the_grid_show_in_the_form_and_back(qtbot, window):
    grid = window.grid_view
    grid.proxy.setData(select_cell(grid, "08740", "CDT_TEAMS"), "9")
    window.tabs.setCurrentIndex(0)
    window.unit_tree.select("08740")
    assert window.entry_form.fields["CDT_TEAMS"].text() == "9"
    window.undo_action.trigger()
    assert window.entry_form.fields["CDT_TEAMS"].text() == ""


def test_comment_and_follow_up_marks_show_in_the_grid(qtbot, window):
    store = window.store
    store.save_value("08740", "BTS_TOTAL", "2024Q1", 36, comment="Theo báo cáo Viettel")
    store.set_followup("08740", "BTS_TOTAL", "2024Q1", True)
    store.save_value("08740", "BTS_4G", "2024Q1", 30)
    grid = window.grid_view
    grid.model.refresh()
    index = select_cell(grid, "08740", "BTS_TOTAL")
    assert index.data() == "✎⚑ 36"
    assert "Theo báo cáo Viettel" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert select_cell(grid, "08740", "BTS_4G").data() == "30"


def test_a_national_grid_shows_given_units_and_reads_one_block_to_open(qtbot, window):
    from ictdesk.gui.grid.view import BLOCK

    store = window.store
    communes = [u for root in ("01", "25", "79") for u in store.children(root)]
    store.save_value(communes[-1].code, "BTS_TOTAL", "2024Q1", 7)
    grid = window.grid_view
    grid.show_units("25", communes, Period.parse("2024Q1"))
    grid.table.viewport().repaint()
    model = grid.model
    assert model.rowCount() == len(communes) + 1 > 2 * BLOCK
    assert len(model._cache) <= BLOCK  # fitting the first column read one block, not all
    assert model.headerData(0, Qt.Orientation.Vertical).endswith("Phú Thọ")
    row = model.rowCount() - 1
    assert model.index(row, column_of(grid, "BTS_TOTAL")).data() == "7"
    grid.pillar_box.setCurrentIndex(2)  # another pillar keeps the rows
    assert len(model.indicators) < len(store.catalogue.indicators)
    assert [u.code for u in model.units] == [u.code for u in communes]
    grid.show_place("25", Period.parse("2024Q1"))  # back to a province's communes
    assert model.rowCount() == 149


def test_a_quarter_of_monthly_returns_shows_the_months_reported_and_is_not_typed(qtbot, window):
    """Monthly returns at their quarter: counted as reported, shown greyed, typed at the months."""
    store = window.store
    codes = [ind.code for ind in store.catalogue.entered]
    for month in ("202401", "202402", "202403"):
        for code in codes:
            store.save_value("08740", code, month, 10 if month == "202403" else 5)
    store.save_value("07900", "BTS_TOTAL", "202401", 2)  # one month of one indicator only
    grid = window.grid_view
    grid.model.refresh()
    model = grid.model
    row = 1 + [u.code for u in model.units].index("08740")
    other = 1 + [u.code for u in model.units].index("07900")
    assert model.index(row, 0).data() == "29/29"  # was 0/29: nothing stored for 2024Q1
    assert model.index(other, 0).data() == "0/29"  # February and March are missing
    yellow = model.index(other, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
    assert yellow == "#fff3cd"  # partly reported, as Reporting says: not red
    bts = model.index(row, column_of(grid, "BTS_TOTAL"))
    apps = model.index(row, column_of(grid, "APPS_TOTAL"))
    assert bts.data() == "10"  # a stock: March
    assert apps.data() == "20"  # a flow: the three months summed
    assert bts.data(Qt.ItemDataRole.FontRole).italic()
    assert "Quý I/2024" in bts.data(Qt.ItemDataRole.ToolTipRole)
    assert not (model.flags(bts) & Qt.ItemFlag.ItemIsEditable)
    assert not model.setData(bts, "36")  # not written over the months
    assert store.value("08740", "BTS_TOTAL", "2024Q1") is None
    assert model.flags(model.index(other, column_of(grid, "BTS_4G"))) & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, column_of(grid, "BTS_TOTAL")).data() == "12"  # 10 + 2, as before
    window.status.update_filled()
    assert window.status.filled_label.text() == "1/148 đơn vị đã báo cáo đủ"
    rows = {r.unit.code: r.filled for r in store.completeness("2024Q1", "25")}
    assert rows["08740"] == 29 and rows["07900"] == 0
    # a comment left on the quarter itself, and March's 5G above all stations
    store.save_value("08740", "BTS_TOTAL", "2024Q1", None, comment="Theo báo cáo tháng")
    store.save_value("08740", "BTS_5G", "202403", 11)
    model.refresh()
    tip = bts.data(Qt.ItemDataRole.ToolTipRole)
    assert "Quý I/2024" in tip and "Theo báo cáo tháng" in tip  # the comment kept
    assert bts.data().startswith("✎") and bts.data(Qt.ItemDataRole.FontRole).italic()
    assert bts.data(Qt.ItemDataRole.BackgroundRole) is not None  # the broken rule shows
    assert "(11 > 10)" in tip
