"""Readers of the files an import takes: long, wide and DHIS2 CSV and the fill-in template.

Each yields one tuple per value read (see :data:`Read`) and records what it cannot read as a
:class:`Problem`; the checks against the database come after (see ``importer``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ictdesk.core.errors import IctdeskError, InvalidNumber
from ictdesk.core.exchange.common import (
    DHIS2_HEADER,
    LONG_HEADER,
    WIDE_PERIOD,
    WIDE_UNIT_CODE,
    WIDE_UNIT_NAME,
)
from ictdesk.core.exchange.conventions import file_convention
from ictdesk.core.exchange.import_report import Problem, not_a_number
from ictdesk.core.exchange.mojibake import refuse_garbled
from ictdesk.core.numbers import Convention, ValueType, read_unambiguous
from ictdesk.core.store import ValueStore

_CODE_IN_HEADER = re.compile(r"\[([A-Za-z0-9_]+)\]\s*$")
_WIDE_FIRST = {WIDE_UNIT_CODE.lower(), "unit_code", "ma don vi", "mã đv"}
_WIDE_PERIOD = {WIDE_PERIOD.lower(), "period", "ky bao cao"}


def cell_number(raw: str, value_type: ValueType, convention: Convention) -> int | float | None:
    """A value cell read in its file's ``convention`` (see :func:`read_unambiguous`); raises
    :class:`InvalidNumber`. Plain digits, most of a machine file, skip the reader."""
    if raw.isdigit() and raw.isascii():
        return int(raw)
    return read_unambiguous(raw, value_type, convention)


def _value_types(store: ValueStore) -> dict[str, ValueType]:
    return {indicator.code: indicator.value_type for indicator in store.catalogue}


def _text(text: str, file: str, line: int, column: str) -> str:
    """A text cell, refused (the whole file) if a wrong encoding garbled it."""
    if not text.isascii():
        refuse_garbled(file, f"row {line}", f"dòng {line}", column, text)
    return text


# --------------------------------------------------------------------- readers
# Every reader yields one tuple per value read, in the order the checker takes them:
# (file, place, label, unit, indicator, period, value, comment, stored_by, updated_at,
#  followup, owner). ``place`` is a CSV line number or a cell such as "'Sheet'!F9",
# ``label`` the column the value was in, ``owner`` the unit a template sheet was made for.
Read = tuple
VALUE_LABEL = "value"  # the column of every value in long and DHIS2 CSV
# The column a problem with a value's unit, indicator, period or time stamp is in, per format
# (in a wide sheet the indicator is the value's own column; a template names its cells).
COLUMN_OF = {
    "long": {
        "unit": "unit_code",
        "indicator": "indicator_code",
        "period": "period",
        "stamp": "updated_at",
    },
    "dhis2": {
        "unit": "orgunit",
        "indicator": "dataelement",
        "period": "period",
        "stamp": "lastupdated",
    },
    "wide": {"unit": WIDE_UNIT_CODE, "period": WIDE_PERIOD},
}


def detect_format(path: Path) -> str:
    """``long``, ``wide``, ``dhis2`` or ``template``, from the file's content."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04"):
        return "template"
    text = head.decode("utf-8-sig", errors="replace")
    first = text.splitlines()[0] if text.splitlines() else ""
    cells = [c.strip().strip('"').lower() for c in first.split(_delimiter(first))]
    while cells and not cells[-1]:
        cells.pop()
    if tuple(cells) == LONG_HEADER:
        return "long"
    if tuple(cells) == DHIS2_HEADER:
        return "dhis2"
    if cells and cells[0] in _WIDE_FIRST and len(cells) > 3 and cells[2] in _WIDE_PERIOD:
        return "wide"
    raise IctdeskError(
        f"{path.name}: not a file ictdesk can import (long, wide or DHIS2 CSV, or a template)",
        vi=f"{path.name}: không phải tệp ictdesk nhập được (CSV dạng dài, dạng bảng, DHIS2"
        " hoặc biểu mẫu Excel)",
    )


def _delimiter(first_line: str) -> str:
    """``;`` when a CSV was saved by an Excel set to Vietnamese (or any ``,``-decimal locale)."""
    return ";" if first_line.count(";") > first_line.count(",") else ","


@contextmanager
def _csv_file(path: Path, name: str) -> Iterator[tuple[list[str], Iterator[list[str]], Convention]]:
    """The header, a streaming reader and the number convention (see :mod:`conventions`) of
    a CSV saved by anyone: BOM or not, ``,`` or ``;``.

    Whole empty rows come out as empty lists; trailing empty cells are left to the caller.
    """
    not_utf8 = IctdeskError(
        f"{path.name}: the file is not UTF-8 text (save it as CSV UTF-8)",
        vi=f"{path.name}: tệp không phải văn bản UTF-8 (hãy lưu dạng CSV UTF-8)",
    )
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = None
        try:
            first = handle.readline()
            handle.seek(0)
            delimiter = _delimiter(first)
            convention = file_convention(path, delimiter, name)
            reader = csv.reader(handle, delimiter=delimiter)
            header = [c.strip() for c in _without_trailing_empties(next(reader, []))]
            yield header, reader, convention
        except UnicodeDecodeError:
            raise not_utf8 from None
        except csv.Error as exc:  # e.g. a quote left open swallows the rest of the file
            line = reader.line_num if reader is not None else 1
            raise IctdeskError(
                f"{path.name} row {line}: not readable as CSV ({exc}); is a quote left open?",
                vi=f"{path.name} dòng {line}: không đọc được dạng CSV; có dấu ngoặc kép chưa đóng?",
            ) from None


