"""What a screen reader says for each control is words, never the identifier the code finds it by
(issue 18 item 9): a button named "patient.start_next" was read "patient dot start underscore next"
instead of its text. Every page and every dialog of the window is walked in English and in Simplified
Chinese, and Qt's accessibility interface is asked for each widget's name: no name looks like an
identifier; a button says its own text and a form's field its label's words; in Chinese, the words given
to controls without text of their own are Chinese, not the English ones."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cga_desk import i18n
from cga_desk.app import open_store
from cga_desk.domain.records import PatientInput
from cga_desk.services.clinic import Clinic
from cga_desk.ui.language import install_translators, missing_catalogue
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.naming import named
from tests.ui.conftest import TODAY, add_accounts, sign_in_as
from tests.ui.dialog_walk import every_dialog, not_walked, problems_in_qt_dialogs
from tests.ui.test_accessibility import _part_of_a_control, _visit, spoken_name


def looks_like_identifier(name: str, widget: QWidget) -> bool:
    """ "patient.start_next", "katz.feeding.independent": a dot or an underscore in one run of letters
    without a space; or exactly the widget's objectName (a one-word identifier such as "notice")."""
    dotted = ("." in name or "_" in name) and not re.search(r"\s", name) and re.search(r"[A-Za-z]", name)
    return bool(dotted) or (bool(widget.objectName()) and name == widget.objectName())


def _words(text: str) -> str:
    """A text as a screen reader gets it from Qt: the mnemonic '&' taken out ('&&' is a real '&')."""
    return re.sub(r"&(.)", r"\1", text)


def _labelled(field: QWidget, label: QLabel) -> bool:
    """The field is said with its label's words. A combo box on Linux says its current choice as its
    name (Qt's AT-SPI convention) and is tied to its label by a "labelled by" relation instead."""
    if isinstance(field, QComboBox):
        face = QAccessible.queryAccessibleInterface(field)
        related = [other.object() for other, _ in face.relations(QAccessible.Relation.Label)]
        return label in related and field.accessibleName() in ("", _words(label.text()))
    return spoken_name(field) == _words(label.text())


def problems_in(root: QWidget, chinese: bool) -> list[str]:
    """What is wrong with the spoken names of `root` and everything shown with it."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue  # hidden for this user's role or this step: checked where it is shown
        where = f"{type(w).__name__} {w.objectName()!r} in {type(root).__name__}"
        said = spoken_name(w)
        if looks_like_identifier(said, w):
            found.append(f"{where}: says the identifier {said!r}")
        focusable = bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus) and not _part_of_a_control(w)
        if focusable and not said.strip():
            found.append(f"{where}: says nothing")
        if isinstance(w, QAbstractButton) and w.text() and said != _words(w.text()):
            found.append(f"{where}: says {said!r}, shows {w.text()!r}")
        if isinstance(w, QLabel) and isinstance(w.buddy(), QWidget) and w.text().strip():
            field = w.buddy()
            if not _labelled(field, w):
                found.append(
                    f"{type(field).__name__} {field.objectName()!r}: says {spoken_name(field)!r}, labelled {w.text()!r}"
                )
        if chinese and w.accessibleName() and not i18n.contains_cjk(w.accessibleName()):
            found.append(f"{where}: its words are not Chinese: {w.accessibleName()!r}")
    return found


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The window's translators for one test (the whole walk is built in that language), English after."""
    code = request.param
    assert not missing_catalogue(code), "resources/i18n/cga_desk_zh_CN.qm is missing: run `make translations`"
    translators = install_translators(qapp, code)
    assert code == "en" or translators
    try:
        yield code
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
        install_translators(qapp, "en")


