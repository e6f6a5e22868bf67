"""The Trends tab: lines per unit, targets, hover, legend, zoom, ranking, PNG and CSV export."""

import csv
import math
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ictdesk.core.numbers import format_machine
from ictdesk.core.periods import Period, PeriodType
from ictdesk.core.store import ValueWrite
from ictdesk.gui.app import make_application
from ictdesk.gui.i18n import install_language
from ictdesk.gui.trends.view import TrendsView

PROVINCE = "25"
PHUC_YEN = "08740"


@pytest.fixture
def view(qtbot, demo_store):
    make_application()
    install_language("vi")
    widget = TrendsView()
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.set_store(demo_store)
    widget.show_place(PHUC_YEN, Period.parse("2025Q4"))
    widget.show()
    widget.show_indicator("COV_5G_PCT")
    widget.redraw()
    QApplication.processEvents()
    yield widget
    install_language("vi")


def communes(view):
    return [view.unit_list.item(r).data(Qt.ItemDataRole.UserRole + 1) for r in range(1, 149)]


def test_the_chart_shows_the_parent_and_the_selected_commune(view, demo_store):
    chart = view.chart
    assert view.parent_code == PROVINCE
    assert view.checked_codes() == [PHUC_YEN]
    assert chart.visible_curve_count() == 2
    assert [line.key for line in chart.lines] == [PROVINCE, PHUC_YEN]
    assert chart.lines[0].is_parent and chart.lines[0].name.startswith("Phú Thọ (")
    labels = chart.period_axis.labels
    assert labels[0] == "Quý I/2021" and labels[19] == "Quý IV/2025"
    # the 2026 target is ahead of the data: its year is added to the axis
    assert labels[20:] == ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    parent_y = chart.curves[0].yData
    expected = demo_store.series("COV_5G_PCT", PROVINCE, ["2025Q4"])["2025Q4"]
    assert parent_y[19] == pytest.approx(expected)
    assert all(math.isnan(v) for v in parent_y[20:])  # no data is a gap, never 0


def test_target_lines_are_drawn_for_each_target_year(view):
    chart = view.chart
    assert [s.value for s in chart.targets] == [50.0, 65.0]
    assert "2025: 50,0%" in chart.targets[0].label
    assert chart.target_curve.isVisible()
    assert "2026" in chart.targets[1].label and "65,0" in chart.targets[1].label
    first, last = chart.targets[0].first, chart.targets[0].last
    assert chart.period_axis.labels[first] == "Quý I/2025"
    assert chart.period_axis.labels[last] == "Quý IV/2025"
    # labelled on an axis of their own at the right, outside the plot: never over a line
    assert chart.target_axis_labels() == [chart.targets[0].label, chart.targets[1].label]
    plot = chart.getPlotItem().getViewBox().sceneBoundingRect()
    assert chart.target_axis.sceneBoundingRect().left() >= plot.right() - 1


def test_the_top_of_the_chart_is_kept_free_for_the_legend(view):
    view.show_indicator("BTS_TOTAL")  # the province's stations start high: 3 000 and more
    view.redraw()
    chart = view.chart
    highest = max(v for line in chart.lines for v in line.values if v is not None)
    top = chart.getPlotItem().getViewBox().viewRange()[1][1]
    view_box = chart.getPlotItem().getViewBox()
    legend_bottom = view_box.mapSceneToView(chart.legend.sceneBoundingRect().bottomLeft()).y()
    assert legend_bottom > highest  # the legend sits above every point
    assert top > highest


def test_the_total_can_be_left_out_to_compare_communes(view):
    view.show_indicator("BTS_TOTAL")
    view.redraw()
    # a province's 4 000 stations flatten a commune's 30: the caption says what to do
    assert "untick" in view.caption.text() or "bỏ chọn" in view.caption.text()
    view.show_total(False)
    view.redraw()
    assert [line.key for line in view.chart.lines] == [PHUC_YEN]
    assert "bỏ chọn" not in view.caption.text()
    view.set_checked([])  # no commune ticked: the total is drawn whatever its box says
    view.redraw()
    assert [line.key for line in view.chart.lines] == [PROVINCE]
    view.none_button.click()  # "Total only" ticks it again
    assert view.total_shown() and view.unit_list.item(0).checkState() == Qt.CheckState.Checked


