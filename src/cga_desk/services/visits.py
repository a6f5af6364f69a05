"""Visits: start, save answers one at a time, not-assessable, complete, sign, amend, baseline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from .. import i18n
from ..domain import access
from ..domain.errors import (
    ConflictError,
    IncompleteVisitError,
    NotFoundError,
    StateError,
    ValidationError,
)
from ..domain.records import (
    COMPLETE,
    DRAFT,
    RESPONDENTS,
    SIGNED,
    AuditView,
    InstrumentState,
    User,
    VisitVersionView,
    VisitView,
)
from ..forms import carry, registry, vocabulary
from ..i18n import translate
from ..persistence import patient_reads
from ..persistence.tables import Patient, Signature, Visit, VisitInstrument, VisitVersion
from ..persistence.uow import UnitOfWork
from . import audit, signatures
from .patients import read_patient, require_patient
from .scoring import SPECS, instrument_state, score_visit


def to_view(visit: Visit, patient: Patient) -> VisitView:
    return VisitView(
        id=visit.id,
        study_id=patient.study_id,
        visit_date=visit.visit_date,
        timepoint=visit.timepoint,
        assessor=visit.assessor,
        respondent=visit.respondent,
        status=visit.status,
        is_baseline=visit.is_baseline,
        revision=visit.revision,
        amendment_reason=visit.amendment_reason,
        signed_by=visit.signed_by,
        signed_at=visit.signed_at,
        instruments={r.instrument: instrument_state(r) for r in visit.instruments},
        scores=dict(visit.score.result) if visit.score else {},
        completed_by=visit.completed_by,
        completed_at=visit.completed_at,
        missing=tuple(missing_for_completion(visit)),
        version=visit.version,
    )


def _load(uow: UnitOfWork, visit_id: int) -> tuple[Visit, Patient]:
    visit = uow.visits.get(visit_id)
    if visit is None:
        raise NotFoundError(translate("services", "No visit with number {visit_id}.").format(visit_id=visit_id))
    patient = uow.session.get(Patient, visit.patient_id)
    assert patient is not None
    return visit, patient


def _load_for_write(uow: UnitOfWork, visit_id: int, expected: int | None) -> tuple[Visit, Patient]:
    """The visit locked for this transaction and checked against the version the writer last saw
    (`expected`; None = no check, for callers that did not read it, e.g. the demo loader). The
    version is bumped here: every write to a visit goes through this function."""
    visit = uow.visits.lock(visit_id)
    if visit is None:
        raise NotFoundError(translate("services", "No visit with number {visit_id}.").format(visit_id=visit_id))
    if expected is not None and visit.version != expected:
        raise _conflict(uow, visit)
    visit.version += 1
    patient = uow.session.get(Patient, visit.patient_id)
    assert patient is not None
    return visit, patient


def _conflict(uow: UnitOfWork, visit: Visit) -> ConflictError:
    last = uow.audit.last_for("visit", str(visit.id))
    if last is None:
        return ConflictError(None, None, visit.version)
    return ConflictError(last.user_name, local_time(last.at), visit.version)


def local_time(at: datetime, today: date | None = None) -> str:
    """A stored time (UTC; SQLite gives it back without a zone) on this computer's clock: the time
    alone when it is today, else with the date."""
    local = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone()
    if local.date() == (today or date.today()):
        return local.strftime("%H:%M:%S")
    return local.strftime("%Y-%m-%d %H:%M")


def _editable(visit: Visit) -> None:
    if visit.status == SIGNED:
        raise StateError(
            translate("services", "This visit is signed and read-only. Amend it (with a reason) to change it.")
        )


def validate_visit_date(day: date, patient: Patient, today: date, field: str = "visit_date") -> None:
    if day > today:
        raise ValidationError(
            field,
            translate("services", "{day} is after today ({today})").format(
                day=day.isoformat(), today=today.isoformat()
            ),
        )
    if day < patient.birth_date:
        raise ValidationError(
            field, translate("services", "{day} is before the patient's birth date").format(day=day.isoformat())
        )


def start_visit(
    uow: UnitOfWork,
    by: User,
    study_id: str,
    visit_date: date,
    timepoint: str,
    respondent: str | None = None,
    assessor: str | None = None,
    today: date | None = None,
) -> VisitView:
    access.require(by, access.RECORD_VISITS)
    patient = require_patient(uow, study_id)
    validate_visit_date(visit_date, patient, today or date.today())
    timepoint = timepoint.strip()
    if not timepoint:
        raise ValidationError("timepoint", translate("services", "a visit needs a timepoint (or 'Unscheduled')"))
    if respondent is not None and respondent not in RESPONDENTS:
        raise ValidationError(
            "respondent",
            translate("services", "{respondent!r} is not one of {join}").format(
                respondent=respondent, join=", ".join(RESPONDENTS)
            ),
        )
    if uow.visits.find(patient.id, visit_date, timepoint):
        raise ValidationError(
            "timepoint",
            translate("services", "{study_id} already has a {timepoint!r} visit on {visit_date}").format(
                study_id=study_id, timepoint=timepoint, visit_date=visit_date.isoformat()
            ),
        )
    visit = uow.visits.add(
        Visit(
            patient_id=patient.id,
            visit_date=visit_date,
            timepoint=timepoint,
            respondent=respondent,
            assessor=assessor or by.name,
            status=DRAFT,
        )
    )
    score_visit(visit, patient)
    audit.record(
        uow,
        by,
        "start",
        "visit",
        visit.id,
        "visit",
        None,
        {"patient": study_id, "date": visit_date.isoformat(), "timepoint": timepoint},
    )
    uow.commit()
    return to_view(visit, patient)


def _instrument_row(visit: Visit, instrument: str) -> VisitInstrument:
    for row in visit.instruments:
        if row.instrument == instrument:
            return row
    row = VisitInstrument(instrument=instrument, form_version=SPECS[instrument].version, answers=None)
    visit.instruments.append(row)
    return row


def _validated(instrument: str, value: Any) -> Any:
    """Validate one instrument's answers through the clinical core (names the item on refusal)."""
    return registry.get(instrument).parse(value)


