"""The status bar: which file, unit and period are shown, how far they are filled, and the
messages every part of the window leaves there (refused values, exports, backups)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from ictdesk.gui.i18n import current_language
from ictdesk.gui.text import fill

if TYPE_CHECKING:
    from ictdesk.gui.window.main_window import MainWindow

MESSAGE_MS = 10_000  # how long a message stays


class StatusArea(QObject):
    """The labels of the window's status bar and its message line."""

    def __init__(self, bar: QStatusBar, window: MainWindow):
        super().__init__(window)
        self.bar, self.window = bar, window
        self.db_label = QLabel(window)
        self.unit_label = QLabel(window)
        self.period_label = QLabel(window)
        self.filled_label = QLabel(window)
        self.filled_label.setObjectName("filledLabel")
        for label in (self.db_label, self.unit_label, self.period_label):
            bar.addWidget(label)
        self.read_only_label = QLabel(window)
        self.read_only_label.setObjectName("readOnlyLabel")
        self.read_only_label.setStyleSheet("color: #b36b00; font-weight: bold;")
        self.read_only_label.hide()
        bar.addPermanentWidget(self.read_only_label)
        bar.addPermanentWidget(self.filled_label)
        # room at the window's edge: the last letter's accent ("đủ") was cut there
        self.filled_label.setContentsMargins(0, 0, 8, 0)
        # How far the shown unit is filled is counted once the window has painted what the
        # move shows: for a province at a year of monthly returns it reads every commune's
        # months (10-15 ms), which the entry form's sums need not wait for.
        self._filled_later = QTimer(self)
        self._filled_later.setSingleShot(True)
        self._filled_later.setInterval(0)
        self._filled_later.timeout.connect(self.update_filled)

    def show_message(self, text: str, ms: int = MESSAGE_MS) -> None:
        """Leave ``text`` in the status bar for ``ms`` milliseconds."""
        self.bar.showMessage(text, ms)

    def retranslate(self) -> None:
        self.read_only_label.setText(self.tr("READ-ONLY"))
        self.update()

    def update(self) -> None:
        """Show the current file, unit and period now, and how far it is filled as soon as
        the window has painted (:meth:`update_filled`)."""
        store = self.window.place.store
        self.read_only_label.setVisible(bool(store and store.read_only))
        self.db_label.setText(str(store.path) if store and store.path else self.tr("No database"))
        unit = self.window.place.unit_code if store else None
        self.unit_label.setText(store.unit(unit).name if unit else "")
        period = self.window.place.period if unit else None
        self.period_label.setText(period.label(current_language()) if period else "")
        self._filled_later.start()

    def update_filled(self) -> None:
        """Show how far the current unit and period are filled."""
        self._filled_later.stop()
        window, place = self.window, self.window.place
        store = place.store
        unit = place.unit_code if store else None
        period = place.period if unit else None
        if not unit or period is None:
            self.filled_label.setText("")
        elif store.child_count(unit):
            # A province or district enters nothing itself: how far its units have reported.
            rows = store.completeness(period.iso, unit)
            full = sum(reported.status == "full" for reported in rows)
            self.filled_label.setText(
                fill(self.tr("%1 of %2 units reported in full"), full, len(rows))
            )
        else:
            filled, total = window.entry_form.filled_count()
            self.filled_label.setText(fill(self.tr("%1 of %2 indicators filled"), filled, total))
