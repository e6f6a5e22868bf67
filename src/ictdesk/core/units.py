"""Administrative units (đơn vị hành chính): provinces and communes since 1 July 2025.

Units before the 1 July 2025 reform are kept as historical units (see ``core.reform``):
their codes are the GSO codes behind :data:`HISTORY_PREFIX` ("old:19564" is the old Xã
Đakrông, "19564" the new one), so old and new codes never mean the same unit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from ictdesk.core.errors import UnknownUnit


class UnitLevel(StrEnum):
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    VILLAGE = "village"


@dataclass(frozen=True)
class Unit:
    """One administrative unit. Codes are GSO codes as zero-padded text."""

    code: str
    name: str
    level: UnitLevel
    parent_code: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None


HISTORY_PREFIX = "old:"  # the code of a unit before 1 July 2025: "old:" + its GSO code


def history_code(code: str) -> str:
    """The code a pre-reform unit has in a database: ``"19564"`` → ``"old:19564"``."""
    return HISTORY_PREFIX + code


def is_historical(code: str) -> bool:
    """Whether ``code`` is a unit from before 1 July 2025 (see :func:`history_code`)."""
    return code.startswith(HISTORY_PREFIX)


def gso_code(code: str) -> str:
    """The GSO code of a unit as reports write it: ``"old:19564"`` → ``"19564"``."""
    return code.removeprefix(HISTORY_PREFIX)


def province_code(number: int | str) -> str:
    """A province code as two-digit text: ``25`` → ``"25"``, ``1`` → ``"01"``."""
    return f"{int(number):02d}"


def commune_code(number: int | str) -> str:
    """A commune code as five-digit text: ``8740`` → ``"08740"``."""
    return f"{int(number):05d}"


def code_readings(text: str) -> list[str]:
    """The unit codes ``text`` may mean, first as given: a spreadsheet turns "04792" into 4792,
    so digits are also read as a commune's (5 wide) and a province's (2 wide) GSO code."""
    code = text.strip()
    if not code.isdecimal():  # "²" is a digit to isdigit() that int() refuses
        return [code]
    return [code, commune_code(code), province_code(code)]


def search_key(text: str) -> str:
    """Lower-case text without Vietnamese diacritics, so "phuc yen" finds "Phúc Yên"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def file_slug(name: str) -> str:
    """A unit's name as a file name would carry it: "Phường Phúc Yên" → "phuong-phuc-yen"."""
    return re.sub(r"[^a-z0-9]+", "-", search_key(name)).strip("-")


def official_provinces() -> list[Unit]:
    """The 34 provinces and centrally-run cities, from ``vietnam-provinces``."""
    from vietnam_provinces import Province

    provinces = [
        Unit(province_code(p.code), p.name, UnitLevel.PROVINCE, None, "2025-07-01")
        for p in Province.iter_all()
    ]
    return sorted(provinces, key=lambda u: u.code)


def official_communes(province: str | None = None) -> list[Unit]:
    """The communes (xã, phường, đặc khu), all or those of one province, ordered by code."""
    from vietnam_provinces import Ward

    wanted = province_code(province) if province is not None else None
    communes = []
    for ward in Ward.iter_all():
        parent = province_code(ward.province_code)
        if wanted is None or parent == wanted:
            communes.append(
                Unit(commune_code(ward.code), ward.name, UnitLevel.COMMUNE, parent, "2025-07-01")
            )
    return sorted(communes, key=lambda u: u.code)


def official_province(code: str) -> Unit:
    """Look up one province by code (``"25"`` or ``"25"`` as int); raise :class:`UnknownUnit`."""
    try:
        wanted = province_code(code)
    except ValueError:
        raise UnknownUnit(f"unknown province code: {code}") from None
    for unit in official_provinces():
        if unit.code == wanted:
            return unit
    raise UnknownUnit(f"unknown province code: {code}")
