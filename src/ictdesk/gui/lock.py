"""One writer per database file: a ``QLockFile`` beside it (``<file>.lock``).

A lock left by a crashed process on this computer is recovered by Qt. Who holds it is written
beside it, so a second window (or ``ictdesk import``) can say who, on which computer, and since
when. Only QtCore: the headless commands take the same lock.
"""

from __future__ import annotations

import contextlib
import getpass
import json
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo


class DatabaseLock:
    """The one-writer lock of a database file."""

    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.lock = QLockFile(f"{self.db_path}.lock")
        self.lock.setStaleLockTime(0)  # never steal a live lock; dead processes are detected
        self.owner_file = Path(f"{self.db_path}.lock.owner")

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; True on success."""
        if not self.lock.tryLock(0):
            return False
        with contextlib.suppress(OSError):  # a read-only folder: the lock still works, unnamed
            self.owner_file.write_text(
                json.dumps(
                    {
                        "user": getpass.getuser(),
                        "host": QSysInfo.machineHostName(),
                        "since": datetime.now().isoformat(timespec="minutes"),
                    }
                ),
                encoding="utf-8",
            )
        return True

    def held_by_another(self) -> bool:
        """After a failed :meth:`acquire`: whether another process holds the lock (False: the
        lock file could not be made, in a read-only folder or on a full disk)."""
        return self.lock.error() == QLockFile.LockError.LockFailedError

    def holder(self) -> dict:
        """Who holds the lock: user, host and since (as much as is known)."""
        info = {}
        with contextlib.suppress(OSError, ValueError):
            info = json.loads(self.owner_file.read_text(encoding="utf-8"))
        lock_info = self.lock.getLockInfo()  # (pid, hostname, appname) in PySide6
        if isinstance(lock_info, tuple) and len(lock_info) >= 2 and lock_info[0]:
            info.setdefault("pid", lock_info[0])
            info.setdefault("host", lock_info[1])
        return info

    def release(self) -> None:
        if self.lock.isLocked():
            self.owner_file.unlink(missing_ok=True)
            self.lock.unlock()
