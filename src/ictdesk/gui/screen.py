"""Windows that fit the screen they open on, frame and task bar included.

``resize()`` sizes a window's client area; the window manager adds a title bar and borders
(20–30 px), and the available geometry already leaves out the task bar. On a 1366 × 768
laptop a client sized to the available height put the status bar below the screen's edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

FRAME_GUESS = QSize(16, 40)  # borders and title bar before the window manager has told us
SMALL_SCREEN = QSize(1440, 900)  # below this the main window starts maximised


def client_size_within(available: QSize, wanted: QSize, frame: QSize = FRAME_GUESS) -> QSize:
    """The client size whose frame (``frame`` wider and taller) fits ``available``."""
    return QSize(
        min(wanted.width(), available.width() - frame.width()),
        min(wanted.height(), available.height() - frame.height()),
    )


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` × ``height`` or less, so that its frame fits the
    available geometry of its screen; centred on it."""
    screen = widget.screen()
    if screen is None:
        widget.resize(width, height)
        return
    available = screen.availableGeometry()
    frame = _frame_of(widget)
    size = client_size_within(available.size(), QSize(width, height), frame)
    widget.resize(size)
    outer = QRect(0, 0, size.width() + frame.width(), size.height() + frame.height())
    outer.moveCenter(available.center())
    widget.move(outer.topLeft())


def keep_on_screen(widget: QWidget) -> None:
    """Once shown (the frame is known): shrink and move ``widget`` until its frame lies
    within the available geometry of its screen."""
    screen = widget.screen()
    if screen is None or widget.isMaximized() or widget.isFullScreen():
        return
    available = screen.availableGeometry()
    frame = widget.frameGeometry()
    if available.contains(frame):
        return
    extra = _frame_of(widget)
    size = client_size_within(available.size(), widget.size(), extra)
    widget.resize(size)
    outer = widget.frameGeometry()
    outer.moveLeft(max(available.left(), min(outer.left(), available.right() - outer.width())))
    outer.moveTop(max(available.top(), min(outer.top(), available.bottom() - outer.height())))
    widget.move(outer.topLeft())


def _frame_of(widget: QWidget) -> QSize:
    """How much the window manager's frame adds (a guess until the window was shown)."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    if extra.width() <= 0 and extra.height() <= 0:
        return FRAME_GUESS
    return extra
