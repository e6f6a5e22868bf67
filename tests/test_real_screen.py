"""The real window on a 1366 × 768 screen with a window manager (Xvfb and openbox), as on a
commune office's laptop: every frame fits the screen, the status bar included. Offscreen has
no frame, so this needs a real X server; .ci/run installs xvfb and openbox."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ictdesk.core.store import ValueStore

PROBE = Path(__file__).with_name("real_screen_probe.py")


@pytest.fixture(scope="module")
def display():
    for tool in ("Xvfb", "openbox"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is needed (Debian: apt-get install xvfb openbox)")
    number = 90 + os.getpid() % 50
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    env = dict(os.environ, DISPLAY=f":{number}")
    manager = subprocess.Popen(
        ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(1.0)
    yield env
    manager.kill()
    server.kill()
    manager.wait()
    server.wait()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_frame_fits_a_laptop_screen(display, demo_db, tmp_path, language):
    env = dict(display, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(tmp_path / "config"))
    env["ICTDESK_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, str(PROBE), str(demo_db), language],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    ax, ay, aw, ah = found["available"]
    assert (aw, ah) == (1366, 768) or ah <= 768  # the screen, less any panel
    for name in ("main", "guide", "preview"):
        x, y, w, h = found[name]
        assert x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah, (name, found)
    assert found["statusbar_bottom"] <= ay + ah  # the status bar is on the screen
    # X11 line edits bind Ctrl+E to the end of the line: the menu's export must still win
    assert found["ctrl_e_in_a_field"] == "export"
    ValueStore.open(demo_db).close()  # the probe left the file sound
