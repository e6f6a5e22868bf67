"""The audit log's chain on the store's connection, what ``check`` finds wrong with the log,
and the row a restore appends (see ``core.audit_chain`` for the chain itself).

Every row is appended through the connection's chain function (:data:`SQL_FUNCTION`), whose
end is set from the last stored row just before each statement (:meth:`_chained`): an import
hashes its 721k rows inside one ``INSERT … SELECT``, in the order SQLite numbers them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ictdesk.core.audit_chain import (
    FIELDS,
    SQL_FUNCTION,
    SQL_VALUES_FUNCTION,
    VALUES_ARGUMENTS,
    AuditProblem,
    Chain,
    tip_hex,
    verify_chain,
)
from ictdesk.core.database.migrations import AUDIT_TRIGGERS, chained_insert
from ictdesk.core.store.base import StorePart
from ictdesk.core.store.records import now_iso

_COLUMNS = ", ".join(FIELDS)
_TIP = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"
_APPEND = chained_insert(*(f"?{i + 1}" for i in range(len(FIELDS))), "")
_REFUSES_REPLACE = "audit_log_is_append_only_replace"
BULK_APPEND = 50_000  # audit rows from which a statement appends them with the trigger lifted
LISTED = 50  # problems of one kind listed by ``check``; the rest are counted
# What a staged batch appends to the log (see ``staging.write_staged``): a row a value changed
# (``{changes}``: the batch's changes), hashed in bulk by SQL_VALUES_FUNCTION.
_AUDIT_CHANGES = f"""
INSERT INTO audit_log (kind, unit_code, indicator_code, period, old_value, new_value,
    old_comment, new_comment, stored_by, changed_at, source, source_detail, hash)
SELECT 'value', unit_code, indicator_code, period, old_value, new_value, old_comment,
    new_comment, ?1, ?2, ?3, detail, {SQL_VALUES_FUNCTION}(unit_code, indicator_code, period,
    old_value, new_value, old_comment, new_comment, detail)
FROM ({{changes}})
"""
# The follow-up flags a batch changes, audited before they are set: flags of the batch's values,
# flags set aside by keep_followup_changes, and the flags of flagged values the batch removes.
_AUDIT_FOLLOWUP = chained_insert(
    "'followup'", "i.unit_code", "i.indicator_code", "i.period", "d.followup", "i.followup",
    "NULL", "NULL", "?1", "?2", "?3", "i.detail",
    "FROM temp.incoming_values i JOIN data_values d ON d.unit_code = i.unit_code"
    " AND d.period = i.period AND d.indicator_code = i.indicator_code"
    " WHERE i.followup IS NOT NULL AND d.followup IS NOT i.followup",
)  # fmt: skip
_AUDIT_FOLLOWUP_CHANGES = chained_insert(
    "'followup'", "f.unit_code", "f.indicator_code", "f.period", "d.followup", "f.followup",
    "NULL", "NULL", "?1", "?2", "?3", "NULL",
    "FROM temp.followup_changes f JOIN data_values d ON d.unit_code = f.unit_code"
    " AND d.period = f.period AND d.indicator_code = f.indicator_code"
    " WHERE d.followup IS NOT f.followup",
)  # fmt: skip
_AUDIT_FOLLOWUP_CLEARED = chained_insert(
    "'followup'", "unit_code", "indicator_code", "period", "1", "0", "NULL", "NULL", "?1", "?2",
    "?3", "NULL",
    "FROM data_values WHERE followup = 1 AND (unit_code, period, indicator_code) IN ("
    " SELECT unit_code, period, indicator_code FROM temp.value_changes"
    " WHERE new_value IS NULL AND new_comment IS NULL)",
)  # fmt: skip
_AUDIT_COMPLETIONS = chained_insert(
    "'completion'", "unit_code", "''", "period", "0", "1", "NULL", "COALESCE(completed_by, ?1)",
    "?1", "?2", "?3", "COALESCE(completed_at, ?2)", "FROM temp.incoming_completions",
)  # fmt: skip


@dataclass(frozen=True)
class AuditTip:
    """The end of a database's audit chain: how many rows, the last one's id and hash."""

    rows: int
    last_id: int | None
    last_hash: str  # hexadecimal; 64 zeros for an empty log


def _key(row) -> str:
    return " ".join(str(part) for part in row if part not in (None, ""))


# Each table held to the latest audit row of each of its keys: (kind, the problem's words,
# the query of the disagreements: key, the table's state, the log's state, the audit row id).
_AGREEMENT = (
    (
        "value",
        ("value", "giá trị"),
        """
