"""Every interactive control has an accessible name; category colour always comes with words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from cga_desk.app import open_store
from cga_desk.domain.records import PatientInput
from cga_desk.forms.messages import category_words
from cga_desk.services.clinic import Clinic
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.style import category_text
from tests.ui.conftest import TODAY, add_accounts, sign_in_as

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox)


def _inside_control(w: QWidget, page: QWidget) -> bool:
    """Qt's own parts of a control (a combo box's popup list, a table's headers) are named by the control."""
    parent = w.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, INTERACTIVE):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(page: QWidget) -> list[str]:
    missing = []
    for w in page.findChildren(QWidget):
        if (
            isinstance(w, INTERACTIVE)
            and not _inside_control(w, page)
            and not w.accessibleName()
            and not (isinstance(w, QAbstractButton) and w.text())
        ):
            missing.append(f"{type(w).__name__} {w.objectName()!r} in {type(page).__name__}")
    return missing


def test_every_control_on_every_page_is_named(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_store(f"sqlite:///{tmp_path / 'a11y.sqlite3'}")
    clinic = Clinic(db, today=lambda: TODAY)
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    problems = unnamed(window.signin)  # creating the administrator
    add_accounts(clinic)
    sign_in_as(clinic, "ada")
    clinic.register_patient(PatientInput("P-1", date(1950, 1, 1)))
    visit = clinic.start_visit("P-1", date(2026, 1, 5), "Baseline")
    window.show_list()
    window.show_patient("P-1")
    window.show_visit(visit.id)
    for i in range(len(window.wizard.questions)):
        window.wizard.show_question(i)
        problems += unnamed(window.wizard)
    from cga_desk.ui.accounts import AddUserDialog, SecuritySettingsDialog, UsersDialog
    from cga_desk.ui.lock import LockScreen
    from cga_desk.ui.signin import ChangePasswordDialog
    from cga_desk.ui.signoff import SignDialog

    window.signin.refresh()  # signing in
    problems += unnamed(window.signin)
    for page in (window.signin, window.patients, window.patient, LockScreen(clinic), ChangePasswordDialog(clinic)):
        problems += unnamed(page)
    sign_in_as(clinic, "bea")
    problems += unnamed(SignDialog(clinic, clinic.visits("P-1")))
    sign_in_as(clinic, "admin")
    for dialog in (UsersDialog(clinic), AddUserDialog(clinic), SecuritySettingsDialog(clinic)):
        problems += unnamed(dialog)
    assert problems == []
    db.close()


def test_category_is_never_colour_alone() -> None:
    for category in ("fit", "intermediate", "frail", None):
        assert category_text(category) == category_words(category) and category_text(category)
