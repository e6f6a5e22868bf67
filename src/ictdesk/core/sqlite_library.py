"""sqlite-utils, imported without numpy.

sqlite-utils imports numpy (when installed) only to map numpy column types in
``Table.insert``, which ictdesk never calls; numpy is installed for the charts and costs about
60 ms of every start-up. Import sqlite-utils from here: numpy is hidden while it loads, then
available again for whoever needs it (pyqtgraph, when the Trends tab first opens).

It is imported when first needed (a migration, a test), never on the way to the first paint:
its import costs 95-115 ms (``core.database.connection`` does what the store asks of it).
"""

from __future__ import annotations

import functools
import sys


@functools.cache
def load_sqlite_utils():
    """The sqlite_utils module, imported on the first call."""
    hide = "numpy" not in sys.modules
    if hide:
        sys.modules["numpy"] = None  # makes "import numpy" raise ImportError, as if absent
    try:
        import sqlite_utils
    finally:
        if hide:
            del sys.modules["numpy"]
    return sqlite_utils


def __getattr__(name: str):
    if name == "sqlite_utils":  # ``from ictdesk.core.sqlite_library import sqlite_utils``
        return load_sqlite_utils()
    raise AttributeError(name)
