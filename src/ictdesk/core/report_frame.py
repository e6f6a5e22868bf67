"""The parts of an official document around a sheet's table (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Agency lines, "Số: …/BC-…", the motto, place and date, the signers and "Nơi nhận:", in
Vietnamese or English. Each text is a setting of the database **per issuing unit** (a commune's
sheet is issued by its People's Committee, the province's by the department), with defaults
derived from the unit; Edit › Settings changes them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ictdesk.core.store import ValueStore
from ictdesk.core.units import Unit, UnitLevel

NATION = {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "en": "SOCIALIST REPUBLIC OF VIET NAM"}
MOTTO = {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"}
NUMBER_WORD = {"vi": "Số", "en": "No."}
RECIPIENTS_TITLE = {"vi": "Nơi nhận:", "en": "Recipients:"}
SIGN_HINTS = {
    "vi": ("(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)"),
    "en": ("(Signature, full name)", "(Signature and seal)"),
}
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Every text a user may change in Edit › Settings, in the dialog's order. The multi-line ones
# (titles "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC", one recipient per line) hold "\n".
SETTING_KEYS = (
    "report_parent_agency",
    "report_agency",
    "report_number",
    "report_symbol",
    "report_place",
    "report_preparer_title",
    "report_preparer_name",
    "report_head_title",
    "report_head_name",
    "report_recipients",
)
MULTILINE_KEYS = ("report_preparer_title", "report_head_title", "report_recipients")

# Prefixes of unit names; what follows is the place ("Xã Kim Liên" → "Kim Liên").
_KINDS = ("Thành phố", "Tỉnh", "Đặc khu", "Phường", "Thị trấn", "Thị xã", "Quận", "Huyện", "Xã")
_KINDS_EN = {
    "Thành phố": "CITY",
    "Tỉnh": "PROVINCE",
    "Đặc khu": "SPECIAL ZONE",
    "Phường": "WARD",
    "Thị trấn": "TOWNSHIP",
    "Thị xã": "TOWN",
    "Quận": "DISTRICT",
    "Huyện": "DISTRICT",
    "Xã": "COMMUNE",
}
_NAMED_AFTER_PEOPLE = ("Hồ Chí Minh",)  # the decree writes these places' full names
_COMMITTEE = {"vi": "ỦY BAN NHÂN DÂN", "en": "PEOPLE'S COMMITTEE OF"}
_DEPARTMENT = {"vi": "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "en": "DEPARTMENT OF SCIENCE AND TECHNOLOGY"}


@dataclass(frozen=True)
class Signer:
    """One signature block: title lines (quyền hạn over chức vụ), the hint, the name."""

    titles: tuple[str, ...]
    hint: str
    name: str


@dataclass(frozen=True)
class SheetHeader:
    """The parts of an official document around the table, ready to print."""

    parent_agency: str
    agency: str
    number: str  # "Số: 05/BC-UBND", or "Số:" and room to write it by hand
    nation: str
    motto: str
    place_date: str
    title: str
    subtitle: str
    signers: tuple[Signer, ...]
    recipients_title: str
    recipients: tuple[str, ...]


def split_kind(name: str) -> tuple[str, str]:
    """("Phường", "Phúc Yên") for "Phường Phúc Yên"; ("", name) for a name with no prefix."""
    for kind in _KINDS:
        if name.startswith(kind + " ") and len(name) > len(kind) + 1:
            return kind, name[len(kind) + 1 :]
    return "", name


def place_name(unit: Unit) -> str:
    """The place a unit's documents are dated from: its name without "Xã"/"Phường"/"Tỉnh"…,
    but the full name for one named after a person or with a number (Nghị định 30, Phụ lục I:
    "Thành phố Hồ Chí Minh", "Phường 12")."""
    kind, bare = split_kind(unit.name)
    if not kind or re.search(r"\d", bare) or bare in _NAMED_AFTER_PEOPLE:
        return unit.name
    return bare


def place_and_date(place: str, day: datetime.date, language: str = "vi") -> str:
    """ "Phú Thọ, ngày 05 tháng 03 năm 2026": days and months below 10 with a leading zero."""
    if language == "en":
        return f"{place}, {day.day:02d} {_EN_MONTHS[day.month - 1]} {day.year}"
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def number_line(number: str, symbol: str, language: str = "vi") -> str:
    """ "Số: 05/BC-UBND"; a blank number leaves room to write it in by hand."""
    number = number.strip()
    if number.isdigit() and int(number) < 10:
        number = f"{int(number):02d}"
    code = "BC-" + symbol.strip() if symbol.strip() else "BC"
    return f"{NUMBER_WORD[language]}: {number or ' ' * 10}/{code}"


def english_name(unit: Unit) -> str:
    """ "Phúc Yên Ward", "Phú Thọ Province", "Hồ Chí Minh City" for "Phường Phúc Yên"…"""
    kind, bare = split_kind(unit.name)
    return f"{bare} {_KINDS_EN[kind].title()}" if kind else bare


def _agency_of(unit: Unit, language: str) -> str:
    """ "ỦY BAN NHÂN DÂN PHƯỜNG PHÚC YÊN" / "PEOPLE'S COMMITTEE OF PHÚC YÊN WARD"."""
    if language == "en":
        return f"{_COMMITTEE['en']} {english_name(unit).upper()}"
    return f"{_COMMITTEE['vi']} {unit.name.upper()}"


def _province_as_agency_place(province: Unit) -> Unit:
    """A province named without its kind ("Phú Thọ") as "Tỉnh Phú Thọ"."""
    kind, _ = split_kind(province.name)
    return province if kind else Unit(province.code, f"Tỉnh {province.name}", province.level)


def _lower_kind(name: str) -> str:
    """ "tỉnh Phú Thọ" for "Tỉnh Phú Thọ", as a name reads inside a sentence."""
    kind, bare = split_kind(name)
    return f"{kind.lower()} {bare}" if kind else name


def issuing_unit(store: ValueStore, unit_code: str) -> Unit:
    """The unit whose body signs a sheet of ``unit_code``: itself, or a village's commune."""
    unit = store.unit(unit_code)
    if unit.level is UnitLevel.VILLAGE:
        for ancestor in reversed(store.ancestors(unit_code)):
            if ancestor.level is not UnitLevel.VILLAGE:
                return ancestor
    return unit


