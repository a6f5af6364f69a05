"""The patient register's derived data: one summary row and a next-due timeline per patient.

Kept current by the session itself: every flush notes which patients it touched (a patient, a
milestone, a visit or its score), and just before the commit their rows are derived again in the
same transaction, so no service can forget it and a rolled-back change leaves nothing behind. A
schedule change re-derives every patient. `ensure_summaries` fills what is missing or was derived
by an earlier SUMMARY_VERSION when the database is opened (after an upgrade, for instance).
The rules themselves are the ones in forms/ (schedule.next_due_timeline, schedule.anchors).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, delete, event, func, insert, inspect, or_, select
from sqlalchemy.orm import Session, sessionmaker

from ..forms.schedule import PPCL_SCHEDULE, TimepointRule, anchors, next_due_timeline
from .tables import Milestone, Patient, PatientDue, PatientSummary, Schedule, ScheduleTimepoint, Visit, VisitScore

SUMMARY_VERSION = 2  # bump when what is derived, or how, changes: ensure_summaries() re-derives on open
CHUNK = 500  # patients per round of queries (keeps IN lists and memory small)
_DUE, _SUMMARY, _VISITS, _ALL = "cga_due_changed", "cga_summary_changed", "cga_scores_changed", "cga_all_changed"


def timepoint_rule(t: Any) -> TimepointRule:
    """A stored timepoint (ORM object or row of the same columns) as the rule forms/ works with."""
    return TimepointRule(
        t.label,
        t.anchor,
        t.offset_days,
        t.window_days,
        t.repeat_every_months,
        t.repeat_until_months,
        t.not_before_anchor,
    )


def _schedules(session: Session) -> Callable[[int | None], tuple[TimepointRule, ...]]:
    """The rules of each stored schedule; a patient without one follows the default (else the pPCL one)."""
    by_id: dict[int, list[TimepointRule]] = defaultdict(list)
    for t in session.scalars(
        select(ScheduleTimepoint).order_by(ScheduleTimepoint.schedule_id, ScheduleTimepoint.position)
    ):
        by_id[t.schedule_id].append(timepoint_rule(t))
    default = session.scalar(select(Schedule.id).where(Schedule.is_default))
    fallback = tuple(by_id[default]) if default is not None else PPCL_SCHEDULE.rules
    return lambda schedule_id: tuple(by_id[schedule_id]) if schedule_id is not None else fallback


def refresh(
    session: Session, patient_ids: Iterable[int], progress: Callable[[int, int], None] | None = None, due: bool = True
) -> None:
    """Derive the summary and (unless `due` is False) the next-due rows of these patients again;
    deleted patients' rows are just removed."""
    ids = sorted(set(patient_ids))
    if not ids:
        return
    rules_of = _schedules(session) if due else None
    for start in range(0, len(ids), CHUNK):
        _refresh_chunk(session, ids[start : start + CHUNK], rules_of)
        if progress is not None:
            progress(min(start + CHUNK, len(ids)), len(ids))


def _refresh_chunk(
    session: Session, ids: Sequence[int], rules_of: Callable[[int | None], tuple[Any, ...]] | None
) -> None:
    stored = [getattr(PatientSummary, c).label(f"stored_{c}") for c in _SUMMARY_COLUMNS]
    # Lock the patients first (PostgreSQL; SQLite's writer already holds the whole file): two
    # transactions re-deriving one patient then take turns, and the second reads what the first wrote
    # instead of both deleting the old rows and inserting twice. NO KEY UPDATE does not wait for the
    # key-share locks their own inserts of visits took on the patient (that would deadlock); sorted ids.
    patients = session.execute(
        select(Patient.id, Patient.study_id, Patient.name, Patient.diagnosis_date, Patient.schedule_id, *stored)
        .outerjoin(PatientSummary, PatientSummary.patient_id == Patient.id)
        .where(Patient.id.in_(ids))
        .order_by(Patient.id)
        .with_for_update(of=Patient, key_share=True)
    ).all()  # FOR NO KEY UPDATE
    milestones: dict[int, list[tuple[str, date]]] = defaultdict(list)
    if rules_of is not None:
        for pid, kind, day in session.execute(
            select(Milestone.patient_id, Milestone.kind, Milestone.date).where(Milestone.patient_id.in_(ids))
        ):
            milestones[pid].append((kind, day))
    visits: dict[int, list[Any]] = defaultdict(list)
    for row in session.execute(
        select(
            Visit.patient_id,
            Visit.visit_date,
            Visit.timepoint,
            Visit.status,
            VisitScore.imwg_score,
            VisitScore.imwg_category,
        )
        .outerjoin(VisitScore, VisitScore.visit_id == Visit.id)
        .where(Visit.patient_id.in_(ids))
        .order_by(Visit.patient_id, Visit.visit_date, Visit.id)
    ):
        visits[row.patient_id].append(row)
    summaries, due = [], []
    for p in patients:
        summary = _summary(p, visits[p.id])
        if any(summary[c] != getattr(p, f"stored_{c}") for c in _SUMMARY_COLUMNS):
            summaries.append(summary)  # most saved answers change nothing the register shows
        if rules_of is None:
            continue
        done = {v.timepoint for v in visits[p.id]}
        for seg in next_due_timeline(rules_of(p.schedule_id), anchors(p.diagnosis_date, milestones[p.id]), done):
            nxt = seg.next
            due.append(
                {
                    "patient_id": p.id,
                    "starts": seg.starts,
                    "ends": seg.ends,
                    "label": nxt and nxt.label,
                    "due": nxt and nxt.due,
                    "status": nxt and nxt.status,
                }
            )
    gone = set(ids) - {p.id for p in patients}  # deleted patients (their rows usually went by cascade)
    rewrite = [s["patient_id"] for s in summaries] + sorted(gone)
    if rewrite:
        session.execute(delete(PatientSummary).where(PatientSummary.patient_id.in_(rewrite)))
    if rules_of is not None:
        session.execute(delete(PatientDue).where(PatientDue.patient_id.in_(ids)))
    if summaries:
        session.execute(insert(_table(PatientSummary)), summaries)  # Core: no ORM bookkeeping per row
    if due:
        session.execute(insert(_table(PatientDue)), due)


