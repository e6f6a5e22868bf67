"""Interface language: Vietnamese first, English too, from Qt Linguist ``.ts`` catalogues.

The ``.ts`` files under ``resources/i18n/`` are the single source of translations. They are
read directly at start-up (a few milliseconds), so no compiled ``.qm`` can go stale.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from ictdesk.core.resources import resource_path

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
_installed: list[QTranslator] = []


def catalogue_path(language: str) -> Path:
    """The catalogue of ictdesk's own texts for ``language``."""
    return resource_path("i18n", f"ictdesk_{language}.ts")


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation for every finished message of a ``.ts`` file."""
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if translation.text:
                messages[(name, message.findtext("source", ""))] = translation.text
    return messages


class TsTranslator(QTranslator):
    """A translator backed by a parsed ``.ts`` catalogue."""

    def __init__(self, messages: dict[tuple[str, str], str], parent=None):
        super().__init__(parent)
        self._messages = messages

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802
        return self._messages.get((context, source_text), None)

    def isEmpty(self) -> bool:  # noqa: N802
        return not self._messages


def saved_language() -> str:
    value = QSettings().value("language", DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def install_language(language: str) -> str:
    """Make ``language`` the interface language of the running application; return it."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if language != "en":
        messages: dict[tuple[str, str], str] = {}
        for path in sorted(resource_path("i18n").glob(f"*_{language}.ts")):
            messages.update(read_ts(path))  # ictdesk's own texts and Qt's dialogs and buttons
        translator = TsTranslator(messages, app)
        app.installTranslator(translator)
        _installed.append(translator)
    if language == "vi":
        locale = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    else:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    app.setProperty("ictdesk_language", language)
    return language


def current_language() -> str:
    app = QCoreApplication.instance()
    value = app.property("ictdesk_language") if app else None
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
