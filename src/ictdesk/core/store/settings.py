"""Settings of one database, and the indicator catalogue stored in it."""

from __future__ import annotations

import sqlite3

from ictdesk.core.catalogue import Catalogue
from ictdesk.core.errors import StorageError
from ictdesk.core.store.base import StorePart
from ictdesk.core.validation import (
    DEFAULT_OUTLIER_SHARE,
)


class _Settings(StorePart):
    """Part of :class:`ValueStore`."""

    def setting(self, key: str, default: str | None = None) -> str | None:
        """A setting of this database (cached; :meth:`set_setting` keeps the cache right)."""
        if key not in self._settings:
            row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
            self._settings[key] = row[0] if row else None
        value = self._settings[key]
        return default if value is None else value

    def set_setting(self, key: str, value: str | None) -> None:
        try:
            with self.db.atomic():
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )
        except sqlite3.Error as exc:
            raise StorageError(f"the setting was not saved: {exc}") from exc
        finally:
            self._settings.pop(key, None)

    @property
    def province_code(self) -> str | None:
        """The province this database reports for, or ``None`` for a national database."""
        return self.setting("province_code")

    @property
    def outlier_share(self) -> float:
        """How far a stock may move between periods before a warning (0.5 = ±50%)."""
        try:
            return float(self.setting("outlier_share") or DEFAULT_OUTLIER_SHARE)
        except ValueError:
            return DEFAULT_OUTLIER_SHARE

    @property
    def catalogue(self) -> Catalogue:
        """The indicator catalogue stored in this database (shipped plus custom indicators)."""
        if self._catalogue is None:
            pillars = list(self.db.query("SELECT * FROM pillars ORDER BY sort_order"))
            indicators = []
            for r in self.db.query("SELECT * FROM indicators ORDER BY sort_order, code"):
                record = dict(r, min=r["min_value"], max=r["max_value"])
                if r["formula_numerator"]:
                    record["formula"] = {
                        "numerator": r["formula_numerator"],
                        "denominator": r["formula_denominator"],
                        "multiplier": r["formula_multiplier"] or 100.0,
                    }
                indicators.append(record)
            # the same reader as the shipped catalogue file: one place knows the fields
            self._catalogue = Catalogue.from_dict({"pillars": pillars, "indicators": indicators})
        return self._catalogue
