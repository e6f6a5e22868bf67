"""Where the user is: the open store, the unit and the period every view shows (napari's
evented model, on the Qt side).

The unit tree and the period picker ask :meth:`Place.move`; the form and the tabs follow
``moved`` (the tabs only while shown, see ``window.tabs``). A guard — the entry form
holding text it cannot save — may refuse a move: the tree and the picker then show the place
that stayed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore

_KEEP = object()


class Place(QObject):
    """The open store, the current unit and the current period."""

    store_changed = Signal()
    moved = Signal(object)  # the object that moved it (None: the window itself)
    refused = Signal()  # a move was refused by a guard: show the place that stayed

    def __init__(self, period: Period, parent=None):
        super().__init__(parent)
        self.store: ValueStore | None = None
        self.unit_code: str | None = None
        self.period: Period = period
        self._guards: list[Callable[[], bool]] = []

    def add_guard(self, may_leave: Callable[[], bool]) -> None:
        """``may_leave()`` is asked before every move; False keeps the place where it is."""
        self._guards.append(may_leave)

    def may_leave(self) -> bool:
        """Whether every guard lets the user leave the current place (asking if need be)."""
        return all(guard() for guard in self._guards)

    def move(self, unit_code=_KEEP, period=_KEEP, initiator: object = None) -> bool:
        """Go to ``unit_code`` and/or ``period``; False (and ``refused``) if a guard said no."""
        unit = self.unit_code if unit_code is _KEEP else unit_code
        when = self.period if period is _KEEP else period
        if (unit, when) == (self.unit_code, self.period):
            return True
        if not self.may_leave():
            self.refused.emit()
            return False
        self.unit_code, self.period = unit, when
        self.moved.emit(initiator)
        return True

    def set_store(self, store: ValueStore | None, unit_code: str | None, period: Period) -> None:
        """Show another store (the caller has asked the guards) at ``unit_code`` and ``period``."""
        self.store, self.unit_code, self.period = store, unit_code, period
        self.store_changed.emit()
        self.moved.emit(None)
