"""Every question ictdesk asks the user, behind one seam (git-cola's ``Interaction``).

Widgets and window commands never open a dialog themselves: they ask :func:`current`, the
:class:`Interaction` installed once at start-up (:class:`~ictdesk.gui.dialogs.DialogInteraction`
shows dialogs; tests install a scripted one). So every workflow runs the same in a test.
"""

from __future__ import annotations

from pathlib import Path

from ictdesk.core.catalogue import Indicator
from ictdesk.core.numbers import ParsedNumber
from ictdesk.core.validation import Violation

_installed: Interaction | None = None


def install(interaction: Interaction | None) -> None:
    """Make ``interaction`` the one that answers every question from now on."""
    global _installed
    _installed = interaction


def install_default(interaction: Interaction) -> None:
    """Install ``interaction`` unless one is installed already (a test's scripted user).
    Dialogs (``dialogs`` true) give way: those over no window (before the window exists) and
    those over an earlier window, which may be closed (a second window's questions went to
    the first, closed one, and nothing came on screen)."""
    if _installed is None or getattr(_installed, "dialogs", False):
        install(interaction)


def current() -> Interaction:
    """The installed interaction; raises :class:`RuntimeError` before one is installed."""
    if _installed is None:
        raise RuntimeError("no Interaction installed (gui.app and MainWindow install one)")
    return _installed


class Interaction:
    """The questions. Each answer's meaning is in its docstring; subclasses decide how to ask."""

    # ------------------------------------------------------------- entering values
    def explain_violations(
        self, indicator: Indicator, value: float | None, violations: list[Violation]
    ) -> str | None:
        """A comment explaining why a value breaking a rule is right, or None to correct it."""
        raise NotImplementedError

    def confirm_edit_of_complete(self, place: str) -> bool:
        """Whether to change a value of a unit-period already marked complete."""
        raise NotImplementedError

    def resolve_ambiguous(
        self, indicator: Indicator, text: str, parsed: ParsedNumber
    ) -> float | None:
        """Which reading of ``36,000`` was meant; None to cancel."""
        raise NotImplementedError

    def ask_comment(self, indicator: Indicator, current: str) -> str | None:
        """The new comment for a value, or None if cancelled."""
        raise NotImplementedError

    def confirm_discard(self, names: list[str]) -> bool:
        """Typed values (``names``) cannot be saved: True to discard them and go on, False to
        keep editing."""
        raise NotImplementedError

    def explain_block_paste(self, rows: int, columns: int) -> bool:
        """Say that a row or block of cells cannot go into one field; True to open the grid."""
        raise NotImplementedError

    def show_paste_problems(self, count: int, lines: list[str]) -> None:
        """Say that a paste wrote nothing because ``count`` cells cannot be saved."""
        raise NotImplementedError

    # ---------------------------------------------------------------- the window
    def ask_open_read_only(self, path: Path, holder: dict) -> bool:
        """Another ictdesk holds ``path`` (``holder``: user, host, since): open it read-only?"""
        raise NotImplementedError

    def show_open_error(self, path: Path, text: str, details: str, restorable: bool) -> bool:
        """``path`` cannot be opened (``text`` says why); True to restore one of its backups
        (offered only when ``restorable``)."""
        raise NotImplementedError

    def warn_network(self, path: Path) -> None:
        """Say, without blocking, that a database on a network share is safer copied locally."""
        raise NotImplementedError

    def ask_sheet_kind(self, unit_name: str, children: int) -> str | None:
        """Which summary sheet of a unit with ``children`` sub-units: "unit" (its own values)
        or "rollup" (a row per sub-unit); None to cancel."""
        raise NotImplementedError

    def show_failure(self, title: str, text: str, details: str = "") -> None:
        """Say that something failed, the technical reason in ``details``."""
        raise NotImplementedError

    def warn(self, title: str, text: str) -> None:
        """A warning the user acknowledges."""
        raise NotImplementedError

    def inform(self, title: str, text: str) -> None:
        """A message the user acknowledges."""
        raise NotImplementedError

    def choose_open_file(self, title: str, folder: Path, filters: str) -> Path | None:
        """A file to open, or None."""
        raise NotImplementedError

    def choose_save_file(self, title: str, suggested: Path, filters: str) -> Path | None:
        """Where to save, or None."""
        raise NotImplementedError

    def ask_number(
        self, title: str, label: str, value: int, low: int, high: int, step: int = 1
    ) -> int | None:
        """A whole number between ``low`` and ``high``, or None if cancelled."""
        raise NotImplementedError
