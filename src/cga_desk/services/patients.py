"""Registering and editing patients and their treatment milestones (every change audited)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date

from ..domain import access
from ..domain.errors import NotFoundError, ValidationError
from ..domain.limits import MRN_MAX, NAME_MAX, STUDY_ID_MAX, check_text
from ..domain.records import INDEX_DISEASES, SEXES, MilestoneView, PatientInput, PatientView, User
from ..forms.patient_age import ADULT_AGE, MAX_AGE, age_in_years
from ..forms.schedule import MILESTONE_KINDS
from ..i18n import translate
from ..persistence import patient_reads
from ..persistence.tables import Milestone, Patient
from ..persistence.uow import UnitOfWork
from . import audit
from .scoring import rescore_patient_visits

EDITABLE = ("name", "birth_date", "sex", "index_disease", "diagnosis_date", "mrn")
YOUNG_AGE = ADULT_AGE  # under 18 the window asks for confirmation (an adult clinic); over 120 is refused


def _unique_id(uow: UnitOfWork, study_id: str, field: str = "study_id") -> None:
    """Study IDs are unique ignoring case and surrounding spaces (PCL-001 and pcl-001 are one patient)."""
    same = uow.patients.same_id(study_id)
    if same is not None:
        raise ValidationError(
            field,
            translate("services", "a patient with ID {study_id!r} is already registered").format(
                study_id=same.study_id
            ),
        )


def to_view(p: Patient) -> PatientView:
    return PatientView(
        p.study_id,
        p.name,
        p.birth_date,
        p.sex,
        p.index_disease,
        p.diagnosis_date,
        tuple(MilestoneView(m.kind, m.date, m.note) for m in p.milestones),
        p.mrn,
    )


def validate_patient(data: PatientInput, today: date) -> PatientInput:
    if data.study_id is None or (isinstance(data.study_id, str) and not data.study_id.strip()):
        raise ValidationError("study_id", translate("services", "a patient needs a study or record ID"))
    study_id = check_text(data.study_id, "study_id", STUDY_ID_MAX, required=True) or ""
    if data.birth_date > today:
        raise ValidationError(
            "birth_date",
            translate("services", "{birth_date} is in the future").format(birth_date=data.birth_date.isoformat()),
        )
    age = age_in_years(data.birth_date, today)
    if age > MAX_AGE:  # forms/patient_age.py
        raise ValidationError(
            "birth_date",
            translate("services", "gives an age of {age} years; over {max_age} is refused (a typing mistake?)").format(
                age=age, max_age=MAX_AGE
            ),
        )
    if data.diagnosis_date and data.diagnosis_date < data.birth_date:
        raise ValidationError("diagnosis_date", translate("services", "is before the birth date"))
    if data.diagnosis_date and data.diagnosis_date > today:
        raise ValidationError(
            "diagnosis_date",
            translate("services", "{diagnosis_date} is in the future").format(
                diagnosis_date=data.diagnosis_date.isoformat()
            ),
        )
    if data.sex is not None and data.sex not in SEXES:
        raise ValidationError(
            "sex", translate("services", "{sex!r} is not one of {join}").format(sex=data.sex, join=", ".join(SEXES))
        )
    if data.index_disease is not None and data.index_disease not in INDEX_DISEASES:
        raise ValidationError(
            "index_disease",
            translate("services", "{index_disease!r} is not one of {join}").format(
                index_disease=data.index_disease, join=", ".join(INDEX_DISEASES)
            ),
        )
    name = check_text(data.name, "name", NAME_MAX)
    mrn = check_text(data.mrn, "mrn", MRN_MAX)  # trimmed; blank is none
    return replace(data, study_id=study_id, name=name, mrn=mrn)


def require_patient(uow: UnitOfWork, study_id: str) -> Patient:
    patient = uow.patients.get(study_id)
    if patient is None:
        raise NotFoundError(_not_found(study_id))
    return patient


def _not_found(study_id: str) -> str:
    return f"No patient with ID {study_id!r}."


@dataclass(frozen=True)
class StoredPatient:
    """A patient read column-wise for display: the view, and the keys the other reads of the same
    page need (its row id and schedule). Reading never builds an ORM row (issue 8)."""

    id: int
    schedule_id: int | None
    view: PatientView


def read_patient(uow: UnitOfWork, study_id: str) -> StoredPatient:
    """The patient and its milestones in one SELECT; NotFoundError as require_patient() raises it."""
    rows = patient_reads.patient_with_milestones(uow.session, study_id)
    if not rows:
        raise NotFoundError(_not_found(study_id))
    p = rows[0]
    milestones = tuple(
        MilestoneView(r.milestone_kind, r.milestone_date, r.milestone_note)
        for r in rows
        if r.milestone_kind is not None
    )
    view = PatientView(p.study_id, p.name, p.birth_date, p.sex, p.index_disease, p.diagnosis_date, milestones, p.mrn)
    return StoredPatient(p.id, p.schedule_id, view)


def register_patient(uow: UnitOfWork, by: User, data: PatientInput, today: date | None = None) -> PatientView:
    access.require(by, access.EDIT_PATIENTS)
    data = validate_patient(data, today or date.today())
    _unique_id(uow, data.study_id)
    row = uow.patients.add(Patient(**asdict(data)))
    for key in EDITABLE:
        audit.record(uow, by, "register", "patient", row.study_id, key, None, getattr(row, key))
    uow.commit()
    return to_view(row)


def edit_patient(
    uow: UnitOfWork,
    by: User,
    study_id: str,
    data: PatientInput,
    today: date | None = None,
    reason: str | None = None,
) -> PatientView:
    """Change a patient's details (the ID: correct_study_id). A new birth date rescores every visit (age
    changes). `reason` is recorded with each changed field (the window requires one for a correction)."""
    access.require(by, access.EDIT_PATIENTS)
    row = require_patient(uow, study_id)
    why = (reason or "").strip() or None
    data = validate_patient(replace(data, study_id=study_id), today or date.today())
    birth_changed = row.birth_date != data.birth_date
    for key in EDITABLE:
        old, new = getattr(row, key), getattr(data, key)
        if old != new:
            setattr(row, key, new)
            audit.record(uow, by, "edit", "patient", study_id, key, old, new, why)
    if birth_changed:
        uow.flush()
        rescore_patient_visits(uow, by, row)
    uow.commit()
    return to_view(row)


def add_milestone(uow: UnitOfWork, by: User, study_id: str, kind: str, day: date, note: str = "") -> PatientView:
    access.require(by, access.EDIT_PATIENTS)
    row = require_patient(uow, study_id)
    if kind not in MILESTONE_KINDS:
        raise ValidationError(
            "kind",
            translate("services", "{kind!r} is not a milestone; expected {join}").format(
                kind=kind, join=", ".join(MILESTONE_KINDS)
            ),
        )
    if day < row.birth_date:
        raise ValidationError("date", translate("services", "is before the patient's birth date"))
    if any(m.kind == kind and m.date == day for m in row.milestones):
        raise ValidationError(
            "date", translate("services", "{kind} on {day} is already recorded").format(kind=kind, day=day.isoformat())
        )
    row.milestones.append(Milestone(kind=kind, date=day, note=note))
    audit.record(uow, by, "add_milestone", "patient", study_id, kind, None, day.isoformat())
    uow.commit()
    return to_view(row)


def get_patient(uow: UnitOfWork, by: User, study_id: str) -> PatientView:
    access.require(by, access.READ)
    return to_view(require_patient(uow, study_id))


def _reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError("reason", translate("services", "say why (kept in the audit trail)"))
    return text


def correct_study_id(
    uow: UnitOfWork, by: User, study_id: str, new_id: str, reason: str, today: date | None = None
) -> PatientView:
    """A mistyped study ID corrected: the patient keeps every visit; the old ID stays in the audit trail."""
    access.require(by, access.EDIT_PATIENTS)
    why = _reason(reason)
    row = require_patient(uow, study_id)
    new_id = check_text(new_id, "study_id", STUDY_ID_MAX, required=True) or ""
    if new_id == row.study_id:
        raise ValidationError("study_id", translate("services", "the new ID is the same as the old one"))
    same = uow.patients.same_id(new_id)
    if same is not None and same.id != row.id:
        raise ValidationError(
            "study_id",
            translate("services", "a patient with ID {study_id!r} is already registered").format(
                study_id=same.study_id
            ),
        )
    old, row.study_id = row.study_id, new_id
    audit.record(uow, by, "correct_id", "patient", new_id, "study_id", old, new_id, why)
    uow.commit()
    return to_view(row)


def mark_registered_in_error(uow: UnitOfWork, by: User, study_id: str, reason: str) -> None:
    """A patient registered by mistake (a duplicate, the wrong person) leaves the lists, the cohort and
    the exports; the record and its audit trail are kept, and an admin can undo the mark."""
    access.require(by, access.EDIT_PATIENTS)
    why = _reason(reason)
    row = require_patient(uow, study_id)
    if row.registered_in_error:
        raise ValidationError(
            "study_id",
            translate("services", "{study_id} is already marked registered in error").format(study_id=study_id),
        )
    row.registered_in_error = True
    audit.record(uow, by, "registered_in_error", "patient", study_id, "registered_in_error", False, True, why)
    uow.commit()


def undo_registered_in_error(uow: UnitOfWork, by: User, study_id: str, reason: str) -> None:
    """Admin only: bring a patient marked registered in error back into the lists and exports."""
    access.require(by, access.RESTORE_PATIENT)
    why = _reason(reason)
    row = require_patient(uow, study_id)
    if not row.registered_in_error:
        raise ValidationError(
            "study_id",
            translate("services", "{study_id} is not marked registered in error").format(study_id=study_id),
        )
    row.registered_in_error = False
    audit.record(uow, by, "registered_in_error", "patient", study_id, "registered_in_error", True, False, why)
    uow.commit()


def registered_in_error(uow: UnitOfWork, by: User) -> list[PatientView]:
    """Admin only: the patients marked registered in error (hidden from lists and exports), to undo a mark."""
    access.require(by, access.RESTORE_PATIENT)
    return [to_view(p) for p in uow.patients.in_error()]
