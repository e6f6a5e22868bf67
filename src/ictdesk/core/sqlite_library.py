"""sqlite-utils, imported without numpy.

sqlite-utils imports numpy (when installed) only to map numpy column types in
``Table.insert``, which ictdesk never calls; numpy is installed for the charts and costs about
60 ms of every start-up. Import sqlite-utils from here: numpy is hidden while it loads, then
available again for whoever needs it (pyqtgraph, when the Trends tab first opens).
"""

from __future__ import annotations

import sys


def _load():
    hide = "numpy" not in sys.modules
    if hide:
        sys.modules["numpy"] = None  # makes "import numpy" raise ImportError, as if absent
    try:
        import sqlite_utils
    finally:
        if hide:
            del sys.modules["numpy"]
    return sqlite_utils


sqlite_utils = _load()
