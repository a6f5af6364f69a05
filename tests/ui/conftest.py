"""UI test fixtures: a Clinic on a real SQLite file with accounts made through the services (an
administrator, the nurse "ada" and the physician "bea", with passwords), the nurse signed in, and the
patient PCL-001. Passwords are hashed with a cheap argon2 hasher here (the program's is deliberately slow)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import argon2
import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from cga_desk.app import open_store
from cga_desk.domain.records import NURSE, PHYSICIAN, PatientInput
from cga_desk.services.clinic import Clinic

TODAY = date(2026, 11, 24)
ADMIN_NAME = "admin"
PASSWORDS = {"admin": "Keep-the-keys-2026", "ada": "Ward-round-at-nine", "bea": "Frailty-trend-review"}
FULL_NAMES = {"admin": "Alex Admin", "ada": "Nurse Ada", "bea": "Dr Bea"}


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with the smallest parameters: the same code path, milliseconds instead of a second."""
    monkeypatch.setattr(
        "cga_desk.services.users.HASHER", argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


def add_accounts(c: Clinic) -> None:
    """The administrator, then the nurse "ada" and the physician "bea" (created by the administrator)."""
    c.set_up_administrator(ADMIN_NAME, FULL_NAMES[ADMIN_NAME], PASSWORDS[ADMIN_NAME])
    c.create_user("ada", FULL_NAMES["ada"], NURSE, PASSWORDS["ada"])
    c.create_user("bea", FULL_NAMES["bea"], PHYSICIAN, PASSWORDS["bea"])


def sign_in_as(c: Clinic, name: str) -> None:
    c.sign_in(name, PASSWORDS[name])


@pytest.fixture
def clinic(tmp_path: Path) -> Iterator[Clinic]:
    db = open_store(f"sqlite:///{tmp_path / 'ui.sqlite3'}")
    c = Clinic(db, today=lambda: TODAY)
    add_accounts(c)
    sign_in_as(c, "ada")
    yield c
    QThreadPool.globalInstance().waitForDone()  # a job still reading the store (the cohort page) ends first
    db.close()


@pytest.fixture
def patient(clinic: Clinic) -> str:
    clinic.register_patient(
        PatientInput(
            "PCL-001", date(1949, 5, 2), "Maria Rossi", "female", "primary_plasma_cell_leukemia", date(2026, 2, 20)
        )
    )
    return "PCL-001"


@pytest.fixture(autouse=True)
def settings_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every UI test keeps the window's QSettings in a folder of its own, never in the user's settings
    (a subprocess it starts inherits the variable too)."""
    from cga_desk.ui.window_state import SETTINGS_DIR_ENV

    folder = tmp_path / "settings"
    monkeypatch.setenv(SETTINGS_DIR_ENV, str(folder))
    return folder


def when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
    """Run act(dialog) as soon as a modal dialog is open (exec() blocks the test until it closes)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        try:
            dialog.windowHandle().requestActivate()  # offscreen, windows are activated only on request
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
            act(dialog)
        except BaseException:
            dialog.close()  # never leave a modal open: the failure is reported, the test does not hang
            raise

    QTimer.singleShot(0, poll)


def cohort_loaded(qtbot: Any, page: Any, action: Any) -> None:
    """Do `action` (show the cohort page, change a filter) and wait for the summary it computes off the
    GUI thread to be on the page (CohortPage.loaded)."""
    with qtbot.waitSignal(page.loaded, timeout=30000):
        action()
