"""Where a province feels it (issue 19): monthly data, parent units, the national file.

On ``bench/province.db`` (148 communes × 168 months, 721k values) and, for the store's
figures, ``bench/national16.db`` (16.2M values), each next to a reference measured in the same
run:

- the province's "Sum of sub-units" for a quarter and a year of monthly data: the store's
  aggregates (what the entry form shows), and choosing the province in the window's tree
  (load + the form painted; the status bar counts the communes reported after it, shown
  beside), ≤ 50 ms each; reference: the values they are made of, read bare through
  ``sqlite3``;
- the Trends redraw of the province total + its 148 communes over 56 quarters of monthly data,
  a stock, a flow and a rate, ≤ 100 ms, and the default view (the total alone) ≤ 50 ms;
  reference: the series SQL alone, bare;
- ``latest_period()`` on the national file ≤ 10 ms, asked afresh (after a change) and again, and
  ``latest_stored_period()`` (the period the window opens at, any kind of period) afresh;
  reference: each indicator's first and last period, bare, in one statement;
- the Dashboard of the province moved back a year at a time over monthly data ≤ 100 ms;
  reference: its 8 cards' series SQL, bare;
- a value saved while the reporting, trends or dashboard tab shows the province (which then
  refreshes) ≤ 100 ms, under Trends both with its default indicator (which keeps its query)
  and with the saved one shown (which remakes it); reference: the same save into the store,
  nothing refreshed.

Run: ``python3 bench/bench_province.py``. Not run in CI.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from national import NATIONAL16_DB  # noqa: E402
from province import build_province  # noqa: E402
from timing import HEADER, machine, median_seconds, paired_medians, row  # noqa: E402

from ictdesk.core.periods import Period, PeriodType, period_range  # noqa: E402
from ictdesk.core.series import series_sql  # noqa: E402
from ictdesk.core.store import ValueStore  # noqa: E402

PROVINCE = "25"  # Phú Thọ, 148 communes
PERIODS = ("2025Q4", "2025")
QUARTERS = period_range(Period(2012, PeriodType.QUARTER, 1), Period(2025, PeriodType.QUARTER, 4))
_KEEP: list = []


def _values_read_bare(path: Path, store: ValueStore, period: str):
    """A callable reading bare every value the province's aggregate of ``period`` is made of
    (the period itself and its halves, quarters and months, every commune, every indicator)."""
    target = Period.parse(period)
    wanted = [target.iso]
    for ptype in (PeriodType.HALF, PeriodType.QUARTER, PeriodType.MONTH):
        if ptype.months < target.type.months:
            wanted += [p.iso for p in target.sub_periods(ptype)]
    connection = sqlite3.connect(path)
    (low,) = connection.execute("SELECT path FROM units WHERE code = ?", [PROVINCE]).fetchone()
    high = low[:-1] + "0"  # the subtree's paths: "/25/…" sort before "/250"
    sql = (
        "SELECT v.unit_code, v.indicator_code, v.period, v.value FROM units u"
        " CROSS JOIN data_values v ON v.unit_code = u.code"
        f" WHERE v.period IN ({','.join('?' * len(wanted))}) AND u.path >= ? AND u.path < ?"
        " AND v.value IS NOT NULL"
    )
    return lambda: connection.execute(sql, [*wanted, low, high]).fetchall()


def bench_aggregates(path: Path, label: str, repeat: int) -> list[str]:
    store = ValueStore.open(path, read_only=True)
    lines = []
    try:
        for period in PERIODS:
            ours, reference = paired_medians(
                lambda period=period: store.aggregates(PROVINCE, period),
                _values_read_bare(path, store, period),
                repeat,
                before=lambda: setattr(store, "_aggregates_cache", None),  # as after a write
            )
            lines.append(
                row(
                    f"sum of sub-units, province {PROVINCE}, {period} of monthly data ({label})",
                    ours * 1000,
                    reference * 1000,
                    "≤ 50 ms",
                    ours <= 0.050,
                    unit="ms",
                )
            )
        lines += _latest(store, path, label, repeat)
    finally:
        store.close()
    return lines


def _latest(store: ValueStore, path: Path, label: str, repeat: int) -> list[str]:
    def forget() -> None:
        store._kept.pop("latest", None)  # as after any write: the kept answer is dropped

    fresh = median_seconds(store.latest_period, repeat, before=forget)
    kept = median_seconds(store.latest_period, repeat)
    opening = median_seconds(store.latest_stored_period, repeat, before=forget)
    codes = [i.code for i in store.catalogue.entered]
    ends = " UNION ALL ".join(
        "SELECT (SELECT period FROM data_values WHERE indicator_code = ? ORDER BY period LIMIT 1),"
        " (SELECT period FROM data_values WHERE indicator_code = ? ORDER BY period DESC LIMIT 1)"
        for _ in codes
    )
    connection = sqlite3.connect(path)
    params = [c for code in codes for c in (code, code)]
    reference = median_seconds(lambda: connection.execute(ends, params).fetchall(), repeat)
    connection.close()
    return [
        row(
            f"latest_period() ({label}), asked afresh (no quarter stored: every year sought)",
            fresh * 1000,
            reference * 1000,
            "≤ 10 ms",
            fresh <= 0.010,
            unit="ms",
        ),
        row(
            f"  latest_period() ({label}), asked again, the data unchanged",
            kept * 1000,
            reference * 1000,
            "≤ 10 ms",
            kept <= 0.010,
            unit="ms",
        ),
        row(
            f"  latest_stored_period() ({label}), what the window opens at, asked afresh",
            opening * 1000,
            reference * 1000,
            "≤ 10 ms",
            opening <= 0.010,
            unit="ms",
        ),
    ]


def bench_window(source: Path, repeat: int) -> list[str]:
    from ictdesk.gui.app import make_application
    from ictdesk.gui.i18n import install_language
    from ictdesk.gui.window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="ictdesk-bench-province-"))
    db = work / "province.db"
    shutil.copyfile(source, db)
    app = make_application()
    install_language("vi")
    window = MainWindow(ValueStore.open(db))
    window.show()
    app.processEvents()
    store = window.store
    commune = store.children(PROVINCE)[0].code
    lines = []
    for period in PERIODS:
        window.period_picker.set_period(Period.parse(period))
        app.processEvents()

        def choose() -> None:
            """Until the entry form has painted the province with its sums; the status
            bar's count of communes reported comes after it (``choose_and_count``)."""
            window.unit_tree.select(PROVINCE)
            window.entry_form.repaint()

        def choose_and_count() -> None:
            choose()
            app.processEvents()

        def away() -> None:
            app.processEvents()  # what choose() left for after the paint
            window.unit_tree.select(commune)
            app.processEvents()

        def away_after_a_change() -> None:
            away()
            store._aggregates_cache = None  # what any write does: the sums are made again,
            store._kept.clear()  # and so is the count of communes reported (the status bar)

        bare = _values_read_bare(db, store, period)
        ours, reference = paired_medians(choose, bare, repeat, before=away_after_a_change)
        _check_sums_shown(window, store, period)
        counted, reference_counted = paired_medians(
            choose_and_count, bare, repeat, before=away_after_a_change
        )
        again, reference_again = paired_medians(choose, bare, repeat, before=away)
        lines += [
            row(
                f"choosing the province in the tree (entry form, sum of sub-units), {period}",
                ours * 1000,
                reference * 1000,
                "≤ 50 ms",
                ours <= 0.050,
                unit="ms",
            ),
            row(
                "  the same until the status bar has counted the communes reported, after it",
                counted * 1000,
                reference_counted * 1000,
                "-",
                True,
                unit="ms",
            ),
            row(
                "  the same, back from a commune, the data unchanged (the sums kept)",
                again * 1000,
                reference_again * 1000,
                "≤ 50 ms",
                again <= 0.050,
                unit="ms",
            ),
        ]
    lines += bench_saving_under_tabs(window, commune, repeat)
    lines += bench_dashboard_moves(window, db)
    window.close()
    _KEEP.append(window)
    lines += bench_trends(db, repeat)
    return lines


