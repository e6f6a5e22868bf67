"""Part of the entry form: the "Sum of sub-units" column of a unit with children.

Its sums are made after the form's first paint at start (unless kept), and, while another
tab is shown, only when the form is next shown rather than on every save or move made there.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from ictdesk.core.numbers import format_number
from ictdesk.gui.i18n import current_language


class SubUnitSums:
    """Part of :class:`EntryForm`: its column of sums of sub-units (the form asks)."""

    def sums_after_first_paint(self) -> None:
        """Make the first sums of sub-units after the form is first painted, unless kept: at
        start the window shows at once, a province's sums (30-50 ms) a moment later."""
        self._sums_wait_for_paint = True

    def sums_when_seen(self) -> None:
        """The sums may have changed (data changed elsewhere, another unit or period loaded):
        remake them now if the form is seen, else when it is next shown. Under the Dashboard or
        Trends, every save and every move of the period made them again unseen (a province's
        year of monthly data: 35 ms of each move)."""
        if self.window().isVisible() and not self.isVisible():
            self._sums_stale = True  # under another tab: made in showEvent
        else:
            self._refresh_aggregates()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._sums_stale:
            self._refresh_aggregates()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self._sums_wait_for_paint and self._sums_waiting:  # dropped if self is gone:
            QTimer.singleShot(0, self, self._sums_after_paint)
        self._sums_wait_for_paint = self._sums_waiting = False

    def _sums_after_paint(self) -> None:
        if self._store is not None and not self._store.closed:  # the window may be closing
            self._refresh_aggregates()

    def _refresh_aggregates(self) -> None:
        self._sums_stale = False  # made now (a load under another tab included)
        has_children = bool(self._store and self._unit and self._store.child_count(self._unit))
        self._show_aggregate_column(has_children)
        if not has_children:
            return
        iso = self._period.iso
        if self._sums_wait_for_paint and not self._store.aggregates_kept(self._unit, iso):
            self._sums_waiting = True
            for row in self.rows.values():
                row.aggregate.setText("…")
            return
        values = self._store.aggregates(self._unit, iso)
        language = current_language()
        for code, row in self.rows.items():
            decimals = 1 if row.indicator.is_derived else None
            row.aggregate.setText(format_number(values.get(code), decimals, language))

    def _show_aggregate_column(self, shown: bool) -> None:
        """Show or hide the "sum of sub-units" column, laying each pillar out once (widget by
        widget, every label was laid out again for each: 90 ms, commune to province)."""
        if self._aggregate_column_shown is shown:
            return
        self._aggregate_column_shown = shown
        layouts = [group.layout() for group in self._groups.values()]
        for layout in layouts:
            layout.setEnabled(False)
        try:
            for headers in self._headers:
                headers["aggregate"].setVisible(shown)
            for row in self.rows.values():
                row.aggregate.setVisible(shown)
        finally:
            for layout in layouts:
                layout.setEnabled(True)
                layout.activate()
