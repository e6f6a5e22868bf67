"""DHIS2 exports: the dataValueSets CSV that DHIS2 2.43+ and 2.42 and earlier both read, and
the JSON dataValueSet, which also carries completeness. Both are written row by row.

Measured with DHIS2's own readers (``../shared/dhis2``): 2.43 matches columns by the exact
names of :data:`DHIS2_HEADER`, ends a row at ``\\r`` or ``\\n`` and a quoted field at the next
``"``, and does not strip a BOM; 2.42 reads by position with javacsv. So the CSV has LF line
ends, no BOM, that header, and text written by :func:`dhis2_text`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import c_encode_basestring, py_encode_basestring
from pathlib import Path

from ictdesk.core.exchange.common import (
    DHIS2_COMMENT_LIMIT,
    DHIS2_HEADER,
    ExportFailed,
    Notice,
    Selection,
    atomic_output,
    dhis2_text,
)
from ictdesk.core.exchange.queries import completion_rows, value_rows
from ictdesk.core.numbers import format_machine
from ictdesk.core.store import ValueStore
from ictdesk.core.units import gso_code

Progress = Callable[[int], None]
DATA_SET_SETTING = "dhis2_data_set"  # the DHIS2 data set code, edited in Settings


def data_set_code(store: ValueStore, given: str | None = None) -> str | None:
    """The DHIS2 data set code of an export: ``given`` (``--data-set``), else the setting."""
    code = (given if given is not None else store.setting(DATA_SET_SETTING)) or ""
    return code.strip() or None


def _cell(text: str) -> str:
    """A field both readers take whole: quoted when it holds ``,`` or starts or ends with a
    space or tab (2.43 trims those); ``text`` holds no ``"`` (see :func:`dhis2_text`)."""
    return f'"{text}"' if "," in text or text != text.strip(" \t") else text


def _code(text: str, column: str) -> str:
    """A unit or indicator code, which DHIS2 must read exactly as stored."""
    if any(c in text for c in '"\r\n'):
        raise ExportFailed(
            f"the code {text!r} ({column}) holds a quote or a line break, which DHIS2 2.43"
            " cannot read in CSV: export the DHIS2 JSON instead",
            vi=f"mã {text!r} ({column}) chứa dấu ngoặc kép hoặc xuống dòng, DHIS2 2.43 không"
            " đọc được trong CSV: hãy xuất dạng DHIS2 JSON",
        )
    return _cell(text)


_LIMIT_VI = f"{DHIS2_COMMENT_LIMIT:,}".replace(",", ".")  # 50.000 in Vietnamese


class _LongComments:
    """Counts comments over DHIS2's limit and says so once, naming the first."""

    def __init__(self) -> None:
        self.count = 0
        self.first = ""

    def see(self, comment: str | None, unit: str, code: str, period: str) -> None:
        if comment and len(comment) > DHIS2_COMMENT_LIMIT:
            self.count += 1
            self.first = self.first or f"{unit} {code} {period}"

    def notice(self, notices: list[Notice] | None) -> None:
        if self.count and notices is not None:
            notices.append(
                Notice(
                    f"{self.count} comments are longer than DHIS2's {DHIS2_COMMENT_LIMIT:,}"
                    f" characters (first: {self.first}); DHIS2 will refuse those values:"
                    " shorten the comments and export again",
                    f"{self.count} ghi chú dài hơn giới hạn {_LIMIT_VI} ký tự của DHIS2 (đầu"
                    f" tiên: {self.first}); DHIS2 sẽ không nhận các giá trị đó: hãy rút gọn ghi"
                    " chú rồi xuất lại",
                )
            )


