"""The shipped indicator catalogue and derived rates."""

import json

import pytest

from ictdesk.core.catalogue import (
    Catalogue,
    Formula,
    Indicator,
    Pillar,
    TimeAggregation,
    load_default_catalogue,
)
from ictdesk.core.errors import CatalogueError, UnknownIndicator
from ictdesk.core.numbers import ValueType
from ictdesk.core.resources import resource_path

ENTERED = [
    "POP_TOTAL",
    "POP_ADULT",
    "HH_TOTAL",
    "VILLAGES_TOTAL",
    "BTS_TOTAL",
    "BTS_4G",
    "BTS_5G",
    "VILLAGES_MBB",
    "VILLAGES_FIBER",
    "POP_COVERED_4G",
    "POP_COVERED_5G",
    "MOBILE_SUBS",
    "MBB_SUBS",
    "FBB_SUBS",
    "HH_FIBER",
    "HH_SMARTPHONE",
    "ADULT_SMARTPHONE",
    "VNEID_L2",
    "CHIP_ID_CARDS",
    "DIGITAL_SKILLS",
    "CDT_TEAMS",
    "CDT_MEMBERS",
    "BANK_ACCOUNTS",
    "EPAY_ACCOUNTS",
    "APPS_TOTAL",
    "APPS_ONLINE",
    "APPS_E_RESULT",
    "DOCS_TOTAL",
    "DOCS_SIGNED",
]
DERIVED = [
    "COV_4G_PCT",
    "COV_5G_PCT",
    "VILLAGE_MBB_PCT",
    "VILLAGE_FIBER_PCT",
    "SMARTPHONE_HH_PCT",
    "FIBER_HH_PCT",
    "ADULT_SMARTPHONE_PCT",
    "MOBILE_PER100",
    "MBB_PER100",
    "FBB_PER100",
    "VNEID_PCT",
    "DIGITAL_SKILLS_PCT",
    "APPS_ONLINE_PCT",
    "APPS_E_RESULT_PCT",
    "DOCS_SIGNED_PCT",
]
FLOWS = {"APPS_TOTAL", "APPS_ONLINE", "APPS_E_RESULT", "DOCS_TOTAL", "DOCS_SIGNED"}
EXPECTED_FORMULAS = {
    "SMARTPHONE_HH_PCT": ("HH_SMARTPHONE", "HH_TOTAL"),
    "FIBER_HH_PCT": ("HH_FIBER", "HH_TOTAL"),
    "COV_4G_PCT": ("POP_COVERED_4G", "POP_TOTAL"),
    "COV_5G_PCT": ("POP_COVERED_5G", "POP_TOTAL"),
    "APPS_ONLINE_PCT": ("APPS_ONLINE", "APPS_TOTAL"),
    "DOCS_SIGNED_PCT": ("DOCS_SIGNED", "DOCS_TOTAL"),
    "MOBILE_PER100": ("MOBILE_SUBS", "POP_TOTAL"),
}


@pytest.fixture(scope="module")
def catalogue():
    return load_default_catalogue()


def test_shipped_catalogue_has_every_foundation_code(catalogue):
    for code in ENTERED + DERIVED:
        assert code in catalogue, code
    assert {i.code for i in catalogue.entered} >= set(ENTERED)
    assert {i.code for i in catalogue.derived} >= set(DERIVED)


@pytest.mark.parametrize("code", ENTERED)
def test_foundation_entered_indicators_are_typed_counts(catalogue, code):
    indicator = catalogue[code]
    assert not indicator.is_derived
    assert indicator.value_type is ValueType.INTEGER
    assert indicator.minimum == 0


@pytest.mark.parametrize("code", DERIVED)
def test_foundation_rates_are_derived(catalogue, code):
    indicator = catalogue[code]
    assert indicator.is_derived
    assert indicator.time_aggregation is TimeAggregation.RATIO


def test_every_formula_names_existing_entered_codes(catalogue):
    entered = {i.code for i in catalogue.entered}
    assert catalogue.derived
    for indicator in catalogue.derived:
        assert indicator.formula.numerator in entered, indicator.code
        assert indicator.formula.denominator in entered, indicator.code
        assert indicator.formula.multiplier == 100


@pytest.mark.parametrize(("code", "parts"), EXPECTED_FORMULAS.items())
def test_formulas_divide_the_right_parts(catalogue, code, parts):
    formula = catalogue[code].formula
    assert (formula.numerator, formula.denominator) == parts


def test_flows_sum_over_time_and_stocks_take_the_last(catalogue):
    for indicator in catalogue.entered:
        expected = TimeAggregation.SUM if indicator.code in FLOWS else TimeAggregation.LAST
        assert indicator.time_aggregation is expected, indicator.code


