"""Imports: long, wide and DHIS2 CSV, DHIS2 JSON and the fill-in template (xlsx, ods, xls),
detected from their content.

Every row of every file is checked before anything is written; a run with any blocking
problem writes nothing. Conflicts with stored values follow ``on_conflict``. Merging the
returned files of many communes is one run. The readers are in ``readers``, the report and
its problems in ``import_report``.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ictdesk.core.errors import IctdeskError
from ictdesk.core.exchange.dhis2_readers import read_dhis2, read_dhis2_json
from ictdesk.core.exchange.import_report import (
    ImportRejected,
    ImportReport,
    ImportStep,
    Incoming,
    Problem,
    translated_location,
)
from ictdesk.core.exchange.readers import (
    detect_format,
    read_long,
    read_wide,
)
from ictdesk.core.exchange.row_checks import RowChecker, location, timestamp
from ictdesk.core.exchange.template_reader import read_template
from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore
from ictdesk.core.store.base import not_saved
from ictdesk.core.validation import (
    OPERATORS,
    OUTLIER_MIN_CHANGE,
    Violation,
    check_outlier,
    check_rules,
)

if TYPE_CHECKING:
    from ictdesk.core.reform.convert import OldUnitImport

CONFLICT_MODES = ("overwrite", "keep", "newer")


PREVIEW_ROWS = 2000
READERS = {
    "long": read_long,
    "dhis2": read_dhis2,
    "dhis2-json": read_dhis2_json,
    "wide": read_wide,
    "template": read_template,
}
DHIS2_FORMATS = ("dhis2", "dhis2-json")  # they may carry deletions


# --------------------------------------------------------------------- import
def import_files(
    store: ValueStore,
    paths: list[Path],
    *,
    on_conflict: str = "newer",
    dry_run: bool = False,
    apply_deletions: bool = False,
    progress: Callable[[ImportStep], None] | None = None,
    old_units: OldUnitImport | None = None,
) -> ImportReport:
    """Read, check and (unless ``dry_run``) write ``paths`` as one all-or-nothing run.

    A DHIS2 row marked ``deleted`` is refused unless ``apply_deletions``; then it removes the
    stored value (as any change, only if newer under ``on_conflict="newer"``).

    Files stream through the checks into the store's staging table, so memory stays small
    for a province's ten years; conflicts, duplicates, rules and outliers are then found with
    a few queries over what was staged. Raises :class:`ImportRejected` (with the report) when
    any blocking problem is found; nothing is stored then. ``progress`` hears each step.
    ``old_units``: the files are keyed by units before 1 July 2025 (see ``core.reform``).
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
    checker = RowChecker(store, report)
    step = progress or (lambda _step: None)
    try:
        with store.staged_batch(keep=not dry_run):
            if old_units is not None:
                old_units.begin(store, report)
            for done, (path, name, fmt) in enumerate(sources):
                step(ImportStep("read", done, len(sources), name))
                reader = READERS[fmt]
                if fmt in DHIS2_FORMATS:
                    reader = partial(reader, apply_deletions=apply_deletions)
                rows = reader(path, report.problems, store, name)
                if old_units is not None:
                    rows = old_units.rows(rows, path)
                store.stage_values(checker.checked(rows), name)
            for detail, converted in old_units.converted() if old_units is not None else ():
                store.stage_values(converted, detail)
            step(ImportStep("check", len(sources), len(sources), values=report.rows))
            report.completed = store.stage_completions(
                (unit, period, when, who)
                for (unit, period), (when, who) in checker.completions.items()
            )
            label_of = checker.label_of
            stored = store.holds_values()
            _report_duplicates(store, report, label_of)
            _resolve_conflicts(store, report, on_conflict, _file_times(sources), stored)
            _check_rules(store, report, label_of, stored)
            if stored:
                _check_outliers(store, report, label_of)
            _check_sub_periods(store, report, label_of, checker.periods.values())
            report.preview = _preview(store, label_of)
            if report.blocking:
                raise ImportRejected(report)
            if not dry_run and report.changes:
                step(
                    ImportStep(
                        "write", len(sources), len(sources), values=report.added + report.changed
                    )
                )
                store.write_staged("import")
                report.written = True
    except sqlite3.Error as exc:
        raise not_saved("the import was not stored", "Chưa lưu được dữ liệu nhập", exc) from exc
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


def _violation_problem(
    violation: Violation, unit: str, period: str, file: str, place: int | str, label: str
) -> Problem:
    """A rule or outlier of one unit-period, blamed on a value the import brings."""
    return Problem(
        file,
        location(place),
        label,
        f"{unit} {period}: {violation.message_en}",
        violation.blocking,
        f"{unit} {period}: {violation.message_vi}",
    )


LabelOf = Callable[[str, str], str]  # (file, indicator code) -> the column it was read from


