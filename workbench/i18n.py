"""Loading translations: every ``resources/i18n/*.<lang>.qm``, for the GUI and the CLI.

English is the source language; ``zh_CN`` is the default.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workbench.config import resource_path
from workbench.domain.messages import Message, UserError

log = logging.getLogger("workbench.i18n")

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")

_translators: list[QTranslator] = []
_language = "en"


def load(language: str = DEFAULT_LANGUAGE) -> str:
    """Load the translations of ``language`` (replacing any loaded before)."""
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    for old in _translators:
        if app is not None:
            app.removeTranslator(old)
    _translators.clear()
    _language = language
    if language != "en":
        # Qt's own strings (OK, Cancel, the print dialogs) from Qt's translations.
        qt_translator = QTranslator()
        if qt_translator.load(
            QLocale(language),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            _translators.append(qt_translator)
        for qm in sorted(resource_path("i18n").glob(f"*.{language}.qm")):
            translator = QTranslator()
            if translator.load(str(qm)):
                _translators.append(translator)
            else:
                log.warning("could not load translation %s", qm)
    if app is not None:
        for translator in _translators:
            app.installTranslator(translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English)
    )
    return language


def install(app: QCoreApplication) -> None:
    """Install the loaded translators on ``app`` (after it exists)."""
    for translator in _translators:
        app.installTranslator(translator)


def language() -> str:
    return _language


def local_name(name: str, name_en: str) -> str:
    """A name the data keeps in both languages (a category, a location) in the language
    shown: the English one in English where there is one, else the Chinese one."""
    return name_en if _language == "en" and name_en else name


def translate(context: str, text: str) -> str:
    for translator in _translators:
        result = translator.translate(context, text)
        if result:
            return result
    return text


def render(message: Message | UserError) -> str:
    return message.render(translate)
