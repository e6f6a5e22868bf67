"""Named exceptions of the ictdesk core. Each carries a message fit to show a user."""


class IctdeskError(Exception):
    """Base of every error the core raises on purpose.

    ``vi``: the message in Vietnamese, for the interface (the English one is ``str(error)``,
    for the command line and logs); errors raised without it show their English message.
    """

    def __init__(self, *args: object, vi: str | None = None):
        super().__init__(*args)
        self.vi = vi

    def message(self, language: str = "vi") -> str:
        """The message in ``language`` when the error has it, else in English."""
        return self.vi if language == "vi" and self.vi else str(self)


class InvalidPeriod(IctdeskError, ValueError):
    """A string is not a DHIS2 ISO period, or a period operation makes no sense."""


class InvalidNumber(IctdeskError, ValueError):
    """Typed text cannot be read as a number of the expected kind."""


class NotAWholeNumber(InvalidNumber):
    """A number with a fraction where a count is expected ("12,5 stations")."""


class SeveralValues(InvalidNumber):
    """Several values in one cell: "12⏎14⏎9" pasted from a column, "25⇥31⇥7" from a row."""


class AmbiguousNumber(InvalidNumber):
    """Text that reads as two numbers ("36,000": 36 or 36 000) where nobody can be asked."""


class UnknownUnit(IctdeskError, KeyError):
    """No administrative unit has this code."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown unit"


class UnknownIndicator(IctdeskError, KeyError):
    """No indicator has this code."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown indicator"


class CatalogueError(IctdeskError):
    """The indicator catalogue is malformed (unknown codes in a formula, bad fields...)."""


class NotAnIctdeskDatabase(IctdeskError):
    """The file exists but is not SQLite, or is SQLite without the ictdesk schema."""


class DatabaseTooNew(IctdeskError):
    """The file was written by a newer ictdesk whose schema this version does not know."""


class DatabaseUnavailable(IctdeskError):
    """The database file cannot be created or opened (missing folder, permissions...)."""


class CheckStopped(IctdeskError):
    """The full check of a file was stopped before its end (the window closing): the file
    is neither found sound nor damaged, and is checked again next time."""


class StrayJournal(DatabaseUnavailable):
    """The write-ahead log beside a database is another file's (a copy put back over a crashed
    file): applied, it would damage the file. Set it aside
    (:func:`ictdesk.core.database.set_aside_stray` with ``force``) and open again."""


class ValueRejected(IctdeskError, ValueError):
    """A value cannot be stored: derived indicator, unknown unit, out of range..."""


class StorageError(IctdeskError):
    """SQLite refused a read or write (disk full, read-only file, lock held too long...)."""


class NulInText(ValueRejected):
    """A comment or a name holds a NUL character (U+0000): most programs that read the file
    later cut the text there, so it is refused, never stored."""


_REASONS_VI = (  # words of SQLite's or the system's reason, and what it means in Vietnamese
    (("full", "no space"), "ổ đĩa đã đầy"),
    (("readonly", "read-only"), "tệp hoặc ổ đĩa chỉ cho đọc"),
    (("permission", "access"), "không có quyền ghi"),
    (("locked", "busy"), "tệp đang bị một chương trình khác giữ"),
    (("disk i/o", "input/output"), "lỗi đọc ghi ổ đĩa"),
    (("does not exist", "no such file"), "thư mục hoặc tệp không tồn tại"),
)


def reason_in_vietnamese(reason: str) -> str:
    """The usual reasons SQLite or the system give for a refused read or write, in Vietnamese
    (others as they were said): a full disk, a read-only file, a lock, a failing disk."""
    text = reason.lower()
    for words, vietnamese in _REASONS_VI:
        if any(word in text for word in words):
            return vietnamese
    return reason
