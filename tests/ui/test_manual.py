"""The user manual (F1): bundled HTML in both languages, its keyboard table made from the one the
window's actions are checked against, readable with or without the pictures of `make screenshots`."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from cga_desk.services.clinic import Clinic
from cga_desk.ui import manual, shortcuts
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.manual import ManualWindow
from cga_desk.ui.report_preview import ReportPreview

SECTIONS = ("start", "find", "visit", "review", "printing", "cohort", "export", "backup", "keyboard")


def _bound_keys(*widgets: object) -> set[str]:
    keys: set[str] = set()
    for w in widgets:
        for action in w.findChildren(QAction):  # type: ignore[attr-defined]
            keys |= {k.toString() for k in action.shortcuts() if not k.isEmpty()}
    return keys


def test_the_keyboard_table_lists_exactly_the_keys_the_window_binds(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    """Every key an action of the window, its pages, the preview or the manual answers is in the manual's
    table, and every key the table lists is bound: the manual cannot drift from the program."""
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    v = clinic.start_visit(patient, date(2026, 3, 10), "Baseline", "patient")
    window.show_patient(patient)
    window.show_visit(v.id)
    window.show_cohort()
    preview = ReportPreview("visit", clinic.report_pdf("visit", v.id), "v.pdf", print)
    book = ManualWindow()
    for w in (preview, book):
        qtbot.addWidget(w)
    bound = _bound_keys(window, preview, book)
    listed = shortcuts.listed_keys()
    assert bound - listed == set(), "keys bound but not in shortcuts.TABLE (the manual's table)"
    assert listed - bound == set(), "keys in shortcuts.TABLE that nothing binds"
    assert {"F1", "Ctrl+F", "Ctrl+P", "Ctrl+1", "Ctrl+9", "Ctrl+Tab"} <= bound


def test_the_manual_shows_the_table_and_every_section(qtbot: QtBot) -> None:
    book = ManualWindow()
    qtbot.addWidget(book)
    text = book.browser.toPlainText()
    for where, keys, what in shortcuts.table_rows():
        assert where in text and keys in text and what in text
    html = manual.manual_html("en")
    for section in SECTIONS:
        assert f'id="{section}"' in html
    assert "Ctrl+1 … Ctrl+9" in text and "F1" in text


def test_the_chinese_manual_has_the_same_sections_in_chinese() -> None:
    en = manual.manual_file("en").read_text(encoding="utf-8")
    zh = manual.manual_file("zh_CN").read_text(encoding="utf-8")
    anchors = re.compile(r'<h2 id="([a-z]+)"')
    assert anchors.findall(zh) == anchors.findall(en) == list(SECTIONS)
    headings = re.findall(r"</a>([^<]+)</h2>", zh)
    assert len(headings) == len(SECTIONS) and all(re.search(r"[\u4e00-\u9fff]", h) for h in headings)
    assert manual.KEYBOARD_MARK in zh and manual.KEYBOARD_MARK in en
    pictures = re.compile(r'<img src="([^"]+)"')
    assert [p.replace("-zh_CN", "") for p in pictures.findall(zh)] == pictures.findall(en)


def test_the_manual_reads_without_its_pictures_and_shows_them_when_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(manual, "PICTURE_DIRS", (tmp_path / "none",))
    bare = manual.manual_html("en")
    assert "<img" not in bare and bare.count("make screenshots") == manual.manual_file("en").read_text().count("<img")
    assert "[Picture: the patient list." in bare
    made = tmp_path / "made"
    made.mkdir()
    from PySide6.QtGui import QImage

    QImage(8, 8, QImage.Format.Format_RGB32).save(str(made / "patient-list.png"))
    monkeypatch.setattr(manual, "PICTURE_DIRS", (tmp_path / "none", made))
    shown = manual.manual_html("en")
    assert shown.count("<img") == 1 and (made / "patient-list.png").as_uri() in shown


def test_the_package_ships_the_manual() -> None:
    import tomllib

    root = Path(__file__).resolve().parents[2]
    data = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["cga_desk"]
    assert "resources/manual/*.html" in data and "resources/manual/images/*.png" in data
    for language in ("en", "zh_CN"):
        assert (manual.MANUAL_DIR / f"manual.{language}.html").is_file()


def test_key_text_for_a_run_of_keys() -> None:
    entry = next(e for e in shortcuts.TABLE if e.keys == shortcuts.TABS)
    assert shortcuts.keys_text(entry) == "Ctrl+1 … Ctrl+9"
    assert QKeySequence(shortcuts.MANUAL).toString() == "F1"
