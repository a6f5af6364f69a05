"""Patient notes: the physician's dated "trend reviewed" note on a patient's frailty trend (audited)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain import access
from ..domain.errors import ValidationError
from ..domain.records import NoteView, User
from ..i18n import translate
from ..persistence.notes import add_note, notes_for
from ..persistence.tables import PatientNote
from ..persistence.uow import UnitOfWork
from . import audit
from .patients import require_patient

TREND_REVIEWED = "trend_reviewed"


def to_view(note: PatientNote | Any, study_id: str) -> NoteView:
    """From a PatientNote or a row of the same columns (persistence.patient_reads.note_rows)."""
    return NoteView(note.id, study_id, note.note_date, note.kind, note.text, note.author, note.created_at)


def add_trend_review(
    uow: UnitOfWork, by: User, study_id: str, note_date: date, text: str = "", today: date | None = None
) -> NoteView:
    """A physician records that the patient's frailty trend was reviewed on `note_date` (not in the future)."""
    access.require(by, access.REVIEW)
    patient = require_patient(uow, study_id)
    if note_date > (today or date.today()):
        raise ValidationError(
            "note_date", translate("services", "{note_date} is in the future").format(note_date=note_date.isoformat())
        )
    if note_date < patient.birth_date:
        raise ValidationError(
            "note_date",
            translate("services", "{note_date} is before the patient's birth date").format(
                note_date=note_date.isoformat()
            ),
        )
    row = add_note(
        uow.session,
        PatientNote(
            patient_id=patient.id, note_date=note_date, kind=TREND_REVIEWED, text=(text or "").strip(), author=by.name
        ),
    )
    audit.record(
        uow, by, TREND_REVIEWED, "patient", study_id, "note", None, {"date": note_date.isoformat(), "text": row.text}
    )
    uow.commit()
    return to_view(row, study_id)


def patient_notes(uow: UnitOfWork, by: User, study_id: str) -> list[NoteView]:
    """The patient's notes in date order."""
    access.require(by, access.READ)
    patient = require_patient(uow, study_id)
    return [to_view(n, study_id) for n in notes_for(uow.session, patient.id)]
