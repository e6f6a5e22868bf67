"""The unit sheet's small trend chart, drawn as lines and text on the page (sharp at any dpi).

Everything is black: the lines are told apart by their dash pattern and marker (solid with
circles, dashed with squares, dotted with triangles), so the chart reads on a black-and-white
printer and in a photocopy.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPolygonF

from ictdesk.core.report import Sheet
from ictdesk.gui.printing.frame import BODY
from ictdesk.gui.printing.text import Units

_STYLES = (
    (Qt.PenStyle.SolidLine, "circle"),
    (Qt.PenStyle.DashLine, "square"),
    (Qt.PenStyle.DotLine, "triangle"),
)
AXIS, LEGEND = 10, 11  # points
LINE, GRID = 1.1, 0.3  # points


def _marker(painter: QPainter, shape: str, centre: QPointF, size: float) -> None:
    half = size / 2
    if shape == "circle":
        painter.drawEllipse(centre, half, half)
    elif shape == "square":
        painter.drawRect(QRectF(centre.x() - half, centre.y() - half, size, size))
    else:
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - half * 1.15),
                    QPointF(centre.x() - half * 1.1, centre.y() + half * 0.85),
                    QPointF(centre.x() + half * 1.1, centre.y() + half * 0.85),
                ]
            )
        )


class ChartPart:
    """A heading and the chart of ``sheet.chart`` (up to 8 periods of a few rates, in %)."""

    def __init__(self, sheet: Sheet, units: Units, width: float):
        self.sheet, self.units, self.width = sheet, units, width
        self.heading_face = units.face(BODY, bold=True)
        self.heading = self.heading_face.wrap(sheet.texts["chart"], width)
        self.axis = units.face(AXIS)
        self.legend = units.face(LEGEND)
        self.space_above = units.mm(5)
        self.box_height = width * 0.3
        self.height = (
            self.space_above
            + self.heading_face.height(self.heading)
            + units.mm(1)
            + self.box_height
            + units.mm(1)
        )

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        units = self.units
        y = self.heading_face.draw(
            painter, self.heading, left, top + self.space_above, self.width, "left"
        )
        box = QRectF(left, y + units.mm(1), self.width, self.box_height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        labels = [label for label, _ in self.sheet.chart[0][1]] if self.sheet.chart else []
        percent = " %" if self.sheet.language == "vi" else "%"
        scale_width = self.axis.width("100" + percent) + units.mm(2)
        widest = max((self.axis.width(label) for label in labels), default=0.0)
        legend_height = self.legend.line * len(self.sheet.chart) + units.mm(2)
        plot = QRectF(
            box.left() + scale_width,
            box.top() + legend_height + self.axis.line / 2,
            box.width() - scale_width - widest / 2 - units.mm(1),
            box.height() - legend_height - self.axis.line * 2.2,
        )
        values = [v for _, series in self.sheet.chart for _, v in series if v is not None]
        high = max(100.0, max(values, default=100.0))
        self._axes(painter, plot, labels, high, percent)
        for number, (name, series) in enumerate(self.sheet.chart):
            self._series(painter, plot, number, series, high)
            self._legend_entry(painter, box.left() + scale_width, box.top(), number, name)
        painter.restore()

    def _pen(self, number: int):
        pen = self.units.pen(LINE)
        pen.setStyle(_STYLES[number % len(_STYLES)][0])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def _axes(self, painter: QPainter, plot: QRectF, labels: list[str], high: float, percent):
        units, axis = self.units, self.axis
        for step in range(0, 101, 25):
            y = plot.bottom() - plot.height() * step / high
            painter.setPen(units.pen(GRID if step else LINE / 2, "#555555" if step else "black"))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(units.pen(LINE))
            text = f"{step}{percent}"
            axis.draw(
                painter,
                [text],
                plot.left() - units.mm(1.5) - axis.width(text),
                y - axis.line / 2,
                axis.width(text),
                "left",
            )
        count = max(1, len(labels) - 1)
        for index, label in enumerate(labels):
            x = plot.left() + plot.width() * index / count
            width = axis.width(label)
            axis.draw(
                painter, [label], x - width / 2, plot.bottom() + axis.line * 0.6, width, "left"
            )

    def _points(self, plot: QRectF, series, high: float) -> list[QPointF | None]:
        count = max(1, len(series) - 1)
        return [
            None
            if value is None
            else QPointF(
                plot.left() + plot.width() * index / count,
                plot.bottom() - plot.height() * value / high,
            )
            for index, (_, value) in enumerate(series)
        ]

    def _series(self, painter: QPainter, plot: QRectF, number: int, series, high: float) -> None:
        points = self._points(plot, series, high)
        painter.setPen(self._pen(number))
        for before, after in zip(points, points[1:], strict=False):
            if before is not None and after is not None:  # a gap, never a zero
                painter.drawLine(before, after)
        self._markers(painter, number, [p for p in points if p is not None])

    def _markers(self, painter: QPainter, number: int, points: list[QPointF]) -> None:
        shape = _STYLES[number % len(_STYLES)][1]
        painter.setPen(self.units.pen(LINE * 0.8))
        painter.setBrush(QBrush(QColor("black") if number == 0 else QColor("white")))
        for point in points:
            _marker(painter, shape, point, self.units.mm(1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _legend_entry(self, painter: QPainter, left: float, top: float, number, name) -> None:
        units, legend = self.units, self.legend
        y = top + legend.line * number + legend.line / 2
        sample = units.mm(12)
        painter.setPen(self._pen(number))
        painter.drawLine(QPointF(left, y), QPointF(left + sample, y))
        self._markers(painter, number, [QPointF(left + sample / 2, y)])
        painter.setPen(units.pen(LINE))
        legend.draw(
            painter,
            [name],
            left + sample + units.mm(2),
            y - legend.line / 2,
            self.width,
            "left",
        )
