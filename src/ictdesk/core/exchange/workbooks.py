"""Opening the workbooks people send back: Excel's .xlsx, LibreOffice's .ods, Excel 97 .xls.

Every workbook is a hostile file until read: its size is bounded before anything is parsed
(a 2 MB xlsx can unpack to gigabytes), sheets are read lazily and only as far as the reader
asks, and whatever a damaged or crafted file makes a library raise (XML entity bombs, a sheet
cut in half, a number of 5,000 digits) ends in one :class:`WorkbookUnreadable` in both
languages. Readers: openpyxl (xlsx, streaming), xlrd (xls, whose format bounds a sheet at
65,536 rows), and for .ods a streaming pass over its ``content.xml`` with the standard
library's expat parser, which refuses entity expansion and never fetches external entities.

python-calamine was measured on the province template (148 sheets): 0.11 s against openpyxl's
3.3 s, but it builds each sheet as a dense grid: one cell at XFD1048576 in an 8 KB xlsx, or at
(65520, 65520) in an xls, makes it ask for 137-550 GB and abort the whole process, which no
``except`` catches. So it is not used.
"""

from __future__ import annotations

import contextlib
import math
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

from ictdesk.core.errors import IctdeskError

MAX_PARTS = 10_000  # files inside an xlsx or ods
MAX_UNPACKED = 200 * 1024 * 1024  # bytes, all parts together (a province template: 2 MB)
MAX_SHEET_XML = 16 * 1024 * 1024  # bytes, one xlsx sheet (a template sheet: 13 KB)
MAX_SHARED_STRINGS = 16 * 1024 * 1024  # bytes, the xlsx shared-string table
MAX_XLS_BYTES = 64 * 1024 * 1024
MAX_SHEETS = 2_000
MAX_ROWS = 5_000  # rows with something in them, per sheet
MAX_COLUMNS = 16  # columns read (a template uses 7)
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[ >/]")  # a cell's formula in xlsx sheet XML
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2, the container of Excel 97-2003 files


class WorkbookUnreadable(IctdeskError):
    """A workbook that is damaged, too large, or not what a spreadsheet program writes."""


def workbook_kind(head: bytes) -> str | None:
    """``xlsx``, ``ods`` or ``xls`` from a file's first bytes, or None."""
    if head.startswith(XLS_MAGIC):
        return "xls"
    if head.startswith(b"PK\x03\x04"):
        return "ods" if head[30:38] == b"mimetype" and ODS_MIME in head[:100] else "xlsx"
    return None


def _refused(name: str, en: str, vi: str) -> WorkbookUnreadable:
    return WorkbookUnreadable(f"{name}: {en}", vi=f"{name}: {vi}")


def _too_large(name: str, what_en: str, what_vi: str) -> WorkbookUnreadable:
    return _refused(
        name,
        f"{what_en}: more than a fill-in template can hold; nothing imported",
        f"{what_vi}: lớn hơn mức một biểu mẫu có thể chứa; chưa nhập gì",
    )


def _damaged(name: str, exc: BaseException, sheet: str | None = None) -> WorkbookUnreadable:
    where_en = f" (sheet '{sheet}')" if sheet else ""
    where_vi = f" (trang tính '{sheet}')" if sheet else ""
    if isinstance(exc, ValueError) and "digits" in str(exc):
        return _refused(
            name,
            f"holds a number of more than 4,300 digits{where_en}: not a value; nothing imported",
            f"có một số dài hơn 4.300 chữ số{where_vi}: không phải số liệu; chưa nhập gì",
        )
    return _refused(
        name,
        f"not a readable workbook{where_en}: the file is damaged, cut short or was not saved"
        " by a spreadsheet program; open it in Excel or LibreOffice and save it again",
        f"không đọc được tệp bảng tính{where_vi}: tệp bị hỏng, bị cắt hoặc không do chương"
        " trình bảng tính lưu; hãy mở bằng Excel hoặc LibreOffice rồi lưu lại",
    )


@contextlib.contextmanager
def reading(name: str, sheet: str | None = None) -> Iterator[None]:
    """Turn what a library raises for a bad file into :class:`WorkbookUnreadable`."""
    try:
        yield
    except IctdeskError:
        raise
    except (Exception, RecursionError) as exc:  # the libraries raise many kinds for a bad file
        raise _damaged(name, exc, sheet) from None