def _check_sums_shown(window, store: ValueStore, period: str) -> None:
    """What ``choose`` times is the province shown with its sums: the form's column of sums
    holds the store's aggregates once it returns (nothing left for later but the status bar)."""
    window.unit_tree.select(store.children(PROVINCE)[0].code)
    window.unit_tree.select(PROVINCE)
    window.entry_form.repaint()
    expected = store.aggregates(PROVINCE, Period.parse(period).iso)
    shown = {code: row.aggregate.text() for code, row in window.entry_form.rows.items()}
    if not any(shown.values()) or "…" in shown.values() or not expected:
        raise SystemExit(f"the form's sums were not shown when choose() returned: {shown}")


def bench_saving_under_tabs(window, commune: str, repeat: int) -> list[str]:
    """A value saved through the window (as the form or the grid does) while each tab shows
    the province, which then refreshes: the save and what the user waits for after it, ≤
    100 ms. Reference: the same save straight into the store, nothing refreshed."""
    from PySide6.QtWidgets import QApplication

    from ictdesk.core.store import ValueWrite

    store, lines = window.store, []
    window.unit_tree.select(PROVINCE)
    window.period_picker.set_period(Period.parse("2025Q4"))
    values = iter(range(10_000, 20_000))
    # Trends keeps its query while another indicator is saved (its default shows smartphone
    # households): the second trends row saves the indicator it shows, which it must remake.
    for tab, shown in (("reporting", None), ("trends", None), ("trends", "BTS_TOTAL"),
                       ("dashboard", None)):  # fmt: skip
        window.tabs.setCurrentWidget(window.lazy_tabs.view(tab))
        if shown is not None:
            window.lazy_tabs.view(tab).show_indicator(shown)
        QApplication.processEvents()

        def saved() -> None:
            window.session.save([ValueWrite(commune, "BTS_TOTAL", "202512", next(values))], "x")
            QApplication.processEvents()

        def bare() -> None:
            store.save_value(commune, "BTS_TOTAL", "202511", next(values))

        saved()  # the tab's first refresh after a change is part of the figure, not its build
        ours, reference = paired_medians(saved, bare, repeat)
        lines.append(
            row(
                f"saving a value while the {tab} tab shows the province (the tab refreshed)"
                + (f", {shown} shown" if shown else ""),
                ours * 1000,
                reference * 1000,
                "≤ 100 ms",
                ours <= 0.100,
                unit="ms",
            )
        )
    window.tabs.setCurrentIndex(0)
    return lines