def test_redraws_reuse_the_plot_items(view):
    chart = view.chart
    items_before = list(chart.getPlotItem().items)
    curves_before = list(chart.curves)
    view.show_indicator("SMARTPHONE_HH_PCT")
    view.redraw()
    view.set_checked([])
    view.redraw()
    assert chart.visible_curve_count() == 1
    assert chart.curves[:2] == curves_before[:2]
    assert chart.getPlotItem().items == items_before
    assert view.chart is chart


def test_a_missing_value_leaves_a_gap(view, demo_store):
    demo_store.save_value(PHUC_YEN, "POP_COVERED_5G", "2025Q2", None)
    view.redraw()
    y = view.chart.curves[1].yData
    index = view.chart.period_axis.labels.index("Quý II/2025")
    assert math.isnan(y[index])
    assert not math.isnan(y[index - 1]) and not math.isnan(y[index + 1])
    assert view.chart.curves[1].opts["connect"] == "finite"


def test_many_communes_get_one_legend_entry(view):
    view.set_checked(communes(view))
    view.redraw()
    chart = view.chart
    assert chart.visible_curve_count() == 149
    names = [label.text for _sample, label in chart.legend.items]
    assert len(names) == 3  # the total, "148 communes", the target
    assert "148" in names[1]
    chart._on_legend_sample_clicked(chart.group_proxy)  # shown: nothing changes
    chart.group_proxy.setVisible(False)
    chart._on_legend_sample_clicked(chart.group_proxy)
    assert chart.visible_curve_count() == 1


def test_clicking_a_legend_entry_hides_its_line(qtbot, view):
    chart = view.chart
    sample, _label = chart.legend.items[1]
    centre = sample.mapToScene(sample.boundingRect().center())
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.mapFromScene(centre))
    assert not chart.curves[1].isVisible()
    assert chart.curves[0].isVisible()


def test_hover_describes_the_nearest_point_in_vietnamese_format(view, demo_store):
    chart = view.chart
    index = chart.period_axis.labels.index("Quý III/2025")
    value = chart.lines[0].values[index]
    text = chart.hover_at(index + 0.1, value)
    assert "Phú Thọ" in text and "Quý III/2025" in text
    assert f"{value:.1f}".replace(".", ",") + "%" in text
    assert chart.hover_label.isVisible()
    assert chart.hover_at(index, value + 1000) == ""  # far from every point
    assert not chart.hover_label.isVisible()


def test_a_total_not_in_full_ends_in_a_hollow_point_that_says_so(view, demo_store):
    """January in for one commune: Quý I/2026 is drawn, but the total's last point is hollow
    and its hover says it is not in full; with the whole quarter in from every commune (a
    stored quarter each), it is a plain point again."""
    for code in ("HH_TOTAL", "HH_SMARTPHONE"):
        demo_store.save_value(PHUC_YEN, code, "202601", 900)
    view.show_indicator("SMARTPHONE_HH_PCT")
    view.redraw()
    chart = view.chart
    index = chart.period_axis.labels.index("Quý I/2026")
    total, commune = chart.lines
    assert total.in_part == index and commune.in_part is None
    brushes = chart.curves[0].opts["symbolBrush"]
    assert brushes[index].color().name() == "#ffffff" and brushes[0].color().name() != "#ffffff"
    text = chart.hover_at(index, total.values[index])
    assert "\nchưa đủ số liệu: chưa so sánh được với kỳ trước\n" in text
    assert "chưa đủ" not in chart.hover_at(index - 1, total.values[index - 1])
    writes = [
        ValueWrite(unit.code, code, "2026Q1", demo_store.value(unit.code, code, "2025Q4").value)
        for unit in demo_store.children(PROVINCE)
        for code in ("HH_TOTAL", "HH_SMARTPHONE")
        if unit.code != PHUC_YEN
    ]
    demo_store.save_values(writes, source="form")
    for code in ("HH_TOTAL", "HH_SMARTPHONE"):
        demo_store.save_value(PHUC_YEN, code, "202602", 900)
        demo_store.save_value(PHUC_YEN, code, "202603", 900)
    view.redraw()
    assert chart.lines[0].in_part is None
    assert "chưa đủ" not in chart.hover_at(index, chart.lines[0].values[index])


def test_hover_follows_the_mouse(qtbot, view):
    chart = view.chart
    index = chart.period_axis.labels.index("Quý IV/2025")
    value = chart.lines[0].values[index]
    scene = chart.getPlotItem().getViewBox().mapViewToScene(QPointF(index, value))
    chart.scene().sigMouseMoved.emit(scene)
    assert "Quý IV/2025" in chart.hover_text


