"""The patient register: one row per patient for the patient list, built with a few set-based queries."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain.records import INDEX_DISEASES
from ..forms.imwg import age_in_completed_years
from ..forms.schedule import next_due, statuses
from ..persistence.tables import Patient, Visit, VisitScore
from ..persistence.uow import UnitOfWork
from .schedules import anchors_of, rules_for


@dataclass(frozen=True)
class PatientRow:
    study_id: str
    name: str | None
    age: int
    index_disease: str | None  # in words
    last_visit: date | None
    imwg_score: int | None  # of the latest visit with a complete IMWG score
    imwg_category: str | None
    next_timepoint: str | None
    next_status: str | None  # due, overdue, upcoming
    next_date: date | None
    open_draft: bool


def patient_rows(uow: UnitOfWork, today: date) -> list[PatientRow]:
    patients = uow.session.scalars(select(Patient).options(selectinload(Patient.milestones)).order_by(Patient.study_id)).all()
    stmt = (select(Visit.patient_id, Visit.visit_date, Visit.timepoint, Visit.status, VisitScore.imwg_score,
                   VisitScore.imwg_category)
            .outerjoin(VisitScore, VisitScore.visit_id == Visit.id).order_by(Visit.patient_id, Visit.visit_date, Visit.id))
    visits: dict[int, list[tuple]] = defaultdict(list)
    for row in uow.session.execute(stmt):
        visits[row[0]].append(tuple(row))
    rules_cache: dict[int | None, tuple] = {}
    out = []
    for p in patients:
        if p.schedule_id not in rules_cache:
            rules_cache[p.schedule_id] = rules_for(uow, p)
        out.append(_row(p, visits.get(p.id, []), rules_cache[p.schedule_id], today))
    return out


def _row(p: Patient, visits: list[tuple], rules: tuple, today: date) -> PatientRow:
    scored = [v for v in visits if v[4] is not None]
    nxt = next_due(statuses(rules, anchors_of(p), {v[2] for v in visits}, today))
    return PatientRow(
        study_id=p.study_id, name=p.name, age=age_in_completed_years(p.birth_date, today),
        index_disease=INDEX_DISEASES.get(p.index_disease or "", p.index_disease),
        last_visit=visits[-1][1] if visits else None,
        imwg_score=scored[-1][4] if scored else None, imwg_category=scored[-1][5] if scored else None,
        next_timepoint=nxt.label if nxt else None, next_status=nxt.status if nxt else None,
        next_date=nxt.due if nxt else None, open_draft=any(v[3] == "draft" for v in visits),
    )
