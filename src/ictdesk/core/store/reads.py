"""Reading stored values: one unit-period, a grid's block, completeness, history."""

from __future__ import annotations

from ictdesk.core.periods import Period, PeriodType
from ictdesk.core.store.base import StorePart
from ictdesk.core.store.coverage import Reported
from ictdesk.core.store.records import (
    AuditEntry,
    StoredValue,
)
from ictdesk.core.units import Unit


def _period_bounds(ptype: PeriodType, year: int) -> tuple[str, str]:
    """The text range [low, high) holding every period of ``ptype`` in ``year``, and no other."""
    suffixes = {
        PeriodType.YEAR: ("", "0"),  # "2025" itself: "20250…" and longer sort after it
        PeriodType.HALF: ("S", "T"),
        PeriodType.QUARTER: ("Q", "R"),
        PeriodType.MONTH: ("0", "2"),  # "202501"–"202512"
    }[ptype]
    return f"{year:04d}{suffixes[0]}", f"{year:04d}{suffixes[1]}"


# latest_stored_period: the kinds of period in the order a tie is settled, and its cache key
_BY_PREFERENCE = (PeriodType.QUARTER, PeriodType.MONTH, PeriodType.HALF, PeriodType.YEAR)
_ANY_TYPE = "any"


class _Reads(StorePart):
    """Part of :class:`ValueStore`."""

    def values_for(self, unit_code: str, period: str) -> dict[str, StoredValue]:
        """Every stored value of one unit and period, keyed by indicator code."""
        rows = self.db.query(
            "SELECT * FROM data_values WHERE unit_code = ? AND period = ?", [unit_code, period]
        )
        return {r["indicator_code"]: self._stored(r) for r in rows}

    def value(self, unit_code: str, indicator_code: str, period: str) -> StoredValue | None:
        row = next(
            self.db.query(
                "SELECT * FROM data_values"
                " WHERE unit_code = ? AND period = ? AND indicator_code = ?",
                [unit_code, period, indicator_code],
            ),
            None,
        )
        return self._stored(row) if row else None

    @staticmethod
    def _stored(row: dict) -> StoredValue:
        return StoredValue(
            row["unit_code"],
            row["indicator_code"],
            row["period"],
            row["value"],
            row["comment"],
            bool(row["followup"]),
            row["stored_by"],
            row["updated_at"],
        )

    def grid(
        self, period: str, parent_code: str, indicator_codes: list[str] | None = None
    ) -> list[tuple[Unit, dict[str, int | float | None]]]:
        """One period for every child of ``parent_code``: (unit, {indicator: value}) rows.

        Only stored values are returned (entered indicators); a missing value is ``None``.
        """
        units = self.children(parent_code)
        values = self.values_for_units(period, [u.code for u in units], indicator_codes)
        return [(u, values[u.code]) for u in units]

    def values_for_units(
        self, period: str, unit_codes: list[str], indicator_codes: list[str] | None = None
    ) -> dict[str, dict[str, int | float | None]]:
        """{unit: {indicator: value}} of one period for a block of units (a grid's rows)."""
        Period.parse(period)
        codes = indicator_codes or [i.code for i in self.catalogue.entered]
        result: dict[str, dict[str, int | float | None]] = {
            u: dict.fromkeys(codes) for u in unit_codes
        }
        wanted = set(codes)
        for start in range(0, len(unit_codes), 500):  # stay under SQLite's variable limit
            block = unit_codes[start : start + 500]
            marks = ",".join("?" * len(block))
            for unit_code, indicator_code, value in self.db.execute(
                "SELECT unit_code, indicator_code, value FROM data_values"
                f" WHERE period = ? AND unit_code IN ({marks})",
                [period, *block],
            ):
                if indicator_code in wanted:
                    result[unit_code][indicator_code] = value
        return result

    def marks_for_units(self, period: str, unit_codes: list[str]) -> dict[tuple[str, str], str]:
        """{(unit, indicator): marks} for values with a comment ("c") or a follow-up flag ("f")."""
        marks: dict[tuple[str, str], str] = {}
        for start in range(0, len(unit_codes), 500):
            block = unit_codes[start : start + 500]
            for unit_code, code, comment, followup in self.db.execute(
                "SELECT unit_code, indicator_code, comment, followup FROM data_values"
                f" WHERE period = ? AND unit_code IN ({','.join('?' * len(block))})"
                " AND (comment IS NOT NULL OR followup)",
                [period, *block],
            ):
                marks[(unit_code, code)] = ("c" if comment else "") + ("f" if followup else "")
        return marks

    def filled_count(self, unit_code: str, period: str) -> int:
        """How many entered indicators of one unit have a whole value for ``period``: stored
        for it, or made of every one of its sub-periods (``store.coverage``)."""
        return self.whole_counts(period, [unit_code])[unit_code]

    def completeness(self, period: str, parent_code: str) -> list[Reported]:
        """How far every child of ``parent_code`` has reported ``period`` (``Reported``):
        filled as :meth:`filled_count` counts, so a commune's monthly returns fill its
        quarters and years. Kept until the data changes: one move asks it up to three times."""
        kept = self.kept_until_change("completeness")  # the status bar, Dashboard, Reporting
        if (period, parent_code) not in kept:
            kept[(period, parent_code)] = self.reported(period, self.children(parent_code))
        return list(kept[(period, parent_code)])

    def history(self, unit_code: str, indicator_code: str, period: str) -> list[AuditEntry]:
        """The audit trail of one value, oldest first."""
        return [
            AuditEntry(
                r["changed_at"],
                r["stored_by"],
                r["old_value"],
                r["new_value"],
                r["source"],
                r["old_comment"],
                r["new_comment"],
                r["source_detail"],
            )
            for r in self.db.query(
                "SELECT * FROM audit_log WHERE unit_code = ? AND indicator_code = ? AND period = ?"
                " AND kind = 'value' ORDER BY id",
                [unit_code, indicator_code, period],
            )
        ]

    def latest_period(self, ptype: PeriodType = PeriodType.QUARTER) -> Period | None:
        """The latest period of type ``ptype`` that holds any value, or ``None``.

        Indexed look-ups only, in the by-indicator index: each indicator's first and last
        period (one seek each: ``min`` and ``max`` in one SELECT read the whole index, 1.1 s
        on a national file), then year by year, newest first, each year's periods of the type
        (they sort together: ``2025Q1``–``2025Q4`` lie between ``2025Q`` and ``2025R``). Kept
        until the data changes: the window, Dashboard and Trends ask the same at one open.
        """
        kept = self.kept_until_change("latest")  # by kind of period
        if ptype not in kept:
            kept[ptype] = self._find_latest((ptype,))
        return kept[ptype]

    def latest_stored_period(self) -> Period | None:
        """The latest period holding any value, whatever its type: of the newest year holding
        values, the period that starts last (a quarter first when several start together,
        then a month, a half, the year), or the quarter holding it when that month's quarter
        holds values too. Where a province enters monthly returns and nothing quarterly,
        that is the last month reported, not an empty quarter; a value for a whole year in
        progress does not hide its quarters. Kept like :meth:`latest_period`."""
        kept = self.kept_until_change("latest")  # by kind of period
        if _ANY_TYPE not in kept:
            kept[_ANY_TYPE] = self._find_latest(_BY_PREFERENCE)
        return kept[_ANY_TYPE]

    def _find_latest(self, ptypes: tuple[PeriodType, ...]) -> Period | None:
        """The latest period of ``ptypes`` holding a value: in the newest year holding one of
        them, the one starting last, or a period of a kind listed before its own that holds
        it (see :meth:`latest_stored_period`)."""
        spans: dict[str, tuple[int, int]] = {}
        for indicator in self.catalogue.entered:
            ends = [
                self.db.execute(
                    "SELECT period FROM data_values WHERE indicator_code = ?"
                    f" ORDER BY period {order} LIMIT 1",
                    [indicator.code],
                ).fetchone()
                for order in ("ASC", "DESC")
            ]
            if ends[1] is not None:
                spans[indicator.code] = (int(ends[0][0][:4]), int(ends[1][0][:4]))
        if not spans:
            return None
        first = min(low for low, _high in spans.values())
        for year in range(max(high for _low, high in spans.values()), first - 1, -1):
            codes = [code for code, (low, high) in spans.items() if low <= year <= high]
            found = []
            for ptype in ptypes:
                (latest,) = self.db.execute(
                    f"WITH i(code) AS (VALUES {','.join(['(?)'] * len(codes))})"
                    " SELECT max((SELECT period FROM data_values WHERE indicator_code = i.code"
                    " AND period >= ? AND period < ? ORDER BY period DESC LIMIT 1)) FROM i",
                    [*codes, *_period_bounds(ptype, year)],
                ).fetchone()
                if latest:
                    found.append(Period.parse(latest))
            if found:  # max() keeps the first of those starting last
                latest = max(found, key=lambda p: p.first_month)
                for preferred in found[: found.index(latest)]:
                    if preferred.first_month <= latest.first_month <= preferred.last_month:
                        return preferred
                return latest
        return None

    def stored_periods(self) -> list[str]:
        """Every period holding a stored value (or a bare comment), in order."""
        return [
            r[0] for r in self.db.execute("SELECT DISTINCT period FROM data_values ORDER BY period")
        ]

    def units_with_values(self, period: str) -> set[str]:
        """The units that store anything for ``period`` themselves."""
        return {
            r[0]
            for r in self.db.execute(
                "SELECT DISTINCT unit_code FROM data_values WHERE period = ?", [period]
            )
        }

    def value_count(self) -> int:
        """How many values (and bare comments) the database stores."""
        return self.db.execute("SELECT count(*) FROM data_values").fetchone()[0]