def test_english_hover_uses_english_numbers(view):
    install_language("en")
    view.retranslate()
    view.redraw()
    chart = view.chart
    index = chart.period_axis.labels.index("Q3/2025")
    value = chart.lines[0].values[index]
    text = chart.hover_at(index, value)
    assert "Q3 2025" in text and f"{value:.1f}%" in text


def test_zoom_can_be_reset(view):
    view_box = view.chart.getPlotItem().getViewBox()
    full = view_box.viewRange()
    view_box.setRange(xRange=(5, 8), yRange=(10, 20), padding=0)
    assert view_box.viewRange()[0] == pytest.approx([5, 8])
    view.reset_button.click()
    assert view_box.viewRange()[0] == pytest.approx(full[0])
    assert view_box.viewRange()[1] == pytest.approx(full[1])


def test_years_use_the_last_quarter_for_stocks_and_rates(view, demo_store):
    view.type_box.setCurrentIndex(view.type_box.findData("year"))
    view.show_indicator("BTS_TOTAL")
    view.redraw()
    chart = view.chart
    assert chart.period_axis.labels == ["2021", "2022", "2023", "2024", "2025"]
    assert chart.curves[0].yData[-1] == demo_store.aggregate("BTS_TOTAL", PROVINCE, "2025Q4")
    assert chart.targets == []
    assert not chart.target_curve.isVisible()


def test_ranking_sorts_communes_with_the_target_line(view, demo_store):
    view.set_mode("ranking")
    view.redraw()
    chart = view.ranking_chart
    assert view.ranking_period.iso == "2025Q4"
    assert chart.bar_count() == 148
    values = [r.value for r in view.ranked]
    assert values == sorted(values, reverse=True)
    assert len(chart.selected_bars.opts["width"]) == 1  # the commune ticked in the list
    assert chart.target_line.isVisible() and chart.target_line.value() == 50.0
    assert view.ranked[0].value == pytest.approx(
        demo_store.aggregate("COV_5G_PCT", view.ranked[0].unit.code, "2025Q4")
    )
    view.ranking_period_box.setCurrentIndex(view.ranking_period_box.findData("2024Q4"))
    view.redraw()
    assert view.ranking_period.iso == "2024Q4"
    assert not chart.target_line.isVisible()  # no target for 2024


@pytest.mark.parametrize("target", [5.0, 50.0, 66.0])
def test_the_rankings_target_label_stays_inside_the_chart(view, demo_store, target):
    demo_store.set_target("COV_5G_PCT", PROVINCE, 2025, target)
    view.set_mode("ranking")
    view.redraw()
    QApplication.processEvents()
    chart = view.ranking_chart
    label = chart.target_label.sceneBoundingRect()
    plot = chart.getPlotItem().getViewBox().sceneBoundingRect()
    assert chart.target_label.isVisible()
    assert plot.left() - 1 <= label.left() and label.right() <= plot.right() + 1, (label, plot)


def test_png_export_writes_a_picture_of_the_chart(view, tmp_path):
    path = tmp_path / "chart.png"
    assert view.export_png(path)
    image = QImage(str(path))
    # the chart under a band naming what it shows (an exported picture had no title)
    assert image.width() == view.chart.width() and image.height() > view.chart.height()
    assert view.caption_lines()[0].startswith(view.indicator().name("vi"))
    assert "Phú Thọ" in view.caption_lines()[1] and "Quý" in view.caption_lines()[1]
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert "#ffffff" in colours and len(colours) > 5
    view.set_mode("ranking")
    assert view.export_png(tmp_path / "ranking.png")
    assert QImage(str(tmp_path / "ranking.png")).height() >= 148 * 17


