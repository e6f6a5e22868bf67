"""Undoable edits: every saved change becomes a command on the window's ``QUndoStack``
(values and comments, follow-up flags).

The change is written before the command is pushed (so a failed save never enters the
stack); the first ``redo`` is therefore a no-op. Undo and redo write through the store like any
edit, so each one is audited (source ``undo``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ictdesk.core.errors import IctdeskError
from ictdesk.core.store import ValueStore, ValueWrite
from ictdesk.gui.i18n import error_text

Applied = Callable[[set[tuple[str, str]]], None]  # called with the (unit, period) pairs touched
Failed = Callable[[str], None]  # called with the reason an undo or redo was not written


class SaveValuesCommand(QUndoCommand):
    """A batch of value changes already written; undo writes the old values back."""

    def __init__(
        self,
        store: ValueStore,
        before: list[ValueWrite],
        after: list[ValueWrite],
        text: str,
        on_applied: Applied | None = None,
        on_failed: Failed | None = None,
    ):
        super().__init__(text)
        self._store = store
        self._on_failed = on_failed
        self._before = before
        self._after = after
        self._on_applied = on_applied
        self._first_redo = True
        self.failure: str | None = None

    def _apply(self, writes: list[ValueWrite]) -> None:
        try:
            self._store.save_values(writes, source="undo")
            self.failure = None
        except IctdeskError as exc:  # e.g. the disk is full: report, keep the stack consistent
            self.failure = error_text(exc)
            self.setObsolete(True)
            if self._on_failed:
                self._on_failed(self.failure)
        if self._on_applied:
            self._on_applied({(w.unit_code, w.period) for w in writes})

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)


class SetFollowupCommand(QUndoCommand):
    """A follow-up flag already set; undo sets it back (both audited by the store)."""

    def __init__(
        self,
        store: ValueStore,
        key: tuple[str, str, str],
        flag: bool,
        text: str,
        on_applied: Applied | None = None,
        on_failed: Failed | None = None,
    ):
        super().__init__(text)
        self._store, self._key, self._flag = store, key, flag
        self._on_applied = on_applied
        self._on_failed = on_failed
        self._first_redo = True
        self.failure: str | None = None

    def _apply(self, flag: bool) -> None:
        unit, code, period = self._key
        try:
            self._store.set_followup(unit, code, period, flag, source="undo")
            self.failure = None
        except IctdeskError as exc:
            self.failure = error_text(exc)
            self.setObsolete(True)
            if self._on_failed:
                self._on_failed(self.failure)
        if self._on_applied:
            self._on_applied({(unit, period)})

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._apply(self._flag)

    def undo(self) -> None:
        self._apply(not self._flag)


def before_writes(store: ValueStore, writes: list[ValueWrite]) -> list[ValueWrite]:
    """The current values (and comments) of the keys ``writes`` will change, to undo them."""
    before = []
    for w in writes:
        stored = store.value(w.unit_code, w.indicator_code, w.period)
        before.append(
            ValueWrite(
                w.unit_code,
                w.indicator_code,
                w.period,
                stored.value if stored else None,
                (stored.comment or "") if stored else "",
            )
        )
    return before
