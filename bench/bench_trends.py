"""Trend redraw and national aggregate queries, each next to the same SQL run bare.

Figures (issue 4):

- redraw of the Trends tab for a province total plus 150 communes × 20 quarters, switching
  indicator (a rate, then a stock): series query, ``setData`` on the pooled plot items and a
  synchronous repaint; reference: the series SQL alone through a plain ``sqlite3``
  connection;
- national-scale aggregate queries on 3,321 communes × 29 indicators × 20 quarters (1.9M
  values): a rate for the 34 provinces over 20 quarters, and one quarter for every commune
  of the country; reference: the same SQL through a plain ``sqlite3`` connection.

The national database is generated once through ``ValueStore.save_values`` (about a minute)
and cached as ``bench/national.db`` (git-ignored). Run: ``python3 bench/bench_trends.py``.
Not run in CI.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from timing import HEADER, machine, median_seconds, paired_medians, row  # noqa: E402

from ictdesk.core.demo import commune_rows  # noqa: E402
from ictdesk.core.periods import Period, PeriodType, period_range  # noqa: E402
from ictdesk.core.series import compute_series, series_sql  # noqa: E402
from ictdesk.core.store import ValueStore, ValueWrite  # noqa: E402

HERE = Path(__file__).resolve().parent
NATIONAL_DB = HERE / "national.db"
FIRST, LAST = Period(2021, PeriodType.QUARTER, 1), Period(2025, PeriodType.QUARTER, 4)
BIG_PROVINCE = "38"  # Thanh Hóa, 166 communes: 150 of them are charted
CHARTED = 150


def build_national(path: Path = NATIONAL_DB) -> Path:
    """Every commune of the country with 20 quarters of every entered indicator, once."""
    if path.exists():
        return path
    started = time.perf_counter()
    partial = path.with_suffix(".building")
    partial.unlink(missing_ok=True)
    ValueStore.create(partial, {"stored_by": "bench"})  # no province: a national database
    store = ValueStore.open(partial)
    quarters = period_range(FIRST, LAST)
    for province in store.root_units():
        rows = []
        for commune in store.children(province.code):
            rows += commune_rows(commune.code, commune.name, quarters)
        store.save_values(rows, source="demo")
    count = store.value_count()
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    partial.rename(path)
    seconds = time.perf_counter() - started
    print(f"built {path.name}: {count} values in {seconds:.1f} s", file=sys.stderr)
    return path


def bare_query(path: Path, sql: str, params: list):
    """A callable running ``sql`` through a plain sqlite3 connection and fetching every row."""
    connection = sqlite3.connect(path)

    def run():
        return connection.execute(sql, params).fetchall()

    return run


def bench_redraw(store: ValueStore, path: Path, repeat: int) -> list[str]:

    from ictdesk.gui.app import make_application
    from ictdesk.gui.i18n import install_language
    from ictdesk.gui.trends.view import TrendsView

    app = make_application()
    install_language("vi")
    paints = [0]
    view = TrendsView()
    view.resize(1280, 760)
    view.set_store(store)
    view.show_place(BIG_PROVINCE, LAST)
    view.show()
    communes = [u.code for u in store.children(BIG_PROVINCE)][:CHARTED]
    view.set_checked(communes)
    view.show_indicator("SMARTPHONE_HH_PCT")
    view.redraw()
    app.processEvents()
    view.chart.viewport().installEventFilter(paint_counter(paints, view))
    assert view.chart.visible_curve_count() == CHARTED + 1
    assert len(view.table.periods) == 20
    lines = []
    periods = period_range(FIRST, LAST)
    for code, other in (("SMARTPHONE_HH_PCT", "BTS_TOTAL"), ("BTS_TOTAL", "SMARTPHONE_HH_PCT")):
        redraw, switch_back = switching(view, paints, code, other)
        ours = median_seconds(redraw, repeat, before=switch_back)
        sql, params = series_sql(store, code, [BIG_PROVINCE, *communes], periods)
        reference = median_seconds(bare_query(path, sql, params), repeat)
        lines.append(
            row(
                f"redraw {code}: total + {CHARTED} communes × 20 quarters",
                ours,
                reference,
                "≤ 0.1 s",
                ours <= 0.1,
            )
        )
        query_only = median_seconds(
            lambda code=code: compute_series(store, code, [BIG_PROVINCE, *communes], periods),
            repeat,
        )
        lines.append(row(f"  of which the series ({code})", query_only, reference, "-", True))
    view.close()
    _KEEP.append(view)  # destroyed at exit, not by a garbage collection in the middle of a run
    return lines


_KEEP: list = []


def switching(view, paints: list[int], code: str, other: str):
    """(redraw, switch_back) for timing a Trends redraw: ``redraw`` shows ``code`` until the
    event loop has painted the new lines once, as it does on screen (a forced repaint() would
    be followed by a second paint of the same frame); ``switch_back`` shows ``other``, painted,
    before each timed redraw."""
    from PySide6.QtWidgets import QApplication

    def switch_back() -> None:
        view.show_indicator(other)
        view.redraw()
        QApplication.processEvents()

    def redraw() -> None:
        before = paints[0]
        view.show_indicator(code)
        view.redraw()
        QApplication.processEvents()
        assert paints[0] > before, "the chart was not painted"

    return redraw, switch_back


def paint_counter(paints: list[int], parent):
    """An event filter counting the chart's paint events into ``paints[0]``."""
    from PySide6.QtCore import QEvent, QObject

    class Counter(QObject):
        def eventFilter(self, _watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                paints[0] += 1
            return False

    return Counter(parent)


def bench_national(store: ValueStore, path: Path, repeat: int) -> list[str]:
    lines = []
    periods = period_range(FIRST, LAST)
    provinces = [u.code for u in store.root_units()]
    sql, params = series_sql(store, "APPS_ONLINE_PCT", provinces, periods)
    ours, reference = paired_medians(
        lambda: compute_series(store, "APPS_ONLINE_PCT", provinces, periods),
        bare_query(path, sql, params),
        repeat,
    )
    # after a save of one of its parts, the checks of whether the plain sums may be used run
    # again (the query and the facts it was made from are dropped): the stored value saved
    # again, which leaves the file as it is
    unit, period, value = store.db.execute(
        "SELECT unit_code, period, value FROM data_values WHERE indicator_code = 'APPS_ONLINE'"
        " AND value IS NOT NULL LIMIT 1"
    ).fetchone()
    afresh = median_seconds(
        lambda: compute_series(store, "APPS_ONLINE_PCT", provinces, periods),
        repeat,
        before=lambda: store.save_values(
            [ValueWrite(unit, "APPS_ONLINE", period, value)], source="form"
        ),
    )
    lines.append(
        row(
            f"national: APPS_ONLINE_PCT, {len(provinces)} provinces × 20 quarters",
            ours,
            reference,
            "≤ 1.5× its final SQL",
            ours <= 1.5 * reference,
        )
    )
    lines.append(
        row(
            "  the same, first asked after a save of one of its parts (the checks run again)",
            afresh,
            reference,
            "-",
            True,
        )
    )
    communes = [r[0] for r in store.db.execute("SELECT code FROM units WHERE level = 'commune'")]
    quarter = [LAST]
    sql, params = series_sql(store, "VNEID_PCT", communes[:500], quarter)
    ours = median_seconds(lambda: compute_series(store, "VNEID_PCT", communes, quarter), repeat)
    # compute_series asks in blocks of 500 units: the reference runs the same blocks
    blocks = [
        series_sql(store, "VNEID_PCT", communes[i : i + 500], quarter)
        for i in range(0, len(communes), 500)
    ]
    runs = [bare_query(path, s, p) for s, p in blocks]
    reference = median_seconds(lambda: [run() for run in runs], repeat)
    lines.append(
        row(
            f"national: VNEID_PCT, every commune ({len(communes)}), one quarter",
            ours,
            reference,
            "< 1 s",
            ours < 1,
        )
    )
    province = provinces[0]
    in_memory = median_seconds(
        lambda: store.series("APPS_ONLINE_PCT", province, [p.iso for p in periods]), repeat
    )
    sql, params = series_sql(store, "APPS_ONLINE_PCT", [province], periods)
    reference = median_seconds(bare_query(path, sql, params), repeat)
    lines.append(
        row(
            f"for comparison: ValueStore.series, province {province} × 20 quarters",
            in_memory,
            reference,
            "-",
            True,
        )
    )
    return lines


def main(repeat: int = 7) -> list[str]:
    path = build_national()
    store = ValueStore.open(path)
    try:
        count = store.value_count()
        lines = [f"national database: {count} values, {path.stat().st_size / 1e6:.0f} MB"]
        lines += [HEADER]
        lines += bench_redraw(store, path, repeat)
        lines += bench_national(store, path, repeat)
    finally:
        store.close()
    return lines


if __name__ == "__main__":
    print(machine())
    print("\n".join(main()))
