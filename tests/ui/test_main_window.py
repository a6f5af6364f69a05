"""The whole window, keyboard only: the administrator first, then a nurse signs in, registers a patient,
records a visit and sees it listed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from cga_desk.app import open_store
from cga_desk.services.clinic import Clinic
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.patient_dialog import PatientDialog
from cga_desk.ui.wizard.questions import ASK
from tests.ui.conftest import PASSWORDS, TODAY
from tests.ui.conftest import when_modal as _when_modal
from tests.ui.test_accessibility import spoken_name


def _type(qtbot: QtBot, text: str = "", key: Qt.Key | None = None) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    if text:
        qtbot.keyClicks(target, text)
    if key is not None:
        qtbot.keyClick(target, key)


def test_new_user_registers_patient_and_records_visit_with_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_store(f"sqlite:///{tmp_path / 'e2e.sqlite3'}")
    clinic = Clinic(db, today=lambda: TODAY)
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # window shortcuts need an active window, as on a desktop
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    assert window.windowTitle() == "CGA Desk" and window.stack.currentWidget() is window.signin
    assert window.signin.title.text() == "Create the administrator"
    assert QApplication.focusWidget() is window.signin.user_name
    for text in ("admin", "Alex Admin", PASSWORDS["admin"], PASSWORDS["admin"]):
        _type(qtbot, text, Qt.Key.Key_Tab)
    qtbot.keyClick(window.signin.again, Qt.Key.Key_Return)
    assert clinic.user is not None and clinic.user.role == "admin"
    assert window.signin.demo.isVisible() and QApplication.focusWidget() is window.signin.load_demo
    window.signin.no_demo.click()
    assert window.stack.currentWidget() is window.patients
    assert not window.patients.new_button.isVisible() and not window.register_action.isVisible()  # an admin
    clinic.create_user("ada", "Ada Nurse", "nurse", PASSWORDS["ada"])
    window.sign_out()
    assert window.stack.currentWidget() is window.signin and window.signin.title.text() == "Sign in to CGA Desk"
    assert clinic.user is None and window.who.text() == "Not signed in"
    _type(qtbot, "ada", Qt.Key.Key_Tab)
    _type(qtbot, PASSWORDS["ada"], Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.patients and clinic.user.name == "ada"
    assert window.who.text() == "Signed in as Ada Nurse (ada, nurse)"

    seen: list[str] = []

    def register(dialog: QWidget) -> None:
        assert isinstance(dialog, PatientDialog)
        _type(qtbot, "PCL-777", Qt.Key.Key_Tab)
        _type(qtbot, "Anna Kowalska", Qt.Key.Key_Tab)
        _type(qtbot, "1950-13-01", Qt.Key.Key_Return)  # refused: names the field, keeps everything typed
        qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=3000)  # Enter animates the default button
        seen.append(dialog.error.text())
        assert QApplication.focusWidget() is dialog.birth and dialog.name.text() == "Anna Kowalska"
        qtbot.keyClick(dialog.birth, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        _type(qtbot, "1950-03-01", Qt.Key.Key_Return)

    _when_modal(qtbot, register)
    qtbot.keyClick(window.patients.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen and seen[0].startswith("Birth date:") and "not a date" in seen[0]
    assert window.stack.currentWidget() is window.patient and "PCL-777" in window.patient.title.text()

    assert window.patient.focusWidget() is window.patient.primary  # Enter starts the visit, as the page says
    qtbot.keyClick(window.patient.primary, Qt.Key.Key_Return)  # start the next due visit
    wizard = window.wizard
    assert window.stack.currentWidget() is wizard
    for ch in "1" + "111111" + "11111111" + "1" * 16 + "0":
        qtbot.keyClick(wizard, ch)
    while wizard.questions[wizard.index].step.endswith(ASK):  # optional instruments of the registry: not today
        qtbot.keyClick(wizard, "2")
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.patient
    visits = window.patient.model.rows
    assert len(visits) == 1 and visits[0].status == "complete" and visits[0].timepoint == "Baseline"
    assert visits[0].scores["imwg"] == {
        "score": 1,
        "category": "intermediate",  # 76 on 2026-11-24: age +1
        "points": {"age": 1, "cci": 0, "adl": 0, "iadl": 0},
    }
    db.close()


def test_duplicate_id_is_refused_in_the_dialog(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    dialog = PatientDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.study_id.setText("PCL-001")
    dialog.birth.setText("1950-01-01")
    dialog._on_save_clicked()
    assert dialog.result() == 0 and "already registered" in dialog.error.text()
    assert dialog.error.text().startswith("Study / record ID:")
    fields = [w for w in dialog.findChildren(QLineEdit) if w.isVisibleTo(dialog)]  # the reason: when editing
    assert len(fields) == 5 and all(spoken_name(w) for w in fields)  # each said by its label's words


def test_the_mrn_is_entered_in_the_dialog_and_shown_when_editing(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    dialog = PatientDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.study_id.setText("PCL-777")
    dialog.birth.setText("1950-01-01")
    dialog.mrn.setText("  H 0042 ")
    dialog._on_save_clicked()
    assert dialog.error.text() == "" and dialog.result_patient is not None
    assert dialog.result_patient.mrn == "H 0042"
    editing = PatientDialog(clinic, clinic.open_patient("PCL-777").patient)
    qtbot.addWidget(editing)
    assert editing.mrn.text() == "H 0042" and editing.mrn.objectName() == "patient.mrn"
