"""The widgets of one indicator's row in the entry form: its field and its labels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ictdesk.core.catalogue import Indicator
from ictdesk.core.numbers import ParsedNumber, parse_number
from ictdesk.gui.entry.looks import set_look
from ictdesk.gui.i18n import current_language

# column: (grid column, fixed width); the name column takes the rest, so every pillar lines up
_COLUMNS = {
    "value": (1, 104),
    "unit": (2, 70),
    "check": (3, 150),
    "previous": (4, 84),
    "change": (5, 106),
    "target": (6, 100),
    "aggregate": (7, 96),
}
_NAME_MIN_WIDTH = 190
_UNIT_MAX_WIDTH = 96


class NumberField(QLineEdit):
    """A line edit for one indicator; Enter commits and moves to the next field.

    Whatever is pasted into it (Ctrl+V, the context menu, a middle click, a drop) goes to the
    form as ``paste_requested``: cells copied from a spreadsheet are never run together.
    """

    context_menu_requested = Signal(object, object)  # field, QContextMenuEvent
    focused = Signal(str)  # indicator code
    paste_requested = Signal(object, str)  # field, the text pasted
    focus_moved = Signal(object, int)  # field, -1 (up) or +1 (down)

    def __init__(self, indicator: Indicator, parent=None):
        super().__init__(parent)
        self.indicator = indicator
        self.saved_text = ""
        self.declined_text: str | None = None  # what the user chose to correct, not save
        self.setObjectName(f"field_{indicator.code}")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setFixedWidth(_COLUMNS["value"][1])

    def event(self, event) -> bool:
        # Ctrl+Z / Ctrl+Y undo typing in the field while there is typing to undo; otherwise
        # they go to the window and undo saved edits.
        nothing_to_undo = event.type() == QEvent.Type.ShortcutOverride and (
            (event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable())
            or (event.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable())
        )
        if nothing_to_undo:
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        key = event.key()
        if key == Qt.Key.Key_Escape and self.text() != self.saved_text:
            self.setText(self.saved_text)  # Esc gives back the saved value, as in Excel
            self.textEdited.emit(self.text())
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self.focus_moved.emit(self, -1 if key == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()

    def paste(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
        """Hand the clipboard's text to the form instead of inserting it as it is."""
        if not self.isReadOnly():
            self.paste_requested.emit(self, QGuiApplication.clipboard().text(mode))

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:  # X11's selection paste
            if QGuiApplication.clipboard().supportsSelection():
                self.paste(QClipboard.Mode.Selection)
            return
        super().mouseReleaseEvent(event)

    def dropEvent(self, event) -> None:
        if event.mimeData().hasText() and not self.isReadOnly():
            event.acceptProposedAction()
            self.paste_requested.emit(self, event.mimeData().text())
            return
        super().dropEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.indicator.code)

    def contextMenuEvent(self, event) -> None:
        self.context_menu_requested.emit(self, event)

    def parsed(self) -> ParsedNumber:
        """The field's text read as a number; raises :class:`InvalidNumber`."""
        return parse_number(self.text(), self.indicator.value_type, current_language())


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when its text is wider than the column, the whole
    text then on hover; ``text()`` is always the whole text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._full = ""
        self._tip = ""
        self._shown = ("", "")

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text
        self._elide()

    def text(self) -> str:
        return self._full

    def clear(self) -> None:
        self._full = ""
        self._shown = ("", self._shown[1])
        super().clear()

    def setToolTip(self, tip: str) -> None:  # noqa: N802
        self._tip = tip
        self._elide()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        if not self._full:  # most of a form's labels at start-up and at each load: no text
            shown, tip = "", self._tip
        else:
            room = max(self.contentsRect().width(), self.width()) - 2
            shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
            tips = [t for t in (self._full if shown != self._full else "", self._tip) if t]
            tip = "\n".join(dict.fromkeys(tips))
        if (shown, tip) != self._shown:  # every relayout resizes it: Qt's calls cost 20 µs
            self._shown = (shown, tip)
            super().setText(shown)
            super().setToolTip(tip)


class _Row:
    """The widgets of one indicator's row."""

    def __init__(self, indicator: Indicator, parent: QWidget):
        self.indicator = indicator
        self.name = QLabel(parent)
        self.name.setWordWrap(True)
        self.name.setMinimumWidth(_NAME_MIN_WIDTH)
        self.unit = QLabel(parent)
        self.unit.setWordWrap(True)
        self.check = ElidedLabel(parent)
        self.check.setObjectName(f"check_{indicator.code}")
        self.previous = QLabel(parent)
        self.previous.setObjectName(f"previous_{indicator.code}")
        self.change = ElidedLabel(parent)
        self.change.setObjectName(f"change_{indicator.code}")
        self.target = ElidedLabel(parent)
        self.target.setObjectName(f"target_{indicator.code}")
        self.aggregate = QLabel(parent)
        self.aggregate.setObjectName(f"aggregate_{indicator.code}")
        self._labels = {  # the columns beside the value, by their key in _COLUMNS
            "unit": self.unit,
            "check": self.check,
            "previous": self.previous,
            "change": self.change,
            "target": self.target,
            "aggregate": self.aggregate,
        }
        for key, label in self._labels.items():
            label.setFixedWidth(_COLUMNS[key][1])
        for label in (self.previous, self.change, self.target, self.aggregate):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        set_look(self.aggregate, "aggregate")
        set_look(self.previous, "previous")
        if indicator.is_derived:
            self.field = None
            self.value = QLabel("–", parent)
            self.value.setObjectName(f"derived_{indicator.code}")
            self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            set_look(self.value, "derived")
            self.value.setFixedWidth(_COLUMNS["value"][1])
        else:
            self.field = NumberField(indicator, parent)
            self.value = self.field

    def place(self, grid: QGridLayout, row: int) -> None:
        grid.addWidget(self.name, row, 0)
        for key, widget in {"value": self.value, **self._labels}.items():
            grid.addWidget(widget, row, _COLUMNS[key][0])
