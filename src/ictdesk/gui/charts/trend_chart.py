"""pyqtgraph charts of the Trends tab: lines over periods, and a ranking of communes.

``import pyqtgraph`` costs about 0.7 s, so this module is imported only when a chart is first
shown (see :class:`ictdesk.gui.trends.view.TrendsView`). The charts are dumb renderers: they get
numbers, labels and colours, and keep their plot items between redraws (``setData``), so
switching indicator or units never rebuilds the plot.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFontMetrics

from ictdesk.gui.charts.axes import (
    HOVER_PIXELS,
    MANY_LINES,
    PALETTE,
    PARENT_COLOUR,
    TARGET_COLOUR,
    LabelAxis,
    Line,
    NumberAxis,
    TargetSegment,
    as_array,
)
from ictdesk.gui.charts.ranking_chart import RankingChart

__all__ = ["Line", "RankingChart", "TargetSegment", "TrendChart"]

HEADROOM = 0.22  # of the value span, kept free at the top for the legend


class TrendChart(pg.PlotWidget):
    """Lines of one indicator over periods: a line per unit, the parent's bold, and targets.

    Plot items are pooled: :meth:`set_lines` updates them with ``setData`` and only adds
    items when more lines are shown than ever before.
    """

    def __init__(self, language: Callable[[], str], parent=None):
        self.period_axis = LabelAxis("bottom")
        self.value_axis = NumberAxis("left", language)
        super().__init__(
            parent, background="w", axisItems={"bottom": self.period_axis, "left": self.value_axis}
        )
        self.setObjectName("trendChart")
        self._language = language
        item = self.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.25)
        item.setMenuEnabled(False)
        item.hideButtons()
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen(pg.mkPen("#555"))
            item.getAxis(axis).setTextPen(pg.mkPen("#333"))
        self.legend = item.addLegend(offset=(10, 10), labelTextColor="#222", brush="#ffffffd8")
        self.curves: list[pg.PlotDataItem] = []
        self.lines: list[Line] = []
        self.target_curve = pg.PlotDataItem(
            pen=pg.mkPen(TARGET_COLOUR, width=2, style=Qt.PenStyle.DashLine), connect="finite"
        )
        self.target_curve.setZValue(5)
        item.addItem(self.target_curve)
        # Targets are labelled on an axis of their own at the right, outside the plot, so a
        # label never covers a line (labels inside the plot sat on the lines they describe).
        self.target_axis = item.getAxis("right")
        self.target_axis.setPen(pg.mkPen(TARGET_COLOUR))
        self.target_axis.setTextPen(pg.mkPen(TARGET_COLOUR))
        self.target_axis.setStyle(tickLength=6, showValues=True, autoExpandTextSpace=True)
        self.target_axis.setGrid(False)
        self.targets: list[TargetSegment] = []
        self.hover_label = pg.TextItem(
            "",
            color="#111",
            fill=pg.mkBrush("#fffbe6ee"),
            border=pg.mkPen("#b8a96a"),
            anchor=(0, 1),
        )
        self.hover_label.setZValue(20)
        self.hover_label.hide()
        item.addItem(self.hover_label, ignoreBounds=True)
        self.hover_point = pg.ScatterPlotItem(
            size=11, pen=pg.mkPen("#111", width=1.5), brush=pg.mkBrush(255, 255, 255, 0)
        )
        self.hover_point.setZValue(19)
        item.addItem(self.hover_point, ignoreBounds=True)
        # With many lines, one legend entry stands for all communes and hides them together,
        # and the communes are drawn as one curve per colour (their lines separated by gaps):
        # ten items to update and paint instead of 150 keeps a redraw within 100 ms.
        self.group_proxy = pg.PlotDataItem(pen=pg.mkPen(QColor(PALETTE[0]), width=1.5))
        self.bundles: list[pg.PlotDataItem] = []
        for colour in PALETTE:
            # Opaque and lightened rather than translucent: Qt strokes a translucent path as one
            # shape, which costs three times as much for a path of fifteen crossing lines.
            pen_colour = QColor(colour).lighter(125)
            bundle = pg.PlotDataItem(pen=pg.mkPen(pen_colour, width=1.2), connect="finite")
            bundle.setZValue(1)
            bundle.hide()
            item.addItem(bundle)
            self.bundles.append(bundle)
        self._line_curves: list[pg.PlotDataItem | None] = []
        # 1 July 2025: the new provinces and communes (figures before it are converted)
        self.reform_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen("#7f8c8d", width=1.5, style=Qt.PenStyle.DashDotLine),
            label="",
            labelOpts={
                "position": 0.96,
                "color": "#555",
                "fill": "#ffffffd0",
                "anchors": [(1, 0), (1, 0)],  # left of the line: the right edge is near
            },
        )
        self.reform_line.setZValue(3)
        self.reform_line.hide()
        item.addItem(self.reform_line, ignoreBounds=True)
        self.legend.sigSampleClicked.connect(self._on_legend_sample_clicked)
        self.hover_text = ""
        self._describe: Callable[[int, int], str] | None = None
        self._target_name = ""
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    # ---------------------------------------------------------------- drawing
    def set_lines(
        self,
        labels: Sequence[str],
        lines: Sequence[Line],
        targets: Sequence[TargetSegment],
        target_name: str,
        y_label: str,
        describe: Callable[[int, int], str],
        group_name: str = "",
    ) -> None:
        """Show ``lines`` over the periods ``labels``; targets as dashed segments.

        ``describe(line_index, period_index)`` gives the hover text of one point. With more
        than :data:`MANY_LINES` lines, the legend lists the parent and one entry,
        ``group_name``, for all the others.
        """
        item = self.getPlotItem()
        self.period_axis.set_labels(labels)
        self.value_axis.setLabel(y_label)
        self._describe = describe
        self.lines = list(lines)
        many = len(lines) > MANY_LINES
        x = np.arange(len(labels), dtype=float)
        # Lines drawn by a curve of their own: every line, or only the parent when many.
        own = [line for line in lines if line.is_parent or not many]
        while len(self.curves) < len(own):
            curve = pg.PlotDataItem(connect="finite")
            item.addItem(curve)
            self.curves.append(curve)
        self.legend.clear()
        self._line_curves = []
        bundled: list[list[Line]] = [[] for _ in PALETTE]
        colour_index, curve_index = 0, 0
        for line in lines:
            if line.is_parent:
                colour, width, symbol_size, z = PARENT_COLOUR, 3.2, 7, 10
            else:
                colour = PALETTE[colour_index % len(PALETTE)]
                colour_index += 1
                if many:
                    bundled[(colour_index - 1) % len(PALETTE)].append(line)
                    self._line_curves.append(None)
                    continue
                width, symbol_size, z = 2.0, 5, 2
            curve = self.curves[curve_index]
            curve_index += 1
            self._line_curves.append(curve)
            curve.setPen(pg.mkPen(QColor(colour), width=width))
            curve.setSymbol("o")
            curve.setSymbolSize(symbol_size)
            brush, pen = pg.mkBrush(colour), pg.mkPen("w", width=1)
            brushes: object = brush
            pens: object = pen
            if line.in_part is not None:  # hollow, ringed in its colour, where not in full
                points = range(len(line.values))
                hollow, ring = pg.mkBrush("w"), pg.mkPen(QColor(colour), width=2)
                brushes = [hollow if i == line.in_part else brush for i in points]
                pens = [ring if i == line.in_part else pen for i in points]
            curve.setZValue(z)
            curve.setData(x, as_array(line.values), symbolBrush=brushes, symbolPen=pens)
            curve.opts["name"] = line.name
            curve.show()
            self.legend.addItem(curve, line.name)
        for curve in self.curves[curve_index:]:
            curve.setData([], [])
            curve.hide()
        for bundle, members in zip(self.bundles, bundled, strict=True):
            if members:
                gap = np.array([math.nan])
                bundle.setData(
                    np.concatenate([part for _ in members for part in (x, gap)]),
                    np.concatenate([part for m in members for part in (as_array(m.values), gap)]),
                )
                bundle.show()
            else:
                bundle.setData([], [])
                bundle.hide()
        if many:
            self.group_proxy.setVisible(True)
            self.legend.addItem(self.group_proxy, group_name)
        self._set_targets(targets, target_name)
        self.hide_hover()
        item.getViewBox().setLimits(xMin=-1, xMax=max(len(labels), 1))
        self.reset_zoom()

    def set_reform_marker(self, x: float | None, label: str = "") -> None:
        """A vertical line at ``x`` (None: none) marking 1 July 2025, with ``label``."""
        self.reform_line.setVisible(x is not None)
        if x is not None:
            self.reform_line.setValue(x)
            self.reform_line.label.setFormat(label)

    def _set_targets(self, targets: Sequence[TargetSegment], name: str) -> None:
        self.targets = list(targets)
        self._target_name = name
        xs: list[float] = []
        ys: list[float] = []
        for segment in targets:
            xs += [segment.first - 0.4, segment.last + 0.4, math.nan]
            ys += [segment.value, segment.value, math.nan]
        self.target_curve.setData(np.array(xs, dtype=float), np.array(ys, dtype=float))
        self.target_curve.setVisible(bool(targets))
        if targets:
            self.legend.addItem(self.target_curve, name)
        ticks: dict[float, list[str]] = {}
        for segment in targets:
            ticks.setdefault(segment.value, []).append(segment.label)
        self.target_axis.setTicks([[(value, " / ".join(ls)) for value, ls in ticks.items()], []])
        item = self.getPlotItem()
        if targets:
            metrics = QFontMetrics(self.target_axis.style.get("tickFont") or self.font())
            widest = max(metrics.horizontalAdvance(" / ".join(ls)) for ls in ticks.values())
            self.target_axis.setWidth(widest + 16)  # the text and the tick
            item.showAxis("right")
        else:
            item.hideAxis("right")

    def target_axis_labels(self) -> list[str]:
        """The labels the target axis shows (empty when no target is drawn)."""
        if not self.getPlotItem().getAxis("right").isVisible():
            return []
        major = self.target_axis._tickLevels[0] if self.target_axis._tickLevels else []
        return [label for _, label in major]

    def _on_legend_sample_clicked(self, item) -> None:
        if item is self.group_proxy:
            shown = item.isVisible()
            for bundle in self.bundles:
                bundle.setVisible(shown and bundle.xData is not None and len(bundle.xData) > 0)
        self.hide_hover()

    def reset_zoom(self) -> None:
        """Show every line and target again after zooming or panning.

        The top of the value range is kept free for the legend and the reform marker's label,
        which otherwise sat on lines that start high (a province's stations).
        """
        item = self.getPlotItem()
        item.enableAutoRange(x=True)
        item.getViewBox().updateAutoRange()
        values = [v for line in self.lines for v in line.values if v is not None]
        values += [segment.value for segment in self.targets]
        if not values:
            item.enableAutoRange(y=True)
            return
        low, high = min(min(values), 0.0), max(max(values), 0.0)
        span = (high - low) or max(abs(high), 1.0)
        item.setYRange(low, high + span * HEADROOM, padding=0.02)

    def visible_curve_count(self) -> int:
        """How many lines are shown (a bundled commune counts as one line)."""
        return sum(1 for index in range(len(self.lines)) if self._line_visible(index))

    def _line_visible(self, index: int) -> bool:
        curve = self._line_curves[index] if index < len(self._line_curves) else None
        return curve.isVisible() if curve is not None else self.group_proxy.isVisible()

    # ------------------------------------------------------------------ hover
    def hide_hover(self) -> None:
        self.hover_text = ""
        self.hover_label.hide()
        self.hover_point.setData([], [])

    def hover_at(self, x: float, y: float) -> str:
        """Describe the point nearest to the view position (x, y); empty if none is near."""
        if not self.lines or self._describe is None:
            self.hide_hover()
            return ""
        index = int(round(x))
        count = len(self.period_axis.labels)
        if not 0 <= index < count:
            self.hide_hover()
            return ""
        view = self.getPlotItem().getViewBox()
        pixel = view.viewPixelSize()
        best: tuple[float, int] | None = None
        for line_index in range(len(self.lines)):
            if not self._line_visible(line_index):
                continue
            values = self.lines[line_index].values
            if index >= len(values) or values[index] is None:
                continue
            dx = (index - x) / pixel[0]
            dy = (values[index] - y) / pixel[1]
            distance = math.hypot(dx, dy)
            if best is None or distance < best[0]:
                best = (distance, line_index)
        if best is None or best[0] > HOVER_PIXELS:
            self.hide_hover()
            return ""
        line_index = best[1]
        value = self.lines[line_index].values[index]
        self.hover_text = self._describe(line_index, index)
        self.hover_label.setHtml(
            '<div style="padding:2px 4px">' + self.hover_text.replace("\n", "<br>") + "</div>"
        )
        self.hover_label.setAnchor((1, 1) if index > count / 2 else (0, 1))
        self.hover_label.setPos(index, value)
        self.hover_label.show()
        self.hover_point.setData([index], [value])
        return self.hover_text

    def _on_scene_mouse_moved(self, position: QPointF) -> None:
        view = self.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(position):
            self.hide_hover()
            return
        point = view.mapSceneToView(position)
        self.hover_at(point.x(), point.y())
