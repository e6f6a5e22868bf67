"""File > Export and File > Import in the window: work in the background, preview first."""

import pytest

from ictdesk.core.exchange.common import LONG_HEADER
from ictdesk.core.exchange.import_report import ImportStep
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
    win.period_picker.set_period(Period.parse("2025Q4"))
    win.unit_tree.select("08740")
    yield win
    win.close()


def long_file(path, rows):
    lines = [",".join(LONG_HEADER)] + [
        ",".join([u, "", c, "", p, str(v), "", "", ""]) for u, c, p, v in rows
    ]
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_import_previews_then_writes_and_the_form_shows_it(qtbot, window, tmp_path):
    path = long_file(
        tmp_path / "phuc_yen.csv",
        [("08740", "BTS_TOTAL", "2025Q4", 36), ("08740", "BTS_4G", "2025Q4", 35)],
    )
    dialog = window.show_import()
    dialog.set_files([path])
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert window.store.value_count() == 0  # the preview writes nothing
    assert dialog.table.rowCount() == 2
    assert dialog.import_button.isEnabled()
    assert "2 mới" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start_import()
    assert window.entry_form.fields["BTS_TOTAL"].text() == "36"
    assert "2" in window.statusBar().currentMessage()


def test_the_preview_names_units_and_indicators_and_shows_the_value_replaced(
    qtbot, window, tmp_path
):
    window.store.save_value("08740", "BTS_TOTAL", "2025Q4", 30)
    path = long_file(
        tmp_path / "phuc_yen.csv",
        [("08740", "BTS_TOTAL", "2025Q4", 36), ("08740", "HH_TOTAL", "2025Q4", 12500)],
    )
    dialog = window.show_import()
    dialog.conflict_box.setCurrentIndex(dialog.conflict_box.findData("overwrite"))
    dialog.set_files([path])
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    rows = [
        [dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
        for r in range(dialog.table.rowCount())
    ]
    assert rows == [
        [
            "08740 Phường Phúc Yên",
            "Tổng số trạm phát sóng (BTS)",
            "Quý IV/2025",
            "36",
            "30",
            "phuc_yen.csv dòng 2",
        ],
        [
            "08740 Phường Phúc Yên",
            "Tổng số hộ gia đình",
            "Quý IV/2025",
            "12.500",
            "",
            "phuc_yen.csv dòng 3",
        ],
    ]
    assert "1 mới, 1 thay đổi" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start_import()
    again = window.show_import()
    again.set_files([path])
    qtbot.waitUntil(lambda: again.report is not None, timeout=10000)
    assert "Không có gì để nhập" in again.summary.text()
    assert again.table.rowCount() == 0 and not again.import_button.isEnabled()


def test_a_running_import_says_which_file_it_reads_and_what_it_writes(qtbot, window, tmp_path):
    files = [
        long_file(tmp_path / "a.csv", [("08740", "BTS_TOTAL", "2025Q4", 36)]),
        long_file(tmp_path / "b.csv", [("07900", "BTS_TOTAL", "2025Q4", 12500)]),
    ]
    dialog = window.show_import()
    shown = []
    describe = dialog._describe_step

    def spy(step):
        shown.append(describe(step))
        return shown[-1]

    dialog._describe_step = spy
    dialog.set_files(files)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert shown == [
        ("Đang đọc a.csv… (tệp 1/2)", 0, 2),
        ("Đang đọc b.csv… (tệp 2/2)", 1, 2),
        ("Đang kiểm tra 2 giá trị…", 0, 0),
    ]
    shown.clear()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start_import()
    assert shown[-1] == ("Đang ghi 2 giá trị…", 0, 0)
    one_file = ImportStep("read", 0, 1, "a.csv")
    assert describe(one_file) == ("Đang đọc a.csv…", 0, 0)  # busy: no file count to show


def test_warnings_leave_the_preview_in_view_and_errors_come_first(qtbot, window, tmp_path):
    window.store.save_value("08740", "BTS_TOTAL", "2025Q3", 10)
    jump = long_file(tmp_path / "jump.csv", [("08740", "BTS_TOTAL", "2025Q4", 40)])
    dialog = window.show_import()
    dialog.set_files([jump])
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.warnings and dialog.import_button.isEnabled()
    assert dialog.table.item(0, 3).text() == "40"  # the preview, not the warning
    assert dialog.warnings_button.text() == "Xem cảnh báo" and dialog.warnings_button.isVisible()
    assert dialog.summary.text().endswith("1 cảnh báo.")
    dialog.warnings_button.click()
    assert dialog.table.item(0, 3).text() == "cảnh báo"
    dialog.warnings_button.click()
    assert dialog.table.item(0, 3).text() == "40"
    both = long_file(
        tmp_path / "both.csv",
        [("08740", "BTS_TOTAL", "2025Q4", 40), ("99999", "BTS_TOTAL", "2025Q4", 1)],
    )
    dialog.report = None
    dialog.set_files([both])
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    severities = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert severities == ["lỗi", "cảnh báo"] and not dialog.warnings_button.isVisible()


def test_a_file_that_cannot_be_imported_is_explained_in_the_interface_language(
    qtbot, window, tmp_path
):
    garbage = tmp_path / "rac.csv"
    garbage.write_text("hello;world\n1;2\n", encoding="utf-8")
    dialog = window.show_import()
    dialog.set_files([garbage])
    qtbot.waitUntil(lambda: "rac.csv" in dialog.summary.text(), timeout=10000)
    assert "không phải tệp ictdesk nhập được" in dialog.summary.text()
    assert "not a file" not in dialog.summary.text()


def test_import_with_errors_lists_them_and_cannot_be_confirmed(qtbot, window, tmp_path):
    path = long_file(
        tmp_path / "bad.csv",
        [("08740", "BTS_TOTAL", "2025Q4", 36), ("99999", "BTS_4G", "2025Q4", 35)],
    )
    dialog = window.show_import()
    dialog.set_files([path])
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert not dialog.import_button.isEnabled()
    assert dialog.table.rowCount() == 1
    assert "99999" in dialog.table.item(0, 4).text()
    assert dialog.table.item(0, 1).text() == "dòng 3"
    assert "không tồn tại" in dialog.table.item(0, 4).text()
    assert window.store.value_count() == 0


def test_export_writes_the_file_in_the_background(qtbot, window, tmp_path):
    window.store.save_value("08740", "BTS_TOTAL", "2025Q4", 36)
    dialog = window.show_export()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("long"))
    target = tmp_path / "out.csv"
    with qtbot.waitSignal(dialog.exported, timeout=10000) as signal:
        dialog.start_export(target)
    assert signal.args == [str(target), 1]
    assert "08740" in target.read_text(encoding="utf-8-sig")


