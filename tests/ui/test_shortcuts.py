"""Shortcuts are QActions (in menus, named in tooltips), never text in a label; the keys still work."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from cga_desk.forms import katz, lawton
from cga_desk.services.clinic import Clinic
from cga_desk.ui import report_preview, shortcuts
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.report_preview import ReportPreview

KEY_IN_TEXT = re.compile(r"\((?:Ctrl|Alt|Shift|Meta|Esc|Enter|Return|F\d{1,2})\b")


def _visit(clinic: Clinic) -> int:
    v = clinic.start_visit("PCL-001", date(2026, 3, 10), "Baseline", "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [])
    return v.id


def _active(qtbot: QtBot, window: QWidget) -> None:
    """Shortcuts work in the active window only; offscreen, a window is activated on request."""
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _labels(widget: QWidget) -> list[str]:
    texts = [b.text() for b in widget.findChildren(QAbstractButton)]
    return texts + [e.placeholderText() for e in widget.findChildren(QLineEdit)]


def test_no_label_names_a_key_and_every_shortcut_is_in_its_tooltip(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window.show_list()
    window.show_patient("PCL-001")
    window.show_visit(_visit(clinic))
    window.wizard.show_question(len(window.wizard.questions) - 1)  # the review step
    window.show_cohort()
    preview = ReportPreview("visit summary", clinic.report_pdf("visit", window.wizard.visit.id), "v.pdf", print)
    qtbot.addWidget(preview)
    assert [t for w in (window, preview) for t in _labels(w) if KEY_IN_TEXT.search(t)] == []
    keyed = [a for w in (window, preview) for a in w.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(keyed) >= 8
    for action in keyed:
        assert action.toolTip().endswith(f"({action.shortcut().toString()})"), action.text()
    assert window.patients.new_button.toolTip() == "Register patient… (Ctrl+N)"
    assert preview.save_button.toolTip() == "Save as PDF… (Ctrl+S)"


def test_the_window_actions_are_in_the_file_menu_with_their_keys(qtbot: QtBot, clinic: Clinic) -> None:
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    shown = {a.text(): a.shortcut().toString() for a in file_menu.actions() if not a.isSeparator()}
    assert shown["&Register patient…"] == "Ctrl+N" and shown["&Cohort view"] == "Ctrl+K"
    assert shown["&Find patient"] == "Ctrl+F" and shown["&Export analysis dataset…"] == "Ctrl+E"


def test_esc_goes_back_from_the_patient_page_and_closes_the_wizard(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    visit_id = _visit(clinic)
    _active(qtbot, window)
    window.show_list()
    window.show_visit(visit_id)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # the wizard: closed, the draft kept
    assert window.stack.currentWidget() is window.patient
    qtbot.keyClick(window.patient.table, Qt.Key.Key_Escape)  # from anywhere on the patient page
    assert window.stack.currentWidget() is window.patients
    qtbot.keyClick(window.patients.search, Qt.Key.Key_Escape)  # the list is not the patient page
    assert window.stack.currentWidget() is window.patients


def test_ctrl_s_and_ctrl_p_in_the_preview(
    qtbot: QtBot, clinic: Clinic, patient: str, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "v.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    printing: list[object] = []

    class NoPrinter:  # the print dialog, cancelled: what matters is that Ctrl+P opened it
        def __init__(self, printer: object, parent: object) -> None:
            printing.append(printer)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(report_preview, "QPrintDialog", NoPrinter)
    events: list[tuple[str, str]] = []
    preview = ReportPreview(
        "visit summary", clinic.report_pdf("visit", _visit(clinic)), "v.pdf", lambda *a: events.append(a)
    )
    qtbot.addWidget(preview)
    _active(qtbot, preview)
    qtbot.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.exists() and events == [("saved", str(target.resolve()))]
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(printing) == 1


def test_key_text_names_standard_keys_as_the_platform_does() -> None:
    assert shortcuts.key_text("Ctrl+N") == "Ctrl+N"
    assert shortcuts.with_key("&Print…", shortcuts.PRINT) == "Print… (Ctrl+P)"
    assert shortcuts.with_key("Quit", "") == "Quit"  # a platform without the key: no empty brackets