def bench_dashboard_moves(window, db: Path) -> list[str]:
    """The Dashboard of the province moved back a year at a time (its 8 cards over the 8 years
    up to the one chosen, of monthly data), each year a window not asked before, ≤ 100 ms a
    move; and a first year after quarters, for comparison (every year new). Reference: the 8
    cards' series SQL of the same years, run bare."""
    from bench_trends import bare_query
    from PySide6.QtWidgets import QApplication

    from ictdesk.core.series import year_end
    from ictdesk.gui.dashboard.widgets import KEY_INDICATORS, SPARK_PERIODS

    store = window.store
    window.unit_tree.select(PROVINCE)
    window.period_picker.set_period(Period.parse("2025Q4"))
    window.tabs.setCurrentWidget(window.lazy_tabs.view("dashboard"))
    QApplication.processEvents()
    codes = [code for code in KEY_INDICATORS if code in store.catalogue]

    def moved(period: Period) -> float:
        started = time.perf_counter()
        window.period_picker.set_period(period)
        QApplication.processEvents()
        return time.perf_counter() - started

    def bare(period: Period) -> float:
        periods = [period.shifted(-i) for i in range(SPARK_PERIODS - 1, -1, -1)]
        if year_end(period) not in periods:
            periods.append(year_end(period))
        runs = [bare_query(db, *series_sql(store, code, [PROVINCE], periods)) for code in codes]
        started = time.perf_counter()
        for run in runs:
            run()
        return time.perf_counter() - started

    first = moved(Period.parse("2025"))
    first_bare = bare(Period.parse("2025"))
    years = [Period(year, PeriodType.YEAR, 1) for year in range(2024, 2012, -1)]
    ours = statistics.median(moved(year) for year in years)
    reference = statistics.median(bare(year) for year in years)
    window.tabs.setCurrentIndex(0)
    return [
        row(
            "Dashboard of the province moved back a year (8 cards × 8 years of monthly data)",
            ours * 1000,
            reference * 1000,
            "≤ 100 ms",
            ours <= 0.100,
            unit="ms",
        ),
        row(
            "  the first year after quarters (every year's checks new)",
            first * 1000,
            first_bare * 1000,
            "-",
            True,
            unit="ms",
        ),
    ]


def bench_trends(path: Path, repeat: int) -> list[str]:
    from bench_trends import bare_query, paint_counter, switching
    from PySide6.QtWidgets import QApplication

    from ictdesk.gui.trends.view import TrendsView

    store = ValueStore.open(path, read_only=True)
    communes = [u.code for u in store.children(PROVINCE)]
    view = TrendsView()
    view.resize(1280, 760)
    view.set_store(store)
    view.show_place(PROVINCE, QUARTERS[-1])
    view.show()
    paints = [0]
    view.show_indicator("BTS_TOTAL")
    view.redraw()
    QApplication.processEvents()
    view.chart.viewport().installEventFilter(paint_counter(paints, view))
    lines = []
    cases = (
        ("BTS_TOTAL", "a stock", communes),
        ("APPS_TOTAL", "a flow", communes),
        ("SMARTPHONE_HH_PCT", "a rate", communes),
        ("BTS_TOTAL", "default view: the total alone, a stock", []),
        ("SMARTPHONE_HH_PCT", "default view: the total alone, a rate", []),
    )
    for code, what, checked in cases:
        view.set_checked(checked)

        redraw, switch_back = switching(view, paints, code, "POP_TOTAL")
        sql, params = series_sql(store, code, [PROVINCE, *checked], QUARTERS)
        ours, reference = paired_medians(
            redraw, bare_query(path, sql, params), repeat, before=switch_back
        )
        assert len(view.table.periods) == len(QUARTERS), len(view.table.periods)
        assert view.chart.visible_curve_count() == len(checked) + 1
        budget = 0.050 if not checked else 0.100
        lines.append(
            row(
                f"Trends redraw, {code} ({what}): total + {len(checked)} communes"
                f" × {len(QUARTERS)} quarters of monthly data",
                ours * 1000,
                reference * 1000,
                f"≤ {budget * 1000:.0f} ms",
                ours <= budget,
                unit="ms",
            )
        )
    view.close()
    _KEEP.append(view)
    return lines


def main(repeat: int = 7) -> list[str]:
    source = build_province()
    lines = [HEADER]
    lines += bench_aggregates(source, "province", repeat)
    if NATIONAL16_DB.exists():
        lines += bench_aggregates(NATIONAL16_DB, "national16", repeat)
    else:
        lines.append("national16.db not built: run bench/national.py for its rows")
    lines += bench_window(source, repeat)
    return lines


if __name__ == "__main__":
    print(machine())
    print("\n".join(main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)))