def _after_change(uow: UnitOfWork, by: User, visit: Visit, patient: Patient) -> VisitView:
    if visit.status == COMPLETE:  # a changed answer re-opens a completed (unsigned) visit
        visit.status = DRAFT
        audit.record(uow, by, "reopen", "visit", visit.id, "status", COMPLETE, DRAFT, "answer changed")
    score_visit(visit, patient)
    uow.commit()
    return to_view(visit, patient)


def save_answer(
    uow: UnitOfWork,
    by: User,
    visit_id: int,
    instrument: str,
    item: str,
    value: Any,
    *,
    expected: int | None = None,
) -> VisitView:
    """Store one answer as it is given. Charlson graded questions (diabetes, liver, solid_tumor) take the
    option code and set both conditions of the pair; ECOG takes item "ecog" and the grade.
    `expected`: the visit's version the writer last saw (ConflictError when it changed since)."""
    access.require(by, access.RECORD_VISITS)
    visit, patient = _load_for_write(uow, visit_id, expected)
    _editable(visit)
    inst = registry.get(instrument)
    row = _instrument_row(visit, instrument)
    old: Any  # the previous total (single-item instruments), answer, or a graded Charlson pair's answers: audited
    if not inst.item_columns:  # one item whose answer is the total (ECOG)
        old, row.total = row.total, _validated(instrument, value)
    else:
        answers = dict(row.answers or {})
        updates = _updates(instrument, item, value)
        old = {k: answers.get(k) for k in updates} if len(updates) > 1 else answers.get(item)
        answers.update(updates)
        row.answers, row.total = _validated_answers(instrument, answers), None
    row.not_assessable_reason = None
    audit.record(uow, by, "answer", "visit", visit.id, f"{instrument}.{item}", old, value)
    return _after_change(uow, by, visit, patient)


def _updates(instrument: str, item: str, value: Any) -> dict[str, Any]:
    """The stored answers one answer sets: a graded question (Charlson's pairs) sets both of its items."""
    inst = registry.get(instrument)
    if inst.sets_several(item):
        return inst.apply(item, value)
    return {item: value}


