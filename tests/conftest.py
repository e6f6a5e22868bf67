"""Test set-up: headless Qt, isolated settings and data folders, ready-made databases."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import
# The ictdesk processes tests start keep their settings (recent files, window geometry) in a
# folder of the run, never in the user's own.
import tempfile  # noqa: E402

os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="ictdesk-tests-config-")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from ictdesk.core.demo import build_demo  # noqa: E402
from ictdesk.core.store import ValueStore  # noqa: E402

_DEMO_CACHE: dict[str, Path] = {}


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Every test gets its own data folder, never the user's real one."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("ICTDESK_DATA_DIR", str(data))
    return data


@pytest.fixture(scope="session", autouse=True)
def isolated_qsettings(tmp_path_factory):
    """QSettings go to a temporary INI file, so tests never read or write real preferences."""
    try:
        from PySide6.QtCore import QCoreApplication, QSettings
    except ImportError:  # the core tests run without Qt too
        yield
        return
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("ictdesk-tests")
    QCoreApplication.setApplicationName("ictdesk-tests")
    yield


@pytest.fixture(autouse=True)
def asker():
    """A scripted user for the test (see tests/scripted.py); nothing asks a real dialog."""
    try:
        from ictdesk.gui import interaction
    except ImportError:  # the core tests run without Qt too
        yield None
        return
    from tests.scripted import ScriptedAsker

    scripted = ScriptedAsker()
    interaction.install(scripted)
    yield scripted
    interaction.install(None)


@pytest.fixture
def empty_db(tmp_path) -> Path:
    """A new database for Phú Thọ with no values."""
    path = tmp_path / "empty.db"
    ValueStore.create(path, {"province_code": "25"})
    return path


@pytest.fixture
def store(empty_db):
    store = ValueStore.open(empty_db)
    yield store
    store.close()


@pytest.fixture
def demo_db(tmp_path, tmp_path_factory) -> Path:
    """A private copy of the demo database (built once per session)."""
    if "demo" not in _DEMO_CACHE:
        built = tmp_path_factory.mktemp("demo") / "demo.db"
        build_demo(built)
        _DEMO_CACHE["demo"] = built
    copy = tmp_path / "demo.db"
    shutil.copyfile(_DEMO_CACHE["demo"], copy)
    return copy


@pytest.fixture
def demo_store(demo_db):
    store = ValueStore.open(demo_db)
    yield store
    store.close()


@pytest.fixture
def history_demo_db(tmp_path, tmp_path_factory) -> Path:
    """A private copy of the demo with history (``build_demo(with_history=True)``, built once
    per session: 13 s)."""
    if "history" not in _DEMO_CACHE:
        built = tmp_path_factory.mktemp("history-demo") / "demo.db"
        build_demo(built, with_history=True)
        _DEMO_CACHE["history"] = built
    copy = tmp_path / "history-demo.db"
    shutil.copyfile(_DEMO_CACHE["history"], copy)
    return copy


@pytest.fixture
def demo_window(qtbot, demo_db):
    """The main window on a copy of the demo, at Phường Phúc Yên in Quý IV/2025, Vietnamese.
    After the test every field gets its saved text back (a test may leave refused text), so
    closing asks nothing."""
    from ictdesk.core.periods import Period
    from ictdesk.gui.app import make_application
    from ictdesk.gui.i18n import install_language
    from ictdesk.gui.window import MainWindow

    make_application()
    install_language("vi")
    win = MainWindow(ValueStore.open(demo_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.period_picker.set_period(Period.parse("2025Q4"))
    win.unit_tree.select("08740")
    yield win
    for field in win.entry_form.fields.values():
        field.setText(field.saved_text)
    win.close()
