"""The store's own connection: sqlite-utils' transaction rules without importing it at start."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ictdesk.core.database.connection import Connection
from ictdesk.core.store import ValueStore
from system_helpers import SRC


@pytest.fixture
def db(tmp_path):
    connection = Connection.open(tmp_path / "t.db")
    connection.execute("CREATE TABLE t (x INTEGER)")
    yield connection
    connection.close()


def test_a_write_outside_a_transaction_is_committed_at_once(db):
    db.execute("INSERT INTO t VALUES (1)")
    assert not db.conn.in_transaction
    assert db.conn.execute("SELECT count(*) FROM t").fetchone() == (1,)


def test_a_failed_write_leaves_no_transaction_open(db):
    db.execute("CREATE TABLE u (x INTEGER NOT NULL)")
    with pytest.raises(Exception, match="NOT NULL"):
        db.execute("INSERT INTO u VALUES (NULL)")
    assert not db.conn.in_transaction


def test_atomic_rolls_back_everything_and_a_nested_block_alone(db):
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        raise RuntimeError
    with db.atomic():
        db.execute("INSERT INTO t VALUES (2)")
        with pytest.raises(RuntimeError), db.atomic():
            db.execute("INSERT INTO t VALUES (3)")
            raise RuntimeError
        db.execute("INSERT INTO t VALUES (4)")
    assert [r["x"] for r in db.query("SELECT x FROM t ORDER BY x")] == [2, 4]
    assert not db.conn.in_transaction


def test_opening_a_current_file_and_building_the_window_import_no_sqlite_utils(empty_db):
    """sqlite-utils (95-115 ms to import) is for migrations: not on the way to the first paint."""
    script = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        f"sys.path.insert(0, {SRC!r})\n"
        "from ictdesk.core.store import ValueStore\n"
        "from ictdesk.gui.app import make_application\n"
        "from ictdesk.gui.window import MainWindow\n"
        "app = make_application()\n"
        f"window = MainWindow(ValueStore.open({str(empty_db)!r}))\n"
        "window.show(); window.repaint()\n"
        "print('sqlite_utils' in sys.modules, 'click' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


def test_a_new_file_is_made_by_sqlite_utils_migrations(tmp_path):
    path = tmp_path / "new.db"
    ValueStore.create(path)
    store = ValueStore.open(path)
    try:
        (count,) = store.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()
        assert count == 7
    finally:
        store.close()
