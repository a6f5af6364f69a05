"""What every exchange format (ADaM, REDCap, FHIR, ODM) is written from: one patient's stored record,
already de-identified when asked (services/exchange.py decides what a de-identified record keeps).

The writers in this package take these records and the instrument registry (forms/registry.py) and
nothing else, so a new instrument appears in every format without a line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..domain.records import MilestoneView, VisitView
from ..forms.change import VisitChange

AGE_CAP = 90  # HIPAA Safe Harbor: ages of 90 and over are one category, "90+"


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    user: str
    action: str
    field: str | None
    reason: str | None


@dataclass(frozen=True)
class ExVisit:
    visit: VisitView  # dates shifted and free text dropped when de-identified
    change: VisitChange
    number: int  # 1, 2, ... in date order (AVISITN, the visit number)
    scoring_version: str
    audit: tuple[AuditEntry, ...] = ()

    @property
    def age(self) -> int | None:
        """Age in completed years, capped at 90 when the record is de-identified (see ExRecord.age_of)."""
        value = self.visit.scores.get("age_years")
        return value if isinstance(value, int) else None


@dataclass(frozen=True)
class ExPatient:
    study_id: str
    name: str | None  # None when de-identified
    birth_date: date | None  # None when de-identified
    sex: str | None
    index_disease: str | None
    diagnosis_date: date | None
    milestones: tuple[MilestoneView, ...]


@dataclass(frozen=True)
class ExRecord:
    patient: ExPatient
    visits: tuple[ExVisit, ...]
    deidentified: bool
    date_shift_days: int = 0  # the secret shift applied to every date (never written anywhere)

    @property
    def first_baseline(self) -> ExVisit | None:
        return next((v for v in self.visits if v.change.is_baseline), None)

    def age_of(self, visit: ExVisit) -> int | None:
        age = visit.age
        if age is None or not self.deidentified:
            return age
        return min(age, AGE_CAP)

    def age_text(self, visit: ExVisit) -> str:
        """The age as written: "90+" for 90 and over in a de-identified record."""
        age = self.age_of(visit)
        if age is None:
            return ""
        return f"{AGE_CAP}+" if self.deidentified and age >= AGE_CAP else str(age)


def score_value(scores: dict[str, Any], key: str) -> Any:
    """A score of a result document by dotted key: "imwg.score", "katz_adl"."""
    value: Any = scores
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value
