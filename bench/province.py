"""A deterministic province-scale database: 148 communes × 29 indicators × 168 months ≈ 720k values.

Built through the project's own store (``ValueStore.save_values``), cached under ``bench/``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ictdesk.core.demo import DEMO_PROVINCE, commune_rows
from ictdesk.core.periods import Period, PeriodType, period_range
from ictdesk.core.store import ValueStore

HERE = Path(__file__).resolve().parent
PROVINCE_DB = HERE / "province.db"
FIRST_MONTH, LAST_MONTH = Period(2012, PeriodType.MONTH, 1), Period(2025, PeriodType.MONTH, 12)


def build_province(path: Path = PROVINCE_DB) -> Path:
    """Create the province database once; later calls reuse the file (upgraded first when an
    older ictdesk built it: the benches open it read-only)."""
    if path.exists():
        if ValueStore.upgrade_due(path):
            started = time.perf_counter()
            ValueStore.upgrade(path)
            print(f"upgraded {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        return path
    started = time.perf_counter()
    partial = path.with_suffix(".building")
    partial.unlink(missing_ok=True)
    ValueStore.create(partial, {"province_code": DEMO_PROVINCE})
    store = ValueStore.open(partial)
    months = period_range(FIRST_MONTH, LAST_MONTH)
    for commune in store.children(DEMO_PROVINCE):
        store.save_values(commune_rows(commune.code, commune.name, months), source="demo")
    count = store.value_count()
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    partial.rename(path)
    print(
        f"built {path.name}: {count} values in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return path


if __name__ == "__main__":
    build_province()
