"""Imports: long, wide and DHIS2 CSV and the fill-in template, detected from their content.

Every row of every file is checked before anything is written; a run with any blocking
problem writes nothing. Conflicts with stored values follow ``on_conflict``. Merging the
returned files of many communes is one run.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from ictdesk.core.errors import IctdeskError, InvalidNumber, InvalidPeriod
from ictdesk.core.exchange.common import (
    BOM,
    DHIS2_HEADER,
    LONG_HEADER,
    WIDE_PERIOD,
    WIDE_UNIT_CODE,
)
from ictdesk.core.exchange.template import (
    CODE_CELL,
    COMMENT_COLUMN,
    FIRST_ROW,
    META_SHEET,
    PERIOD_CELL,
    TEMPLATE_MARK,
    VALUE_COLUMN,
)
from ictdesk.core.numbers import ValueType, parse_number
from ictdesk.core.periods import canonical_period
from ictdesk.core.store import ValueStore, ValueWrite
from ictdesk.core.validation import check_value

CONFLICT_MODES = ("overwrite", "keep", "newer")
_INT = re.compile(r"^-?[0-9]+$")
_DECIMAL = re.compile(r"^-?[0-9]+\.[0-9]+$")
_CODE_IN_HEADER = re.compile(r"\[([A-Za-z0-9_]+)\]\s*$")
_WIDE_FIRST = {WIDE_UNIT_CODE.lower(), "unit_code", "ma don vi", "mã đv"}
_WIDE_PERIOD = {WIDE_PERIOD.lower(), "period", "ky bao cao"}


class ImportRejected(IctdeskError):
    """The import found blocking problems and wrote nothing; ``report`` lists them."""

    def __init__(self, report: ImportReport):
        blocking = [p for p in report.problems if p.blocking]
        first = blocking[0] if blocking else None
        where = f" (first: {first.describe()})" if first else ""
        super().__init__(f"nothing imported: {len(blocking)} problems{where}")
        self.report = report


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an imported file, located as precisely as the format allows."""

    file: str
    location: str  # "row 12", "'sheet'!F9", "header"
    column: str
    reason: str
    blocking: bool = True
    reason_vi: str = ""

    def describe(self) -> str:
        column = f", {self.column}" if self.column else ""
        return f"{self.file} {self.location}{column}: {self.reason}"

    def text(self, language: str = "vi") -> str:
        """The reason in the interface language."""
        return self.reason_vi if language == "vi" and self.reason_vi else self.reason

    def where(self, language: str = "vi") -> str:
        """The location in the interface language: "row 12" is "dòng 12" in Vietnamese."""
        if language != "vi":
            return self.location
        return self.location.replace("row ", "dòng ").replace("header", "dòng tiêu đề")


@dataclass(slots=True)
class Incoming:
    """One value read from a file, not yet checked against the database."""

    file: str
    location: str
    column: str
    unit_code: str
    indicator_code: str
    period: str
    value: int | float | None
    comment: str | None = None
    stored_by: str | None = None
    updated_at: str | None = None
    followup: bool | None = None
    owner: str | None = None  # the unit a template sheet was made for


