"""What changed in the open store, told to every view with who changed it (Anki's OpChanges).

Whoever changes data — a save in the form or the grid, an undo, a follow-up flag, a
completion, an import, a setting — announces a :class:`Changes` on the window's
:class:`ChangeBus` with itself as the initiator; each view decides what to refresh and skips
its own changes (``initiator is self``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from ictdesk.core.periods import Period, sub_period_levels

Places = frozenset[tuple[str, str]]  # (unit code, period)


@dataclass(frozen=True)
class Changes:
    """What changed: values of some unit-periods, their marks (follow-up, comments), their
    completion; settings; units; or everything (an import, a restore)."""

    values: Places = field(default_factory=frozenset)
    marks: Places = field(default_factory=frozenset)
    completion: Places = field(default_factory=frozenset)
    settings: bool = False
    units: bool = False
    everything: bool = False

    def touches_itself(self, unit_code: str | None, period: str | None) -> bool:
        """Whether this unit-period's own data changed: its values, marks or completion."""
        place = (unit_code, period)
        return self.everything or place in self.values | self.marks | self.completion

    def touches(self, unit_code: str | None, period: str | None) -> bool:
        """:meth:`touches_itself`, or the values of one of its sub-periods changed (a quarter
        shows what its months make)."""
        if self.touches_itself(unit_code, period):
            return True
        if not self.values or unit_code is None or period is None:
            return False
        levels = sub_period_levels(Period.parse(period))
        return any((unit_code, sub.iso) in self.values for level in levels for sub in level)


class ChangeBus(QObject):
    """Carries every :class:`Changes` of the open store to whoever listens."""

    changed = Signal(object, object)  # Changes, initiator

    def announce(self, changes: Changes, initiator: object = None) -> None:
        self.changed.emit(changes, initiator)
