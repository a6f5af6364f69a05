"""Set-based reads for the analysis dataset and the cohort summary: one query per table, never per patient."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from .tables import Patient, Visit, VisitInstrument, VisitScore

ITEM_INSTRUMENTS = ("katz", "lawton", "charlson")
SCORE_COLUMNS = ("age_years", "katz_adl", "lawton_iadl", "cci", "cci_age_adjusted", "ecog", "imwg_score",
                 "imwg_category", "imwg_points_age", "imwg_points_cci", "imwg_points_adl", "imwg_points_iadl",
                 "simplified_score", "simplified_category")


def _of_patients(stmt: Select[Any], index_disease: str | None, study_ids: Sequence[str] | None) -> Select[Any]:
    """Restrict a statement to the patients chosen by the patient-level filters (a join, not a list of ids)."""
    if index_disease is not None:
        stmt = stmt.where(Patient.index_disease == index_disease)
    if study_ids is not None:
        stmt = stmt.where(Patient.study_id.in_(list(study_ids)))
    return stmt


def patient_rows(session: Session, index_disease: str | None = None,
                 study_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    stmt = select(Patient.id, Patient.study_id, Patient.name, Patient.birth_date, Patient.index_disease)
    return [dict(r._mapping) for r in session.execute(_of_patients(stmt, index_disease, study_ids))]


def visit_rows(session: Session, index_disease: str | None = None,
               study_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every visit of the chosen patients with its stored scores (outer join: a visit may lack scores)."""
    stmt = (
        select(Visit.id.label("visit_id"), Visit.patient_id, Visit.visit_date, Visit.timepoint, Visit.status,
               Visit.is_baseline, Visit.assessor, *(getattr(VisitScore, c) for c in SCORE_COLUMNS))
        .join(Patient, Patient.id == Visit.patient_id)
        .outerjoin(VisitScore, VisitScore.visit_id == Visit.id)
        .order_by(Visit.patient_id, Visit.visit_date, Visit.id)
    )
    return [dict(r._mapping) for r in session.execute(_of_patients(stmt, index_disease, study_ids))]


def instrument_rows(session: Session, index_disease: str | None = None,
                    study_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Item-level answers of Katz, Lawton and Charlson for every visit of the chosen patients."""
    stmt = (
        select(VisitInstrument.visit_id, VisitInstrument.instrument, VisitInstrument.answers,
               VisitInstrument.total, VisitInstrument.not_assessable_reason)
        .join(Visit, Visit.id == VisitInstrument.visit_id)
        .join(Patient, Patient.id == Visit.patient_id)
        .where(VisitInstrument.instrument.in_(ITEM_INSTRUMENTS))
    )
    return [dict(r._mapping) for r in session.execute(_of_patients(stmt, index_disease, study_ids))]


def patients_with_milestones(session: Session, index_disease: str | None = None,
                             study_ids: Sequence[str] | None = None) -> Sequence[Patient]:
    stmt = select(Patient).options(selectinload(Patient.milestones)).order_by(Patient.study_id)
    return session.scalars(_of_patients(stmt, index_disease, study_ids)).all()


def visited_timepoints(session: Session, index_disease: str | None = None,
                       study_ids: Sequence[str] | None = None) -> list[tuple[int, str]]:
    """The distinct (patient, timepoint) pairs that have a visit, whatever its status."""
    stmt = select(Visit.patient_id, Visit.timepoint).join(Patient, Patient.id == Visit.patient_id).distinct()
    return [(r[0], r[1]) for r in session.execute(_of_patients(stmt, index_disease, study_ids))]
