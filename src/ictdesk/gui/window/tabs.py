"""The window's tabs beside data entry, each built the first time it is shown and kept in step
with the current :class:`~ictdesk.gui.place.Place` while it is visible.

A tab that is not shown is only marked stale when the place or the data change; it catches up
when it is next shown, so start-up and every move cost nothing for tabs nobody looks at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from ictdesk.gui.changes import Changes

if TYPE_CHECKING:
    from ictdesk.gui.window.main_window import MainWindow


@dataclass
class Tab:
    """One lazily built tab: ``build(window)`` makes its view (wired to the window),
    ``show(view, window)`` brings it to the current place, ``reread(view, window)`` reads the
    data again at the same place (a grid keeps its scroll and selection), ``give_store(view,
    window)`` hands it the window's open store (when built, and when the file changes)."""

    name: str
    build: Callable[[MainWindow], QWidget]
    show: Callable[[QWidget, MainWindow], None]
    reread: Callable[[QWidget, MainWindow], None] | None = None
    give_store: Callable[[QWidget, MainWindow], None] | None = None
    view: QWidget | None = None
    moved: bool = True  # the place changed since the view last showed it
    changed: bool = False  # the data changed since
    placeholder: QWidget = field(default_factory=QWidget)


class LazyTabs:
    """Builds the tabs of ``tabs`` after the first one when first needed, and refreshes the
    one shown when the place or the data change."""

    def __init__(self, window: MainWindow, tabs: QTabWidget, specs: list[Tab]):
        self.window, self.widget = window, tabs
        self.specs = {spec.name: spec for spec in specs}
        for spec in specs:
            spec.placeholder.setObjectName(f"{spec.name}Placeholder")
            tabs.addTab(spec.placeholder, "")
        window.place.moved.connect(self.mark_stale)
        window.place.store_changed.connect(self._on_store_changed)
        window.bus.changed.connect(self._on_bus_changed)
        tabs.currentChanged.connect(self._on_current_changed)

    def view(self, name: str) -> QWidget:
        """The view of tab ``name``, built now if it was not yet."""
        spec = self.specs[name]
        if spec.view is None:
            # the first Trends or Dashboard imports the chart library (0.3 s): a busy cursor
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                spec.view = spec.build(self.window)
                if spec.give_store:
                    spec.give_store(spec.view, self.window)
            finally:
                QGuiApplication.restoreOverrideCursor()
            index = self.widget.indexOf(spec.placeholder)
            title = self.widget.tabText(index)
            self.widget.blockSignals(True)
            current = self.widget.currentIndex()
            self.widget.removeTab(index)
            self.widget.insertTab(index, spec.view, title)
            self.widget.setCurrentIndex(current)
            self.widget.blockSignals(False)
            spec.placeholder.deleteLater()
            spec.moved = True
        return spec.view

    def built(self) -> list[QWidget]:
        return [spec.view for spec in self.specs.values() if spec.view is not None]

    def current_name(self) -> str | None:
        widget = self.widget.currentWidget()
        return next((n for n, s in self.specs.items() if widget in (s.view, s.placeholder)), None)

    def mark_stale(self, *_args) -> None:
        for spec in self.specs.values():
            spec.moved = True
        self.refresh_current()

    def refresh_current(self) -> None:
        name = self.current_name()
        if name is None:
            return
        spec = self.specs[name]
        view = self.view(name)
        if spec.moved:
            spec.moved = spec.changed = False
            spec.show(view, self.window)
        elif spec.changed:
            spec.changed = False
            (spec.reread or spec.show)(view, self.window)

    def _on_store_changed(self) -> None:
        for spec in self.specs.values():
            spec.moved = True
            if spec.view is not None and spec.give_store:
                spec.give_store(spec.view, self.window)
        self.refresh_current()

    def _on_bus_changed(self, _changes: Changes, _initiator) -> None:
        for spec in self.specs.values():
            spec.changed = True
        self.refresh_current()

    def _on_current_changed(self, _index: int) -> None:
        self.refresh_current()


def tab_specs() -> list[Tab]:
    """The tabs after data entry, in order: how each is built and shown at the place."""

    def build_grid(window: MainWindow):
        from ictdesk.gui.grid.view import GridView

        view = GridView(window)
        view.unit_activated.connect(window.jump_to)
        view.message.connect(window.status.show_message)
        window.place.add_guard(view.table.finish_edit)  # a cell typed in, then closing
        return view

    def build_reporting(window: MainWindow):
        from ictdesk.gui.review_views import CompletenessView

        view = CompletenessView(window)
        view.unit_activated.connect(window.jump_to)
        return view

    def build_trends(window: MainWindow):
        from ictdesk.gui.trends.view import TrendsView

        view = TrendsView(window)
        view.message.connect(window.status.show_message)
        return view

    def build_dashboard(window: MainWindow):
        from ictdesk.gui.dashboard.view import DashboardView

        view = DashboardView(window)
        view.indicator_activated.connect(
            lambda code: (
                window.tabs.setCurrentWidget(window.trends_view),
                window.trends_view.show_indicator(code),
            )
        )
        return view

    def at_place(view, window: MainWindow) -> None:
        view.show_place(window.place.unit_code, window.place.period)

    def with_session(view, window: MainWindow) -> None:  # the grid edits through the session
        view.set_store(window.store, window.session)

    def store_only(view, window: MainWindow) -> None:
        view.set_store(window.store)

    return [
        Tab("grid", build_grid, at_place, lambda view, _w: view.model.refresh(), with_session),
        Tab(
            "reporting",
            build_reporting,
            lambda view, w: view.show_place(w.store, w.place.unit_code, w.place.period),
        ),
        Tab("trends", build_trends, at_place, give_store=store_only),
        Tab("dashboard", build_dashboard, at_place, give_store=store_only),
    ]
