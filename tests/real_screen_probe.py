"""Run by tests/test_real_screen.py on a real X display with a window manager: opens the main
window and the large dialogs and prints each one's frame and the screen's available area."""

import json
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ictdesk.core.store import ValueStore
from ictdesk.gui.app import make_application
from ictdesk.gui.i18n import install_language
from ictdesk.gui.window import MainWindow


def settle(seconds: float = 1.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def frame(widget) -> list[int]:
    g = widget.frameGeometry()
    return [g.x(), g.y(), g.width(), g.height()]


def ctrl_e_in_a_field(window) -> str:
    """What Ctrl+E does in a field of the form: "export" (the menu's shortcut) or "cursor"
    (a line edit's Emacs binding on X11 took it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ictdesk.gui.exchange.export_dialog import ExportDialog

    window.place.move(unit_code="08740")
    settle(0.3)
    field = next(iter(window.entry_form.fields.values()))
    field.setFocus()  # holding its saved value: leaving asks nothing
    field.setCursorPosition(0)
    QTest.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle(0.5)
    opened = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    for dialog in opened:
        dialog.reject()
    return "export" if opened else "cursor" if field.cursorPosition() else "nothing"


def main() -> None:
    db, language = Path(sys.argv[1]), sys.argv[2]
    make_application()
    install_language(language)
    window = MainWindow(ValueStore.open(db))
    window.show()
    settle()
    available = window.screen().availableGeometry()
    found = {"available": [available.x(), available.y(), available.width(), available.height()]}
    found["main"] = frame(window)
    found["statusbar_bottom"] = (
        window.statusBar().mapToGlobal(window.statusBar().rect().bottomLeft()).y()
    )
    guide = window.show_user_guide()
    settle()
    found["guide"] = frame(guide)
    guide.close()
    window.place.move(unit_code="25")
    sheet = window.summary_sheet("rollup")
    from ictdesk.gui.printing import preview

    dialog = preview(sheet, window)
    dialog.show()
    settle()
    found["preview"] = frame(dialog)
    dialog.close()
    found["ctrl_e_in_a_field"] = ctrl_e_in_a_field(window)
    print(json.dumps(found))
    window.close()


if __name__ == "__main__":
    main()
