"""Reading a large JSON object member by member, its arrays element by element, so that a
national DHIS2 file never sits in memory whole (the standard library's decoder reads each
element; this module only walks between them)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

_SPACE = re.compile(r"[ \t\r\n]*")
_CHUNK = 1 << 16
MAX_VALUE = 4 * 1024 * 1024  # characters of one member or element (a data value: under 60 KB)


class JsonSyntaxError(ValueError):
    """The text is not the JSON it claims to be; ``position`` is a character offset."""

    def __init__(self, message: str, position: int):
        super().__init__(f"{message} (character {position})")
        self.position = position


class JsonStream:
    """A text stream read as one JSON object: :meth:`members` yields (key, value) pairs where
    the value of a key in ``streamed`` that holds an array is an iterator over its elements
    (consume it before asking for the next member)."""

    def __init__(self, handle, streamed: set[str]):
        self.handle, self.streamed = handle, streamed
        self.buffer, self.pos, self.consumed = "", 0, 0
        self.decoder = json.JSONDecoder()
        self.ended = False

    def _fill(self) -> bool:
        if self.ended:
            return False
        chunk = self.handle.read(_CHUNK)
        if not chunk:
            self.ended = True
            return False
        self.consumed += self.pos
        self.buffer = self.buffer[self.pos :] + chunk
        self.pos = 0
        return True

    def _peek(self) -> str:
        while True:
            self.pos = _SPACE.match(self.buffer, self.pos).end()
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self._fill():
                return ""

    def _expect(self, char: str) -> None:
        if self._peek() != char:
            raise self._error(f"{char!r} expected")
        self.pos += 1

    def _error(self, message: str) -> JsonSyntaxError:
        return JsonSyntaxError(message, self.consumed + self.pos)

    def _value(self):
        self._peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError:
                if len(self.buffer) - self.pos < MAX_VALUE and self._fill():
                    continue
                raise self._error("not JSON, or a value too large") from None
            if end == len(self.buffer) and self._fill():
                continue  # a number may go on in the next chunk
            self.pos = end
            return value

    def _array(self) -> Iterator:
        self._expect("[")
        if self._peek() == "]":
            self.pos += 1
            return
        while True:
            yield self._value()
            following = self._peek()
            self.pos += 1
            if following == "]":
                return
            if following != ",":
                raise self._error("',' or ']' expected")

    def members(self) -> Iterator[tuple[str, object]]:
        self._expect("{")
        if self._peek() == "}":
            self.pos += 1
            return
        while True:
            key = self._value()
            if not isinstance(key, str):
                raise self._error("a member name expected")
            self._expect(":")
            if key in self.streamed and self._peek() == "[":
                elements = self._array()
                yield key, elements
                for _ in elements:  # whatever the caller left
                    pass
            else:
                yield key, self._value()
            following = self._peek()
            self.pos += 1
            if following == "}":
                if self._peek():
                    raise self._error("text after the end of the object")
                return
            if following != ",":
                raise self._error("',' or '}' expected")
