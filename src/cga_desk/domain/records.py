"""Plain, frozen records that services return (never ORM rows): users, patients, visits, audit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

NURSE, PHYSICIAN, ADMIN = "nurse", "physician", "admin"
ROLES = (NURSE, PHYSICIAN, ADMIN)
DRAFT, COMPLETE, SIGNED = "draft", "complete", "signed"
RESPONDENTS = ("patient", "proxy", "both")
SEXES = ("female", "male", "other", "unknown")
INDEX_DISEASES = {
    "primary_plasma_cell_leukemia": "Primary plasma cell leukaemia",
    "secondary_plasma_cell_leukemia": "Secondary plasma cell leukaemia",
    "multiple_myeloma": "Multiple myeloma",
    "smouldering_myeloma": "Smouldering myeloma",
    "al_amyloidosis": "AL amyloidosis",
    "other": "Other",
}


@dataclass(frozen=True)
class User:
    """A signed-in user as the services see them: `name` is the unique user name (recorded on every
    change), `full_name` what a signature prints."""

    name: str
    role: str
    full_name: str = ""

    @property
    def can_sign(self) -> bool:
        return self.role == PHYSICIAN

    @property
    def display_name(self) -> str:
        return self.full_name or self.name


@dataclass(frozen=True)
class AccountView:
    """A user account as the admin's list shows it (never the password hash)."""

    name: str
    full_name: str
    role: str
    active: bool
    has_password: bool
    must_change_password: bool
    locked_until: datetime | None


@dataclass(frozen=True)
class SignatureView:
    """One electronic signature of one revision of a visit (21 CFR 11.50: who, when, what it means)."""

    signer: str
    full_name: str
    signed_at: datetime  # UTC
    meaning: str
    revision: int
    content_hash: str  # SHA-256 of the signed content (services.signatures.content_hash)


@dataclass(frozen=True)
class PatientInput:
    study_id: str
    birth_date: date
    name: str | None = None
    sex: str | None = None
    index_disease: str | None = None
    diagnosis_date: date | None = None
    mrn: str | None = None  # the hospital's medical record number (optional)


@dataclass(frozen=True)
class MilestoneView:
    kind: str
    date: date
    note: str = ""


@dataclass(frozen=True)
class PatientView:
    study_id: str
    name: str | None
    birth_date: date
    sex: str | None
    index_disease: str | None
    diagnosis_date: date | None
    milestones: tuple[MilestoneView, ...] = ()
    mrn: str | None = None  # the hospital's medical record number (optional)

    def age_on(self, day: date) -> int:
        return (
            day.year - self.birth_date.year - int((day.month, day.day) < (self.birth_date.month, self.birth_date.day))
        )


@dataclass(frozen=True)
class InstrumentState:
    instrument: str
    form_version: str
    answers: dict[str, Any] | None  # item -> answer (Charlson: condition -> bool)
    total: int | None  # a total from paper records, or the ECOG grade
    not_assessable_reason: str | None


@dataclass(frozen=True)
class VisitView:
    id: int
    study_id: str
    visit_date: date
    timepoint: str
    assessor: str | None
    respondent: str | None
    status: str
    is_baseline: bool
    revision: int
    amendment_reason: str | None
    signed_by: str | None
    signed_at: datetime | None
    instruments: dict[str, InstrumentState]
    scores: dict[str, Any]  # the result document of docs/clinical-rules.md section 10
    completed_by: str | None = None
    completed_at: datetime | None = None
    missing: tuple[str, ...] = ()  # what stands between this visit and "complete", in words
    signature: SignatureView | None = None  # the current revision's signature, when signed
    signature_valid: bool | None = None  # None: not signed; False: content changed after signing
    version: int = 0  # the stored version when read: a write passes it back (optimistic concurrency)

    @property
    def imwg_category(self) -> str | None:
        imwg = self.scores.get("imwg")
        return imwg["category"] if imwg else None


@dataclass(frozen=True)
class VisitVersionView:
    revision: int
    superseded_at: datetime
    superseded_by: str
    reason: str
    snapshot: dict[str, Any]


@dataclass(frozen=True)
class AuditView:
    at: datetime
    user_name: str
    action: str
    entity: str
    entity_id: str
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None
    app_version: str


@dataclass(frozen=True)
class ImportSummary:
    lines: int
    patients_created: int
    visits_created: int
    visits_unchanged: int
    warnings: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class NoteView:
    """A dated note on a patient, e.g. a physician's "trend reviewed" note on the frailty trend."""

    id: int
    study_id: str
    note_date: date
    kind: str  # trend_reviewed, note
    text: str
    author: str
    created_at: datetime
