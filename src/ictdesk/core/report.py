"""The content of the printed summary sheets, as plain data (no Qt).

Two sheets, laid out by :mod:`ictdesk.gui.printing` after Nghị định 30/2020/NĐ-CP:
the **unit sheet** (one unit: every indicator by pillar, previous period, change, target) and
the **roll-up sheet** (one row per commune for the key indicators, with a total row whose
rates are Σnumerator / Σdenominator). Numbers are formatted the Vietnamese way; a missing
value is "–", never 0.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ictdesk.core.numbers import format_number
from ictdesk.core.periods import Period, period_range
from ictdesk.core.reform.register import begins_before_reform
from ictdesk.core.store import ValueStore
from ictdesk.core.units import UnitLevel, is_historical

MOTTO_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
ROLLUP_INDICATORS = (
    "BTS_TOTAL",
    "BTS_5G",
    "COV_4G_PCT",
    "COV_5G_PCT",
    "SMARTPHONE_HH_PCT",
    "FIBER_HH_PCT",
    "VNEID_PCT",
    "APPS_ONLINE_PCT",
    "DIGITAL_SKILLS_PCT",
)
CHART_INDICATORS = ("COV_5G_PCT", "SMARTPHONE_HH_PCT", "APPS_ONLINE_PCT")
REFORM_NOTE = (
    "Số liệu các kỳ trước ngày 01/7/2025 được quy đổi từ các đơn vị hành chính trước sắp xếp"
    " sang đơn vị hành chính hiện hành."
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

# settings key → what it holds (Edit › Settings writes them into the database)
SETTING_KEYS = (
    "report_parent_agency",
    "report_agency",
    "report_place",
    "report_preparer_name",
    "report_preparer_title",
    "report_head_name",
    "report_head_title",
)


@dataclass(frozen=True)
class SheetHeader:
    """The parts of an official document around the table."""

    parent_agency: str
    agency: str
    place_date: str
    title: str
    subtitle: str
    preparer_title: str
    preparer_name: str
    head_title: str
    head_name: str


@dataclass(frozen=True)
class SheetRow:
    """One table row; ``group`` rows are pillar headings."""

    number: str
    name: str
    unit: str = ""
    cells: tuple[str, ...] = ()
    group: bool = False
    total: bool = False


@dataclass
class Sheet:
    """A complete sheet: header, column titles, rows, notes and a small trend chart."""

    kind: str  # "unit" or "rollup"
    header: SheetHeader
    columns: tuple[str, ...]
    rows: list[SheetRow]
    notes: list[str] = field(default_factory=list)
    chart: list[tuple[str, list[tuple[str, float | None]]]] = field(default_factory=list)
    landscape: bool = False


def reform_notes(store: ValueStore, unit_code: str, periods: list[Period]) -> list[str]:
    """:data:`REFORM_NOTE` when a current unit's sheet shows periods before 1 July 2025 of a
    database that holds figures converted from the old units (issue 21)."""
    if is_historical(unit_code) or not store.has_history():
        return []
    return [REFORM_NOTE] if any(begins_before_reform(p) for p in periods) else []


def place_and_date(place: str, day: datetime.date) -> str:
    """ "Phú Thọ, ngày 05 tháng 3 năm 2026" (day zero-padded, month not, as the decree shows)."""
    return f"{place}, ngày {day.day:02d} tháng {day.month} năm {day.year}"


def _defaults(store: ValueStore, unit_code: str) -> dict[str, str]:
    unit = store.unit(unit_code)
    province = (
        store.unit(store.ancestors(unit_code)[0].code) if store.ancestors(unit_code) else unit
    )
    bare = province.name.removeprefix("Thành phố ").removeprefix("Tỉnh ")
    province_title = province.name if province.name.startswith("Thành phố") else f"Tỉnh {bare}"
    if unit.level is UnitLevel.PROVINCE:
        parent, agency = f"ỦY BAN NHÂN DÂN {province_title.upper()}", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    else:
        parent, agency = (
            f"ỦY BAN NHÂN DÂN {province_title.upper()}",
            f"ỦY BAN NHÂN DÂN {unit.name.upper()}",
        )
    return {
        "report_parent_agency": parent,
        "report_agency": agency,
        "report_place": bare,
        "report_preparer_name": "",
        "report_preparer_title": "NGƯỜI LẬP BIỂU",
        "report_head_name": "",
        "report_head_title": "THỦ TRƯỞNG ĐƠN VỊ",
    }


def sheet_settings(store: ValueStore, unit_code: str) -> dict[str, str]:
    """The header and signature texts: the database's settings, else sensible defaults."""
    values = _defaults(store, unit_code)
    for key in SETTING_KEYS:
        stored = store.setting(key)
        if stored:
            values[key] = stored
    return values


def _header(store: ValueStore, unit_code: str, period: Period, title: str, day) -> SheetHeader:
    texts = sheet_settings(store, unit_code)
    unit = store.unit(unit_code)
    return SheetHeader(
        parent_agency=texts["report_parent_agency"],
        agency=texts["report_agency"],
        place_date=place_and_date(texts["report_place"], day),
        title=title,
        subtitle=f"{unit.name} — {period.label('vi')}",
        preparer_title=texts["report_preparer_title"],
        preparer_name=texts["report_preparer_name"],
        head_title=texts["report_head_title"],
        head_name=texts["report_head_name"],
    )


