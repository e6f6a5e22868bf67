"""Whether files name their units as before 1 July 2025 or as now: the hint an import gives.

Old and new codes overlap (the new Xã Hướng Hiệp is 19555, the code of the old Thị trấn Krông
Klang), so codes alone often fit both registers; names decide where a file has them (long and
wide CSV do, DHIS2 CSV does not). District codes and the codes of absorbed communes fit only
the old register.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from ictdesk.core.errors import IctdeskError
from ictdesk.core.exchange.readers import detect_format
from ictdesk.core.reform.register import old_register
from ictdesk.core.store import ValueStore
from ictdesk.core.units import code_readings, search_key

SAMPLED_ROWS = 20_000  # per file: enough to see its units, quick on a province's ten years
_COLUMNS = {"long": (0, 1), "wide": (0, 1), "dhis2": (2, None)}  # unit code, unit name
_TYPES = ("thi tran", "thi xa", "thanh pho", "dac khu", "phuong", "huyen", "quan", "tinh", "xa")


@dataclass(frozen=True)
class RegisterMatch:
    """How many of the units files name fit the register before 1 July 2025, and the current
    units of the database."""

    units: int = 0
    old: int = 0
    new: int = 0

    @property
    def suggests_old(self) -> bool:
        """The files fit the old register better: import them keyed by old units."""
        return self.old > self.new

    def describe(self, language: str = "en") -> str:
        if language == "vi":
            return (
                f"{self.old}/{self.units} đơn vị trong tệp khớp danh mục trước 01/7/2025,"
                f" {self.new}/{self.units} khớp đơn vị hiện hành"
            )
        return (
            f"{self.old} of {self.units} units in the files match the register before 1 July"
            f" 2025, {self.new} of {self.units} the current units"
        )


def _name_key(name: str) -> str:
    """A unit's name without its kind and diacritics: "Xã Đakrông" and "đakrông" agree."""
    key = search_key(name).strip()
    for kind in _TYPES:
        if key.startswith(kind + " "):
            key = key[len(kind) + 1 :]
            break
    return "".join(c for c in key if c.isalnum())


def match_registers(store: ValueStore, paths: list[Path]) -> RegisterMatch:
    """Compare the units ``paths`` name with both registers (templates, made by ictdesk for
    current units, and files that cannot be read count for nothing)."""
    named: dict[str, str] = {}
    for path in paths:
        try:
            fmt = detect_format(Path(path))
        except (IctdeskError, OSError):
            continue
        if fmt not in _COLUMNS:
            continue
        code_column, name_column = _COLUMNS[fmt]
        for code, name in _units_of(Path(path), code_column, name_column):
            if name or code not in named:
                named[code] = name
    register = old_register()
    old = new = 0
    for code, name in named.items():
        unit = register.read(code)
        if unit is not None and (not name or _name_key(name) == _name_key(unit.name)):
            old += 1
        current = next((c for c in code_readings(code) if store.has_unit(c)), None)
        if current is not None and (
            not name or _name_key(name) == _name_key(store.unit(current).name)
        ):
            new += 1
    return RegisterMatch(len(named), old, new)


def _units_of(path: Path, code_column: int, name_column: int | None):
    """(code, name) of the first rows of a CSV file ("" when it has no names)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
            delimiter = ";" if first.count(";") > first.count(",") else ","
            for cells in islice(csv.reader(handle, delimiter=delimiter), SAMPLED_ROWS):
                if len(cells) <= code_column or not cells[code_column].strip():
                    continue
                code = cells[code_column].strip().lstrip("'")
                has_name = name_column is not None and len(cells) > name_column
                yield code, cells[name_column].strip() if has_name else ""
    except (OSError, UnicodeDecodeError, csv.Error):
        return
