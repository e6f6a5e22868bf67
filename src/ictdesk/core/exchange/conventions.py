"""How a file writes its numbers, decided once per file from the whole file, never per cell.

ictdesk's own files and DHIS2's are machine format (``12500``, ``83.6``). A spreadsheet
saving "CSV" writes numbers as its locale shows them: a Vietnamese Excel separates fields with
``;`` and writes ``36.000`` and ``83,6``; an English one keeps ``,`` and must quote
``"36,000"``. So: ``;`` means Vietnamese; in a ``,`` file the quoted numbers tell (a comma
before three digits groups thousands, English; before one, two or four and more it marks
decimals, Vietnamese); a file with neither is machine format. A file showing both is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ictdesk.core.errors import IctdeskError
from ictdesk.core.numbers import Convention

_QUOTED = re.compile(rb'"([^"\r\n]{1,40})"')
_NUMERIC = re.compile(r"^\s*[-+]?[0-9][0-9 .,\u00a0\u202f]*[0-9]\s*%?\s*$")
_ENGLISH = re.compile(r"[0-9],[0-9]{3}(?![0-9])")  # "36,000", "1,234,567.5"
_VIETNAMESE = re.compile(r"[0-9],(?:[0-9]{1,2}|[0-9]{4,})(?![0-9])|[0-9]\.[0-9]{3},")

DESCRIPTION = {  # how a problem names the convention a file was read in
    Convention.MACHINE: ("machine format: 12500, 83.6", "dạng máy: 12500, 83.6"),
    Convention.VI: ("Vietnamese format: 12.500; 83,6", "kiểu Việt Nam: 12.500; 83,6"),
    Convention.EN: ("English format: 12,500; 83.6", "kiểu tiếng Anh: 12,500; 83.6"),
}


class MixedConventions(IctdeskError):
    """A file writes numbers in two conventions at once; nothing of it was imported."""


def file_convention(path: Path, delimiter: str, name: str) -> Convention:
    """The number convention of the CSV at ``path`` whose fields are split by ``delimiter``;
    raise :class:`MixedConventions` when it shows Vietnamese and English numbers."""
    if delimiter == ";":
        return Convention.VI
    data = path.read_bytes()
    if b'"' not in data:  # no quoted field: no number in it can hold a comma
        return Convention.MACHINE
    texts = (m.group(1).decode("utf-8", errors="replace") for m in _QUOTED.finditer(data))
    return texts_convention(texts, name)


def texts_convention(texts: Iterable[str], name: str) -> Convention:
    """The convention the numbers among ``texts`` (cells that may hold a ``,``) are written
    in, as :func:`file_convention` decides it; :data:`Convention.MACHINE` when none tells."""
    english = vietnamese = None
    for text in texts:
        if "," not in text or not _NUMERIC.match(text):
            continue
        if _VIETNAMESE.search(text):
            vietnamese = vietnamese or text
        elif _ENGLISH.search(text):
            english = english or text
        if english and vietnamese:
            raise MixedConventions(
                f"{name}: numbers are written two ways ({english!r} in English,"
                f" {vietnamese!r} in Vietnamese); save the file again from one spreadsheet",
                vi=f"{name}: số được viết theo hai kiểu ({english!r} kiểu tiếng Anh,"
                f" {vietnamese!r} kiểu Việt Nam); hãy lưu lại tệp từ một bảng tính",
            )
    if vietnamese:
        return Convention.VI
    return Convention.EN if english else Convention.MACHINE
