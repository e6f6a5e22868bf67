"""Interface language: Vietnamese first, English too, from Qt Linguist ``.ts`` catalogues.

The ``.ts`` files under ``resources/i18n/`` are the single source of translations. A build
compiles them to ``.qm`` (``pyside6-lrelease``); a checkout without ``.qm`` files reads the
``.ts`` directly (a few milliseconds), so a stale binary is never used.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from ictdesk.core.errors import IctdeskError
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


def _translator_for(ts: Path, parent) -> QTranslator:
    """The compiled ``.qm`` beside ``ts`` if the build made one from it, else the ``.ts`` itself.

    ``pyside6-lrelease resources/i18n/*.ts`` (run by packaging/build.sh) writes the ``.qm``
    files; they are never committed, and one older than its ``.ts`` is ignored as stale.
    """
    compiled = ts.with_suffix(".qm")
    if compiled.is_file() and compiled.stat().st_mtime >= ts.stat().st_mtime:
        translator = QTranslator(parent)
        if translator.load(str(compiled)):
            return translator
    return TsTranslator(read_ts(ts), parent)


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
        for path in sorted(resource_path("i18n").glob(f"*_{language}.ts")):
            translator = _translator_for(path, app)  # ictdesk's texts, and Qt's dialogs
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


def error_text(exc: Exception) -> str:
    """An error's message in the interface language (a core error may carry Vietnamese)."""
    return exc.message(current_language()) if isinstance(exc, IctdeskError) else str(exc)
