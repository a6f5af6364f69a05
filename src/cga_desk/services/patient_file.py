"""Opening a patient: everything the patient page shows, read in one unit of work (issue 8).

The page used to make four or five separate calls (the patient, the visits, the next timepoint,
the notes, the history), each a unit of work of its own that read the patient again and the
visits up to three times as ORM objects. One call now reads each row once, column-wise: six
SELECTs whatever the number of visits, and a seventh (who amended) only when a visit was amended.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ..domain import access
from ..domain.records import NoteView, PatientView, User, VisitView
from ..forms.schedule import TimepointRule, TimepointStatus, next_due, statuses
from ..persistence import patient_reads
from ..persistence.uow import UnitOfWork
from .history import PatientHistory, build_history
from .notes import to_view as note_view
from .patients import read_patient
from .schedules import anchors_of, schedule_of
from .visits import read_visits


@dataclass(frozen=True)
class Amendment:
    """The latest amendment of a visit: who reopened the signed version, when, and why."""

    by: str
    at: datetime
    reason: str


@dataclass(frozen=True)
class PatientFile:
    """A patient as the page shows it: identity and milestones, visits in date order, their change
    from baseline, the timepoint to do next, and the physician's notes in date order."""

    patient: PatientView
    visits: tuple[VisitView, ...]
    history: PatientHistory
    next_timepoint: TimepointStatus | None
    notes: tuple[NoteView, ...]
    schedule: str = ""  # the name of the schedule the patient follows (theirs, else the clinic's default)
    rules: tuple[TimepointRule, ...] = ()  # that schedule's timepoints
    amendments: dict[int, Amendment] = field(default_factory=dict)  # by visit id: its latest amendment


def open_patient(uow: UnitOfWork, by: User, study_id: str, today: date) -> PatientFile:
    access.require(by, access.READ)
    patient = read_patient(uow, study_id)
    visits = read_visits(uow, patient.id, study_id)
    schedule, rules = schedule_of(uow, patient.schedule_id)
    done = {v.timepoint for v in visits}
    today_statuses = statuses(rules, anchors_of(patient.view), done, today)
    notes = tuple(note_view(n, study_id) for n in patient_reads.note_rows(uow.session, patient.id))
    amendments = (  # the latest per visit (rows by revision); no read when nothing was ever amended
        {
            r.visit_id: Amendment(r.superseded_by, r.superseded_at, r.reason)
            for r in patient_reads.amendment_rows(uow.session, patient.id)
        }
        if any(v.revision > 0 for v in visits)
        else {}
    )
    return PatientFile(
        patient.view,
        tuple(visits),
        build_history(patient.view, visits),
        next_due(today_statuses),
        notes,
        schedule,
        rules,
        amendments,
    )


def disclosed(opened: PatientFile) -> str:
    """What the patient page showed, for its audit event (counts, never the data itself)."""
    return (
        f"identity, {len(opened.patient.milestones)} milestones, {len(opened.visits)} visits, {len(opened.notes)} notes"
    )
