"""Saving edits from any widget: write through the store, push the undo step, tell everyone.

The entry form and the grid both save through one :class:`EditSession`, so an edit in one is
undone from either and both refresh after an undo.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ictdesk.core.errors import IctdeskError
from ictdesk.core.store import ValueStore, ValueWrite
from ictdesk.gui.text import fill
from ictdesk.gui.undo import SaveValuesCommand, before_writes


class EditSession(QObject):
    """Saves batches of values as undoable, audited edits of one open store."""

    values_changed = Signal(object)  # set of (unit_code, period) whose values changed
    save_failed = Signal(str)

    def __init__(self, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.store: ValueStore | None = None

    def save(self, writes: list[ValueWrite], description: str, source: str = "form") -> bool:
        """Write ``writes`` in one transaction and push one undo step; False on failure."""
        if self.store is None or not writes:
            return False
        before = before_writes(self.store, writes)
        try:
            changed = self.store.save_values(writes, source=source)
        except IctdeskError as exc:
            self.save_failed.emit(fill(self.tr("The values were not saved: %1"), str(exc)))
            return False
        if changed:
            self.undo_stack.push(
                SaveValuesCommand(self.store, before, writes, description, self._on_applied)
            )
        self._on_applied({(w.unit_code, w.period) for w in writes})
        return True

    def _on_applied(self, places: set[tuple[str, str]]) -> None:
        self.values_changed.emit(places)
