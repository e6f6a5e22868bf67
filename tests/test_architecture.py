"""The layout the code keeps: SQL runs only where it is owned (tests/ may look anywhere)."""

import re
from pathlib import Path

SRC = Path(__file__).parent.parent / "src" / "ictdesk"
# The store and the database package own the connection; two named query modules read
# through it for speed (the series' aggregate SQL, the long export's SQLite-written lines).
SQL_OWNERS = (
    "core/store/",
    "core/database/",
    "core/series/sql.py",
    "core/series/shortcuts.py",
    "core/series/ranges.py",
    "core/exchange/queries.py",
)
_CONNECTION = re.compile(r"\.db\.(execute|query|conn|atomic|executescript|table)\b|\bstore\.db\b")


def test_only_the_store_and_named_query_modules_touch_the_connection():
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith(SQL_OWNERS):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _CONNECTION.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert not offenders, "SQL outside its owners:\n" + "\n".join(offenders)


def test_the_pattern_catches_a_direct_use():
    assert _CONNECTION.search("rows = store.db.execute('SELECT 1')")
    assert _CONNECTION.search("self.db.conn.executemany(sql, rows)")
    assert not _CONNECTION.search("path = data_dir() / 'ictdesk.db'")


def test_no_module_is_a_god_object():
    sizes = {
        path.relative_to(SRC).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in SRC.rglob("*.py")
    }
    too_long = {name: lines for name, lines in sizes.items() if lines > 420}
    assert not too_long, f"modules over ~400 lines: {too_long}"
