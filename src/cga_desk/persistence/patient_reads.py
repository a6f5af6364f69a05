"""Column-level reads for opening one patient: a handful of Core SELECTs, no ORM objects (issue 8).

Opening a patient reads every visit with its scores and answers. Loading them as ORM objects
(identity map, relationship loaders, attribute instrumentation) cost about twenty times the SQL
itself, so these reads select just the columns the page shows and return plain rows. The
statements are built once, with bound parameters, so each call only looks up SQLAlchemy's
compiled-statement cache. The number of statements does not grow with the number of visits.
No business rules here: rows in, rows out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, bindparam, select
from sqlalchemy.orm import Session

from .tables import (
    Milestone,
    Patient,
    PatientNote,
    Schedule,
    ScheduleTimepoint,
    Visit,
    VisitInstrument,
    VisitScore,
    VisitVersion,
)

_patients, _milestones, _notes = Patient.__table__, Milestone.__table__, PatientNote.__table__
_visits, _scores, _instruments = Visit.__table__, VisitScore.__table__, VisitInstrument.__table__
_schedules, _timepoints = Schedule.__table__, ScheduleTimepoint.__table__

# The patient and its milestones in one statement (outer join: a patient may have none).
_PATIENT = (
    select(
        _patients.c.id,
        _patients.c.study_id,
        _patients.c.name,
        _patients.c.birth_date,
        _patients.c.sex,
        _patients.c.index_disease,
        _patients.c.diagnosis_date,
        _patients.c.mrn,
        _patients.c.schedule_id,
        _milestones.c.kind.label("milestone_kind"),
        _milestones.c.date.label("milestone_date"),
        _milestones.c.note.label("milestone_note"),
    )
    .select_from(_patients.outerjoin(_milestones, _milestones.c.patient_id == _patients.c.id))
    .where(_patients.c.study_id == bindparam("study_id"))
    .order_by(_milestones.c.date, _milestones.c.id)
)

VISIT_COLUMNS = (
    "id",
    "visit_date",
    "timepoint",
    "assessor",
    "respondent",
    "status",
    "is_baseline",
    "revision",
    "amendment_reason",
    "signed_by",
    "signed_at",
    "completed_by",
    "completed_at",
    "version",
)

# Visits in date order with the stored result document (outer join: a visit may lack scores).
_VISITS = (
    select(*(_visits.c[name] for name in VISIT_COLUMNS), _scores.c.result)
    .select_from(_visits.outerjoin(_scores, _scores.c.visit_id == _visits.c.id))
    .where(_visits.c.patient_id == bindparam("patient_id"))
    .order_by(_visits.c.visit_date, _visits.c.id)
)

# Every instrument row of the patient's visits, in the order the visit relationship keeps (by id).
_INSTRUMENTS = (
    select(
        _instruments.c.visit_id,
        _instruments.c.instrument,
        _instruments.c.form_version,
        _instruments.c.answers,
        _instruments.c.total,
        _instruments.c.not_assessable_reason,
    )
    .select_from(_instruments.join(_visits, _visits.c.id == _instruments.c.visit_id))
    .where(_visits.c.patient_id == bindparam("patient_id"))
    .order_by(_instruments.c.id)
)

_TIMEPOINTS = select(_visits.c.timepoint).where(_visits.c.patient_id == bindparam("patient_id")).distinct()

_NOTES = (
    select(_notes.c.id, _notes.c.note_date, _notes.c.kind, _notes.c.text, _notes.c.author, _notes.c.created_at)
    .where(_notes.c.patient_id == bindparam("patient_id"))
    .order_by(_notes.c.note_date, _notes.c.id)
)

_TIMEPOINT_COLUMNS = (
    "label",
    "anchor",
    "offset_days",
    "window_days",
    "repeat_every_months",
    "repeat_until_months",
    "not_before_anchor",
)

# A schedule's timepoints in position order; a schedule without timepoints gives one row of NULLs.
_SCHEDULE = (
    select(
        _schedules.c.id,
        _schedules.c.name.label("schedule_name"),
        *(_timepoints.c[name] for name in _TIMEPOINT_COLUMNS),
    )
    .select_from(_schedules.outerjoin(_timepoints, _timepoints.c.schedule_id == _schedules.c.id))
    .order_by(_timepoints.c.position, _timepoints.c.id)
)
_SCHEDULE_BY_ID = _SCHEDULE.where(_schedules.c.id == bindparam("schedule_id"))
_DEFAULT_SCHEDULE = _SCHEDULE.where(_schedules.c.is_default.is_(True))


_AMENDMENTS = (
    select(
        VisitVersion.visit_id,
        VisitVersion.revision,
        VisitVersion.superseded_by,
        VisitVersion.superseded_at,
        VisitVersion.reason,
    )
    .join(Visit, Visit.id == VisitVersion.visit_id)
    .where(Visit.patient_id == bindparam("patient_id"))
    .order_by(VisitVersion.visit_id, VisitVersion.revision)
)


def _read(session: Session, stmt: Any, params: dict[str, Any] | None = None) -> Sequence[Row[Any]]:
    """Rows of a Core statement, after flushing pending ORM changes (a Core statement does not
    autoflush as an ORM query does; on a clean session the flush returns at once)."""
    session.flush()
    return session.execute(stmt, params).all()


def patient_with_milestones(session: Session, study_id: str) -> Sequence[Row[Any]]:
    """One row per milestone (date order), or one row with NULL milestone columns; none if unknown."""
    return _read(session, _PATIENT, {"study_id": study_id})


def visit_rows(session: Session, patient_id: int) -> Sequence[Row[Any]]:
    """The patient's visits by date (then id): the columns of VISIT_COLUMNS, then `result` (or None)."""
    return _read(session, _VISITS, {"patient_id": patient_id})