def test_every_page_and_dialog_speaks_words_not_identifiers(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    chinese = language == "zh_CN"
    db = open_store(f"sqlite:///{tmp_path / 'words.sqlite3'}")
    clinic = Clinic(db, today=lambda: TODAY)
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    problems = problems_in(window.signin, chinese)  # creating the administrator
    add_accounts(clinic)
    sign_in_as(clinic, "bea")  # the physician: sign, amend and the trends' buttons are shown
    clinic.register_patient(
        PatientInput("PCL-001", date(1950, 1, 1), "Maria Rossi", "female", "primary_plasma_cell_leukemia")
    )
    baseline = _visit(clinic, "PCL-001", date(2026, 1, 5), "Baseline")
    clinic.sign_visits([baseline], "Frailty-trend-review")
    follow_up = _visit(clinic, "PCL-001", date(2026, 3, 5), "End of induction")
    draft = _visit(clinic, "PCL-001", date(2026, 6, 5), "Unscheduled", complete=False)
    window.signin.refresh()  # signing in
    problems += problems_in(window.signin, chinese)
    window.show_list()
    problems += problems_in(window.patients, chinese)
    window.show_patient("PCL-001")
    problems += problems_in(window.patient, chinese)
    window.patient.tabs.setCurrentIndex(1)  # the trends tab, built when first shown
    qtbot.waitUntil(lambda: window.patient.trends is not None and window.patient.trends.isVisible())
    problems += problems_in(window.patient, chinese)
    window.show_visit(draft)  # a follow-up: the last time's answers are shown
    for i in range(len(window.wizard.questions)):
        window.wizard.show_question(i)
        problems += problems_in(window.wizard, chinese)
    window.show_cohort()
    problems += problems_in(window.cohort, chinese)
    window.show_manual()
    assert window._manual is not None
    problems += problems_in(window._manual, chinese)
    window._manual.close()

    from cga_desk.ui.patient_dialog import PatientDialog
    from cga_desk.ui.schedules_dialog import SchedulesDialog

    clinic.register_patient(PatientInput("PCL-009", date(1951, 2, 2), "Maria Rossi"))
    clinic.mark_registered_in_error("PCL-009", "registered twice")  # the administrator's list shows it
    factories = every_dialog(clinic, "PCL-001", draft, follow_up, follow_up, TODAY)
    assert not_walked(factories) == set(), "add these dialogs to tests/ui/dialog_walk.py"
    problems += problems_in(PatientDialog(clinic, None), chinese)  # registering
    for user, make in factories.values():
        sign_in_as(clinic, user)
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        problems += problems_in(dialog, chinese)
        if isinstance(dialog, SchedulesDialog):  # a timepoint's fields, each in a cell of the table
            assert dialog.table.rowCount() > 0
            cell = dialog.table.cellWidget(0, 2)
            assert cell is not None and not looks_like_identifier(spoken_name(cell), cell)
            assert spoken_name(cell) != spoken_name(dialog.table.cellWidget(1, 2))  # the row is said
        dialog.hide()
    problems += problems_in_qt_dialogs(
        qtbot, window, clinic, "PCL-001", baseline, lambda dialog: problems_in(dialog, chinese)
    )
    assert problems == [], "\n".join(dict.fromkeys(problems))  # each once (the wizard repeats them)
    db.close()


def test_the_check_catches_an_identifier_a_button_override_and_english_words_in_chinese(qtbot: QtBot) -> None:
    """The walk above would fail on what main had before: a dotted name, a button whose name is not its
    text, a field whose name is not its label, and (in Chinese) English words."""
    from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QTableView

    page = QWidget()
    qtbot.addWidget(page)
    button = QPushButton("Start next visit", page)
    button.setAccessibleName("patient.start_next")
    table = QTableView(page)
    named(table, "patients.table", "Patients")
    form = QFormLayout(page)
    field = QLineEdit(page)
    field.setAccessibleName("Something else")
    form.addRow("Study ID", field)
    form.addRow(button)
    form.addRow(table)
    page.show()
    found = problems_in(page, chinese=False)
    assert any("says the identifier 'patient.start_next'" in p for p in found)
    assert any("shows 'Start next visit'" in p for p in found)
    assert any("labelled 'Study ID'" in p for p in found)
    assert not any("patients.table" in p for p in found)  # words in place: nothing said about the table
    assert any("not Chinese: 'Patients'" in p for p in problems_in(page, chinese=True))
    named(button, "patient.start_next")
    button.setAccessibleName("")
    field.setAccessibleName("")
    assert problems_in(page, chinese=False) == []  # the button says its text, the field its label
