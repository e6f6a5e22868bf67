"""Derive ictdesk's pre-reform register and crosswalk from the PyPI package vietnamadminunits.

    pip download vietnamadminunits==1.0.4 --no-deps -d /tmp/vau
    python3 tools/derive_reform.py /tmp/vau/vietnamadminunits-1.0.4-py3-none-any.whl

Reads the wheel without installing it (its geocoding parts are never imported): the legacy
table (63 provinces, their districts and communes before 1 July 2025) and the 2025 table of
``data/dataset.db``, and ``data/converter_2025.json`` (which old communes formed each new
one; for an old commune split between new ones, each new one's area and the principal one).
Writes into resources/reform/:

- ``old_units.csv``: code, level, name, parent_code of every pre-reform unit (GSO codes);
- ``crosswalk.csv``: old_code, new_code, area_km2, principal; one row for an old commune
  that went whole into a new one (area and principal empty), one row per new commune for
  one that was split. ``new_code`` is the code ictdesk's seed (vietnam-provinces) gives the
  new commune, matched by province and name where the package's code differs;
- ``provinces.csv``: old_code, new_code of the 63 old provinces;
- ``code_differences.csv``: the new communes whose code in vietnamadminunits differs from
  ictdesk's seed (the package follows Quyết định 19/2025/QĐ-TTg);
- ``LICENSE-vietnamadminunits.txt``: the package's MIT licence.

Prints what it checked. Run it again when either package changes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
import sys
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ictdesk.core.units import official_communes, search_key  # noqa: E402

OUT = ROOT / "resources" / "reform"
PACKAGE = "vietnamadminunits"


def _name_key(name: str) -> str:
    """A name compared across the two packages: no diacritics, spaces or apostrophe kinds."""
    return "".join(c for c in search_key(name) if c.isalnum())


def main(wheel: Path) -> int:
    with zipfile.ZipFile(wheel) as archive, tempfile.TemporaryDirectory() as folder:
        names = archive.namelist()
        converter = json.loads(archive.read(f"{PACKAGE}/data/converter_2025.json"))
        licence = next(n for n in names if n.endswith("licenses/LICENSE"))
        licence_text = archive.read(licence).decode("utf-8")
        version = next(n for n in names if n.endswith(".dist-info/METADATA"))
        version = version.split("/")[0].removeprefix(f"{PACKAGE}-").removesuffix(".dist-info")
        dataset = Path(folder) / "dataset.db"
        dataset.write_bytes(archive.read(f"{PACKAGE}/data/dataset.db"))
        conn = sqlite3.connect(dataset)
        legacy = conn.execute(
            "SELECT provinceCode, province, districtCode, district, wardCode, ward,"
            " provinceKey, districtKey, wardKey FROM admin_units_legacy"
        ).fetchall()
        new = conn.execute(
            "SELECT provinceCode, wardCode, ward, wardAreaKm2, provinceKey, wardKey"
            " FROM admin_units"
        ).fetchall()
        conn.close()
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()

    # ---- the old register, and the package's keys of old units
    units: dict[str, tuple[str, str, str | None]] = {}  # code -> (level, name, parent)
    old_of_key: dict[str, str] = {}  # "province_district_ward" key -> old code
    for pcode, pname, dcode, dname, wcode, wname, pkey, dkey, wkey in legacy:
        pcode, dcode = pcode.zfill(2), dcode.zfill(3)
        units.setdefault(pcode, ("province", pname, None))
        units.setdefault(dcode, ("district", dname, pcode))
        if wcode:
            wcode = wcode.zfill(5)
            units[wcode] = ("commune", wname, dcode)
            old_of_key[f"{pkey}_{dkey}_{wkey}"] = wcode
        else:  # an island district without communes (Cồn Cỏ, Côn Đảo...)
            old_of_key[f"{pkey}_{dkey}_"] = dcode

    # ---- the new communes: the package's code, matched to ictdesk's seed
    seed = {u.code: u for u in official_communes()}
    seed_by_name = defaultdict(list)
    for unit in seed.values():
        seed_by_name[(unit.parent_code, _name_key(unit.name))].append(unit.code)
    new_of_key: dict[tuple[str, str], str] = {}
    new_province_of_key: dict[str, str] = {}
    area: dict[str, float] = {}
    differences = []
    for pcode, wcode, wname, km2, pkey, wkey in new:
        pcode, wcode = pcode.zfill(2), wcode.zfill(5)
        new_province_of_key[pkey] = pcode
        same_name = seed_by_name.get((pcode, _name_key(wname)), [])
        if len(same_name) == 1:
            code = same_name[0]
        elif wcode in seed and seed[wcode].parent_code == pcode:
            code = wcode  # renamed in one of the two packages: the code decides
        else:
            raise SystemExit(f"no commune in ictdesk's seed for {wname} ({wcode}, {pcode})")
        if code != wcode or _name_key(seed[code].name) != _name_key(wname):
            differences.append((pcode, wcode, wname, code, seed[code].name))
        new_of_key[(pkey, wkey)] = code
        area[code] = km2

    # ---- the crosswalk
    crosswalk = []
    whole = converter["DICT_PROVINCE_WARD_NO_DIVIDED"]
    for pkey, wards in whole.items():
        for wkey, olds in wards.items():
            for old in olds:
                crosswalk.append((old_of_key[old], new_of_key[(pkey, wkey)], "", ""))
    for pkey, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            principal = [p for p in parts if p["isDefaultNewWard"]]
            assert len(principal) == 1, old
            for part in parts:
                code = new_of_key[(pkey, part["newWardKey"])]
                crosswalk.append(
                    (
                        old_of_key[old],
                        code,
                        f"{area[code]:g}",
                        "1" if part["isDefaultNewWard"] else "0",
                    )
                )
    crosswalk.sort()
    old_province_of_key = {row[6]: row[0].zfill(2) for row in legacy}
    provinces = sorted(
        (old_province_of_key[old_key], new_province_of_key[new_key])
        for new_key, old_keys in converter["DICT_PROVINCE"].items()
        for old_key in old_keys
    )

    # ---- checks
    mapped = Counter(old for old, *_ in crosswalk)
    old_places = {c for c, (level, *_rest) in units.items() if level == "commune"}
    old_places |= {c for c in old_of_key.values() if len(c) == 3}
    assert set(mapped) == old_places, "every old commune is in the crosswalk"
    assert set(new_code for _, new_code, *_ in crosswalk) == set(seed), "every new commune"
    new_province = dict(provinces)
    for old, new_code, *_ in crosswalk:
        old_province = _province_of(units, old)
        if seed[new_code].parent_code != new_province[old_province]:
            print(f"note: {old} ({old_province}) went to {new_code} in another province")
    levels = Counter(level for level, *_ in units.values())

    OUT.mkdir(parents=True, exist_ok=True)
    _write(
        OUT / "old_units.csv",
        ("code", "level", "name", "parent_code"),
        [(c, lv, n, p or "") for c, (lv, n, p) in sorted(units.items(), key=_tree_order)],
    )
    _write(OUT / "crosswalk.csv", ("old_code", "new_code", "area_km2", "principal"), crosswalk)
    _write(OUT / "provinces.csv", ("old_code", "new_code"), provinces)
    _write(
        OUT / "code_differences.csv",
        ("province", "package_code", "package_name", "ictdesk_code", "ictdesk_name"),
        sorted(differences),
    )
    (OUT / "LICENSE-vietnamadminunits.txt").write_text(licence_text, encoding="utf-8")
    split = sum(1 for count in mapped.values() if count > 1)
    print(f"{PACKAGE} {version} (sha256 {digest})")
    print(
        f"old register: {dict(levels)}; island districts without communes:"
        f" {sorted(c for c in old_of_key.values() if len(c) == 3)}"
    )
    print(
        f"crosswalk: {len(crosswalk)} rows, {len(mapped)} old units, {split} split,"
        f" {len(set(n for _, n, *_ in crosswalk))} new communes; {len(provinces)} provinces"
    )
    print(f"new communes whose code or name differs from ictdesk's seed: {len(differences)}")
    return 0


def _province_of(units, code: str) -> str:
    while units[code][2]:
        code = units[code][2]
    return code


def _tree_order(item):
    code, (level, _, parent) = item
    return {"province": 0, "district": 1, "commune": 2}[level], parent or "", code


def _write(path: Path, header: tuple[str, ...], rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