def test_csv_export_writes_the_plotted_numbers(view, tmp_path, demo_store):
    path = tmp_path / "trend.csv"
    assert view.export_csv(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 2 * 20
    # headers in the window's language (Vietnamese here); a rate as people read it
    assert list(rows[0]) == [
        "Mã đơn vị",
        "Tên đơn vị",
        "Mã chỉ tiêu",
        "Tên chỉ tiêu",
        "Kỳ báo cáo",
        "Giá trị",
        "Kế hoạch",
    ]
    by_key = {(r["Mã đơn vị"], r["Kỳ báo cáo"]): r for r in rows}
    expected = demo_store.series("COV_5G_PCT", PHUC_YEN, ["2025Q3"])["2025Q3"]
    row = by_key[(PHUC_YEN, "2025Q3")]
    assert row["Giá trị"] == format_machine(round(expected, 2))
    assert len(row["Giá trị"].partition(".")[2]) <= 2  # never 16 digits
    assert row["Kế hoạch"] == "50" and by_key[(PHUC_YEN, "2024Q3")]["Kế hoạch"] == ""
    assert row["Tên đơn vị"] == "Phường Phúc Yên"


def test_csv_export_of_the_ranking(view, tmp_path):
    view.set_mode("ranking")
    path = tmp_path / "ranking.csv"
    assert view.export_csv(path)
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 148
    assert [r["Hạng"] for r in rows[:3]] == ["1", "2", "3"]
    assert float(rows[0]["Giá trị"]) >= float(rows[-1]["Giá trị"])
    assert {r["Kỳ báo cáo"] for r in rows} == {"2025Q4"} and rows[0]["Kế hoạch"] == "50"


def test_an_empty_database_draws_no_lines(qtbot, store):
    make_application()
    install_language("vi")
    widget = TrendsView()
    qtbot.addWidget(widget)
    widget.set_store(store)
    widget.show_place(PROVINCE, Period.parse("2025Q4"))
    widget.show()
    widget.redraw()
    assert widget.chart.period_axis.labels == []
    assert widget.chart.visible_curve_count() == 1
    assert widget.export_csv(widget.store.path.parent / "empty.csv")


def test_pyqtgraph_is_imported_only_when_the_chart_is_first_shown(demo_db):
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from ictdesk.core.periods import Period
        from ictdesk.core.store import ValueStore
        from ictdesk.gui.app import make_application
        from ictdesk.gui.dashboard.view import DashboardView
        from ictdesk.gui.trends.view import TrendsView
        app = make_application()
        store = ValueStore.open({str(demo_db)!r})
        trends, dashboard = TrendsView(), DashboardView()
        for view in (trends, dashboard):
            view.set_store(store)
            view.show_place("25", Period.parse("2025Q4"))
        dashboard.show()
        trends.show_indicator("VNEID_PCT")
        app.processEvents()
        before = "pyqtgraph" in sys.modules
        trends.show()
        app.processEvents()
        print(before, "pyqtgraph" in sys.modules, trends.chart_built)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True"]


def test_the_ranking_follows_the_period_type_and_the_main_window(view):
    view.set_mode("ranking")
    view.redraw()
    view.type_box.setCurrentIndex(view.type_box.findData("year"))
    view.redraw()
    assert view.ranking_period.iso == "2025"
    assert view.ranking_chart.target_line.value() == 50.0
    view.type_box.setCurrentIndex(view.type_box.findData("quarter"))
    view.show_place("25", Period.parse("2024Q2"))
    view.redraw()
    assert view.ranking_period.iso == "2024Q2"
    assert view.checked_codes() == [PHUC_YEN]  # ticks made before stay


def test_many_communes_are_drawn_by_a_few_items_and_each_can_still_be_hovered(view):
    from ictdesk.gui.charts.trend_chart import PALETTE

    view.set_checked(communes(view))
    view.show_indicator("BTS_TOTAL")
    view.redraw()
    chart = view.chart
    drawn = [c for c in chart.curves if c.isVisible()] + [b for b in chart.bundles if b.isVisible()]
    assert len(drawn) <= 1 + len(PALETTE)  # the total, and one curve per colour
    index = 19
    line_index = max(range(1, len(chart.lines)), key=lambda i: chart.lines[i].values[index] or -1)
    value = chart.lines[line_index].values[index]
    assert chart.lines[line_index].name in chart.hover_at(index, value)
    chart.group_proxy.setVisible(False)
    chart._on_legend_sample_clicked(chart.group_proxy)
    assert not any(b.isVisible() for b in chart.bundles)
    assert chart.lines[line_index].name not in chart.hover_at(index, value)


def test_a_kind_of_period_with_no_values_points_to_the_kinds_that_have_them(view):
    view.type_box.setCurrentIndex(view.type_box.findData(PeriodType.MONTH.value))
    view.redraw()
    caption = view.caption.text()
    assert "Không có số liệu theo tháng" in caption and "quý" in caption


def test_value_axis_labels_never_mix_trailing_zeros(view):
    from ictdesk.gui.charts.trend_chart import NumberAxis

    axis = NumberAxis("left", lambda: "vi")
    assert axis.tickStrings([0.9, 0.7], 1, 0.05) == ["0,9", "0,7"]  # not "0,90"
    assert axis.tickStrings([12500.0, 13000.0], 1, 500) == ["12.500", "13.000"]
    assert axis.tickStrings([1000.5], 1, 0.5) == ["1.000,5"]