def answer_stored(view: VisitView, instrument: str, item: str, value: Any) -> bool:
    """Whether `view` holds this answer as save_answer would have stored it (a read-back after a lost
    connection: was the save committed after all?)."""
    state = view.instruments.get(instrument)
    if state is None:
        return False
    if not registry.get(instrument).item_columns:
        return bool(state.total == value)
    answers = state.answers or {}
    return all(k in answers and answers[k] == v for k, v in _updates(instrument, item, value).items())


def answers_stored(view: VisitView, instrument: str, answers: Any) -> bool:
    state = view.instruments.get(instrument)
    if state is None:
        return False
    stored = state.total if state.answers is None else state.answers
    return bool(stored == answers)


def _validated_answers(instrument: str, answers: dict[str, Any]) -> dict[str, Any]:
    parsed = _validated(instrument, answers)
    return dict(parsed)


def save_answers(
    uow: UnitOfWork,
    by: User,
    visit_id: int,
    instrument: str,
    answers: dict[str, Any] | int | None,
    *,
    expected: int | None = None,
) -> VisitView:
    """Replace one instrument's answers at once (prefill from the previous visit, or a paper total)."""
    access.require(by, access.RECORD_VISITS)
    visit, patient = _load_for_write(uow, visit_id, expected)
    _editable(visit)
    row = _instrument_row(visit, instrument)
    old = row.total if row.answers is None else row.answers
    value = _validated(instrument, answers)
    if isinstance(value, int) or not registry.get(instrument).item_columns:
        row.total, row.answers = value, None
    else:
        row.total, row.answers = None, None if value is None else dict(value)
    row.not_assessable_reason = None
    audit.record(uow, by, "answers", "visit", visit.id, instrument, old, answers)
    return _after_change(uow, by, visit, patient)


def set_not_assessable(
    uow: UnitOfWork, by: User, visit_id: int, instrument: str, reason: str | None, *, expected: int | None = None
) -> VisitView:
    """Mark an instrument not assessable (reason required), or clear the mark with reason=None."""
    access.require(by, access.RECORD_VISITS)
    visit, patient = _load_for_write(uow, visit_id, expected)
    _editable(visit)
    if reason is not None and not reason.strip():
        raise ValidationError("reason", translate("services", "say why the instrument cannot be assessed"))
    row = _instrument_row(visit, instrument)
    old, row.not_assessable_reason = row.not_assessable_reason, reason.strip() if reason else None
    audit.record(uow, by, "not_assessable", "visit", visit.id, instrument, old, row.not_assessable_reason)
    return _after_change(uow, by, visit, patient)


def set_visit_details(
    uow: UnitOfWork,
    by: User,
    visit_id: int,
    respondent: str | None = None,
    assessor: str | None = None,
    *,
    expected: int | None = None,
) -> VisitView:
    access.require(by, access.RECORD_VISITS)
    visit, patient = _load_for_write(uow, visit_id, expected)
    _editable(visit)
    if respondent is not None and respondent not in RESPONDENTS:
        raise ValidationError(
            "respondent",
            translate("services", "{respondent!r} is not one of {join}").format(
                respondent=respondent, join=", ".join(RESPONDENTS)
            ),
        )
    for key, value in (("respondent", respondent), ("assessor", assessor)):
        if value is not None and getattr(visit, key) != value:
            audit.record(uow, by, "edit", "visit", visit.id, key, getattr(visit, key), value)
            setattr(visit, key, value)
    return _after_change(uow, by, visit, patient)


def missing_for_completion(visit: Visit) -> list[str]:
    """What stands between this visit and `complete`, in words a nurse can act on."""
    marks = {r.instrument: r.not_assessable_reason for r in visit.instruments}
    return missing_items(visit.respondent, marks, visit.score.result if visit.score else {})


def _item_words(instrument: str, item: str) -> str:
    """An item code as read: 'food preparation' in English, the form's wording in another language."""
    spec = SPECS[instrument]
    if i18n.language() == i18n.ENGLISH or item not in spec.item_codes:
        return item.replace("_", " ")
    return translate(instrument, spec.item(item).label)


