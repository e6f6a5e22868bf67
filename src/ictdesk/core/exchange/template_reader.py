"""Reading an ictdesk fill-in template (xlsx) that a commune filled in and sent back."""

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
from ictdesk.core.numbers import Convention, read_unambiguous
from ictdesk.core.store import ValueStore


def read_template(
    path: Path, problems: list[Problem], store: ValueStore, name: str
) -> Iterator[Read]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        # The same cells as typed: a formula a script wrote has no saved result to read.
        typed = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise IctdeskError(
            f"{path.name}: not a readable workbook ({exc})",
            vi=f"{path.name}: không đọc được tệp Excel ({exc})",
        ) from None
    not_a_template = IctdeskError(
        f"{name}: a workbook, but not an ictdesk fill-in template (a workbook exported by"
        " ictdesk is for reading: import the long CSV or a template instead)",
        vi=f"{name}: là tệp Excel nhưng không phải biểu mẫu của ictdesk (tệp Excel do ictdesk"
        " xuất chỉ để xem: hãy nhập tệp CSV dạng dài hoặc biểu mẫu)",
    )
    catalogue = store.catalogue
    try:
        if META_SHEET not in workbook.sheetnames:
            raise not_a_template
        meta = list(workbook[META_SHEET].iter_rows(values_only=True))
        if not meta or meta[0][0] != TEMPLATE_MARK:
            raise not_a_template
        period = str(meta[0][2])
        for sheet_name, owner, *rest in meta[1:]:
            sent = str(rest[0]).split(",") if rest and rest[0] else None  # older: not recorded
            if sheet_name not in workbook.sheetnames:
                problems.append(
                    Problem(
                        name, f"'{sheet_name}'", "", "sheet missing", reason_vi="thiếu trang tính"
                    )
                )
                continue
            sheet = workbook[sheet_name]
            formulas = {
                r
                for r, (v,) in enumerate(
                    typed[sheet_name].iter_rows(
                        min_col=VALUE_COLUMN, max_col=VALUE_COLUMN, values_only=True
                    ),
                    start=1,
                )
                if isinstance(v, str) and v.startswith("=")
            }
            cells = {
                (r, c): v
                for r, row in enumerate(sheet.iter_rows(values_only=True), start=1)
                for c, v in enumerate(row, start=1)
            }
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
                )
    finally:
        workbook.close()
        typed.close()
