"""Languages: the one catalogue of the words outside the window (instrument wording, categories, messages,
report headings, codebook meanings), read from the same Qt Linguist `.ts` files the window's QTranslator uses.

- The window (ui/) translates with Qt: `QCoreApplication.translate(context, text)` / `self.tr(text)`, from
  the `.qm` files `make` builds with pyside6-lrelease (resources/i18n/*.qm, never committed).
- Every other layer (forms, services, reports, commands) calls `translate(context, text)` below. It reads
  the committed `.ts` sources themselves (XML, the standard library's parser): no Qt below the window, and
  the command line (`cga-desk report --lang zh_CN`) prints Chinese without loading Qt.
- Strings of the code are found by pyside6-lupdate (`make lupdate`: it recognises `translate("ctx", ...)`,
  `QT_TRANSLATE_NOOP("ctx", ...)` and `self.tr(...)`) and land in `cga_desk_<lang>.ts`; the instruments'
  wording is data of the registry and is listed by `scripts/i18n_instruments.py` in
  `instruments_<lang>.ts` (contexts = instrument codes: "katz", "lawton", ...).
- A clinic replaces the instrument wording with its own validated translation by dropping a `.ts` file
  (any name) into the translations folder (`translations_folder()`; CGA_DESK_TRANSLATIONS_DIR overrides);
  its entries win over the bundled ones, and its `Translation`/`version` entry names the wording
  recorded with every visit (`wording_version()`).

English is the source language: no catalogue, `translate` returns its text. Codes, stored answers,
documents and exports never pass through here (docs/clinical-rules.md 14).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import threading
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

ENGLISH, CHINESE = "en", "zh_CN"
LANGUAGES: tuple[str, ...] = (ENGLISH, CHINESE)
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "简体中文"}  # each in its own language (the File > Language menu)
LANG_ENV = "CGA_DESK_LANG"
TRANSLATIONS_DIR_ENV = "CGA_DESK_TRANSLATIONS_DIR"
VERSION_CONTEXT, VERSION_SOURCE = "Translation", "version"
ENGLISH_WORDING = "en/source"  # the wording version of the English source text
IMPORTED_WORDING = "imported"  # answers from an imported document: the wording they were given in is not known

_state = threading.local()
_default = [ENGLISH]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks `text` for the catalogue where it is defined (a constant); translated where shown, by `translate`."""
    return text


def normalise(language: str | None) -> str:
    """A locale name or language code -> one of LANGUAGES: 'zh_CN.UTF-8', 'zh-Hans', 'zh' -> 'zh_CN';
    anything else (C, POSIX, en_GB, de_DE, empty) -> 'en'."""
    name = (language or "").strip().split(".")[0].replace("-", "_").lower()
    return CHINESE if name.startswith("zh") else ENGLISH


def system_language() -> str:
    """The language of the environment (LC_ALL, LC_MESSAGES, LANG, as POSIX reads them), else English.
    CGA_DESK_LANG, when set, wins (scripts and tests)."""
    chosen = os.environ.get(LANG_ENV)
    if chosen:
        return normalise(chosen)
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return normalise(value)
    return ENGLISH


def set_language(language: str) -> None:
    """The language of this process from now on (the window at start, `--lang` of a command)."""
    _default[0] = normalise(language)


def language() -> str:
    return getattr(_state, "language", None) or _default[0]


class use_language:  # noqa: N801 - used like a function: `with use_language("zh_CN"):`
    """For the length of a `with` block in this thread: print one report in another language."""

    def __init__(self, language_: str) -> None:
        self.language = normalise(language_)

    def __enter__(self) -> str:
        self._before = getattr(_state, "language", None)
        _state.language = self.language
        return self.language

    def __exit__(self, *exc: object) -> None:
        _state.language = self._before


def translate(context: str, text: str) -> str:
    """`text` in the current language (the source text itself when there is no translation)."""
    lang = language()
    if lang == ENGLISH or not text:
        return text
    return catalogue(lang).get((context, text)) or text


def is_english() -> bool:
    return language() == ENGLISH


def is_chinese() -> bool:
    return language() == CHINESE


def translations_folder() -> Path:
    """Where a clinic drops its own `.ts` files (CGA_DESK_TRANSLATIONS_DIR, else `translations` in the
    user configuration folder: ~/.config/cga-desk/translations on Linux, %LOCALAPPDATA%\\cga-desk\\translations
    on Windows)."""
    chosen = os.environ.get(TRANSLATIONS_DIR_ENV)
    if chosen:
        return Path(chosen)
    from platformdirs import user_config_dir

    return Path(user_config_dir("cga-desk", appauthor=False)) / "translations"


def bundled_files(lang: str) -> list[Path]:
    """The package's `.ts` files for `lang` (resources/i18n/*_<lang>.ts)."""
    folder = resources.files("cga_desk").joinpath("resources", "i18n")
    with resources.as_file(folder) as path:
        return sorted(Path(path).glob(f"*_{lang}.ts"))


def clinic_files(lang: str) -> list[Path]:
    """The clinic's `.ts` files whose `language` attribute is `lang`, in name order (a later file wins)."""
    folder = translations_folder()
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.glob("*.ts")) if normalise(_ts_language(p)) == lang]


def _ts_language(path: Path) -> str:
    try:
        for _event, element in ET.iterparse(path, events=("start",)):
            return element.get("language", "")
    except (ET.ParseError, OSError):
        return ""
    return ""


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of one `.ts` file; unfinished and vanished entries left out."""
    entries: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            if (
                translation is None
                or source is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
            ):
                continue
            if translation.text:
                entries[(name, source)] = translation.text
    return entries


@functools.cache
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """Every translation of `lang`: the bundled files, then the clinic's files over them."""
    entries: dict[tuple[str, str], str] = {}
    for path in bundled_files(lang) + clinic_files(lang):
        entries.update(read_ts(path))
    return entries


def reload() -> None:
    """Forget the catalogues read so far (tests that drop a clinic file)."""
    catalogue.cache_clear()


def wording_version(lang: str | None = None) -> str:
    """The version of the instrument wording in use, stored with each visit: 'en/source' for English,
    else the `Translation`/`version` entry of the catalogue (a clinic's file names its own)."""
    lang = normalise(lang) if lang else language()
    if lang == ENGLISH:
        return ENGLISH_WORDING
    return catalogue(lang).get((VERSION_CONTEXT, VERSION_SOURCE)) or f"{lang}/unversioned"


def format_date(value: dt.date | None) -> str:
    """A date as the language writes it on screen and on reports: 2026-12-01 / 2026年12月1日.
    Documents and exports never use this: they stay ISO 8601."""
    if value is None:
        return ""
    if language() == CHINESE:
        return f"{value.year}年{value.month}月{value.day}日"
    return value.isoformat()


def contains_cjk(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\u3000" <= c <= "\u303f" for c in text)
