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


@dataclass(frozen=True)
class VisitColumns:
    """A chunk of patients' stored record as columns (numpy arrays), for the formats whose rows are visits
    or visits x parameters at clinic scale (ADaM): read once by services/dataset.py, the reading behind
    the analysis dataset, already de-identified when asked (dates shifted, `deidentified` set).

    `patients`, one row per patient in study ID order: study_id, sex, index_disease, diagnosis_date
    (datetime64[D], NaT when unknown), `milestone:<kind>` (the latest of that kind, NaT when none).
    `visits`, one row per visit in study ID, visit date and id order: person (its row in `patients`),
    visit_number (1, 2, ... per patient), visit_date (datetime64[D]), timepoint, status, scoring_version,
    first_baseline and baseline (the row of the patient's first baseline and of the baseline in force,
    forms.change.NO_BASELINE when none; rows of this chunk), days_from_first_baseline (float, NaN),
    every stored score column (float with NaN, or text), every item column of the analysis dataset (float
    with NaN: answered item by item only) and `<instrument>_form_version` (object, None when absent)."""

    patients: dict[str, Any]
    visits: dict[str, Any]
    deidentified: bool

    @property
    def patient_count(self) -> int:
        return len(self.patients["study_id"])

    def __len__(self) -> int:
        return len(self.visits["person"])

    def slices(self, visits: int) -> list[VisitColumns]:
        """Consecutive chunks of whole patients holding at least `visits` visits each (the last may hold
        fewer; a patient without visits goes with the visits before it)."""
        import numpy as np

        person = self.visits["person"]
        n = self.patient_count
        ends = np.searchsorted(person, np.arange(n), side="right")  # each patient's last visit + 1
        out, start_p, start_v = [], 0, 0
        for p in range(n):
            if ends[p] - start_v >= visits or p == n - 1:
                out.append(self._part(start_p, p + 1, start_v, int(ends[p])))
                start_p, start_v = p + 1, int(ends[p])
        return out

    def _part(self, p0: int, p1: int, v0: int, v1: int) -> VisitColumns:
        import numpy as np

        from ..forms.change import NO_BASELINE

        visits = {k: a[v0:v1] for k, a in self.visits.items()}
        visits["person"] = visits["person"] - p0
        for key in ("first_baseline", "baseline"):
            rows = visits[key]
            visits[key] = np.where(rows == NO_BASELINE, NO_BASELINE, rows - v0)
        return VisitColumns({k: a[p0:p1] for k, a in self.patients.items()}, visits, self.deidentified)
