"""Exports for upstream reporting: long CSV, wide CSV, DHIS2 CSV and an XLSX workbook.

``long`` and ``dhis2`` carry entered values only, exactly; ``wide`` and ``xlsx`` are for people
and add the derived rates. Every file is written atomically.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

from ictdesk.core.exchange.common import (
    BOM,
    DHIS2_HEADER,
    LONG_HEADER,
    WIDE_PERIOD,
    WIDE_UNIT_CODE,
    WIDE_UNIT_NAME,
    ExportFailed,
    Selection,
    atomic_output,
    protect_text,
)
from ictdesk.core.numbers import format_machine
from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore
from ictdesk.core.units import Unit

FORMATS = ("long", "wide", "dhis2", "xlsx")
Progress = Callable[[int], None]  # called with the number of rows written so far


def _where(store: ValueStore, selection: Selection) -> tuple[str, list]:
    clauses, params = [], []
    if selection.unit_code:
        low, high = store.subtree_bounds(selection.unit_code)
        clauses.append("u.path >= ? AND u.path < ?")
        params += [low, high]
    if selection.periods:
        clauses.append(f"v.period IN ({','.join('?' * len(selection.periods))})")
        params += selection.periods
    if selection.indicators:
        for code in selection.indicators:
            store.catalogue[code]  # unknown codes raise UnknownIndicator
        clauses.append(f"v.indicator_code IN ({','.join('?' * len(selection.indicators))})")
        params += selection.indicators
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _value_rows(store: ValueStore, selection: Selection) -> Iterator[tuple]:
    where, params = _where(store, selection)
    return store.db.execute(
        "SELECT v.unit_code, u.name, v.indicator_code, i.name_vi, v.period, v.value, v.comment,"
        " v.stored_by, v.updated_at, v.followup"
        " FROM data_values v JOIN units u ON u.code = v.unit_code"
        " JOIN indicators i ON i.code = v.indicator_code"
        f"{where} ORDER BY v.unit_code, v.period, v.indicator_code",  # primary-key order: no sort
        params,
    )


_NEEDS_QUOTES = '*[,"\r\n]*'  # GLOB: the characters that make the csv module quote a field


def _csv_field(expression: str) -> str:
    """SQL writing ``expression`` as the csv module does (QUOTE_MINIMAL); NULL is empty.

    The statement binds :data:`_NEEDS_QUOTES` as ``?1``.
    """
    return (
        f"IIF({expression} GLOB ?1, '\"' || replace({expression}, '\"', '\"\"') || '\"',"
        f" coalesce({expression}, ''))"
    )


# SQLite writes each line itself, as UTF-8 bytes quoted as the csv module would, so no Python
# runs per row and no text is decoded and encoded again: this is what lets a province's ten
# years leave at close to the sqlite3 shell's own speed. Names are quoted once per unit and
# indicator in two small temporary tables. Reals that repr would write with an exponent, or
# that hold a whole number, go through format_machine. Primary-key order: no sort.
_LONG_NAMES = (
    "DROP TABLE IF EXISTS temp.csv_unit_names",
    "CREATE TEMP TABLE csv_unit_names (code TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID",
    f"INSERT INTO temp.csv_unit_names SELECT code, {_csv_field('name')} FROM units",
    "DROP TABLE IF EXISTS temp.csv_indicator_names",
    "CREATE TEMP TABLE csv_indicator_names (code TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID",
    f"INSERT INTO temp.csv_indicator_names SELECT code, {_csv_field('name_vi')} FROM indicators",
)
_LONG_VALUE = (
    "IIF(typeof(v.value) = 'real' AND (abs(v.value) < 1e-4 OR abs(v.value) >= 1e15"
    " OR v.value = CAST(v.value AS INTEGER)), machine_number(v.value), v.value)"
)
_LONG_QUERY = (
    "SELECT CAST(printf('%s,%s,%s,%s,%s,%s,%s,%s,%s' || char(13, 10), v.unit_code, n.name,"
    f" v.indicator_code, m.name, v.period, {_LONG_VALUE}, {_csv_field('v.comment')},"
    f" {_csv_field('v.stored_by')}, {_csv_field('v.updated_at')}) AS BLOB)"
    " FROM data_values v{units}"
    " JOIN temp.csv_unit_names n ON n.code = v.unit_code"
    " JOIN temp.csv_indicator_names m ON m.code = v.indicator_code"
    "{where} ORDER BY v.unit_code, v.period, v.indicator_code"
)


def export_long(
    store: ValueStore, selection: Selection, path: Path, progress: Progress | None = None
) -> int:
    """The canonical lossless CSV (UTF-8 with BOM, CRLF, exact values); returns rows written."""
    where, params = _where(store, selection)
    db = store.db
    db.conn.create_function("machine_number", 1, format_machine, deterministic=True)
    for statement in _LONG_NAMES:
        db.execute(statement, [_NEEDS_QUOTES] if "?1" in statement else [])
    units = " JOIN units u ON u.code = v.unit_code" if selection.unit_code else ""  # u.path
    query = _LONG_QUERY.replace("{units}", units).replace("{where}", where)
    cursor = db.execute(query, [_NEEDS_QUOTES, *params])
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


def export_dhis2(
    store: ValueStore, selection: Selection, path: Path, progress: Progress | None = None
) -> int:
    """DHIS2 dataValueSets CSV with codes as identifiers (import with idScheme=code)."""
    count = 0
    with atomic_output(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(DHIS2_HEADER)
        for row in _value_rows(store, selection):
            if row[5] is None:
                continue  # DHIS2 data values need a value; a bare comment has no place there
            writer.writerow(
                (
                    row[2],
                    row[4],
                    row[0],
                    "",
                    "",
                    format_machine(row[5]),
                    row[7] or "",
                    row[8] or "",
                    row[6] or "",
                    "true" if row[9] else "false",
                )
            )
            count += 1
            if progress and count % 50000 == 0:
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
    with_values = {
        r[0]
        for r in store.db.execute(
            "SELECT DISTINCT unit_code FROM data_values WHERE period = ?", [period]
        )
    }
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
    tops = [store.unit(selection.unit_code)] if selection.unit_code else store.root_units()
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
            cells = [protect_text(unit.code), protect_text(unit.name), period]
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

    periods = selection.periods or [
        r[0] for r in store.db.execute("SELECT DISTINCT period FROM data_values ORDER BY period")
    ]
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
            store, Selection(selection.unit_code, [period], selection.indicators), period
        )
        sheet = workbook.create_sheet(Period.parse(period).label("vi").replace("/", "-")[:31])
        sheet.append(
            [WIDE_UNIT_CODE, WIDE_UNIT_NAME] + [f"{i.name_vi} ({i.unit_vi})" for i in indicators]
        )
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for unit, values in rows:
            sheet.append(
                [protect_text(unit.code), protect_text(unit.name)]
                + [values.get(i.code) for i in indicators]
            )
            written += 1
        for top, total in totals:
            sheet.append(["", f"Tổng cộng {top.name}"] + [total.get(i.code) for i in indicators])
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
    for cell in codes[1]:
        cell.font = bold
    codes.column_dimensions["A"].width = 22
    codes.column_dimensions["B"].width = 55
    _print_setup(codes, "Danh mục chỉ tiêu", landscape=False)  # four columns: one page wide
    with atomic_output(path, "path") as temp:
        workbook.save(temp)
    return written


EXPORTERS = {"long": export_long, "wide": export_wide, "dhis2": export_dhis2, "xlsx": export_xlsx}


def export(
    store: ValueStore,
    fmt: str,
    selection: Selection,
    path: Path,
    progress: Progress | None = None,
) -> int:
    """Write ``selection`` to ``path`` in ``fmt``; returns the number of rows written."""
    if fmt not in EXPORTERS:
        raise ExportFailed(f"unknown format {fmt}: choose one of {', '.join(FORMATS)}")
    if selection.unit_code:
        store.unit(selection.unit_code)
    if fmt in ("long", "dhis2"):
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
    return EXPORTERS[fmt](store, selection, Path(path), progress)