def missing_items(
    respondent: str | None, not_assessable: Mapping[str, str | None], result: Mapping[str, Any]
) -> list[str]:
    """missing_for_completion over plain values (the visit's instruments -> not-assessable reason, and
    its result document), so that views read column-wise give the same words as views of ORM rows."""
    missing = [] if respondent else [translate("services", "respondent (patient, proxy or both)")]
    incomplete = result.get("incomplete", [])
    for name in registry.REQUIRED:
        present = name in not_assessable
        if present and not_assessable[name]:
            continue
        items = [e.split(".", 1)[1] for e in incomplete if e.startswith(name + ".")]
        if not present or name in incomplete:
            not_answered = translate("services", "not answered")
            missing.append(f"{translate(name, SPECS[name].title)}: {not_answered}")
        elif items:
            missing.append(f"{translate(name, SPECS[name].title)}: " + ", ".join(_item_words(name, i) for i in items))
    return missing


def complete_visit(uow: UnitOfWork, by: User, visit_id: int, *, expected: int | None = None) -> VisitView:
    access.require(by, access.RECORD_VISITS)
    visit, patient = _load_for_write(uow, visit_id, expected)
    if visit.status != DRAFT:
        raise StateError(
            translate("services", "Only a draft visit can be completed (this one is {status}).").format(
                status=visit.status
            )
        )
    score_visit(visit, patient)
    missing = missing_for_completion(visit)
    if missing:
        raise IncompleteVisitError(missing)
    visit.status, visit.completed_by, visit.completed_at = COMPLETE, by.name, datetime.now(UTC)
    audit.record(uow, by, "complete", "visit", visit.id, "status", DRAFT, COMPLETE, visit.amendment_reason)
    uow.commit()
    return to_view(visit, patient)


def signature_meanings(uow: UnitOfWork) -> list[str]:
    """The meanings a signature may carry (a setting; the first is the default)."""
    import json

    stored = uow.settings.get(MEANINGS_KEY)
    meanings = json.loads(stored) if stored else None
    return [str(m) for m in meanings] if isinstance(meanings, list) and meanings else list(signatures.DEFAULT_MEANINGS)


MEANINGS_KEY = "security.signature_meanings"


def sign_visits(
    uow: UnitOfWork,
    by: User,
    visit_ids: list[int],
    password: str,
    meaning: str | None = None,
    *,
    expected: Mapping[int, int] | None = None,
) -> list[VisitView]:
    """A physician signs complete visits (all or none) with their password again and the meaning of the
    signature; each signature records the signer, their full name, the moment (UTC), the meaning and a
    SHA-256 of the signed content. Signed visits become read-only.
    `expected`: visit id -> the version the physician read (ConflictError when one changed since)."""
    access.require(by, access.SIGN)
    meanings = signature_meanings(uow)
    meaning = (meaning or meanings[0]).strip()
    if meaning not in meanings:
        raise ValidationError(
            "meaning",
            translate("services", "{meaning!r} is not one of the signature meanings: {meanings}").format(
                meaning=meaning, meanings="; ".join(meanings)
            ),
        )
    if not visit_ids:
        raise ValidationError("visits", translate("services", "choose at least one complete visit to sign"))
    from .users import confirm_password

    signer = confirm_password(uow, by, password)  # a wrong password is audited and committed, then refused
    at = datetime.now(UTC)
    out = []
    for visit_id in sorted(visit_ids):  # locked in id order: two signers never wait for each other in a circle
        visit, patient = _load_for_write(uow, visit_id, None if expected is None else expected.get(visit_id))
        if visit.status != COMPLETE:
            raise StateError(
                translate(
                    "services", "The {timepoint} visit of {visit_date} is {status}, not complete: it cannot be signed."
                ).format(timepoint=visit.timepoint, visit_date=visit.visit_date.isoformat(), status=visit.status)
            )
        visit.status, visit.signed_by, visit.signed_at = SIGNED, signer.name, at
        digest = signatures.content_hash(to_view(visit, patient))
        uow.signatures.add(
            Signature(
                visit_id=visit.id,
                revision=visit.revision,
                signer=signer.name,
                full_name=signer.display_name,
                signed_at=at,
                meaning=meaning,
                content_hash=digest,
            )
        )
        audit.record(uow, by, "sign", "visit", visit.id, "status", COMPLETE, SIGNED, meaning)
        out.append((visit, patient))
    uow.commit()
    order = {visit_id: i for i, visit_id in enumerate(visit_ids)}
    return signatures.with_signatures(uow, [to_view(v, p) for v, p in sorted(out, key=lambda vp: order[vp[0].id])])


