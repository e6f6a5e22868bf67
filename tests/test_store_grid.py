"""One period's grid: every commune of a parent, entered values only, gaps as None."""


def test_grid_lists_every_child_with_its_values(store):
    store.save_value("08740", "BTS_TOTAL", "2024Q1", 36)
    store.save_value("08740", "BTS_4G", "2024Q1", 30)
    store.save_value("07900", "BTS_TOTAL", "2024Q1", 12)
    store.save_value("07900", "BTS_TOTAL", "2024Q2", 99)  # another period: not in the grid
    rows = store.grid("2024Q1", "25", ["BTS_TOTAL", "BTS_4G"])
    assert len(rows) == 148
    by_code = {unit.code: values for unit, values in rows}
    assert by_code["08740"] == {"BTS_TOTAL": 36, "BTS_4G": 30}
    assert by_code["07900"] == {"BTS_TOTAL": 12, "BTS_4G": None}
    assert sum(1 for _, v in rows if v["BTS_TOTAL"] is not None) == 2


def test_grid_defaults_to_every_entered_indicator(demo_store):
    rows = demo_store.grid("2025Q4", "25")
    unit, values = rows[0]
    assert len(values) == len(demo_store.catalogue.entered) == 29
    assert all(v is not None for _, vals in rows for v in vals.values())
