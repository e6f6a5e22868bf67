"""How the entry form's labels look: a colour and a weight on each label's palette and font.

Not style sheets: one on the form's body made Qt draw all its ~350 widgets through the
style-sheet engine (about 55 ms of the window's first show, a tenth of a start-up), and one
per label re-parses its text at every change of a check. A label's look is set only when it
changes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

# look: (text colour or None for the usual one, bold, pixel size or None for the usual one)
LOOKS = {
    "ok": ("#2e7d32", False, None),
    "info": ("#555555", False, None),
    "warn": ("#b36b00", False, None),
    "error": ("#c0392b", True, None),
    "aggregate": ("#1f5f99", False, None),
    "previous": ("#555555", False, None),
    "derived": (None, True, None),
    "header": ("#555555", False, 11),
}
_DERIVED_RIGHT_MARGIN = 6  # px between a derived value and the next column
_LOOK = "look"  # the Qt property that remembers a label's look


def set_look(label: QLabel, look: str) -> None:
    """Give ``label`` one of the :data:`LOOKS` (nothing to do if it has it already)."""
    if label.property(_LOOK) == look:
        return
    colour, bold, pixels = LOOKS[look]
    if colour is not None:  # else the usual one, greyed with the form when it is disabled
        palette = QPalette(label.palette())
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        label.setPalette(palette)
    font = label.font()
    font.setBold(bold)
    if pixels is not None:
        font.setPixelSize(pixels)
    label.setFont(font)
    if look == "derived":  # where the style sheet's padding put it: 6 px and half an "x"
        label.setContentsMargins(0, 0, _DERIVED_RIGHT_MARGIN, 0)
        label.setIndent(label.fontMetrics().horizontalAdvance("x") // 2)
    label.setProperty(_LOOK, look)


def look_of(label: QLabel) -> str | None:
    """The look :func:`set_look` last gave ``label``."""
    return label.property(_LOOK)
