"""Saving edits from any widget: write through the store, push the undo step, tell everyone.

The entry form and the grid both save through one :class:`EditSession`, so an edit in one is
undone from either; every change is announced on the window's :class:`ChangeBus` with its
initiator, and each view refreshes what it shows (an undo or redo has none: all refresh).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ictdesk.core.errors import IctdeskError
from ictdesk.core.store import ValueStore, ValueWrite
from ictdesk.gui.changes import ChangeBus, Changes
from ictdesk.gui.i18n import error_text
from ictdesk.gui.text import fill
from ictdesk.gui.undo import SaveValuesCommand, SetFollowupCommand, before_writes


class EditSession(QObject):
    """Saves batches of values as undoable, audited edits of one open store."""

    save_failed = Signal(str)

    def __init__(self, undo_stack: QUndoStack, bus: ChangeBus, parent=None):
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.bus = bus
        self.store: ValueStore | None = None

    def save(
        self,
        writes: list[ValueWrite],
        description: str,
        source: str = "form",
        initiator: object = None,
    ) -> bool:
        """Write ``writes`` in one transaction and push one undo step; False on failure."""
        if self.store is None or not writes:
            return False
        before = before_writes(self.store, writes)
        try:
            changed = self.store.save_values(writes, source=source)
        except IctdeskError as exc:
            self.save_failed.emit(error_text(exc))
            return False
        if changed:
            self.undo_stack.push(
                SaveValuesCommand(
                    self.store, before, writes, description, self._on_undone, self._on_failed
                )
            )
        places = frozenset((w.unit_code, w.period) for w in writes)
        self.bus.announce(Changes(values=places), initiator)
        return True

    def set_followup(
        self, unit_code: str, code: str, period: str, flag: bool, description: str, initiator=None
    ) -> bool:
        """Flag (or unflag) a stored value for follow-up, as one undo step; False on failure."""
        if self.store is None:
            return False
        try:
            self.store.set_followup(unit_code, code, period, flag)
        except IctdeskError as exc:
            self.save_failed.emit(error_text(exc))
            return False
        self.undo_stack.push(
            SetFollowupCommand(
                self.store,
                (unit_code, code, period),
                flag,
                description,
                self._on_marked,
                self._on_failed,
            )
        )
        self.bus.announce(Changes(marks=frozenset({(unit_code, period)})), initiator)
        return True

    def set_complete(self, unit_code: str, period: str, complete: bool, initiator=None) -> bool:
        """Mark a unit-period complete (or reopen it); False on failure."""
        if self.store is None:
            return False
        try:
            self.store.set_complete(unit_code, period, complete)
        except IctdeskError as exc:
            self.save_failed.emit(error_text(exc))
            return False
        self.bus.announce(Changes(completion=frozenset({(unit_code, period)})), initiator)
        return True

    def _on_failed(self, reason: str) -> None:
        """An undo or redo that could not be written (a full disk) is said, never silent."""
        self.save_failed.emit(fill(self.tr("Undo or redo was not done: %1"), reason))

    def _on_undone(self, places: set[tuple[str, str]]) -> None:
        self.bus.announce(Changes(values=frozenset(places)))

    def _on_marked(self, places: set[tuple[str, str]]) -> None:
        self.bus.announce(Changes(marks=frozenset(places)))
