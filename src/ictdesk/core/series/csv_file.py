"""CSV files of series for people: what the Trends tab saves."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ictdesk.core.catalogue import Indicator
from ictdesk.core.exchange.common import ExportFailed, atomic_output, protect_text
from ictdesk.core.numbers import format_machine
from ictdesk.core.periods import Period
from ictdesk.core.series.table import SeriesTable
from ictdesk.core.store import ValueStore

if TYPE_CHECKING:
    from ictdesk.core.series.views import RankedUnit


# ------------------------------------------------------------------- CSV out
def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return ""
        return format_machine(value)
    return protect_text(str(value))


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a CSV people open in Excel: UTF-8 with BOM, CRLF, machine numbers; atomically.

    Numbers are exact with ``.`` decimals and no grouping; ``None`` is an empty cell; text
    that Excel would run as a formula is prefixed with ``'``. Returns the number of rows.
    Raises :class:`ExportFailed` (and leaves no partial file) if it cannot be written.
    """
    count = 0
    try:
        with atomic_output(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(header)
            for row in rows:
                writer.writerow([_cell(v) for v in row])
                count += 1
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from None
    return count


# The Trends tab's files: headers in the language the user reads the chart in.
_HEADERS = {
    "vi": {
        "rank": "Hạng",
        "unit_code": "Mã đơn vị",
        "unit_name": "Tên đơn vị",
        "indicator_code": "Mã chỉ tiêu",
        "indicator_name": "Tên chỉ tiêu",
        "period": "Kỳ báo cáo",
        "value": "Giá trị",
        "target": "Kế hoạch",
    },
    "en": {
        "rank": "rank",
        "unit_code": "unit_code",
        "unit_name": "unit_name",
        "indicator_code": "indicator_code",
        "indicator_name": "indicator_name",
        "period": "period",
        "value": "value",
        "target": "target",
    },
}
RATE_DECIMALS = 2  # a rate as a person reads it (83.33, not 83.33333333333333)


def _shown(indicator: Indicator, value: float | None) -> float | None:
    return round(value, RATE_DECIMALS) if value is not None and indicator.is_derived else value


def trend_rows(
    store: ValueStore, table: SeriesTable, language: str = "vi"
) -> tuple[list[str], list[tuple]]:
    """The header and rows of a trend's numbers: a row per unit and period, with its target."""
    indicator = table.indicator
    words = _HEADERS.get(language, _HEADERS["en"])
    keys = ("unit_code", "unit_name", "indicator_code", "indicator_name", "period", "value")
    header = [words[k] for k in (*keys, "target")]
    rows = []
    for code, values in table.values.items():
        unit_name = store.unit(code).name
        for period, value in zip(table.periods, values, strict=True):
            target = store.target(indicator.code, code, period.year)
            rows.append(
                (
                    code,
                    unit_name,
                    indicator.code,
                    indicator.name(language),
                    period.iso,
                    _shown(indicator, value),
                    target,
                )
            )
    return header, rows


def ranking_rows(
    indicator: Indicator,
    ranked: Sequence[RankedUnit],
    period: Period,
    target: float | None,
    language: str = "vi",
) -> tuple[list[str], list[tuple]]:
    """The header and rows of a ranking: a row per unit, best first."""
    words = _HEADERS.get(language, _HEADERS["en"])
    keys = ("rank", "unit_code", "unit_name", "indicator_code", "indicator_name", "period")
    header = [words[k] for k in (*keys, "value", "target")]
    rows = [
        (
            r.rank,
            r.unit.code,
            r.unit.name,
            indicator.code,
            indicator.name(language),
            period.iso,
            _shown(indicator, r.value),
            target,
        )
        for r in ranked
    ]
    return header, rows
