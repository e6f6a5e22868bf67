"""PySide6 without its per-import source scan, which ictdesk does not need.

Once ``PySide6.QtCore`` is imported, PySide6 reads the whole source of every module imported
after it (``inspect.getsource``, PYSIDE-2029) to learn whether the module may switch on one of
its optional ``__feature__`` modes (``snake_case``, ``true_property``). ictdesk uses none, so
the answer is always "no feature": reading about 150 files at start-up to learn it cost 30-45
ms of a 0.6-0.7 s start on a slow machine (napari met the same tax, napari#8584).

:func:`skip_feature_scan` gives PySide6 that answer without reading: a module imported later
is recorded as "uses PySide6, no feature" (PySide6's own default for such a module). If a
PySide6 release drops or renames the hook, nothing is changed and the scan runs as before.
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 (installs the import hook whose scan is skipped)

_FEATURE_MODULE = "shibokensupport.feature"
_SCAN = "_mod_uses_pyside"


def _no_feature(module: object) -> bool:
    """PySide6's answer for a module that uses it without any ``__feature__``."""
    return True


def skip_feature_scan() -> bool:
    """Stop PySide6 reading each newly imported module's source; True if it was stopped."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, _SCAN, None)):
        return False
    setattr(feature, _SCAN, _no_feature)
    return True
