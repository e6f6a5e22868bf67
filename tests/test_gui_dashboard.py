"""The Dashboard tab: key indicator cards, progress toward targets, reporting completeness."""

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from ictdesk.core.numbers import format_number
from ictdesk.core.periods import Period
from ictdesk.core.series import Progress
from ictdesk.gui.app import make_application
from ictdesk.gui.dashboard.view import KEY_INDICATORS, DashboardView
from ictdesk.gui.i18n import install_language

PROVINCE = "25"
PHUC_YEN = "08740"


def shown_dashboard(qtbot, store) -> DashboardView:
    """A Dashboard in Vietnamese on ``store``, shown at 1200×800."""
    make_application()
    install_language("vi")
    widget = DashboardView()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.set_store(store)
    widget.show()
    return widget


@pytest.fixture
def dashboard(qtbot, demo_store):
    widget = shown_dashboard(qtbot, demo_store)
    widget.show_place(PROVINCE, Period.parse("2025Q3"))
    yield widget
    install_language("vi")


def test_every_key_indicator_has_a_card(dashboard):
    assert list(dashboard.cards) == list(KEY_INDICATORS)
    assert len(KEY_INDICATORS) == 8
    assert all(card.isVisible() for card in dashboard.cards.values())
    assert dashboard.title.text() == "Phú Thọ — Quý III/2025"


def test_card_values_equal_the_store_aggregates(dashboard, demo_store):
    aggregates = demo_store.aggregates(PROVINCE, "2025Q3")
    for code, card in dashboard.cards.items():
        assert card.summary.value == pytest.approx(aggregates[code]), code
        decimals = None if code == "BTS_TOTAL" else 1
        assert card.value_label.text().startswith(format_number(aggregates[code], decimals))
    assert dashboard.cards["BTS_TOTAL"].value_label.text().endswith(" trạm")
    assert dashboard.cards["COV_5G_PCT"].value_label.text().endswith("%")


def test_cards_show_the_change_since_the_previous_period(dashboard, demo_store):
    card = dashboard.cards["BTS_TOTAL"]
    now = demo_store.aggregate("BTS_TOTAL", PROVINCE, "2025Q3")
    before = demo_store.aggregate("BTS_TOTAL", PROVINCE, "2025Q2")
    assert card.summary.change == now - before
    assert f"+{format_number(now - before)}" in card.change_label.text()
    assert "Quý II/2025" in card.change_label.text()
    rate = dashboard.cards["VNEID_PCT"]
    delta = rate.summary.value - rate.summary.previous
    assert format_number(delta, 1) in rate.change_label.text()


def test_a_long_change_wraps_in_a_narrow_card(dashboard):
    """At a month, "so với Tháng 11/2025" is wider than a card on a 1280-pixel screen: the
    line wraps instead of being cut (here, a quarter's in narrower cards)."""
    dashboard.resize(900, 800)
    QApplication.processEvents()
    long = [
        card.change_label
        for card in dashboard.cards.values()
        if card.change_label.fontMetrics().horizontalAdvance(card.change_label.text())
        > card.change_label.width()
    ]
    assert long  # the texts are too long for one line at this width
    for label in long:
        assert "Quý II/2025" in label.text()
        assert label.minimumSizeHint().width() <= label.width()  # not cut at the side
        assert 0 < label.heightForWidth(label.width()) <= label.height()  # every line shown


def test_sparklines_hold_the_last_eight_periods(dashboard, demo_store):
    card = dashboard.cards["SMARTPHONE_HH_PCT"]
    assert len(card.sparkline.values) == 8
    assert card.sparkline.values[-1] == pytest.approx(card.summary.value)
    first = demo_store.aggregate("SMARTPHONE_HH_PCT", PROVINCE, "2023Q4")
    assert card.sparkline.values[0] == pytest.approx(first)
    assert card.sparkline.target == 85.0
    assert "Quý IV/2023" in card.sparkline.toolTip()


def test_progress_toward_the_target(dashboard):
    cov5 = dashboard.cards["COV_5G_PCT"]
    assert cov5.summary.target == 50.0
    assert cov5.summary.progress is Progress.ACHIEVED
    assert cov5.progress_bar.isVisible() and cov5.progress_bar.value() == 100
    assert "50,0%" in cov5.status_label.text()
    bts = dashboard.cards["BTS_TOTAL"]
    assert bts.summary.progress is Progress.NO_TARGET
    assert not bts.progress_bar.isVisible()
    assert "2025" in bts.status_label.text()
    smartphone = dashboard.cards["SMARTPHONE_HH_PCT"]
    expected = smartphone.summary.expected
    if smartphone.summary.progress is Progress.BEHIND:
        assert format_number(expected, 1) in smartphone.status_label.text()
    assert smartphone.progress_bar.value() == round(smartphone.summary.value / 85.0 * 100)


