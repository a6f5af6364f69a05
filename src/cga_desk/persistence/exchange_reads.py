"""Column-level reads for the exchange formats (REDCap, FHIR, ODM, ADaM): patients in study ID order,
then their milestones, visits and answers a chunk of patients at a time, so an export of a million
visits holds one chunk in memory. Rows in, rows out: no business rules here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Text, cast, select
from sqlalchemy.orm import Session

from .patient_reads import VISIT_COLUMNS
from .tables import AuditEvent, Milestone, Patient, Signature, Visit, VisitInstrument, VisitScore

_patients, _milestones, _visits = Patient.__table__, Milestone.__table__, Visit.__table__
_scores, _instruments, _audit = VisitScore.__table__, VisitInstrument.__table__, AuditEvent.__table__

PATIENT_COLUMNS = ("id", "study_id", "name", "birth_date", "sex", "index_disease", "diagnosis_date")


def patients(session: Session) -> Sequence[Row[Any]]:
    """Every patient (PATIENT_COLUMNS), in study ID order."""
    session.flush()
    stmt = select(*(_patients.c[c] for c in PATIENT_COLUMNS)).order_by(_patients.c.study_id)
    return session.execute(stmt).all()


def milestones(session: Session, patient_ids: Sequence[int]) -> Sequence[Row[Any]]:
    """(patient_id, kind, date, note) of these patients, in date order."""
    m = _milestones.c
    stmt = (
        select(m.patient_id, m.kind, m.date, m.note)
        .where(m.patient_id.in_(list(patient_ids)))
        .order_by(m.patient_id, m.date, m.id)
    )
    return session.execute(stmt).all()


def visits(session: Session, patient_ids: Sequence[int]) -> Sequence[Row[Any]]:
    """patient_id, then the columns of patient_reads.VISIT_COLUMNS and the result document as JSON text
    (the caller decodes it: the same documents recur across a clinic), in patient, visit date and id order."""
    v = _visits.c
    stmt = (
        select(
            v.patient_id,
            *(v[name] for name in VISIT_COLUMNS),
            cast(_scores.c.result, Text),
            _scores.c.scoring_version,
        )
        .select_from(_visits.outerjoin(_scores, _scores.c.visit_id == v.id))
        .where(v.patient_id.in_(list(patient_ids)))
        .order_by(v.patient_id, v.visit_date, v.id)
    )
    return session.execute(stmt).all()


def instruments(session: Session, patient_ids: Sequence[int]) -> Sequence[Row[Any]]:
    """(visit_id, instrument, form_version, answers as JSON text, total, not_assessable_reason) of these
    patients' visits."""
    i = _instruments.c
    stmt = (
        select(i.visit_id, i.instrument, i.form_version, cast(i.answers, Text), i.total, i.not_assessable_reason)
        .select_from(_instruments.join(_visits, _visits.c.id == i.visit_id))
        .where(_visits.c.patient_id.in_(list(patient_ids)))
        .order_by(i.id)
    )
    return session.execute(stmt).all()


def visit_audit(session: Session, visit_ids: Sequence[str]) -> Sequence[Row[Any]]:
    """(entity_id, at, user_name, action, field, reason) of these visits' audit events, oldest first."""
    a = _audit.c
    stmt = (
        select(a.entity_id, a.at, a.user_name, a.action, a.field, a.reason)
        .where(a.entity == "visit", a.entity_id.in_(list(visit_ids)))
        .order_by(a.id)
    )
    return session.execute(stmt).all()


def staff_names(session: Session) -> list[str]:
    """Every user name the audit trail or a visit's completion or signature mentions, sorted."""
    v, a = _visits.c, _audit.c
    names: set[str] = set()
    for stmt in (select(a.user_name).distinct(), select(v.signed_by).distinct(), select(v.completed_by).distinct()):
        names.update(n for (n,) in session.execute(stmt).all() if n)
    return sorted(names)


def signature_roster(session: Session) -> tuple[dict[str, str], list[str]]:
    """The electronic signatures' signers (user name -> the full name of their latest signature) and
    their distinct meanings, sorted (ODM's AdminData)."""
    s = Signature.__table__.c
    names: dict[str, str] = {}
    for signer, full_name in session.execute(select(s.signer, s.full_name).order_by(s.id)).all():
        names[signer] = full_name
    meanings = sorted(m for (m,) in session.execute(select(s.meaning).distinct()).all() if m)
    return names, meanings
