"""Fonts and lines of text measured on the device that will print them.

Every length is in the device's pixels (a PDF at 1200 dpi, a printer, the print preview), so
what is measured is what is drawn: lines are broken here, never by Qt while painting.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPaintDevice, QPainter, QPen

from ictdesk.core.resources import resource_path

_FONT_FILES = ("Regular", "Bold", "Italic", "BoldItalic")
_family: str | None = None
_PREFERRED_BREAKS = ("ỦY BAN NHÂN DÂN ", "PEOPLE'S COMMITTEE OF ")


def serif_family() -> str:
    """Times New Roman if installed, else the bundled Liberation Serif (metric-compatible, with
    every Vietnamese glyph), loaded once."""
    global _family
    if _family is None:
        if "Times New Roman" in QFontDatabase.families():
            _family = "Times New Roman"
        else:
            for style in _FONT_FILES:
                QFontDatabase.addApplicationFont(
                    str(resource_path("fonts", f"LiberationSerif-{style}.ttf"))
                )
            _family = "Liberation Serif"
    return _family


class Units:
    """Millimetres and points in the pixels of ``device``."""

    def __init__(self, device: QPaintDevice):
        self.device = device
        self.dpi = device.logicalDpiY()

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        return value * self.dpi / 72

    def face(self, size: float, bold: bool = False, italic: bool = False) -> Face:
        return Face(self.device, size, bold, italic)

    def pen(self, points: float, colour: str = "black") -> QPen:
        pen = QPen(QColor(colour))
        pen.setWidthF(self.pt(points))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen


class Face:
    """A font of the sheet at ``size`` points, with its metrics on ``device``."""

    def __init__(self, device: QPaintDevice, size: float, bold: bool, italic: bool):
        self.size = size
        self.font = QFont(serif_family())
        self.font.setPointSizeF(size)
        self.font.setBold(bold)
        self.font.setItalic(italic)
        self.font.setKerning(True)
        self.metrics = QFontMetricsF(self.font, device)
        self.line = self.metrics.lineSpacing()
        self.ascent = self.metrics.ascent()

    def width(self, text: str) -> float:
        return self.metrics.horizontalAdvance(text)

    def wrap(self, text: str, width: float) -> list[str]:
        """``text`` in lines no wider than ``width``, broken between words (a word wider than
        ``width`` gets a line of its own). An agency's name breaks after "ỦY BAN NHÂN DÂN"
        first, never inside the place's name if that fits ("TỈNH PHÚ" over "THỌ")."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            lines += self._wrap_paragraph(paragraph.strip(), width)
        return lines

    def _wrap_paragraph(self, text: str, width: float) -> list[str]:
        if self.width(text) <= width:
            return [text]
        for head in _PREFERRED_BREAKS:
            rest = text[len(head) :]
            if text.startswith(head) and rest and self.width(rest) <= width:
                return [head.strip(), rest]
        lines, current = [], ""
        for word in text.split():
            candidate = f"{current} {word}" if current else word
            if current and self.width(candidate) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        return lines + [current] if current else lines

    def draw(
        self, painter: QPainter, lines: list[str], left: float, top: float, width: float, align
    ) -> float:
        """Draw ``lines`` from ``top`` in a column ``width`` wide; returns the bottom."""
        painter.setFont(self.font)
        painter.setPen(QColor("black"))
        for number, line in enumerate(lines):
            if align == "center":
                x = left + (width - self.width(line)) / 2
            elif align == "right":
                x = left + width - self.width(line)
            else:
                x = left
            painter.drawText(QPointF(x, top + number * self.line + self.ascent), line)
        return top + len(lines) * self.line

    def height(self, lines: list[str]) -> float:
        return len(lines) * self.line
