"""`cga-desk import --format redcap DATA.csv --dictionary DICT.csv`: a REDCap export of the project that
`cga-desk export --format redcap` describes (interop/redcap.py), back into the store.

Everything is validated first and stored in one transaction; patients already in the database are
refused (a REDCap import fills an empty database or adds new patients, it never merges). Visits keep
their status, baseline mark, respondent, completion and signature as exported, and are scored again
by this program from their answers, so each patient's history document is the one exported. A signed
visit is stored complete, then signed with its signature row once the recreated content's SHA-256
equals the one the export carries (services/signatures.py); otherwise the file is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date
from typing import Any

from ..domain.errors import ValidationError
from ..domain.records import COMPLETE, DRAFT, INDEX_DISEASES, RESPONDENTS, SEXES, SIGNED, ImportSummary, User
from ..forms import registry
from ..interop.redcap import MILESTONE_KINDS, STATUSES, RedcapRecord, parse_date, parse_signature_time, parse_time
from ..persistence.tables import Milestone, Patient, Signature, Visit, VisitInstrument
from ..persistence.uow import UnitOfWork
from . import audit, signatures
from .scoring import score_visit
from .visits import to_view


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
    status = _choice(values.get("visit_status", ""), "visit_status", STATUSES, line) or DRAFT
    visit = Visit(
        patient_id=patient.id,
        visit_date=day,
        timepoint=values.get("visit_timepoint", ""),
        is_baseline=values.get("visit_baseline") == "1",
        assessor=values.get("visit_assessor") or None,
        respondent=_choice(values.get("visit_respondent", ""), "visit_respondent", RESPONDENTS, line),
        status=COMPLETE if status == SIGNED else status,  # signed once its answers and scores are stored
        revision=int(revision) if revision.isdigit() else 1,
        amendment_reason=values.get("visit_amendment") or None,
        completed_by=values.get("visit_completed_by") or None,
        completed_at=_utc(parse_time(values.get("visit_completed_at", ""), "visit_completed_at", line)),
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
    if status == SIGNED:
        _sign(uow, by, patient, visit, values, line)


def _sign(uow: UnitOfWork, by: User, patient: Patient, visit: Visit, values: dict[str, str], line: int) -> None:
    """Sign the recreated visit as it was signed, its signature row included, but only when the content
    recreated hashes to the SHA-256 the export carries: a visit changed after signing (in REDCap, in the
    file) is refused, never stored as validly signed. A visit signed before electronic signatures (no
    signature fields) keeps its signer and moment, with no hash to check, as it was."""
    uow.flush()  # answers and scores stored while the visit is complete: the database refuses them once signed
    signed_by = values.get("visit_signed_by") or None
    signed_at = _utc(parse_time(values.get("visit_signed_at", ""), "visit_signed_at", line))
    signer = values.get("visit_signature_signer", "")
    if not signer:
        visit.status, visit.signed_by, visit.signed_at = SIGNED, signed_by, signed_at
        uow.flush()
        return
    at = parse_signature_time(values.get("visit_signature_at", ""), "visit_signature_at", line)
    revision = values.get("visit_signature_revision", "")
    if revision != str(visit.revision):
        raise ValidationError(
            "visit_signature_revision",
            f"{patient.study_id}: {revision!r}, not the visit's revision {visit.revision}",
            line,
        )
    exported = values.get("visit_signature_sha256", "")
    digest = signatures.content_hash(to_view(visit, patient))
    if digest != exported:
        raise ValidationError(
            "visit_signature_sha256",
            f"{patient.study_id}, the {visit.timepoint} visit of {visit.visit_date.isoformat()}: its content does not "
            f"match its signature (changed after signing, or a de-identified export); the file is refused",
            line,
        )
    full_name, meaning = values.get("visit_signature_full_name", ""), values.get("visit_signature_meaning", "")
    if not full_name or not meaning:
        field = "visit_signature_full_name" if not full_name else "visit_signature_meaning"
        raise ValidationError(field, f"{patient.study_id}: missing from a signed visit's signature", line)
    # the visit's own moment is the signature's (the data file writes it to the second only)
    exact = signed_at is None or at.replace(microsecond=0) == signed_at
    visit.status, visit.signed_by, visit.signed_at = SIGNED, signed_by or signer, at if exact else signed_at
    uow.signatures.add(
        Signature(
            visit_id=visit.id,
            revision=visit.revision,
            signer=signer,
            full_name=full_name,
            signed_at=at,
            meaning=meaning,
            content_hash=digest,
        )
    )
    audit.record(
        uow, by, "import", "visit", visit.id, "signature", None, {"signer": signer, "sha256": digest}, "REDCap"
    )
    uow.flush()


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