def _without_trailing_empties(cells: list[str]) -> list[str]:
    while cells and not cells[-1].strip():
        cells.pop()  # trailing empty columns (and whole empty rows)
    return cells


def read_long(path: Path, problems: list[Problem], store: ValueStore, name: str) -> Iterator[Read]:
    width = len(LONG_HEADER)
    types = _value_types(store)
    with _csv_file(path, name) as (_, reader, convention):
        for cells in reader:
            if len(cells) != width or not cells[0]:  # odd rows: empty ones are skipped
                cells = _without_trailing_empties(cells)
                if not cells:
                    continue
                if len(cells) < 6 or len(cells) > width:
                    problems.append(
                        Problem(
                            name,
                            f"row {reader.line_num}",
                            "",
                            f"expected {width} columns",
                            reason_vi=f"cần {width} cột",
                        )
                    )
                    continue
                cells += [""] * (width - len(cells))
            unit, unit_name, code, indicator_name, period, raw, comment, who, when = cells
            line = reader.line_num
            for column, text in (
                ("unit_name", unit_name),
                ("indicator_name", indicator_name),
                ("comment", comment),
                ("stored_by", who),
            ):
                if text:
                    _text(text, name, line, column)
            try:
                value = cell_number(raw, types.get(code, ValueType.DECIMAL), convention)
            except InvalidNumber as exc:
                problems.append(not_a_number(name, f"row {line}", "value", raw, exc, convention))
                continue
            yield (
                name,
                line,
                VALUE_LABEL,
                unit.strip(),
                code.strip(),
                period.strip(),
                value,
                comment or None,
                who or None,
                when or None,
                None,
                None,
            )


def read_dhis2(path: Path, problems: list[Problem], store: ValueStore, name: str) -> Iterator[Read]:
    width = len(DHIS2_HEADER)
    types = _value_types(store)
    with _csv_file(path, name) as (_, reader, convention):
        for cells in reader:
            if not _without_trailing_empties(cells):
                continue
            line = reader.line_num
            cells += [""] * (width - len(cells))
            element, period, orgunit, _, _, raw, who, when, comment, followup = cells[:width]
            for column, text in (("storedby", who), ("comment", comment)):
                if text:
                    _text(text, name, line, column)
            try:
                value = cell_number(raw, types.get(element.strip(), ValueType.DECIMAL), convention)
                if value is None:
                    raise InvalidNumber("empty: DHIS2 rows carry a value", vi="ô trống")
            except InvalidNumber as exc:
                problems.append(not_a_number(name, f"row {line}", "value", raw, exc, convention))
                continue
            flag = followup.strip().lower()
            if flag not in ("", "true", "false"):
                problems.append(
                    Problem(
                        name,
                        f"row {line}",
                        "followup",
                        "true or false expected",
                        reason_vi="cần true hoặc false",
                    )
                )
                continue
            yield (
                name,
                line,
                VALUE_LABEL,
                orgunit.strip(),
                element.strip(),
                period.strip(),
                value,
                comment or None,
                who or None,
                when or None,
                None if not flag else flag == "true",
                None,
            )


def read_wide(path: Path, problems: list[Problem], store: ValueStore, name: str) -> Iterator[Read]:
    catalogue = store.catalogue
    with _csv_file(path, name) as (header, reader, convention):
        columns: list[tuple[int, str]] = []
        rates: list[tuple[int, str]] = []
        for index, title in enumerate(header[3:], start=3):
            match = _CODE_IN_HEADER.search(title)
            code = match.group(1) if match else title.strip()
            if code not in catalogue:
                problems.append(
                    Problem(
                        name,
                        "header",
                        title,
                        "unknown indicator column",
                        reason_vi="cột chỉ tiêu không có trong danh mục",
                    )
                )
                continue
            if catalogue[code].is_derived:  # rates are recomputed, never imported
                rates.append((index, code))
            else:
                columns.append((index, code))
        # A rate whose parts are in the file (as in ictdesk's own wide CSV) is recomputed from
        # them; one without is a value that will be missing: said once per column, if filled.
        given = {code for _, code in columns}
        unmade = [
            index
            for index, code in rates
            if not {catalogue[code].formula.numerator, catalogue[code].formula.denominator} <= given
        ]
        for cells in reader:
            if not _without_trailing_empties(cells):
                continue
            line = reader.line_num
            unit = cells[0].strip().lstrip("'")
            if len(cells) > 1 and cells[1]:
                _text(cells[1], name, line, header[1] if len(header) > 1 else WIDE_UNIT_NAME)
            period = cells[2].strip() if len(cells) > 2 else ""
            for index in [i for i in unmade if i < len(cells) and cells[i].strip()]:
                unmade.remove(index)  # said once per column
                problems.append(
                    Problem(
                        name,
                        "header",
                        header[index],
                        "a rate computed from other indicators, whose columns are not in this"
                        " file: this column is not imported",
                        blocking=False,
                        reason_vi="tỷ lệ tính từ các chỉ tiêu khác, không có cột trong tệp này:"
                        " cột này không được nhập",
                    )
                )
            for index, code in columns:
                raw = cells[index].strip() if index < len(cells) else ""
                if not raw:
                    continue
                try:
                    value = cell_number(raw, catalogue[code].value_type, convention)
                except InvalidNumber as exc:
                    problems.append(
                        not_a_number(name, f"row {line}", header[index], raw, exc, convention)
                    )
                    continue
                yield (
                    name,
                    line,
                    header[index],
                    unit,
                    code,
                    period,
                    value,
                    None,
                    None,
                    None,
                    None,
                    None,
                )
