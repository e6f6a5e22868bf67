"""Draw the ictdesk icon (a signal over a bar chart) as PNGs and an ICO under resources/icons.

Run from the repository root: python3 packaging/make_icon.py
"""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

app = QGuiApplication([])


def draw(size):
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#c62828"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.setBrush(QColor("#ffffff"))
    for i, h in enumerate((60, 95, 110)):
        p.drawRoundedRect(QRectF((52 + i * 58) * s, (206 - h) * s, 40 * s, h * s), 6 * s, 6 * s)
    pen = QPen(QColor("#ffd54f"))
    pen.setWidthF(14 * s)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    for r in (24, 42):
        p.drawArc(QRectF((176 - r) * s, (78 - r) * s, 2 * r * s, 2 * r * s), 30 * 16, 90 * 16)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#ffd54f"))
    p.drawEllipse(QPointF(176 * s, 78 * s), 10 * s, 10 * s)
    p.end()
    return img


for size in (16, 32, 48, 64, 128, 256):
    draw(size).save(f"resources/icons/ictdesk-{size}.png")
draw(256).save("resources/icons/ictdesk.ico")
