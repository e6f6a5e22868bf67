"""The set-based checks an import runs over its staged batch: rules broken with the batch merged
into the stored values, stocks that jump against the period before, and values for a whole
period whose months the unit reports (the tables are ``staging``'s)."""

from __future__ import annotations

from collections.abc import Iterable

from ictdesk.core.periods import Period, sub_period_levels, whole_periods_of
from ictdesk.core.store.base import StorePart
from ictdesk.core.store.seeks import held_periods
from ictdesk.core.validation import OPERATORS, Rule


class _StagedChecks(StorePart):
    """Part of :class:`ValueStore`."""

    def staged_rule_failures(self, rules: list[Rule], stored: bool) -> list[tuple[str, str]]:
        """(unit, period) of the batch where a rule ``left op right`` may fail, the batch's
        values merged into the stored ones (``stored``: the database holds values).

        A self-join of the staged values (each value with the other side of every rule it is
        in, staged or else stored) finds them in one pass; the caller words each failure.
        """
        db = self.db
        for statement in _RULE_TABLES:
            db.execute(statement)
        db.execute("DELETE FROM temp.import_rules")
        db.conn.executemany(
            "INSERT INTO temp.import_rules (left_code, op, right_code) VALUES (?, ?, ?)",
            [(rule.left, rule.op, rule.right) for rule in rules if rule.op in OPERATORS],
        )
        # CROSS JOIN keeps the staged values as the outer loop: one pass, then key seeks.
        right = "b.value"
        stored_right = ""
        if stored:
            right = "IIF(b.unit_code IS NULL, d.value, b.value)"
            stored_right = (
                " LEFT JOIN data_values d ON d.unit_code = a.unit_code AND d.period = a.period"
                " AND d.indicator_code = r.right_code"
            )
        query = (
            "SELECT DISTINCT a.unit_code, a.period FROM temp.incoming_values a"
            " CROSS JOIN temp.import_rules r ON r.left_code = a.indicator_code"
            " LEFT JOIN temp.incoming_values b ON b.unit_code = a.unit_code"
            " AND b.period = a.period AND b.indicator_code = r.right_code"
            f"{stored_right} WHERE {_fails('a.value', right)}"
        )
        if stored:  # the right side staged, the left only stored
            query += (
                " UNION SELECT b.unit_code, b.period FROM temp.incoming_values b"
                " CROSS JOIN temp.import_rules r ON r.right_code = b.indicator_code"
                " JOIN data_values d ON d.unit_code = b.unit_code AND d.period = b.period"
                " AND d.indicator_code = r.left_code"
                " WHERE NOT EXISTS (SELECT 1 FROM temp.incoming_values a"
                " WHERE a.unit_code = b.unit_code AND a.period = b.period"
                f" AND a.indicator_code = r.left_code) AND {_fails('d.value', 'b.value')}"
            )
        return db.execute(query).fetchall()

    def staged_outliers(self, share: float, min_change: float) -> list[tuple]:
        """Staged values that moved by more than ``share`` (and ``min_change``) against the
        value of the period before as the batch leaves it (the batch's own when it brings one,
        else the stored one): (unit, indicator, period, value, before, detail, place). A file
        re-sending a year whose every month is ten times the stored ones warns at the first
        month, not at twelve. Call only when the database holds values."""
        db = self.db
        periods = [r[0] for r in db.execute("SELECT DISTINCT period FROM temp.incoming_values")]
        db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS period_before (period TEXT PRIMARY KEY, previous TEXT)"
        )
        db.execute("DELETE FROM temp.period_before")
        db.conn.executemany(
            "INSERT INTO temp.period_before VALUES (?, ?)",
            [(p, Period.parse(p).previous().iso) for p in periods],
        )
        # CROSS JOIN fixes the order: each staged value, its period before, then one key seek.
        # Left to itself the planner read the by-indicator index for every staged value
        # (minutes for a province's file imported over its own history).
        return db.execute(
            "SELECT unit_code, indicator_code, period, value, before, detail, place FROM ("
            " SELECT s.unit_code, s.indicator_code, s.period, s.value, s.detail, s.place,"
            " CASE WHEN p.unit_code IS NULL THEN d.value ELSE p.value END AS before"
            " FROM temp.incoming_values s CROSS JOIN temp.period_before b ON b.period = s.period"
            " LEFT JOIN temp.incoming_values p ON p.unit_code = s.unit_code"
            " AND p.period = b.previous AND p.indicator_code = s.indicator_code"
            " LEFT JOIN data_values d ON d.unit_code = s.unit_code AND d.period = b.previous"
            " AND d.indicator_code = s.indicator_code"
            " WHERE s.value IS NOT NULL)"
            " WHERE before IS NOT NULL AND before != 0"
            " AND abs(value - before) >= ? AND abs(value - before) > ? * abs(before)",
            [min_change, share],
        ).fetchall()

    def staged_over_sub_periods(self, periods: Iterable[str]) -> list[tuple]:
        """Staged values for a period (a quarter, a half, a year) where nothing is stored for
        it but the unit holds the same indicator for a sub-period, stored or in the batch:
        once written, such a value is used instead of the months in every sum (see
        ``store.coverage``). ``periods``: those the batch holds (the importer has seen them: a
        province's 721k values read for them took 0.1 s). (unit, indicator, period, detail,
        place), for a warning."""
        db = self.db
        parts = [
            (p.iso, sub.iso)
            for p in map(Period.parse, set(periods))
            for level in sub_period_levels(p)
            for sub in level
        ]
        if not parts:
            return []  # months only (monthly returns): nothing finer to hide
        db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS sub_periods (period TEXT, sub TEXT,"
            " PRIMARY KEY (period, sub)) WITHOUT ROWID"
        )
        db.execute("DELETE FROM temp.sub_periods")
        db.conn.executemany("INSERT INTO temp.sub_periods VALUES (?, ?)", parts)
        held = (
            "SELECT 1 FROM temp.sub_periods p JOIN {table} h ON h.unit_code = s.unit_code"
            " AND h.period = p.sub AND h.indicator_code = s.indicator_code"
            " WHERE p.period = s.period AND h.value IS NOT NULL"
        )
        return db.execute(
            "SELECT s.unit_code, s.indicator_code, s.period, s.detail, s.place"
            " FROM temp.incoming_values s WHERE s.value IS NOT NULL"
            " AND s.period IN (SELECT period FROM temp.sub_periods)"
            " AND NOT EXISTS (SELECT 1 FROM data_values d WHERE d.unit_code = s.unit_code"
            " AND d.period = s.period AND d.indicator_code = s.indicator_code"
            " AND d.value IS NOT NULL)"
            f" AND (EXISTS ({held.format(table='data_values')})"
            f" OR EXISTS ({held.format(table='temp.incoming_values')}))"
            " ORDER BY s.detail, s.place"
        ).fetchall()

    def staged_under_whole_periods(self, periods: Iterable[str]) -> list[tuple]:
        """Staged values for a sub-period (a month, a quarter) of a period the unit holds the
        same indicator for as a whole: that stored value is used instead of theirs in every
        total. (unit, indicator, period, detail, place, [the whole periods, shortest first]),
        in the batch's order, for a warning.

        Which indicators are held for which whole periods is asked first, one seek each in
        the by-indicator index (a province's monthly file: 2.8k, a few ms); only the units
        holding one are then looked up in the batch."""
        db = self.db
        covering = {
            (sub.iso, whole.iso)
            for sub in map(Period.parse, set(periods))
            for whole in whole_periods_of(sub)
        }
        if not covering:
            return []
        codes = [ind.code for ind in self.catalogue.entered]
        held = held_periods(db, codes, sorted({whole for _, whole in covering}))
        rows = [
            (code, whole, sub)
            for code, wholes in held.items()
            for sub, whole in sorted(covering)
            if whole in wholes
        ]
        if not rows:
            return []  # no whole period stored over the batch's (monthly returns)
        db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS covering (code TEXT, period TEXT, sub TEXT,"
            " PRIMARY KEY (code, period, sub)) WITHOUT ROWID"
        )
        db.execute("DELETE FROM temp.covering")
        db.conn.executemany("INSERT INTO temp.covering VALUES (?, ?, ?)", rows)
        found: dict[tuple, list[str]] = {}
        for *staged, whole in db.execute(
            "SELECT s.unit_code, s.indicator_code, s.period, s.detail, s.place, c.period"
            " FROM temp.covering c CROSS JOIN data_values d ON d.indicator_code = c.code"
            " AND d.period = c.period CROSS JOIN temp.incoming_values s"
            " ON s.unit_code = d.unit_code AND s.period = c.sub AND s.indicator_code = c.code"
            " WHERE d.value IS NOT NULL AND s.value IS NOT NULL"
            # a whole period the batch itself clears hides nothing
            " AND NOT EXISTS (SELECT 1 FROM temp.incoming_values x"
            " WHERE x.unit_code = d.unit_code AND x.period = d.period"
            " AND x.indicator_code = d.indicator_code AND x.value IS NULL)"
            " ORDER BY s.detail, s.place"
        ):
            found.setdefault(tuple(staged), []).append(whole)  # each row once
        return [
            (*staged, sorted(wholes, key=lambda p: Period.parse(p).type.months))
            for staged, wholes in found.items()
        ]


_RULE_TABLES = (
    "CREATE TEMP TABLE IF NOT EXISTS import_rules (left_code TEXT, op TEXT, right_code TEXT)",
    "CREATE INDEX IF NOT EXISTS temp.import_rules_by_left ON import_rules (left_code)",
    "CREATE INDEX IF NOT EXISTS temp.import_rules_by_right ON import_rules (right_code)",
)


def _fails(left: str, right: str) -> str:
    """SQL true when rule ``r`` does not hold between ``left`` and ``right`` (NULL when a side
    is missing: a rule with a missing side is skipped, as in check_rules)."""
    cases = " ".join(f"WHEN '{op}' THEN NOT ({left} {op} {right})" for op in OPERATORS)
    return f"CASE r.op {cases} END"
