"""What a conversion across the 1 July 2025 reform says: problems, comments, audit details.

Problems and the report come in English and Vietnamese. An audit detail is stored in English
(``"a.csv: converted from old units 19564 + 19576 + 19579"``) and shown in Vietnamese by
:func:`translated_detail`; an estimated value's comment is in Vietnamese, as printed sheets.
"""

from __future__ import annotations

import re

from ictdesk.core.numbers import format_number

CONVERTED = "converted from old units"
ESTIMATED = "estimated from old units"
_BY = {"area": "by area share", "principal": "all to its principal new commune"}
_BY_VI = {"area": "chia theo tỷ lệ diện tích", "principal": "tính hết cho xã mới chính"}


def unit_label(name: str, code: str) -> str:
    """ "Xã Mò Ó (19558)"."""
    return f"{name} ({code})"


def audit_detail(files: list[str], parts: list[str], splits: dict[str, float], rule: str) -> str:
    """The audit source detail of a converted value: its files and the old units summed;
    ``splits`` (old code → share given to this commune) makes it an estimate."""
    summed = " + ".join(parts)
    if not splits:
        return f"{', '.join(files)}: {CONVERTED} {summed}"
    how = "; ".join(f"{code} {_BY[rule]} {share:.1%}" for code, share in splits.items())
    return f"{', '.join(files)}: {ESTIMATED} {summed} ({how})"


_DETAIL = re.compile(r"^(?P<files>.*): (?P<kind>converted|estimated) from old units (?P<rest>.*)$")


def translated_detail(detail: str | None, language: str) -> str | None:
    """An audit detail in the interface language (details of other imports as they are)."""
    if not detail or language != "vi":
        return detail
    match = _DETAIL.match(detail)
    if match is None:
        return detail
    rest = match["rest"]
    for rule, words in _BY.items():
        rest = rest.replace(f" {words} ", f" {_BY_VI[rule]} ")
    rest = re.sub(r"(\d+)\.(\d)%", r"\1,\2 %", rest)
    kind = "quy đổi từ đơn vị cũ" if match["kind"] == "converted" else "ước tính từ đơn vị cũ"
    return f"{match['files']}: {kind} {rest}"


def estimate_comment(splits: dict[str, tuple[str, float]], rule: str) -> str:
    """The comment of an estimated value (Vietnamese, as the printed sheets): which old
    commune was split and how its share was made (``splits``: code → (name, share))."""
    parts = "; ".join(
        f"{unit_label(name, code)} {_BY_VI[rule]}"
        + (f" {format_number(share * 100, 1, 'vi')} %" if rule == "area" else "")
        for code, (name, share) in splits.items()
    )
    return f"Số ước tính, quy đổi từ đơn vị hành chính trước 01/7/2025: {parts}"


def periods_span(periods: list[str]) -> str:
    """ "2024Q1–2024Q4" or one period."""
    ordered = sorted(periods)
    return ordered[0] if len(ordered) == 1 else f"{ordered[0]}–{ordered[-1]}"
