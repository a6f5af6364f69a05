"""Queries on patient notes (the physician's "trend reviewed" notes). No business rules here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .tables import Patient, PatientNote


def add_note(session: Session, note: PatientNote) -> PatientNote:
    session.add(note)
    session.flush()
    return note


def notes_for(session: Session, patient_id: int) -> Sequence[PatientNote]:
    stmt = (
        select(PatientNote).where(PatientNote.patient_id == patient_id).order_by(PatientNote.note_date, PatientNote.id)
    )
    return session.scalars(stmt).all()


def latest_note_dates(session: Session, kind: str) -> dict[str, date]:
    """Study ID -> date of the patient's latest note of this kind (one grouped query)."""
    stmt = (
        select(Patient.study_id, func.max(PatientNote.note_date))
        .join(PatientNote, PatientNote.patient_id == Patient.id)
        .where(PatientNote.kind == kind)
        .group_by(Patient.study_id)
    )
    return {study_id: day for study_id, day in session.execute(stmt)}
