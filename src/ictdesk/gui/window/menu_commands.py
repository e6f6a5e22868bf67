"""One short function per menu entry (Anki's main window hands each off the same way).

Each takes the window; :mod:`actions` says which entry calls which, and when it is enabled.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ictdesk import __version__
from ictdesk.core.errors import IctdeskError
from ictdesk.core.units import file_slug
from ictdesk.gui.changes import Changes
from ictdesk.gui.i18n import current_language, error_text
from ictdesk.gui.interaction import current as ask
from ictdesk.gui.text import fill

if TYPE_CHECKING:
    from ictdesk.gui.window.main_window import MainWindow


# --------------------------------------------------------------------- printing
def summary_sheet(window: MainWindow, kind: str | None = None):
    """The summary sheet of the current unit and period; at a unit with units under it the
    user chooses its own sheet or the roll-up (``kind`` "unit" or "rollup" skips asking)."""
    store, unit = window.store, window.place.unit_code
    if store is None or unit is None or not window.place.may_leave():
        return None
    if kind is None:
        children = store.child_count(unit)
        kind = ask().ask_sheet_kind(store.unit(unit).name, children) if children else "unit"
        if kind is None:
            return None
    from ictdesk.core.report import rollup_sheet, unit_sheet

    build = rollup_sheet if kind == "rollup" else unit_sheet
    return build(store, unit, window.place.period.iso, language=current_language())


def print_summary(window: MainWindow, kind: str | None = None):
    """Print preview of the summary sheet (Print and Export to PDF are on its toolbar)."""
    sheet = summary_sheet(window, kind)
    if sheet is None:
        return None
    from ictdesk.gui.printing import preview  # QtPrintSupport only when printing

    dialog = preview(sheet, window)
    dialog.open()
    return dialog


def default_pdf_name(window: MainWindow) -> str:
    """``bao-cao-phuong-phuc-yen-2025Q4.pdf``: the unit and period the sheet is of."""
    name = window.store.unit(window.place.unit_code).name
    return f"bao-cao-{file_slug(name)}-{window.place.period.iso}.pdf"


def save_summary_pdf(
    window: MainWindow, kind: str | None = None, path: Path | None = None
) -> Path | None:
    sheet = summary_sheet(window, kind)
    if sheet is None:
        return None
    if path is None:
        path = ask().choose_save_file(
            QCoreApplication.translate("MainWindow", "Save summary as PDF"),
            Path.home() / default_pdf_name(window),
            "PDF (*.pdf)",
        )
        if path is None:
            return None
    from ictdesk.gui.printing import write_pdf

    try:
        pages = write_pdf(sheet, path)
    except IctdeskError as exc:
        window.status.show_message(error_text(exc))
        return None
    window.status.show_message(
        fill(QCoreApplication.translate("MainWindow", "Saved %1 (%2 pages)"), path, pages)
    )
    return path


# ------------------------------------------------------------------- exchange
def show_export(window: MainWindow):
    if window.store is None or not window.place.may_leave():
        return None
    from ictdesk.gui.exchange.export_dialog import ExportDialog

    dialog = ExportDialog(window.store, window.place.unit_code, window.place.period, window)
    dialog.exported.connect(
        lambda path, rows: window.status.show_message(
            fill(QCoreApplication.translate("MainWindow", "Exported %1 rows to %2"), rows, path)
        )
    )
    dialog.open()
    return dialog


def show_import(window: MainWindow):
    if window.store is None or not window.place.may_leave():
        return None
    from ictdesk.gui.exchange.import_dialog import ImportDialog

    dialog = ImportDialog(window.store, window)
    dialog.imported.connect(lambda report: _imported(window, report))
    dialog.open()
    return dialog


def _imported(window: MainWindow, report) -> None:
    window.bus.announce(Changes(everything=True, units=True))  # old units may be added
    window.status.show_message(
        fill(
            QCoreApplication.translate(
                "MainWindow", "Imported: %1 new, %2 changed, %3 unchanged, %4 skipped."
            ),
            report.added,
            report.changed,
            report.unchanged,
            report.skipped,
        ),
        15000,
    )


def write_template(window: MainWindow) -> None:
    unit = window.place.unit_code
    if window.store is None or unit is None:
        return
    from ictdesk.gui.exchange.template import start_template

    start_template(
        window,
        window.store,
        unit,
        window.place.period,
        lambda path, sheets: window.status.show_message(
            fill(
                QCoreApplication.translate("MainWindow", "Template with %1 sheets written to %2"),
                sheets,
                path,
            )
        ),
    )


# ------------------------------------------------------------------- checking
def run_validation(window: MainWindow):
    """Check the shown period over the whole tree (from the top unit) and list problems."""
    store = window.store
    if store is None or not window.place.may_leave():
        return None
    from ictdesk.gui.review_views import ValidationDialog

    roots = store.root_units()
    root = roots[0].code if len(roots) == 1 else window.place.unit_code
    if root is None:
        return None
    dialog = ValidationDialog(store, root, window.place.period, window)
    dialog.unit_activated.connect(window.jump_to)
    dialog.setModal(False)
    dialog.show()
    return dialog


def choose_outlier_share(window: MainWindow) -> None:
    """Ask how far (in %) a stock may move between periods before a warning."""
    percent = ask().ask_number(
        QCoreApplication.translate("MainWindow", "Large-change warning"),
        QCoreApplication.translate(
            "MainWindow",
            "Warn when a count moves by more than this share since the previous period (%):",
        ),
        round(window.store.outlier_share * 100),
        5,
        1000,
        5,
    )
    if percent is not None:
        set_outlier_share(window, percent / 100)


def set_outlier_share(window: MainWindow, share: float) -> None:
    try:
        window.store.set_setting("outlier_share", str(share))
    except IctdeskError as exc:
        window.status.show_message(error_text(exc))
        return
    window.bus.announce(Changes(settings=True))


def save_all(window: MainWindow) -> None:
    """Ctrl+S: values are saved as they are typed; save what is typed now and say so."""
    if window.entry_form.commit_pending():
        window.status.show_message(
            QCoreApplication.translate(
                "MainWindow",
                "Everything is saved: ictdesk saves each value when you leave its field.",
            )
        )


def find_unit(window: MainWindow) -> None:
    """Ctrl+F: to the unit search box."""
    window.unit_tree.search.setFocus()
    window.unit_tree.search.selectAll()


# ----------------------------------------------------------------- other dialogs
def show_settings(window: MainWindow):
    unit = window.place.unit_code
    if window.store is None or unit is None:
        return None
    from ictdesk.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.store, unit, window)
    dialog.accepted.connect(lambda: window.bus.announce(Changes(settings=True)))
    dialog.open()
    return dialog


def add_unit_under(window: MainWindow, parent_code: str) -> bool:
    """Ask for a new unit under ``parent_code`` and store it; True if one was added."""
    if window.store is None:
        return False
    from ictdesk.gui.add_unit_dialog import AddUnitDialog

    dialog = AddUnitDialog(window.store.unit(parent_code), window)
    while dialog.exec() == AddUnitDialog.DialogCode.Accepted:
        try:
            unit = window.store.add_unit(
                dialog.code.text(), dialog.name.text(), dialog.chosen_level(), parent_code
            )
        except IctdeskError as exc:
            dialog.show_error(
                fill(
                    QCoreApplication.translate("MainWindow", "The unit was not added: %1"),
                    error_text(exc),
                )
            )
            continue
        window.unit_tree.refresh()
        window.unit_tree.select(unit.code)
        window.bus.announce(Changes(units=True))
        return True
    return False


def show_user_guide(window: MainWindow):
    from ictdesk.gui.user_guide import UserGuideDialog

    dialog = UserGuideDialog(window)
    dialog.show()
    return dialog


def show_about(window: MainWindow) -> None:
    ask().inform(
        QCoreApplication.translate("MainWindow", "About ictdesk"),
        fill(
            QCoreApplication.translate(
                "MainWindow",
                "ictdesk %1 — digital-transformation statistics for local government, offline.",
            ),
            __version__,
        ),
    )
