"""The window's language: Qt's translators (ours and Qt's own zh_CN), chosen at start, changed from File > Language.

The window's strings go through `translate(context, text)` (QCoreApplication.translate, which
pyside6-lupdate finds) and come from `resources/i18n/cga_desk_<lang>.qm`, built by `make` from the
committed `.ts`. Qt's own dialog buttons (OK, Cancel, Yes, No) come from Qt's `qtbase_<lang>.qm`, shipped
in PySide6's `translations` folder. The words below the window (instruments, categories, reports) come from
`cga_desk.i18n`, told the same language here.

Which language: `--lang` when given, else the choice saved from File > Language, else the system locale
(QLocale.system(): LANG / LC_ALL on Linux, the display language on Windows). A change in File > Language
applies at the next start (the menu says so): every page is built once, and rebuilding them all with
their state is not worth the risk for a choice made once per installation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import i18n
from .window_state import settings

SETTING = "language"


def translate(context: str, text: str) -> str:
    """QCoreApplication.translate under a short name: the window's one way to a translated string."""
    return QCoreApplication.translate(context, text)


FSI, PDI = "\u2068", "\u2069"  # Unicode first-strong isolate ... pop directional isolate


def isolate(text: str) -> str:
    """A name set apart from the words around it (Unicode bidi isolates): an Arabic or Hebrew name stays
    one right-to-left run and the age or ID after it keeps its place ("PCL-1 · محمد علي · 82 years")."""
    return f"{FSI}{text}{PDI}" if text else text


def translation_notice() -> str:
    """Under every instrument in a language other than English: whose wording this is, and its version."""
    if i18n.language() == i18n.ENGLISH:
        return ""
    return translate(
        "language",
        "Instrument wording: a translation written for CGA Desk, not a validated translation of the instruments "
        "(version {version}). A clinic can replace it with its own validated translation.",
    ).format(version=i18n.wording_version())


def saved_language() -> str | None:
    value = settings().value(SETTING, "")
    return i18n.normalise(value) if isinstance(value, str) and value else None


def save_language(language: str) -> None:
    settings().setValue(SETTING, i18n.normalise(language))


def window_language(chosen: str | None = None) -> str:
    """--lang, else the saved choice, else CGA_DESK_LANG, else the system locale."""
    if chosen:
        return i18n.normalise(chosen)
    saved = saved_language()
    if saved:
        return saved
    import os

    if os.environ.get(i18n.LANG_ENV):
        return i18n.system_language()
    return i18n.normalise(QLocale.system().name())


def qm_folder() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "i18n"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our catalogue and Qt's own for `language` into `app`; English needs none. Returns the
    translators (kept referenced by the caller: a collected QTranslator stops translating)."""
    language = i18n.normalise(language)
    i18n.set_language(language)
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language == i18n.CHINESE
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    if language == i18n.ENGLISH:
        return []
    installed: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_folder), (f"cga_desk_{language}", str(qm_folder()))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def missing_catalogue(language: str) -> bool:
    """Whether our `.qm` for `language` is missing (a source tree where `make` has not built it)."""
    return (
        i18n.normalise(language) != i18n.ENGLISH
        and not (qm_folder() / f"cga_desk_{i18n.normalise(language)}.qm").exists()
    )
