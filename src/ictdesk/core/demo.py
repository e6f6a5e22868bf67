"""A deterministic demo database: Phú Thọ, its 148 communes, quarterly values 2021Q1–2025Q4.

Values are seeded from each commune's code, grow smoothly over time, obey every shipped
validation rule, and are calibrated so that province totals sit near the figures quoted in
docs/DESIGN.md §1 (83.6% smartphone households, 86% fibre households, 98% 4G coverage, 86.6% of
applications online, 106 phones per 100 people...).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from ictdesk.core.database import WAL_FILES, create_database, set_aside_stray
from ictdesk.core.errors import DatabaseUnavailable
from ictdesk.core.periods import Period, period_range
from ictdesk.core.store import ValueStore, ValueWrite

DEMO_PROVINCE = "25"
DEMO_FIRST, DEMO_LAST = "2021Q1", "2025Q4"
DEMO_SEED = 2025
DEMO_TARGETS = {
    # indicator: {year: target}
    "COV_5G_PCT": {2025: 50.0, 2026: 65.0},
    "APPS_ONLINE_PCT": {2025: 85.0, 2026: 90.0},
    "APPS_E_RESULT_PCT": {2025: 85.0, 2026: 90.0},
    "SMARTPHONE_HH_PCT": {2025: 85.0, 2026: 90.0},
    "FIBER_HH_PCT": {2025: 85.0, 2026: 90.0},
    "VNEID_PCT": {2025: 80.0, 2026: 90.0},
    "DIGITAL_SKILLS_PCT": {2025: 40.0, 2026: 50.0},
}
TARGET_DOCUMENT = "Kế hoạch chuyển đổi số tỉnh Phú Thọ năm 2025–2026 (dữ liệu mẫu)"


def _ramp(start: float, end: float, t: float, delay: float = 0.0) -> float:
    """A smooth rise from ``start`` to ``end`` as ``t`` goes from ``delay`` to 1."""
    if t <= delay:
        return start
    x = (t - delay) / (1 - delay)
    return start + (end - start) * (3 * x * x - 2 * x * x * x)


def commune_rows(code: str, name: str, periods: list[Period]) -> list[ValueWrite]:
    """Every entered indicator of one commune over ``periods``, deterministic per commune."""
    rng = random.Random(f"{DEMO_SEED}-{code}")
    urban = name.startswith("Phường")
    pop0 = rng.lognormvariate(10.1 if not urban else 10.5, 0.35)
    pop0 = min(max(pop0, 6000), 90000)
    adult_share = rng.uniform(0.73, 0.79)
    hh_size = rng.uniform(3.3, 3.9) if not urban else rng.uniform(3.0, 3.4)
    villages = max(4, round(pop0 / rng.uniform(900, 1500)))
    remote = 0.0 if urban else rng.uniform(0.0, 1.0)  # mountain communes lag behind
    bts_per_1000 = rng.uniform(0.7, 1.1) + (0.3 if remote > 0.7 else 0.0)
    apps_per_person = rng.uniform(0.02, 0.035)
    docs = rng.randint(180, 520)
    members_per_team = rng.uniform(4, 7)
    lag = 0.06 * remote
    # Where each commune's rates end up: its own, so no two communes share a line (sixteen
    # urban communes ended at exactly 83,0 % VNeID). A generator of its own leaves every other
    # figure as it was.
    own = random.Random(f"{DEMO_SEED}-{code}-rates")
    vneid_end = 0.83 - lag + own.uniform(-0.05, 0.04)
    skills_end = 0.42 + own.uniform(-0.04, 0.04)
    smart_end = 0.865 + own.uniform(-0.03, 0.03)
    cov5_end = 0.62 - lag * 2 + own.uniform(-0.05, 0.05)
    rows: list[ValueWrite] = []
    last = len(periods) - 1
    for step, period in enumerate(periods):
        t = step / last if last else 1.0
        wobble = rng.uniform(0.985, 1.015)
        pop = round(pop0 * (1 + 0.009 * t * 5))
        adults = round(pop * adult_share)
        households = round(pop / hh_size)
        bts = round(pop / 1000 * bts_per_1000 * _ramp(0.82, 1.0, t))
        bts_4g = min(bts, round(bts * _ramp(0.86, 0.985, t)))
        bts_5g = min(bts_4g, round(bts * _ramp(0.0, 0.27 - lag, t, delay=0.55)))
        cov4 = min(pop, round(pop * (_ramp(0.955, 0.992, t) - lag / 3)))
        cov5 = min(cov4, round(pop * _ramp(0.0, cov5_end, t, delay=0.55)))
        v_mbb = min(villages, round(villages * _ramp(0.92 - lag, 1.0, t)))
        v_fiber = min(villages, round(villages * _ramp(0.88 - lag, 1.0, t)))
        hh_fiber = min(households, round(households * (_ramp(0.66, 0.885, t) - lag) * wobble))
        hh_smart = min(households, round(households * (_ramp(0.70, smart_end, t) - lag) * wobble))
        adult_smart = min(adults, round(adults * (_ramp(0.66, 0.85, t) - lag)))
        vneid = min(adults, round(adults * _ramp(0.12, vneid_end, t)))
        chip = min(adults, round(adults * _ramp(0.45, 1.0, t, delay=0.05)))
        skills = min(adults, round(adults * (_ramp(0.14, skills_end, t) - lag / 2)))
        teams = max(1, round(villages * _ramp(0.25, 1.0, t, delay=0.1)))
        members = max(teams, round(teams * members_per_team))
        apps = max(1, round(pop * apps_per_person * wobble * rng.uniform(0.9, 1.1)))
        apps_online = min(apps, round(apps * (_ramp(0.32, 0.905, t) - lag)))
        apps_e = min(apps, round(apps * (_ramp(0.28, 0.905, t) - lag)))
        docs_total = max(1, round(docs * rng.uniform(0.85, 1.15)))
        docs_signed = min(docs_total, round(docs_total * _ramp(0.82, 0.995, t)))
        values = {
            "POP_TOTAL": pop,
            "POP_ADULT": adults,
            "HH_TOTAL": households,
            "VILLAGES_TOTAL": villages,
            "BTS_TOTAL": bts,
            "BTS_4G": bts_4g,
            "BTS_5G": bts_5g,
            "VILLAGES_MBB": v_mbb,
            "VILLAGES_FIBER": v_fiber,
            "POP_COVERED_4G": cov4,
            "POP_COVERED_5G": cov5,
            "MOBILE_SUBS": round(pop * _ramp(0.93, 1.065, t)),
            "MBB_SUBS": round(pop * _ramp(0.52, 0.70, t)),
            "FBB_SUBS": round(hh_fiber * rng.uniform(1.0, 1.08)),
            "HH_FIBER": hh_fiber,
            "HH_SMARTPHONE": hh_smart,
            "ADULT_SMARTPHONE": adult_smart,
            "VNEID_L2": vneid,
            "CHIP_ID_CARDS": chip,
            "DIGITAL_SKILLS": skills,
            "CDT_TEAMS": teams,
            "CDT_MEMBERS": members,
            "BANK_ACCOUNTS": round(adults * _ramp(0.55, 0.86, t)),
            "EPAY_ACCOUNTS": round(adults * _ramp(0.18, 0.46, t)),
            "APPS_TOTAL": apps,
            "APPS_ONLINE": apps_online,
            "APPS_E_RESULT": apps_e,
            "DOCS_TOTAL": docs_total,
            "DOCS_SIGNED": docs_signed,
        }
        rows.extend(ValueWrite(code, ind, period.iso, value) for ind, value in values.items())
    return rows


def build_demo(path: str | Path, progress=None, with_history: bool = False) -> list[Path]:
    """Create the demo database at ``path`` (which must not exist yet), all or nothing.

    ``progress``, if given, is called with (done, total) as communes are generated.
    ``with_history``: 2021Q1–2026Q2, the figures before 1 July 2025 imported from the old
    communes (see ``demo_history``). A stray ``-wal``/``-shm`` of an earlier file of that name
    is moved aside (its new names are returned), never applied to the new file.
    """
    path = Path(path)
    if path.exists():
        raise DatabaseUnavailable(f"file already exists: {path}")
    moved = set_aside_stray(path)
    building = path.with_name(f".{path.name}.building")
    building.unlink(missing_ok=True)
    create_database(
        building,
        {"province_code": DEMO_PROVINCE, "stored_by": "demo", "demo": "1"},
    )
    try:
        store = ValueStore.open(building)
        try:
            _fill(store, progress, with_history)
        finally:
            store.close()
        if path.exists():
            raise DatabaseUnavailable(f"file already exists: {path}")
        moved += set_aside_stray(path)
        os.replace(building, path)
    finally:
        for leftover in (building, *(building.with_name(building.name + s) for s in WAL_FILES)):
            leftover.unlink(missing_ok=True)
    return moved


def _fill(store: ValueStore, progress, with_history: bool = False) -> None:
    if with_history:
        from ictdesk.core.demo_history import fill_with_history

        fill_with_history(store, DEMO_PROVINCE, progress)
    else:
        periods = period_range(Period.parse(DEMO_FIRST), Period.parse(DEMO_LAST))
        communes = store.children(DEMO_PROVINCE)
        rows: list[ValueWrite] = []
        for done, commune in enumerate(communes, 1):
            rows.extend(commune_rows(commune.code, commune.name, periods))
            if progress:
                progress(done, len(communes))
        store.save_values(rows, source="demo")
    for indicator, by_year in DEMO_TARGETS.items():
        for year, target in by_year.items():
            store.set_target(indicator, DEMO_PROVINCE, year, target, TARGET_DOCUMENT, source="demo")
    # Leave a self-contained file: fold the write-ahead log back before it is renamed.
    store.checkpoint()
