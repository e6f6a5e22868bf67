"""The sheet's table: column widths from what the cells hold, each row measured whole.

Every row is drawn with its own black borders, so a page's part of the table is always
closed at the top and bottom; the column header is drawn again on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from ictdesk.core.report import Sheet, SheetRow
from ictdesk.gui.printing.text import Face, Units

SIZES = {"unit": (12, 11), "rollup": (11,)}  # points; the decree lets a table be 11–12
NAME_SHARE = {"unit": 0.3, "rollup": 0.0}  # of the width, for the names at the larger size
BORDER = 0.5  # points


@dataclass
class _Cell:
    left: float
    width: float
    lines: list[str]
    face: Face
    align: str


class TablePart:
    """The column header and the rows of ``sheet``, for a table ``width`` wide."""

    def __init__(self, sheet: Sheet, units: Units, width: float):
        self.units = units
        self.pad_x, self.pad_y = units.mm(1.2), units.mm(0.9)
        self.texts = 3 if sheet.kind == "unit" else 2  # STT, name (and unit); then numbers
        for size in SIZES[sheet.kind]:  # the largest size leaving the names room
            self.body = units.face(size)
            self.bold = units.face(size, bold=True)
            self.widths = self._widths(sheet, width)
            if self.widths[1] >= width * NAME_SHARE[sheet.kind]:
                break
        self.width = width
        self.header = self._cells(
            [(c, self.bold, "center") for c in sheet.columns], list(range(len(sheet.columns)))
        )
        self.header_height = self._height(self.header)
        self.rows = [self._row_cells(row) for row in sheet.rows]
        self.heights = [self._height(cells) for cells in self.rows]

    def _row_texts(self, row: SheetRow) -> list[str]:
        return [row.number, row.name] + ([row.unit] if self.texts == 3 else []) + list(row.cells)

    def _widths(self, sheet: Sheet, width: float) -> list[float]:
        """STT and numbers as wide as their widest entry (numbers never wrap), the unit of
        measure as its longest word, the name what is left (at least a fifth of the width)."""
        rows = [r for r in sheet.rows if not r.group]
        columns = len(sheet.columns)

        def longest_word(texts, face):
            return max((face.width(w) for t in texts for w in t.split()), default=0.0)

        need = []
        for column in range(columns):
            cells = [self._row_texts(r)[column] for r in rows]
            header = longest_word([sheet.columns[column]], self.bold)
            if column == 1:
                need.append(0.0)
            elif column == 2 and self.texts == 3:  # "thuê bao/100 dân" on two lines at most
                need.append(max([header] + [self._two_lines(c) for c in cells]))
            else:
                faces = [self.bold if r.total else self.body for r in rows]
                widths = [f.width(c) for f, c in zip(faces, cells, strict=True)]
                need.append(max([header] + widths))
        need = [n + 2 * self.pad_x if i != 1 else 0.0 for i, n in enumerate(need)]
        numbers = list(range(self.texts, columns))
        # The names on one line if the numbers leave room; what is left widens the numbers
        # (their headers then take fewer lines).
        names = max((self.bold.width(r.name) for r in rows), default=0.0) + 2 * self.pad_x
        spare = width - sum(need) - names
        if spare > 0:
            need = [n + spare / len(numbers) if i in numbers else n for i, n in enumerate(need)]
        need[1] = max(width - sum(need), width / 6)
        scale = width / sum(need)  # only if the numbers alone are too wide: shrink all
        return [w * scale for w in need] if scale < 1 else need

    def _two_lines(self, text: str) -> float:
        """The narrowest width that holds ``text`` on two lines."""
        words = text.split()
        return min(
            (
                max(self.body.width(" ".join(words[:cut])), self.body.width(" ".join(words[cut:])))
                for cut in range(1, len(words))
            ),
            default=self.body.width(text),
        )

    def _cells(self, specs: list[tuple[str, Face, str]], columns: list[int]) -> list[_Cell]:
        """Cells for ``specs``; ``columns`` gives each cell's first column (it spans to the
        next cell's)."""
        starts = [sum(self.widths[:c]) for c in range(len(self.widths) + 1)]
        cells = []
        for number, (text, face, align) in enumerate(specs):
            first = columns[number]
            last = columns[number + 1] if number + 1 < len(columns) else len(self.widths)
            width = starts[last] - starts[first]
            lines = face.wrap(text, width - 2 * self.pad_x) if text else []
            cells.append(_Cell(starts[first], width, lines, face, align))
        return cells

    def _row_cells(self, row: SheetRow) -> list[_Cell]:
        if row.group:
            return self._cells(
                [(row.number, self.bold, "center"), (row.name, self.bold, "left")], [0, 1]
            )
        face = self.bold if row.total else self.body
        texts = self._row_texts(row)
        aligns = ["center", "left"] + (["center"] if self.texts == 3 else [])
        aligns += ["right"] * (len(texts) - len(aligns))
        specs = [(t, face, a) for t, a in zip(texts, aligns, strict=True)]
        return self._cells(specs, list(range(len(specs))))

    def _height(self, cells: list[_Cell]) -> float:
        tallest = max((c.face.height(c.lines) for c in cells), default=0.0)
        return tallest + 2 * self.pad_y

    def paint_header(self, painter: QPainter, left: float, top: float) -> None:
        self._paint(painter, self.header, left, top, self.header_height)

    def paint_row(self, painter: QPainter, index: int, left: float, top: float) -> None:
        self._paint(painter, self.rows[index], left, top, self.heights[index])

    def _paint(self, painter, cells: list[_Cell], left: float, top: float, height: float):
        pen = self.units.pen(BORDER)
        for cell in cells:
            painter.setPen(pen)
            painter.drawRect(QRectF(left + cell.left, top, cell.width, height))
            text_height = cell.face.height(cell.lines)
            y = top + (height - text_height) / 2  # centred in the row
            inner = cell.width - 2 * self.pad_x
            cell.face.draw(painter, cell.lines, left + cell.left + self.pad_x, y, inner, cell.align)
