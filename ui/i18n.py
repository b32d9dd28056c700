"""Language: German by default, English second; Qt Linguist files in resources/translations.

Source strings are English; German comes from regdesk_de.qm. The chosen language is kept
in QSettings ("language") and can be overridden with ``--lang``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"de": "Deutsch", "en": "English"}
DEFAULT_LANGUAGE = "de"


def settings() -> QSettings:
    return QSettings("regdesk", "regdesk")


def saved_language() -> str:
    value = str(settings().value("language", DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    settings().setValue("language", language)


_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> str:
    """Install regdesk's and Qt's own translations for ``language``; returns the language."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    QLocale.setDefault(
        QLocale(
            QLocale.Language.German if language == "de" else QLocale.Language.English,
            QLocale.Country.Germany if language == "de" else QLocale.Country.UnitedKingdom,
        )
    )
    if language == "en":
        return language
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS / f"regdesk_{language}.qm")):
        raise FileNotFoundError(TRANSLATIONS / f"regdesk_{language}.qm")
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)  # Qt's own dialogs and buttons (OK, Cancel, colour dialog ...)
    if qt.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt)
        _installed.append(qt)
    return language


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def current_language() -> str:
    """The interface language now in use (the default for documents such as lists)."""
    return "de" if QLocale().language() == QLocale.Language.German else "en"
