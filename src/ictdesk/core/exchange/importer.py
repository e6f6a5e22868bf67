"""Imports: long, wide and DHIS2 CSV and the fill-in template, detected from their content.

Every row of every file is checked before anything is written; a run with any blocking
problem writes nothing. Conflicts with stored values follow ``on_conflict``. Merging the
returned files of many communes is one run. The readers are in ``readers``, the report and
its problems in ``import_report``.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from ictdesk.core.errors import IctdeskError, InvalidPeriod, StorageError
from ictdesk.core.exchange.import_report import (
    ImportRejected,
    ImportReport,
    ImportStep,
    Incoming,
    Problem,
    translated_location,
)
from ictdesk.core.exchange.readers import (
    COLUMN_OF,
    READERS,
    VALUE_LABEL,
    Read,
    detect_format,
)
from ictdesk.core.numbers import ValueType
from ictdesk.core.periods import Period, canonical_period
from ictdesk.core.store import DUP_FIELD, DUP_SEPARATOR, NOT_GIVEN, ValueStore
from ictdesk.core.units import code_readings
from ictdesk.core.validation import (
    LARGEST_EXACT,
    OPERATORS,
    OUTLIER_MIN_CHANGE,
    Violation,
    check_outlier,
    check_rules,
    check_value,
)

CONFLICT_MODES = ("overwrite", "keep", "newer")


@lru_cache(maxsize=65536)  # values entered together share their time stamp
def _timestamp(text: str) -> datetime | None:
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


PREVIEW_ROWS = 2000
_MISSING = object()


# --------------------------------------------------------------------- import
def import_files(
    store: ValueStore,
    paths: list[Path],
    *,
    on_conflict: str = "newer",
    dry_run: bool = False,
    progress: Callable[[ImportStep], None] | None = None,
) -> ImportReport:
    """Read, check and (unless ``dry_run``) write ``paths`` as one all-or-nothing run.

    Files stream through the checks into the store's staging table, so memory stays small
    for a province's ten years; conflicts, duplicates, rules and outliers are then found with
    a few queries over what was staged. Raises :class:`ImportRejected` (with the report) when
    any blocking problem is found; nothing is stored then. ``progress`` hears each step.
    """
    if on_conflict not in CONFLICT_MODES:
        raise IctdeskError(f"--on-conflict must be one of {', '.join(CONFLICT_MODES)}")
    report = ImportReport(dry_run=dry_run)
    sources = []
    for path, name in _named(list(map(Path, paths))):
        fmt = detect_format(path)
        report.files.append(name)
        report.formats[name] = fmt
        sources.append((path, name, fmt))
    checker = _RowChecker(store, report)
    step = progress or (lambda _step: None)
    try:
        with store.bulk(), store.db.atomic():
            store.clear_staged()
            for done, (path, name, fmt) in enumerate(sources):
                step(ImportStep("read", done, len(sources), name))
                rows = READERS[fmt](path, report.problems, store, name)
                store.stage_values(checker.checked(rows), name)
            step(ImportStep("check", len(sources), len(sources), values=report.rows))
            label_of = checker.label_of
            stored = bool(
                store.db.execute("SELECT EXISTS (SELECT 1 FROM data_values)").fetchone()[0]
            )
            _report_duplicates(store, report, label_of)
            _resolve_conflicts(store, report, on_conflict, _file_times(sources), stored)
            _check_rules(store, report, label_of, stored)
            if stored:
                _check_outliers(store, report, label_of)
            report.preview = _preview(store, label_of)
            if report.blocking:
                raise ImportRejected(report)
            if not dry_run and report.added + report.changed:
                step(
                    ImportStep(
                        "write", len(sources), len(sources), values=report.added + report.changed
                    )
                )
                store.write_staged("import")
                report.written = True
            store.clear_staged()
    except sqlite3.Error as exc:
        raise StorageError(f"the import was not stored: {exc}") from exc
    return report


def _named(paths: list[Path]) -> list[tuple[Path, str]]:
    """Each file with the name problems call it by: its own, or with its folder when two
    returned files share a name (communes' mails saved to folders of their own)."""
    seen: set[str] = set()
    for path in paths:
        if not path.is_file():
            raise IctdeskError(f"file not found: {path}", vi=f"không tìm thấy tệp: {path}")
        if str(path.resolve()) in seen:
            raise IctdeskError(
                f"{path.name} is given twice", vi=f"tệp {path.name} được chọn hai lần"
            )
        seen.add(str(path.resolve()))
    shared = {name for name, count in Counter(p.name for p in paths).items() if count > 1}
    return [
        (p, f"{p.resolve().parent.name}/{p.name}" if p.name in shared else p.name) for p in paths
    ]


def _file_times(sources: list[tuple[Path, str, str]]) -> dict[str, str]:
    """When each file was last saved: the stand-in for rows without ``updated_at``."""
    return {
        name: datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat()
        for path, name, _ in sources
    }


def _location(place: int | str) -> str:
    """ "row 12" for a CSV line number, the cell (``'Sheet'!F9``) otherwise."""
    return f"row {place}" if isinstance(place, int) or str(place).isdigit() else str(place)


def _violation_problem(
    violation: Violation, unit: str, period: str, file: str, place: int | str, label: str
) -> Problem:
    """A rule or outlier of one unit-period, blamed on a value the import brings."""
    return Problem(
        file,
        _location(place),
        label,
        f"{unit} {period}: {violation.message_en}",
        violation.blocking,
        f"{unit} {period}: {violation.message_vi}",
    )


class _RowChecker:
    """Checks every value read, alone: codes, period, time stamp, type and range."""

    def __init__(self, store: ValueStore, report: ImportReport):
        self.report = report
        self.units = {r[0] for r in store.db.execute("SELECT code FROM units")}
        self.catalogue = store.catalogue
        # (low, high, whole) per entered indicator: values inside pass without a closer look;
        # the rest go through check_value, which words the problem (or lets them pass).
        self.limits = {indicator.code: _limits(indicator) for indicator in self.catalogue.entered}
        self.periods: dict[str, str | None] = {}
        self.stamps: dict[str, bool] = {}
        self.labels: dict[tuple[str, str], str] = {}
        self.row_problems: set[tuple[str, int | str, str]] = set()

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
                file, place, label, unit, code, period, value, comment, who, when, flag, owner = row
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
                if limit is None:
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
                if when is not None:
                    good = stamps.get(when)
                    if good is None:
                        good = stamps[when] = _is_timestamp(when)
                    if not good:
                        self._bad(
                            row,
                            f"not a date and time: {when}",
                            f"thời gian không hợp lệ: {when}",
                            "stamp",
                        )
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
        self.report.problems.append(
            Problem(file, _location(place), column, reason, True, reason_vi)
        )

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
        _timestamp(text)
    except ValueError:
        return False
    return True


_RULE_TABLES = (
    "CREATE TEMP TABLE IF NOT EXISTS import_rules (left_code TEXT, op TEXT, right_code TEXT)",
    "CREATE INDEX IF NOT EXISTS temp.import_rules_by_left ON import_rules (left_code)",
    "CREATE INDEX IF NOT EXISTS temp.import_rules_by_right ON import_rules (right_code)",
)
LabelOf = Callable[[str, str], str]  # (file, indicator code) -> the column it was read from
_STAGED_KEY = (
    "d.unit_code = s.unit_code AND d.period = s.period AND d.indicator_code = s.indicator_code"
)


def _report_duplicates(store: ValueStore, report: ImportReport, label_of: LabelOf) -> None:
    """A value given twice (in one file or in two) is an error at each later place."""
    for code, detail, place, dup_at in store.db.execute(
        "SELECT indicator_code, detail, place, dup_at FROM temp.incoming_values"
        " WHERE dup_at IS NOT NULL"
    ):
        first = f"{detail} {_location(place)}"
        for later in dup_at.split(DUP_SEPARATOR):
            file, later_place = later.split(DUP_FIELD)
            report.problems.append(
                Problem(
                    file,
                    _location(later_place),
                    label_of(file, code),
                    f"the same value is also given at {first}",
                    True,
                    f"giá trị này đã có ở {translated_location(first, 'vi')}",
                )
            )


def _resolve_conflicts(
    store: ValueStore,
    report: ImportReport,
    on_conflict: str,
    file_times: dict[str, str],
    stored: bool,
) -> None:
    """Count added, changed, unchanged and skipped values; drop the last two from the batch.

    ``stored``: the database holds any value at all (else every staged value is new).
    """
    db = store.db
    staged = db.execute("SELECT count(*) FROM temp.incoming_values").fetchone()[0]
    if stored:
        report.unchanged = db.execute(
            "DELETE FROM temp.incoming_values WHERE EXISTS (SELECT 1 FROM data_values d"
            " WHERE d.unit_code = incoming_values.unit_code AND d.period = incoming_values.period"
            " AND d.indicator_code = incoming_values.indicator_code"
            " AND d.value IS incoming_values.value"
            " AND (incoming_values.comment IS NULL OR d.comment IS incoming_values.comment))"
        ).rowcount
        conflicts = db.execute(
            "SELECT s.unit_code, s.period, s.indicator_code, s.updated_at, s.detail, d.updated_at"
            f" FROM temp.incoming_values s JOIN data_values d ON {_STAGED_KEY}"
        ).fetchall()
        skipped = [
            (unit, period, code)
            for unit, period, code, incoming, file, stored in conflicts
            if on_conflict == "keep"
            or (on_conflict == "newer" and not _is_newer(incoming or file_times[file], stored))
        ]
        db.conn.executemany(
            "DELETE FROM temp.incoming_values"
            " WHERE unit_code = ? AND period = ? AND indicator_code = ?",
            skipped,
        )
        report.skipped = len(skipped)
        report.changed = len(conflicts) - len(skipped)
    report.added = staged - report.unchanged - report.skipped - report.changed


def _is_newer(incoming: str, stored: str | None) -> bool:
    if not stored:
        return True
    try:
        return _timestamp(incoming) > _timestamp(stored)
    except (ValueError, TypeError):
        return True


def _fails(left: str, right: str) -> str:
    """SQL true when rule ``r`` does not hold between ``left`` and ``right`` (NULL when a side
    is missing: a rule with a missing side is skipped, as in check_rules)."""
    cases = " ".join(f"WHEN '{op}' THEN NOT ({left} {op} {right})" for op in OPERATORS)
    return f"CASE r.op {cases} END"


def _check_rules(store: ValueStore, report: ImportReport, label_of: LabelOf, stored: bool) -> None:
    """Rules over each unit-period the import changes, its values merged into the stored.

    A self-join of the staged values (each value with the other side of every rule it is in,
    staged or else stored) finds the unit-periods where a rule fails; only those are read
    back and checked by :func:`check_rules`, which words the problem.
    """
    rules = [rule for rule in store.rules() if rule.op in OPERATORS]
    if not rules:
        return
    db = store.db
    for statement in _RULE_TABLES:
        db.execute(statement)
    db.execute("DELETE FROM temp.import_rules")
    db.conn.executemany(
        "INSERT INTO temp.import_rules (left_code, op, right_code) VALUES (?, ?, ?)",
        [(rule.left, rule.op, rule.right) for rule in rules],
    )
    # CROSS JOIN keeps the staged values as the outer loop: one pass, then key seeks.
    right = "b.value"
    stored_right = ""
    if stored:
        right = "IIF(b.unit_code IS NULL, d.value, b.value)"
        stored_right = (
            " LEFT JOIN data_values d ON d.unit_code = a.unit_code AND d.period = a.period"
            " AND d.indicator_code = r.right_code"
        )
    query = (
        "SELECT DISTINCT a.unit_code, a.period FROM temp.incoming_values a"
        " CROSS JOIN temp.import_rules r ON r.left_code = a.indicator_code"
        " LEFT JOIN temp.incoming_values b ON b.unit_code = a.unit_code"
        " AND b.period = a.period AND b.indicator_code = r.right_code"
        f"{stored_right} WHERE {_fails('a.value', right)}"
    )
    if stored:  # the right side staged, the left only stored
        query += (
            " UNION SELECT b.unit_code, b.period FROM temp.incoming_values b"
            " CROSS JOIN temp.import_rules r ON r.right_code = b.indicator_code"
            " JOIN data_values d ON d.unit_code = b.unit_code AND d.period = b.period"
            " AND d.indicator_code = r.left_code"
            " WHERE NOT EXISTS (SELECT 1 FROM temp.incoming_values a"
            " WHERE a.unit_code = b.unit_code AND a.period = b.period"
            f" AND a.indicator_code = r.left_code) AND {_fails('d.value', 'b.value')}"
        )
    flagged = db.execute(query).fetchall()
    for unit, period in flagged:
        values = dict(
            db.execute(
                "SELECT indicator_code, value FROM data_values WHERE unit_code = ? AND period = ?"
                " AND value IS NOT NULL",
                [unit, period],
            ).fetchall()
        )
        staged = db.execute(
            "SELECT indicator_code, value, detail, place FROM temp.incoming_values"
            " WHERE unit_code = ? AND period = ?",
            [unit, period],
        ).fetchall()
        values.update((code, value) for code, value, *_ in staged)
        values = {code: value for code, value in values.items() if value is not None}
        for violation in check_rules(values, rules):
            culprit = next((r for r in staged if r[0] in violation.indicators), None)
            if culprit is None:
                continue  # broken by stored values only: not this import's doing
            code, _, file, place = culprit
            report.problems.append(
                _violation_problem(violation, unit, period, file, place, label_of(file, code))
            )


def _check_outliers(store: ValueStore, report: ImportReport, label_of: LabelOf) -> None:
    """Warnings for stocks that jump against the stored value of the period before (call it
    only when the database holds values)."""
    db = store.db
    share, catalogue = store.outlier_share, store.catalogue
    periods = [r[0] for r in db.execute("SELECT DISTINCT period FROM temp.incoming_values")]
    db.execute(
        "CREATE TEMP TABLE IF NOT EXISTS period_before (period TEXT PRIMARY KEY, previous TEXT)"
    )
    db.execute("DELETE FROM temp.period_before")
    db.conn.executemany(
        "INSERT INTO temp.period_before VALUES (?, ?)",
        [(p, Period.parse(p).previous().iso) for p in periods],
    )
    # CROSS JOIN fixes the order: each staged value, its period before, then one key seek. Left
    # to itself the planner read the by-indicator index for every staged value (minutes for
    # a province's file imported over its own history).
    candidates = db.execute(
        "SELECT s.unit_code, s.indicator_code, s.period, s.value, d.value, s.detail, s.place"
        " FROM temp.incoming_values s CROSS JOIN temp.period_before b ON b.period = s.period"
        " CROSS JOIN data_values d ON d.unit_code = s.unit_code AND d.period = b.previous"
        " AND d.indicator_code = s.indicator_code"
        " WHERE s.value IS NOT NULL AND d.value IS NOT NULL AND d.value != 0"
        " AND abs(s.value - d.value) >= ? AND abs(s.value - d.value) > ? * abs(d.value)",
        [OUTLIER_MIN_CHANGE, share],
    ).fetchall()
    for unit, code, period, value, before, file, place in candidates:
        for violation in check_outlier(catalogue[code], value, before, share):
            report.problems.append(
                _violation_problem(violation, unit, period, file, place, label_of(file, code))
            )


def _preview(store: ValueStore, label_of: LabelOf) -> list[Incoming]:
    """The first values the import would write (with the value each replaces), for the
    preview table."""
    return [
        Incoming(
            file, _location(place), label_of(file, code), unit, code, period, value, name, stored
        )
        for unit, code, period, value, file, place, name, stored in store.db.execute(
            "SELECT s.unit_code, s.indicator_code, s.period, s.value, s.detail, s.place, u.name,"
            f" d.value FROM (SELECT * FROM temp.incoming_values LIMIT {PREVIEW_ROWS}) s"
            " JOIN units u ON u.code = s.unit_code"
            f" LEFT JOIN data_values d ON {_STAGED_KEY}"
        )
    ]
