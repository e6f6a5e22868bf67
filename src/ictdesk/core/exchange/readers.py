"""Readers of the long and wide CSV an import takes, the guess of a file's format, and what
every reader shares (DHIS2 files are read in ``dhis2_readers``, templates in
``template_reader``).

Each yields one tuple per value read (see :data:`Read`) and records what it cannot read as a
:class:`Problem`; the checks against the database come after (see ``importer``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ictdesk.core.errors import IctdeskError, InvalidNumber, InvalidPeriod
from ictdesk.core.exchange.common import (
    LONG_HEADER,
    LONG_HEADER_BEFORE_FLAGS,
    WIDE_PERIOD,
    WIDE_UNIT_CODE,
    WIDE_UNIT_NAME,
    unescape_long_text,
)
from ictdesk.core.exchange.csv_source import csv_rows, first_line
from ictdesk.core.exchange.import_report import Problem, not_a_number
from ictdesk.core.exchange.mojibake import refuse_garbled
from ictdesk.core.exchange.workbooks import workbook_kind
from ictdesk.core.numbers import Convention, ValueType, read_unambiguous
from ictdesk.core.periods import canonical_period
from ictdesk.core.store import ValueStore

_CODE_IN_HEADER = re.compile(r"\[([A-Za-z0-9_]+)\]\s*$")
_WIDE_FIRST = {WIDE_UNIT_CODE.lower(), "unit_code", "ma don vi", "mã đv"}
_WIDE_PERIOD = {WIDE_PERIOD.lower(), "period", "ky bao cao"}
LONGEST_NUMBER = 30  # digits a plain count may have (numbers.MAX_DIGITS)


def cell_number(raw: str, value_type: ValueType, convention: Convention) -> int | float | None:
    """A value cell read in its file's ``convention`` (see :func:`read_unambiguous`); raises
    :class:`InvalidNumber`. Plain digits, most of a machine file, skip the reader (up to
    :data:`LONGEST_NUMBER` of them: ``int()`` raises for 4,300)."""
    if raw.isdigit() and raw.isascii() and len(raw) <= LONGEST_NUMBER:
        return int(raw)
    return read_unambiguous(raw, value_type, convention)


def value_types(store: ValueStore) -> dict[str, ValueType]:
    return {indicator.code: indicator.value_type for indicator in store.catalogue}


def checked_text(text: str, file: str, line: int | str, column: str) -> str:
    """A text cell, refused (the whole file) if a wrong encoding garbled it."""
    if not text.isascii():
        where = f"row {line}" if isinstance(line, int) else line
        where_vi = f"dòng {line}" if isinstance(line, int) else line
        refuse_garbled(file, where, where_vi, column, text)
    return text


def is_period(text: str) -> bool:
    """Whether ``text`` reads as a period (what tells a row of a file from other text)."""
    try:
        canonical_period(text)
    except (InvalidPeriod, ValueError):
        return False
    return True


# --------------------------------------------------------------------- readers
# Every reader yields one tuple per value read, in the order the checker takes them:
# (file, place, label, unit, indicator, period, value, comment, stored_by, updated_at,
#  followup, owner, complete). ``place`` is a CSV line number or a cell such as "'Sheet'!F9",
# ``label`` the column the value was in, ``owner`` the unit a template sheet was made for,
# ``complete`` None or the (completed_at, completed_by) of the unit-period. A row with no
# indicator (None) only marks its unit-period complete. ``value`` None with ``comment`` ""
# removes a stored value (a DHIS2 deletion).
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
        "completed": "completed_at",
    },
    "dhis2": {
        "unit": "orgUnit",
        "indicator": "dataElement",
        "period": "period",
        "stamp": "lastUpdated",
    },
    "dhis2-json": {
        "unit": "orgUnit",
        "indicator": "dataElement",
        "period": "period",
        "stamp": "lastUpdated",
        "completed": "date",
    },
    "wide": {"unit": WIDE_UNIT_CODE, "period": WIDE_PERIOD},
}


def detect_format(path: Path) -> str:
    """``long``, ``wide``, ``dhis2``, ``dhis2-json`` or ``template``, from the content."""
    from ictdesk.core.exchange.dhis2_readers import is_dhis2_header

    with open(path, "rb") as handle:
        head = handle.read(4096)
    if workbook_kind(head):
        return "template"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "dhis2-json"
    first, delimiter = first_line(path, path.name)
    cells = [c.strip().strip('"').lower() for c in first.split(delimiter)]
    while cells and not cells[-1]:
        cells.pop()
    if tuple(cells) in (LONG_HEADER, LONG_HEADER_BEFORE_FLAGS):
        return "long"
    if is_dhis2_header(cells):
        return "dhis2"
    if cells and cells[0] in _WIDE_FIRST and len(cells) > 3 and cells[2] in _WIDE_PERIOD:
        return "wide"
    raise IctdeskError(
        f"{path.name}: not a file ictdesk can import (long, wide or DHIS2 CSV, DHIS2 JSON, or"
        " a template)",
        vi=f"{path.name}: không phải tệp ictdesk nhập được (CSV dạng dài, dạng bảng, DHIS2,"
        " DHIS2 JSON hoặc biểu mẫu Excel)",
    )


def without_trailing_empties(cells: list[str]) -> list[str]:
    while cells and not cells[-1].strip():
        cells.pop()  # trailing empty columns (and whole empty rows)
    return cells


def _flag(text: str) -> bool | None:
    """``true``/``false`` (any case) or empty (None: not given); raises ValueError."""
    flag = text.strip().lower()
    if flag in ("", "null"):
        return None
    if flag not in ("true", "false"):
        raise ValueError(flag)
    return flag == "true"


def true_or_false(name: str, row: int | str, column: str) -> Problem:
    return Problem(
        name, f"row {row}", column, "true or false expected", reason_vi="cần true hoặc false"
    )


def _check_long_texts(
    name: str, line: int, checked: set[str], unit_name, indicator_name, comment, who
) -> None:
    """The text cells of a long CSV row, refused if garbled; the names (all but the comment)
    are remembered in ``checked``, so a name repeated on every row is looked at once."""
    for column, given in (
        ("unit_name", unit_name),
        ("indicator_name", indicator_name),
        ("comment", comment),
        ("stored_by", who),
    ):
        if given and given not in checked:
            checked_text(given, name, line, column)
            if column != "comment":
                checked.add(given)


def read_long(path: Path, problems: list[Problem], store: ValueStore, name: str) -> Iterator[Read]:
    types = value_types(store)
    with csv_rows(path, name) as reader:
        convention = reader.convention
        header = [c.lower() for c in reader.header()]
        flags = tuple(header) == LONG_HEADER  # a file that carries flags and completion
        width = len(LONG_HEADER) if flags else len(LONG_HEADER_BEFORE_FLAGS)
        text = unescape_long_text if flags else (lambda t: t)
        reader.looks_like_row = lambda cells: len(cells) >= 6 and is_period(cells[4])
        checked_names: set[str] = {""}  # an empty cell is nothing to check
        for cells in reader:
            line = reader.start
            if len(cells) != width or not cells[0]:  # odd rows: empty ones are skipped
                if len(cells) > width:
                    cells = without_trailing_empties(cells)  # a spreadsheet's empty columns
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) < 6 or len(cells) > width:
                    problems.append(
                        Problem(
                            name,
                            f"row {line}",
                            "",
                            f"expected {width} columns",
                            reason_vi=f"cần {width} cột",
                        )
                    )
                    continue
                cells += [""] * (width - len(cells))
            unit, unit_name, code, indicator_name, period, raw, comment, who, when = cells[:9]
            # names repeat on every row of a unit or an indicator: each checked once
            if comment or not (
                unit_name in checked_names
                and indicator_name in checked_names
                and who in checked_names
            ):
                _check_long_texts(
                    name, line, checked_names, unit_name, indicator_name, comment, who
                )
            try:
                value = cell_number(raw, types.get(code, ValueType.DECIMAL), convention)
            except InvalidNumber as exc:
                problems.append(not_a_number(name, f"row {line}", "value", raw, exc, convention))
                continue
            followup = complete = None
            if flags:
                try:
                    followup = False if cells[9] == "false" else _flag(cells[9])
                except ValueError:
                    problems.append(true_or_false(name, line, "followup"))
                    continue
                if cells[10] and cells[10].strip():
                    complete = (cells[10].strip(), text(cells[11]) or None)
            yield (
                name,
                line,
                VALUE_LABEL,
                unit.strip(),
                code.strip(),
                period.strip(),
                value,
                text(comment) or None if comment else None,
                text(who) or None if who else None,
                when or None,
                followup,
                None,
                complete,
            )


def read_wide(path: Path, problems: list[Problem], store: ValueStore, name: str) -> Iterator[Read]:
    catalogue = store.catalogue
    with csv_rows(path, name) as reader:
        convention = reader.convention
        header = reader.header()
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
        reader.looks_like_row = lambda cells: len(cells) > 3 and is_period(cells[2])
        for cells in reader:
            if not without_trailing_empties(cells):
                continue
            line = reader.start
            unit = cells[0].strip().lstrip("'")
            if len(cells) > 1 and cells[1]:
                checked_text(cells[1], name, line, header[1] if len(header) > 1 else WIDE_UNIT_NAME)
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
                    None,
                )
