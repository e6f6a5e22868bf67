"""Reading an ictdesk fill-in template that a commune filled in and sent back, saved as
.xlsx, .ods or .xls (see ``workbooks``)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from pathlib import Path

from ictdesk.core.errors import IctdeskError, InvalidNumber
from ictdesk.core.exchange.import_report import Problem, not_a_number
from ictdesk.core.exchange.readers import Read
from ictdesk.core.exchange.template import (
    CODE_CELL,
    COMMENT_COLUMN,
    FIRST_ROW,
    META_SHEET,
    PERIOD_CELL,
    TEMPLATE_MARK,
    VALUE_COLUMN,
)
from ictdesk.core.exchange.workbooks import Workbook
from ictdesk.core.numbers import Convention, read_unambiguous
from ictdesk.core.store import ValueStore


def _sheet_cells(workbook: Workbook, sheet: str) -> dict[tuple[int, int], object]:
    """The cells of a template sheet the reader looks at: its head and its indicator rows,
    read up to the first row with no indicator code (what lies below is never read)."""
    cells = {}
    for r, row in enumerate(workbook.rows(sheet, max_col=COMMENT_COLUMN), start=1):
        if r >= FIRST_ROW and (len(row) < 2 or not row[1]):
            break
        cells.update(((r, c), v) for c, v in enumerate(row, start=1) if v is not None)
    return cells


def read_template(
    path: Path, problems: list[Problem], store: ValueStore, name: str
) -> Iterator[Read]:
    workbook = Workbook(path, name)
    not_a_template = IctdeskError(
        f"{name}: a workbook, but not an ictdesk fill-in template (a workbook exported by"
        " ictdesk is for reading: import the long CSV or a template instead)",
        vi=f"{name}: là tệp Excel nhưng không phải biểu mẫu của ictdesk (tệp Excel do ictdesk"
        " xuất chỉ để xem: hãy nhập tệp CSV dạng dài hoặc biểu mẫu)",
    )
    catalogue = store.catalogue
    try:
        if META_SHEET not in workbook.sheet_names:
            raise not_a_template
        meta = [(*m, None, None, None, None)[:4] for m in workbook.rows(META_SHEET, max_col=4)]
        if not meta or meta[0][0] != TEMPLATE_MARK:
            raise not_a_template
        period = str(meta[0][2])
        for sheet_name, owner, *rest in meta[1:]:
            if not sheet_name:
                continue
            sent = str(rest[0]).split(",") if rest and rest[0] else None  # older: not recorded
            if sheet_name not in workbook.sheet_names:
                problems.append(
                    Problem(
                        name, f"'{sheet_name}'", "", "sheet missing", reason_vi="thiếu trang tính"
                    )
                )
                continue
            cells = _sheet_cells(workbook, sheet_name)
            last = max((r for r, _ in cells), default=0)
            formulas = workbook.formula_rows(sheet_name, VALUE_COLUMN, last + 1)
            code_cell = (int(CODE_CELL[1:]), ord(CODE_CELL[0]) - 64)
            period_cell = (int(PERIOD_CELL[1:]), ord(PERIOD_CELL[0]) - 64)
            unit = str(cells.get(code_cell) or "").strip()
            if str(cells.get(period_cell) or "").strip() != period:
                problems.append(
                    Problem(
                        name,
                        f"'{sheet_name}'!{PERIOD_CELL}",
                        "",
                        "the period was changed",
                        reason_vi="mã kỳ báo cáo đã bị sửa",
                    )
                )
            for row in count(FIRST_ROW):
                if not cells.get((row, 2)):
                    break  # the list of indicators ends
                code = str(cells[(row, 2)]).strip()
                expected = sent[row - FIRST_ROW] if sent and row - FIRST_ROW < len(sent) else code
                if code != expected:
                    problems.append(
                        Problem(
                            name,
                            f"'{sheet_name}'!B{row}",
                            code,
                            f"the indicator code was changed (the template had {expected})",
                            reason_vi=f"mã chỉ tiêu đã bị sửa (biểu mẫu gửi đi là {expected})",
                        )
                    )
                    continue
                raw = cells.get((row, VALUE_COLUMN))
                comment = cells.get((row, COMMENT_COLUMN))
                location = f"'{sheet_name}'!F{row}"
                if raw is None and row in formulas:
                    problems.append(
                        Problem(
                            name,
                            location,
                            code,
                            "a formula without a computed result: open the file in Excel or"
                            " LibreOffice and save it again",
                            reason_vi="công thức chưa có kết quả: mở tệp bằng Excel hoặc"
                            " LibreOffice rồi lưu lại",
                        )
                    )
                    continue
                empty = raw is None or (isinstance(raw, str) and not raw.strip())
                if empty and not comment:
                    continue
                value = None
                if not empty:
                    if isinstance(raw, bool):
                        problems.append(
                            not_a_number(
                                name,
                                location,
                                code,
                                raw,
                                InvalidNumber("not a number", vi="không phải là số"),
                            )
                        )
                        continue
                    if isinstance(raw, (int, float)):
                        value = int(raw) if float(raw).is_integer() else raw
                    elif code in catalogue:
                        try:
                            # text typed by people in a template is read as the form reads it
                            value = read_unambiguous(
                                str(raw), catalogue[code].value_type, Convention.VI
                            )
                        except InvalidNumber as exc:
                            problems.append(not_a_number(name, location, code, raw, exc))
                            continue
                comment = str(comment) if comment else None
                yield (
                    name,
                    location,
                    code,
                    unit,
                    code,
                    period,
                    value,
                    comment,
                    None,
                    None,
                    None,
                    str(owner),
                    None,
                )
    finally:
        workbook.close()
