"""UI test fixtures: a Clinic on a real SQLite file with a nurse signed in, and the patient PCL-001."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cga_desk.app import open_store
from cga_desk.domain.records import NURSE, PHYSICIAN, PatientInput
from cga_desk.services.clinic import Clinic

TODAY = date(2026, 11, 24)


@pytest.fixture
def clinic(tmp_path: Path) -> Iterator[Clinic]:
    db = open_store(f"sqlite:///{tmp_path / 'ui.sqlite3'}")
    c = Clinic(db, today=lambda: TODAY)
    c.create_user("Nurse Ada", NURSE)
    c.create_user("Dr Bea", PHYSICIAN)
    c.sign_in("Nurse Ada")
    yield c
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
