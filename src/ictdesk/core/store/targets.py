"""Targets per indicator, unit and year, inherited from the nearest ancestor."""

from __future__ import annotations

from ictdesk.core.errors import UnknownUnit
from ictdesk.core.store.base import StorePart


class _Targets(StorePart):
    """Part of :class:`ValueStore`."""

    def set_target(
        self,
        indicator_code: str,
        unit_code: str,
        year: int,
        value: float,
        document: str = "",
        *,
        source: str = "form",
    ) -> None:
        """Set the target of an indicator for a unit and year (replacing any previous one);
        audited."""
        self.catalogue[indicator_code]
        if not self.has_unit(unit_code):
            raise UnknownUnit(f"unknown unit code: {unit_code}")
        with self._writing("the target was not saved", "chưa lưu được chỉ tiêu"), self.db.atomic():
            old = self.db.execute(
                "SELECT value, document FROM targets"
                " WHERE indicator_code = ? AND unit_code = ? AND year = ?",
                [indicator_code, unit_code, year],
            ).fetchone() or (None, None)
            if old != (value, document):
                self._audit(
                    "target", unit_code, indicator_code, str(int(year)), old[0], value,
                    old_comment=old[1], new_comment=document, source=source,
                )  # fmt: skip
            self.db.execute(
                "INSERT OR REPLACE INTO targets (indicator_code, unit_code, year, value, document)"
                " VALUES (?, ?, ?, ?, ?)",
                [indicator_code, unit_code, year, value, document],
            )

    def target(self, indicator_code: str, unit_code: str, year: int) -> float | None:
        """The target for this unit and year, else the nearest ancestor's, else ``None``."""
        chain = [unit_code] + [u.code for u in reversed(self.ancestors(unit_code))]
        for code in chain:
            row = self.db.execute(
                "SELECT value FROM targets WHERE indicator_code = ? AND unit_code = ? AND year = ?",
                [indicator_code, code, year],
            ).fetchone()
            if row:
                return row[0]
        return None

    def targets_for(self, unit_code: str, year: int) -> dict[str, tuple[float, str]]:
        """Every indicator's (target, document) for a unit and year, nearest ancestor's if none."""
        chain = [unit_code] + [u.code for u in reversed(self.ancestors(unit_code))]
        found: dict[str, tuple[float, str]] = {}
        for code in chain:
            for indicator, value, document in self.db.execute(
                "SELECT indicator_code, value, document FROM targets"
                " WHERE unit_code = ? AND year = ?",
                [code, year],
            ):
                found.setdefault(indicator, (value, document))
        return found