def snapshot(visit: Visit, patient: Patient) -> dict[str, Any]:
    view = to_view(visit, patient)
    return {
        "revision": visit.revision,
        "status": visit.status,
        "visit_date": visit.visit_date.isoformat(),
        "timepoint": visit.timepoint,
        "assessor": visit.assessor,
        "respondent": visit.respondent,
        "is_baseline": visit.is_baseline,
        "signed_by": visit.signed_by,
        "signed_at": visit.signed_at.isoformat() if visit.signed_at else None,
        "instruments": {
            k: {
                "form_version": s.form_version,
                "answers": s.answers,
                "total": s.total,
                "not_assessable_reason": s.not_assessable_reason,
            }
            for k, s in view.instruments.items()
        },
        "scores": view.scores,
    }


def discard_draft(uow: UnitOfWork, by: User, visit_id: int, reason: str) -> None:
    """Remove a draft visit started by mistake. The reason and every answer it held go to the audit trail
    (the draft as it stood), so nothing is lost; a visit that was ever signed is amended, never discarded."""
    access.require(by, access.RECORD_VISITS)
    visit, patient = _load_for_write(uow, visit_id, None)
    if visit.status != DRAFT:
        raise StateError(
            translate("services", "Only a draft is discarded; this visit is {status}.").format(
                status=vocabulary.word(visit.status)
            )
        )
    if visit.revision > 1 or list(uow.signatures.for_visit(visit.id)):
        raise StateError(
            translate("services", "This draft is an amendment of a signed visit: complete and sign it again instead.")
        )
    why = (reason or "").strip()
    if not why:
        raise ValidationError(
            "reason", translate("services", "say why the draft is discarded (kept in the audit trail)")
        )
    audit.record(uow, by, "discard", "visit", visit.id, "visit", snapshot(visit, patient), None, why)
    audit.record(  # on the patient's trail too: the visit row, which links the event to the patient, is gone
        uow, by, "discard", "patient", patient.study_id, "visit", f"{visit.timepoint} {visit.visit_date}", None, why
    )
    uow.session.delete(visit)
    uow.commit()


def amend_visit(uow: UnitOfWork, by: User, visit_id: int, reason: str, *, expected: int | None = None) -> VisitView:
    """Re-open a signed visit for correction: the signed version is kept, the visit returns to draft
    (to be completed and signed again), and the reason is recorded. The database allows a signed
    visit to change only this way: the kept version first, then draft with the next revision."""
    access.require(by, access.AMEND)
    visit, patient = _load_for_write(uow, visit_id, expected)
    if visit.status != SIGNED:
        raise StateError(
            translate("services", "Only a signed visit is amended; a draft or complete visit can be edited directly.")
        )
    if not reason or not reason.strip():
        raise ValidationError("reason", translate("services", "amending a signed visit requires a reason"))
    uow.visits.add_version(
        VisitVersion(
            visit_id=visit.id,
            revision=visit.revision,
            snapshot=snapshot(visit, patient),
            superseded_by=by.name,
            reason=reason.strip(),
        )
    )
    uow.flush()  # the kept version is written before the visit leaves "signed" (the trigger checks it)
    audit.record(uow, by, "amend", "visit", visit.id, "status", SIGNED, DRAFT, reason.strip())
    visit.status, visit.revision, visit.amendment_reason = DRAFT, visit.revision + 1, reason.strip()
    visit.signed_by, visit.signed_at, visit.completed_by, visit.completed_at = None, None, None, None
    uow.commit()
    return to_view(visit, patient)


