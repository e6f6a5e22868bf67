"""Readers of what DHIS2 writes: its dataValueSets CSV (any version since 2.21: columns by
name, any case, any order) and its JSON dataValueSet, read value by value.

ictdesk keeps one total per indicator, unit and period. A value DHIS2 splits by category
option combo, or reports for another attribute option combo than the default, is therefore
refused, as is a row DHIS2 marks deleted unless the import is asked to apply deletions (then
the stored value is removed).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ictdesk.core.errors import IctdeskError, InvalidNumber
from ictdesk.core.exchange.csv_source import csv_rows, not_utf8, sniff_encoding
from ictdesk.core.exchange.import_report import Problem, not_a_number
from ictdesk.core.exchange.json_stream import JsonStream
from ictdesk.core.exchange.readers import (
    VALUE_LABEL,
    Read,
    _flag,
    cell_number,
    checked_text,
    is_period,
    true_or_false,
    value_types,
    without_trailing_empties,
)
from ictdesk.core.numbers import Convention, ValueType
from ictdesk.core.store import ValueStore

# Header names DHIS2 has written or read over the years, lower-cased, and what they hold.
_COLUMNS = {
    "dataelement": "element",
    "de": "element",
    "period": "period",
    "pe": "period",
    "orgunit": "unit",
    "ou": "unit",
    "categoryoptioncombo": "coc",
    "catoptcombo": "coc",
    "coc": "coc",
    "attributeoptioncombo": "aoc",
    "attroptcombo": "aoc",
    "aoc": "aoc",
    "value": "value",
    "storedby": "who",
    "strby": "who",
    "lastupdated": "when",
    "lstupd": "when",
    "timestamp": "when",
    "comment": "comment",
    "cmt": "comment",
    "followup": "followup",
    "flwup": "followup",
    "deleted": "deleted",
    "created": "created",
}
_REQUIRED = ("element", "period", "unit")
DEFAULT_COMBO_UID = "HllvX50cXC0"  # DHIS2's default category option combo


def is_dhis2_header(cells: list[str]) -> bool:
    """Whether a header (lower-cased cells) is a DHIS2 dataValueSets one."""
    fields = {_COLUMNS.get(c.strip().lower()) for c in cells}
    return set(_REQUIRED) <= fields


def is_default_combo(text: str | None) -> bool:
    """The default category (or attribute) option combo: empty, ``default`` or its UID."""
    text = (text or "").strip()
    return text in ("", "null", DEFAULT_COMBO_UID) or text.lower() == "default"


def _combo_problem(name: str, place: str, column: str, combo: str) -> Problem:
    return Problem(
        name,
        place,
        column,
        f"{combo!r} is not the default category option combo: ictdesk keeps one total per"
        " indicator, not DHIS2's disaggregations; export the totals from DHIS2",
        reason_vi=f"{combo!r} không phải nhóm phân tổ mặc định: ictdesk chỉ lưu một số tổng cho"
        " mỗi chỉ tiêu, không lưu các phân tổ của DHIS2; hãy xuất số tổng từ DHIS2",
    )


def _deleted_problem(name: str, place: str) -> Problem:
    return Problem(
        name,
        place,
        "deleted",
        "deleted in DHIS2 (deleted=true), not a value to store: import with --apply-deletions"
        " (or tick 'Apply deletions') to remove the stored value, or remove the row",
        reason_vi="đã bị xóa trong DHIS2 (deleted=true), không phải số liệu để lưu: hãy nhập"
        " với tùy chọn 'Áp dụng các giá trị đã xóa' (--apply-deletions) để xóa giá trị đang"
        " lưu, hoặc bỏ dòng này",
    )


def _value_row(
    name: str,
    place: int | str,
    fields: dict,
    problems: list[Problem],
    apply_deletions: bool,
    convention: Convention,
    types: dict[str, ValueType],
    titles: dict[str, str] | None = None,
) -> Read | None:
    """One DHIS2 data value as a row for the checker, or None (a problem was recorded).
    ``titles``: the file's own name of each column (default: DHIS2's JSON names)."""
    where = f"row {place}" if isinstance(place, int) else place
    titles = titles or {}
    for key, column in (("who", "storedBy"), ("comment", "comment")):
        if fields.get(key):
            checked_text(fields[key], name, place, titles.get(key, column))
    for key, column in (("coc", "categoryOptionCombo"), ("aoc", "attributeOptionCombo")):
        if not is_default_combo(fields.get(key)):
            problems.append(_combo_problem(name, where, column, fields[key]))
            return None
    try:
        deleted = _flag(fields.get("deleted") or "")
    except ValueError:
        problems.append(true_or_false(name, place, "deleted"))
        return None
    try:
        followup = _flag(fields.get("followup") or "")
    except ValueError:
        problems.append(true_or_false(name, place, "followUp"))
        return None
    if deleted:
        if not apply_deletions:
            problems.append(_deleted_problem(name, where))
            return None
        value, comment = None, ""  # staged as "no value, no comment": the value is removed
    else:
        raw = fields.get("value") or ""
        element = (fields.get("element") or "").strip()
        try:
            value = cell_number(raw, types.get(element, ValueType.DECIMAL), convention)
            if value is None:
                raise InvalidNumber("empty: DHIS2 rows carry a value", vi="ô trống")
        except InvalidNumber as exc:
            problems.append(not_a_number(name, where, "value", raw, exc, convention))
            return None
        comment = fields.get("comment") or None
    return (
        name,
        place,
        VALUE_LABEL,
        (fields.get("unit") or "").strip(),
        (fields.get("element") or "").strip(),
        (fields.get("period") or "").strip(),
        value,
        comment,
        fields.get("who") or None,
        (fields.get("when") or "").strip() or None,
        followup,
        None,
        None,
    )


def read_dhis2(
    path: Path,
    problems: list[Problem],
    store: ValueStore,
    name: str,
    apply_deletions: bool = False,
) -> Iterator[Read]:
    """A dataValueSets CSV as DHIS2 writes it, or as ictdesk wrote it for DHIS2."""
    types = value_types(store)
    with csv_rows(path, name) as reader:
        header = reader.header()
        columns = [_COLUMNS.get(title.lower()) for title in header]
        unknown = [t for t, c in zip(header, columns, strict=True) if c is None and t]
        if unknown:
            problems.append(
                Problem(
                    name,
                    "header",
                    ", ".join(unknown),
                    "not a DHIS2 data value column (DHIS2 2.43 would read it as a category"
                    " option); remove it",
                    reason_vi="không phải cột giá trị dữ liệu DHIS2 (DHIS2 2.43 sẽ đọc là một"
                    " phương án phân tổ); hãy bỏ cột này",
                )
            )
            return
        titles = {c: t for t, c in zip(header, columns, strict=True) if c}
        period_at = columns.index("period")
        reader.looks_like_row = lambda cells: len(cells) > period_at and is_period(cells[period_at])
        for cells in reader:
            if not without_trailing_empties(cells):
                continue
            fields = {c: v for c, v in zip(columns, cells, strict=False) if c}
            row = _value_row(
                name,
                reader.start,
                fields,
                problems,
                apply_deletions,
                reader.convention,
                types,
                titles,
            )
            if row is not None:
                yield row


# --------------------------------------------------------------------- JSON
_JSON_FIELDS = {
    "dataelement": "element",
    "period": "period",
    "orgunit": "unit",
    "categoryoptioncombo": "coc",
    "attributeoptioncombo": "aoc",
    "value": "value",
    "storedby": "who",
    "lastupdated": "when",
    "comment": "comment",
    "followup": "followup",
    "deleted": "deleted",
}
_SCHEMES = ("idscheme", "orgunitidscheme", "dataelementidscheme")
_NOT_VALUE = "không phải một giá trị dữ liệu"
MACHINE = Convention.MACHINE  # JSON holds numbers as machines write them


def _text(value) -> str | None:
    """A JSON member as the text a CSV cell would hold (DHIS2 writes values as strings)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    return value if isinstance(value, str) else None


