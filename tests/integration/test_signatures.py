"""Electronic signatures: the password again, the meaning, the hash of the signed content, and an edit
made behind the program's back shown as "signature invalid" on every way out (history document, both
reports, `cga-desk history`)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from cga_desk.domain.errors import SignInError, StateError, ValidationError
from cga_desk.forms.messages import SIGNATURE_INVALID, signature_line
from cga_desk.interop.jsonl import read_jsonl
from cga_desk.persistence.database import Database
from cga_desk.services import history, importing, printing, settings, signatures, visits
from tests.conftest import VECTORS
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, PASSWORD, TODAY, drop_signed_visit_guards


def _complete_visits(db: Database) -> tuple[str, list[int]]:
    with db.unit_of_work() as uow:
        importing.import_records(uow, ADMIN_USER, read_jsonl((VECTORS / "visits.jsonl").open()), TODAY)
    with db.unit_of_work(write=False) as uow:
        for n in range(1, 7):
            ids = [v.id for v in visits.patient_visits(uow, DOCTOR, f"DEMO-00{n}") if v.status == "complete"]
            if len(ids) >= 2:
                return f"DEMO-00{n}", ids
    raise AssertionError("the shared visits hold a patient with two complete visits")


def _pdf_text(data: bytes) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages)


def _audit(db: Database, action: str) -> list[str]:
    with db.unit_of_work(write=False) as uow:
        return [e.user_name for e in uow.audit.all() if e.action == action]


def test_a_wrong_password_signs_nothing_and_is_audited(db: Database) -> None:
    _, ids = _complete_visits(db)
    with db.unit_of_work() as uow, pytest.raises(SignInError):
        visits.sign_visits(uow, DOCTOR, ids, "not my password")
    with db.unit_of_work(write=False) as uow:
        assert {visits.get_visit(uow, DOCTOR, i).status for i in ids} == {"complete"}
        assert list(uow.signatures.for_visit(ids[0])) == []
    assert _audit(db, "signature_password_failed") == ["Dr Bea"]


def test_a_signature_records_who_when_what_it_means_and_the_content_hash(db: Database) -> None:
    study_id, ids = _complete_visits(db)
    with db.unit_of_work() as uow:
        signed = visits.sign_visits(uow, DOCTOR, ids, PASSWORD, "Reviewed")
    for v in signed:
        s = v.signature
        assert s is not None and v.signature_valid is True
        assert (s.signer, s.full_name, s.meaning, s.revision) == ("Dr Bea", "Dr Bea", "Reviewed", 1)
        assert s.content_hash == signatures.content_hash(v) and len(s.content_hash) == 64
        assert s.signed_at.tzinfo is not None
        line = signature_line(v) or ""
        assert line.startswith("Electronically signed by Dr Bea (Dr Bea) on ") and line.endswith("— Reviewed")
    with db.unit_of_work(write=False) as uow:
        doc = history.history_document(history.patient_history(uow, NURSE_USER, study_id))
    shown = [v["signature"] for v in doc["visits"] if "signature" in v]
    assert len(shown) == len(ids) and all(s["valid"] is True and s["meaning"] == "Reviewed" for s in shown)


def test_the_meaning_is_one_of_the_clinics_list(db: Database) -> None:
    _, ids = _complete_visits(db)
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="meaning"):
        visits.sign_visits(uow, DOCTOR, ids, PASSWORD, "Whatever I like")
    with db.unit_of_work() as uow:
        settings.set_security_setting(uow, ADMIN_USER, settings.SIGNATURE_MEANINGS, "Approved\nReviewed only")
    with db.unit_of_work() as uow:
        (v,) = visits.sign_visits(uow, DOCTOR, ids[:1], PASSWORD)  # the first of the list is the default
    assert v.signature is not None and v.signature.meaning == "Approved"


def test_an_edit_behind_the_programs_back_shows_signature_invalid_everywhere(db: Database) -> None:
    study_id, ids = _complete_visits(db)
    with db.unit_of_work() as uow:
        visits.sign_visits(uow, DOCTOR, ids[:1], PASSWORD)
    with db.engine.begin() as conn:  # plain SQL, the database's guard dropped: one answer of the signed visit
        drop_signed_visit_guards(conn)
        row = conn.execute(
            text("SELECT id, answers, total FROM visit_instruments WHERE visit_id = :v AND instrument = 'lawton'"),
            {"v": ids[0]},
        ).one()
        answers = row.answers if isinstance(row.answers, dict) else json.loads(row.answers)
        answers["telephone"] = 4 if answers.get("telephone") != 4 else 3
        conn.execute(
            text("UPDATE visit_instruments SET answers = :a WHERE id = :i"), {"a": json.dumps(answers), "i": row.id}
        )
    with db.unit_of_work(write=False) as uow:
        v = visits.get_visit(uow, NURSE_USER, ids[0])
        other = visits.get_visit(uow, NURSE_USER, ids[1])
        doc = history.history_document(history.patient_history(uow, NURSE_USER, study_id))
        summary = printing.visit_summary_pdf(uow, NURSE_USER, ids[0], TODAY)
        longitudinal = printing.longitudinal_pdf(uow, NURSE_USER, study_id, TODAY)
    assert v.signature_valid is False and other.signature_valid is None
    assert SIGNATURE_INVALID in (signature_line(v) or "")
    shown = next(x["signature"] for x in doc["visits"] if "signature" in x)
    assert shown["valid"] is False and SIGNATURE_INVALID in shown["text"]
    for pdf in (summary, longitudinal):
        assert SIGNATURE_INVALID in " ".join(_pdf_text(pdf).split())


def test_amending_keeps_the_old_signature_with_the_old_revision(db: Database) -> None:
    _, ids = _complete_visits(db)
    with db.unit_of_work() as uow:
        visits.sign_visits(uow, DOCTOR, ids[:1], PASSWORD)
    with db.unit_of_work() as uow:
        amended = visits.amend_visit(uow, DOCTOR, ids[0], "telephone answer mis-keyed")
    assert amended.status == "draft" and amended.signature is None and amended.revision == 2
    with db.unit_of_work(write=False) as uow:
        kept = [(s.revision, s.signer) for s in uow.signatures.for_visit(ids[0])]
        versions = visits.visit_versions(uow, NURSE_USER, ids[0])
    assert kept == [(1, "Dr Bea")]
    assert versions[0].snapshot["signed_by"] == "Dr Bea"


def test_a_birth_date_that_would_rescore_a_signed_visit_is_refused(db: Database) -> None:
    from cga_desk.domain.records import PatientInput
    from cga_desk.services import patients

    study_id, ids = _complete_visits(db)
    with db.unit_of_work() as uow:
        visits.sign_visits(uow, DOCTOR, ids[:1], PASSWORD)
    with db.unit_of_work(write=False) as uow:
        p = patients.get_patient(uow, NURSE_USER, study_id)
    younger = PatientInput(study_id, date(p.birth_date.year + 15, 1, 1), p.name, p.sex, p.index_disease)
    with db.unit_of_work() as uow, pytest.raises(StateError, match="amend it first"):
        patients.edit_patient(uow, NURSE_USER, study_id, younger, TODAY)
    with db.unit_of_work(write=False) as uow:
        assert visits.get_visit(uow, NURSE_USER, ids[0]).signature_valid is True
