"""Signing in, the idle lock and electronic signatures in the real window (real widgets, real SQLite):
the administrator first on an empty database and the demo offer, lock-out with the same words, the idle
lock keeping a draft, another user at the lock, roles in the menus, one-time passwords, signatures that
turn invalid when the database is edited behind the program's back."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from cga_desk.app import open_store
from cga_desk.domain.records import ADMIN, User
from cga_desk.forms import katz, lawton
from cga_desk.services import audit
from cga_desk.services.clinic import Clinic
from cga_desk.services.signatures import INVALID
from cga_desk.services.users import WRONG
from cga_desk.ui.accounts import SecuritySettingsDialog, UsersDialog
from cga_desk.ui.lock import Cover
from cga_desk.ui.main_window import DEMO_BANNER, MainWindow
from cga_desk.ui.patient_dialog import PatientDialog
from cga_desk.ui.patient_page import PatientPage
from cga_desk.ui.signin import ChangePasswordDialog
from cga_desk.ui.signoff import SignDialog
from cga_desk.ui.style import alert_colour
from tests.store_fixtures import drop_signed_visit_guards
from tests.ui.conftest import PASSWORDS, TODAY, sign_in_as, when_modal


def _window(qtbot: QtBot, clinic: Clinic) -> MainWindow:
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # offscreen, windows are activated only on request
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def _complete_visit(clinic: Clinic, day: date = date(2026, 3, 10), timepoint: str = "Baseline") -> int:
    v = clinic.start_visit("PCL-001", day, timepoint, "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [])
    clinic.complete_visit(v.id)
    return v.id


def _events(clinic: Clinic) -> list[tuple[str, str, str]]:
    with clinic.store.unit_of_work(write=False) as uow:
        return [(e.user_name, e.action, e.reason or "") for e in audit.full_trail(uow, User("admin", ADMIN))]


def test_an_empty_database_creates_the_administrator_then_offers_demo_data(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_store(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    clinic = Clinic(db, today=lambda: TODAY)
    window = _window(qtbot, clinic)
    page = window.signin
    assert page.title.text() == "Create the administrator" and not page.demo.isVisible()
    assert page.full_name.isVisible() and page.again.isVisible() and not window.demo_banner.isVisible()
    page.user_name.setText("admin")
    page.full_name.setText("Alex Admin")
    page.password.setText(PASSWORDS["admin"])
    page.again.setText(PASSWORDS["admin"] + "!")
    page.go.click()
    assert clinic.user is None and "two passwords differ" in page.error.text()
    page.password.setText("admin12345")  # contains the user name: the service's rule, in its words
    page.again.setText("admin12345")
    page.go.click()
    assert clinic.user is None and "must not contain the user name" in page.error.text()
    page.password.setText(PASSWORDS["admin"])
    page.again.setText(PASSWORDS["admin"])
    page.go.click()
    assert clinic.user is not None and clinic.user.role == "admin" and page.demo.isVisible()  # the offer
    shown: list[str] = []
    monkeypatch.setattr("cga_desk.ui.accounts.show_secret", lambda parent, title, text: shown.append(text))
    page.load_demo.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.patients, timeout=120_000)
    assert (
        window.demo_banner.isVisible()
        and window.demo_banner.text() == DEMO_BANNER == "DEMO DATA — not a patient record"
    )
    assert len(shown) == 1 and "shown only this once" in shown[0]
    found = re.search(r"demo\.physician:\s+(\S+)", shown[0])
    assert found is not None
    window.sign_out()
    assert window.stack.currentWidget() is window.signin and window.demo_banner.isVisible()
    page.user_name.setText("demo.physician")
    page.password.setText(found.group(1))
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert window.who.text() == "Signed in as Dr Demo Physician (demo.physician, physician)"
    assert window.stack.currentWidget() is window.patients and window.export_action.isVisible()
    db.close()


def test_five_wrong_passwords_lock_the_account_and_every_refusal_has_the_same_words(
    qtbot: QtBot, clinic: Clinic
) -> None:
    clinic.sign_out()
    window = _window(qtbot, clinic)
    page = window.signin
    assert page.title.text() == "Sign in to CGA Desk" and not page.full_name.isVisible()
    assert QApplication.focusWidget() is page.user_name  # no list of names: the user types theirs
    said = []
    for name, password in [("ada", "not the password")] * 5 + [("ada", PASSWORDS["ada"]), ("nobody", "whatever!!")]:
        page.user_name.setText(name)
        page.password.setText(password)
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
        said.append(page.error.text())
        assert clinic.user is None and window.stack.currentWidget() is page and page.password.text() == ""
    assert set(said) == {WRONG}  # locked after five, and never whether the name exists
    sign_in_as(clinic, "admin")
    users = UsersDialog(clinic)
    qtbot.addWidget(users)
    states = {a.name: users.table.item(r, 3).text() for r, a in enumerate(users.accounts)}
    assert states["ada"].startswith("locked until") and states["bea"] == "active"
    users.select("ada")
    users.unlock.click()
    assert users.table.item([a.name for a in users.accounts].index("ada"), 3).text() == "active"
    window.sign_out()
    page.user_name.setText("ada")
    page.password.setText(PASSWORDS["ada"])
    page.go.click()
    assert window.stack.currentWidget() is window.patients and clinic.user is not None


def _open_draft(qtbot: QtBot, window: MainWindow) -> None:
    window.show_patient("PCL-001")
    window.patient.primary.click()  # start the due visit: a draft
    for ch in "111":
        qtbot.keyClick(window.wizard, ch)


def test_idle_lock_covers_everything_and_unlocks_back_to_the_wizard_draft(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    window = _window(qtbot, clinic)
    _open_draft(qtbot, window)
    wizard = window.wizard
    where = (wizard.visit.id, wizard.index, wizard.title.text())
    dialog = PatientDialog(clinic, None, window)  # a half-filled dialog stays open through the lock
    dialog.open()
    dialog.name.setText("Typed before the lock")
    window.idle_ms = 150  # the clinic's setting is in minutes; a test cannot wait that long
    window._start_idle_timer()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    lock = window.lock_screen
    assert lock is not None and lock.isVisible() and lock.title.text() == "Locked — Nurse Ada"
    assert window.stack.currentWidget() is window.locked_page  # no patient data behind the prompt
    assert any(c.isVisible() for c in dialog.findChildren(Cover))
    assert not window.show_list() and window.stack.currentWidget() is window.locked_page  # menus do nothing
    late = QMessageBox(QMessageBox.Icon.Information, "Done", "Work in the background has ended", parent=window)
    late.open()  # a window that opens by itself while locked is covered, and the lock comes back on top
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is lock, timeout=3000)
    assert any(c.isVisible() for c in late.findChildren(Cover))
    lock.password.setText("not my password")
    lock.go.click()
    assert lock.error.text() == WRONG and window.locked
    lock.password.setText(PASSWORDS["ada"])
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert not window.locked and window.stack.currentWidget() is wizard
    assert (wizard.visit.id, wizard.index, wizard.title.text()) == where
    assert dialog.isVisible() and dialog.name.text() == "Typed before the lock" and not dialog.findChildren(Cover)
    assert late.isVisible() and not late.findChildren(Cover)
    late.close()
    assert window.idle is not None and window.idle.timer.isActive()  # counting again
    actions = [(user, action) for user, action, _ in _events(clinic)]
    assert ("ada", "screen_locked") in actions and ("ada", "screen_unlocked") in actions
    dialog.reject()


def test_another_user_signs_in_at_the_lock_and_the_first_users_draft_stays_theirs(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    window = _window(qtbot, clinic)
    _open_draft(qtbot, window)
    draft_id = window.wizard.visit.id
    dialog = PatientDialog(clinic, None, window)
    dialog.open()
    window.lock()
    lock = window.lock_screen
    assert lock is not None
    lock.other.click()
    assert lock.title.text() == "Sign in as someone else" and lock.user_name.isVisible()
    lock.user_name.setText("bea")
    lock.password.setText("not her password")
    lock.go.click()
    assert lock.error.text() == WRONG and clinic.user.name == "ada" and window.locked
    lock.user_name.setText("bea")
    lock.password.setText(PASSWORDS["bea"])
    lock.go.click()
    assert not window.locked and clinic.user.name == "bea"
    assert window.stack.currentWidget() is window.patients and not dialog.isVisible()  # discarded
    assert window.who.text() == "Signed in as Dr Bea (bea, physician)"
    draft = clinic.visit(draft_id)
    assert draft.status == "draft" and draft.assessor == "ada"
    events = _events(clinic)
    assert ("ada", "sign_out", "another user signed in at the locked screen") in events
    assert ("bea", "sign_in", "") in [(u, a, r) for u, a, r in events]


def test_roles_decide_what_the_window_offers(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _complete_visit(clinic)
    window = _window(qtbot, clinic)
    window.show_patient("PCL-001")
    page = window.patient
    page.tabs.setCurrentIndex(1)  # the trends tab: trend review is the physician's
    offered = lambda: {  # noqa: E731
        "register": window.register_action.isVisible(),
        "export": window.export_action.isVisible(),
        "users": window.users_action.isVisible(),
        "security": window.security_action.isVisible(),
        "start": not page.primary.isHidden(),
        "sign": not page.sign_button.isHidden(),
        "amend": not page.amend_button.isHidden(),
        "print": not page.summary_button.isHidden(),
        "review": page.trends is not None and not page.trends.review.isHidden(),
    }
    nurse = offered()
    assert nurse == dict(
        register=True,
        export=False,
        users=False,
        security=False,
        start=True,
        sign=False,
        amend=False,
        print=True,
        review=False,
    )
    for name, role in (("bea", "physician"), ("admin", "admin")):
        window.sign_out()
        window.sign_in(name, PASSWORDS[name])
        assert window.who.text().endswith(f"({name}, {role})")
        window.show_patient("PCL-001")
        if role == "physician":
            assert offered() == {**nurse, "export": True, "sign": True, "amend": True, "review": True}
        else:
            assert offered() == dict(
                register=False,
                export=True,
                users=True,
                security=True,
                start=False,
                sign=False,
                amend=False,
                print=False,
                review=False,
            )


def test_a_reset_password_is_replaced_at_the_next_sign_in(
    qtbot: QtBot, clinic: Clinic, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in_as(clinic, "admin")
    users = UsersDialog(clinic)
    qtbot.addWidget(users)
    shown: list[str] = []
    monkeypatch.setattr("cga_desk.ui.accounts.show_secret", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    users.select("ada")
    users.reset.click()
    one_time = re.search(r"is:\s+(\S+)", shown[0])
    assert one_time is not None and "shown only this once" in shown[0]
    states = {a.name: users.table.item(r, 3).text() for r, a in enumerate(users.accounts)}
    assert states["ada"] == "must choose a new password"
    clinic.sign_out()
    window = _window(qtbot, clinic)
    said: list[str] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ChangePasswordDialog)
        dialog.current.setText(one_time.group(1))
        dialog.new.setText("My-own-password-now")
        dialog.again.setText("My-own-password-no")
        dialog._on_ok_clicked()
        said.append(dialog.error.text())
        dialog.again.setText("My-own-password-now")
        dialog._on_ok_clicked()

    when_modal(qtbot, choose)
    window.sign_in("ada", one_time.group(1))
    assert said and "differ" in said[0]
    assert window.stack.currentWidget() is window.patients and not clinic.must_change_password
    window.sign_out()
    window.sign_in("ada", "My-own-password-now")
    assert clinic.user is not None and clinic.user.name == "ada"


def test_an_administrator_adds_and_deactivates_users_and_sets_security(
    qtbot: QtBot, clinic: Clinic, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cga_desk.ui.accounts import AddUserDialog

    sign_in_as(clinic, "admin")
    users = UsersDialog(clinic)
    qtbot.addWidget(users)
    add = AddUserDialog(clinic, users)
    add.user_name.setText("liwei")
    add.full_name.setText("Dr Li Wei")
    add.role.setCurrentText("physician")
    add.password.setText("password")  # too short, and common
    add.again.setText("password")
    add._on_ok_clicked()
    assert "at least 10 characters" in add.error.text()
    add.password.setText("Tumour-board-Tuesday")
    add.again.setText("Tumour-board-Tuesday")
    add._on_ok_clicked()
    assert add.result() == 1
    users.refresh()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    users.select("liwei")
    users.deactivate.click()
    assert {a.name: a.active for a in clinic.accounts()}["liwei"] is False
    settings = SecuritySettingsDialog(clinic)
    qtbot.addWidget(settings)
    assert settings.idle.value() == 10 and settings.meanings.toPlainText().splitlines()[0] == "Reviewed and approved"
    settings.idle.setValue(3)
    settings.meanings.setPlainText("Approved for the trial record\nReviewed")
    settings._on_ok_clicked()
    assert settings.result() == 1 and clinic.security_settings().idle_minutes == 3
    assert clinic.signature_meanings() == ["Approved for the trial record", "Reviewed"]


def test_a_visit_edited_behind_the_programs_back_shows_signature_invalid(
    qtbot: QtBot, clinic: Clinic, patient: str, tmp_path: Path
) -> None:
    visit_id = _complete_visit(clinic)
    sign_in_as(clinic, "bea")
    dialog = SignDialog(clinic, [clinic.visit(visit_id)])
    qtbot.addWidget(dialog)
    dialog.password.setText(PASSWORDS["bea"])
    dialog._on_ok_clicked()
    assert dialog.result() == 1 and clinic.visit(visit_id).status == "signed"
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.show_patient("PCL-001")
    assert "Electronically signed by Dr Bea (bea) on " in page.signature.text()
    assert page.signature.text().endswith("— Reviewed and approved") and INVALID not in page.signature.text()
    with clinic.store.engine.begin() as con:  # someone edits the database directly, its guard dropped first
        drop_signed_visit_guards(con)
        con.execute(
            text(
                "UPDATE visit_instruments SET answers = json_set(answers, '$.bathing', 'dependent') "
                "WHERE visit_id = :v AND instrument = 'katz'"
            ),
            {"v": visit_id},
        )
    page.show_patient("PCL-001")
    assert page.signature.text().endswith(f"— {INVALID}") and alert_colour().name() in page.signature.styleSheet()
    column = [c.title for c in page.model.columns].index("Signature")
    cell = page.model.index(0, column)
    assert INVALID in cell.data() and cell.data(Qt.ItemDataRole.ForegroundRole).name() == alert_colour().name()
    page.tabs.setCurrentIndex(1)  # the trends tab's selected visit
    assert page.trends is not None and page.trends.signature.text().endswith(INVALID)
    assert alert_colour().name() in page.trends.signature.styleSheet()  # the palette's readable red there too
    said: list[str] = []
    when_modal(qtbot, lambda box: (said.append(box.text()), box.close()))  # type: ignore[attr-defined]
    window = MainWindow(clinic, "test")  # signed in: the audit check at sign-in names the edited visit
    qtbot.addWidget(window)
    assert len(said) == 1 and f"signed visit {visit_id} (PCL-001 " in said[0] and INVALID in said[0]
    window.show_visit(visit_id)  # the wizard opens a signed visit on its review
    assert window.wizard.review.signature.text().endswith(INVALID)


def test_a_database_from_before_passwords_asks_an_administrator_to_set_theirs(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cga_desk.persistence.tables import User as UserRow

    db = open_store(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    with db.unit_of_work() as uow:  # as an upgrade leaves them: users, none with a password
        uow.users.add(UserRow(name="chief", role="admin", full_name=None, active=True))
        uow.users.add(UserRow(name="ward.nurse", role="nurse", full_name="Ward Nurse", active=True))
        uow.commit()
    clinic = Clinic(db, today=lambda: TODAY)
    window = _window(qtbot, clinic)
    page = window.signin
    assert page.title.text() == "Set the administrator's password" and "one-time password" in page.intro.text()
    page.user_name.setText("ward.nurse")  # not an administrator: refused in the service's words
    page.full_name.setText("Ward Nurse")
    page.password.setText("Night-shift-handover")
    page.again.setText("Night-shift-handover")
    page.go.click()
    assert clinic.user is None and "not an administrator" in page.error.text()
    page.user_name.setText("chief")
    page.full_name.setText("Dr Chief Admin")
    page.password.setText(PASSWORDS["admin"])
    page.again.setText(PASSWORDS["admin"])
    page.go.click()
    assert window.stack.currentWidget() is window.patients and window.users_action.isVisible()
    users = UsersDialog(clinic)
    qtbot.addWidget(users)
    states = {a.name: users.table.item(r, 3).text() for r, a in enumerate(users.accounts)}
    assert states["ward.nurse"].startswith("no password yet")
    db.close()