def _report_duplicates(store: ValueStore, report: ImportReport, label_of: LabelOf) -> None:
    """A value given twice (in one file or in two) is an error at each later place."""
    for code, detail, place, later in store.staged_duplicates():
        first = f"{detail} {location(place)}"
        for file, later_place in later:
            report.problems.append(
                Problem(
                    file,
                    location(later_place),
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
    """Count added, changed, deleted, unchanged and skipped values and the follow-up flags
    that change; drop the unchanged and skipped from the batch.

    ``stored``: the database holds any value at all (else every staged value is new). A value
    whose only change is its follow-up flag is unchanged, and its flag changes whatever the
    conflict mode (flagging a value does not make it newer).
    """
    staged = store.staged_count()
    report.unchanged = store.drop_staged_nothing()
    if stored:
        report.flags_changed = store.keep_followup_changes()
        report.unchanged += store.drop_unchanged()
        conflicts = store.staged_conflicts()
        skipped = [
            (unit, period, code)
            for unit, period, code, incoming, file, stored in conflicts
            if on_conflict == "keep"
            or (on_conflict == "newer" and not _is_newer(incoming or file_times[file], stored))
        ]
        store.drop_staged(skipped)
        report.skipped = len(skipped)
        report.deleted = store.staged_deletions()
        report.changed = len(conflicts) - len(skipped) - report.deleted
    report.added = staged - report.unchanged - report.skipped - report.changed - report.deleted


def _is_newer(incoming: str, stored: str | None) -> bool:
    if not stored:
        return True
    try:
        return timestamp(incoming) > timestamp(stored)
    except (ValueError, TypeError):
        return True


def _check_rules(store: ValueStore, report: ImportReport, label_of: LabelOf, stored: bool) -> None:
    """Rules over each unit-period the import changes, its values merged into the stored.

    A self-join of the staged values (each value with the other side of every rule it is in,
    staged or else stored) finds the unit-periods where a rule fails; only those are read
    back and checked by :func:`check_rules`, which words the problem.
    """
    rules = [rule for rule in store.rules() if rule.op in OPERATORS]
    if not rules:
        return
    flagged = store.staged_rule_failures(rules, stored)
    for unit, period in flagged:
        values = {code: v.value for code, v in store.values_for(unit, period).items()}
        staged = store.staged_at(unit, period)
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
    share, catalogue = store.outlier_share, store.catalogue
    candidates = store.staged_outliers(share, OUTLIER_MIN_CHANGE)
    for unit, code, period, value, before, file, place in candidates:
        for violation in check_outlier(catalogue[code], value, before, share):
            report.problems.append(
                _violation_problem(violation, unit, period, file, place, label_of(file, code))
            )


def _check_sub_periods(
    store: ValueStore, report: ImportReport, label_of: LabelOf, periods: Iterable[str | None]
) -> None:
    """Warnings for values of a whole period (a quarter, a year) where the unit reports its
    months, and for months under a whole period the unit holds: a value stored for a period
    is used instead of its months in every sum."""
    read = [period for period in periods if period is not None]
    for unit, code, period, file, place, wholes in store.staged_under_whole_periods(read):
        en = ", ".join(Period.parse(p).label("en") for p in wholes)
        vi = ", ".join(Period.parse(p).label("vi") for p in wholes)
        this_en, this_vi = Period.parse(period).label("en"), Period.parse(period).label("vi")
        report.problems.append(
            Problem(
                file,
                location(place),
                label_of(file, code),
                f"{unit} {period}: {en} is stored as a whole for this unit; every total uses"
                f" it instead of {this_en}. If it is no longer right, clear it",
                False,
                f"{unit} {period}: đơn vị đã có số liệu cả {vi}; khi tổng hợp, số đó được dùng"
                f" thay cho số {this_vi}. Nếu số đó không còn đúng, hãy xoá nó",
            )
        )
    for unit, code, period, file, place in store.staged_over_sub_periods(read):
        shown = Period.parse(period)
        report.problems.append(
            Problem(
                file,
                location(place),
                label_of(file, code),
                f"{unit} {period}: the file gives {shown.label('en')} as a whole, while periods"
                " within it are reported; imported, every total uses this value instead of"
                " theirs. If the unit reports by month, leave this row out",
                False,
                f"{unit} {period}: tệp cho số liệu cả {shown.label('vi')}, trong khi các kỳ"
                " trong đó đã có số liệu; nếu nhập, khi tổng hợp sẽ dùng số này thay cho các kỳ"
                " đó. Nếu đơn vị báo cáo theo tháng, hãy bỏ dòng này",
            )
        )


def _preview(store: ValueStore, label_of: LabelOf) -> list[Incoming]:
    """The first values the import would write (with the value each replaces), for the
    preview table."""
    return [
        Incoming(
            file, location(place), label_of(file, code), unit, code, period, value, name, stored
        )
        for unit, code, period, value, file, place, name, stored in store.staged_preview(
            PREVIEW_ROWS
        )
    ]
