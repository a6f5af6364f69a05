"""The stored record, patient by patient, for the exchange formats (interop/model.py), and
de-identification (docs/deidentification.md).

Patients are read in study ID order a chunk at a time (four SELECTs per chunk), so writing a
million visits holds one chunk in memory. A de-identified record has no name, no birth date, no free
text (assessor, amendment reasons, milestone notes, not-assessable reasons), and every date shifted
back by a secret number of days drawn per patient and per export (365 to 730 days), never written.
Day counts between dates (days from baseline, ADY) are unchanged by the shift.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from ..domain.records import SIGNED, MilestoneView, PatientView, VisitView
from ..interop.model import AuditEntry, ExPatient, ExRecord, ExVisit
from ..persistence import exchange_reads
from ..persistence.engine import json_loads
from ..persistence.uow import UnitOfWork
from .signatures import with_signatures
from .visits import views_of_rows

CHUNK_PATIENTS = 500
SHIFT_MIN_DAYS, SHIFT_SPAN_DAYS = 365, 366  # every de-identified date moves back 365-730 days (see the docs)
WITHHELD = "withheld (de-identified)"


class DateShift:
    """A secret per-patient shift: HMAC of the study ID under a key drawn for this export and then
    forgotten, so neither the file nor the database can undo it, and two exports shift differently."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def days(self, study_id: str) -> int:
        digest = hmac.new(self._key, study_id.encode("utf-8"), hashlib.sha256).digest()
        return SHIFT_MIN_DAYS + int.from_bytes(digest[:4], "big") % SHIFT_SPAN_DAYS


def _shift_date(day: date | None, days: int) -> date | None:
    return None if day is None else day - timedelta(days=days)


def _shift_time(at: datetime | None, days: int) -> datetime | None:
    return None if at is None else at - timedelta(days=days)


def _deidentified_visit(v: VisitView, days: int) -> VisitView:
    instruments = {
        code: replace(s, not_assessable_reason=WITHHELD) if s.not_assessable_reason else s
        for code, s in v.instruments.items()
    }
    scores = {k: val for k, val in v.scores.items() if k != "imwg_provenance"}  # the provenance says the age
    signature = v.signature
    if signature is not None:  # its moment shifted with the dates; its hash withheld: it would confirm a
        # guessed true visit date (the signed content holds it), and the shifted content no longer matches it
        signature = replace(signature, signed_at=_shift_time(signature.signed_at, days) or signature.signed_at)
        signature = replace(signature, content_hash="")
    return replace(
        v,
        signature=signature,
        visit_date=_shift_date(v.visit_date, days) or v.visit_date,
        assessor=None,
        amendment_reason=WITHHELD if v.amendment_reason else None,
        signed_at=_shift_time(v.signed_at, days),
        completed_at=_shift_time(v.completed_at, days),
        instruments=instruments,
        scores=scores,
    )


def deidentify(record: ExRecord, shift: DateShift) -> ExRecord:
    """The record without identifiers: see the module's docstring and docs/deidentification.md."""
    days = shift.days(record.patient.study_id)
    p = record.patient
    patient = ExPatient(
        p.study_id,
        None,
        None,
        p.sex,
        p.index_disease,
        _shift_date(p.diagnosis_date, days),
        tuple(MilestoneView(m.kind, _shift_date(m.date, days) or m.date, "") for m in p.milestones),
    )
    visits = tuple(
        replace(
            v,
            visit=_deidentified_visit(v.visit, days),
            audit=tuple(replace(a, at=_shift_time(a.at, days) or a.at, reason=None) for a in v.audit),
        )
        for v in record.visits
    )
    return ExRecord(patient, visits, True, days)


