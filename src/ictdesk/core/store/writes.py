"""Writing values (checked, audited, all or nothing), follow-up flags and completion."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from ictdesk.core.errors import UnknownUnit, ValueRejected
from ictdesk.core.periods import canonical_period
from ictdesk.core.store.base import StorePart, not_saved
from ictdesk.core.store.records import (
    ValueWrite,
    not_in_future,
    now_iso,
    nul_refusal,
)
from ictdesk.core.validation import (
    refusal,
)


class _Writes(StorePart):
    """Part of :class:`ValueStore`."""

    def _check_write(self, write: ValueWrite) -> tuple[str | None, tuple]:
        """Validate one write; return its audit detail and its staging row (see stage_values)."""
        indicator = self.catalogue[write.indicator_code]
        if indicator.is_derived:
            raise ValueRejected(f"{indicator.code} is computed, it cannot be typed")
        period = canonical_period(write.period)  # " 2024Q1 " is stored as "2024Q1"
        if write.unit_code not in self.unit_codes():
            raise UnknownUnit(f"unknown unit code: {write.unit_code}")
        value = write.value
        if value is not None:
            refused = refusal(indicator, value)  # the same rule as the form, grid and imports
            if refused is not None:  # a negative count, a share over 100 %: never stored
                raise ValueRejected(refused.message_en, vi=refused.message_vi)
            if isinstance(value, float) and value.is_integer():
                value = int(value)
        for text, what, what_vi in (
            (write.comment, "comment", "ghi chú"),
            (write.stored_by, "name of who entered the value", "tên người nhập"),
        ):
            if (refused := nul_refusal(text, what, what_vi)) is not None:
                raise refused
        followup = None if write.followup is None else int(write.followup)
        return write.detail, (
            write.unit_code,
            write.indicator_code,
            period,
            value,
            write.comment,
            write.stored_by,
            not_in_future(write.updated_at),
            followup,
            None,  # place: where an imported value came from
        )

    def save_value(
        self,
        unit_code: str,
        indicator_code: str,
        period: str,
        value: int | float | None,
        *,
        comment: str | None = None,
        source: str = "form",
    ) -> bool:
        """Store one value (``None`` clears it) and audit the change; True if anything changed."""
        return bool(
            self.save_values(
                [ValueWrite(unit_code, indicator_code, period, value, comment)], source=source
            )
        )

    def save_values(self, writes: Iterable[ValueWrite], *, source: str) -> int:
        """Store many values in one transaction, auditing each change; return how many changed.

        ``comment=None`` keeps a value's existing comment, ``""`` clears it. A value set to
        ``None`` with no comment left is removed. Unchanged values are not touched. Either every
        write is stored or, if one is rejected, none is. Later writes to the same key win.
        """
        self._check_may_save(source)
        rows = {}
        for write in writes:
            detail, row = self._check_write(write)
            rows[row[:3]] = detail, row
        if not rows:
            return 0
        try:
            return self._write_batch(rows.values(), source)
        except sqlite3.Error as exc:
            raise not_saved("the values were not saved", "chưa lưu được số liệu", exc) from exc

    def _write_batch(self, rows, source: str) -> int:
        codes = {row[1] for _detail, row in rows}
        with self._writing_values_of(codes), self.db.atomic():
            self.clear_staged()
            by_detail = defaultdict(list)  # the audit's detail, per write (usually all None)
            for detail, row in rows:
                by_detail[detail].append(row)
            for detail, group in by_detail.items():
                self.stage_values(group, detail)
            changed = self.write_staged(source)
            self.clear_staged()
        return changed

    def set_followup(
        self,
        unit_code: str,
        indicator_code: str,
        period: str,
        flag: bool,
        *,
        source: str = "form",
    ) -> None:
        """Flag (or unflag) a stored value for follow-up, as DHIS2 does; audited."""
        try:
            with self.db.atomic():
                found = self.db.execute(
                    "SELECT followup FROM data_values"
                    " WHERE unit_code = ? AND period = ? AND indicator_code = ?",
                    [unit_code, period, indicator_code],
                ).fetchone()
                if found is None or found[0] == int(flag):
                    return
                self._audit(
                    "followup", unit_code, indicator_code, period, found[0], int(flag),
                    source=source,
                )  # fmt: skip
                self.db.execute(
                    "UPDATE data_values SET followup = ?"
                    " WHERE unit_code = ? AND period = ? AND indicator_code = ?",
                    [int(flag), unit_code, period, indicator_code],
                )
        except sqlite3.Error as exc:
            raise not_saved(
                "the follow-up flag was not saved", "chưa lưu được cờ cần theo dõi", exc
            ) from exc

    def is_complete(self, unit_code: str, period: str) -> bool:
        return (
            self.db.execute(
                "SELECT 1 FROM completions WHERE unit_code = ? AND period = ?", [unit_code, period]
            ).fetchone()
            is not None
        )

    def set_complete(
        self, unit_code: str, period: str, complete: bool = True, *, source: str = "form"
    ) -> None:
        """Mark a unit-period complete (or reopen it); audited."""
        try:
            with self.db.atomic():
                was = self.is_complete(unit_code, period)
                if not complete and not was:
                    return
                stamp = now_iso()
                self._audit(
                    "completion", unit_code, "", period, int(was), int(complete),
                    new_comment=self.stored_by if complete else None,
                    detail=stamp if complete else None, source=source,
                )  # fmt: skip
                if complete:
                    self.db.execute(
                        "INSERT OR REPLACE INTO completions (unit_code, period, completed_by,"
                        " completed_at) VALUES (?, ?, ?, ?)",
                        [unit_code, period, self.stored_by, stamp],
                    )
                else:
                    self.db.execute(
                        "DELETE FROM completions WHERE unit_code = ? AND period = ?",
                        [unit_code, period],
                    )
        except sqlite3.Error as exc:
            raise not_saved(
                "the completion was not saved", "chưa lưu được trạng thái hoàn thành", exc
            ) from exc
