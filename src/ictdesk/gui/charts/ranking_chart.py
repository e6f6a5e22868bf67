"""The ranking: a bar per commune, best first, with the target as a line."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

# Tableau 10, readable on white and in print; the parent line is near-black.
from ictdesk.gui.charts.axes import (
    BAR_COLOUR,
    BAR_SELECTED_COLOUR,
    TARGET_COLOUR,
    LabelAxis,
    NumberAxis,
)


class RankingChart(pg.PlotWidget):
    """Horizontal bars of the communes of a parent for one period, highest at the top."""

    ROW_PIXELS = 17

    def __init__(self, language: Callable[[], str], parent=None):
        self.name_axis = LabelAxis("left")
        self.value_axis = NumberAxis("bottom", language)
        super().__init__(
            parent, background="w", axisItems={"left": self.name_axis, "bottom": self.value_axis}
        )
        self.setObjectName("rankingChart")
        item = self.getPlotItem()
        item.showGrid(x=True, y=False, alpha=0.25)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen(pg.mkPen("#555"))
            item.getAxis(axis).setTextPen(pg.mkPen("#333"))
        self.name_axis.setWidth(230)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.72, width=[], brush=BAR_COLOUR, pen=None)
        self.selected_bars = pg.BarGraphItem(
            x0=[], y=[], height=0.72, width=[], brush=BAR_SELECTED_COLOUR, pen=None
        )
        item.addItem(self.bars)
        item.addItem(self.selected_bars)
        self.target_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(TARGET_COLOUR, width=2, style=Qt.PenStyle.DashLine),
        )
        self.target_line.setZValue(5)
        item.addItem(self.target_line, ignoreBounds=True)
        self.target_line.hide()
        # the target's label sits in a row kept free above the first bar
        self.target_label = pg.TextItem("", color=TARGET_COLOUR, anchor=(0, 0.5))
        item.addItem(self.target_label, ignoreBounds=True)
        self.target_label.hide()
        self.values: list[float | None] = []
        self.target: float | None = None

    def set_bars(
        self,
        labels: Sequence[str],
        values: Sequence[float | None],
        selected: Sequence[bool],
        target: float | None,
        target_label: str,
        x_label: str,
    ) -> None:
        """Bars top-down in the given order; ``None`` values get a row but no bar."""
        count = len(values)
        self.values = list(values)
        self.target = target
        # row 0 at the top: y = count - 1 - index
        self.name_axis.set_labels(list(reversed(labels)))
        self.value_axis.setLabel(x_label)
        plain = [(i, v) for i, v in enumerate(values) if v is not None and not selected[i]]
        chosen = [(i, v) for i, v in enumerate(values) if v is not None and selected[i]]
        for bars, rows in ((self.bars, plain), (self.selected_bars, chosen)):
            bars.setOpts(
                x0=np.zeros(len(rows)),
                y=np.array([count - 1 - i for i, _ in rows], dtype=float),
                width=np.array([v for _, v in rows], dtype=float),
                height=0.72,
            )
        self.setMinimumHeight(max(220, (count + 1) * self.ROW_PIXELS + 70))
        known = [v for v in values if v is not None]
        top = max(known + ([target] if target is not None else []) + [0])
        low = min(known + [0])
        if target is not None:
            self.target_line.setValue(target)
            self.target_line.show()
            # right of the line, or left of it when the line is in the right half: a label
            # right of a target near the best bar ran past the chart's edge
            right_half = top > low and (target - low) > (top - low) / 2
            self.target_label.setAnchor((1, 0.5) if right_half else (0, 0.5))
            self.target_label.setText(target_label + " " if right_half else " " + target_label)
            self.target_label.setPos(target, count)
            self.target_label.show()
        else:
            self.target_line.hide()
            self.target_label.hide()
        view = self.getPlotItem().getViewBox()
        view.setRange(
            xRange=(low, top * 1.04 if top > 0 else 1),
            yRange=(-0.6, max(count, 1) + 0.6),
            padding=0,
        )

    def bar_count(self) -> int:
        """How many bars are drawn (communes with a value)."""
        return len(self.bars.opts["width"]) + len(self.selected_bars.opts["width"])