def test_a_behind_schedule_card_says_what_is_needed(dashboard, demo_store):
    demo_store.set_target("DIGITAL_SKILLS_PCT", PROVINCE, 2025, 90.0)
    dashboard.refresh()
    card = dashboard.cards["DIGITAL_SKILLS_PCT"]
    assert card.summary.progress is Progress.BEHIND
    assert format_number(card.summary.expected, 1) in card.status_label.text()
    assert "90,0%" in card.status_label.text()


def test_clicking_a_card_emits_its_indicator(qtbot, dashboard):
    card = dashboard.cards["APPS_ONLINE_PCT"]
    with qtbot.waitSignal(dashboard.indicator_activated, timeout=1000) as blocker:
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=card.rect().center())
    assert blocker.args == ["APPS_ONLINE_PCT"]
    card.setFocus()
    with qtbot.waitSignal(dashboard.indicator_activated, timeout=1000) as blocker:
        qtbot.keyClick(card, Qt.Key.Key_Return)
    assert blocker.args == ["APPS_ONLINE_PCT"]


def test_completeness_of_the_period_across_communes(dashboard, demo_store):
    assert dashboard.counts == {"full": 148, "partial": 0, "none": 0}
    assert dashboard.completeness_text.text().startswith("148")
    demo_store.save_value(PHUC_YEN, "BTS_TOTAL", "2025Q3", None)
    other = demo_store.children(PROVINCE)[0].code
    codes = [i.code for i in demo_store.catalogue.entered]
    for code in codes:
        demo_store.save_value(other, code, "2025Q3", None)
    dashboard.refresh()
    assert dashboard.counts == {"full": 146, "partial": 1, "none": 1}
    rows = dashboard.completeness_map.rows
    assert len(rows) == 148
    assert dashboard.completeness_bar.counts == (146, 1, 1)
    # the heat map names a commune under the pointer
    dashboard.completeness_map.tooltip_format = "%1: %2/%3"
    index = [r.unit.code for r in rows].index(PHUC_YEN)
    per_line = dashboard.completeness_map._per_line()
    step = dashboard.completeness_map.CELL + dashboard.completeness_map.GAP
    pos = QPoint((index % per_line) * step + 3, (index // per_line) * step + 3)
    assert dashboard.completeness_map.cell_at(pos.x(), pos.y()) == index
    event = QHelpEvent(QEvent.Type.ToolTip, pos, dashboard.completeness_map.mapToGlobal(pos))
    QApplication.sendEvent(dashboard.completeness_map, event)
    assert "Phường Phúc Yên: 28/29" in QToolTip.text()


def test_a_commune_shows_its_own_values_and_its_siblings_reporting(dashboard, demo_store):
    dashboard.show_place(PHUC_YEN, Period.parse("2025Q4"))
    aggregates = demo_store.aggregates(PHUC_YEN, "2025Q4")
    assert dashboard.cards["COV_4G_PCT"].summary.value == pytest.approx(aggregates["COV_4G_PCT"])
    assert len(dashboard.completeness_map.rows) == 148
    assert "Phường Phúc Yên" in dashboard.title.text()


def test_english_cards(dashboard):
    install_language("en")
    dashboard.retranslate()
    card = dashboard.cards["COV_5G_PCT"]
    assert card.name_label.text() == "5G population coverage"
    assert "Q2 2025" in card.change_label.text()
    assert "." in card.value_label.text() and "," not in card.value_label.text()


def test_no_database_shows_an_empty_dashboard(qtbot):
    make_application()
    install_language("vi")
    widget = DashboardView()
    qtbot.addWidget(widget)
    widget.show()
    assert widget.summaries == []
    assert widget.completeness_map.rows == []


def test_the_map_says_how_many_months_of_a_quarter_in_progress_are_in(dashboard, demo_store):
    codes = [i.code for i in demo_store.catalogue.entered]
    for code in codes:
        demo_store.save_value(PHUC_YEN, code, "202601", 5)
    dashboard.show_place(PROVINCE, Period.parse("2026Q1"))
    assert dashboard.counts == {"full": 0, "partial": 1, "none": 147}
    rows = dashboard.completeness_map.rows
    index = [r.unit.code for r in rows].index(PHUC_YEN)
    dashboard.completeness_map.tooltip_format = "%1: %2/%3"
    per_line = dashboard.completeness_map._per_line()
    step = dashboard.completeness_map.CELL + dashboard.completeness_map.GAP
    pos = QPoint((index % per_line) * step + 3, (index // per_line) * step + 3)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, dashboard.completeness_map.mapToGlobal(pos))
    QApplication.sendEvent(dashboard.completeness_map, event)
    assert QToolTip.text() == "Phường Phúc Yên: 0/29 · đủ 1/3 tháng"


def test_the_subtitle_says_when_the_cards_add_up_a_period_not_all_in(dashboard, demo_store):
    assert "báo cáo đủ" not in dashboard.subtitle.text()  # 2025Q3: all 148 in
    demo_store.save_value(PHUC_YEN, "BTS_TOTAL", "202601", 5)
    dashboard.show_place(PROVINCE, Period.parse("2026Q1"))
    assert dashboard.subtitle.text() == (  # no card is compared: "So sánh với…" is left out
        "Bấm vào một thẻ để xem diễn biến."
        " Mới có 0/148 xã, phường báo cáo đủ kỳ này: các thẻ cộng số liệu đã có."
    )
    dashboard.show_place(PHUC_YEN, Period.parse("2026Q1"))  # a commune's own figures
    assert "báo cáo đủ" not in dashboard.subtitle.text()


def _hollow_end(sparkline) -> bool:
    """Whether the sparkline's last point is drawn hollow: white inside its right end."""
    image = sparkline.grab().toImage()
    return any(
        image.pixelColor(x, y).name() == "#ffffff"
        for x in range(image.width() - 8, image.width())
        for y in range(image.height())
    )


def test_a_card_is_not_compared_with_a_whole_period_while_its_own_is_in_part(dashboard, demo_store):
    """January against the whole of Quý IV would read as a fall of two thirds for a flow:
    the card says the quarter is not in yet instead. A stock's latest month is its count, so
    a commune's stock is compared; a province's is not while communes are missing."""
    codes = [i.code for i in demo_store.catalogue.entered]
    for code in codes:
        demo_store.save_value(PHUC_YEN, code, "202601", 5)
    dashboard.show_place(PHUC_YEN, Period.parse("2026Q1"))
    flow, stock = dashboard.cards["APPS_ONLINE_PCT"], dashboard.cards["BTS_TOTAL"]
    assert flow.summary.change is None
    assert flow.change_label.text() == "chưa so sánh: Quý I/2026 chưa đủ số liệu"
    assert stock.summary.change == 5 - demo_store.aggregate("BTS_TOTAL", PHUC_YEN, "2025Q4")
    assert "Quý IV/2025" in stock.change_label.text()
    dashboard.show_place(PROVINCE, Period.parse("2026Q1"))
    assert dashboard.cards["BTS_TOTAL"].change_label.text() == (
        "chưa so sánh: mới có 1/148 xã, phường gửi số liệu Quý I/2026"
    )
    assert dashboard.cards["APPS_ONLINE_PCT"].change_label.text() == (
        "chưa so sánh: mới có 0/148 xã, phường đủ số liệu Quý I/2026"
    )
    bts = dashboard.cards["BTS_TOTAL"]
    assert bts.sparkline.last_in_part  # a dashed last segment, a hollow point
    assert bts.sparkline.toolTip().splitlines()[-1].endswith("(chưa đủ số liệu)")
    assert _hollow_end(bts.sparkline)
    for month in ("202602", "202603"):
        for code in codes:
            demo_store.save_value(PHUC_YEN, code, month, 5)
    dashboard.show_place(PHUC_YEN, Period.parse("2026Q1"))
    assert flow.summary.change == flow.summary.value - flow.summary.previous
    assert not flow.sparkline.last_in_part and not _hollow_end(flow.sparkline)
    assert not flow.sparkline.toolTip().endswith(")")
    assert "Quý IV/2025" in flow.change_label.text()
    install_language("en")
    dashboard.show_place(PROVINCE, Period.parse("2026Q1"))
    assert dashboard.cards["APPS_ONLINE_PCT"].change_label.text() == (
        "not compared: 1 of 148 communes have Q1 2026 in full"
    )


def test_a_first_value_says_there_was_none_before(qtbot, store):
    """A commune's first count, January only: nothing to compare with, said as before
    ("no value for Quý IV/2025"), not as a period not in full."""
    widget = shown_dashboard(qtbot, store)
    store.save_value(PHUC_YEN, "BTS_TOTAL", "202601", 4)
    widget.show_place(PHUC_YEN, Period.parse("2026Q1"))
    card = widget.cards["BTS_TOTAL"]
    assert card.summary.value == 4 and card.summary.previous is None
    assert card.change_label.text() == "chưa có số liệu Quý IV/2025"
    assert not card.sparkline.last_in_part
