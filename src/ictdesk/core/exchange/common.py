"""What every exchange format shares: headers, atomic writes, selections, safe text."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ictdesk.core.errors import IctdeskError, InvalidPeriod
from ictdesk.core.periods import Period, period_range

# The long CSV's columns. Files from before follow-up and completion travelled end at
# ``updated_at`` (:data:`LONG_HEADER_BEFORE_FLAGS`) and keep importing.
LONG_HEADER_BEFORE_FLAGS = (
    "unit_code",
    "unit_name",
    "indicator_code",
    "indicator_name",
    "period",
    "value",
    "comment",
    "stored_by",
    "updated_at",
)
LONG_HEADER = (*LONG_HEADER_BEFORE_FLAGS, "followup", "completed_at", "completed_by")
# DHIS2 2.43+ matches columns by these names (any other column becomes a category option and
# stops the import); 2.42 and earlier read by position, in this order.
DHIS2_HEADER = (
    "dataElement",
    "period",
    "orgUnit",
    "categoryOptionCombo",
    "attributeOptionCombo",
    "value",
    "storedBy",
    "lastUpdated",
    "comment",
    "followUp",
)
DHIS2_COMMENT_LIMIT = 50_000  # characters DHIS2 keeps of a comment
WIDE_UNIT_CODE = "Mã đơn vị"
WIDE_UNIT_NAME = "Tên đơn vị"
WIDE_PERIOD = "Kỳ báo cáo"
BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportFailed(IctdeskError):
    """The export could not be written; no partial file was left behind."""


@dataclass
class Selection:
    """Which values an export or template covers."""

    unit_code: str | None = None  # this unit and everything under it; None: everything
    periods: list[str] = field(default_factory=list)  # empty: every period
    indicators: list[str] = field(default_factory=list)  # empty: every indicator
    old_units: bool = False  # the units before 1 July 2025 instead, under their GSO codes

    @classmethod
    def build(
        cls,
        unit: str | None = None,
        period: str | None = None,
        start: str | None = None,
        end: str | None = None,
        indicators: str | list[str] | None = None,
    ) -> Selection:
        """From command-line style arguments: ``--period P`` or ``--from P --to P``."""
        periods: list[str] = []
        if period and (start or end):
            raise InvalidPeriod("give --period or --from and --to, not both")
        if period:
            periods = [Period.parse(period).iso]
        elif start or end:
            if not (start and end):
                raise InvalidPeriod("--from and --to go together")
            first, last = Period.parse(start), Period.parse(end)
            if first.type is not last.type or last < first:
                raise InvalidPeriod("--from and --to must be of one type, in order")
            periods = [p.iso for p in period_range(first, last)]
        if isinstance(indicators, str):
            indicators = [c.strip() for c in indicators.split(",") if c.strip()]
        return cls(unit, periods, list(indicators or []))


def protect_text(text: str) -> str:
    """Prefix text a spreadsheet would run as a formula with ``'`` (OWASP CSV injection)."""
    return "'" + text if text and text.startswith(_FORMULA_STARTS) else text


def escape_long_text(text: str | None) -> str | None:
    """Text of the long CSV that is read back (comments, who): safe in a spreadsheet and
    lossless. Text starting as a formula would, or with ``'``, gets one ``'`` in front;
    :func:`unescape_long_text` takes it off again."""
    if text and text.startswith((*_FORMULA_STARTS, "'")):
        return "'" + text
    return text


def unescape_long_text(text: str) -> str:
    """The text :func:`escape_long_text` was given."""
    return text[1:] if text.startswith("'") else text


def dhis2_text(text: str | None) -> str:
    """Text for a DHIS2 file that DHIS2 2.43 reads whole: its CSV reader ends a quoted field
    at the next ``"`` and a row at any line break, so ``"`` becomes ``”`` and a line break
    `` / ``; text a spreadsheet would run as a formula gets ``'`` in front."""
    if not text:
        return ""
    text = text.replace('"', "\u201d").replace("\r\n", " / ")
    text = text.replace("\r", " / ").replace("\n", " / ")
    return protect_text(text)


def text_cells(cells) -> None:
    """Make workbook cells holding text that starts with ``=`` plain text (openpyxl would
    write it as a formula): the text shows as typed, with no ``'``."""
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


@dataclass(frozen=True)
class Notice:
    """Something an export wants the user to know about the file it wrote."""

    en: str
    vi: str

    def message(self, language: str = "vi") -> str:
        return self.vi if language == "vi" else self.en


SQLITE_HEADER = b"SQLite format 3\x00"


def output_target(path: str | os.PathLike) -> Path:
    """Where writing ``path`` lands: through a symbolic link, the file it points to.

    Raises :class:`ExportFailed` when that is something other than a regular file (a folder,
    a device) or is a database (an export, report or problem list written over the database
    it came from would destroy it), or when its folder does not exist.
    """
    target = Path(os.path.realpath(path))
    if target.exists():
        if not target.is_file():
            raise ExportFailed(
                f"not a regular file: {path}", vi=f"không phải một tệp thông thường: {path}"
            )
        try:
            with open(target, "rb") as handle:
                head = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise ExportFailed(
                f"cannot write {path}: {exc.strerror}", vi=f"không ghi được {path}: {exc.strerror}"
            ) from None
        if head == SQLITE_HEADER:
            raise ExportFailed(
                f"{path} is a database; choose another file name (nothing written)",
                vi=f"{path} là một tệp cơ sở dữ liệu; hãy chọn tên tệp khác (chưa ghi gì)",
            )
    if not target.parent.is_dir():
        raise ExportFailed(
            f"folder does not exist: {Path(path).parent}",
            vi=f"thư mục không tồn tại: {Path(path).parent}",
        )
    return target


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike, mode: str = "w", suffix: str = ".part", **kwargs
) -> Iterator:
    """Write to a temporary file beside ``path`` and move it into place only on success
    (see :func:`output_target` for what is refused)."""
    target = output_target(path)
    folder = target.parent
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    except OSError as exc:
        raise ExportFailed(
            f"cannot write in {folder}: {exc.strerror}",
            vi=f"không ghi được vào {folder}: {exc.strerror}",
        ) from None
    os.close(handle)
    try:
        if mode == "path":
            yield Path(temp)
        else:
            with open(temp, mode, **kwargs) as stream:
                yield stream
        os.replace(temp, target)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(target, 0o666 & ~umask)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
