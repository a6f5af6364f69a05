"""`cga-desk import`: visit records (docs/clinical-rules.md section 11) into the store, one transaction per file.

Every line is validated before anything is written; a refused line raises a ValidationError naming
its line and field, and the unit of work rolls back, so nothing of that file is stored. A visit is
identified by (patient, date, timepoint): importing the same file twice creates nothing new.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain import access
from ..domain.assessment import Assessment
from ..domain.errors import ValidationError
from ..domain.limits import ASSESSOR_MAX, NAME_MAX, STUDY_ID_MAX, TIMEPOINT_MAX, check_text, type_name
from ..domain.records import COMPLETE, DRAFT, INDEX_DISEASES, RESPONDENTS, SEXES, ImportSummary, PatientInput, User
from ..forms import registry
from ..forms.document import parse_assessment, parse_date
from ..i18n import IMPORTED_WORDING
from ..persistence.tables import Patient, Visit, VisitInstrument
from ..persistence.uow import UnitOfWork
from . import audit
from .patients import validate_patient
from .scoring import SPECS, instrument_value, score_visit

_PATIENT_FIELDS = {"study_id": "id"}  # validate_patient's field names as an import record names them
RECORD_KEYS = ("patient", "visit", "assessment")
PATIENT_KEYS = ("id", "birth_date", "sex", "index_disease", "name", "diagnosis_date")
VISIT_KEYS = ("date", "timepoint", "baseline", "assessor", "respondent")
ASSESSMENT_KEYS = registry.CODES


@dataclass(frozen=True)
class VisitRecord:
    line: int
    patient: PatientInput
    visit_date: date
    timepoint: str
    baseline: bool
    assessor: str | None
    respondent: str | None
    assessment: Assessment


def _object(value: Any, field: str, keys: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(field, "expected a JSON object")
    for key in value:
        if key not in keys:
            raise ValidationError(
                f"{field}.{key}" if field != "record" else key, f"unknown field; expected {', '.join(keys)}"
            )
    return value


def _choice(value: Any, field: str, choices: Iterable[str]) -> str | None:
    if value is not None and (not isinstance(value, str) or value not in choices):
        shown = repr(value) if isinstance(value, str) and len(value) <= 60 else type_name(value)
        raise ValidationError(field, f"{shown} is not one of {', '.join(choices)}")
    return value


def _text(value: Any, field: str, max_length: int, required: bool = False) -> str | None:
    return check_text(value, field, max_length, required)


def parse_record(value: Any, line: int, today: date) -> VisitRecord:
    rec = _object(value, "record", RECORD_KEYS)
    for key in ("patient", "visit"):
        if key not in rec:
            raise ValidationError(key, "missing")
    p = _object(rec["patient"], "patient", PATIENT_KEYS)
    v = _object(rec["visit"], "visit", VISIT_KEYS)
    a = _object(rec.get("assessment", {}), "assessment", ASSESSMENT_KEYS)
    if "birth_date" not in p:
        raise ValidationError("patient.birth_date", "missing")
    birth = parse_date(p["birth_date"], "patient.birth_date")
    on = parse_date(v.get("date"), "visit.date")
    if on > today:
        raise ValidationError("visit.date", f"{on.isoformat()} is after today ({today.isoformat()})")
    if on < birth:
        raise ValidationError("visit.date", f"{on.isoformat()} is before the patient's birth date {birth.isoformat()}")
    if not isinstance(v.get("baseline", False), bool):
        raise ValidationError("visit.baseline", "expected true or false")
    try:
        assessment = parse_assessment({**a, "birth_date": birth.isoformat(), "assessment_date": on.isoformat()})
    except ValidationError as exc:
        raise ValidationError(f"assessment.{exc.field}", exc.message) from None
    patient = PatientInput(
        study_id=_text(p.get("id"), "patient.id", STUDY_ID_MAX, required=True) or "",
        birth_date=birth,
        name=_text(p.get("name"), "patient.name", NAME_MAX),
        sex=_choice(p.get("sex"), "patient.sex", SEXES),
        index_disease=_choice(p.get("index_disease"), "patient.index_disease", INDEX_DISEASES),
        diagnosis_date=parse_date(p["diagnosis_date"], "patient.diagnosis_date")
        if p.get("diagnosis_date") is not None
        else None,
    )
    try:
        patient = validate_patient(patient, today)
    except ValidationError as exc:  # the same rules as the patient dialog (a diagnosis before birth...)
        raise ValidationError(f"patient.{_PATIENT_FIELDS.get(exc.field, exc.field)}", exc.message) from None
    return VisitRecord(
        line,
        patient,
        on,
        _text(v.get("timepoint"), "visit.timepoint", TIMEPOINT_MAX, required=True) or "",
        bool(v.get("baseline", False)),
        _text(v.get("assessor"), "visit.assessor", ASSESSOR_MAX),
        _choice(v.get("respondent"), "visit.respondent", RESPONDENTS),
        assessment,
    )


def parse_records(lines: Iterable[tuple[int, Any]], today: date) -> list[VisitRecord]:
    """Validate every line first; the first refused line raises with its line number."""
    out = []
    for number, value in lines:
        if isinstance(value, ValidationError):
            raise value.at_line(number)
        try:
            out.append(parse_record(value, number, today))
        except ValidationError as exc:
            raise exc.at_line(number) from None
    return out


def _values(a: Assessment) -> dict[str, Any]:
    return {code: a.of(code) for code in registry.CODES}


def _stored_values(visit: Visit) -> dict[str, Any]:
    rows = {r.instrument: r for r in visit.instruments}
    return {code: instrument_value(rows.get(code)) for code in registry.CODES}


def _patient(uow: UnitOfWork, by: User, rec: VisitRecord, counts: dict[str, int]) -> Patient:
    row = uow.patients.get(rec.patient.study_id)
    if row is None:
        row = uow.patients.add(
            Patient(
                study_id=rec.patient.study_id,
                birth_date=rec.patient.birth_date,
                name=rec.patient.name,
                sex=rec.patient.sex,
                index_disease=rec.patient.index_disease,
                diagnosis_date=rec.patient.diagnosis_date,
            )
        )
        audit.record(uow, by, "import", "patient", row.study_id, "birth_date", None, row.birth_date)
        counts["patients"] += 1
    elif row.birth_date != rec.patient.birth_date:
        raise ValidationError(
            "patient.birth_date",
            f"{rec.patient.birth_date.isoformat()} differs from the "
            f"stored birth date of {row.study_id} ({row.birth_date.isoformat()})",
            rec.line,
        )
    return row


def _add_visit(uow: UnitOfWork, by: User, rec: VisitRecord, patient: Patient) -> None:
    visit = Visit(
        patient_id=patient.id,
        visit_date=rec.visit_date,
        timepoint=rec.timepoint,
        is_baseline=rec.baseline,
        assessor=rec.assessor,
        respondent=rec.respondent,
        status=DRAFT,
    )
    for name, value in _values(rec.assessment).items():
        if value is None:
            continue
        row = VisitInstrument(instrument=name, form_version=SPECS[name].version, wording_version=IMPORTED_WORDING)
        if isinstance(value, int):
            row.total = value
        else:
            row.answers = dict(value)
        visit.instruments.append(row)
    uow.visits.add(visit)
    scores = score_visit(visit, patient)
    if all(getattr(scores, i.total_key) is not None for i in registry.INSTRUMENTS if i.required):
        visit.status = COMPLETE
    audit.record(
        uow,
        by,
        "import",
        "visit",
        visit.id,
        "visit",
        None,
        {"patient": patient.study_id, "date": rec.visit_date.isoformat(), "timepoint": rec.timepoint, "line": rec.line},
    )


def import_records(
    uow: UnitOfWork, by: User, lines: Iterable[tuple[int, Any]], today: date | None = None
) -> ImportSummary:
    access.require(by, access.IMPORT)
    records = parse_records(lines, today or date.today())
    counts = {"patients": 0, "visits": 0, "unchanged": 0}
    for rec in records:
        patient = _patient(uow, by, rec, counts)
        existing = uow.visits.find(patient.id, rec.visit_date, rec.timepoint)
        if existing is None:
            _add_visit(uow, by, rec, patient)
            counts["visits"] += 1
        elif _stored_values(existing) == _values(rec.assessment) and existing.is_baseline == rec.baseline:
            counts["unchanged"] += 1
        else:
            raise ValidationError(
                "visit",
                f"{patient.study_id} already has a {rec.timepoint!r} visit on "
                f"{rec.visit_date.isoformat()} with other answers; change it in the program, "
                "not by importing",
                rec.line,
            )
    uow.commit()
    return ImportSummary(len(records), counts["patients"], counts["visits"], counts["unchanged"])