def set_baseline(
    uow: UnitOfWork, by: User, visit_id: int, is_baseline: bool, *, expected: int | None = None
) -> VisitView:
    """Mark (or unmark) a baseline. Allowed on signed visits too: it changes comparisons, not answers."""
    access.require(by, access.RECORD_VISITS)
    visit, patient = _load_for_write(uow, visit_id, expected)
    if visit.is_baseline != is_baseline:
        audit.record(uow, by, "baseline", "visit", visit.id, "is_baseline", visit.is_baseline, is_baseline)
        visit.is_baseline = is_baseline
    uow.commit()
    return to_view(visit, patient)


def get_visit(uow: UnitOfWork, by: User, visit_id: int) -> VisitView:
    access.require(by, access.READ)
    return signatures.with_signatures(uow, [to_view(*_load(uow, visit_id))])[0]


def previous_answers(uow: UnitOfWork, by: User, visit_id: int) -> dict[str, VisitView]:
    """Per carried instrument (Katz, Lawton, Charlson), the earlier completed visit whose answers a follow-up
    shows as "last time" and may keep with one key; the rule is forms.carry.last_completed."""
    access.require(by, access.READ)
    visit, patient = _load(uow, visit_id)
    return carry.last_completed(read_visits(uow, patient.id, patient.study_id), to_view(visit, patient))


def visit_versions(uow: UnitOfWork, by: User, visit_id: int) -> list[VisitVersionView]:
    access.require(by, access.READ)
    _load(uow, visit_id)
    return [
        VisitVersionView(v.revision, v.superseded_at, v.superseded_by, v.reason, dict(v.snapshot))
        for v in uow.visits.versions(visit_id)
    ]


def visit_trail(uow: UnitOfWork, by: User, visit_id: int) -> list[AuditView]:
    access.require(by, access.READ)
    return audit.trail(uow, "visit", visit_id)


def patient_visits(uow: UnitOfWork, by: User, study_id: str) -> list[VisitView]:
    access.require(by, access.READ)
    return read_visits(uow, read_patient(uow, study_id).id, study_id)


def read_visits(uow: UnitOfWork, patient_id: int, study_id: str) -> list[VisitView]:
    """A patient's visits in date order, read column-wise: two SELECTs whatever the number of visits,
    and no ORM objects (opening a patient must stay fast at a million visits; issue 8)."""
    session = uow.session
    views = views_of_rows(
        study_id, patient_reads.visit_rows(session, patient_id), patient_reads.instrument_rows(session, patient_id)
    )
    return signatures.with_signatures(uow, views)


def views_of_rows(study_id: str, visit_rows: Sequence[Any], instrument_rows: Sequence[Any]) -> list[VisitView]:
    """The same VisitViews as to_view() gives, built from the rows of persistence.patient_reads."""
    states: dict[int, dict[str, InstrumentState]] = {}
    # Rows are unpacked as tuples (in the column order of patient_reads), cheaper than named access.
    for visit_id, instrument, form_version, answers, total, reason in instrument_rows:
        # The answers were just decoded from this row: no other object shares them, so no copy.
        states.setdefault(visit_id, {})[instrument] = InstrumentState(instrument, form_version, answers, total, reason)
    return [_view_of_row(study_id, tuple(v), states.get(v[0], {})) for v in visit_rows]


def _view_of_row(study_id: str, v: tuple[Any, ...], instruments: dict[str, InstrumentState]) -> VisitView:
    (
        id_,
        visit_date,
        timepoint,
        assessor,
        respondent,
        status,
        is_baseline,
        revision,
        amendment_reason,
        signed_by,
        signed_at,
        completed_by,
        completed_at,
        version,
        result,
    ) = v
    scores = result if result is not None else {}
    marks = {name: state.not_assessable_reason for name, state in instruments.items()}
    return VisitView(
        id=id_,
        study_id=study_id,
        visit_date=visit_date,
        timepoint=timepoint,
        assessor=assessor,
        respondent=respondent,
        status=status,
        is_baseline=is_baseline,
        revision=revision,
        amendment_reason=amendment_reason,
        signed_by=signed_by,
        signed_at=signed_at,
        instruments=instruments,
        scores=scores,
        completed_by=completed_by,
        completed_at=completed_at,
        missing=tuple(missing_items(respondent, marks, scores)),
        version=version,
    )
