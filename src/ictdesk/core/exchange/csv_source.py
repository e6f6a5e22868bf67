"""Opening a CSV saved by anyone: UTF-8 with or without BOM, Excel's "Unicode Text" (UTF-16,
tab-separated), ``,`` ``;`` or tab between fields; rows that know the line they start on.

A quote left open swallows the rows after it into one field. :class:`CsvRows` refuses a field
that runs over line ends and holds lines that read as rows of the file (the reader says what a
row looks like), naming the row where the quote opens; a field over the csv module's limit is
told apart the same way: a quote left open, or a comment too long to import.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ictdesk.core.errors import IctdeskError
from ictdesk.core.exchange.conventions import file_convention, texts_convention
from ictdesk.core.numbers import Convention

FIELD_LIMIT = csv.field_size_limit()  # characters: the csv module's default, 131,072
_DELIMITERS = (",", ";", "\t")
RowTest = Callable[[list[str]], bool]  # does a line's cells read as a row of this file?


def not_utf8(name: str) -> IctdeskError:
    return IctdeskError(
        f"{name}: the file is not UTF-8 text (save it as CSV UTF-8)",
        vi=f"{name}: tệp không phải văn bản UTF-8 (hãy lưu dạng CSV UTF-8)",
    )


def sniff_encoding(head: bytes, name: str) -> str:
    """The codec of a text file from its first bytes: ``utf-16`` (Excel's Unicode Text, with
    its BOM), else ``utf-8-sig``; anything else (Windows-1258 from "CSV (Comma delimited)")
    is refused, telling the user how to save it."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason != "unexpected end of data" or exc.start < len(head) - 3:
            raise not_utf8(name) from None  # not a character cut at the end of ``head``
    if b"\x00" in head:
        raise not_utf8(name)
    return "utf-8-sig"


def delimiter_of(first_line: str) -> str:
    """``;`` when Excel set to Vietnamese (or any ``,``-decimal locale) saved the CSV, a tab
    for Unicode Text, else ``,`` (the most frequent of them in the header; ``,`` on a tie)."""
    return max(_DELIMITERS, key=first_line.count)