WITH latest AS (SELECT max(id) AS id FROM audit_log WHERE kind = 'value'
                GROUP BY unit_code, period, indicator_code)
SELECT a.unit_code, a.indicator_code, a.period, d.value, d.comment, a.new_value,
       a.new_comment, a.id
FROM latest JOIN audit_log a ON a.id = latest.id
LEFT JOIN data_values d ON d.unit_code = a.unit_code AND d.period = a.period
    AND d.indicator_code = a.indicator_code
WHERE d.value IS NOT a.new_value OR d.comment IS NOT a.new_comment
UNION ALL
SELECT d.unit_code, d.indicator_code, d.period, d.value, d.comment, NULL, NULL, NULL
FROM data_values d WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.unit_code = d.unit_code
    AND a.period = d.period AND a.indicator_code = d.indicator_code AND a.kind = 'value')
""",
    ),
    (
        "followup",
        ("follow-up flag", "cờ cần theo dõi"),
        """
WITH latest AS (SELECT max(id) AS id FROM audit_log WHERE kind = 'followup'
                GROUP BY unit_code, period, indicator_code)
SELECT a.unit_code, a.indicator_code, a.period, COALESCE(d.followup, 0), NULL, a.new_value,
       NULL, a.id
FROM latest JOIN audit_log a ON a.id = latest.id
LEFT JOIN data_values d ON d.unit_code = a.unit_code AND d.period = a.period
    AND d.indicator_code = a.indicator_code
WHERE COALESCE(d.followup, 0) IS NOT a.new_value
UNION ALL
SELECT d.unit_code, d.indicator_code, d.period, 1, NULL, 0, NULL, NULL
FROM data_values d WHERE d.followup = 1 AND NOT EXISTS (SELECT 1 FROM audit_log a
    WHERE a.unit_code = d.unit_code AND a.period = d.period
      AND a.indicator_code = d.indicator_code AND a.kind = 'followup')
""",
    ),
    (
        "completion",
        ("completion", "hoàn thành"),
        """
WITH latest AS (SELECT max(id) AS id FROM audit_log WHERE kind = 'completion'
                GROUP BY unit_code, period)
SELECT a.unit_code, '', a.period, c.unit_code IS NOT NULL, NULL, a.new_value, NULL, a.id
FROM latest JOIN audit_log a ON a.id = latest.id
LEFT JOIN completions c ON c.unit_code = a.unit_code AND c.period = a.period
WHERE (c.unit_code IS NOT NULL) IS NOT a.new_value
UNION ALL
SELECT c.unit_code, '', c.period, 1, NULL, 0, NULL, NULL
FROM completions c WHERE NOT EXISTS (SELECT 1 FROM audit_log a
    WHERE a.unit_code = c.unit_code AND a.period = c.period AND a.kind = 'completion')
""",
    ),
    (
        "target",
        ("target", "chỉ tiêu"),
        """
WITH latest AS (SELECT max(id) AS id FROM audit_log WHERE kind = 'target'
                GROUP BY unit_code, period, indicator_code)
SELECT a.unit_code, a.indicator_code, a.period, t.value, t.document, a.new_value,
       a.new_comment, a.id
FROM latest JOIN audit_log a ON a.id = latest.id
LEFT JOIN targets t ON t.unit_code = a.unit_code AND CAST(t.year AS TEXT) = a.period
    AND t.indicator_code = a.indicator_code
