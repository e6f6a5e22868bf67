"""The checks of every value an import reads, alone: codes, period, time stamp, type, range.

The set-based checks (duplicates, conflicts, rules, outliers) come after, over the staged
batch (see ``importer``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from functools import lru_cache

from ictdesk.core.errors import InvalidPeriod
from ictdesk.core.exchange.import_report import (
    ImportReport,
    Problem,
)
from ictdesk.core.exchange.readers import (
    COLUMN_OF,
    VALUE_LABEL,
    Read,
)
from ictdesk.core.numbers import ValueType
from ictdesk.core.periods import canonical_period
from ictdesk.core.store import NOT_GIVEN, ValueStore, now_iso
from ictdesk.core.store.records import not_in_future, nul_refusal
from ictdesk.core.units import code_readings
from ictdesk.core.validation import (
    LARGEST_EXACT,
    check_value,
)


@lru_cache(maxsize=65536)  # values entered together share their time stamp
def timestamp(text: str) -> datetime | None:
    """An ISO 8601 time (``Z``, ``+07:00`` or DHIS2's ``+0000``), as UTC; None if empty."""
    if not text:
        return None
    cleaned = text.strip().replace("Z", "+00:00")
    cleaned = re.sub(r"([+-][0-9]{2})([0-9]{2})$", r"\1:\2", cleaned)
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"not a date and time: {text}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


_MISSING = object()


def location(place: int | str) -> str:
    """ "row 12" for a CSV line number, the cell (``'Sheet'!F9``) otherwise."""
    return f"row {place}" if isinstance(place, int) or str(place).isdigit() else str(place)


class RowChecker:
    """Checks every value read, alone: codes, period, time stamp, type and range."""

    def __init__(self, store: ValueStore, report: ImportReport):
        self.report = report
        self.units = store.unit_codes()
        self.catalogue = store.catalogue
        # (low, high, whole) per entered indicator: values inside pass without a closer look;
        # the rest go through check_value, which words the problem (or lets them pass).
        self.limits = {indicator.code: _limits(indicator) for indicator in self.catalogue.entered}
        self.periods: dict[str, str | None] = {}
        # time stamp -> False (not a time), True (kept) or the import's time it is clamped to
        self.stamps: dict[str, bool | str] = {}
        self.now = now_iso()
        self.dated_ahead: set[str] = set()  # files with a time in the future (said once each)
        self.labels: dict[tuple[str, str], str] = {}
        self.row_problems: set[tuple[str, int | str, str]] = set()
        # unit-periods the files mark complete: (unit, period) -> (completed_at, completed_by)
        self.completions: dict[tuple[str, str], tuple[str | None, str | None]] = {}

    def label_of(self, file: str, code: str) -> str:
        """The column a staged value of ``file`` came from ("value" in long and DHIS2 CSV)."""
        return self.labels.get((file, code), VALUE_LABEL)

    def checked(self, rows: Iterable[Read]) -> Iterator[tuple]:
        """The rows that pass, as staging rows; the others become problems."""
        report, units, limits, periods, stamps = (
            self.report,
            self.units,
            self.limits,
            self.periods,
            self.stamps,
        )
        count = 0
        try:
            for row in rows:
                count += 1
                file, place, label, unit, code, period, value, comment, who, when, *last = row
                flag, owner, complete = last
                if unit not in units:
                    unit = self._repaired_unit(unit)
                    if unit is None:
                        self._bad(
                            row,
                            f"unknown unit code {row[3]!r}",
                            f"mã đơn vị {row[3]!r} không tồn tại",
                            "unit",
                        )
                        continue
                if owner is not None and unit != owner:
                    self._bad(
                        row,
                        f"this sheet was made for unit {owner}, not {unit}",
                        f"trang tính này lập cho đơn vị {owner}, không phải {unit}",
                        "unit",
                    )
                    continue
                limit = limits.get(code)
                if limit is None and code is not None:
                    self._bad_indicator(row)
                    continue
                canonical = periods.get(period, _MISSING)
                if canonical is _MISSING:
                    canonical = periods[period] = _canonical_or_none(period)
                if canonical is None:
                    self._bad(
                        row,
                        f"not a period: {period!r} (use 2024, 2024S1, 2024Q1 or 202403)",
                        f"kỳ báo cáo không hợp lệ: {period!r} (dùng 2024, 2024S1, 2024Q1, 202403)",
                        "period",
                    )
                    continue
                if complete is not None and not self._completion(row, unit, canonical, complete):
                    continue
                if code is None:
                    count -= 1  # a row that only marks its unit-period complete: no value
                    continue
                if when is not None:
                    good = stamps.get(when)
                    if good is None:
                        good = stamps[when] = self._stamp(when)
                    if not good:
                        self._bad(
                            row,
                            f"not a date and time: {when}",
                            f"thời gian không hợp lệ: {when}",
                            "stamp",
                        )
                        continue
                    if good is not True:
                        self._ahead(row, when)
                        when = good
                if comment or who:
                    refused = nul_refusal(comment, "comment", "ghi chú") or nul_refusal(
                        who, "stored_by", "người nhập"
                    )
                    if refused is not None:
                        self._bad(row, str(refused), refused.vi, "comment")
                        continue
                if value is not None:
                    low, high, whole = limit
                    if not (low <= value <= high) or (whole and value != int(value)):
                        violations = check_value(self.catalogue[code], value)
                        if violations or value != value:
                            reason = violations[0] if violations else None
                            self._bad(
                                row,
                                reason.message_en if reason else "not a number",
                                reason.message_vi if reason else "không phải là số",
                            )
                            continue
                if label is not VALUE_LABEL:
                    self.labels[(file, code)] = label  # a wide sheet's column title
                yield (
                    unit,
                    code,
                    canonical,
                    value,
                    NOT_GIVEN if comment is None else comment,
                    NOT_GIVEN if who is None else who,
                    NOT_GIVEN if when is None else when,
                    NOT_GIVEN if flag is None else int(flag),
                    place,
                )
        finally:
            report.rows += count

    def _completion(self, row: Read, unit: str, period: str, complete: tuple) -> bool:
        """Record that a file marks ``unit`` ``period`` complete; False if its time is bad."""
        when, who = complete
        if when is not None:
            good = self.stamps.get(when)
            if good is None:
                good = self.stamps[when] = self._stamp(when)
            if not good:
                self._bad(
                    row,
                    f"not a date and time: {when}",
                    f"thời gian không hợp lệ: {when}",
                    "completed",
                )
                return False
            if good is not True:
                self._ahead(row, when)
                when = good
        self.completions.setdefault((unit, period), (when, who))
        return True

    def _stamp(self, text: str) -> bool | str:
        """False if ``text`` is not a time; the import's time if it is later (a wrong clock,
        9999-12-31: it would win every later ``--on-conflict newer``); else True."""
        if not _is_timestamp(text):
            return False
        clamped = not_in_future(text, self.now)
        return True if clamped == text else clamped

    def _ahead(self, row: Read, when: str) -> None:
        """Warn, once a file, that its times in the future are taken as the import's."""
        file, place = row[:2]
        if file in self.dated_ahead:
            return
        self.dated_ahead.add(file)
        column = COLUMN_OF.get(self.report.formats.get(file, ""), {}).get("stamp", "")
        self.report.problems.append(
            Problem(
                file,
                location(place),
                column,
                f"time in the future ({when}); this file's times after now are stored as the"
                f" import's time ({self.now})",
                False,
                f"thời gian ở tương lai ({when}); các thời gian sau hiện tại của tệp này được"
                f" lưu bằng thời điểm nhập ({self.now})",
            )
        )

    def _bad(self, row: Read, reason: str, reason_vi: str, field: str = "value") -> None:
        """A blocking problem of one value read; ``field`` ("unit", "indicator", "period",
        "stamp" or "value") names the column at fault. A wide row's unit or period is wrong
        once for the whole row, not once per value in it."""
        file, place, label = row[:3]
        column = COLUMN_OF.get(self.report.formats.get(file, ""), {}).get(field, label or "")
        if field in ("unit", "period"):
            if (file, place, field) in self.row_problems:
                return
            self.row_problems.add((file, place, field))
        self.report.problems.append(Problem(file, location(place), column, reason, True, reason_vi))

    def _bad_indicator(self, row: Read) -> None:
        code = row[4]
        if code in self.catalogue:
            self._bad(
                row,
                f"{code} is computed from other indicators; it cannot be imported",
                f"{code} được tính từ các chỉ tiêu khác, không nhập được",
                "indicator",
            )
        else:
            self._bad(
                row,
                f"unknown indicator code {code!r}",
                f"mã chỉ tiêu {code!r} không có trong danh mục",
                "indicator",
            )

    def _repaired_unit(self, unit: str) -> str | None:
        """A spreadsheet turns "04792" into 4792 (see :func:`code_readings`)."""
        if len(unit) > 20:  # no code is this long (and int() refuses 4,300 digits)
            return None
        return next((code for code in code_readings(unit)[1:] if code in self.units), None)


def _limits(indicator) -> tuple[float, float, bool]:
    """The range inside which :func:`check_value` finds nothing wrong with a value."""
    low, high = indicator.minimum, indicator.maximum
    if indicator.value_type is ValueType.PERCENT:
        low = 0 if low is None else low
        high = 100 if high is None else high
    low = -LARGEST_EXACT if low is None else max(low, -LARGEST_EXACT)
    high = LARGEST_EXACT if high is None else min(high, LARGEST_EXACT)
    return low, high, indicator.value_type is ValueType.INTEGER


def _canonical_or_none(text: str) -> str | None:
    try:
        return canonical_period(text)
    except InvalidPeriod:
        return None


def _is_timestamp(text: str) -> bool:
    try:
        timestamp(text)
    except ValueError:
        return False
    return True
