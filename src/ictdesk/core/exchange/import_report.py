"""What an import found: problems located in their files, the preview, the summary."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ictdesk.core.errors import IctdeskError
from ictdesk.core.exchange.common import BOM


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
        return translated_location(self.location, language)


def translated_location(location: str, language: str) -> str:
    if language != "vi":
        return location
    return location.replace("row ", "dòng ").replace("header", "dòng tiêu đề")


@dataclass(frozen=True)
class ImportStep:
    """Where a running import is, for a progress display."""

    stage: str  # "read" (a file), "check" (every value read) or "write"
    files_done: int
    files: int
    file: str = ""  # the file being read
    values: int = 0  # the values read (check) or being written (write)


@dataclass(frozen=True, slots=True)
class Incoming:
    """One value an import would write, as shown in the preview."""

    file: str
    location: str
    column: str
    unit_code: str
    indicator_code: str
    period: str
    value: int | float | None
    unit_name: str = ""
    stored: int | float | None = None  # the value stored now (None: nothing, a new value)

    def where(self, language: str = "vi") -> str:
        """The file and location in the interface language ("a.csv dòng 12")."""
        return f"{self.file} {translated_location(self.location, language)}"


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
    deleted: int = 0  # stored values a DHIS2 file's deletions remove
    flags_changed: int = 0  # follow-up flags of values otherwise unchanged
    completed: int = 0  # unit-periods newly marked complete
    problems: list[Problem] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    preview: list[Incoming] = field(default_factory=list)  # the first values to write

    @property
    def changes(self) -> int:
        """How many things the import writes: values, deletions, flags and completions."""
        return self.added + self.changed + self.deleted + self.flags_changed + self.completed

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.blocking]

    def summary(self) -> str:
        state = "rejected" if self.blocking else "would import" if self.dry_run else "imported"
        extra = "".join(
            f", {number} {what}"
            for number, what in (
                (self.deleted, "deleted"),
                (self.flags_changed, "follow-up flags changed"),
                (self.completed, "unit-periods marked complete"),
            )
            if number
        )
        return (
            f"{state}: {_count(self.rows, 'value')} read from {_count(len(self.files), 'file')}"
            f" — {self.added} added, {self.changed} changed, {self.unchanged} unchanged,"
            f" {self.skipped} skipped{extra}; {_count(len(self.blocking), 'error')},"
            f" {_count(len(self.warnings), 'warning')}"
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


def _count(number: int, noun: str) -> str:
    """ "1 file", "2 files"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def not_a_number(
    file: str, location: str, column: str, raw, error: Exception, convention=None
) -> Problem:
    """A value cell that is not a number (or reads two ways) under its file's ``convention``
    (a :class:`~ictdesk.core.numbers.Convention`; None for a workbook cell typed by people)."""
    from ictdesk.core.exchange.conventions import DESCRIPTION

    reason_vi = getattr(error, "vi", None) or "không phải là số"
    reason = str(error) or "not a number"
    if convention is not None:
        described_en, described_vi = DESCRIPTION[convention]
        reason += f" (numbers in this file are read in {described_en})"
        reason_vi += f" (số trong tệp này được đọc {described_vi})"
    return Problem(file, location, column, f"{raw!r}: {reason}", True, f"{raw!r}: {reason_vi}")
