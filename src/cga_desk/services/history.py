"""A patient's history: visits in date order with change from baseline (docs/clinical-rules.md 8 and 11)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain import access
from ..domain.records import PatientView, User, VisitView
from ..forms import messages, registry
from ..forms.change import VisitChange, VisitPoint, compute_changes_of
from ..i18n import ENGLISH, use_language
from ..persistence.uow import UnitOfWork
from .patients import read_patient
from .visits import read_visits

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class HistoryRow:
    visit: VisitView
    change: VisitChange


@dataclass(frozen=True)
class PatientHistory:
    patient: PatientView
    rows: tuple[HistoryRow, ...]


def _answers(v: VisitView) -> dict[str, Any]:
    return {k: s.answers for k, s in v.instruments.items() if s.answers is not None and not s.not_assessable_reason}


def to_point(v: VisitView) -> VisitPoint:
    s = v.scores
    scores = {k: _score(s, k) for k in _CHANGE_KEYS}
    return VisitPoint(v.visit_date, v.timepoint, v.is_baseline, scores, v.imwg_category, _answers(v))


_IMWG = registry.IMWG_CHANGE.key
_CHANGE_KEYS = tuple(k.key for k in registry.CHANGE_KEYS)


def _score(scores: Mapping[str, Any], key: str) -> Any:
    """A change key's value in a result document: a total, or an object's total/score (IMWG, G8)."""
    value = scores.get("imwg") if key == _IMWG else scores.get(key)
    if value is None or type(value) is int:  # the common cases first: this runs per visit and score
        return value
    if isinstance(value, Mapping):
        return value.get("total", value.get("score"))
    return value


def build_history(patient: PatientView, visits: list[VisitView]) -> PatientHistory:
    return build_histories([(patient, visits)])[0]


def build_histories(patients: Sequence[tuple[PatientView, list[VisitView]]]) -> list[PatientHistory]:
    """build_history of several patients, the change rule run once over all their visits (exports)."""
    ordered = [sorted(visits, key=lambda v: (v.visit_date, v.id)) for _, visits in patients]
    changes = compute_changes_of([[to_point(v) for v in visits] for visits in ordered])
    return [
        PatientHistory(patient, tuple(HistoryRow(v, c) for v, c in zip(visits, cs)))
        for (patient, _), visits, cs in zip(patients, ordered, changes)
    ]


def patient_history(uow: UnitOfWork, by: User, study_id: str) -> PatientHistory:
    """Three SELECTs whatever the number of visits (patient with milestones, visits with scores,
    answers), read column-wise into the domain records: no ORM objects (issue 8)."""
    access.require(by, access.READ)
    return read_history(uow, study_id)


def read_history(uow: UnitOfWork, study_id: str) -> PatientHistory:
    """patient_history() for a service that has checked the user's rights already."""
    patient = read_patient(uow, study_id)
    return build_history(patient.view, read_visits(uow, patient.id, study_id))


def _visit_document(r: HistoryRow) -> dict[str, Any]:
    c = r.change
    return {
        "date": r.visit.visit_date.isoformat(),
        "timepoint": r.visit.timepoint,
        "status": r.visit.status,
        "is_baseline": c.is_baseline,
        "scores": r.visit.scores,
        "baseline_date": c.baseline_date.isoformat() if c.baseline_date else None,
        "days_from_baseline": c.days_from_baseline,
        "months_from_baseline": c.months_from_baseline,
        "change_from_baseline": c.change_from_baseline,
        "change_from_previous": c.change_from_previous,
        "imwg_category_change": c.imwg_category_change,
        "declined": list(c.declined),
        "item_changes": messages.item_changes(c.item_changes),
    } | _signature_document(r.visit)


def _signature_document(v: VisitView) -> dict[str, Any]:
    """A signed visit's signature (who, when in UTC, meaning, hash, and whether the stored content still
    matches it); nothing for a visit that is not signed, so unsigned histories keep their exact form."""
    if v.status != "signed":
        return {}
    s = v.signature
    if s is None:
        at = v.signed_at.isoformat() if v.signed_at else None
        return {
            "signature": {"signer": v.signed_by, "signed_at": at, "valid": None, "text": messages.signature_line(v)}
        }
    return {
        "signature": {
            "signer": s.signer,
            "full_name": s.full_name,
            "signed_at": s.signed_at.isoformat(),
            "meaning": s.meaning,
            "revision": s.revision,
            "content_sha256": s.content_hash,
            "valid": bool(v.signature_valid),
            "text": messages.signature_line(v),
        }
    }


def history_document(h: PatientHistory) -> dict[str, Any]:
    """The history document of spec section 11 (with a few more keys: status, months, item changes).

    `item_changes` is a list of readable lines made by the message catalogue (forms.messages), for a
    person reading the document; programs use the facts (`VisitChange.item_changes`). A document is the
    same in every language of the program: its lines are made in English (the source wording)."""
    with use_language(ENGLISH):
        return {"patient": {"id": h.patient.study_id}, "visits": [_visit_document(r) for r in h.rows]}


def _english_lines(changes: Any) -> list[str]:
    with use_language(ENGLISH):
        return messages.item_changes(changes)


def history_frame(h: PatientHistory) -> pd.DataFrame:
    """One row per visit: scores, the baseline, change from baseline and from the previous visit."""
    import pandas as pd

    records = []
    for r in h.rows:
        s, c = r.visit.scores, r.change
        rec: dict[str, Any] = {
            "visit_id": r.visit.id,
            "visit_date": r.visit.visit_date,
            "timepoint": r.visit.timepoint,
            "status": r.visit.status,
            "is_baseline": c.is_baseline,
            "baseline_date": c.baseline_date,
            "days_from_baseline": c.days_from_baseline,
            "months_from_baseline": c.months_from_baseline,
            "age_years": s.get("age_years"),
            "katz_adl": s.get("katz_adl"),
            "lawton_iadl": s.get("lawton_iadl"),
            "cci": s.get("cci"),
            "ecog": s.get("ecog"),
            "imwg_score": s["imwg"]["score"] if s.get("imwg") else None,
            "imwg_category": r.visit.imwg_category,
            "imwg_category_change": c.imwg_category_change,
            "declined": list(c.declined),
            "item_changes": _english_lines(c.item_changes),
        }
        for key in registry.DECLINE_SIGN:
            rec[f"change_{key}"] = (c.change_from_baseline or {}).get(key)
            rec[f"change_previous_{key}"] = (c.change_from_previous or {}).get(key)
        records.append(rec)
    frame = pd.DataFrame.from_records(records)
    int_columns = [
        k
        for k in frame.columns
        if k.startswith("change_")
        or k in ("age_years", "katz_adl", "lawton_iadl", "cci", "ecog", "imwg_score", "days_from_baseline")
    ]
    return frame.astype({k: "Int64" for k in int_columns}) if len(frame) else frame