class _Documents:
    """JSON documents decoded once per distinct text: a clinic's answers and results repeat (six two-option
    Katz items, ...), and decoding every row was a third of reading a million visits. The decoded values
    are shared between the visits that stored the same text: the records are read-only. The memory is
    bounded (forgotten past MEMO_TEXTS, between chunks)."""

    MEMO_TEXTS = 20_000

    def __init__(self) -> None:
        self._memo: dict[str, Any] = {}

    def forget_if_full(self) -> None:
        if len(self._memo) > self.MEMO_TEXTS:
            self._memo.clear()

    def __call__(self, text: str | None) -> Any:
        if text is None:
            return None
        memo = self._memo
        if text in memo:
            return memo[text]
        value = memo[text] = json_loads(text)
        return value


def _record(patient: PatientView, visits: list[VisitView], versions: dict[int, str], trail: dict[str, Any]) -> ExRecord:
    ex_visits = tuple(  # in date, id order as read (exchange_reads.visits): the visit number
        ExVisit(v, n, versions.get(v.id, ""), tuple(trail.get(str(v.id), ()))) for n, v in enumerate(visits, start=1)
    )
    ex = ExPatient(
        patient.study_id,
        patient.name,
        patient.birth_date,
        patient.sex,
        patient.index_disease,
        patient.diagnosis_date,
        patient.milestones,
    )
    return ExRecord(ex, ex_visits, False)


def exchange_records(
    uow: UnitOfWork,
    deidentified: bool = False,
    with_audit: bool = False,
    chunk_patients: int = CHUNK_PATIENTS,
    shift: DateShift | None = None,
) -> Iterator[ExRecord]:
    """Every patient's record in study ID order (de-identified when asked), a chunk of patients at a time."""
    session = uow.session
    people = exchange_reads.patients(session)
    shift = shift or DateShift()
    decode = _Documents()
    for start in range(0, len(people), chunk_patients):
        decode.forget_if_full()
        chunk = people[start : start + chunk_patients]
        ids = [p.id for p in chunk]
        marks: dict[int, list[MilestoneView]] = {}
        for pid, kind, day, note in exchange_reads.milestones(session, ids):
            marks.setdefault(pid, []).append(MilestoneView(kind, day, note or ""))
        rows: dict[int, list[tuple[Any, ...]]] = {}
        versions: dict[int, str] = {}
        for row in exchange_reads.visits(session, ids):
            rows.setdefault(row[0], []).append((*row[1:-2], decode(row[-2])))
            versions[row[1]] = row[-1] or ""
        states: dict[int, list[tuple[Any, ...]]] = {}
        for vid, code, version, answers, total, reason in exchange_reads.instruments(session, ids):
            states.setdefault(vid, []).append((vid, code, version, decode(answers), total, reason))
        trail: dict[str, list[AuditEntry]] = {}
        if with_audit and versions:
            for entity_id, at, user, action, field, reason in exchange_reads.visit_audit(
                session, [str(v) for v in versions]
            ):
                trail.setdefault(entity_id, []).append(AuditEntry(at, user, action, field, reason))
        views = {
            p.id: views_of_rows(
                p.study_id, rows.get(p.id, []), [s for v in rows.get(p.id, []) for s in states.get(v[0], [])]
            )
            for p in chunk
        }
        # The signed visits' signatures, checked against their content: one query per chunk.
        signed = {v.id: v for v in with_signatures(uow, [v for vs in views.values() for v in vs if v.status == SIGNED])}
        for p in chunk:  # each patient's record let go once it is handed on
            patient = PatientView(
                p.study_id, p.name, p.birth_date, p.sex, p.index_disease, p.diagnosis_date, tuple(marks.get(p.id, ()))
            )
            record = _record(patient, [signed.get(v.id, v) for v in views.pop(p.id)], versions, trail)
            yield deidentify(record, shift) if deidentified else record


def staff_names(uow: UnitOfWork) -> list[str]:
    """The names of the staff the audit trail, completions and signatures mention (ODM's AdminData)."""
    return exchange_reads.staff_names(uow.session)


def signature_roster(uow: UnitOfWork) -> tuple[dict[str, str], list[str]]:
    """The signers' full names by user name, and the signatures' meanings (ODM's AdminData)."""
    return exchange_reads.signature_roster(uow.session)
