"""The audit log's hash chain: each row carries sha256(previous row's hash + the row).

The chain makes the log tamper-evident, not tamper-proof: anyone holding the file can rewrite
it and compute a new chain (the algorithm is public), but a row changed, inserted or removed
with any other tool breaks the chain at that row, and ``ictdesk check`` names it.

The canonical encoding of a row is its :data:`FIELDS` in order, each encoded by
:func:`encode_field` and joined by U+001E; numbers are encoded by value, not by storage class
(12 and 12.0 are both ``i12``), so the encoding does not depend on SQLite's column affinity.
The first row follows :data:`GENESIS`. A row's id is not part of it: the chain runs in id
order, so ids that jump are reported on their own.

No SQL here: the store writes the rows (``core/store/audit.py``), the migration that added
the chain hashes the rows already there (``core/database/migrations.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

GENESIS = bytes(32)
FIELDS = (
    "kind",
    "unit_code",
    "indicator_code",
    "period",
    "old_value",
    "new_value",
    "old_comment",
    "new_comment",
    "stored_by",
    "changed_at",
    "source",
    "source_detail",
)
SQL_FUNCTION = "ictdesk_audit_chain"  # (the FIELDS in order) -> this row's hash, advancing
# The same for a batch of value rows whose kind, stored_by, changed_at and source are the same
# (an import): (unit, indicator, period, old and new value and comment, detail); see Chain.batch
SQL_VALUES_FUNCTION = "ictdesk_audit_chain_values"
VALUES_ARGUMENTS = 8
KINDS = ("value", "followup", "completion", "target", "unit", "restore")
_SEPARATOR = "\x1e"


def encode_field(value: object) -> str:
    """One field, typed: ``n`` (NULL), ``i12`` (any integral number), ``r0.5`` (other numbers,
    Python's shortest round-trip form), ``s5:hello`` (text, with its length), ``b…`` (bytes)."""
    if value is None:
        return "n"
    if isinstance(value, int):
        return f"i{int(value)}"
    if isinstance(value, float):
        if value.is_integer():
            return f"i{int(value)}"
        return f"r{value!r}"
    if isinstance(value, bytes):
        return f"b{value.hex()}"
    text = str(value)
    return f"s{len(text)}:{text}"


_sha256 = None  # hashlib.sha256, on the first hash, not at start-up (OpenSSL: 5-16 ms)


def _load_sha256():
    """``hashlib.sha256``, imported now and kept in :data:`_sha256`."""
    global _sha256
    import hashlib

    _sha256 = hashlib.sha256
    return _sha256


def row_hash(previous: bytes, fields: Sequence[object]) -> bytes:
    """The hash of a row whose :data:`FIELDS` are ``fields``, following ``previous``."""
    encoded = _row_encoding(fields)
    sha256 = _sha256 or _load_sha256()
    return sha256(previous + encoded.encode("utf-8", "surrogatepass")).digest()


def _row_encoding(fields: Sequence[object]) -> str:
    """The canonical encoding of a row: :func:`encode_field` of each field, joined; written
    out for the usual row (text where :data:`FIELDS` hold text), which ``ictdesk check``
    reads for every row of the log (a province's 721k: 5 s by the general way, 2.5 s)."""
    if len(fields) == len(FIELDS):
        kind, unit, indicator, period, old, new, old_note, new_note, by, at, source, detail = fields
        usual = type(kind) is type(unit) is type(indicator) is type(period) is str
        if usual and type(by) is type(at) is type(source) is str:
            return (
                f"s{len(kind)}:{kind}"
                f"\x1e{_value_part(unit, indicator, period, old, new, old_note, new_note)}"
                f"\x1es{len(by)}:{by}\x1es{len(at)}:{at}\x1es{len(source)}:{source}"
                f"\x1e{'n' if detail is None else _text(detail)}"
            )
    return _SEPARATOR.join(map(encode_field, fields))


def _value_part(unit: str, indicator: str, period: str, old, new, old_note, new_note) -> str:
    """The encoding of a row's unit, indicator, period (text), old and new values and
    comments: the part of a row :func:`_row_encoding` and :meth:`Chain.values` share."""
    return (
        f"s{len(unit)}:{unit}\x1es{len(indicator)}:{indicator}\x1es{len(period)}:{period}"
        f"\x1e{'n' if old is None else _number(old)}\x1e{'n' if new is None else _number(new)}"
        f"\x1e{'n' if old_note is None else _text(old_note)}"
        f"\x1e{'n' if new_note is None else _text(new_note)}"
    )


def _number(value: object) -> str:
    """:func:`encode_field`, quicker for the values of a value row (numbers, mostly)."""
    kind = type(value)
    if value is None:
        return "n"
    if kind is int:
        return f"i{value}"
    if kind is float and not value.is_integer():
        return f"r{value!r}"
    return encode_field(value)


def _text(value: object) -> str:
    """:func:`encode_field`, quicker for text (or NULL)."""
    if value is None:
        return "n"
    if type(value) is str:
        return f"s{len(value)}:{value}"
    return encode_field(value)


class Chain:
    """The running end of the chain, as the SQL function :data:`SQL_FUNCTION`: each call
    hashes one row after the previous one. :meth:`restart` sets the end (the last stored
    row's hash) before each statement that appends rows, inside its transaction.

    :meth:`values` (:data:`SQL_VALUES_FUNCTION`) hashes a value row of a batch whose four
    fields in common :meth:`batch` has set, with the same result as :meth:`__call__` with
    every field: an import's 721k rows take 8 arguments each, not 12, and the common fields
    are encoded once.
    """

    def __init__(self, tip: bytes = GENESIS):
        self.tip = tip
        self._head = self._middle = ""
        self._batch = ("value", "", "", "")

    def restart(self, tip: bytes | None) -> None:
        self.tip = tip or GENESIS

    def __call__(self, *fields: object) -> bytes:
        self.tip = row_hash(self.tip, fields)
        return self.tip

    def batch(self, kind: str, stored_by: str, changed_at: str, source: str) -> None:
        """The fields every row :meth:`values` hashes next has in common."""
        self._batch = (kind, stored_by, changed_at, source)
        self._head = encode_field(kind) + _SEPARATOR
        self._middle = _SEPARATOR.join(map(encode_field, (stored_by, changed_at, source)))

    def values(self, unit, indicator, period, old, new, old_comment, new_comment, detail):
        if not (type(unit) is type(indicator) is type(period) is str):
            return self(
                *self._fields(unit, indicator, period, old, new, old_comment, new_comment, detail)
            )
        encoded = (
            f"{self._head}"
            f"{_value_part(unit, indicator, period, old, new, old_comment, new_comment)}"
            f"\x1e{self._middle}"
            f"\x1e{'n' if detail is None else _text(detail)}"
        )
        self.tip = (_sha256 or _load_sha256())(self.tip + encoded.encode()).digest()
        return self.tip

    def _fields(self, unit, indicator, period, old, new, old_comment, new_comment, detail):
        """Every field of a row :meth:`values` hashes (see :meth:`batch`)."""
        kind, by, at, source = self._batch
        return (
            kind,
            unit,
            indicator,
            period,
            old,
            new,
            old_comment,
            new_comment,
            by,
            at,
            source,
            detail,
        )


@dataclass(frozen=True)
class AuditProblem:
    """One thing wrong with the audit log or with what it says, for ``ictdesk check``."""

    kind: str  # "chain", "gap", "trigger", "value", "followup", "completion", "target"
    row_id: int | None  # the audit row concerned, when there is one
    message_en: str
    message_vi: str

    def message(self, language: str = "vi") -> str:
        return self.message_vi if language == "vi" else self.message_en


def verify_chain(rows: Iterable[tuple]) -> Iterator[AuditProblem]:
    """The problems of rows ``(id, *FIELDS, hash)`` read in id order: a row whose hash does
    not follow from the row before (changed, or one before it removed or inserted), and ids
    that jump (rows removed). After a broken row the chain goes on from its stored hash, so
    one changed row is one problem."""
    previous, last_id = GENESIS, None
    for row in rows:
        row_id, fields, stored = row[0], row[1:-1], row[-1]
        if last_id is not None and row_id != last_id + 1:
            yield AuditProblem(
                "gap",
                row_id,
                f"audit log: rows {last_id + 1} to {row_id - 1} are missing (removed)",
                f"nhật ký thay đổi: thiếu các dòng từ {last_id + 1} đến {row_id - 1} (đã bị xoá)",
            )
        if stored is None or row_hash(previous, fields) != stored:
            yield AuditProblem(
                "chain",
                row_id,
                f"audit log: row {row_id} does not follow from the row before it: it was"
                " changed, or written outside ictdesk",
                f"nhật ký thay đổi: dòng {row_id} không khớp với dòng trước nó: dòng này đã bị"
                " sửa, hoặc được ghi ngoài ictdesk",
            )
        previous = stored if isinstance(stored, bytes) else GENESIS
        last_id = row_id


def tip_hex(tip: bytes | None) -> str:
    """A chain end as hexadecimal text (what a restore row records)."""
    return (tip or GENESIS).hex()
