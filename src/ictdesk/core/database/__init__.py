"""ictdesk database files: the schema and its migrations (``migrations``), and opening,
creating, inspecting and upgrading files (``files``), through sqlite-utils."""

from ictdesk.core.database.files import (
    APPLICATION_ID,
    CHECKED_KEY,
    SQLITE_HEADER,
    WAL_FILES,
    CheckStop,
    create_database,
    full_check_due,
    inspect_file,
    open_database,
    record_full_check,
    unclean_close,
    upgrade_database,
    upgrade_due,
)
from ictdesk.core.database.journals import set_aside, set_aside_stray, stray_reason
from ictdesk.core.database.migrations import migrations, unit_path

__all__ = [
    "APPLICATION_ID",
    "CHECKED_KEY",
    "SQLITE_HEADER",
    "WAL_FILES",
    "CheckStop",
    "create_database",
    "full_check_due",
    "inspect_file",
    "migrations",
    "open_database",
    "record_full_check",
    "set_aside",
    "set_aside_stray",
    "stray_reason",
    "unclean_close",
    "unit_path",
    "upgrade_database",
    "upgrade_due",
]
