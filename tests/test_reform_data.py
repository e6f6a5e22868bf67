"""The register of units before 1 July 2025 and the 2025 crosswalk: counts, the resolutions'
examples, agreement with ictdesk's seed, and the division of split communes' counts."""

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ictdesk.core.reform.crosswalk import SplitRule, apportion, crosswalk
from ictdesk.core.reform.register import old_register
from ictdesk.core.resources import resource_path
from ictdesk.core.units import UnitLevel, official_communes, official_provinces, search_key


def test_the_register_counts_the_units_before_the_reform():
    register = old_register()
    assert register.count(UnitLevel.PROVINCE) == 63
    assert register.count(UnitLevel.DISTRICT) == 696
    assert register.count(UnitLevel.COMMUNE) == 10_035
    assert register["19564"].name == "Xã Đakrông"
    assert register["467"].name == "Huyện Đa Krông"
    assert register.province_of("19564") == "45"  # the old Tỉnh Quảng Trị


def test_the_crosswalk_covers_every_old_commune_and_every_new_unit_of_the_seed():
    walk = crosswalk()
    register = old_register()
    communes = {u.code for u in register.units.values() if u.level is UnitLevel.COMMUNE}
    islands = {"318", "471", "498", "536", "755"}  # island districts without communes
    assert set(walk.targets) == communes | islands
    seed = {u.code: u for u in official_communes()}
    assert set(walk.parts) == set(seed)  # 3,321: every code the crosswalk names is seeded
    assert len(seed) == 3321
    assert sum(1 for old in walk.targets if walk.is_split(old)) == 471
    assert set(walk.provinces) == {
        u.code for u in register.units.values() if u.level is UnitLevel.PROVINCE
    }
    assert set(walk.provinces.values()) == {u.code for u in official_provinces()}  # 34
    assert walk.old_provinces["44"] == ["44", "45"]  # Quảng Bình and Quảng Trị
    assert walk.old_provinces["25"] == ["17", "25", "26"]  # Hòa Bình, Phú Thọ, Vĩnh Phúc
    for old, targets in walk.targets.items():  # a split has exactly one principal
        assert len(targets) == 1 or sum(t.principal for t in targets) == 1, old


def test_the_resolutions_examples_hold():
    walk = crosswalk()
    assert walk.parts["19564"] == ["19564", "19576", "19579"]
    assert walk.parts["19555"] == ["19555", "19558", "19561"]
    assert walk.parts["04891"] == ["04888", "04891"]
    assert walk.parts["04828"] == ["04789", "04819", "04828", "04891"]
    assert walk.targets["471"][0].new_code == "19742"  # Huyện Cồn Cỏ → Đặc khu Cồn Cỏ
    shares = walk.shares("04891", SplitRule.AREA)
    assert shares == pytest.approx({"04828": 55.21 / 171.52, "04891": 116.31 / 171.52})
    assert walk.shares("04891", SplitRule.PRINCIPAL) == {"04891": 1.0}
    assert walk.shares("04891", SplitRule.REFUSE) == {}


def test_new_commune_names_agree_with_the_seed():
    """The derive script matched the package's new communes to the seed by name."""
    seed = {u.code: u.name for u in official_communes()}
    with open(resource_path("reform", "code_differences.csv"), encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            assert _key(seed[row["ictdesk_code"]]) == _key(row["package_name"])


def _key(name):
    return "".join(c for c in search_key(name) if c.isalnum())


@given(st.integers(0, 5000), st.lists(st.floats(0.01, 500), min_size=1, max_size=5))
def test_apportion_is_exact_and_monotone(value, weights):
    parts = apportion(value, weights)
    assert sum(parts) == value and min(parts) >= 0
    more = apportion(value + 1, weights)
    assert all(b >= a for a, b in zip(parts, more, strict=True))
