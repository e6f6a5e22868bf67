"""The demo with history: Phú Thọ 2021Q1–2026Q2, its figures before 1 July 2025 imported from
the old communes of Phú Thọ, Vĩnh Phúc and Hòa Bình through the conversion."""

import pytest

from ictdesk.cli import main
from ictdesk.core.reform.crosswalk import crosswalk
from ictdesk.core.store import ValueStore


@pytest.fixture
def history_demo(history_demo_db):
    store = ValueStore.open(history_demo_db, read_only=True)
    yield store
    store.close()


def test_the_command_asks_for_it(tmp_path, monkeypatch):
    import ictdesk.core.demo

    asked = []
    monkeypatch.setattr(ictdesk.core.demo, "build_demo", lambda *a, **k: asked.append((a, k)))
    assert main(["demo", "--db", str(tmp_path / "d.db"), "--with-history"]) == 0
    assert main(["demo", "--db", str(tmp_path / "e.db")]) == 0
    assert [k["with_history"] for _, k in asked] == [True, False]


def test_it_holds_both_sides_of_the_reform(history_demo):
    assert history_demo.value("08113", "HH_TOTAL", "2026Q2") is not None
    assert history_demo.value("old:08089", "HH_TOTAL", "2021Q1") is not None  # Phương Viên


def test_a_new_commune_runs_from_its_old_communes_into_its_own_figures(history_demo):
    store = history_demo
    # Xã Yên Kỳ (08113) = old Hương Xạ, Phương Viên and Yên Kỳ (NQ 1676, provision 24)
    parts = crosswalk().parts["08113"]
    assert len(parts) == 3
    old = sum(store.value(f"old:{code}", "HH_TOTAL", "2024Q4").value for code in parts)
    assert store.value("08113", "HH_TOTAL", "2024Q4").value == old
    periods = ["2021Q1", "2024Q4", "2025Q2", "2025Q3", "2026Q2"]
    series = store.series("HH_TOTAL", "08113", periods)
    assert all(series[p] for p in periods)
    assert abs(series["2025Q3"] - series["2025Q2"]) < 0.02 * series["2025Q2"]  # continuous
    history = store.history("08113", "HH_TOTAL", "2024Q4")
    assert history[-1].detail.endswith("converted from old units " + " + ".join(parts))
    assert store.history("08113", "HH_TOTAL", "2025Q3")[-1].source == "demo"


def test_the_split_communes_are_estimates_and_the_history_is_kept(history_demo):
    store = history_demo
    estimate = store.value("04891", "HH_TOTAL", "2024Q4")  # Xã Tiền Phong, with part of Vầy Nưa
    assert estimate.comment.startswith("Số ước tính")
    assert [u.name for u in store.historical_roots()] == [
        "Tỉnh Hòa Bình",
        "Tỉnh Phú Thọ",
        "Tỉnh Vĩnh Phúc",
    ]
    assert store.value("old:04891", "HH_TOTAL", "2025Q3") is None  # history ends with June
    total = store.aggregate("HH_TOTAL", "25", "2024Q4")
    old_total = sum(store.aggregate("HH_TOTAL", u.code, "2024Q4") for u in store.historical_roots())
    assert total == old_total  # the province is its old provinces, counted once
