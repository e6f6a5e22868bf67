"""The records the store hands out and takes in, and the stamps it writes."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import UTC, datetime

from ictdesk.core.errors import NulInText
from ictdesk.core.units import Unit, UnitLevel

SOURCES = ("form", "grid", "import", "undo", "demo")  # what may save values (see save_values)


@dataclass(frozen=True)
class StoredValue:
    """One stored value with its metadata."""

    unit_code: str
    indicator_code: str
    period: str
    value: int | float | None
    comment: str | None
    followup: bool
    stored_by: str
    updated_at: str


@dataclass(frozen=True)
class AuditEntry:
    """One row of the append-only audit log."""

    changed_at: str
    stored_by: str
    old_value: int | float | None
    new_value: int | float | None
    source: str
    old_comment: str | None = None
    new_comment: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class ValueWrite:
    """One value to write in a batch (see :meth:`ValueStore.save_values`).

    ``stored_by`` and ``updated_at`` are kept from the source when given (imports), ``detail``
    goes to the audit log (e.g. the imported file's name), ``followup`` sets the flag.
    """

    unit_code: str
    indicator_code: str
    period: str
    value: int | float | None
    comment: str | None = None
    stored_by: str | None = None
    updated_at: str | None = None
    detail: str | None = None
    followup: bool | None = None


def now_iso() -> str:
    """The current UTC time as ISO 8601 with milliseconds, as stored in ``updated_at``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def nul_refusal(text: str | None, what: str, what_vi: str) -> NulInText | None:
    """The error to raise (or report) when ``text`` holds a NUL character, else None."""
    if text is None or "\x00" not in text:
        return None
    return NulInText(
        f"the {what} holds a NUL character (U+0000), which other programs cut the text at;"
        " remove it",
        vi=f"{what_vi} chứa ký tự NUL (U+0000), các chương trình khác sẽ cắt chữ tại đó;"
        " hãy xoá ký tự này",
    )


def not_in_future(stamp: str | None, now: str | None = None) -> str | None:
    """``stamp`` (ISO 8601), or the current time when it is later than that (a wrong clock,
    or 9999-12-31 typed in a file): a value dated in the future would win every later
    ``--on-conflict newer`` import. Text that is not a time is returned as it is."""
    if not stamp:
        return stamp
    try:
        moment = datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    current = now or now_iso()
    if moment > datetime.fromisoformat(current.replace("Z", "+00:00")):
        return current
    return stamp


def default_user() -> str:
    """The operating-system user name, used as ``stored_by`` when none is configured."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def unit_from_row(row: dict) -> Unit:
    """A :class:`Unit` from a row of the ``units`` table."""
    return Unit(
        row["code"],
        row["name"],
        UnitLevel(row["level"]),
        row["parent_code"],
        row["valid_from"],
        row["valid_to"],
    )
