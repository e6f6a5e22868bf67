"""The demo with history (``ictdesk demo --with-history``): Phú Thọ 2021Q1–2026Q2, its figures
before 1 July 2025 reported by the old communes of Phú Thọ, Vĩnh Phúc and Hòa Bình and
brought in as an official would: a long CSV keyed by old units, imported with the conversion.

Each new commune's series is made as in the plain demo; before the reform it is divided
among the old communes that formed it (fixed shares per old commune, whole numbers by
:func:`apportion`, so every rule holds part by part). The three old communes split between
two new ones (Vầy Nưa, Cao Sơn, Đồng Tân) are divided back by area share on import: the
values of the six new communes they touch are estimates there, as they would be for real.
"""

from __future__ import annotations

import csv
import random
import tempfile
from collections import defaultdict
from pathlib import Path

from ictdesk.core.demo import DEMO_SEED, commune_rows
from ictdesk.core.exchange.common import LONG_HEADER
from ictdesk.core.exchange.importer import import_files
from ictdesk.core.periods import Period, period_range
from ictdesk.core.reform.convert import OldUnitImport
from ictdesk.core.reform.crosswalk import SplitRule, apportion, crosswalk
from ictdesk.core.reform.register import begins_before_reform, old_register
from ictdesk.core.store import ValueStore, ValueWrite

HISTORY_FIRST, HISTORY_LAST = "2021Q1", "2026Q2"
HISTORY_FILE = "so-lieu-truoc-01-7-2025.csv"  # what the provincial office would call it


def fill_with_history(store: ValueStore, province: str, progress=None) -> None:
    """Values of ``province``'s communes: imported from old units before 1 July 2025, entered
    for the new communes from then on."""
    periods = period_range(Period.parse(HISTORY_FIRST), Period.parse(HISTORY_LAST))
    walk, register = crosswalk(), old_register()
    communes = store.children(province)
    old_values: dict[tuple[str, str, str], int] = defaultdict(int)
    native: list[ValueWrite] = []
    before = {p.iso for p in periods if begins_before_reform(p)}
    for done, commune in enumerate(communes, 1):
        parts = walk.parts[commune.code]
        weights = [
            random.Random(f"{DEMO_SEED}-{old}-{commune.code}").uniform(0.5, 1.5) for old in parts
        ]
        for row in commune_rows(commune.code, commune.name, periods):
            if row.period not in before:
                native.append(row)
                continue
            for old, piece in zip(parts, apportion(row.value, weights), strict=True):
                old_values[(old, row.period, row.indicator_code)] += piece
        if progress:
            progress(done, len(communes))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / HISTORY_FILE
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(LONG_HEADER)
            for (old, period, code), value in sorted(old_values.items()):
                writer.writerow([old, register[old].name, code, "", period, value, "", "demo", ""])
        import_files(store, [path], old_units=OldUnitImport(SplitRule.AREA))
    store.save_values(native, source="demo")