def _check_zip(path: Path, name: str) -> zipfile.ZipFile:
    """The zip of an xlsx or ods, after its sizes were checked (as the zip declares them:
    Python's zipfile never unpacks a part beyond its declared size)."""
    archive = zipfile.ZipFile(path)
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise _too_large(name, f"{len(parts)} parts", f"{len(parts)} thành phần")
    total = sum(p.file_size for p in parts)
    if total > MAX_UNPACKED:
        raise _too_large(name, f"{total // 2**20} MB unpacked", f"{total // 2**20} MB khi giải nén")
    for part in parts:
        limit = (
            MAX_SHARED_STRINGS
            if part.filename.endswith("sharedStrings.xml")
            else MAX_SHEET_XML
            if part.filename.startswith("xl/worksheets/")
            else MAX_UNPACKED
        )
        if part.file_size > limit:
            raise _too_large(
                name,
                f"{part.filename} is {part.file_size // 2**20} MB",
                f"{part.filename} nặng {part.file_size // 2**20} MB",
            )
    return archive


class Workbook:
    """The sheets of one workbook, read row by row (values, as last saved)."""

    def __init__(self, path: Path, name: str):
        self.name = name
        with open(path, "rb") as handle:
            kind = workbook_kind(handle.read(100))
        self.kind = kind
        with reading(name):
            if kind == "xls":
                self._open_xls(path)
            elif kind == "ods":
                self._open_ods(path)
            else:
                self._open_xlsx(path)
        if len(self.sheet_names) > MAX_SHEETS:
            raise _too_large(
                name, f"{len(self.sheet_names)} sheets", f"{len(self.sheet_names)} trang tính"
            )

    # ------------------------------------------------------------------ xlsx
    def _open_xlsx(self, path: Path) -> None:
        from openpyxl import load_workbook

        _check_zip(path, self.name).close()
        self._path = path
        self._values = load_workbook(path, read_only=True, data_only=True)
        self._typed = None  # the cells as typed, opened when a sheet holds a formula
        self.sheet_names = list(self._values.sheetnames)

    # ------------------------------------------------------------------ xls
    def _open_xls(self, path: Path) -> None:
        import xlrd

        if path.stat().st_size > MAX_XLS_BYTES:
            size = path.stat().st_size // 2**20
            raise _too_large(self.name, f"{size} MB", f"{size} MB")
        self._book = xlrd.open_workbook(path, on_demand=True, ragged_rows=True)
        self.sheet_names = self._book.sheet_names()

    # ------------------------------------------------------------------ ods
    def _open_ods(self, path: Path) -> None:
        with _check_zip(path, self.name) as archive, archive.open("content.xml") as content:
            self._tables = _ods_tables(content, self.name)
        self.sheet_names = list(self._tables)

    def rows(self, sheet: str, max_col: int = MAX_COLUMNS) -> Iterator[tuple]:
        """The rows of ``sheet`` from the first, each a tuple of its first ``max_col`` values
        (None where empty); rows beyond :data:`MAX_ROWS` are refused, not read."""
        with reading(self.name, sheet):
            for number, row in enumerate(self._rows(sheet, max_col), start=1):
                if number > MAX_ROWS:
                    raise _too_large(
                        self.name,
                        f"sheet '{sheet}' has more than {MAX_ROWS:,} rows",
                        f"trang tính '{sheet}' có hơn {MAX_ROWS:,} dòng".replace(",", "."),
                    )
                yield tuple(_finite(v) for v in row)

    def _rows(self, sheet: str, max_col: int) -> Iterator[tuple]:
        if self.kind == "xls":
            table = self._book.sheet_by_name(sheet)
            for r in range(table.nrows):
                yield tuple(_xls_value(c) for c in table.row_slice(r, 0, max_col))
            self._book.unload_sheet(sheet)
        elif self.kind == "ods":
            yield from (row[:max_col] for row in self._tables[sheet][0])
        else:
            yield from self._values[sheet].iter_rows(max_col=max_col, values_only=True)

    def formula_rows(self, sheet: str, column: int, last_row: int) -> set[int]:
        """Rows up to ``last_row`` whose cell in ``column`` holds a formula with no saved
        result (a script wrote it; a spreadsheet program always saves the result)."""
        with reading(self.name, sheet):
            if self.kind == "ods":
                cells = self._tables[sheet][1]
                return {r for r, c in cells if c == column and r <= last_row}
            if self.kind == "xls" or not self._has_formulas(sheet):
                return set()
            if self._typed is None:
                from openpyxl import load_workbook

                self._typed = load_workbook(self._path, read_only=True, data_only=False)
            rows = self._typed[sheet].iter_rows(
                min_col=column, max_col=column, max_row=last_row, values_only=True
            )
            return {
                r
                for r, (v,) in enumerate(rows, start=1)
                if isinstance(v, str) and v.startswith("=")
            }

    def _has_formulas(self, sheet: str) -> bool:
        """Whether an xlsx sheet's XML holds a formula element (``<f>``; ``<formula1>`` of a
        data validation is none): most returned templates hold none, and reading the sheet a
        second time as typed was half the time of reading a province's template."""
        part = getattr(self._values[sheet], "_worksheet_path", None)
        archive = getattr(self._values, "_archive", None)
        if part is None or archive is None:
            return True  # openpyxl changed: look at the typed cells, as before
        return _FORMULA.search(archive.read(part)) is not None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            if self.kind == "xlsx":
                self._values.close()
                if self._typed is not None:
                    self._typed.close()
            elif self.kind == "xls":
                self._book.release_resources()


