"""Text that was UTF-8 but was read as Windows ANSI and saved again: "Tráº¡m" for "Trạm".

Excel opens a CSV without a byte-order mark as ANSI (Windows-1252, or 1258 on a Vietnamese
Windows); saved again as "CSV UTF-8", every Vietnamese letter becomes two or three Latin ones.
Such text is refused, never stored: the values would look like changes of name and comment.
"""

from __future__ import annotations

from functools import lru_cache

from ictdesk.core.errors import IctdeskError

_CODECS = ("cp1252", "cp1258")


class GarbledText(IctdeskError):
    """A file holds text garbled by a wrong encoding; nothing of it was imported."""


def _ansi_bytes(text: str, codec: str) -> bytes | None:
    """The bytes ``codec`` would have decoded into ``text`` (bytes it leaves undefined come
    back as the C1 control characters Windows gives them), or None if it cannot."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode(codec)
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            out.append(ord(char))
    return bytes(out)


@lru_cache(maxsize=8192)  # names and who-entered repeat on every row
def garbled(text: str) -> str | None:
    """The original of ``text`` if it is UTF-8 read as ANSI (``"Tráº¡m"`` → ``"Trạm"``), ``""``
    if it holds replacement characters (letters lost for good), else None. Real Vietnamese
    text does not re-encode to valid UTF-8, so nothing real is flagged."""
    if text.isascii():
        return None
    if "\ufffd" in text:  # a replacement character: the letters were lost on the way
        return ""
    for codec in _CODECS:
        raw = _ansi_bytes(text, codec)
        if raw is None:
            continue
        try:
            original = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if original != text:
            return original
    return None


def refuse_garbled(file: str, where: str, where_vi: str, column: str, text: str) -> None:
    """Raise :class:`GarbledText` naming the first garbled cell of ``file`` (and what it
    should read), with how to save the file again; return if ``text`` is not garbled."""
    original = garbled(text)
    if original is None:
        return
    shown = text if len(text) <= 40 else text[:40] + "…"
    meant = original if len(original) <= 40 else original[:40] + "…"
    was_en = f"it was {meant!r}" if original else "its letters are lost"
    was_vi = f"đúng ra là {meant!r}" if original else "các chữ đã bị mất"
    raise GarbledText(
        f"{file} {where}, {column}: {shown!r} is text garbled by a wrong encoding ({was_en});"
        " nothing was imported. The file was opened as ANSI and saved again: use"
        " the original file, or in Excel open it with Data > From Text/CSV, File Origin"
        " '65001: Unicode (UTF-8)', then save it as CSV UTF-8",
        vi=f"{file} {where_vi}, cột {column}: {shown!r} là chữ bị lỗi mã hóa ({was_vi});"
        " chưa nhập gì. Tệp đã được mở dạng ANSI rồi lưu lại: hãy dùng tệp gốc,"
        " hoặc trong Excel mở bằng Data > From Text/CSV, chọn File Origin '65001: Unicode"
        " (UTF-8)', rồi lưu dạng CSV UTF-8",
    )
