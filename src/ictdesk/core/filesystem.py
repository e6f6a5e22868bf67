"""Facts about where a file lives that change how it must be written."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Filesystems where SQLite's write-ahead log (shared memory between processes) is unsafe.
NETWORK_FILESYSTEMS = {
    "cifs",
    "smb3",
    "smbfs",
    "nfs",
    "nfs4",
    "afs",
    "9p",
    "fuse.sshfs",
    "fuse.rclone",
    "davfs",
    "fuse.davfs2",
    "ncpfs",
}


def _mount_type(path: Path, mounts: str) -> str | None:
    """The filesystem type of the deepest mount point containing ``path``."""
    best, kind = "", None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = str(path) == point or str(path).startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind


def is_network_path(path: str | os.PathLike, mounts: str | None = None) -> bool:
    """True for a UNC path, a mapped network drive, or an SMB/NFS/CIFS mount.

    ``mounts`` is the text of ``/proc/mounts`` (read from the system when omitted).
    """
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    resolved = Path(path).resolve()
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = resolved.drive + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    if mounts is None:
        try:
            with open("/proc/mounts", encoding="utf-8") as handle:
                mounts = handle.read()
        except OSError:
            return False
    return (_mount_type(resolved, mounts) or "") in NETWORK_FILESYSTEMS


FULL_BELOW = 1024 * 1024  # bytes free under which a disk counts as full (a log, a lock, a -shm)


def write_obstacle(path: str | os.PathLike) -> str | None:
    """Why nothing can be written beside the file ``path``: ``"read-only"`` (read-only media,
    or a folder this user may not write), ``"full"`` (the disk has no room left), or None."""
    folder = Path(path).resolve().parent
    if hasattr(os, "statvfs"):
        try:
            stats = os.statvfs(folder)
        except OSError:
            return None
        if stats.f_flag & os.ST_RDONLY:
            return "read-only"
        free = stats.f_bavail * stats.f_frsize
    else:  # pragma: no cover - Windows
        import shutil

        try:
            free = shutil.disk_usage(folder).free
        except OSError:
            return None
    if not os.access(folder, os.W_OK):
        return "read-only"
    if free < FULL_BELOW:
        return "full"
    return None