class CsvRows:
    """The rows of an open CSV after its header; :attr:`start` is the line the row last
    yielded starts on (a quoted field may span lines)."""

    def __init__(
        self, path: Path, handle, delimiter: str, encoding: str, name: str, convention: Convention
    ):
        self.path, self.name, self.encoding, self.delimiter = path, name, encoding, delimiter
        self.convention = convention  # how the file writes its numbers (see ``conventions``)
        self.reader = csv.reader(handle, delimiter=delimiter)
        self.start = 1
        self.looks_like_row: RowTest = lambda cells: False
        self._rows = self._read()

    def header(self) -> list[str]:
        cells = next(self._rows, None)
        while cells and not cells[-1].strip():
            cells.pop()
        return [c.strip() for c in cells or []]

    def __iter__(self) -> Iterator[list[str]]:
        return self._rows  # the rows after the header, when header() was asked first

    def _read(self) -> Iterator[list[str]]:
        """Every row of the file, refused where a quote left open swallows the rows after it
        (looked for only where a row spans lines); :attr:`start` is the yielded row's line."""
        reader = self.reader
        self.start = reader.line_num + 1
        try:
            for cells in reader:
                if reader.line_num > self.start and self._swallows_rows(cells):
                    raise self._quote_left_open()
                yield cells
                self.start = reader.line_num + 1
        except UnicodeDecodeError:
            raise not_utf8(self.name) from None
        except csv.Error as exc:
            raise self._unreadable(exc) from None

    def _splits_into_row(self, line: str) -> bool:
        cells = next(csv.reader([line], delimiter=self.delimiter), [])
        return self.looks_like_row(cells)

    def _swallows_rows(self, cells: list[str]) -> bool:
        """Whether a field of a row spanning lines holds lines that read as rows."""
        for cell in cells:
            if "\n" in cell or "\r" in cell:
                lines = cell.replace("\r\n", "\n").replace("\r", "\n").split("\n")
                if any(self._splits_into_row(line) for line in lines[1:]):
                    return True
        return False

    def _quote_left_open(self) -> IctdeskError:
        row = self.start
        return IctdeskError(
            f'{self.name} row {row}: a quote (") opens here and is not closed at the end of the'
            " row, so the rows after it were read as text of one field; close the quote or"
            " remove it (nothing imported)",
            vi=f'{self.name} dòng {row}: có dấu ngoặc kép (") mở ở dòng này mà không đóng ở'
            " cuối dòng, nên các dòng sau bị đọc thành chữ của một ô; hãy đóng hoặc xóa dấu"
            " ngoặc kép đó (chưa nhập gì)",
        )

    def _unreadable(self, exc: csv.Error) -> IctdeskError:
        row = self.start
        if "field larger than field limit" in str(exc):
            if self._rows_follow_unclosed(row):
                return self._quote_left_open()
            limit_vi = f"{FIELD_LIMIT:,}".replace(",", ".")
            return IctdeskError(
                f"{self.name} row {row}: a field (a comment?) is longer than {FIELD_LIMIT:,}"
                " characters, more than ictdesk reads from CSV; shorten it (nothing imported)",
                vi=f"{self.name} dòng {row}: một ô (ghi chú?) dài hơn {limit_vi} ký tự, quá mức"
                " ictdesk đọc được từ CSV; hãy rút gọn (chưa nhập gì)",
            )
        if "NUL" in str(exc):
            return IctdeskError(
                f"{self.name} row {row}: the file holds NUL characters: not a CSV text file",
                vi=f"{self.name} dòng {row}: tệp chứa ký tự NUL: không phải tệp văn bản CSV",
            )
        return IctdeskError(
            f"{self.name} row {row}: not readable as CSV",
            vi=f"{self.name} dòng {row}: không đọc được dạng CSV",
        )

    def _rows_follow_unclosed(self, row: int) -> bool:
        """Whether the record starting at line ``row`` (too long for the csv module) runs
        over lines that read as rows: its quotes are counted line by line (``""`` counts
        twice, so it never closes a field) until they are even, or the file ends."""
        quotes = 0
        with open(self.path, encoding=self.encoding, newline="", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if number < row:
                    continue
                if number > row and self._splits_into_row(line.rstrip("\r\n")):
                    return True
                quotes += line.count('"')
                if quotes % 2 == 0:
                    return False  # the record ends on this line
        return False


_DOTTED_THOUSANDS = re.compile(r"^\s*[-+]?[0-9]{1,3}(\.[0-9]{3})+\s*$")  # 36.000, 1.250.000


def tab_convention(path: Path, encoding: str, name: str) -> Convention:
    """The number convention of a tab-separated file (Excel's Unicode Text), which writes
    numbers as its locale shows them and quotes none: decided from every cell with a ``,``
    as ``conventions`` does; numbers such as ``36.000`` with nothing else to tell (thousands
    in Vietnamese, decimals in English) are refused rather than guessed."""
    with open(path, encoding=encoding, newline="") as handle:
        cells = [c for row in csv.reader(handle, delimiter="\t") for c in row if "," in c]
    convention = texts_convention(cells, name)
    if convention is Convention.MACHINE:
        with open(path, encoding=encoding, newline="") as handle:
            for row in csv.reader(handle, delimiter="\t"):
                dotted = next((c for c in row if _DOTTED_THOUSANDS.match(c)), None)
                if dotted:
                    raise IctdeskError(
                        f"{name}: numbers such as {dotted!r} read two ways in Unicode Text (36"
                        " thousand in Vietnamese, 36 in English); save the file as CSV UTF-8",
                        vi=f"{name}: số như {dotted!r} đọc được hai cách trong tệp Unicode Text"
                        " (36 nghìn kiểu Việt Nam, 36 kiểu tiếng Anh); hãy lưu dạng CSV UTF-8",
                    )
    return convention


@contextmanager
def csv_rows(path: Path, name: str) -> Iterator[CsvRows]:
    """An open CSV (:class:`CsvRows`), its header not read yet."""
    with open(path, "rb") as raw:
        encoding = sniff_encoding(raw.read(4096), name)
    with open(path, encoding=encoding, newline="") as handle:
        try:
            first = handle.readline()
            delimiter = delimiter_of(first)
            if delimiter == "\t":
                convention = tab_convention(path, encoding, name)
            else:
                convention = file_convention(path, delimiter, name)
        except UnicodeDecodeError:
            raise not_utf8(name) from None
        handle.seek(0)
        yield CsvRows(path, handle, delimiter, encoding, name, convention)


def first_line(path: Path, name: str) -> tuple[str, str]:
    """The first line of a text file and its delimiter, for telling formats apart."""
    with open(path, "rb") as raw:
        head = raw.read(4096)
    encoding = sniff_encoding(head, name)
    text = head.decode(encoding, errors="replace")
    if encoding == "utf-16":
        text = text.lstrip("\ufeff")
    line = text.splitlines()[0] if text.splitlines() else ""
    return line, delimiter_of(line)
