"""The dashboard's pieces: a card per key indicator with its sparkline, and the map and bar of
how far the communes have reported."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.series import Progress, Summary
from ictdesk.core.store import Reported
from ictdesk.gui.format import format_value, parts_in_full
from ictdesk.gui.i18n import current_language
from ictdesk.gui.text import fill

KEY_INDICATORS = (
    "BTS_TOTAL",
    "COV_4G_PCT",
    "COV_5G_PCT",
    "SMARTPHONE_HH_PCT",
    "FIBER_HH_PCT",
    "VNEID_PCT",
    "APPS_ONLINE_PCT",
    "DIGITAL_SKILLS_PCT",
)
SPARK_PERIODS = 8
COLUMNS = 4
GOOD, _WARN, BAD, MUTED = "#2e7d32", "#b36b00", "#c0392b", "#666666"
_LINE, _TARGET = "#1f77b4", "#c0392b"
FULL, PARTIAL, NONE = QColor("#5cb85c"), QColor("#f0ad4e"), QColor("#d9534f")


class Sparkline(QWidget):
    """A small line of the last periods; gaps stay gaps; the target as a dashed line. The
    last period, when it is not in full (a quarter in progress), ends in a dashed segment
    and a hollow point: its fall is not one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: list[float | None] = []
        self.target: float | None = None
        self.last_in_part = False
        self.setMinimumSize(120, 38)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(
        self, values: list[float | None], target: float | None, last_in_part: bool = False
    ) -> None:
        self.values = list(values)
        self.target = target
        self.last_in_part = last_in_part
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, 40)

    def paintEvent(self, _event) -> None:
        known = [v for v in self.values if v is not None]
        if not known:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bounds = known + ([self.target] if self.target is not None else [])
        low, high = min(bounds), max(bounds)
        if high == low:
            low, high = low - 1, high + 1
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        count = max(len(self.values) - 1, 1)

        def point(index: int, value: float) -> QPointF:
            x = rect.left() + rect.width() * index / count
            y = rect.bottom() - rect.height() * (value - low) / (high - low)
            return QPointF(x, y)

        if self.target is not None:
            pen = QPen(QColor(_TARGET), 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = point(0, self.target).y()
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        last = len(self.values) - 1
        whole = self.values[:-1] if self.last_in_part else self.values
        path = QPainterPath()
        drawing = False
        for index, value in enumerate(whole):
            if value is None:
                drawing = False
                continue
            if drawing:
                path.lineTo(point(index, value))
            else:
                path.moveTo(point(index, value))
                drawing = True
        painter.setPen(QPen(QColor(_LINE), 2))
        painter.drawPath(path)
        end, before = self.values[last], self.values[last - 1] if last else None
        if self.last_in_part and end is not None and before is not None:
            painter.setPen(QPen(QColor(_LINE), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(point(last - 1, before), point(last, end))
        painter.setPen(QPen(QColor(_LINE), 2))
        for index, value in enumerate(self.values):
            if value is not None and index in (0, last):
                hollow = index == last and self.last_in_part
                painter.setBrush(QColor("white") if hollow else QColor(_LINE))
                painter.drawEllipse(point(index, value), 2.5, 2.5)
        painter.end()


class IndicatorCard(QFrame):
    """One key indicator; emits ``activated(code)`` when clicked or when Enter is pressed."""

    activated = Signal(str)

    def __init__(self, code: str, parent=None):
        super().__init__(parent)
        self.code = code
        self.summary: Summary | None = None
        self.setObjectName(f"card_{code}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(
            "IndicatorCard { background: white; border: 1px solid #d5d9de; border-radius: 6px; }"
            "IndicatorCard:focus { border: 2px solid #1f77b4; }"
        )
        self.name_label = QLabel(self)
        self.name_label.setWordWrap(True)
        self.name_label.setObjectName("cardName")
        self.name_label.setStyleSheet("color: #333; font-weight: bold;")
        self.name_label.setMinimumHeight(34)
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.value_label = QLabel(self)
        self.value_label.setObjectName("cardValue")
        font = QFont()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value_label.setFont(font)
        self.change_label = QLabel(self)
        self.change_label.setObjectName("cardChange")
        self.change_label.setWordWrap(True)  # "so với Tháng 11/2025" is wider than a card
        self.sparkline = Sparkline(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("cardProgress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(7)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("cardStatus")
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        layout.addWidget(self.name_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.change_label)
        layout.addWidget(self.sparkline)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.setMinimumWidth(220)

    def show_summary(self, summary: Summary | None, texts: dict[str, str]) -> None:
        """Fill the card; ``texts`` carries the translated phrases (see the dashboard)."""
        self.summary = summary
        if summary is None:
            for label in (self.value_label, self.change_label, self.status_label):
                label.clear()
            self.sparkline.set_values([], None)
            self.progress_bar.hide()
            return
        language = current_language()
        indicator = summary.indicator
        self.name_label.setText(indicator.name(language))
        self.value_label.setText(format_value(indicator, summary.value, language))
        self.change_label.setText(texts["change"])
        self.change_label.setStyleSheet(f"color: {texts['change_colour']};")
        values = [v for _p, v in summary.history]
        self.sparkline.set_values(values, summary.target, summary.compared.in_part)
        self.sparkline.setToolTip(texts["history"])
        if summary.target is not None and summary.value is not None and summary.target > 0:
            self.progress_bar.setValue(min(100, round(summary.value / summary.target * 100)))
            colour = {Progress.ACHIEVED: GOOD, Progress.ON_TRACK: GOOD}.get(summary.progress, _WARN)
            self.progress_bar.setStyleSheet(
                "QProgressBar { border: none; background: #e9ecef; border-radius: 3px; }"
                f"QProgressBar::chunk {{ background: {colour}; border-radius: 3px; }}"
            )
            self.progress_bar.show()
        else:
            self.progress_bar.hide()
        self.status_label.setText(texts["status"])
        self.status_label.setStyleSheet(f"color: {texts['status_colour']};")
        self.setToolTip(texts["tooltip"])

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.code)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.code)
        else:
            super().keyPressEvent(event)


class CompletenessMap(QWidget):
    """A square per commune, coloured by how much of the period it has reported."""

    CELL = 13
    GAP = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Reported] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.tooltip_format = "%1: %2/%3"

    def set_rows(self, rows: list[Reported]) -> None:
        self.rows = list(rows)
        self.updateGeometry()
        self.update()

    def _per_line(self, width: int | None = None) -> int:
        step = self.CELL + self.GAP
        return max(1, ((width or self.width()) + self.GAP) // step)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        lines = math.ceil(len(self.rows) / self._per_line(width)) if self.rows else 0
        return lines * (self.CELL + self.GAP)

    def sizeHint(self) -> QSize:
        return QSize(600, self.heightForWidth(600))

    @staticmethod
    def colour(status: str) -> QColor:
        return {"full": FULL, "partial": PARTIAL}.get(status, NONE)

    def cell_at(self, x: float, y: float) -> int | None:
        step = self.CELL + self.GAP
        column, line = int(x // step), int(y // step)
        per_line = self._per_line()
        index = line * per_line + column
        if column >= per_line or not 0 <= index < len(self.rows):
            return None
        return index

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        per_line = self._per_line()
        step = self.CELL + self.GAP
        for index, reported in enumerate(self.rows):
            line, column = divmod(index, per_line)
            painter.fillRect(
                column * step, line * step, self.CELL, self.CELL, self.colour(reported.status)
            )
        painter.end()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.cell_at(event.pos().x(), event.pos().y())
            if index is None:
                QToolTip.hideText()
            else:
                row = self.rows[index]
                text = fill(self.tooltip_format, row.unit.name, str(row.filled), str(row.expected))
                if row.status == "partial" and row.parts is not None:
                    text += f" · {parts_in_full(row.parts)}"
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)


class CompletenessBar(QWidget):
    """One bar split into reported, partly reported and not reported."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts = (0, 0, 0)
        self.setFixedHeight(16)

    def set_counts(self, full: int, partial: int, none: int) -> None:
        self.counts = (full, partial, none)
        self.update()

    def paintEvent(self, _event) -> None:
        total = sum(self.counts)
        if not total:
            return
        painter = QPainter(self)
        x = 0.0
        for count, colour in zip(self.counts, (FULL, PARTIAL, NONE), strict=True):
            width = self.width() * count / total
            painter.fillRect(QRectF(x, 0, width, self.height()), colour)
            x += width
        painter.end()
