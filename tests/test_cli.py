"""The ``ictdesk`` command, run as a separate process like a user would."""

import os
import subprocess
import sys

import pytest

import ictdesk
from ictdesk.core.store import ValueStore


@pytest.fixture
def run(isolated_data_dir, tmp_path):
    def run_cli(*args, timeout=60):
        env = dict(os.environ)
        env["ICTDESK_DATA_DIR"] = str(isolated_data_dir)
        env["QT_QPA_PLATFORM"] = "offscreen"
        return subprocess.run(
            [sys.executable, "-m", "ictdesk", *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=tmp_path,
            timeout=timeout,
        )

    return run_cli


def assert_one_line_error(result):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ictdesk: error:")
    assert len(lines[0]) > len("ictdesk: error: ")


def test_version(run):
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ictdesk {ictdesk.__version__}"


def test_init_creates_a_province_database(run, tmp_path):
    path = tmp_path / "phutho.db"
    result = run("init", "--db", path, "--province", "25", "--commune", "08740")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert path.is_file()
    store = ValueStore.open(path)
    try:
        assert store.province_code == "25"
        assert store.setting("home_commune") == "08740"
        assert store.value_count() == 0
        assert [u.code for u in store.root_units()] == ["25"]
    finally:
        store.close()


def test_init_pads_the_commune_code_and_records_the_user(run, tmp_path):
    path = tmp_path / "phucyen.db"
    result = run("init", "--db", path, "--province", "25", "--commune", "8740", "--user", "Lan")
    assert result.returncode == 0, result.stderr
    store = ValueStore.open(path)
    try:
        assert store.setting("home_commune") == "08740"
        assert store.stored_by == "Lan"
    finally:
        store.close()


@pytest.mark.parametrize("province", ["99", "abc", "", "0", "25x"])
def test_init_with_unknown_province_fails_cleanly(run, tmp_path, province):
    path = tmp_path / "x.db"
    assert_one_line_error(run("init", "--db", path, "--province", province))
    assert not path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


@pytest.mark.parametrize("commune", ["99999", "19555", "abc"])  # 19555 is in Quảng Trị
def test_init_with_unknown_commune_fails_cleanly(run, tmp_path, commune):
    path = tmp_path / "x.db"
    result = run("init", "--db", path, "--province", "25", "--commune", commune)
    assert_one_line_error(result)
    assert not path.exists()


def test_init_refuses_an_existing_file(run, tmp_path):
    path = tmp_path / "mine.db"
    path.write_bytes(b"someone's work")
    assert_one_line_error(run("init", "--db", path, "--province", "25"))
    assert path.read_bytes() == b"someone's work"


def test_init_in_a_missing_folder_fails_cleanly(run, tmp_path):
    path = tmp_path / "no" / "such" / "folder" / "x.db"
    assert_one_line_error(run("init", "--db", path, "--province", "25"))
    assert not (tmp_path / "no").exists()


def test_init_in_a_read_only_folder_fails_cleanly(run):
    from tests.system_helpers import remount_read_only, tmpfs

    with tmpfs() as folder:  # read-only for root too (a chmod is not)
        remount_read_only(folder)
        assert_one_line_error(run("init", "--db", folder / "x.db", "--province", "25"))
        assert list(folder.iterdir()) == []


def test_demo_creates_a_database_with_values(run, tmp_path):
    path = tmp_path / "demo.db"
    result = run("demo", "--db", path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "demo.db"]
    store = ValueStore.open(path)
    try:
        assert store.province_code == "25"
        assert store.value_count() == 148 * 20 * len(store.catalogue.entered)
    finally:
        store.close()


def test_demo_refuses_an_existing_file(run, tmp_path):
    path = tmp_path / "mine.db"
    path.write_bytes(b"keep me")
    assert_one_line_error(run("demo", "--db", path))
    assert path.read_bytes() == b"keep me"


def test_demo_in_a_missing_folder_fails_cleanly(run, tmp_path):
    assert_one_line_error(run("demo", "--db", tmp_path / "nowhere" / "demo.db"))
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("content", [b"\x00garbage\xff" * 500, b""], ids=["garbage", "empty"])
def test_smoke_test_on_a_non_database_fails_cleanly(run, tmp_path, content):
    path = tmp_path / "garbage.db"
    path.write_bytes(content)
    assert_one_line_error(run("--smoke-test", "--db", path))
    assert path.read_bytes() == content


def test_smoke_test_on_a_missing_file_fails_cleanly(run, tmp_path):
    assert_one_line_error(run("--smoke-test", "--db", tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_gui_smoke_test_on_the_demo_database(run, demo_db, isolated_data_dir):
    result = run("--smoke-test", "--db", demo_db, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "ictdesk: error" not in result.stderr
    # the process ends without tearing down (gui.app.leave), after the window closed the
    # file (checkpointed: no log left) and made the day's backup
    assert not demo_db.with_name("demo.db-wal").exists()
    assert list(isolated_data_dir.rglob("*.db")), list(isolated_data_dir.rglob("*"))


def test_a_command_says_why_a_large_file_takes_long_to_open(tmp_path, monkeypatch):
    import ictdesk.commands as commands
    from test_store import as_before_m004

    path = tmp_path / "old.db"
    ValueStore.create(path, {"province_code": "25"})
    as_before_m004(path)
    monkeypatch.setattr(commands, "SAYS_WHY_IT_WAITS", 0)  # every file is large here
    lines = []
    monkeypatch.setattr(commands.sys, "stderr", type("Err", (), {"write": lines.append}))
    commands.open_store(path, read_only=True).close()  # reading needs the upgrade too
    said = "".join(lines)
    assert "checking old.db for damage" in said and "upgrading old.db" in said
    assert not ValueStore.upgrade_due(path)
    commands.open_store(path).close()  # records today's check
    lines.clear()
    commands.open_store(path, read_only=True).close()
    assert "".join(lines) == ""  # checked today, upgraded: nothing to say


def test_import_does_not_write_under_an_open_window(run, tmp_path):
    from ictdesk.gui.lock import DatabaseLock

    path = tmp_path / "open.db"
    ValueStore.create(path, {"province_code": "25"})
    values = tmp_path / "v.csv"
    values.write_text(
        "\ufeffunit_code,unit_name,indicator_code,indicator_name,period,value,comment,"
        "stored_by,updated_at\r\n08740,,BTS_TOTAL,,2025Q4,3,,,\r\n",
        encoding="utf-8",
    )
    window = DatabaseLock(path)
    assert window.acquire()
    try:
        result = run("import", values, "--db", path)
        assert_one_line_error(result)
        assert "is open in ictdesk by" in result.stderr
        assert run("import", values, "--db", path, "--dry-run").returncode == 0  # reads only
    finally:
        window.release()
    result = run("import", values, "--db", path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "open.db.lock").exists()  # the import let go of the lock


def test_an_output_named_for_another_format_is_written_with_a_warning(run, demo_db, tmp_path):
    out = tmp_path / "book.csv"
    result = run("export", "--db", demo_db, "--format", "xlsx", "--period", "2025Q4", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "book.csv will hold an Excel workbook" in result.stderr
    assert out.read_bytes()[:2] == b"PK"  # written as asked
    fine = run("export", "--db", demo_db, "--format", "long", "-o", tmp_path / "all.csv")
    assert fine.returncode == 0 and "warning" not in fine.stderr
