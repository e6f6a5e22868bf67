"""Fill-in workbooks sent to communes: one sheet per commune, input cells unlocked."""

from __future__ import annotations

from pathlib import Path

from ictdesk.core.exchange.common import ExportFailed, atomic_output, text_cells
from ictdesk.core.numbers import ValueType
from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore

TEMPLATE_MARK = "ictdesk-template"
META_SHEET = "ictdesk"
FIRST_ROW = 6  # first indicator row
CODE_CELL = "D2"  # the unit code, also written in the hidden sheet
PERIOD_CELL = "D3"
VALUE_COLUMN = 6  # F: this period's value
COMMENT_COLUMN = 7  # G: comment
TEMPLATE_VERSION = "1"


def sheet_title(code: str, name: str, taken: set[str]) -> str:
    """A unique sheet name of at most 31 characters, without the characters Excel forbids."""
    clean = "".join(c for c in f"{code} {name}" if c not in "[]:*?/\\")[:31]
    title, n = clean, 2
    while title in taken:
        suffix = f" ({n})"
        title = clean[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title)
    return title


# the named styles of a template's cells (see write_template)
_CELL, _NUMBER = "ictdesk: ô", "ictdesk: số"
_INPUT_NUMBER, _INPUT_TEXT = "ictdesk: ô nhập số", "ictdesk: ô nhập ghi chú"


def write_template(store: ValueStore, parent_code: str, period: str, path: Path) -> int:
    """A workbook with a sheet per commune under ``parent_code``; returns the sheet count."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
    from openpyxl.styles.fonts import DEFAULT_FONT
    from openpyxl.worksheet.datavalidation import DataValidation

    target = Period.parse(period)
    parent = store.unit(parent_code)
    units = store.children(parent_code) or [parent]
    previous = target.previous()
    entered = store.catalogue.entered
    workbook = Workbook()
    workbook.remove(workbook.active)
    meta = workbook.create_sheet(META_SHEET)
    meta.append([TEMPLATE_MARK, TEMPLATE_VERSION, target.iso, parent.code])
    bold = Font(bold=True)
    input_fill = PatternFill("solid", fgColor="FFF9DB")
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    # Each kind of cell as a named style, given by name: setting a cell's border, fill and
    # protection one by one hashes each of them again (4 s of 7 for 148 communes' sheets).
    unlocked = Protection(locked=False)
    for name, number_format, fill, protection in (
        (_CELL, "General", None, None),
        (_NUMBER, "#,##0", None, None),
        (_INPUT_NUMBER, "#,##0", input_fill, unlocked),
        (_INPUT_TEXT, "General", input_fill, unlocked),
    ):
        style = NamedStyle(name, font=DEFAULT_FONT, border=box, number_format=number_format)
        if fill is not None:
            style.fill, style.protection = fill, protection
        workbook.add_named_style(style)
    row_styles = [_CELL] * COMMENT_COLUMN  # STT, code, name, unit: a boxed cell
    row_styles[4] = _NUMBER  # the period before
    row_styles[VALUE_COLUMN - 1], row_styles[COMMENT_COLUMN - 1] = _INPUT_NUMBER, _INPUT_TEXT
    taken: set[str] = set()
    for unit in units:
        sheet = workbook.create_sheet(sheet_title(unit.code, unit.name, taken))
        # The codes as sent, in order: a code cell changed after unprotecting the sheet would
        # import a value under another indicator (the reader compares).
        meta.append([sheet.title, unit.code, ",".join(i.code for i in entered)])
        sheet["A1"] = "BIỂU NHẬP SỐ LIỆU CHUYỂN ĐỔI SỐ"
        sheet["A1"].font = Font(bold=True, size=13)
        sheet["A2"], sheet["B2"], sheet["C2"] = "Đơn vị:", unit.name, "Mã đơn vị:"
        text_cells([sheet["B2"]])
        sheet[CODE_CELL] = unit.code
        sheet["A3"], sheet["B3"], sheet["C3"] = "Kỳ báo cáo:", target.label("vi"), "Mã kỳ:"
        sheet[PERIOD_CELL] = target.iso
        sheet["A4"] = (
            "Nhập số liệu vào các ô màu vàng (cột F), ghi chú ở cột G. "
            "Không sửa mã đơn vị, mã kỳ và mã chỉ tiêu."
        )
        sheet["A4"].font = Font(italic=True, color="666666")
        headers = [
            "STT",
            "Mã chỉ tiêu",
            "Chỉ tiêu",
            "Đơn vị tính",
            f"Kỳ trước ({previous.label('vi')})",
            f"Kỳ này ({target.label('vi')})",
            "Ghi chú",
        ]
        for column, text in enumerate(headers, start=1):
            cell = sheet.cell(FIRST_ROW - 1, column, text)
            cell.font = bold
            cell.fill = header_fill
            cell.border = box
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        last = store.values_for(unit.code, previous.iso)
        current = store.values_for(unit.code, target.iso)
        whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        decimal = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        for validation in (whole, decimal):
            validation.error = "Hãy nhập một số không âm (số nguyên với số đếm)."
            validation.errorTitle = "Số liệu không hợp lệ"
            validation.showErrorMessage = True
            sheet.add_data_validation(validation)
        for index, indicator in enumerate(entered, start=1):
            row = FIRST_ROW + index - 1
            before = last.get(indicator.code)
            now = current.get(indicator.code)
            cells = [
                index,
                indicator.code,
                indicator.name_vi,
                indicator.unit_vi,
                before.value if before else None,
                now.value if now else None,
                now.comment if now and now.comment else None,
            ]
            for column, (value, style_name) in enumerate(
                zip(cells, row_styles, strict=True), start=1
            ):
                sheet.cell(row, column, value).style = style_name
            target_cell = sheet.cell(row, VALUE_COLUMN).coordinate
            (whole if indicator.value_type is ValueType.INTEGER else decimal).add(target_cell)
        for column, width in zip("ABCDEFG", (5, 18, 52, 12, 16, 16, 30), strict=True):
            sheet.column_dimensions[column].width = width
        sheet.row_dimensions[FIRST_ROW - 1].height = 32
        sheet.freeze_panes = f"A{FIRST_ROW}"
        sheet.protection.sheet = True  # only the yellow cells can be typed in
    meta.sheet_state = "hidden"
    workbook.active = 1
    try:
        with atomic_output(path, "path") as temp:
            workbook.save(temp)
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror}") from None
    return len(units)
