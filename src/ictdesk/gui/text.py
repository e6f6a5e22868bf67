"""Filling a translated message's placeholders: ``fill(tr("%1 of %2"), done, total)``; and a
text worded for the command line turned into a sentence of its own (:func:`sentence`).

One pass over the template, so a value that itself holds ``%2`` (a file named
``bao-cao-%2.pdf``) is never filled again, as a chain of ``.replace`` calls would.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1``… replaced by ``values`` (as text) in one pass; a placeholder
    without a value stays as it is."""

    def value(match: re.Match) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


def sentence(text: str) -> str:
    """``text`` worded to follow "ictdesk: warning: " (lower case, no full stop) as a sentence
    of its own in the window: a capital first, a full stop last."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