def _fields(item: dict, common: dict[str, str]) -> dict[str, str | None]:
    fields = dict(common)
    for key, value in item.items():
        field = _JSON_FIELDS.get(str(key).lower())
        if field:
            fields[field] = _text(value)
    return fields


def _not_json(name: str, detail: str = "") -> IctdeskError:
    return IctdeskError(
        f"{name}: not a readable DHIS2 JSON file{detail}",
        vi=f"{name}: không đọc được tệp DHIS2 JSON{detail}",
    )


def read_dhis2_json(
    path: Path,
    problems: list[Problem],
    store: ValueStore,
    name: str,
    apply_deletions: bool = False,
) -> Iterator[Read]:
    """A DHIS2 dataValueSet in JSON (as DHIS2 exports it, or ictdesk wrote it), value by
    value; ``completeDataSetRegistrations`` and a set's ``completeDate`` mark unit-periods
    complete (a registration saying ``completed: false`` reopens nothing)."""
    with open(path, "rb") as raw:
        encoding = sniff_encoding(raw.read(4096), name)
    common: dict[str, str | None] = {}
    complete_date = None
    types = value_types(store)
    try:
        with open(path, encoding=encoding) as handle:
            stream = JsonStream(handle, {"dataValues", "completeDataSetRegistrations"})
            for key, value in stream.members():
                lower = key.lower()
                if lower in _SCHEMES and str(value).lower() != "code":
                    raise IctdeskError(
                        f"{name}: the file names units and indicators by DHIS2 {value}, not by"
                        " code: export it from DHIS2 with idScheme=code",
                        vi=f"{name}: tệp ghi đơn vị và chỉ tiêu theo {value} của DHIS2, không"
                        " theo mã: hãy xuất từ DHIS2 với idScheme=code",
                    )
                if lower in ("orgunit", "period", "attributeoptioncombo"):
                    common[_JSON_FIELDS[lower]] = _text(value)
                elif lower == "completedate" and value:
                    complete_date = _text(value)  # its unit and period may come after it
                elif key == "dataValues":
                    for index, item in enumerate(value):
                        place = f"dataValues[{index}]"
                        if not isinstance(item, dict):
                            problems.append(
                                Problem(name, place, "", "not a data value", True, _NOT_VALUE)
                            )
                            continue
                        fields = _fields(item, common)
                        row = _value_row(
                            name, place, fields, problems, apply_deletions, MACHINE, types
                        )
                        if row is not None:
                            yield row
                elif key == "completeDataSetRegistrations":
                    for index, item in enumerate(value):
                        if not isinstance(item, dict) or item.get("completed") is False:
                            continue
                        unit = item.get("organisationUnit", item.get("orgUnit"))
                        fields = {"unit": _text(unit), "period": _text(item.get("period"))}
                        yield _completion(
                            name,
                            f"completeDataSetRegistrations[{index}]",
                            fields,
                            _text(item.get("date")),
                            _text(item.get("storedBy")),
                        )
            if complete_date:
                yield _completion(name, "completeDate", common, complete_date, None)
    except UnicodeDecodeError:
        raise not_utf8(name) from None
    except (ValueError, RecursionError) as exc:  # JSON syntax, a number of 5,000 digits
        detail = f" (near character {exc.position})" if hasattr(exc, "position") else ""
        raise _not_json(name, detail) from None


def _completion(name: str, place: str, fields: dict, when, who) -> Read:
    """A row that only marks its unit-period complete."""
    return (
        name,
        place,
        "completeDataSetRegistrations",
        (fields.get("unit") or "").strip(),
        None,
        (fields.get("period") or "").strip(),
        None,
        None,
        None,
        None,
        None,
        None,
        ((when or "").strip() or None, who or None),
    )
