"""Exports for upstream reporting: long CSV, wide CSV, DHIS2 CSV or JSON, an XLSX workbook.

``long`` and the DHIS2 formats carry entered values only, exactly; ``wide`` and ``xlsx`` are for
people and add the derived rates. Every file is written atomically.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from ictdesk.core.exchange import queries
from ictdesk.core.exchange.common import (
    BOM,
    LONG_HEADER,
    WIDE_PERIOD,
    WIDE_UNIT_CODE,
    WIDE_UNIT_NAME,
    ExportFailed,
    Notice,
    Selection,
    atomic_output,
    protect_text,
    text_cells,
)
from ictdesk.core.exchange.dhis2_export import export_dhis2, export_dhis2_json
from ictdesk.core.exchange.queries import long_csv_lines
from ictdesk.core.numbers import format_machine
from ictdesk.core.periods import Period, PeriodType
from ictdesk.core.store import ValueStore
from ictdesk.core.units import Unit, gso_code

FORMATS = ("long", "wide", "dhis2", "dhis2-json", "xlsx")
Progress = Callable[[int], None]  # called with the number of rows written so far


def export_long(
    store: ValueStore, selection: Selection, path: Path, progress: Progress | None = None
) -> int:
    """The canonical lossless CSV (UTF-8 with BOM, CRLF, exact values, follow-up flags and
    completion); returns rows written."""
    cursor = long_csv_lines(store, selection)
    count = 0
    with atomic_output(path, "wb") as stream:
        stream.write(BOM.encode("utf-8"))
        stream.write(",".join(LONG_HEADER).encode("ascii") + b"\r\n")
        while block := cursor.fetchmany(20000):
            stream.write(b"".join([line for (line,) in block]))
            count += len(block)
            if progress:
                progress(count)
    return count


def _wide_units(store: ValueStore, top: Unit, period: str) -> list[Unit]:
    """The units of ``top``'s wide table: it, every commune-level unit under it, and the
    others that hold values of ``period`` themselves."""
    units = [top]
    pending = [top.code]
    parents: set[str] = set()  # the walk sees who has units under it: no count per unit
    while pending:
        code = pending.pop(0)
        children = store.children(code)
        if children:
            parents.add(code)
        units += children
        pending += [c.code for c in children]
    with_values = store.units_with_values(period)
    return [u for u in units if u.code in with_values or u.code not in parents]


def _wide_table(store: ValueStore, selection: Selection, period: str):
    """(indicators, [(unit, {code: value})], totals) for one period, derived rates included.

    Values are aggregated as on the printed sheets: a year of quarterly values is their sum
    (flows) or their last (stocks), for each commune as for the total. ``totals`` holds one
    (unit, values) per top unit (the selected one, else each province).
    """
    catalogue = store.catalogue
    wanted = selection.indicators or [i.code for i in catalogue]
    indicators = [catalogue[c] for c in wanted]
    if selection.unit_code:
        tops = [store.unit(selection.unit_code)]
    else:
        tops = store.historical_roots() if selection.old_units else store.root_units()
    rows, totals = [], []
    for top in tops:
        units = _wide_units(store, top, period)
        codes = [u.code for u in units]
        values = store.subtree_aggregates(top.code, period, list(dict.fromkeys([top.code, *codes])))
        rows += [(unit, values[unit.code]) for unit in units]
        totals.append((top, values[top.code]))
    return indicators, rows, totals


def _one_period(selection: Selection, fmt: str) -> str:
    if len(selection.periods) != 1:
        raise ExportFailed(
            f"the {fmt} format holds one period: give --period",
            vi="định dạng này chỉ chứa một kỳ báo cáo: hãy chọn một kỳ",
        )
    return selection.periods[0]


def export_wide(
    store: ValueStore, selection: Selection, path: Path, progress: Progress | None = None
) -> int:
    """One row per unit, one column per indicator, for one period; Vietnamese headers."""
    period = _one_period(selection, "wide")
    indicators, rows, _ = _wide_table(store, selection, period)  # no total: it would import
    with atomic_output(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(BOM)
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(
            [WIDE_UNIT_CODE, WIDE_UNIT_NAME, WIDE_PERIOD]
            + [f"{i.name_vi} ({i.unit_vi}) [{i.code}]" for i in indicators]
        )
        for unit, values in rows:
            cells = [protect_text(gso_code(unit.code)), protect_text(unit.name), period]
            for indicator in indicators:
                value = values.get(indicator.code)
                if indicator.is_derived and value is not None:
                    value = round(value, 2)
                cells.append(format_machine(value))
            writer.writerow(cells)
    if progress:
        progress(len(rows))
    return len(rows)


PRINTED_COLUMNS = 10  # indicator columns on one printed page: about 9 pt on A4 landscape


def _print_setup(sheet, title: str, landscape: bool, columns: int = 0) -> None:
    """A4, the header row on every page, a Vietnamese page header and footer (without it
    LibreOffice printed a province's table as 51 portrait pages). One page wide for up to
    :data:`PRINTED_COLUMNS` indicators; a wider table (the whole catalogue is 46 columns,
    unreadable at one page wide) spreads over as many pages across, each repeating the
    unit's code and name."""
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = max(1, -(-columns // PRINTED_COLUMNS))
    setup.fitToHeight = 0  # as many pages down as it needs
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    if setup.fitToWidth > 1:
        sheet.print_title_cols = "A:B"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6  # inches
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.oddHeader.center.text = title.replace("&", "&&")
    sheet.oddHeader.right.text = "Ngày in: &D"
    sheet.oddFooter.center.text = "Trang &P/&N"


def export_xlsx(
    store: ValueStore, selection: Selection, path: Path, progress: Progress | None = None
) -> int:
    """A workbook for people: a sheet per period, frozen header, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    periods = selection.periods or store.stored_periods()
    if not periods:
        raise ExportFailed("there are no values to export", vi="không có số liệu để xuất")
    if len(periods) > 60:
        raise ExportFailed(
            "too many periods for one workbook: choose a range (--from/--to)",
            vi="quá nhiều kỳ cho một tệp Excel: hãy chọn khoảng kỳ ngắn hơn",
        )
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    total_fill = PatternFill("solid", fgColor="FFF2CC")
    written = 0
    for period in periods:
        indicators, rows, totals = _wide_table(
            store,
            Selection(selection.unit_code, [period], selection.indicators, selection.old_units),
            period,
        )
        sheet = workbook.create_sheet(Period.parse(period).label("vi").replace("/", "-")[:31])
        sheet.append(
            [WIDE_UNIT_CODE, WIDE_UNIT_NAME] + [f"{i.name_vi} ({i.unit_vi})" for i in indicators]
        )
        text_cells(sheet[1])
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for unit, values in rows:
            sheet.append(
                [gso_code(unit.code), unit.name] + [values.get(i.code) for i in indicators]
            )
            text_cells(sheet[sheet.max_row][:2])
            written += 1
        for top, total in totals:
            sheet.append(["", f"Tổng cộng {top.name}"] + [total.get(i.code) for i in indicators])
            text_cells(sheet[sheet.max_row][:2])
            for cell in sheet[sheet.max_row]:
                cell.font = bold
                cell.fill = total_fill
        for column, indicator in enumerate(indicators, start=3):
            fmt = "#,##0.0" if indicator.is_derived else "#,##0"
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.number_format = fmt
        sheet.freeze_panes = "C2"
        sheet.column_dimensions["A"].width = 10
        sheet.column_dimensions["B"].width = 28
        for column in range(3, len(indicators) + 3):
            sheet.column_dimensions[sheet.cell(1, column).column_letter].width = 13
        sheet.row_dimensions[1].height = 75
        title = Period.parse(period).label("vi")
        if selection.unit_code:
            title = f"{store.unit(selection.unit_code).name} — {title}"
        _print_setup(sheet, f"Số liệu chuyển đổi số: {title}", True, len(indicators))
        if progress:
            progress(written)
    codes = workbook.create_sheet("Chỉ tiêu")
    codes.append(["Mã", "Chỉ tiêu", "Đơn vị tính", "Cách tính"])
    for indicator in store.catalogue:
        formula = indicator.formula
        codes.append(
            [
                indicator.code,
                indicator.name_vi,
                indicator.unit_vi,
                f"{formula.numerator} / {formula.denominator} × {formula.multiplier:g}"
                if formula
                else "",
            ]
        )
    for row in codes.iter_rows():
        text_cells(row)
    for cell in codes[1]:
        cell.font = bold
    codes.column_dimensions["A"].width = 22
    codes.column_dimensions["B"].width = 55
    _print_setup(codes, "Danh mục chỉ tiêu", landscape=False)  # four columns: one page wide
    with atomic_output(path, "path") as temp:
        workbook.save(temp)
    return written


EXPORTERS = {"long": export_long, "wide": export_wide, "xlsx": export_xlsx}
DHIS2_EXPORTERS = {"dhis2": export_dhis2, "dhis2-json": export_dhis2_json}


def export(
    store: ValueStore,
    fmt: str,
    selection: Selection,
    path: Path,
    progress: Progress | None = None,
    *,
    data_set: str | None = None,
    notices: list[Notice] | None = None,
) -> int:
    """Write ``selection`` to ``path`` in ``fmt``; returns the number of rows written.

    ``data_set``: the DHIS2 data set code of a DHIS2 file (default: the database's setting).
    ``notices`` hears what the user should know about the file written (comments DHIS2 will
    not take, completion left out).
    """
    if fmt not in EXPORTERS and fmt not in DHIS2_EXPORTERS:
        raise ExportFailed(f"unknown format {fmt}: choose one of {', '.join(FORMATS)}")
    if selection.unit_code:
        store.unit(selection.unit_code)
    if fmt in ("long", *DHIS2_EXPORTERS):
        computed = [
            c
            for c in selection.indicators
            if c in store.catalogue and store.catalogue[c].is_derived
        ]
        if computed:
            raise ExportFailed(
                f"{', '.join(computed)}: computed from other indicators; {fmt} files carry"
                " entered values only (the wide CSV and the workbook include rates)",
                vi=f"{', '.join(computed)}: chỉ tiêu tính từ các chỉ tiêu khác; tệp {fmt} chỉ"
                " chứa số liệu nhập (tệp CSV dạng bảng và tệp Excel có các tỷ lệ)",
            )
    if fmt in DHIS2_EXPORTERS:
        rows = DHIS2_EXPORTERS[fmt](
            store, selection, Path(path), progress, data_set=data_set, notices=notices
        )
    else:
        rows = EXPORTERS[fmt](store, selection, Path(path), progress)
    if not rows and fmt in ("long", *DHIS2_EXPORTERS) and notices is not None:
        notices += stored_finer_notice(store, selection, values_only=fmt != "long")
    return rows


_BY_TYPE = {
    PeriodType.MONTH: ("by month", "theo tháng"),
    PeriodType.QUARTER: ("by quarter", "theo quý"),
    PeriodType.HALF: ("by half-year", "theo 6 tháng"),
}


def stored_finer_notice(
    store: ValueStore, selection: Selection, values_only: bool = False
) -> list[Notice]:
    """What to tell a user whose export of stored values wrote nothing because the chosen
    periods hold their values by month, quarter or half-year (a year of monthly returns):
    which periods do, a range for each kind, and how to choose them. Empty when there is
    nothing finer either. ``values_only``: the format carries no comment without a value."""
    held = queries.held_sub_periods(store, selection, values_only)
    if not held:
        return []
    kinds = sorted(held, key=lambda t: t.months)  # months first
    shown = ", ".join(selection.periods[:3]) + ("…" if len(selection.periods) > 3 else "")
    chosen_en = (
        f"{shown} itself" if len(selection.periods) == 1 else f"the periods chosen ({shown})"
    )
    chosen_vi = f"chính kỳ {shown}" if len(selection.periods) == 1 else f"các kỳ đã chọn ({shown})"

    def span(kind: PeriodType, between: str) -> str:
        first, last = held[kind][0], held[kind][-1]
        return first if first == last else between.format(first, last)

    by_en = " and ".join(f"{_BY_TYPE[k][0]} ({span(k, '{} to {}')})" for k in kinds)
    by_vi = " và ".join(f"{_BY_TYPE[k][1]} ({span(k, 'từ {} đến {}')})" for k in kinds)
    commands = [f"--from {held[k][0]} --to {held[k][-1]}" for k in kinds]
    each_en = " (an export each)" if len(kinds) > 1 else ""
    each_vi = " (mỗi loại một lần xuất)" if len(kinds) > 1 else ""
    return [
        Notice(
            f"no value is stored for {chosen_en}: its values are stored {by_en}. To export"
            " them choose those periods: in the window, a period of that kind and “Every"
            f" period of …”; on the command line, {' or '.join(commands)}{each_en}. The wide"
            " CSV and the workbook show them added up",
            f"không có số liệu lưu cho {chosen_vi}: số liệu được lưu {by_vi}. Để xuất, hãy"
            " chọn các kỳ đó: trong cửa sổ, chọn một kỳ loại đó và “Tất cả các kỳ của năm …”;"
            f" trên dòng lệnh, {' hoặc '.join(commands)}{each_vi}. Tệp CSV dạng bảng và tệp"
            " Excel cho số đã cộng dồn",
        )
    ]