def test_percentages_are_bounded(catalogue):
    for indicator in catalogue:
        if indicator.value_type is ValueType.PERCENT:
            assert (indicator.minimum, indicator.maximum) == (0, 100), indicator.code


def test_every_indicator_has_names_and_a_known_pillar(catalogue):
    pillars = {p.code for p in catalogue.pillars}
    for indicator in catalogue:
        assert indicator.name_vi and indicator.name_en and indicator.unit_vi, indicator.code
        assert indicator.pillar in pillars
        assert indicator in catalogue.in_pillar(indicator.pillar)


def test_unknown_code_lookup_raises(catalogue):
    with pytest.raises(UnknownIndicator):
        catalogue["NOPE"]
    assert "NOPE" not in catalogue


def test_store_holds_the_shipped_catalogue(store, catalogue):
    assert [i.code for i in store.catalogue] == [i.code for i in catalogue]
    assert store.catalogue["SMARTPHONE_HH_PCT"].formula == catalogue["SMARTPHONE_HH_PCT"].formula


def _indicator(code, formula=None, pillar="P"):
    return Indicator(
        code=code,
        pillar=pillar,
        name_vi=code,
        name_en=code,
        unit_vi="hộ",
        unit_en="households",
        value_type=ValueType.PERCENT if formula else ValueType.INTEGER,
        time_aggregation=TimeAggregation.RATIO if formula else TimeAggregation.LAST,
        formula=formula,
    )


PILLARS = [Pillar("P", "Xã hội số", "Digital society")]


def test_formula_naming_an_unknown_code_raises():
    with pytest.raises(CatalogueError):
        Catalogue(
            PILLARS, [_indicator("HH_TOTAL"), _indicator("X_PCT", Formula("NOPE", "HH_TOTAL"))]
        )
    with pytest.raises(CatalogueError):
        Catalogue(
            PILLARS, [_indicator("HH_TOTAL"), _indicator("X_PCT", Formula("HH_TOTAL", "NOPE"))]
        )


def test_formula_naming_a_derived_code_raises():
    with pytest.raises(CatalogueError):
        Catalogue(
            PILLARS,
            [
                _indicator("A"),
                _indicator("B"),
                _indicator("AB_PCT", Formula("A", "B")),
                _indicator("X_PCT", Formula("AB_PCT", "B")),
            ],
        )


def test_unknown_pillar_and_duplicate_codes_raise():
    with pytest.raises(CatalogueError):
        Catalogue(PILLARS, [_indicator("A", pillar="ELSEWHERE")])
    with pytest.raises(CatalogueError):
        Catalogue(PILLARS, [_indicator("A"), _indicator("A")])


def test_catalogue_file_with_unknown_formula_code_raises(tmp_path):
    data = json.loads(resource_path("indicators.json").read_text(encoding="utf-8"))
    for raw in data["indicators"]:
        if raw["code"] == "SMARTPHONE_HH_PCT":
            raw["formula"]["numerator"] = "HH_SMARTPHONES_TYPO"
    broken = tmp_path / "indicators.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CatalogueError, match="HH_SMARTPHONES_TYPO"):
        load_default_catalogue(broken)


def test_catalogue_file_with_missing_field_raises(tmp_path):
    data = json.loads(resource_path("indicators.json").read_text(encoding="utf-8"))
    del data["indicators"][0]["value_type"]
    broken = tmp_path / "indicators.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CatalogueError):
        load_default_catalogue(broken)


def test_derived_values_smartphone_households(catalogue):
    rates = catalogue.derived_values({"HH_SMARTPHONE": 836, "HH_TOTAL": 1000})
    assert rates["SMARTPHONE_HH_PCT"] == pytest.approx(83.6)
    assert set(rates) == {i.code for i in catalogue.derived}
    assert rates["FIBER_HH_PCT"] is None  # HH_FIBER missing


@pytest.mark.parametrize(
    "entered",
    [
        {"HH_SMARTPHONE": 836, "HH_TOTAL": 0},
        {"HH_SMARTPHONE": 836},
        {"HH_TOTAL": 1000},
        {"HH_SMARTPHONE": 836, "HH_TOTAL": None},
        {"HH_SMARTPHONE": None, "HH_TOTAL": 1000},
        {},
    ],
)
def test_derived_value_is_none_without_a_usable_denominator(catalogue, entered):
    assert catalogue.derived_values(entered)["SMARTPHONE_HH_PCT"] is None


def test_zero_numerator_gives_zero_not_none(catalogue):
    assert catalogue.derived_values({"HH_SMARTPHONE": 0, "HH_TOTAL": 50})["SMARTPHONE_HH_PCT"] == 0