def _change(current: float | None, previous: float | None, points: bool) -> str:
    """Change since the period before: in per cent for a count, in points for a rate (a rate
    going from 59,7 to 62,0 % rose 2,3 points, as the entry form says, not 3,9 %)."""
    if current is None or previous is None or (not points and previous == 0):
        return "–"
    change = current - previous if points else (current - previous) / abs(previous) * 100
    rounded = round(change, 1) or 0.0  # never "+0,0" or "-0,0"
    sign = "+" if rounded > 0 else ""
    return sign + format_number(rounded, 1) + (" điểm" if points else "%")


def unit_sheet(
    store: ValueStore, unit_code: str, period: str, day: datetime.date | None = None
) -> Sheet:
    """Every indicator of one unit for ``period`` (a parent unit shows its communes' totals)."""
    target_period = Period.parse(period)
    previous = target_period.previous()
    day = day or datetime.date.today()
    catalogue = store.catalogue
    current_values = store.aggregates(unit_code, target_period.iso)
    previous_values = store.aggregates(unit_code, previous.iso)
    targets = store.targets_for(unit_code, target_period.year)
    rows: list[SheetRow] = []
    pillars = [p for p in catalogue.pillars if catalogue.in_pillar(p.code)]
    for group_number, pillar in enumerate(pillars):
        rows.append(SheetRow(_ROMAN[group_number], pillar.name_vi.upper(), group=True))
        for number, indicator in enumerate(catalogue.in_pillar(pillar.code), start=1):
            decimals = 1 if indicator.is_derived else None
            current = current_values.get(indicator.code)
            before = previous_values.get(indicator.code)
            target = targets.get(indicator.code)
            achieved = (
                format_number(current / target[0] * 100, 1)
                if target and current is not None and target[0]
                else "–"
            )
            rows.append(
                SheetRow(
                    str(number),
                    indicator.name_vi,
                    indicator.unit_vi,
                    (
                        format_number(before, decimals),
                        format_number(current, decimals),
                        _change(current, before, indicator.is_derived),
                        format_number(target[0], decimals) if target else "–",
                        achieved,
                    ),
                )
            )
    notes = [
        f"{catalogue[code].name_vi}: {stored.comment}"
        for code, stored in store.values_for(unit_code, target_period.iso).items()
        if stored.comment
    ]
    chart_periods = period_range(target_period.shifted(-7), target_period)
    chart = []
    for code in CHART_INDICATORS:
        series = store.series(code, unit_code, [p.iso for p in chart_periods])
        chart.append(
            (catalogue[code].name_vi, [(p.short_label("vi"), series[p.iso]) for p in chart_periods])
        )
    return Sheet(
        kind="unit",
        header=_header(store, unit_code, target_period, "BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ", day),
        columns=(
            "STT",
            "Chỉ tiêu",
            "Đơn vị tính",
            f"Kỳ trước ({previous.label('vi')})",
            f"Kỳ báo cáo ({target_period.label('vi')})",
            "Tăng/giảm",
            f"Kế hoạch năm {target_period.year}",
            "Đạt (%)",
        ),
        rows=rows,
        notes=notes + reform_notes(store, unit_code, chart_periods),
        chart=chart,
    )


def rollup_sheet(
    store: ValueStore, unit_code: str, period: str, day: datetime.date | None = None
) -> Sheet:
    """One row per commune under ``unit_code`` for the key indicators, and a Σ/Σ total row."""
    target_period = Period.parse(period)
    day = day or datetime.date.today()
    catalogue = store.catalogue
    indicators = [catalogue[c] for c in ROLLUP_INDICATORS if c in catalogue]
    rows: list[SheetRow] = []
    children = store.children(unit_code)
    # One read of the subtree gives every row and the total the same way (a year of
    # quarterly values is their sum or their last for a commune as for the province).
    aggregated = store.subtree_aggregates(
        unit_code, target_period.iso, [unit_code] + [c.code for c in children]
    )
    for number, child in enumerate(children, start=1):
        values = aggregated[child.code]
        rows.append(
            SheetRow(
                str(number),
                child.name,
                cells=tuple(
                    format_number(values.get(i.code), 1 if i.is_derived else None)
                    for i in indicators
                ),
            )
        )
    totals = aggregated[unit_code]
    rows.append(
        SheetRow(
            "",
            "TỔNG CỘNG",
            cells=tuple(
                format_number(totals.get(i.code), 1 if i.is_derived else None) for i in indicators
            ),
            total=True,
        )
    )
    return Sheet(
        kind="rollup",
        header=_header(
            store, unit_code, target_period, "BÁO CÁO TỔNG HỢP SỐ LIỆU CHUYỂN ĐỔI SỐ", day
        ),
        columns=("STT", "Đơn vị") + tuple(f"{i.name_vi} ({i.unit_vi})" for i in indicators),
        rows=rows,
        notes=[
            "Các tỷ lệ của dòng tổng cộng bằng tổng tử số chia tổng mẫu số của các đơn vị,"
            " không phải trung bình cộng các tỷ lệ."
        ]
        + reform_notes(store, unit_code, [target_period]),
        landscape=True,
    )
