"""The reform in the window: the import dialog's old-units choice, the "Trước 01/7/2025" node
of the unit tree, the 1 July 2025 marker of the trend chart, the printed sheet's note."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ictdesk.core.exchange.common import LONG_HEADER
from ictdesk.core.periods import Period
from ictdesk.core.report import REFORM_NOTE, rollup_sheet, unit_sheet
from ictdesk.core.store import ValueStore
from ictdesk.gui.app import make_application
from ictdesk.gui.i18n import install_language
from ictdesk.gui.trends.view import TrendsView
from ictdesk.gui.unit_tree import CodeRole
from ictdesk.gui.window import MainWindow

DAKRONG = [
    ("19564", "Xã Đakrông", 1000),
    ("19576", "Xã Ba Nang", 500),
    ("19579", "Xã Tà Long", 700),
]


@pytest.fixture
def window(qtbot, tmp_path):
    make_application()
    install_language("vi")
    path = tmp_path / "quang-tri.db"
    ValueStore.create(path, {"province_code": "44"})
    win = MainWindow(ValueStore.open(path))
    qtbot.addWidget(win)
    win.period_picker.set_period(Period.parse("2024"))
    yield win
    win.close()


def _old_file(path, rows=DAKRONG, period="2024"):
    lines = [",".join(LONG_HEADER)] + [
        ",".join([code, name, "HH_TOTAL", "", period, str(value), "", "", ""])
        for code, name, value in rows
    ]
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_the_import_dialog_suggests_old_units_and_converts(qtbot, window, tmp_path):
    dialog = window.show_import()
    assert not dialog.old_units_box.isChecked() and not dialog.split_box.isEnabled()
    dialog.set_files([_old_file(tmp_path / "dakrong-2024.csv")])
    assert dialog.old_units_box.isChecked() and dialog.split_box.isEnabled()
    assert "trước 01/7/2025" in dialog.old_units_hint.text()
    assert not dialog.old_units_hint.isHidden()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert "Sẽ quy đổi sang đơn vị mới: 1 giá trị" in dialog.summary.text()
    assert {i.unit_code for i in dialog.report.preview} == {
        "19564",
        *(f"old:{c}" for c, *_ in DAKRONG),
    }
    assert not window.store.has_history()  # the check wrote nothing
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start_import()
    assert window.store.value("19564", "HH_TOTAL", "2024").value == 2200
    # the tree now ends with the units before 1 July 2025, which the window can show
    model = window.unit_tree.model
    last = model.index(model.rowCount() - 1, 0)
    assert last.data() == "Trước 01/7/2025" and last.data(CodeRole) is None
    assert not last.flags() & Qt.ItemFlag.ItemIsSelectable
    assert window.unit_tree.view.isExpanded(model.index(0, 0))  # the province stays open
    assert window.unit_tree.select("old:19576")
    assert window.unit_tree.current_code() == "old:19576"
    assert window.entry_form.fields["HH_TOTAL"].text() == "500"


def test_a_file_of_current_units_is_not_suggested(qtbot, window, tmp_path):
    dialog = window.show_import()
    dialog.set_files([_old_file(tmp_path / "new.csv", [("19564", "Xã Đakrông", 2200)])])
    assert not dialog.old_units_box.isChecked() and dialog.old_units_hint.isHidden()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    dialog.old_units_box.setChecked(True)  # the user's choice re-checks the files
    qtbot.waitUntil(lambda: "quy đổi" in dialog.summary.text(), timeout=10000)


def test_a_split_commune_waits_for_the_choice_of_a_rule(qtbot, window, tmp_path):
    dialog = window.show_import()
    dialog.set_files([_old_file(tmp_path / "vay-nua.csv", [("04891", "Xã Vầy Nưa", 1000)])])
    dialog.old_units_box.setChecked(True)
    qtbot.waitUntil(lambda: bool(dialog.report and dialog.report.blocking), timeout=10000)
    assert not dialog.import_button.isEnabled()
    assert "đã được chia cho nhiều đơn vị mới" in dialog.table.item(0, 4).text()
    dialog.report = None
    dialog.split_box.setCurrentIndex(dialog.split_box.findData("area"))
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert not dialog.report.blocking and dialog.import_button.isEnabled()


def test_the_tree_searches_the_old_units_too(qtbot, window, tmp_path):
    dialog = window.show_import()
    dialog.set_files([_old_file(tmp_path / "dakrong.csv")])
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start_import()
    assert window.unit_tree.model.set_search("ba nang") == 1
    window.unit_tree.view.expandAll()
    assert window.unit_tree.select("old:19576")


@pytest.fixture
def trends(qtbot, history_demo_db):
    make_application()
    install_language("vi")
    store = ValueStore.open(history_demo_db, read_only=True)
    view = TrendsView()
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.set_store(store)
    view.show_place("08113", Period.parse("2026Q2"))  # Xã Yên Kỳ
    view.show()
    view.show_indicator("SMARTPHONE_HH_PCT")
    view.redraw()
    QApplication.processEvents()
    yield view, store
    store.close()


def test_a_trend_runs_through_1_july_2025_with_a_marker(trends):
    view, store = trends
    chart = view.chart
    labels = chart.period_axis.labels
    assert labels[0] == "Quý I/2021" and "Quý II/2026" in labels
    assert chart.reform_line.isVisible()
    assert chart.reform_line.value() == pytest.approx(labels.index("Quý III/2025") - 0.5)
    assert chart.reform_line.label.format == "01/7/2025: sắp xếp đơn vị hành chính"
    commune = next(
        c for c, line in zip(chart.curves, chart.lines, strict=False) if line.key == "08113"
    )
    y = commune.yData
    at = labels.index("Quý II/2025")
    assert not any(v != v for v in y[: at + 5])  # no gap: before and after the reform
    view.show_place("08113", Period.parse("2026Q2"))
    view.type_box.setCurrentIndex(view.type_box.findData("year"))
    view.redraw()
    assert chart.reform_line.value() == pytest.approx(chart.period_axis.labels.index("2025"))


def test_the_printed_sheet_says_earlier_figures_are_converted(history_demo_db, demo_store):
    store = ValueStore.open(history_demo_db, read_only=True)
    try:
        assert REFORM_NOTE in unit_sheet(store, "08113", "2025Q4").notes  # chart reaches 2024
        assert REFORM_NOTE in rollup_sheet(store, "25", "2024").notes
        assert REFORM_NOTE not in rollup_sheet(store, "25", "2025Q4").notes
        assert REFORM_NOTE not in unit_sheet(store, "old:08113", "2024").notes
    finally:
        store.close()
    assert REFORM_NOTE not in unit_sheet(demo_store, "08740", "2025Q4").notes  # no history
