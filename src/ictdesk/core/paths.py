"""Where ictdesk keeps its files by default: the user's data folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ictdesk"


def data_dir() -> Path:
    """The user's ictdesk data folder; ``ICTDESK_DATA_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("ICTDESK_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def default_database_path() -> Path:
    """The database ictdesk opens when no other is named."""
    return data_dir() / "ictdesk.db"


def demo_database_path() -> Path:
    """The demo database, created on first use."""
    return data_dir() / "demo.db"
