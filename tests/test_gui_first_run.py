"""The first-launch dialog: a searchable province list, a home commune, the user's name."""

from PySide6.QtCore import Qt

from ictdesk.core.store import ValueStore
from ictdesk.gui.app import make_application
from ictdesk.gui.first_run import FirstRunDialog
from ictdesk.gui.i18n import install_language
from ictdesk.gui.window import create_from_dialog


def make_dialog(qtbot) -> FirstRunDialog:
    make_application()
    install_language("vi")
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    return dialog


def test_province_list_has_34_provinces_and_search_ignores_diacritics(qtbot):
    dialog = make_dialog(qtbot)
    assert dialog.province_list.model().rowCount() == 34
    qtbot.keyClicks(dialog.province_search, "phu tho")
    assert dialog.province_list.model().rowCount() == 1
    assert dialog.province_code() == "25"
    # the commune list follows the province: "(none)" plus its 148 communes
    assert dialog.commune_box.count() == 149
    assert dialog.create_button.isEnabled()


def test_create_button_makes_a_database_for_the_chosen_province(qtbot, tmp_path):
    dialog = make_dialog(qtbot)
    assert dialog.select_province("25")
    dialog.commune_box.setCurrentIndex(dialog.commune_box.findData("08740"))
    dialog.user_name.setText("Nguyễn Thị Lan")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "create"
    path = tmp_path / "new.db"
    assert create_from_dialog(None, dialog, path)
    store = ValueStore.open(path)
    try:
        assert store.province_code == "25"
        assert store.setting("home_commune") == "08740"
        assert store.stored_by == "Nguyễn Thị Lan"
        store.save_value("08740", "BTS_TOTAL", "2025Q1", 10)
        assert store.history("08740", "BTS_TOTAL", "2025Q1")[0].stored_by == "Nguyễn Thị Lan"
    finally:
        store.close()


def test_demo_button_chooses_demo(qtbot):
    dialog = make_dialog(qtbot)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "demo"
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted


def test_province_filter_model_passes_the_model_tester(qtbot, qtmodeltester):
    dialog = make_dialog(qtbot)
    qtmodeltester.check(dialog.province_list.model())
