"""`cga-desk import --format redcap DATA.csv --dictionary DICT.csv`: a REDCap export of the project that
`cga-desk export --format redcap` describes (interop/redcap.py), back into the store.

Everything is validated first and stored in one transaction; patients already in the database are
refused (a REDCap import fills an empty database or adds new patients, it never merges). Visits keep
their status, baseline mark, respondent, completion and signature as exported, and are scored again
by this program from their answers, so each patient's history document is the one exported.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date
from typing import Any

from ..domain.errors import ValidationError
from ..domain.records import INDEX_DISEASES, RESPONDENTS, SEXES, ImportSummary, User
from ..forms import registry
from ..interop.redcap import MILESTONE_KINDS, STATUSES, RedcapRecord, parse_date, parse_time
from ..persistence.tables import Milestone, Patient, Visit, VisitInstrument
from ..persistence.uow import UnitOfWork
from . import audit
from .scoring import score_visit


def _choice(value: str, name: str, choices: Iterable[str], line: int) -> str | None:
    if not value:
        return None
    if value not in choices:
        raise ValidationError(name, f"{value!r} is not one of {', '.join(choices)}", line)
    return value


def _utc(value: Any) -> Any:
    return None if value is None else value.replace(tzinfo=UTC)


def _patient(uow: UnitOfWork, by: User, rec: RedcapRecord) -> Patient:
    p = rec.patient
    if not p:
        raise ValidationError("record_id", f"{rec.study_id}: no row of the enrolment event (patient form)")
    if uow.patients.get(rec.study_id) is not None:
        raise ValidationError("record_id", f"{rec.study_id} is already in this database; import into an empty one")
    birth = parse_date(p.get("birth_date", ""), "birth_date", 0)
    if birth is None:
        raise ValidationError("birth_date", f"{rec.study_id}: missing (a de-identified export cannot be imported)")
    row = uow.patients.add(
        Patient(
            study_id=rec.study_id,
            name=p.get("patient_name") or None,
            birth_date=birth,
            sex=_choice(p.get("sex", ""), "sex", SEXES, 0),
            index_disease=_choice(p.get("index_disease", ""), "index_disease", INDEX_DISEASES, 0),
            diagnosis_date=parse_date(p.get("diagnosis_date", ""), "diagnosis_date", 0),
        )
    )
    for kind, day, note in rec.milestones:
        _choice(kind, "milestone_kind", MILESTONE_KINDS, 0)
        uow.patients.add_milestone(Milestone(patient_id=row.id, kind=kind, date=day, note=note))
    audit.record(uow, by, "import", "patient", row.study_id, "birth_date", None, row.birth_date, "REDCap")
    return row


def _visit(uow: UnitOfWork, by: User, patient: Patient, values: dict[str, str], line: int, instruments: Any) -> None:
    day: date | None = parse_date(values.get("visit_date", ""), "visit_date", line)
    if day is None:
        raise ValidationError("visit_date", "missing", line)
    revision = values.get("visit_revision", "") or "1"
    visit = Visit(
        patient_id=patient.id,
        visit_date=day,
        timepoint=values.get("visit_timepoint", ""),
        is_baseline=values.get("visit_baseline") == "1",
        assessor=values.get("visit_assessor") or None,
        respondent=_choice(values.get("visit_respondent", ""), "visit_respondent", RESPONDENTS, line),
        status=_choice(values.get("visit_status", ""), "visit_status", STATUSES, line) or "draft",
        revision=int(revision) if revision.isdigit() else 1,
        amendment_reason=values.get("visit_amendment") or None,
        completed_by=values.get("visit_completed_by") or None,
        completed_at=_utc(parse_time(values.get("visit_completed_at", ""), "visit_completed_at", line)),
        signed_by=values.get("visit_signed_by") or None,
        signed_at=_utc(parse_time(values.get("visit_signed_at", ""), "visit_signed_at", line)),
    )
    for code in registry.CODES:
        if code not in instruments:
            continue
        answers, total, reason, version = instruments[code]
        visit.instruments.append(
            VisitInstrument(
                instrument=code, form_version=version, answers=answers, total=total, not_assessable_reason=reason
            )
        )
    uow.visits.add(visit)
    score_visit(visit, patient)
    audit.record(
        uow,
        by,
        "import",
        "visit",
        visit.id,
        "visit",
        None,
        {"patient": patient.study_id, "date": day.isoformat(), "timepoint": visit.timepoint, "line": line},
        "REDCap",
    )


def import_redcap(uow: UnitOfWork, by: User, records: Iterable[RedcapRecord]) -> ImportSummary:
    """Store every record (one transaction: the caller's unit of work rolls back on a refusal). An admin's
    right, like every import."""
    from ..domain import access

    access.require(by, access.IMPORT)
    patients = visits = lines = 0
    for rec in records:
        patient = _patient(uow, by, rec)
        patients += 1
        lines += 1 + len(rec.milestones)
        for v in sorted(rec.visits, key=lambda v: v.values.get("visit_date", "")):
            _visit(uow, by, patient, v.values, v.line, v.instruments)
            visits += 1
            lines += 1
    uow.commit()
    return ImportSummary(lines, patients, visits, 0)
