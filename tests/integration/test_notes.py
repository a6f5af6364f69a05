"""Trend-review notes: a physician records them (audited); a nurse is refused and nothing is written."""

from __future__ import annotations

from datetime import date

import pytest

from cga_desk.domain.errors import NotFoundError, PermissionDenied, ValidationError
from cga_desk.domain.records import PatientInput
from cga_desk.persistence.database import Database
from cga_desk.services import notes, patients
from cga_desk.services.audit import trail
from tests.store_fixtures import DOCTOR, NURSE_USER, TODAY


@pytest.fixture
def patient(db: Database) -> str:
    with db.unit_of_work() as uow:
        patients.register_patient(uow, NURSE_USER, PatientInput("PCL-001", date(1949, 5, 2), "Maria Rossi"), TODAY)
    return "PCL-001"


def _reviews(db: Database, study_id: str) -> list[str]:
    with db.unit_of_work(write=False) as uow:
        return [e.action for e in trail(uow, "patient", study_id) if e.action == "trend_reviewed"]


def test_physician_records_trend_reviews_in_date_order(db: Database, patient: str) -> None:
    with db.unit_of_work() as uow:
        later = notes.add_trend_review(uow, DOCTOR, patient, date(2026, 11, 20), "  Stable; continue.  ", today=TODAY)
    with db.unit_of_work() as uow:
        notes.add_trend_review(uow, DOCTOR, patient, date(2026, 6, 1), "", today=TODAY)
    assert (later.study_id, later.note_date, later.kind, later.text, later.author) == (
        "PCL-001",
        date(2026, 11, 20),
        "trend_reviewed",
        "Stable; continue.",
        "Dr Bea",
    )
    with db.unit_of_work(write=False) as uow:
        listed = notes.patient_notes(uow, NURSE_USER, patient)
    assert [(n.note_date, n.text) for n in listed] == [
        (date(2026, 6, 1), ""),
        (date(2026, 11, 20), "Stable; continue."),
    ]
    assert _reviews(db, patient) == ["trend_reviewed", "trend_reviewed"]
    with db.unit_of_work(write=False) as uow:
        event = [e for e in trail(uow, "patient", patient) if e.action == "trend_reviewed"][0]
    assert event.user_name == "Dr Bea" and "2026-11-20" in (event.new_value or "")


def test_nurse_is_refused_and_nothing_is_written(db: Database, patient: str) -> None:
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied, match="only a physician"):
        notes.add_trend_review(uow, NURSE_USER, patient, date(2026, 11, 20), "looks fine", today=TODAY)
    with db.unit_of_work(write=False) as uow:
        assert notes.patient_notes(uow, NURSE_USER, patient) == []
    assert _reviews(db, patient) == []


def test_future_date_and_unknown_patient_are_refused(db: Database, patient: str) -> None:
    with db.unit_of_work() as uow, pytest.raises(ValidationError) as info:
        notes.add_trend_review(uow, DOCTOR, patient, date(2026, 11, 25), today=TODAY)
    assert info.value.field == "note_date"
    with db.unit_of_work() as uow, pytest.raises(NotFoundError):
        notes.add_trend_review(uow, DOCTOR, "NOBODY", date(2026, 11, 20), today=TODAY)
    with db.unit_of_work(write=False) as uow, pytest.raises(NotFoundError):
        notes.patient_notes(uow, NURSE_USER, "NOBODY")
    with db.unit_of_work(write=False) as uow:
        assert notes.patient_notes(uow, NURSE_USER, patient) == []
