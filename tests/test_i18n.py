"""The Vietnamese catalogue covers every user-visible string of the GUI."""

import subprocess
from pathlib import Path

from ictdesk.core.resources import resource_path
from ictdesk.gui.i18n import catalogue_path, read_ts

GUI_SOURCES = sorted((Path(__file__).parent.parent / "src" / "ictdesk" / "gui").rglob("*.py"))


def test_every_translatable_string_has_a_vietnamese_translation(tmp_path):
    extracted = tmp_path / "extracted.ts"
    subprocess.run(
        ["pyside6-lupdate", *map(str, GUI_SOURCES), "-ts", str(extracted)],
        check=True,
        capture_output=True,
    )
    import xml.etree.ElementTree as ET

    wanted = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(extracted).getroot().iter("context")
        for message in context.iter("message")
    }
    assert len(wanted) > 40
    translated = read_ts(catalogue_path("vi"))
    missing = sorted(wanted - translated.keys())
    assert not missing, f"missing from ictdesk_vi.ts: {missing}"


def test_qt_standard_buttons_are_translated():
    messages = read_ts(resource_path("i18n", "qtbase_vi.ts"))
    assert messages[("QPlatformTheme", "Cancel")] == "Hủy"
    assert messages[("QPlatformTheme", "OK")] == "Đồng ý"


def test_qt_file_and_print_dialogs_show_vietnamese(qtbot):
    from PySide6.QtCore import QCoreApplication

    from ictdesk.gui.app import make_application
    from ictdesk.gui.i18n import install_language

    make_application()
    install_language("vi")
    try:
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Tìm trong:"
        assert QCoreApplication.translate("QFileSystemModel", "Date Modified") == "Ngày sửa"
        assert QCoreApplication.translate("QPrintPreviewDialog", "Export to PDF") == "Xuất ra PDF"
    finally:
        install_language("vi")


def test_a_compiled_catalogue_is_used_only_when_it_is_not_stale(tmp_path, qtbot):
    import os
    import subprocess as sp

    from PySide6.QtCore import QTranslator

    from ictdesk.gui.app import make_application
    from ictdesk.gui.i18n import TsTranslator, _translator_for

    make_application()
    ts = tmp_path / "ictdesk_vi.ts"
    ts.write_bytes(catalogue_path("vi").read_bytes())
    assert isinstance(_translator_for(ts, None), TsTranslator)  # no .qm: read the .ts
    sp.run(["pyside6-lrelease", "-silent", str(ts)], check=True)
    compiled = _translator_for(ts, None)
    assert type(compiled) is QTranslator
    assert compiled.translate("MainWindow", "&File") == "&Tệp"
    os.utime(ts, (ts.stat().st_atime, ts.with_suffix(".qm").stat().st_mtime + 10))
    assert isinstance(_translator_for(ts, None), TsTranslator)  # .ts edited since: stale .qm