def instrument_rows(session: Session, patient_id: int) -> Sequence[Row[Any]]:
    return _read(session, _INSTRUMENTS, {"patient_id": patient_id})


def visited_timepoints(session: Session, patient_id: int) -> set[str]:
    """The timepoints the patient has a visit at, whatever its status."""
    return {r[0] for r in _read(session, _TIMEPOINTS, {"patient_id": patient_id})}


def amendment_rows(session: Session, patient_id: int) -> Sequence[Row[Any]]:
    """Who superseded each earlier version of the patient's visits, and when and why (visit_id, revision,
    superseded_by, superseded_at, reason; by visit, then revision). Not the snapshots: the page shows who
    amended, not what the version held."""
    return _read(session, _AMENDMENTS, {"patient_id": patient_id})


def note_rows(session: Session, patient_id: int) -> Sequence[Row[Any]]:
    return _read(session, _NOTES, {"patient_id": patient_id})


def schedule_timepoint_rows(session: Session, schedule_id: int | None) -> Sequence[Row[Any]] | None:
    """The timepoints of a schedule (the default one when `schedule_id` is None), columns
    _TIMEPOINT_COLUMNS; an empty list for a schedule without timepoints, None when there is no such schedule.
    With more than one default (not expected), the lowest id wins."""
    if schedule_id is None:
        rows = _read(session, _DEFAULT_SCHEDULE)
    else:
        rows = _read(session, _SCHEDULE_BY_ID, {"schedule_id": schedule_id})
    if not rows:
        return None
    first = min(r.id for r in rows)
    return [r for r in rows if r.id == first and r.label is not None]


def patients_with_signed_visits(session: Session) -> Sequence[Row[Any]]:
    """(patient id, study ID) of every patient with at least one signed visit (the signature check)."""
    from .tables import Patient, Visit

    stmt = (
        select(Patient.id, Patient.study_id)
        .where(Patient.id.in_(select(Visit.patient_id).where(Visit.status == "signed")))
        .order_by(Patient.id)
    )
    return session.execute(stmt).all()
