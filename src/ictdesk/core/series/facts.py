"""Facts about the stored values that the series' short cuts check, kept per period or bucket.

Whether a short cut may be used (``core.series.ranges``, ``.shortcuts``) is decided from facts
about each stored period or bucket of the indicators read: whether any unit holds a value
then, whether a unit with children does, whether every unit holding one in a bucket holds its
last sub-period, how many values a range of codes holds. They depend on the indicators'
values and on the units, not on which other periods are asked with them, so a dashboard moved
to the next year asks again only about the year that is new (one in eight; the checks of all
eight were 200 ms of 250). They are kept with :meth:`ValueStore.values_stamp` of their
indicators, as the series' queries are: a save of another indicator keeps them, a save of one
of theirs, an import, a unit added or another process's write drops them.

No SQL here: each caller says how to find the facts it lacks.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Iterable

from ictdesk.core.store import ValueStore

# Facts of one kind kept per store, all indicators together (about 200 bytes each: at most
# 10 MB a kind); beyond, they start afresh. A long session of Trends over many communes and
# periods would otherwise keep growing.
_KEPT_PER_KIND = 50_000


class KeptFacts:
    """One kind of fact, per store and indicators: ``known(store, codes, keys, find)``."""

    def __init__(self) -> None:
        self._stores: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def known(
        self,
        store: ValueStore,
        codes: tuple[str, ...],
        keys: Iterable[Hashable],
        find: Callable[[list], dict],
    ) -> dict:
        """The fact of each of ``keys`` about the values of ``codes``; ``find(missing)``
        returns the facts not kept (a key it leaves out has the fact ``None``)."""
        stamp = store.values_stamp(codes)
        kept = self._stores.setdefault(store, {})
        if sum(len(facts) for _stamp, facts in kept.values()) > _KEPT_PER_KIND:
            kept.clear()
        entry = kept.get(codes)
        if entry is None or entry[0] != stamp:
            entry = kept[codes] = (stamp, {})
        facts = entry[1]
        keys = list(dict.fromkeys(keys))
        missing = [key for key in keys if key not in facts]
        if missing:
            found = find(missing)
            for key in missing:
                facts[key] = found.get(key)
        return {key: facts[key] for key in keys}