WHERE t.value IS NOT a.new_value OR t.document IS NOT a.new_comment
UNION ALL
SELECT t.unit_code, t.indicator_code, CAST(t.year AS TEXT), t.value, t.document, NULL, NULL,
       NULL
FROM targets t WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.unit_code = t.unit_code
    AND a.period = CAST(t.year AS TEXT) AND a.indicator_code = t.indicator_code
    AND a.kind = 'target')
""",
    ),
)


def _same_sql(stored: str, expected: str) -> bool:
    """Whether a schema entry's SQL is ``expected``, whitespace aside."""
    return " ".join(stored.split()) == " ".join(expected.split())


def _shown(value, comment) -> str:
    shown = "(none)" if value is None else str(value)
    return shown if comment in (None, "") else f"{shown} “{comment}”"


class _Audit(StorePart):
    """Part of :class:`ValueStore`."""

    _chain: Chain

    def _install_chain(self) -> None:
        """The chain function on this connection (every write of the log goes through it)."""
        self._chain = Chain()
        self.db.conn.create_function(SQL_FUNCTION, len(FIELDS), self._chain)
        self.db.conn.create_function(SQL_VALUES_FUNCTION, VALUES_ARGUMENTS, self._chain.values)

    def _chained(self, sql: str, params=()) -> int:
        """Run a statement that appends to the log, the chain's end set from the last row
        first (inside the caller's transaction); return how many rows it appended."""
        found = self.db.execute(_TIP).fetchone()
        self._chain.restart(found[1] if found else None)
        return self.db.execute(sql, params).rowcount

    def _chained_values(
        self, sql: str, stored_by: str, stamp: str, source: str, rows: int = 0
    ) -> int:
        """:meth:`_chained` for a batch of value rows hashed by :data:`SQL_VALUES_FUNCTION`.

        ``rows``: about how many it appends. From :data:`BULK_APPEND` on, the trigger that
        refuses a REPLACE is lifted for this one statement and put back, unchanged, in the same
        transaction: the statement's rows are numbered by SQLite (never a REPLACE), no other
        connection can write before the transaction ends, and a failure rolls the trigger back
        with the rest. Firing it (even for its WHEN to be false) was 0.75 s of the 3.4 s a
        province's 721k audit rows took.
        """
        self._chain.batch("value", stored_by, stamp, source)
        if rows < BULK_APPEND or not self._may_lift_trigger():
            return self._chained(sql, [stored_by, stamp, source])
        self.db.execute(f"DROP TRIGGER {_REFUSES_REPLACE}")
        appended = self._chained(sql, [stored_by, stamp, source])
        self.db.execute(AUDIT_TRIGGERS[_REFUSES_REPLACE])
        return appended

    def _may_lift_trigger(self) -> bool:
        """Whether the REPLACE trigger is ictdesk's own and a transaction is open: a trigger
        removed or changed outside ictdesk stays as it is, for ``check`` to report."""
        if not self.db.conn.in_transaction:
            return False
        found = self.db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            [_REFUSES_REPLACE],
        ).fetchone()
        return found is not None and _same_sql(found[0], AUDIT_TRIGGERS[_REFUSES_REPLACE])

    def _audit(self, kind: str, unit: str, indicator: str, period: str, old, new, **more) -> None:
        """Append one row of ``kind`` (inside the caller's transaction): ``old_comment``,
        ``new_comment``, ``source`` (default ``form``) and ``detail`` in ``more``."""
        self._chained(
            _APPEND,
            [
                kind,
                unit,
                indicator,
                period,
                old,
                new,
                more.get("old_comment"),
                more.get("new_comment"),
                self.stored_by,
                now_iso(),
                more.get("source", "form"),
                more.get("detail"),
            ],
        )

    def audit_tip(self) -> AuditTip:
        """The end of this database's audit chain."""
        [rows] = self.db.execute("SELECT count(*) FROM audit_log").fetchone()
        found = self.db.execute(_TIP).fetchone()
        return AuditTip(rows, found[0] if found else None, tip_hex(found[1] if found else None))

    # ------------------------------------------------------------------ ictdesk check
    def audit_problems(self) -> Iterator[AuditProblem]:
        """Everything wrong with the audit log: a protecting trigger missing or changed, a row
        that does not follow from the one before, ids that jump, and each value, follow-up
        flag, completion and target that is not what the latest audit row of it says."""
        yield from self._trigger_problems()
        yield from verify_chain(
            self.db.execute(f"SELECT id, {_COLUMNS}, hash FROM audit_log ORDER BY id")
        )
        for kind, (what_en, what_vi), query in _AGREEMENT:
            for unit, code, period, held, held_note, logged, logged_note, row_id in self.db.execute(
                query
            ):
                key = _key((unit, code, period))
                if row_id is None:
                    yield AuditProblem(
                        kind,
                        None,
                        f"{what_en} {key} is {_shown(held, held_note)} but the audit log has no"
                        " row for it: it was written outside ictdesk",
                        f"{what_vi} {key} là {_shown(held, held_note)} nhưng nhật ký thay đổi"
                        " không có dòng nào về nó: đã được ghi ngoài ictdesk",
                    )
                else:
                    yield AuditProblem(
                        kind,
                        row_id,
                        f"{what_en} {key} is {_shown(held, held_note)} but the latest audit row"
                        f" of it (row {row_id}) says {_shown(logged, logged_note)}: it was"
                        " changed outside ictdesk",
                        f"{what_vi} {key} là {_shown(held, held_note)} nhưng dòng mới nhất của"
                        f" nhật ký thay đổi về nó (dòng {row_id}) ghi"
                        f" {_shown(logged, logged_note)}: đã bị sửa ngoài ictdesk",
                    )

    def _trigger_problems(self) -> Iterator[AuditProblem]:
        found = dict(
            self.db.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                " AND tbl_name = 'audit_log'"
            ).fetchall()
        )
        for name, sql in AUDIT_TRIGGERS.items():
            if name not in found:
                yield AuditProblem(
                    "trigger",
                    None,
                    f"the audit log is not protected: trigger {name} was removed",
                    f"nhật ký thay đổi không còn được bảo vệ: trigger {name} đã bị xoá",
                )
            elif not _same_sql(found[name], sql):
                yield AuditProblem(
                    "trigger",
                    None,
                    f"the audit log is not protected: trigger {name} was changed",
                    f"nhật ký thay đổi không còn được bảo vệ: trigger {name} đã bị sửa",
                )


