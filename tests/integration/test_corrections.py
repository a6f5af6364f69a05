"""Mistakes that can be corrected, audited (issue 18): a stray draft discarded with its reason, a mistyped
study ID corrected, a duplicate patient marked "registered in error" (and restored by an admin), study
IDs unique ignoring case and spaces, impossible ages refused — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest

from cga_desk.domain.errors import PermissionDenied, StateError, ValidationError
from cga_desk.domain.records import PatientInput
from cga_desk.persistence.database import Database
from cga_desk.services import cohort, dataset, patients, register, visits
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, PASSWORD, TODAY

PATIENT = PatientInput("PCL-001", date(1949, 5, 2), "Maria Rossi", "female", "multiple_myeloma", date(2026, 2, 20))


def _register(db: Database, data: PatientInput = PATIENT) -> None:
    with db.unit_of_work() as uow:
        patients.register_patient(uow, NURSE_USER, data, TODAY)


def _audit(db: Database, action: str) -> list[tuple[str, str | None, str | None, str | None]]:
    with db.unit_of_work(write=False) as uow:
        return [(e.entity_id, e.old_value, e.new_value, e.reason) for e in uow.audit.all() if e.action == action]


def test_a_stray_draft_is_discarded_with_its_reason_and_its_answers_kept_in_the_audit(db: Database) -> None:
    _register(db)
    with db.unit_of_work() as uow:
        vid = visits.start_visit(uow, NURSE_USER, "PCL-001", date(2026, 3, 1), "Baseline", "patient", today=TODAY).id
    with db.unit_of_work() as uow:
        visits.save_answer(uow, NURSE_USER, vid, "katz", "bathing", "dependent")
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="reason"):
        visits.discard_draft(uow, NURSE_USER, vid, "  ")
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        visits.discard_draft(uow, ADMIN_USER, vid, "mine")
    with db.unit_of_work() as uow:
        visits.discard_draft(uow, NURSE_USER, vid, "started by a stray key")
    with db.unit_of_work(write=False) as uow:
        assert visits.patient_visits(uow, NURSE_USER, "PCL-001") == []
        (row,) = register.patient_rows(uow, NURSE_USER, TODAY)
    assert not row.open_draft and row.last_visit is None
    ((entity, old, new, why), on_patient) = _audit(db, "discard")  # the visit's event, then the patient's
    kept = json.loads(old or "{}")
    assert entity == str(vid) and new is None and why == "started by a stray key"
    assert on_patient == ("PCL-001", "Baseline 2026-03-01", None, "started by a stray key")
    assert kept["instruments"]["katz"]["answers"] == {"bathing": "dependent"}


def test_only_a_plain_draft_is_discarded(db: Database) -> None:
    from cga_desk.interop.jsonl import read_jsonl
    from cga_desk.services import importing
    from tests.conftest import VECTORS

    with db.unit_of_work() as uow:
        importing.import_records(uow, ADMIN_USER, read_jsonl((VECTORS / "visits.jsonl").open()), TODAY)
    with db.unit_of_work(write=False) as uow:
        done = next(
            v for n in range(1, 7) for v in visits.patient_visits(uow, DOCTOR, f"DEMO-00{n}") if v.status == "complete"
        )
    with db.unit_of_work() as uow, pytest.raises(StateError, match="Only a draft"):
        visits.discard_draft(uow, NURSE_USER, done.id, "oops")
    with db.unit_of_work() as uow:
        visits.sign_visits(uow, DOCTOR, [done.id], PASSWORD)
    with db.unit_of_work() as uow:
        visits.amend_visit(uow, DOCTOR, done.id, "wrong answer")
    with db.unit_of_work() as uow, pytest.raises(StateError, match="amendment of a signed visit"):
        visits.discard_draft(uow, NURSE_USER, done.id, "oops")


def test_a_mistyped_study_id_is_corrected_and_the_old_one_stays_in_the_audit(db: Database) -> None:
    _register(db, PatientInput("PCL-01", date(1949, 5, 2), "Maria Rossi"))
    _register(db, PatientInput("PCL-002", date(1950, 1, 1)))
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="already registered"):
        patients.correct_study_id(uow, NURSE_USER, "PCL-01", " pcl-002 ", "typo", TODAY)
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="reason"):
        patients.correct_study_id(uow, NURSE_USER, "PCL-01", "PCL-001", "")
    with db.unit_of_work() as uow:
        fixed = patients.correct_study_id(uow, NURSE_USER, "PCL-01", "PCL-001", "one digit missing", TODAY)
    assert fixed.study_id == "PCL-001"
    assert _audit(db, "correct_id") == [("PCL-001", "PCL-01", "PCL-001", "one digit missing")]
    with db.unit_of_work(write=False) as uow:
        assert [r.study_id for r in register.patient_rows(uow, NURSE_USER, TODAY)] == ["PCL-001", "PCL-002"]


def test_study_ids_are_unique_ignoring_case_and_spaces_and_ages_must_be_possible(db: Database) -> None:
    _register(db)
    for other in ("pcl-001", "  PCL-001  ", "Pcl-001"):
        with db.unit_of_work() as uow, pytest.raises(ValidationError, match="'PCL-001' is already registered"):
            patients.register_patient(uow, NURSE_USER, PatientInput(other, date(1950, 1, 1)), TODAY)
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="age of 226 years") as refused:
        patients.register_patient(uow, NURSE_USER, PatientInput("OLD-1", date(1800, 1, 1)), TODAY)
    assert refused.value.field == "birth_date"


def test_a_patient_registered_in_error_leaves_lists_cohort_and_exports_until_an_admin_restores_it(
    db: Database,
) -> None:
    _register(db)
    _register(db, PatientInput("PCL-001-DUP", date(1949, 5, 2), "Maria Rossi", diagnosis_date=date(2026, 2, 20)))
    with db.unit_of_work() as uow:  # the real record has its visit; the duplicate would be overdue
        visits.start_visit(uow, NURSE_USER, "PCL-001", date(2026, 3, 1), "Baseline", "patient", today=TODAY)
    with db.unit_of_work() as uow:
        patients.mark_registered_in_error(uow, NURSE_USER, "PCL-001-DUP", "registered twice")
    with db.unit_of_work(write=False) as uow:
        assert [r.study_id for r in register.patient_rows(uow, NURSE_USER, TODAY)] == ["PCL-001"]
        assert register.patient_count(uow, NURSE_USER) == 1
        assert dataset.analysis_frame(uow, DOCTOR)["patient_id"].tolist() == ["PCL-001"]
        summary = cohort.cohort_summary(uow, DOCTOR, None, TODAY, cohort.CohortOptions(include_drafts=True))
        assert summary.n_patients == 1 and "PCL-001-DUP" not in {o.study_id for o in summary.overdue}
        assert patients.get_patient(uow, NURSE_USER, "PCL-001-DUP").name == "Maria Rossi"  # kept, by its ID
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        patients.undo_registered_in_error(uow, DOCTOR, "PCL-001-DUP", "not a duplicate after all")
    with db.unit_of_work() as uow:
        patients.undo_registered_in_error(uow, ADMIN_USER, "PCL-001-DUP", "not a duplicate after all")
    with db.unit_of_work(write=False) as uow:
        assert register.patient_count(uow, NURSE_USER) == 2
        assert "PCL-001-DUP" in {o.study_id for o in cohort.cohort_summary(uow, DOCTOR, None, TODAY).overdue}
    assert [(e, w) for e, _, _, w in _audit(db, "registered_in_error")] == [
        ("PCL-001-DUP", "registered twice"),
        ("PCL-001-DUP", "not a duplicate after all"),
    ]


def test_a_correction_of_a_field_keeps_the_old_value_and_the_reason(db: Database) -> None:
    _register(db)
    with db.unit_of_work() as uow:
        patients.edit_patient(
            uow,
            NURSE_USER,
            "PCL-001",
            PatientInput(
                "PCL-001",
                PATIENT.birth_date,
                "Maria Rossi-Bianchi",
                "female",
                "multiple_myeloma",
                PATIENT.diagnosis_date,
            ),
            TODAY,
            "married name",
        )
    assert [x for x in _audit(db, "edit")] == [("PCL-001", "Maria Rossi", "Maria Rossi-Bianchi", "married name")]