def export_dhis2(
    store: ValueStore,
    selection: Selection,
    path: Path,
    progress: Progress | None = None,
    *,
    data_set: str | None = None,
    notices: list[Notice] | None = None,
) -> int:
    """DHIS2 dataValueSets CSV with codes as identifiers (import with idScheme=code)."""
    count = 0
    long_comments = _LongComments()
    # a province's file repeats 29 indicators, 148 units and a few names over 721k rows:
    # each is written out once (a third of the export's time went to writing them again)
    indicators: dict[str, str] = {}
    units: dict[str, str] = {}
    names: dict[str | None, str] = {}
    with atomic_output(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(",".join(DHIS2_HEADER) + "\n")
        for unit, _, code, _, period, value, comment, who, when, followup in value_rows(
            store, selection
        ):
            if value is None:
                continue  # DHIS2 data values need a value; a bare comment has no place there
            long_comments.see(comment, unit, code, period)
            if code not in indicators:
                indicators[code] = _code(code, "dataElement")
            if unit not in units:
                units[unit] = _code(gso_code(unit), "orgUnit")  # an old unit: its GSO code
            if who not in names:
                names[who] = _cell(dhis2_text(who))
            line = (
                indicators[code],
                period,
                units[unit],
                "",
                "",
                format_machine(value),
                names[who],
                when or "",
                _cell(dhis2_text(comment)),
                "true" if followup else "false",
            )
            stream.write(",".join(line) + "\n")
            count += 1
            if progress and count % 50000 == 0:
                progress(count)
    long_comments.notice(notices)
    if notices is not None and next(iter(completion_rows(store, selection)), None):
        notices.append(
            Notice(
                "the CSV does not carry which units are marked complete: export the DHIS2 JSON"
                " with a data set code (Edit › Settings) for that",
                "tệp CSV không mang trạng thái hoàn thành của các đơn vị: hãy xuất dạng DHIS2"
                " JSON có mã bộ dữ liệu (Sửa › Thiết lập) để mang theo",
            )
        )
    return count


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


# The encoder json.dumps itself uses for a string (ensure_ascii=False): C, or Python's own.
quoted = c_encode_basestring or py_encode_basestring


def export_dhis2_json(
    store: ValueStore,
    selection: Selection,
    path: Path,
    progress: Progress | None = None,
    *,
    data_set: str | None = None,
    notices: list[Notice] | None = None,
) -> int:
    """A DHIS2 dataValueSet in JSON, ``idScheme`` code carried in the file, written value by
    value (a national file never sits in memory). With a data set code (``data_set`` or the
    setting), the file names it and lists the unit-periods marked complete as
    ``completeDataSetRegistrations``; returns the number of data values written."""
    data_set = data_set_code(store, data_set)
    count = 0
    long_comments = _LongComments()
    with atomic_output(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write("{\n")
        if data_set:
            stream.write(f'"dataSet": {_json(data_set)},\n')
        stream.write('"idScheme": "code",\n"dataValues": [')
        for unit, _, code, _, period, value, comment, who, when, followup in value_rows(
            store, selection
        ):
            if value is None:
                continue
            long_comments.see(comment, unit, code, period)
            # One line per value, its strings escaped by json's own encoder (a dict through
            # json.dumps per value took three times as long). DHIS2 reads values as strings;
            # 2.43 reads followUp, 2.42 and earlier read followup: both are written.
            flag = "true" if followup else "false"
            stream.write(
                f'{"," if count else ""}\n{{"dataElement": {quoted(code)},'
                f' "period": {quoted(period)}, "orgUnit": {quoted(gso_code(unit))},'
                f' "value": "{format_machine(value)}"'
                + (f', "storedBy": {quoted(who)}' if who else "")
                + (f', "lastUpdated": {quoted(when)}' if when else "")
                + (f', "comment": {quoted(comment)}' if comment else "")
                + f', "followUp": {flag}, "followup": {flag}}}'
            )
            count += 1
            if progress and count % 50000 == 0:
                progress(count)
        stream.write("\n]")
        completed = 0
        if data_set:
            stream.write(',\n"completeDataSetRegistrations": [')
            for unit, period, when, who in completion_rows(store, selection):
                item = {
                    "dataSet": data_set,
                    "period": period,
                    "organisationUnit": unit,
                    "completed": True,
                    "date": when,
                    "storedBy": who,
                }
                stream.write(("\n" if not completed else ",\n") + _json(item))
                completed += 1
            stream.write("\n]")
        stream.write("\n}\n")
    long_comments.notice(notices)
    if not data_set and notices is not None and next(iter(completion_rows(store, selection)), None):
        notices.append(
            Notice(
                "no DHIS2 data set code is set, so the file does not say which units are"
                " marked complete: set it in Edit › Settings (or give --data-set) to include them",
                "chưa đặt mã bộ dữ liệu DHIS2 nên tệp không mang trạng thái hoàn thành: hãy đặt"
                " mã trong Sửa › Thiết lập (hoặc dùng --data-set) để mang theo",
            )
        )
    return count