def default_settings(store: ValueStore, unit_code: str, language: str = "vi") -> dict[str, str]:
    """What each setting holds until a user changes it, for the sheets of ``unit_code``."""
    unit = issuing_unit(store, unit_code)
    ancestors = store.ancestors(unit.code)
    province = _province_as_agency_place(ancestors[0] if ancestors else unit)
    english = language == "en"
    if unit.level is UnitLevel.PROVINCE:
        parent, agency, symbol = _agency_of(province, language), _DEPARTMENT[language], "SKHCN"
        recipients = (
            (
                "- Ministry of Science and Technology;",
                f"- People's Committee of {english_name(province)};",
            )
            if english
            else ("- Bộ Khoa học và Công nghệ;", f"- UBND {_lower_kind(province.name)};")
        )
    else:
        parent, agency, symbol = _agency_of(province, language), _agency_of(unit, language), "UBND"
        recipients = (
            (f"- Department of Science and Technology of {english_name(province)};",)
            if english
            else (f"- Sở Khoa học và Công nghệ {_lower_kind(province.name)};",)
        )
    recipients += ("- Archived: Office.",) if english else ("- Lưu: VT.",)
    return {
        "report_parent_agency": parent,
        "report_agency": agency,
        "report_number": "",
        "report_symbol": symbol,
        "report_place": place_name(unit),
        "report_preparer_title": "PREPARED BY" if english else "NGƯỜI LẬP BIỂU",
        "report_preparer_name": "",
        "report_head_title": "HEAD OF UNIT" if english else "THỦ TRƯỞNG ĐƠN VỊ",
        "report_head_name": "",
        "report_recipients": "\n".join(recipients),
    }


def setting_key(key: str, unit_code: str) -> str:
    """The database setting holding ``key`` for the sheets issued for ``unit_code``."""
    return f"{key}:{unit_code}"


def _stored(store: ValueStore, key: str, unit_code: str) -> str | None:
    """The unit's own value, else one saved for every unit (before settings were per unit)."""
    own = store.setting(setting_key(key, unit_code))
    return own if own is not None else (store.setting(key) or None)


def sheet_settings(store: ValueStore, unit_code: str, language: str = "vi") -> dict[str, str]:
    """The header and signature texts of ``unit_code``'s sheets: saved, else the defaults."""
    code = issuing_unit(store, unit_code).code
    values = default_settings(store, code, language)
    for key in SETTING_KEYS:
        stored = _stored(store, key, code)
        if stored is not None:
            values[key] = stored
    return values


def save_sheet_settings(store: ValueStore, unit_code: str, values: dict[str, str]) -> None:
    """Keep ``values`` for ``unit_code``'s sheets; one equal to its default is not stored, so
    the default keeps following the unit (and the sheet's language)."""
    code = issuing_unit(store, unit_code).code
    defaults = default_settings(store, code)
    for key in SETTING_KEYS:
        if key not in values:
            continue
        text = values[key].strip()
        inherited = store.setting(key) or defaults[key]
        store.set_setting(setting_key(key, code), None if text == inherited else text)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def sheet_header(
    store: ValueStore,
    unit_code: str,
    title: str,
    subtitle: str,
    day: datetime.date,
    language: str = "vi",
) -> SheetHeader:
    """The complete frame of a sheet of ``unit_code`` dated ``day``."""
    texts = sheet_settings(store, unit_code, language)
    preparer_hint, head_hint = SIGN_HINTS[language]
    signers = tuple(
        Signer(_lines(texts[f"report_{who}_title"]), hint, texts[f"report_{who}_name"])
        for who, hint in (("preparer", preparer_hint), ("head", head_hint))
        if _lines(texts[f"report_{who}_title"])
    )
    return SheetHeader(
        parent_agency=texts["report_parent_agency"],
        agency=texts["report_agency"],
        number=number_line(texts["report_number"], texts["report_symbol"], language),
        nation=NATION[language],
        motto=MOTTO[language],
        place_date=place_and_date(texts["report_place"], day, language),
        title=title,
        subtitle=subtitle,
        signers=signers,
        recipients_title=RECIPIENTS_TITLE[language],
        recipients=_lines(texts["report_recipients"]),
    )
