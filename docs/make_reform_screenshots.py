"""The user guide's screenshots of figures from before 1 July 2025 (offscreen).

Run from the repository root:  python3 docs/make_reform_screenshots.py
Builds the demo with history (``ictdesk demo --with-history``) and writes
docs/images/<language>-reform-{import,trend}.png for Vietnamese and English.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

# Offscreen's screen is 800 x 800 by default, where the window starts maximised (a small
# screen); the guide's pictures are of a 1280 x 820 window on a desktop screen.
_SCREEN = Path(tempfile.mkdtemp(prefix="ictdesk-shots-")) / "screen.json"
_SCREEN.write_text('{"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1920, "height": 1080}]}')
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ictdesk.core.demo import build_demo  # noqa: E402
from ictdesk.core.exchange.common import Selection  # noqa: E402
from ictdesk.core.exchange.export import export  # noqa: E402
from ictdesk.core.periods import Period  # noqa: E402
from ictdesk.core.store import ValueStore  # noqa: E402
from ictdesk.gui.app import make_application  # noqa: E402
from ictdesk.gui.i18n import install_language  # noqa: E402
from ictdesk.gui.window import MainWindow  # noqa: E402

IMAGES = Path(__file__).resolve().parent / "images"
YEN_KY = "08113"  # Xã Yên Kỳ = old Hương Xạ, Phương Viên and Yên Kỳ (NQ 1676/NQ-UBTVQH15)


def pump(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot(language: str, history: Path, work: Path) -> list[Path]:
    app = make_application()
    install_language(language)
    saved: list[Path] = []

    def save(widget, name: str) -> None:
        pump(app)
        path = IMAGES / f"{language}-{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    # A provincial office's file of 2024 figures by the old communes (Hòa Bình's part of the
    # new Phú Thọ), brought into a database that has no history yet.
    source = ValueStore.open(history, read_only=True)
    old_file = work / "hoa-binh-2024.csv"
    export(source, "long", Selection("old:17", ["2024Q4"], old_units=True), old_file)
    source.close()
    empty = work / f"phu-tho-{language}.db"
    ValueStore.create(empty, {"province_code": "25"})
    window = MainWindow(ValueStore.open(empty))
    window.resize(1280, 820)
    window.show()
    importer = window.show_import()
    importer.set_files([old_file])
    QThreadPool.globalInstance().waitForDone()
    pump(app, 40)
    importer.split_box.setCurrentIndex(importer.split_box.findData("area"))
    QThreadPool.globalInstance().waitForDone()
    pump(app, 40)
    save(importer, "reform-import")
    importer.reject()
    window.close()

    # The demo with history: a new commune's trend through 1 July 2025, the old units below.
    copy = work / f"history-{language}.db"
    shutil.copyfile(history, copy)
    window = MainWindow(ValueStore.open(copy))
    window.resize(1280, 820)
    window.show()
    window.period_picker.set_period(Period.parse("2026Q2"))
    window.unit_tree.select(YEN_KY)
    window.tabs.setCurrentWidget(window.trends_view)
    window.trends_view.show_indicator("SMARTPHONE_HH_PCT")
    model = window.unit_tree.model
    history_node = model.index(model.rowCount() - 1, 0)
    window.unit_tree.view.expand(history_node)
    pump(app, 20)
    window.unit_tree.view.expand(model.index(1, 0, history_node))  # old Tỉnh Phú Thọ
    window.unit_tree.view.scrollToBottom()
    pump(app, 60)
    save(window, "reform-trend")
    window.close()
    return saved


def main() -> int:
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ICTDESK_DATA_DIR"] = folder
        history = Path(folder) / "history.db"
        build_demo(history, with_history=True)
        for language in ("vi", "en"):
            for path in shoot(language, history, Path(folder)):
                print(path.relative_to(IMAGES.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
