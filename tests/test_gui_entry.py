"""The main window end to end: pick a commune and a period, type, leave the field, reopen."""

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore, ValueWrite
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
    qtbot.waitExposed(win)
    yield win
    win.close()


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Vietnamese included (qtbot.keyClicks asserts on non-ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def enter_value(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_typed_values_are_saved_and_survive_reopening(qtbot, window, empty_db):
    assert window.unit_tree.select("08740")
    window.period_picker.set_period(Period.parse("2024Q1"))
    form = window.entry_form
    assert form.unit_code == "08740" and form.period.iso == "2024Q1"

    enter_value(qtbot, form.fields["HH_TOTAL"], "12.500")
    enter_value(qtbot, form.fields["HH_SMARTPHONE"], "10.450")
    assert form.rows["SMARTPHONE_HH_PCT"].value.text() == "83,6"
    qtbot.waitUntil(lambda: "2/29" in window.status.filled_label.text(), timeout=2000)
    window.close()

    reopened = ValueStore.open(empty_db)
    try:
        assert reopened.value("08740", "HH_TOTAL", "2024Q1").value == 12500
        assert reopened.value("08740", "HH_SMARTPHONE", "2024Q1").value == 10450
        assert reopened.aggregate("SMARTPHONE_HH_PCT", "08740", "2024Q1") == pytest.approx(83.6)
        assert reopened.aggregate("SMARTPHONE_HH_PCT", "25", "2024") == pytest.approx(83.6)
        history = reopened.history("08740", "HH_TOTAL", "2024Q1")
        assert [(h.old_value, h.new_value, h.source) for h in history] == [(None, 12500, "form")]
    finally:
        reopened.close()


def test_enter_moves_to_the_next_field_and_derived_rates_follow_typing(qtbot, window):
    window.unit_tree.select("08740")
    form = window.entry_form
    form.fields["POP_TOTAL"].setFocus()
    qtbot.keyClicks(form.fields["POP_TOTAL"], "1.000")
    qtbot.keyClick(form.fields["POP_TOTAL"], Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.fields["POP_ADULT"]
    form.fields["POP_COVERED_4G"].setFocus()
    qtbot.keyClicks(form.fields["POP_COVERED_4G"], "980")
    # recomputed while typing, before the field is left
    assert form.rows["COV_4G_PCT"].value.text() == "98,0"


def test_invalid_text_is_kept_flagged_and_not_saved(qtbot, window, empty_db):
    window.unit_tree.select("08740")
    form = window.entry_form
    field = form.fields["BTS_TOTAL"]
    enter_value(qtbot, field, "12,5")
    assert field.text() == "12,5"
    assert form.rows["BTS_TOTAL"].check.text() != ""
    assert window.store.value("08740", "BTS_TOTAL", form.period.iso) is None
    assert form.has_unsaved_text()
    field.setText("")  # leave the window closable for the fixture


def test_vietnamese_formatting_is_shown_back_while_typing(qtbot, window):
    window.unit_tree.select("08740")
    form = window.entry_form
    field = form.fields["POP_TOTAL"]
    field.setFocus()
    qtbot.keyClicks(field, "12.500")
    assert form.rows["POP_TOTAL"].check.text() == "= 12.500"


def test_switching_unit_or_period_reloads_the_form(qtbot, window):
    store = window.store
    store.save_value("08740", "BTS_TOTAL", "2024Q1", 36)
    store.save_value("07900", "BTS_TOTAL", "2024Q1", 12)
    store.save_value("08740", "BTS_TOTAL", "2024Q2", 40)
    window.period_picker.set_period(Period.parse("2024Q1"))
    window.unit_tree.select("08740")
    assert window.entry_form.fields["BTS_TOTAL"].text() == "36"
    window.unit_tree.select("07900")
    assert window.entry_form.fields["BTS_TOTAL"].text() == "12"
    window.unit_tree.select("08740")
    window.period_picker.set_period(Period.parse("2024Q2"))
    assert window.entry_form.fields["BTS_TOTAL"].text() == "40"
    assert "Quý II/2024" in window.status.period_label.text()


def test_a_pending_edit_is_saved_before_switching_unit(qtbot, window):
    window.unit_tree.select("08740")
    form = window.entry_form
    form.fields["CDT_TEAMS"].setText("7")  # typed but never left
    window.unit_tree.select("07900")
    assert window.store.value("08740", "CDT_TEAMS", form.period.iso).value == 7


def test_parent_units_show_the_sum_of_their_communes(qtbot, window):
    store = window.store
    store.save_value("08740", "HH_TOTAL", "2024Q1", 1000)
    store.save_value("08740", "HH_SMARTPHONE", "2024Q1", 900)
    store.save_value("07900", "HH_TOTAL", "2024Q1", 3000)
    store.save_value("07900", "HH_SMARTPHONE", "2024Q1", 1500)
    window.period_picker.set_period(Period.parse("2024Q1"))
    window.unit_tree.select("25")
    form = window.entry_form
    assert form.rows["HH_TOTAL"].aggregate.text() == "4.000"
    # Σ/Σ = 2400/4000, not the mean of 90% and 50%
    assert form.rows["SMARTPHONE_HH_PCT"].aggregate.text() == "60,0"


def test_unit_search_ignores_diacritics(qtbot, window):
    type_text(window.unit_tree.search, "phúc yên")
    model = window.unit_tree.model
    province = model.index(0, 0)
    names = [model.index(r, 0, province).data() for r in range(model.rowCount(province))]
    assert names == ["Phường Phúc Yên"]
    assert not window.unit_tree.no_match.isVisible()
    window.unit_tree.search.clear()
    assert model.rowCount(model.index(0, 0)) == 148
    type_text(window.unit_tree.search, "zzz")
    assert window.unit_tree.no_match.isVisible() and "Không có đơn vị" in (
        window.unit_tree.no_match.text()
    )
    window.unit_tree.search.clear()
    assert not window.unit_tree.no_match.isVisible()


def test_unit_tree_model_passes_the_model_tester(qtmodeltester, window):
    model = window.unit_tree.model
    model.fetchMore(model.index(0, 0))
    qtmodeltester.check(model)
    model.set_search("xa")
    qtmodeltester.check(model)


def test_language_switch_changes_visible_texts(qtbot, window):
    install_language("en")
    window.retranslate()
    assert window.file_menu.title() == "&File"
    install_language("vi")
    window.retranslate()
    assert window.file_menu.title() == "&Tệp"
    assert window.tabs.tabText(0) == "Nhập số liệu"


def test_reopening_a_database_returns_to_the_last_unit_and_period(qtbot, window, empty_db):
    window.unit_tree.select("07900")
    window.period_picker.set_period(Period.parse("2023S2"))
    window.close()
    again = MainWindow(ValueStore.open(empty_db))
    qtbot.addWidget(again)
    assert again.entry_form.unit_code == "07900"
    assert again.entry_form.period.iso == "2023S2"
    assert again.period_picker.period_box.currentText() == "6 tháng cuối năm 2023"
    again.close()


def test_a_file_of_monthly_returns_opens_at_its_last_month_not_an_empty_quarter(qtbot, empty_db):
    store = ValueStore.open(empty_db)
    store.save_values(
        [ValueWrite("07900", "BTS_TOTAL", f"2025{month:02d}", month) for month in (1, 2, 3)],
        source="form",
    )
    first = MainWindow(store)  # never opened here before: no place remembered
    qtbot.addWidget(first)
    assert first.place.period.iso == "202503"
    assert first.period_picker.period().iso == "202503"
    assert first.period_picker.period_box.currentText() == "Tháng 3/2025"
    first.close()


def test_english_interface_reads_and_shows_english_numbers(qtbot, window):
    window.unit_tree.select("08740")
    window.period_picker.set_period(Period.parse("2024Q1"))
    install_language("en")
    window.retranslate()
    form = window.entry_form
    enter_value(qtbot, form.fields["HH_TOTAL"], "12,500")
    enter_value(qtbot, form.fields["HH_SMARTPHONE"], "10,450")
    assert window.store.value("08740", "HH_TOTAL", "2024Q1").value == 12500
    assert form.rows["SMARTPHONE_HH_PCT"].value.text() == "83.6"
    install_language("vi")
    window.retranslate()
    assert form.fields["HH_TOTAL"].text() == "12.500"
    assert form.rows["SMARTPHONE_HH_PCT"].value.text() == "83,6"


def test_void_qt_calls_do_not_leak_references_to_none(qtbot):
    """docs/DESIGN.md §6: PySide6 6.12.0 on Python 3.11 loses a None reference per void call."""
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for i in range(5000):
        widget.setEnabled(i % 2 == 0)
        widget.update()
    QCoreApplication.processEvents()
    assert sys.getrefcount(None) >= before - 50


def test_a_village_added_under_a_commune_appears_in_the_tree_and_adds_up(qtbot, window):
    from ictdesk.gui.add_unit_dialog import AddUnitDialog

    def fill_dialog():
        dialog = window.findChild(AddUnitDialog)
        dialog.code.setText("08740-01")
        type_text(dialog.name, "Thôn Đồng Tâm")
        dialog.accept()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, fill_dialog)
    assert window.add_unit_under("08740")
    assert window.entry_form.unit_code == "08740-01"
    enter_value(qtbot, window.entry_form.fields["HH_TOTAL"], "250")
    assert window.store.aggregate("HH_TOTAL", "08740", window.entry_form.period.iso) == 250
    assert window.store.unit("08740-01").name == "Thôn Đồng Tâm"


def test_language_menu_switches_without_restart_and_is_remembered(qtbot, window):
    from PySide6.QtCore import QSettings

    window.language_actions["en"].trigger()
    assert window.file_menu.title() == "&File"
    assert window.tabs.tabText(0) == "Data entry"
    assert QSettings().value("language") == "en"
    window.language_actions["vi"].trigger()
    assert window.file_menu.title() == "&Tệp"
    assert QSettings().value("language") == "vi"


def test_dashboard_card_opens_the_indicator_in_trends(qtbot, window):
    window.tabs.setCurrentWidget(window.dashboard_view)
    window.dashboard_view.indicator_activated.emit("COV_5G_PCT")
    assert window.tabs.currentWidget() is window.trends_view
    assert window.trends_view.indicator().code == "COV_5G_PCT"


def test_user_guide_opens_in_the_interface_language_with_its_screenshots(qtbot, window):
    dialog = window.show_user_guide()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Hướng dẫn sử dụng ictdesk" in text and "Dán từ Excel" in text
    html = dialog.browser.toHtml()
    assert "images/vi-entry-form.png" in html
    image = dialog.browser.document().resource(3, "images/vi-entry-form.png")  # ImageResource
    assert image is not None and not image.isNull()
    dialog.resize(700, 600)
    qtbot.waitUntil(lambda: dialog.browser.horizontalScrollBar().maximum() == 0)  # fits the page
    dialog.close()
    install_language("en")
    dialog = window.show_user_guide()
    qtbot.addWidget(dialog)
    assert "ictdesk user guide" in dialog.browser.toPlainText()
    dialog.close()
    install_language("vi")


def test_print_summary_opens_a_preview_and_saves_a_pdf(qtbot, window, tmp_path):
    window.store.save_value("08740", "BTS_TOTAL", "2024Q1", 36)
    window.period_picker.set_period(Period.parse("2024Q1"))
    window.unit_tree.select("08740")
    dialog = window.print_summary()
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "printPreview"
    dialog.close()
    path = window.save_summary_pdf("unit", tmp_path / "sheet.pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    assert "sheet.pdf" in window.statusBar().currentMessage()


def test_a_large_backup_at_exit_shows_its_progress(window, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    import ictdesk.gui.window.backups as main_window
    from ictdesk.gui.window.backups import closing_backup_progress

    monkeypatch.setattr(main_window, "BACKUP_PAGES_WORTH_A_DIALOG", 10)
    progress = closing_backup_progress(window)
    progress(4, 9)  # a small file: no dialog
    assert window.findChild(QProgressDialog, "closingBackup") is None
    progress = closing_backup_progress(window)
    progress(5, 20)
    dialog = window.findChild(QProgressDialog, "closingBackup")
    assert dialog.isVisible() and dialog.value() == 5 and "sao lưu" in dialog.labelText()
    progress(20, 20)
    assert not dialog.isVisible()


def record_threads(monkeypatch, name):
    """Wrap ValueStore's static ``name`` so each call records the thread it ran on."""
    import threading

    threads = []
    real = getattr(ValueStore, name)

    def recorded(target):
        threads.append(threading.current_thread())
        real(target)

    monkeypatch.setattr(ValueStore, name, staticmethod(recorded))
    return threads


def test_an_older_file_is_upgraded_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    import threading

    from test_store import as_before_m004

    make_application()
    path = tmp_path / "old.db"
    ValueStore.create(path, {"province_code": "25"})
    as_before_m004(path)
    threads = record_threads(monkeypatch, "upgrade")
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_path(path)
    assert threads and threads[0] is not threading.main_thread()
    assert not ValueStore.upgrade_due(path) and win.store is not None
    win.close()


def test_the_first_sums_come_after_the_window_is_painted(qtbot, empty_db):
    """At start the window paints before a province's sums are made ("…" meanwhile); once
    painted, choosing a unit makes them at once."""
    make_application()
    install_language("vi")
    win = MainWindow(ValueStore.open(empty_db))
    qtbot.addWidget(win)
    store, period = win.store, win.place.period.iso
    store.save_value("08740", "HH_TOTAL", period, 1000)
    store.save_value("07900", "HH_TOTAL", period, 3000)
    win.unit_tree.select("08740")
    win.unit_tree.select("25")
    form = win.entry_form
    assert form.rows["HH_TOTAL"].aggregate.text() == "…"  # not painted yet: not made
    win.show()
    qtbot.waitUntil(lambda: form.rows["HH_TOTAL"].aggregate.text() == "4.000", timeout=5000)
    store.save_value("07900", "HH_TOTAL", period, 2000)
    win.unit_tree.select("08740")
    win.unit_tree.select("25")
    assert form.rows["HH_TOTAL"].aggregate.text() == "3.000"  # painted: made at once
    win.close()


def test_an_elided_label_shows_what_fits_and_the_rest_on_hover(qtbot):
    """A label of the check/change/target columns ends in "…" when its text is too wide, the
    whole text then on hover beside its own tip; with no text it shows nothing and keeps the
    tip (the quick path taken by most labels at each load)."""
    from ictdesk.gui.entry.fields import ElidedLabel

    make_application()
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setFixedWidth(80)
    label.show()
    label.setToolTip("rule broken")
    assert (
        label.text() == "" and QLabel.text(label) == "" and QLabel.toolTip(label) == "rule broken"
    )
    long = "⚠ a change much larger than the usual one"
    label.setText(long)
    shown = QLabel.text(label)
    assert label.text() == long and shown.endswith("…") and len(shown) < len(long)
    assert QLabel.toolTip(label) == f"{long}\nrule broken"
    label.setText("✔")
    assert QLabel.text(label) == "✔" and QLabel.toolTip(label) == "rule broken"
    label.clear()
    label.setToolTip("")
    assert QLabel.text(label) == "" and QLabel.toolTip(label) == ""


def test_a_quarter_of_monthly_returns_shows_the_months_greyed_and_not_typed(qtbot, window):
    store = window.store
    for month, households in (("202410", 900), ("202411", 950), ("202412", 1000)):
        store.save_value("08740", "HH_TOTAL", month, households)
        store.save_value("08740", "HH_SMARTPHONE", month, households // 2)
        store.save_value("08740", "APPS_TOTAL", month, 10)
    store.save_value("08740", "HH_TOTAL", "202409", 800)  # the quarter before, by its months
    window.unit_tree.select("08740")
    window.period_picker.set_period(Period.parse("2024Q4"))
    form = window.entry_form
    assert form.rows["HH_TOTAL"].previous.text() == "800"
    households = form.fields["HH_TOTAL"]
    assert households.text() == "" and households.placeholderText() == "1.000"  # December
    assert households.isReadOnly()
    assert form.fields["APPS_TOTAL"].placeholderText() == "30"  # a flow: summed
    assert form.rows["HH_TOTAL"].check.text() == "tính từ tháng/quý"
    assert "Quý IV/2024" in households.toolTip()
    assert form.rows["SMARTPHONE_HH_PCT"].value.text() == "50,0"  # 500 / 1000, December
    assert form.filled_count() == (3, 29)  # reported whole by its months
    bts = form.fields["BTS_TOTAL"]  # no month holds it: typed for the quarter as before
    assert not bts.isReadOnly() and bts.placeholderText() == ""
    enter_value(qtbot, bts, "7")
    assert store.value("08740", "BTS_TOTAL", "2024Q4").value == 7
    window.period_picker.set_period(Period.parse("202412"))
    assert form.fields["HH_TOTAL"].text() == "1.000" and not form.fields["HH_TOTAL"].isReadOnly()
