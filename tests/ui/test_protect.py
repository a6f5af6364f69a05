"""The window's side of issue 15: a tampered audit trail is said plainly at sign-in; automatic backups at
sign-in and on close; an administrator restores from File > Audit trail and backups."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from cga_desk.domain.records import PatientInput
from cga_desk.services import backup
from cga_desk.services.clinic import Clinic
from cga_desk.ui import protect_actions
from cga_desk.ui.main_window import MainWindow
from tests.ui.conftest import PASSWORDS


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every message box shown (none is left open: tests do not click)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    for kind in ("information", "critical", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a, **k: shown.append(text) or 0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def _db_file(clinic: Clinic) -> Path:
    path = clinic.database_file()
    assert path is not None
    return path


def _window(qtbot: QtBot, clinic: Clinic) -> MainWindow:
    """The window on its sign-in page (the fixture's nurse signed out first)."""
    clinic.sign_out()
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    return window


def _sign_in(window: MainWindow, name: str) -> None:
    """Sign in through the window's own path (a user already signed in signs out first)."""
    if window.clinic is not None and window.clinic.user is not None:
        window.sign_out()
    window.sign_in(name, PASSWORDS[name])
    assert window.who.text().endswith(f"({name}, {'admin' if name == 'admin' else 'nurse'})")


def test_a_tampered_trail_is_said_plainly_at_sign_in(
    qtbot: QtBot, clinic: Clinic, patient: str, said: list[str]
) -> None:
    with sqlite3.connect(_db_file(clinic)) as conn:
        conn.execute("DROP TRIGGER audit_events_no_update")
        conn.execute("UPDATE audit_events SET user_name = 'Impostor' WHERE id = (SELECT max(id) - 1 FROM audit_events)")
    window = _window(qtbot, clinic)
    assert said == []  # nothing checked on the sign-in page
    _sign_in(window, "ada")
    assert len(said) == 1 and said[0].startswith("The audit trail has been changed outside CGA Desk")
    assert ": changed (" in said[0]


def test_an_intact_trail_says_nothing(qtbot: QtBot, clinic: Clinic, patient: str, said: list[str]) -> None:
    _sign_in(_window(qtbot, clinic), "ada")
    assert said == []


def _trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, f"action.{name}")
    assert action is not None
    action.trigger()


def test_backups_at_sign_in_and_on_close_then_an_admin_restores(
    qtbot: QtBot, clinic: Clinic, patient: str, said: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _db_file(clinic).parent / "backups"
    window = _window(qtbot, clinic)
    window.auto_backups = True
    _sign_in(window, "ada")
    qtbot.waitUntil(lambda: len(backup.automatic_backups(folder)) == 1, timeout=10_000)
    _trigger(window, "restore")
    assert said[-1] == "Only an administrator can restore the database."

    first = next(iter(backup.automatic_backups(folder).values()))
    clinic.register_patient(PatientInput("LATER-1", date(1950, 1, 1), "Later"))  # undone by the restore
    _sign_in(window, "admin")  # a second sign-in the same day: no second automatic backup
    monkeypatch.setattr(protect_actions.QFileDialog, "getOpenFileName", lambda *a, **k: (str(first), ""))
    _trigger(window, "restore")
    qtbot.waitUntil(lambda: any("Restored from" in s for s in said), timeout=10_000)
    assert "CGA Desk will now close" in said[-1] and not window.isVisible()
    assert [r.study_id for r in clinic.patient_rows()] == [patient]
    assert any(".replaced-" in p.name for p in _db_file(clinic).parent.iterdir())
    assert clinic.check_audit().ok
    (closing,) = backup.automatic_backups(folder).values()  # made on close; the day keeps its newest only
    assert closing != first and backup.check_backup(closing).ok


def test_an_admin_reads_the_trail_a_page_at_a_time(qtbot: QtBot, clinic: Clinic, patient: str, said: list[str]) -> None:
    from cga_desk.ui import audit_viewer

    window = _window(qtbot, clinic)
    _sign_in(window, "ada")
    _trigger(window, "audit_trail")
    assert said[-1] == "Only an administrator can read the audit trail."
    _sign_in(window, "admin")
    viewer = audit_viewer.AuditViewer(clinic, window)
    qtbot.addWidget(viewer)
    everything = viewer.model.rowCount()
    assert everything == len(clinic.audit_page(audit_viewer.AuditFilter(), 0, 10_000)) > 5
    viewer.edits["action"].setText("register")
    viewer.apply()
    texts = [viewer.model.data(viewer.model.index(r, 2)) for r in range(viewer.model.rowCount())]
    assert texts and set(texts) == {"register"}
    viewer.edits["since"].setText("not a date")
    viewer.apply()
    assert "not a date" in said[-1]


def test_the_viewer_fetches_on_demand(qtbot: QtBot) -> None:
    from cga_desk.ui.audit_viewer import PAGE, AuditModel

    calls: list[int] = []

    def fetch(after: int, limit: int) -> list[tuple]:
        calls.append(after)
        return [
            (i, "2026-01-01T00:00:00.000000Z", "u", "a", "e", "1", None, None, None, None, "h")
            for i in range(after + 1, min(after + limit, 1_000_000) + 1)
        ]

    model = AuditModel(fetch)
    model.reset(fetch)
    assert model.rowCount() == PAGE and calls == [0]
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 2 * PAGE and calls == [0, PAGE]
