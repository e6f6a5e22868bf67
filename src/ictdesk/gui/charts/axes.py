"""What both charts share: colours, the data they draw, and axes that speak the language."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg

from ictdesk.core.numbers import format_number

# Tableau 10, readable on white and in print; the parent line is near-black.
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)
PARENT_COLOUR = "#222222"
TARGET_COLOUR = "#c0392b"
BAR_COLOUR = "#7fa7d3"
BAR_SELECTED_COLOUR = "#ff7f0e"
MANY_LINES = 12  # above this, lines get thinner, lose their symbols and leave the legend
HOVER_PIXELS = 24  # how near the pointer must be to a point to describe it


@dataclass(frozen=True)
class Line:
    """One unit's line: its name, values (``None`` for gaps), whether it is the parent, and
    the position of a point not in full (a quarter in progress: drawn hollow), if any."""

    key: str
    name: str
    values: Sequence[float | None]
    is_parent: bool = False
    in_part: int | None = None


@dataclass(frozen=True)
class TargetSegment:
    """A target drawn over the periods ``first``–``last`` (x positions), labelled."""

    first: int
    last: int
    value: float
    label: str


def as_array(values: Sequence[float | None]) -> np.ndarray:
    return np.array([math.nan if v is None else float(v) for v in values], dtype=float)


def _decimals(spacing: float) -> int:
    if spacing <= 0 or not math.isfinite(spacing):
        return 0
    return max(0, min(6, math.ceil(-math.log10(spacing) + 1e-9)))


class NumberAxis(pg.AxisItem):
    """A value axis whose numbers follow the interface language (12.500 / 83,6)."""

    def __init__(self, orientation: str, language: Callable[[], str], **kwargs):
        super().__init__(orientation, **kwargs)
        self._language = language
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        # Each tick level has its own spacing (0,2 and 0,1): trailing zeros are dropped so one
        # axis never mixes "0,90" with "0,8".
        decimals = _decimals(spacing * scale)
        language = self._language()
        point = "," if language == "vi" else "."
        texts = [format_number(v * scale, decimals, language) for v in values]
        if decimals:
            texts = [t.rstrip("0").rstrip(point) if point in t else t for t in texts]
        return texts


class LabelAxis(pg.AxisItem):
    """An axis of categories (periods, or communes) at 0, 1, 2…, thinned to fit when zoomed."""

    def __init__(self, orientation: str, **kwargs):
        super().__init__(orientation, **kwargs)
        self.labels: list[str] = []

    def set_labels(self, labels: Sequence[str]) -> None:
        self.labels = list(labels)
        self.picture = None
        self.update()

    def tickValues(self, min_value, max_value, size):
        if not self.labels:
            return []
        first = max(0, math.ceil(min_value))
        last = min(len(self.labels) - 1, math.floor(max_value))
        if last < first:
            return []
        horizontal = self.orientation in ("bottom", "top")
        if horizontal:
            widest = max(len(label) for label in self.labels[first : last + 1])
            room = widest * 7 + 12
        else:
            room = 15
        shown = last - first + 1
        step = max(1, math.ceil(shown * room / max(size, 1)))
        return [(step, list(range(first - first % step, last + 1, step)))]

    def tickStrings(self, values, scale, spacing):
        strings = []
        for value in values:
            index = int(round(value))
            strings.append(self.labels[index] if 0 <= index < len(self.labels) else "")
        return strings
