"""One unit's own value of a period by seeks, as SQL: the rule both the store's aggregates and
the series' short cuts use where a period holds an indicator at one level of sub-periods."""

from __future__ import annotations


def own_value_sql(unit: str, indicator: str, flow: str, periods: list[str]) -> str:
    """An SQL expression: the value of ``indicator`` for ``unit`` made of the stored
    ``periods`` (column names, in order; a NULL one matches nothing), the sum of those holding
    one where ``flow`` is true, else the last holding one. COALESCE stops at the first value
    found going back, so a stock's last month is one seek."""
    seeks = [
        f"(SELECT v.value FROM data_values v WHERE v.unit_code = {unit} AND v.period = {p}"
        f" AND v.indicator_code = {indicator})"
        for p in reversed(periods)
    ]
    last = f"coalesce({', '.join(seeks)})" if len(seeks) > 1 else seeks[0]
    total = (
        f"(SELECT sum(v.value) FROM data_values v WHERE v.unit_code = {unit}"
        f" AND v.indicator_code = {indicator} AND v.period IN ({', '.join(periods)}))"
    )
    return f"CASE WHEN {flow} THEN {total} ELSE {last} END"
