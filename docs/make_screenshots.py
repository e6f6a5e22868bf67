"""Regenerate the user guide's screenshots from the real application (offscreen).

Run from the repository root:  python3 docs/make_screenshots.py
Writes docs/images/<language>-<screen>.png for Vietnamese and English.
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
from pathlib import Path

# Offscreen's screen is 800 x 800 by default, where the window starts maximised (a small
# screen); the guide's pictures are of a 1280 x 820 window on a desktop screen.
_SCREEN = Path(tempfile.mkdtemp(prefix="ictdesk-shots-")) / "screen.json"
_SCREEN.write_text('{"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1920, "height": 1080}]}')
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")

from PySide6.QtCore import QThreadPool, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ictdesk.core.demo import build_demo  # noqa: E402
from ictdesk.core.exchange.common import Selection  # noqa: E402
from ictdesk.core.exchange.export import export  # noqa: E402
from ictdesk.core.periods import Period  # noqa: E402
from ictdesk.core.store import ValueStore  # noqa: E402
from ictdesk.gui.app import make_application  # noqa: E402
from ictdesk.gui.dialogs import ViolationDialog  # noqa: E402
from ictdesk.gui.i18n import install_language  # noqa: E402
from ictdesk.gui.window import MainWindow  # noqa: E402

IMAGES = Path(__file__).resolve().parent / "images"


def pump(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot(language: str, work: Path) -> list[Path]:
    app = make_application()
    install_language(language)
    db = work / f"demo-{language}.db"
    build_demo(db)
    saved: list[Path] = []

    def save(widget, name: str) -> None:
        pump(app)
        path = IMAGES / f"{language}-{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    window = MainWindow(ValueStore.open(db))
    window.resize(1280, 820)
    window.show()
    window.period_picker.set_period(Period.parse("2025Q4"))
    window.unit_tree.select("08740")
    save(window, "entry-form")

    form = window.entry_form
    field = form.fields["HH_SMARTPHONE"]
    field.setText("13.500" if language == "vi" else "13,500")
    form._on_field_text_edited("")

    def grab_violation():
        dialog = window.findChild(ViolationDialog)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, grab_violation)
            return
        dialog.comment.setPlainText("Số liệu thôn gửi chưa khớp, đang kiểm tra lại")
        save(dialog, "rule-violation")
        dialog.reject()

    QTimer.singleShot(20, grab_violation)
    form.commit(field)
    save(window, "entry-form-error")
    field.setText(field.saved_text)
    form._on_field_text_edited("")
    window.statusBar().clearMessage()

    window.unit_tree.select("25")
    window.tabs.setCurrentWidget(window.grid_view)
    window.grid_view.pillar_box.setCurrentIndex(2)
    save(window, "grid")

    window.tabs.setCurrentWidget(window.completeness_view)
    save(window, "reporting")

    window.tabs.setCurrentWidget(window.trends_view)
    window.trends_view.show_indicator("COV_5G_PCT")
    pump(app, 60)
    save(window, "trends")

    window.tabs.setCurrentWidget(window.dashboard_view)
    pump(app, 40)
    save(window, "dashboard")

    window.tabs.setCurrentIndex(0)
    validation = window.run_validation()
    validation.resize(900, 420)
    save(validation, "validation")
    validation.close()

    wide = work / "phuc-yen.csv"
    export(window.store, "wide", Selection("08740", ["2025Q4"]), wide)
    _as_returned_with_corrections(wide, {"BTS_TOTAL": "38", "HH_TOTAL": "12.150"})
    importer = window.show_import()
    importer.set_files([wide])
    QThreadPool.globalInstance().waitForDone()
    pump(app, 40)
    save(importer, "import-preview")
    importer.reject()

    exporter = window.show_export()
    save(exporter, "export")
    exporter.reject()

    window.unit_tree.select("08740")
    preview = window.print_summary("unit")
    preview.resize(1000, 760)
    pump(app, 40)
    save(preview, "print-preview")
    preview.close()
    window.close()
    return saved


def _as_returned_with_corrections(path: Path, corrections: dict[str, str]) -> None:
    """A commune's wide CSV as it comes back with a few figures corrected."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    for code, text in corrections.items():
        column = next(i for i, title in enumerate(header) if title.endswith(f"[{code}]"))
        rows[1][column] = text
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)


def main() -> int:
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ICTDESK_DATA_DIR"] = folder
        for language in ("vi", "en"):
            for path in shoot(language, Path(folder)):
                print(path.relative_to(IMAGES.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
