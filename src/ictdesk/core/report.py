"""The content of the printed summary sheets, as plain data (no Qt).

Two sheets, laid out by :mod:`ictdesk.gui.printing` after Nghị định 30/2020/NĐ-CP:
the **unit sheet** (one unit: every indicator by pillar, previous period, change, target) and
the **roll-up sheet** (one row per commune for the key indicators, with a total row whose
rates are Σnumerator / Σdenominator), in Vietnamese (``12.500``, ``83,6``) or English. A
missing value is "–", never 0. The document's frame (agency, number, date, signers,
recipients) comes from :mod:`ictdesk.core.report_frame`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ictdesk.core.numbers import format_number
from ictdesk.core.periods import Period, period_range
from ictdesk.core.reform.register import begins_before_reform
from ictdesk.core.report_frame import SheetHeader, sheet_header
from ictdesk.core.store import ValueStore
from ictdesk.core.units import is_historical

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
REFORM_NOTE_EN = (
    "Figures of periods before 1 July 2025 are converted from the administrative units before"
    " the arrangement to the current ones."
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

# The sheets' own words, by language.
TEXTS = {
    "vi": {
        "unit_title": "BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ",
        "rollup_title": "BÁO CÁO TỔNG HỢP SỐ LIỆU CHUYỂN ĐỔI SỐ",
        "number": "STT",
        "indicator": "Chỉ tiêu",
        "measure": "Đơn vị tính",
        "previous": "Kỳ trước ({})",
        "current": "Kỳ báo cáo ({})",
        "change": "Tăng/giảm",
        "target": "Kế hoạch năm {}",
        "achieved": "Đạt (%)",
        "unit": "Đơn vị",
        "total": "TỔNG CỘNG",
        "points": " điểm",
        "notes": "Ghi chú:",
        "chart": "Diễn biến một số chỉ tiêu chính (8 kỳ gần nhất)",
        "sum_over_sum": "Các tỷ lệ của dòng tổng cộng bằng tổng tử số chia tổng mẫu số của các"
        " đơn vị, không phải trung bình cộng các tỷ lệ.",
    },
    "en": {
        "unit_title": "DIGITAL TRANSFORMATION STATISTICS REPORT",
        "rollup_title": "DIGITAL TRANSFORMATION STATISTICS: SUMMARY REPORT",
        "number": "No.",
        "indicator": "Indicator",
        "measure": "Unit of measure",
        "previous": "Previous period ({})",
        "current": "Reporting period ({})",
        "change": "Change",
        "target": "Target {}",
        "achieved": "Achieved (%)",
        "unit": "Unit",
        "total": "TOTAL",
        "points": " points",
        "notes": "Notes:",
        "chart": "Trend of key indicators (last 8 periods)",
        "sum_over_sum": "The total row's rates are the sum of the units' numerators over the sum"
        " of their denominators, not the mean of their rates.",
    },
}


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
    language: str = "vi"

    @property
    def texts(self) -> dict[str, str]:
        return TEXTS[self.language]


def reform_notes(
    store: ValueStore, unit_code: str, periods: list[Period], language: str = "vi"
) -> list[str]:
    """The note that figures before 1 July 2025 are converted, when a current unit's sheet
    shows such periods of a database holding figures converted from the old units."""
    if is_historical(unit_code) or not store.has_history():
        return []
    note = REFORM_NOTE if language == "vi" else REFORM_NOTE_EN
    return [note] if any(begins_before_reform(p) for p in periods) else []


def _subtitle(store: ValueStore, unit_code: str, period: Period, language: str) -> str:
    return f"{store.unit(unit_code).name} — {period.label(language)}"


def _change(current: float | None, previous: float | None, points: bool, language: str) -> str:
    """Change since the period before: in per cent for a count, in points for a rate (a rate
    going from 59,7 to 62,0 % rose 2,3 points, as the entry form says, not 3,9 %)."""
    if current is None or previous is None or (not points and previous == 0):
        return "–"
    change = current - previous if points else (current - previous) / abs(previous) * 100
    rounded = round(change, 1) or 0.0  # never "+0,0" or "-0,0"
    sign = "+" if rounded > 0 else ""
    suffix = TEXTS[language]["points"] if points else "%"
    return sign + format_number(rounded, 1, language) + suffix


def unit_sheet(
    store: ValueStore,
    unit_code: str,
    period: str,
    day: datetime.date | None = None,
    language: str = "vi",
) -> Sheet:
    """Every indicator of one unit for ``period`` (a parent unit shows its communes' totals)."""
    target_period = Period.parse(period)
    previous = target_period.previous()
    day = day or datetime.date.today()
    words = TEXTS[language]
    catalogue = store.catalogue
    current_values = store.aggregates(unit_code, target_period.iso)
    previous_values = store.aggregates(unit_code, previous.iso)
    targets = store.targets_for(unit_code, target_period.year)

    def number(value, decimals):
        return format_number(value, decimals, language)

    rows: list[SheetRow] = []
    pillars = [p for p in catalogue.pillars if catalogue.in_pillar(p.code)]
    for group_number, pillar in enumerate(pillars):
        rows.append(SheetRow(_ROMAN[group_number], pillar.name(language).upper(), group=True))
        for position, indicator in enumerate(catalogue.in_pillar(pillar.code), start=1):
            decimals = 1 if indicator.is_derived else None
            current = current_values.get(indicator.code)
            before = previous_values.get(indicator.code)
            target = targets.get(indicator.code)
            achieved = (
                number(current / target[0] * 100, 1)
                if target and current is not None and target[0]
                else "–"
            )
            rows.append(
                SheetRow(
                    str(position),
                    indicator.name(language),
                    indicator.unit(language),
                    (
                        number(before, decimals),
                        number(current, decimals),
                        _change(current, before, indicator.is_derived, language),
                        number(target[0], decimals) if target else "–",
                        achieved,
                    ),
                )
            )
    notes = [
        f"{catalogue[code].name(language)}: {stored.comment}"
        for code, stored in store.values_for(unit_code, target_period.iso).items()
        if stored.comment
    ]
    chart_periods = period_range(target_period.shifted(-7), target_period)
    chart = []
    for code in CHART_INDICATORS:
        series = store.series(code, unit_code, [p.iso for p in chart_periods])
        chart.append(
            (
                catalogue[code].name(language),
                [(p.short_label(language), series[p.iso]) for p in chart_periods],
            )
        )
    return Sheet(
        kind="unit",
        header=sheet_header(
            store,
            unit_code,
            words["unit_title"],
            _subtitle(store, unit_code, target_period, language),
            day,
            language,
        ),
        columns=(
            words["number"],
            words["indicator"],
            words["measure"],
            words["previous"].format(previous.label(language)),
            words["current"].format(target_period.label(language)),
            words["change"],
            words["target"].format(target_period.year),
            words["achieved"],
        ),
        rows=rows,
        notes=notes + reform_notes(store, unit_code, chart_periods, language),
        chart=chart,
        language=language,
    )


def rollup_sheet(
    store: ValueStore,
    unit_code: str,
    period: str,
    day: datetime.date | None = None,
    language: str = "vi",
) -> Sheet:
    """One row per commune under ``unit_code`` for the key indicators, and a Σ/Σ total row."""
    target_period = Period.parse(period)
    day = day or datetime.date.today()
    words = TEXTS[language]
    catalogue = store.catalogue
    indicators = [catalogue[c] for c in ROLLUP_INDICATORS if c in catalogue]

    def cells(values: dict) -> tuple[str, ...]:
        return tuple(
            format_number(values.get(i.code), 1 if i.is_derived else None, language)
            for i in indicators
        )

    children = store.children(unit_code)
    # One read of the subtree gives every row and the total the same way (a year of
    # quarterly values is their sum or their last for a commune as for the province).
    aggregated = store.subtree_aggregates(
        unit_code, target_period.iso, [unit_code] + [c.code for c in children]
    )
    rows = [
        SheetRow(str(number), child.name, cells=cells(aggregated[child.code]))
        for number, child in enumerate(children, start=1)
    ]
    rows.append(SheetRow("", words["total"], cells=cells(aggregated[unit_code]), total=True))
    return Sheet(
        kind="rollup",
        header=sheet_header(
            store,
            unit_code,
            words["rollup_title"],
            _subtitle(store, unit_code, target_period, language),
            day,
            language,
        ),
        columns=(words["number"], words["unit"])
        + tuple(f"{i.name(language)} ({i.unit(language)})" for i in indicators),
        rows=rows,
        notes=[words["sum_over_sum"]] + reform_notes(store, unit_code, [target_period], language),
        landscape=True,
        language=language,
    )
