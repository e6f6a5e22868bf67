"""The system a bad day is made of, for tests: small tmpfs mounts (full, read-only), processes
run as an unprivileged user, processes killed with -9.

The tests run as root (so does CI), which is what mounting needs; they are not skipped in CI.
Outside CI, without root, the tests that need it are skipped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import ictdesk

NOBODY = 65534
SRC = str(Path(ictdesk.__file__).resolve().parents[1])  # the ictdesk under test


def need_root() -> None:
    if os.geteuid() != 0:
        if os.environ.get("CI"):
            pytest.fail("these tests mount file systems and need root (CI runs as root)")
        pytest.skip("mounting file systems needs root")


@contextlib.contextmanager
def tmpfs(size: str = "2m"):
    """A fresh tmpfs of ``size`` mounted on a new folder (open to everyone); unmounted after."""
    need_root()
    point = Path(tempfile.mkdtemp(prefix="ictdesk-tmpfs-"))
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=1777", "tmpfs", str(point)], check=True
    )
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)
        with contextlib.suppress(OSError):
            point.rmdir()


def remount_read_only(point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)


def fill_disk(point: Path) -> Path:
    """Fill the file system of ``point`` to the last byte; the filler file."""
    filler = point / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for size in (65536, 512, 1):
            with contextlib.suppress(OSError):
                while os.write(fd, b"\0" * size):
                    pass
    finally:
        os.close(fd)
    return filler


@contextlib.contextmanager
def open_folder():
    """A folder outside pytest's private (0700) ones, that the unprivileged user may reach."""
    folder = Path(tempfile.mkdtemp(prefix="ictdesk-nobody-"))
    os.chmod(folder, 0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# A child that imports ictdesk as root and then becomes "nobody": the interpreter lives under
# /root (0700), so `setpriv --reuid` could not even start it. From the setuid on, every file
# access is checked by the kernel for uid 65534, as setpriv's would be.
_AS_NOBODY = """
import os, sys
sys.path.insert(0, {src!r})
import ictdesk.cli
from ictdesk.commands import COMMANDS
for name in COMMANDS:
    ictdesk.cli._command_module(name)
import ictdesk.core.backup, ictdesk.core.exchange.export, ictdesk.gui.lock
import encodings.idna, json, csv, locale, hashlib, decimal  # read before the user changes:
# /root (this Python) is private; ictdesk imports these two when first needed
os.setgroups([])
os.setgid({uid})
os.setuid({uid})
assert os.getuid() == {uid}
sys.exit(ictdesk.cli.main(sys.argv[1:]))
"""


def run_as_nobody(*args, timeout: float = 60, cwd=None) -> subprocess.CompletedProcess:
    """``ictdesk ARGS`` as the unprivileged user 65534; raises TimeoutExpired past ``timeout``."""
    need_root()
    return subprocess.run(
        [sys.executable, "-c", _AS_NOBODY.format(src=SRC, uid=NOBODY), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
    )


def ictdesk(*args, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """``ictdesk ARGS`` in a process of its own."""
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(
        [sys.executable, "-m", "ictdesk", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        **kwargs,
    )


CRASH = """
import os, sys
sys.path.insert(0, {src!r})
from ictdesk.core.store import ValueStore
store = ValueStore.open(sys.argv[1])
for i in range(int(sys.argv[2])):
    store.save_value("08740", "BTS_TOTAL", f"{{2000 + i // 12}}{{i % 12 + 1:02d}}", i + 1)
print("written", flush=True)
os.kill(os.getpid(), 9)
"""


def crash_while_open(path: Path, writes: int = 40) -> None:
    """Write ``writes`` values to ``path`` in a process killed with -9 while the file is open,
    so its write-ahead log holds frames (an unclean close)."""
    done = subprocess.run(
        [sys.executable, "-c", CRASH.format(src=SRC), str(path), str(writes)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "written" in done.stdout, done.stderr
    assert Path(f"{path}-wal").stat().st_size > 0


def copy_tree_files(source: Path, target: Path) -> None:
    for name in ("", "-wal", "-shm"):
        if Path(f"{source}{name}").exists():
            shutil.copyfile(f"{source}{name}", f"{target}{name}")
