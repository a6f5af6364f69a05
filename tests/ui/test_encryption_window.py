"""The window on an encrypted database (issue 15): the first run creates it encrypted and shows the recovery
key once (OK only after "kept" is ticked, Print's page holds the key); signing in unlocks it, a wrong
password leaves it locked with the usual words; "Forgot every administrator password?" recovers it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from cga_desk.app import open_store
from cga_desk.persistence.keys import key_file_of
from cga_desk.services import encryption
from cga_desk.services.clinic import Clinic
from cga_desk.services.users import WRONG
from cga_desk.services.vault import UnlockingStore, needs_unlocking
from cga_desk.ui.encryption_dialogs import RecoverDialog, RecoveryKeyDialog
from cga_desk.ui.main_window import MainWindow
from tests.ui.conftest import PASSWORDS, TODAY, when_modal

pytestmark = pytest.mark.usefixtures("encrypt_new")


def _window(qtbot: QtBot, clinic: Clinic) -> MainWindow:
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def _first_run(qtbot: QtBot, path: Path) -> tuple[UnlockingStore, MainWindow, str]:
    """The window's first run on a new file: create the administrator; the recovery key dialog is handled."""
    url = f"sqlite:///{path}"
    assert needs_unlocking(url)
    store = UnlockingStore(url, open_store)
    clinic = Clinic(store, today=lambda: TODAY)
    window = _window(qtbot, clinic)
    page = window.signin
    assert page.title.text() == "Create the administrator" and not page.recover.isVisible()
    page.user_name.setText("admin")
    page.full_name.setText("Alex Admin")
    page.password.setText(PASSWORDS["admin"])
    page.again.setText(PASSWORDS["admin"])
    seen: dict[str, object] = {}

    def acknowledge(dialog: QWidget) -> None:
        assert isinstance(dialog, RecoveryKeyDialog)
        seen["ok_before"] = dialog.ok.isEnabled()
        dialog.reject()  # Escape before "kept" is ticked: the key stays on the screen
        seen["open_after_escape"] = dialog.isVisible()
        seen["key"] = dialog.key_label.text()
        seen["page"] = dialog.page_text()
        dialog.kept.setChecked(True)
        dialog.ok.click()

    when_modal(qtbot, acknowledge)
    page.go.click()
    assert clinic.user is not None and clinic.user.name == "admin" and page.demo.isVisible()
    assert seen["ok_before"] is False and seen["open_after_escape"] is True
    key = str(seen["key"])
    assert key in str(seen["page"]) and str(path) in str(seen["page"])
    assert clinic.take_recovery_key() is None  # shown once: gone
    return store, window, key


def test_the_first_run_creates_an_encrypted_database_and_shows_its_recovery_key_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "clinic" / "cga.sqlite3"
    store, _window_, key = _first_run(qtbot, path)
    try:
        assert encryption.is_encrypted(path)
        assert encryption.recover(path, key).key == store.key  # the key shown opens this database
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            with sqlite3.connect(path) as conn:
                conn.execute("SELECT * FROM users").fetchall()
    finally:
        store.close()


