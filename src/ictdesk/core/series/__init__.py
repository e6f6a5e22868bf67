"""Series of indicators over time for charts, rankings, the dashboard and their CSV files.

``sql`` computes them with aggregate SQL (the rules are those of ``ValueStore.series``, which is
the oracle the tests compare with); ``table`` holds the result; ``views`` builds what the
charts and cards show; ``csv_file`` writes them for people.
"""

from ictdesk.core.series.csv_file import ranking_rows, trend_rows, write_csv
from ictdesk.core.series.sql import compute_series, data_years, series_sql
from ictdesk.core.series.table import MAX_BUCKETS, SeriesError, SeriesTable, periods_between
from ictdesk.core.series.views import (
    Comparison,
    Progress,
    RankedUnit,
    Summary,
    chart_parent,
    compared_with_previous,
    expected_by,
    ranking,
    summarize,
    target_progress,
    trend,
    year_end,
)

__all__ = [
    "MAX_BUCKETS",
    "Comparison",
    "Progress",
    "RankedUnit",
    "SeriesError",
    "SeriesTable",
    "Summary",
    "chart_parent",
    "compared_with_previous",
    "compute_series",
    "data_years",
    "expected_by",
    "periods_between",
    "ranking_rows",
    "ranking",
    "series_sql",
    "summarize",
    "target_progress",
    "trend",
    "trend_rows",
    "write_csv",
    "year_end",
]
