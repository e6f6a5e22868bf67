"""The main window and what it does for its menus: files, backups, printing, the status."""

from ictdesk.gui.window.main_window import (
    ActionId,
    MainWindow,
    create_from_dialog,
    default_period,
    ensure_demo,
)

__all__ = ["ActionId", "MainWindow", "create_from_dialog", "default_period", "ensure_demo"]