def test_an_empty_export_of_monthly_returns_for_their_year_says_how_to_export_them(
    qtbot, window, tmp_path, asker
):
    """A DHIS2 file of a year whose values are stored by month would be empty: the user is
    told so, and which periods to choose, not left with an empty file and no word."""
    for month in range(1, 13):
        window.store.save_value("08740", "BTS_TOTAL", f"2025{month:02d}", 30 + month)
    window.period_picker.set_period(Period.parse("2025"))
    warned = []
    asker.answers["warn"] = lambda title, text: warned.append((title, text))
    dialog = window.show_export()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("dhis2"))
    with qtbot.waitSignal(dialog.exported, timeout=10000) as signal:
        dialog.start_export(tmp_path / "out.csv")
    assert signal.args[1] == 0
    ((title, text),) = warned
    assert title == "Không có gì được xuất"
    assert text.startswith("Không có số liệu lưu cho chính kỳ 2025") and text.endswith(".")
    assert "lưu theo tháng (từ 202501 đến 202512)" in text
    assert "“Tất cả các kỳ của năm …”" in text


def test_long_background_work_shows_its_progress_dialog(qtbot):
    import threading

    from PySide6.QtWidgets import QWidget

    from ictdesk.gui.background import BackgroundTask, wait_for_background_work

    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    results = []
    task = BackgroundTask(
        parent, "working…", lambda: (release.wait(5), 42)[1], results.append, results.append
    )
    qtbot.waitUntil(task.dialog.isVisible, timeout=3000)  # after its 300 ms, not never
    release.set()
    qtbot.waitUntil(lambda: results == [42], timeout=3000)
    wait_for_background_work()


def test_dhis2_deletions_are_applied_only_when_ticked(qtbot, window, tmp_path):
    window.store.save_value("08740", "BTS_TOTAL", "2025Q4", 36)
    path = tmp_path / "dhis2.csv"
    path.write_text(
        "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,"
        "lastupdated,comment,followup,deleted\n"
        "BTS_TOTAL,2025Q4,08740,HllvX50cXC0,HllvX50cXC0,36,admin,2099-01-01T00:00:00.000+0000"
        ",,false,true\n",
        encoding="utf-8",
    )
    dialog = window.show_import()
    dialog.set_files([path])
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert not dialog.import_button.isEnabled()
    assert "deleted=true" in dialog.table.item(0, 4).text()
    assert "Áp dụng" in dialog.table.item(0, 4).text()  # in the interface language
    dialog.report = None
    dialog.deletions_box.setChecked(True)  # checks the files again
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.deleted == 1 and dialog.import_button.isEnabled()
    assert "1 giá trị bị xóa" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start_import()
    assert window.store.value("08740", "BTS_TOTAL", "2025Q4") is None


def test_the_dhis2_json_export_names_the_data_set_of_the_settings(qtbot, window, tmp_path):
    import json

    window.store.save_value("08740", "BTS_TOTAL", "2025Q4", 36)
    window.store.set_complete("08740", "2025Q4")
    window.store.set_setting("dhis2_data_set", "CDS_QUY")
    dialog = window.show_export()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("dhis2-json"))
    assert "mã bộ dữ liệu DHIS2" in dialog.note.text()
    target = tmp_path / "out.json"
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.start_export(target)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["dataSet"] == "CDS_QUY"
    assert document["completeDataSetRegistrations"][0]["organisationUnit"] == "08740"
