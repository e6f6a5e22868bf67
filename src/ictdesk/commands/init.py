"""``ictdesk init``: create an empty database for a province."""

from __future__ import annotations

import argparse
from pathlib import Path

from ictdesk.core.errors import UnknownUnit

HELP = "create an empty database for a province"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help="path of the new database file")
    parser.add_argument("--province", required=True, help="province code, e.g. 25 for Phú Thọ")
    parser.add_argument("--commune", help="home commune code (optional), e.g. 08740")
    parser.add_argument("--user", help="name recorded as stored_by on every change")


def run(args: argparse.Namespace) -> int:
    from ictdesk.core.store import ValueStore
    from ictdesk.core.units import official_communes, official_province

    province = official_province(args.province)
    settings = {"province_code": province.code}
    if args.commune:
        communes = {u.code: u for u in official_communes(province.code)}
        code = args.commune.strip().zfill(5)
        if code not in communes:
            raise UnknownUnit(f"unknown commune code for {province.name}: {args.commune}")
        settings["home_commune"] = code
    if args.user:
        settings["stored_by"] = args.user
    for moved in ValueStore.create(args.db, settings):
        print(f"moved a leftover journal of an earlier {args.db.name} aside: {moved}")
    print(f"created {args.db} for {province.name} ({province.code})")
    return 0