@dataclass
class ImportReport:
    """What an import found and did (or would do, for a dry run)."""

    files: list[str] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    written: bool = False
    incoming: list[Incoming] = field(default_factory=list)

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.blocking]

    def summary(self) -> str:
        state = "imported" if self.written else "would import" if not self.blocking else "rejected"
        return (
            f"{state}: {self.rows} rows from {len(self.files)} files — {self.added} added,"
            f" {self.changed} changed, {self.unchanged} unchanged, {self.skipped} skipped;"
            f" {len(self.blocking)} errors, {len(self.warnings)} warnings"
        )

    def write_csv(self, path: Path) -> None:
        """The problems as CSV (file, location, column, severity, reason) for the user."""
        from ictdesk.core.exchange.common import atomic_output

        with atomic_output(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(BOM)
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(["file", "location", "column", "severity", "reason"])
            for p in self.problems:
                writer.writerow(
                    [p.file, p.location, p.column, "error" if p.blocking else "warning", p.reason]
                )


def _not_a_number(file: str, location: str, column: str, raw, reason) -> Problem:
    return Problem(
        file,
        location,
        column,
        f"{raw!r}: {reason}",
        True,
        f"{raw!r}: không phải là số hợp lệ (số nguyên dùng dấu chấm phân cách hàng nghìn,"
        " số thập phân dùng dấu phẩy)",
    )


def _machine_number(text: str) -> int | float:
    """A number as machines write it: ``12500``, ``-3``, ``83.6``; anything else is refused."""
    if _INT.match(text):
        return int(text)
    if _DECIMAL.match(text):
        return float(text)
    raise InvalidNumber("not a number in machine format (digits, '.' for decimals)")


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


# --------------------------------------------------------------------- readers
def detect_format(path: Path) -> str:
    """``long``, ``wide``, ``dhis2`` or ``template``, from the file's content."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04"):
        return "template"
    text = head.decode("utf-8-sig", errors="replace")
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    cells = [c.strip().strip('"').lower() for c in first.split(delimiter)]
    while cells and not cells[-1]:
        cells.pop()
    if tuple(cells) == LONG_HEADER:
        return "long"
    if tuple(cells) == DHIS2_HEADER:
        return "dhis2"
    if cells and cells[0] in _WIDE_FIRST and len(cells) > 3 and cells[2] in _WIDE_PERIOD:
        return "wide"
    raise IctdeskError(
        f"{path.name}: not a file ictdesk can import (long, wide or DHIS2 CSV, or a template)"
    )


def _csv_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, cells) of a CSV saved by anyone: BOM or not, ``,`` or ``;``."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IctdeskError(
            f"{path.name}: the file is not UTF-8 text (save it as CSV UTF-8)"
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    header: list[str] | None = None
    for cells in reader:
        while cells and not cells[-1].strip():
            cells.pop()  # trailing empty columns (and whole empty rows)
        if header is None:
            header = [c.strip() for c in cells]
        elif cells:
            rows.append((reader.line_num, cells))
    return header or [], rows


def read_long(path: Path, problems: list[Problem]) -> list[Incoming]:
    header, rows = _csv_rows(path)
    found = []
    for line, cells in rows:
        if len(cells) < 6 or len(cells) > len(LONG_HEADER):
            problems.append(
                Problem(
                    path.name,
                    f"row {line}",
                    "",
                    f"expected {len(LONG_HEADER)} columns",
                    reason_vi=f"cần {len(LONG_HEADER)} cột",
                )
            )
            continue
        cells = cells + [""] * (len(LONG_HEADER) - len(cells))
        unit, _, indicator, _, period, raw, comment, who, when = cells
        value = None
        if raw.strip():
            try:
                value = _machine_number(raw.strip())
            except InvalidNumber as exc:
                problems.append(_not_a_number(path.name, f"row {line}", "value", raw, exc))
                continue
        found.append(
            Incoming(
                path.name,
                f"row {line}",
                "value",
                unit.strip(),
                indicator.strip(),
                period.strip(),
                value,
                comment or None,
                who or None,
                when or None,
            )
        )
    return found


def read_dhis2(path: Path, problems: list[Problem]) -> list[Incoming]:
    header, rows = _csv_rows(path)
    found = []
    for line, cells in rows:
        cells = cells + [""] * (len(DHIS2_HEADER) - len(cells))
        element, period, orgunit, _, _, raw, who, when, comment, followup = cells[:10]
        try:
            value = _machine_number(raw.strip())
        except InvalidNumber as exc:
            problems.append(_not_a_number(path.name, f"row {line}", "value", raw, exc))
            continue
        flag = followup.strip().lower()
        if flag not in ("", "true", "false"):
            problems.append(
                Problem(
                    path.name,
                    f"row {line}",
                    "followup",
                    "true or false expected",
                    reason_vi="cần true hoặc false",
                )
            )
            continue
        found.append(
            Incoming(
                path.name,
                f"row {line}",
                "value",
                orgunit.strip(),
                element.strip(),
                period.strip(),
                value,
                comment or None,
                who or None,
                when or None,
                None if not flag else flag == "true",
            )
        )
    return found


def _wide_number(text: str, value_type: ValueType) -> int | float | None:
    """A number as people type it in a sheet: machine (``83.6``) or Vietnamese (``12.500``).

    Text that reads two ways (``12.345`` for a decimal indicator) is refused, never guessed.
    """
    parsed = parse_number(text, value_type, "vi")
    if parsed.ambiguous:
        raise InvalidNumber("can be read two ways (decimal or thousands); write it unambiguously")
    return parsed.value


def read_wide(path: Path, problems: list[Problem], store: ValueStore) -> list[Incoming]:
    header, rows = _csv_rows(path)
    catalogue = store.catalogue
    columns: list[tuple[int, str]] = []
    for index, title in enumerate(header[3:], start=3):
        match = _CODE_IN_HEADER.search(title)
        code = match.group(1) if match else title.strip()
        if code not in catalogue:
            problems.append(
                Problem(
                    path.name,
                    "header",
                    title,
                    "unknown indicator column",
                    reason_vi="cột chỉ tiêu không có trong danh mục",
                )
            )
            continue
        if not catalogue[code].is_derived:  # rates are recomputed, never imported
            columns.append((index, code))
    found = []
    for line, cells in rows:
        unit = cells[0].strip().lstrip("'") if cells else ""
        period = cells[2].strip() if len(cells) > 2 else ""
        for index, code in columns:
            raw = cells[index].strip() if index < len(cells) else ""
            if not raw:
                continue
            try:
                value = _wide_number(raw, catalogue[code].value_type)
            except InvalidNumber as exc:
                problems.append(_not_a_number(path.name, f"row {line}", header[index], raw, exc))
                continue
            found.append(
                Incoming(path.name, f"row {line}", header[index], unit, code, period, value)
            )
    return found


def read_template(path: Path, problems: list[Problem], store: ValueStore) -> list[Incoming]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise IctdeskError(f"{path.name}: not a readable workbook ({exc})") from None
    try:
        if META_SHEET not in workbook.sheetnames:
            raise IctdeskError(f"{path.name}: a workbook, but not an ictdesk template")
        meta = list(workbook[META_SHEET].iter_rows(values_only=True))
        if not meta or meta[0][0] != TEMPLATE_MARK:
            raise IctdeskError(f"{path.name}: a workbook, but not an ictdesk template")
        period = str(meta[0][2])
        catalogue = store.catalogue
        found = []
        for sheet_name, owner, *_ in meta[1:]:
            if sheet_name not in workbook.sheetnames:
                problems.append(
                    Problem(
                        path.name,
                        f"'{sheet_name}'",
                        "",
                        "sheet missing",
                        reason_vi="thiếu trang tính",
                    )
                )
                continue
            sheet = workbook[sheet_name]
            cells = {
                (r, c): v
                for r, row in enumerate(sheet.iter_rows(values_only=True), start=1)
                for c, v in enumerate(row, start=1)
            }
            code_cell = (int(CODE_CELL[1:]), ord(CODE_CELL[0]) - 64)
            period_cell = (int(PERIOD_CELL[1:]), ord(PERIOD_CELL[0]) - 64)
            unit = str(cells.get(code_cell) or "").strip()
            if str(cells.get(period_cell) or "").strip() != period:
                problems.append(
                    Problem(
                        path.name,
                        f"'{sheet_name}'!{PERIOD_CELL}",
                        "",
                        "the period was changed",
                        reason_vi="mã kỳ báo cáo đã bị sửa",
                    )
                )
            row = FIRST_ROW
            while (row, 2) in cells and cells[(row, 2)]:
                code = str(cells[(row, 2)]).strip()
                raw = cells.get((row, VALUE_COLUMN))
                comment = cells.get((row, COMMENT_COLUMN))
                location = f"'{sheet_name}'!F{row}"
                row += 1
                empty = raw is None or (isinstance(raw, str) and not raw.strip())
                if empty and not comment:
                    continue
                value = None
                if not empty:
                    if isinstance(raw, bool):
                        problems.append(
                            _not_a_number(path.name, location, code, raw, "not a number")
                        )
                        continue
                    if isinstance(raw, (int, float)):
                        value = int(raw) if float(raw).is_integer() else raw
                    elif code in catalogue:
                        try:
                            value = _wide_number(str(raw), catalogue[code].value_type)
                        except InvalidNumber as exc:
                            problems.append(_not_a_number(path.name, location, code, raw, exc))
                            continue
                found.append(
                    Incoming(
                        path.name,
                        location,
                        code,
                        unit,
                        code,
                        period,
                        value,
                        str(comment) if comment else None,
                        owner=str(owner),
                    )
                )
        return found
    finally:
        workbook.close()


# --------------------------------------------------------------------- import
def import_files(
    store: ValueStore,
    paths: list[Path],
    *,
    on_conflict: str = "newer",
    dry_run: bool = False,
) -> ImportReport:
    """Read, check and (unless ``dry_run``) write ``paths`` as one all-or-nothing run.

    Raises :class:`ImportRejected` (with the report) when any blocking problem is found.
    """
    if on_conflict not in CONFLICT_MODES:
        raise IctdeskError(f"--on-conflict must be one of {', '.join(CONFLICT_MODES)}")
    report = ImportReport()
    incoming: list[Incoming] = []
    file_times: dict[str, str] = {}
    for path in map(Path, paths):
        if not path.is_file():
            raise IctdeskError(f"file not found: {path}")
        fmt = detect_format(path)
        report.files.append(path.name)
        report.formats[path.name] = fmt
        file_times[path.name] = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat()
        reader = {
            "long": lambda p, pr: read_long(p, pr),
            "dhis2": lambda p, pr: read_dhis2(p, pr),
            "wide": lambda p, pr: read_wide(p, pr, store),
            "template": lambda p, pr: read_template(p, pr, store),
        }[fmt]
        incoming += reader(path, report.problems)
    report.rows = len(incoming)
    report.incoming = incoming
    writes = _check(store, incoming, report, on_conflict, file_times)
    if report.blocking:
        raise ImportRejected(report)
    if not dry_run and writes:
        store.save_values(writes, source="import")
        report.written = True
    return report


def _check(
    store: ValueStore,
    incoming: list[Incoming],
    report: ImportReport,
    on_conflict: str,
    file_times: dict[str, str],
) -> list[ValueWrite]:
    catalogue = store.catalogue
    units = {r[0] for r in store.db.execute("SELECT code FROM units")}
    seen: dict[tuple[str, str, str], Incoming] = {}
    valid: list[Incoming] = []
    problems = report.problems
    for row in incoming:

        def bad(reason: str, reason_vi: str, row=row) -> None:
            problems.append(Problem(row.file, row.location, row.column, reason, True, reason_vi))

        if row.unit_code not in units and row.unit_code.isdigit():
            # a spreadsheet turned "04792" into 4792: GSO codes are 2 or 5 digits wide
            for width in (5, 2):
                if row.unit_code.zfill(width) in units:
                    row.unit_code = row.unit_code.zfill(width)
                    break
        if row.unit_code not in units:
            bad(
                f"unknown unit code {row.unit_code!r}", f"mã đơn vị {row.unit_code!r} không tồn tại"
            )
            continue
        if row.owner is not None and row.unit_code != row.owner:
            bad(
                f"this sheet was made for unit {row.owner}, not {row.unit_code}",
                f"trang tính này lập cho đơn vị {row.owner}, không phải {row.unit_code}",
            )
            continue
        if row.indicator_code not in catalogue:
            bad(
                f"unknown indicator code {row.indicator_code!r}",
                f"mã chỉ tiêu {row.indicator_code!r} không có trong danh mục",
            )
            continue
        indicator = catalogue[row.indicator_code]
        if indicator.is_derived:
            bad(
                f"{row.indicator_code} is computed from other indicators; it cannot be imported",
                f"{row.indicator_code} được tính từ các chỉ tiêu khác, không nhập được",
            )
            continue
        try:
            row.period = canonical_period(row.period)
        except InvalidPeriod:
            bad(
                f"not a period: {row.period!r} (use 2024, 2024S1, 2024Q1 or 202403)",
                f"kỳ báo cáo không hợp lệ: {row.period!r} (dùng 2024, 2024S1, 2024Q1, 202403)",
            )
            continue
        if row.updated_at:
            try:
                _timestamp(row.updated_at)
            except ValueError as exc:
                bad(str(exc), f"thời gian không hợp lệ: {row.updated_at}")
                continue
        violations = check_value(indicator, row.value)
        if violations:
            bad(violations[0].message_en, violations[0].message_vi)
            continue
        key = (row.unit_code, row.indicator_code, row.period)
        if key in seen:
            first = seen[key]
            bad(
                f"the same value is also given at {first.file} {first.location}",
                f"giá trị này đã có ở {first.file} {first.location.replace('row ', 'dòng ')}",
            )
            continue
        seen[key] = row
        valid.append(row)
    if not valid:
        return []
    stored = _stored_for(store, valid)
    writes: list[ValueWrite] = []
    merged: dict[tuple[str, str], dict[str, float | None]] = defaultdict(dict)
    for (unit, code, period), (value, _, _) in stored.items():
        merged[(unit, period)][code] = value
    for row in valid:
        key = (row.unit_code, row.indicator_code, row.period)
        before = stored.get(key)
        if before is None:
            report.added += 1
        elif before[0] == row.value and (row.comment is None or before[1] == row.comment):
            report.unchanged += 1
            continue
        elif on_conflict == "keep" or (
            on_conflict == "newer"
            and not _is_newer(row.updated_at or file_times[row.file], before[2])
        ):
            report.skipped += 1
            continue
        else:
            report.changed += 1
        merged[(row.unit_code, row.period)][row.indicator_code] = row.value
        writes.append(
            ValueWrite(
                row.unit_code,
                row.indicator_code,
                row.period,
                row.value,
                row.comment,
                row.stored_by,
                row.updated_at,
                row.file,
                row.followup,
            )
        )
    _check_rules(
        store, writes, merged, {(r.unit_code, r.indicator_code, r.period): r for r in valid}, report
    )
    return writes


def _is_newer(incoming: str, stored: str | None) -> bool:
    if not stored:
        return True
    try:
        return _timestamp(incoming) > _timestamp(stored)
    except (ValueError, TypeError):
        return True


def _stored_for(store: ValueStore, rows: list[Incoming]) -> dict:
    """(unit, indicator, period) → (value, comment, updated_at) for the periods touched."""
    periods = sorted({r.period for r in rows})
    units = {r.unit_code for r in rows}
    stored = {}
    for start in range(0, len(periods), 400):
        block = periods[start : start + 400]
        for unit, code, period, value, comment, updated in store.db.execute(
            "SELECT unit_code, indicator_code, period, value, comment, updated_at"
            f" FROM data_values WHERE period IN ({','.join('?' * len(block))})",
            block,
        ):
            if unit in units:
                stored[(unit, code, period)] = (value, comment, updated)
    return stored


def _check_rules(store, writes, merged, by_key, report) -> None:
    """Rules over each touched unit-period with the incoming values merged into the stored."""
    rules = store.rules()
    touched = {(w.unit_code, w.period) for w in writes}
    previous = store.previous_values(touched)
    for unit, period in sorted(touched):
        values = {k: v for k, v in merged[(unit, period)].items() if v is not None}
        before = previous[(unit, period)]
        for violation in store.check(unit, period, values, rules=rules, previous=before):
            if violation.kind in ("type", "range"):
                continue  # already reported per row
            culprit = next(
                (
                    by_key[(unit, c, period)]
                    for c in violation.indicators
                    if (unit, c, period) in by_key
                ),
                None,
            )
            if culprit is None:
                continue
            report.problems.append(
                Problem(
                    culprit.file,
                    culprit.location,
                    culprit.column,
                    f"{unit} {period}: {violation.message_en}",
                    violation.blocking,
                    f"{unit} {period}: {violation.message_vi}",
                )
            )
