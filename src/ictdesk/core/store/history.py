"""Units from before 1 July 2025: added when history arrives, kept outside the new tree.

A historical unit's code is ``old:`` + its GSO code (see ``core.units.history_code``). The old
provinces are roots of their own, so no current unit's subtree (a path prefix) holds them:
they never enter the new units' roll-ups.
"""

from __future__ import annotations

from ictdesk.core.database import unit_path
from ictdesk.core.store.base import StorePart
from ictdesk.core.store.records import unit_from_row
from ictdesk.core.units import HISTORY_PREFIX, Unit, search_key

_IS_HISTORICAL = f"substr(code, 1, {len(HISTORY_PREFIX)}) = '{HISTORY_PREFIX}'"


class _History(StorePart):
    """Part of :class:`ValueStore`."""

    def add_historical_units(self, units: list[Unit]) -> int:
        """Add pre-reform units (parents before children; those already there are kept);
        return how many were added. Inside a running batch it is part of that batch."""
        paths: dict[str, str] = {}
        rows = []
        for unit in units:
            if not unit.code.startswith(HISTORY_PREFIX):
                raise ValueError(f"not a historical unit code: {unit.code}")
            parent = paths.get(unit.parent_code) if unit.parent_code else None
            if unit.parent_code and parent is None:
                parent = self._path(unit.parent_code)
            paths[unit.code] = unit_path(parent, unit.code)
            rows.append(
                (
                    unit.code,
                    unit.name,
                    unit.level.value,
                    unit.parent_code,
                    paths[unit.code],
                    search_key(unit.name),
                    unit.valid_from,
                    unit.valid_to,
                )
            )
        with self._writing("the historical units were not added"), self.db.atomic():
            added = 0
            for row in rows:
                if self.db.execute(
                    "INSERT OR IGNORE INTO units (code, name, level, parent_code, path,"
                    " search_key, valid_from, valid_to, official)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    row,
                ).rowcount:
                    added += 1
                    self._audit_unit(row[0], row[1], row[2], row[3], "import")
        if self._unit_code_cache is not None:  # in place: an import's row checker holds it
            self._unit_code_cache.update(row[0] for row in rows)
        return added

    def forget_unit_codes(self) -> None:
        """Read the unit codes afresh next time (another connection, an import in the
        background, may have added units before 1 July 2025)."""
        self._unit_code_cache = None

    def historical_roots(self) -> list[Unit]:
        """The old provinces this database holds (empty until history was imported)."""
        return [
            unit_from_row(r)
            for r in self.db.query(
                f"SELECT * FROM units WHERE parent_code IS NULL AND {_IS_HISTORICAL} ORDER BY code"
            )
        ]

    def has_history(self) -> bool:
        """Whether any unit from before 1 July 2025 is in this database."""
        return bool(
            self.db.execute(
                f"SELECT EXISTS (SELECT 1 FROM units WHERE parent_code IS NULL"
                f" AND {_IS_HISTORICAL})"
            ).fetchone()[0]
        )
