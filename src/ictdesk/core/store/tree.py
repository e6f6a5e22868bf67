"""The unit tree: looking units up, walking the tree, adding units."""

from __future__ import annotations

from collections.abc import Sequence

from ictdesk.core.database import (
    unit_path,
)
from ictdesk.core.errors import UnknownUnit, ValueRejected
from ictdesk.core.store.base import StorePart
from ictdesk.core.store.records import (
    unit_from_row,
)
from ictdesk.core.units import HISTORY_PREFIX, Unit, UnitLevel, code_readings, search_key


def path_range(prefix: str) -> tuple[str, str]:
    """Bounds such that ``low <= path < high`` selects exactly the paths under ``prefix``."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


class _Tree(StorePart):
    """Part of :class:`ValueStore`."""

    def unit(self, code: str) -> Unit:
        """The unit with this code; raise :class:`UnknownUnit`."""
        row = next(self.db.query("SELECT * FROM units WHERE code = ?", [code]), None)
        if row is None:
            raise UnknownUnit(f"unknown unit code: {code}")
        return unit_from_row(row)

    def unit_code(self, text: str) -> str:
        """The unit code ``text`` means: as given, or a GSO code a spreadsheet stripped of its
        leading zero ("4792" for "04792"); raise :class:`UnknownUnit`."""
        for candidate in code_readings(text):
            if self.has_unit(candidate):
                return candidate
        raise UnknownUnit(f"unknown unit code: {text}")

    def has_unit(self, code: str) -> bool:
        return self.db.execute("SELECT 1 FROM units WHERE code = ?", [code]).fetchone() is not None

    def root_units(self) -> list[Unit]:
        """The top of the unit tree: this database's province, or every province (the old
        provinces before 1 July 2025 are not: see :meth:`historical_roots`)."""
        province = self.province_code
        if province and self.has_unit(province):
            return [self.unit(province)]
        return [
            unit_from_row(r)
            for r in self.db.query(
                "SELECT * FROM units WHERE parent_code IS NULL"
                f" AND substr(code, 1, {len(HISTORY_PREFIX)}) != ? ORDER BY code",
                [HISTORY_PREFIX],
            )
        ]

    def children(self, code: str) -> list[Unit]:
        """The direct children of a unit, ordered by code."""
        return [
            unit_from_row(r)
            for r in self.db.query(
                "SELECT * FROM units WHERE parent_code = ? ORDER BY code", [code]
            )
        ]

    def child_count(self, code: str) -> int:
        return self.child_counts([code])[code]

    def child_counts(self, codes: list[str]) -> dict[str, int]:
        """How many children each of ``codes`` has, in one query (0 for none)."""
        counts = dict.fromkeys(codes, 0)
        for start in range(0, len(codes), 500):
            block = codes[start : start + 500]
            counts.update(
                self.db.execute(
                    "SELECT parent_code, count(*) FROM units"
                    f" WHERE parent_code IN ({','.join('?' * len(block))}) GROUP BY parent_code",
                    block,
                ).fetchall()
            )
        return counts

    def search_units(self, text: str, within: str | None = None, limit: int = 500) -> list[Unit]:
        """Units whose name or code contains ``text``, diacritics ignored, within a subtree."""
        key = f"%{search_key(text.strip())}%"
        sql = "SELECT * FROM units WHERE (search_key LIKE ? OR code LIKE ?)"
        params: list = [key, f"{text.strip()}%"]
        if within:
            sql += " AND path >= ? AND path < ?"
            params.extend(path_range(self._path(within)))
        sql += " ORDER BY path LIMIT ?"
        params.append(limit)
        return [unit_from_row(r) for r in self.db.query(sql, params)]

    def ancestors(self, code: str) -> list[Unit]:
        """The chain of units from the top down to ``code``'s parent."""
        codes = [c for c in self._path(code).strip("/").split("/")][:-1]
        return [self.unit(c) for c in codes]

    def subtree_bounds(self, code: str) -> tuple[str, str]:
        """``(low, high)`` such that ``low <= units.path < high`` selects ``code``'s subtree."""
        return path_range(self._path(code))

    def _path(self, code: str) -> str:
        row = self.db.execute("SELECT path FROM units WHERE code = ?", [code]).fetchone()
        if row is None:
            raise UnknownUnit(f"unknown unit code: {code}")
        return row[0]

    def add_unit(
        self,
        code: str,
        name: str,
        level: UnitLevel,
        parent_code: str | None,
        valid_from: str | None = None,
        valid_to: str | None = None,
    ) -> Unit:
        """Add a user-defined unit (a village, or a pre-2025 district) under ``parent_code``."""
        code, name = code.strip(), name.strip()
        if not code or not name:
            raise ValueRejected("a unit needs a code and a name")
        if self.has_unit(code):
            raise ValueRejected(f"unit code already exists: {code}")
        parent_path = self._path(parent_code) if parent_code else None
        self._unit_code_cache = None
        with self._writing("the unit was not added"), self.db.atomic():
            self.db.execute(
                "INSERT INTO units (code, name, level, parent_code, path, search_key, valid_from,"
                " valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    code,
                    name,
                    level.value,
                    parent_code,
                    unit_path(parent_path, code),
                    search_key(name),
                    valid_from,
                    valid_to,
                ],
            )
            self._audit_unit(code, name, level.value, parent_code, "form")
        return self.unit(code)

    def _audit_unit(self, code: str, name: str, level: str, parent: str | None, source: str):
        """The audit row of a unit added (inside the caller's transaction)."""
        detail = f"{level} under {parent}" if parent else level
        self._audit(
            "unit", code, "", "", None, None, new_comment=name, source=source, detail=detail
        )

    def unit_codes(self) -> set[str]:
        """The code of every unit (cached; adding a unit refreshes it)."""
        if self._unit_code_cache is None:
            self._unit_code_cache = {r[0] for r in self.db.execute("SELECT code FROM units")}
        return self._unit_code_cache

    def code_runs(self, unit_codes: Sequence[str]) -> list[tuple[str, str, str]]:
        """(requested unit, first code, last code): the units without children of each
        requested unit's subtree as ranges of codes holding no other such unit (a province's
        communes make a few runs); a range may span units with children.

        Kept until the units may have changed (:meth:`values_stamp` of no indicator: a unit
        added, an import or another process's write changes it, a save of values does not): a
        dashboard builds 15 queries over the same units, and listing the runs was 3.5 ms each,
        which every save under Trends paid again when the shown indicator's query was remade.
        """
        stamp, key = self.values_stamp(()), tuple(unit_codes)
        if self._runs_cache is None or self._runs_cache[0] != stamp:
            self._runs_cache = (stamp, {})
        kept = self._runs_cache[1]
        if key not in kept:
            kept[key] = self._code_runs(set(unit_codes))
        return kept[key]

    def _code_runs(self, wanted: set[str]) -> list[tuple[str, str, str]]:
        runs: list[tuple[str, str, str]] = []
        open_runs: dict[str, list] = {}  # requested unit -> [first code, last code, position]
        leaves = self.db.execute(
            "SELECT code, path FROM units WHERE code NOT IN"
            " (SELECT parent_code FROM units WHERE parent_code IS NOT NULL) ORDER BY code"
        )
        for position, (code, path) in enumerate(leaves):
            for owner in path.strip("/").split("/"):
                if owner not in wanted:
                    continue
                run = open_runs.get(owner)
                if run is not None and run[2] == position - 1:
                    run[1], run[2] = code, position
                else:
                    if run is not None:
                        runs.append((owner, run[0], run[1]))
                    open_runs[owner] = [code, code, position]
        runs += [(owner, run[0], run[1]) for owner, run in open_runs.items()]
        return runs