def test_signing_in_unlocks_and_the_recovery_key_sets_a_new_administrator_password(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "clinic" / "cga.sqlite3"
    first, window, key = _first_run(qtbot, path)
    window.close()
    first.close()

    store = UnlockingStore(f"sqlite:///{path}", open_store)  # the next start: closed until someone signs in
    clinic = Clinic(store, today=lambda: TODAY)
    window = _window(qtbot, clinic)
    page = window.signin
    assert store.locked and page.title.text() == "Sign in to CGA Desk" and page.recover.isVisible()
    page.user_name.setText("admin")
    page.password.setText("Not-the-admin-password")
    page.go.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)  # unlocking runs off the window's thread
    assert store.locked and clinic.user is None and page.error.text() == WRONG
    page.user_name.setText("nobody")
    page.password.setText(PASSWORDS["admin"])
    page.go.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert store.locked and page.error.text() == WRONG  # the same words: who exists is not told
    page.user_name.setText("admin")
    page.password.setText(PASSWORDS["admin"])
    page.go.click()
    assert page.busy  # the window stays responsive while the database opens
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert not store.locked and clinic.user is not None and window.stack.currentWidget() is window.patients
    made = clinic.auto_backup(True).made  # File > Back up now: encrypted with the database's key
    assert made is not None and key_file_of(made).is_file()
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        with sqlite3.connect(made) as conn:
            conn.execute("SELECT count(*) FROM users").fetchone()
    assert clinic.restore(made).check.ok  # File > Restore: checked and swapped in with the same key
    window.close()
    store.close()

    store = UnlockingStore(f"sqlite:///{path}", open_store)  # every administrator password forgotten
    clinic = Clinic(store, today=lambda: TODAY)
    window = _window(qtbot, clinic)

    def recover(dialog: QWidget) -> None:
        assert isinstance(dialog, RecoverDialog)
        dialog.recovery_key.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
        dialog.user_name.setText("admin")
        dialog.new.setText("Spring-Tulips-After-Rain")
        dialog.again.setText("Spring-Tulips-After-Rain")
        dialog._on_ok_clicked()
        assert dialog.isVisible() and "recovery key does not open" in dialog.error.text()
        dialog.recovery_key.setText(key.lower().replace("-", " "))  # as typed from the paper
        dialog._on_ok_clicked()

    when_modal(qtbot, recover)
    window.signin.recover.click()
    assert clinic.user is not None and clinic.user.name == "admin" and window.stack.currentWidget() is window.patients
    window.close()
    store.close()
    assert encryption.unlock(path, "admin", "Spring-Tulips-After-Rain").key
    with pytest.raises(Exception, match="not right"):
        encryption.unlock(path, "admin", PASSWORDS["admin"])


def test_an_administrator_makes_a_new_recovery_key_from_the_menu(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File > Audit trail and backups > New recovery key… (an administrator, an encrypted database): after
    a confirmation that says what the old key still opens, the new key is shown once as on the first day
    (OK only once it is kept); it opens the database and the old one no longer does. No is a no."""
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "clinic" / "cga.sqlite3"
    store, window, old = _first_run(qtbot, path)
    try:
        window.signin.no_demo.click()  # the first run's last step: an empty database
        action = window.recovery_key_action
        assert action.isVisible() and action.isEnabled()
        asked: list[str] = []
        answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

        def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
            asked.append(text)
            return answers.pop(0)

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        before = key_file_of(path).read_bytes()
        action.trigger()  # No: nothing changes
        assert key_file_of(path).read_bytes() == before
        assert "no longer open it" in asked[0] and "backups made before now" in asked[0]
        seen: dict[str, str] = {}

        def keep(dialog: QWidget) -> None:
            assert isinstance(dialog, RecoveryKeyDialog)
            assert not dialog.ok.isEnabled()
            seen["key"] = dialog.key_label.text()
            seen["page"] = dialog.page_text()
            dialog.kept.setChecked(True)
            dialog.ok.click()

        when_modal(qtbot, keep)
        action.trigger()
        new = seen["key"]
        assert new != old and new in seen["page"] and str(path) in seen["page"]
        with pytest.raises(encryption.RecoveryKeyError):
            encryption.recover(path, old)
        assert encryption.recover(path, new).key == store.key
        clinic = window.clinic
        assert clinic is not None
        clinic.create_user("ada", "Ada Nurse", "nurse", PASSWORDS["ada"])
        window.sign_out()
        window.signin.user_name.setText("ada")
        window.signin.password.setText(PASSWORDS["ada"])
        window.signin.go.click()
        assert clinic.user is not None and clinic.user.name == "ada"
        assert not window.recovery_key_action.isVisible()  # a nurse's menu
    finally:
        store.close()
