"""Where the shipped data files (catalogue, rules, translations, icons) live."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The ``resources`` folder: inside the installed package, or at the source checkout's root."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent.parent / "resources"):
        if (candidate / "indicators.json").is_file():
            return candidate
    raise FileNotFoundError("ictdesk resources folder not found; the installation is incomplete")


def resource_path(*parts: str) -> Path:
    """Path of one shipped resource file."""
    return resources_dir().joinpath(*parts)


def docs_dir() -> Path:
    """The user guide folder: inside the installed package, or ``docs/`` in a checkout."""
    for candidate in (_PACKAGE_DIR / "docs", _PACKAGE_DIR.parent.parent / "docs"):
        if (candidate / "user-guide.md").is_file():
            return candidate
    raise FileNotFoundError("ictdesk user guide not found; the installation is incomplete")
