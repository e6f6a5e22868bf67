"""Run validation over a period, and the reporting completeness view."""

import pytest
from PySide6.QtCore import Qt

from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore, ValueWrite
from ictdesk.gui.app import make_application
from ictdesk.gui.i18n import install_language
from ictdesk.gui.window import MainWindow


@pytest.fixture
def window(qtbot, demo_db):
    make_application()
    install_language("vi")
    win = MainWindow(ValueStore.open(demo_db))
    qtbot.addWidget(win)
    win.show()
    win.period_picker.set_period(Period.parse("2025Q4"))
    win.unit_tree.select("25")
    yield win
    win.close()


def test_validation_lists_violations_and_jumps_to_the_form(qtbot, window):
    store = window.store
    store.save_value("08740", "BTS_5G", "2025Q4", 500)  # more 5G than all stations
    dialog = window.run_validation()
    qtbot.addWidget(dialog)
    problems = [(v.unit_code, v.kind) for v in dialog.violations]
    assert ("08740", "rule") in problems
    assert dialog.table.rowCount() == len(dialog.violations)
    row = next(r for r in range(dialog.table.rowCount()) if "5G" in dialog.table.item(r, 3).text())
    dialog.table.itemDoubleClicked.emit(dialog.table.item(row, 0))
    assert window.entry_form.unit_code == "08740"
    assert window.tabs.currentIndex() == 0


def test_a_clean_period_reports_no_problems(qtbot, window):
    dialog = window.run_validation()
    qtbot.addWidget(dialog)
    assert dialog.violations == []
    assert "không" in dialog.summary.text().lower()


def test_completeness_counts_reported_partial_and_missing_communes(qtbot, window):
    store = window.store
    window.period_picker.set_period(Period.parse("2026Q1"))
    store.save_value("08740", "BTS_TOTAL", "2026Q1", 30)
    for writes_unit in ("07900",):
        for indicator in store.catalogue.entered:
            previous = store.value(writes_unit, indicator.code, "2025Q4").value
            store.save_value(writes_unit, indicator.code, "2026Q1", previous)
    window.tabs.setCurrentWidget(window.completeness_view)
    view = window.completeness_view
    assert view.counts == {"full": 1, "partial": 1, "none": 146}
    assert view.table.rowCount() == 148


def test_review_tables_keep_their_order_and_sort_numbers_as_numbers(qtbot, window):
    store = window.store
    store.save_value("08740", "BTS_5G", "2025Q4", 500)  # an error
    store.save_value("07900", "BTS_TOTAL", "2025Q4", 9000)  # a large change: a warning
    dialog = window.run_validation()
    qtbot.addWidget(dialog)
    blocking = [v.blocking for v in dialog.violations]
    assert blocking == sorted(blocking, reverse=True)  # errors first
    window.period_picker.set_period(Period.parse("2026Q1"))
    store.save_value("08740", "BTS_TOTAL", "2026Q1", 30)
    for indicator in store.catalogue.entered[:9]:
        store.save_value("07900", indicator.code, "2026Q1", 1)
    window.tabs.setCurrentWidget(window.completeness_view)
    table = window.completeness_view.table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert names == [u.name for u, *_ in store.completeness("2026Q1", "25")]  # not Z to A
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    filled = [table.item(r, 1).text() for r in range(3)]
    assert filled == ["9/29", "1/29", "0/29"]


def test_a_province_tells_how_many_of_its_units_reported_in_full(qtbot, window):
    window.period_picker.set_period(Period.parse("2026Q1"))
    store = window.store
    for indicator in store.catalogue.entered:
        store.save_value("07900", indicator.code, "2026Q1", 1)
    window.unit_tree.select("08740")
    asked = []
    completeness = store.completeness
    store.completeness = lambda *args: asked.append(args) or completeness(*args)
    window.unit_tree.select("25")
    # The count reads every commune's values: it comes once the move has been shown, not
    # before the form's sums (a province at a year of monthly returns: 10-15 ms).
    assert asked == [] and window.entry_form.unit_code == "25"
    qtbot.waitUntil(lambda: window.status.filled_label.text() == "1/148 đơn vị đã báo cáo đủ")
    assert asked == [("2026Q1", "25")]


class _CountingTable:
    """A QTableWidget counting how often its columns are measured for ResizeToContents."""

    @staticmethod
    def make(columns: int):
        from PySide6.QtWidgets import QHeaderView, QTableWidget

        class Counting(QTableWidget):
            measured = 0

            def sizeHintForColumn(self, column):  # noqa: N802 (Qt's name)
                Counting.measured += 1
                return super().sizeHintForColumn(column)

        table = Counting(0, columns)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table


def _refill(table, rows: int, text: str) -> None:
    from PySide6.QtWidgets import QTableWidgetItem

    from ictdesk.gui.tables import filling

    with filling(table, rows):
        for row in range(rows):
            for column in range(table.columnCount()):
                table.setItem(row, column, QTableWidgetItem(f"{text} {row} {column}"))


def test_a_showing_table_refilled_is_measured_once_not_at_every_cell(qtbot):
    """Replacing the cells of a showing table whose columns fit their contents measured each
    column again over every row at each cell (0.68 s for the reporting tab's 148 communes
    after each save; 148 s for the import dialog checking a 1,776-row preview again)."""
    from PySide6.QtWidgets import QHeaderView

    make_application()
    table = _CountingTable.make(3)
    qtbot.addWidget(table)
    table.setSortingEnabled(True)
    table.show()
    _refill(table, 150, "short")
    qtbot.wait(1)
    type(table).measured = 0
    _refill(table, 150, "a much longer text than before")
    qtbot.wait(1)
    assert type(table).measured <= 3 * 3  # a few per column, not 150 × 3 × 3
    header = table.horizontalHeader()
    for column in range(3):
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents
        assert header.sectionSize(column) >= table.sizeHintForColumn(column)  # fits the new text
    assert table.isSortingEnabled()
    table.setColumnCount(4)  # a column added later keeps the header's mode
    assert header.sectionResizeMode(3) == QHeaderView.ResizeMode.ResizeToContents


def test_the_reporting_tab_refreshed_after_a_save_fits_its_columns(qtbot, window):
    window.tabs.setCurrentWidget(window.completeness_view)
    table = window.completeness_view.table
    window.session.save([ValueWrite("08740", "BTS_TOTAL", "2025Q4", 77)], "x")
    qtbot.wait(1)
    assert table.rowCount() == 148 and table.isSortingEnabled()
    header = table.horizontalHeader()
    for column in range(table.columnCount() - 1):  # the last one stretches
        assert header.sectionSize(column) >= table.sizeHintForColumn(column)


def test_a_quarter_of_monthly_returns_says_how_many_months_are_in(qtbot, window):
    """A commune with January in full has partly reported Quý I: the status says 1 of 3."""
    store = window.store
    store.save_values(
        [ValueWrite("08740", i.code, "202601", 5) for i in store.catalogue.entered], source="form"
    )
    window.period_picker.set_period(Period.parse("2026Q1"))
    window.tabs.setCurrentWidget(window.completeness_view)
    view = window.completeness_view
    assert view.counts == {"full": 0, "partial": 1, "none": 147}
    row = next(
        r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == "Phường Phúc Yên"
    )
    assert view.table.item(row, 2).text() == "báo cáo một phần: đủ 1/3 tháng"
    assert view.table.item(row, 1).text() == "0/29"