def _table(entity: type[PatientSummary] | type[PatientDue]) -> Table:
    """The entity's Table, for Core inserts (an insert of the entity itself would be an ORM bulk insert)."""
    return cast(Table, entity.__table__)


_SUMMARY_COLUMNS = ("version", "search_key", "name_key", "last_visit", "imwg_score", "imwg_category", "open_draft")


def _summary(p: Any, visits: Sequence[Any]) -> dict[str, Any]:
    scored = [v for v in visits if v.imwg_score is not None]
    done = [v for v in visits if v.status != "draft"]  # a draft is shown as such, not as the last visit
    name = (p.name or "").casefold()
    return {
        "patient_id": p.id,
        "version": SUMMARY_VERSION,
        "search_key": f"{p.study_id.casefold()}\n{name}",
        "name_key": name,
        "last_visit": done[-1].visit_date if done else None,
        "imwg_score": scored[-1].imwg_score if scored else None,
        "imwg_category": scored[-1].imwg_category if scored else None,
        "open_draft": any(v.status == "draft" for v in visits),
    }


def stale_patients(session: Session) -> list[int]:
    """Patients without a summary derived by this SUMMARY_VERSION (two counts when all is current)."""
    current = session.scalar(
        select(func.count()).select_from(PatientSummary).where(PatientSummary.version == SUMMARY_VERSION)
    )
    if current == session.scalar(select(func.count()).select_from(Patient)):
        return []
    return list(
        session.scalars(
            select(Patient.id)
            .outerjoin(PatientSummary, PatientSummary.patient_id == Patient.id)
            .where(or_(PatientSummary.patient_id.is_(None), PatientSummary.version != SUMMARY_VERSION))
        )
    )


# ------------------------------------------------------------------------- keeping them current
def install(sessions: sessionmaker[Session]) -> None:
    """Keep the register current for every session this factory makes."""
    event.listen(sessions, "after_flush", _note_touched)
    event.listen(sessions, "before_commit", _refresh_touched)
    event.listen(sessions, "after_rollback", _forget)


# What a change can alter: any change can alter the summary (names, dates, scores, statuses); the
# next-due timeline depends only on the anchors, the schedule and which timepoints have a visit.
_DUE_FIELDS: dict[type, tuple[str, ...]] = {
    Patient: ("id", "diagnosis_date", "schedule_id"),
    Visit: ("patient_id", "timepoint"),
}


def _changes_due(obj: object, session: Session) -> bool:
    if isinstance(obj, Milestone) or obj in session.new or obj in session.deleted:
        return True
    state: Any = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in _DUE_FIELDS.get(type(obj), ()))


def _note_touched(session: Session, _context: object) -> None:
    due: set[int] = session.info.setdefault(_DUE, set())
    summary: set[int] = session.info.setdefault(_SUMMARY, set())
    visits: set[int] = session.info.setdefault(_VISITS, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, (Patient, Milestone, Visit)):
            patient_id = obj.id if isinstance(obj, Patient) else obj.patient_id
            (due if _changes_due(obj, session) else summary).add(patient_id)
        elif isinstance(obj, VisitScore):
            visit = inspect(obj).dict.get("visit")  # usually loaded: no query needed for its patient
            if visit is not None:
                summary.add(visit.patient_id)
            else:
                visits.add(obj.visit_id)
        elif isinstance(obj, (Schedule, ScheduleTimepoint)):
            session.info[_ALL] = True


def _refresh_touched(session: Session) -> None:
    session.flush()  # what is still pending is noted too
    due: set[int] = session.info.pop(_DUE, set())
    summary: set[int] = session.info.pop(_SUMMARY, set())
    visits: set[int] = session.info.pop(_VISITS, set())
    if session.info.pop(_ALL, False):
        due = set(session.scalars(select(Patient.id)))
    if visits:
        summary |= set(session.scalars(select(Visit.patient_id).where(Visit.id.in_(visits))))
    due.discard(None)  # ids of pending objects may be None
    refresh(session, due)
    refresh(session, summary - due - {None}, due=False)


def _forget(session: Session) -> None:
    for key in (_DUE, _SUMMARY, _VISITS, _ALL):
        session.info.pop(key, None)