def audit_tip(path: str | Path) -> AuditTip | None:
    """The end of the audit chain of the database at ``path``, read without writing a byte;
    None when the file cannot be read as an ictdesk database with a chained log (damaged,
    or written before the chain). For a restore: read it from the file about to be replaced,
    then pass it to :func:`record_restore`."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        [rows] = conn.execute("SELECT count(*) FROM audit_log").fetchone()
        found = conn.execute(_TIP).fetchone()
        return AuditTip(rows, found[0] if found else None, tip_hex(found[1] if found else None))
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def restore_detail(
    backup: Path, restored: AuditTip, replaced: AuditTip | None, safety_copy: Path | None
) -> str:
    """What a restore row's ``source_detail`` holds, as JSON."""
    dropped = None
    if replaced is not None and replaced.last_id is not None:
        dropped = max(0, replaced.last_id - (restored.last_id or 0))
    return json.dumps(
        {
            "backup": Path(backup).name,
            "backup_rows": restored.rows,
            "backup_last_id": restored.last_id,
            "backup_last_hash": restored.last_hash,
            "replaced_rows": replaced.rows if replaced else None,
            "replaced_last_id": replaced.last_id if replaced else None,
            "replaced_last_hash": replaced.last_hash if replaced else None,
            "rows_not_restored": dropped,
            "safety_copy": Path(safety_copy).name if safety_copy else None,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