def _finite(value):
    """A cell value, with a number a spreadsheet cannot hold (inf, nan) refused."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


def _xls_value(cell):
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return cell.value


# ---------------------------------------------------------------------- ods
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CELLS = (_TABLE + "table-cell", _TABLE + "covered-table-cell")


def _ods_text(element) -> str:
    """The text of a cell: its paragraphs, one a line, with ODF's spaces and tabs."""
    out: list[str] = []

    def walk(node) -> None:
        if node.text:
            out.append(node.text)
        for child in node:
            if child.tag == _TEXT + "s":
                out.append(" " * int(child.get(_TEXT + "c", "1")))
            elif child.tag == _TEXT + "tab":
                out.append("\t")
            elif child.tag == _TEXT + "line-break":
                out.append("\n")
            else:
                walk(child)
            if child.tail:
                out.append(child.tail)

    paragraphs = []
    for paragraph in element.iter(_TEXT + "p"):
        out.clear()
        walk(paragraph)
        paragraphs.append("".join(out))
    return "\n".join(paragraphs)


def _ods_value(cell):
    kind = cell.get(_OFFICE + "value-type")
    if kind in ("float", "percentage", "currency"):
        value = float(cell.get(_OFFICE + "value"))
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if kind == "boolean":
        return cell.get(_OFFICE + "boolean-value") == "true"
    if kind == "date":
        return cell.get(_OFFICE + "date-value")
    if kind == "time":
        return cell.get(_OFFICE + "time-value")
    if kind == "string":
        return _ods_text(cell)
    return None


def _count(element, attribute: str) -> int:
    return max(1, int(element.get(_TABLE + attribute, "1")))


def _ods_tables(content, name: str) -> dict[str, tuple[list[tuple], set[tuple[int, int]]]]:
    """Each table of an ods ``content.xml``: (its rows, the (row, column) of each formula
    without a saved result), read in one streaming pass, at most :data:`MAX_COLUMNS` columns
    and :data:`MAX_ROWS` rows that hold something (LibreOffice writes a million repeated
    empty rows as one element: they cost nothing). Read elements are dropped as soon as they
    are read, so memory holds one row."""
    tables: dict[str, tuple[list[tuple], set[tuple[int, int]]]] = {}
    rows: list[tuple] = []
    formulas: set[tuple[int, int]] = set()
    row: list = []
    row_number = 0  # rows seen in the current table, empty ones included
    open_elements: list = []
    try:
        for event, element in iterparse(content, events=("start", "end")):
            tag = element.tag
            if event == "start":
                open_elements.append(element)
                if tag == _TABLE + "table":
                    rows, formulas, row_number = [], set(), 0
                    tables[element.get(_TABLE + "name", "")] = (rows, formulas)
                    if len(tables) > MAX_SHEETS:
                        raise _too_large(name, "too many sheets", "quá nhiều trang tính")
                elif tag == _TABLE + "table-row":
                    row = []
                continue
            open_elements.pop()
            if tag in _CELLS:
                value = _ods_value(element)
                repeat = min(_count(element, "number-columns-repeated"), MAX_COLUMNS)
                if len(row) < MAX_COLUMNS:
                    if value is None and element.get(_TABLE + "formula"):
                        formulas.add((row_number + 1, len(row) + 1))
                    row.extend([value] * min(repeat, MAX_COLUMNS - len(row)))
                element.clear()
            elif tag == _TABLE + "table-row":
                repeat = _count(element, "number-rows-repeated")
                if any(v is not None for v in row):
                    if row_number + repeat > MAX_ROWS:
                        raise _too_large(
                            name,
                            f"a sheet has more than {MAX_ROWS:,} rows",
                            f"một trang tính có hơn {MAX_ROWS:,} dòng".replace(",", "."),
                        )
                    while len(rows) < row_number:
                        rows.append(())
                    rows.extend([tuple(row)] * repeat)
                row_number += repeat
                element.clear()
                if open_elements:
                    open_elements[-1].remove(element)  # the table keeps no row read
    except ParseError as exc:
        raise _damaged(name, exc) from None
    return tables
