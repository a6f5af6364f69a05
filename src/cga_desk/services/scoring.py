"""Authoritative scoring of a stored visit: rows -> Assessment -> forms scoring -> visit_scores row."""

from __future__ import annotations

from typing import Any

from ..domain.assessment import Assessment
from ..domain.errors import StateError, ValidationError
from ..domain.records import InstrumentState
from ..forms import registry
from ..forms.document import score_assessment
from ..i18n import translate
from ..persistence.tables import Patient, Visit, VisitInstrument, VisitScore
from ..persistence.uow import UnitOfWork
from . import audit

SPECS = {i.code: i.spec for i in registry.INSTRUMENTS}


def instrument_value(row: VisitInstrument | None) -> Any:
    """What the scoring sees of one instrument: None (absent/not assessable), a total, or the answers."""
    if row is None or row.not_assessable_reason:
        return None
    if row.total is not None:
        return row.total
    return dict(row.answers) if row.answers is not None else None


def assessment_of(visit: Visit, patient: Patient) -> Assessment:
    rows = {r.instrument: r for r in visit.instruments}
    return Assessment(
        birth_date=patient.birth_date,
        assessment_date=visit.visit_date,
        age_years=None if visit.visit_date < patient.birth_date else _age(patient, visit),
        answers={code: instrument_value(rows.get(code)) for code in registry.CODES},
    )


def _age(patient: Patient, visit: Visit) -> int:
    from ..forms.imwg import age_in_completed_years

    return age_in_completed_years(patient.birth_date, visit.visit_date)


def score_visit(visit: Visit, patient: Patient) -> VisitScore:
    """Recompute and store the visit's scores; returns the (new or updated) scores row."""
    result = score_assessment(assessment_of(visit, patient))
    imwg = result.imwg or {}
    points = imwg.get("points", {})
    simplified = result.simplified_frailty or {}
    values = dict(
        scoring_version=result.scoring_version,
        age_years=result.age_years,
        cci_age_adjusted=result.get("cci_age_adjusted"),
        **{
            k: v
            for i in registry.INSTRUMENTS
            for k, v in i.stored_values(result.totals[i.code], result.age_years).items()
        },
        imwg_score=imwg.get("score"),
        imwg_category=imwg.get("category"),
        imwg_points_age=points.get("age"),
        imwg_points_cci=points.get("cci"),
        imwg_points_adl=points.get("adl"),
        imwg_points_iadl=points.get("iadl"),
        simplified_score=simplified.get("score"),
        simplified_category=simplified.get("category"),
        result=result.as_dict(),
    )
    if visit.score is None:
        visit.score = VisitScore(**values)
    else:
        for key, value in values.items():
            setattr(visit.score, key, value)
    return visit.score


def rescore_patient_visits(uow: UnitOfWork, by: Any, patient: Patient) -> None:
    """After a birth-date correction: every visit's age and scores follow, each change audited."""
    for visit in uow.visits.for_patient(patient.id):
        if visit.visit_date < patient.birth_date:
            raise ValidationError(
                "birth_date",
                translate("services", "the visit of {visit_date} would be before birth").format(
                    visit_date=visit.visit_date.isoformat()
                ),
            )
        before = visit.score.result.get("imwg") if visit.score else None
        whole = dict(visit.score.result) if visit.score else None
        after_score = score_visit(visit, patient)
        after = after_score.result.get("imwg")
        if visit.status == "signed" and whole != after_score.result:
            raise StateError(
                f"The signed visit of {visit.visit_date.isoformat()} would be rescored by this birth date: amend "
                "it first (a signed visit changes only by an amendment)."
            )
        if before != after:
            audit.record(uow, by, "rescore", "visit", visit.id, "imwg", before, after, "birth date corrected")


def instrument_state(row: VisitInstrument) -> InstrumentState:
    return InstrumentState(
        row.instrument,
        row.form_version,
        dict(row.answers) if row.answers is not None else None,
        row.total,
        row.not_assessable_reason,
    )
