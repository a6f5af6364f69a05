"""The catalogue: complete, in step with the code and the registry, placeholders kept, languages chosen."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cga_desk import i18n

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "src" / "cga_desk" / "resources" / "i18n"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            out.append((context.findtext("name") or "", message.findtext("source") or "", message.find("translation")))
    return out


@pytest.mark.parametrize("name", ["cga_desk_zh_CN.ts", "instruments_zh_CN.ts"])
def test_every_text_is_translated_and_keeps_its_placeholders(name: str) -> None:
    entries = messages(FOLDER / name)
    assert len(entries) > 300
    for context, source, translation in entries:
        assert translation is not None and translation.get("type") is None and translation.text, (context, source)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text)), (context, source)
        if (context, source) == (i18n.VERSION_CONTEXT, i18n.VERSION_SOURCE):
            continue  # the wording version: a name, not a sentence
        words = PLACEHOLDER.sub("", source)  # an English word left in a translation is a text not translated
        assert i18n.contains_cjk(translation.text) or not re.search(r"[a-z]{3,}", words) or source == translation.text


def test_instrument_catalogue_lists_every_text_of_the_registry() -> None:
    """scripts/i18n_instruments.py has been run since the registry's wording last changed."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from i18n_instruments import texts
    finally:
        sys.path.pop(0)
    listed = {(c, s) for c, s, _ in messages(FOLDER / "instruments_zh_CN.ts")}
    wanted = {(c, s) for c, sources in texts().items() for s in sources}
    assert wanted == listed, "run `make lupdate`: " + repr(sorted(wanted ^ listed)[:5])


def test_code_catalogue_is_in_step_with_the_code(tmp_path: Path) -> None:
    """pyside6-lupdate finds no string the committed .ts lacks (a new tr() without its translation)."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate (PySide6-Essentials) is missing from the environment"
    fresh = tmp_path / "fresh.ts"
    proc = subprocess.run(
        [lupdate, "-extensions", "py", "-locations", "none", str(ROOT / "src" / "cga_desk"), "-ts", str(fresh)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    found = {(c, s) for c, s, _ in messages(fresh)}
    committed = {(c, s) for c, s, _ in messages(FOLDER / "cga_desk_zh_CN.ts")}
    assert found <= committed, "run `make lupdate` and translate: " + repr(sorted(found - committed)[:5])


@pytest.mark.parametrize(
    ("given", "expected"),
    [("zh_CN.UTF-8", "zh_CN"), ("zh-Hans", "zh_CN"), ("zh", "zh_CN"), ("en_GB.UTF-8", "en"), ("C", "en"), ("", "en")],
)
def test_locale_names_become_a_language(given: str, expected: str) -> None:
    assert i18n.normalise(given) == expected


def test_system_language_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.system_language() == "zh_CN"
    monkeypatch.setenv(i18n.LANG_ENV, "en")
    assert i18n.system_language() == "en"


def test_english_is_the_source_and_unknown_text_passes_through() -> None:
    with i18n.use_language("en"):
        assert i18n.translate("katz", "Bathing") == "Bathing"
    with i18n.use_language("zh_CN"):
        assert i18n.translate("katz", "Bathing") == "洗澡"
        assert i18n.translate("katz", "a clinic's own words") == "a clinic's own words"
        assert i18n.wording_version() == i18n.wording_version("zh_CN") != i18n.ENGLISH_WORDING
    assert i18n.language() == "en"  # use_language is for the block only


def test_imwg_categories_in_the_terms_of_the_clinic() -> None:
    """docs/clinical-decisions.md: fit 健壮, intermediate 中等健壮, frail 衰弱."""
    from cga_desk.forms import messages as m

    with i18n.use_language("zh_CN"):
        assert [m.category_words(c) for c in ("fit", "intermediate", "frail", None)] == [
            "健壮",
            "中等健壮",
            "衰弱",
            "未完成",
        ]
        assert m.category_transition(("fit", "frail")) == "健壮 → 衰弱"
