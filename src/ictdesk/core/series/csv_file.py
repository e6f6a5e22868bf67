"""CSV files of series for people: what the Trends tab saves."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from ictdesk.core.exchange.common import ExportFailed, atomic_output, protect_text
from ictdesk.core.numbers import format_machine


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
