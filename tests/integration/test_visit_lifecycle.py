"""Patients and visits through the services on a real database (SQLite file and PostgreSQL):
answers saved one at a time, completion refused with what is missing, sign-off, amendment, audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from cga_desk.domain.errors import IncompleteVisitError, NotFoundError, PermissionDenied, StateError, ValidationError
from cga_desk.domain.records import PatientInput
from cga_desk.forms import katz
from cga_desk.persistence.database import Database
from cga_desk.services import patients, visits
from cga_desk.services.audit import trail
from tests.store_fixtures import DOCTOR, NURSE_USER, PASSWORD, TODAY

PATIENT = PatientInput(
    "PCL-001", date(1949, 5, 2), "Maria Rossi", "female", "primary_plasma_cell_leukemia", date(2026, 2, 20)
)


def _register(db: Database) -> None:
    with db.unit_of_work() as uow:
        patients.register_patient(uow, NURSE_USER, PATIENT, today=TODAY)


def _visit(db: Database, day: date = date(2026, 3, 10), timepoint: str = "Baseline") -> int:
    with db.unit_of_work() as uow:
        return visits.start_visit(uow, NURSE_USER, "PCL-001", day, timepoint, "patient", today=TODAY).id


def _answer(db: Database, visit_id: int, instrument: str, item: str, value: object) -> dict:
    with db.unit_of_work() as uow:
        return visits.save_answer(uow, NURSE_USER, visit_id, instrument, item, value).scores


def _fill(db: Database, visit_id: int) -> dict:
    for code in katz.SPEC.item_codes:
        _answer(db, visit_id, "katz", code, "dependent" if code == "dressing" else "independent")
    for code, opt in dict(
        telephone=1,
        shopping=2,
        food_preparation=1,
        housekeeping=4,
        laundry=2,
        transportation=3,
        medications=1,
        finances=2,
    ).items():
        _answer(db, visit_id, "lawton", code, opt)
    with db.unit_of_work() as uow:
        visits.save_answers(
            uow, NURSE_USER, visit_id, "charlson", ["diabetes_uncomplicated", "chronic_pulmonary_disease"]
        )
    return _answer(db, visit_id, "ecog", "ecog", 1)


def test_duplicate_study_id_is_refused_by_name(db: Database) -> None:
    _register(db)
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="already registered") as info:
        patients.register_patient(uow, NURSE_USER, PATIENT, today=TODAY)
    assert info.value.field == "study_id"


def test_each_answer_is_stored_as_given_and_scored(db: Database) -> None:
    _register(db)
    vid = _visit(db)
    scores = _answer(db, vid, "katz", "bathing", "dependent")
    assert scores["katz_adl"] is None and "katz.dressing" in scores["incomplete"]
    scores = _fill(db, vid)  # the spec's example document, answer by answer
    assert (scores["age_years"], scores["katz_adl"], scores["lawton_iadl"], scores["cci"]) == (76, 5, 7, 2)
    assert scores["imwg"] == {"score": 2, "category": "frail", "points": {"age": 1, "cci": 1, "adl": 0, "iadl": 0}}
    assert scores["simplified_frailty"] == {"score": 3, "category": "frail"}
    with db.unit_of_work(write=False) as uow:  # a fresh session reads what was committed
        stored = visits.get_visit(uow, NURSE_USER, vid)
    assert stored.instruments["katz"].answers["dressing"] == "dependent"
    assert stored.instruments["katz"].form_version == katz.SPEC.version
    assert stored.scores["scoring_version"].startswith("cga-desk-scoring/")


def test_bad_answer_refused_naming_item_and_nothing_changes(db: Database) -> None:
    _register(db)
    vid = _visit(db)
    _answer(db, vid, "lawton", "laundry", 2)
    with db.unit_of_work() as uow, pytest.raises(ValidationError) as info:
        visits.save_answer(uow, NURSE_USER, vid, "lawton", "laundry", 4)
    assert info.value.field == "lawton.laundry"
    with db.unit_of_work(write=False) as uow:
        assert visits.get_visit(uow, NURSE_USER, vid).instruments["lawton"].answers == {"laundry": 2}


def test_graded_charlson_question_sets_both_conditions(db: Database) -> None:
    _register(db)
    vid = _visit(db)
    with db.unit_of_work() as uow:
        view = visits.save_answer(uow, NURSE_USER, vid, "charlson", "diabetes", "end_organ_damage")
    assert view.instruments["charlson"].answers == {"diabetes_uncomplicated": False, "diabetes_end_organ_damage": True}


def test_complete_refused_with_what_is_missing_then_not_assessable(db: Database) -> None:
    _register(db)
    vid = _visit(db)
    _answer(db, vid, "katz", "bathing", "independent")
    with db.unit_of_work() as uow, pytest.raises(IncompleteVisitError) as info:
        visits.complete_visit(uow, NURSE_USER, vid)
    text_missing = "; ".join(info.value.missing)
    assert "dressing" in text_missing and "Lawton" in text_missing and "Charlson" in text_missing
    with db.unit_of_work() as uow:
        with pytest.raises(ValidationError, match="reason"):
            visits.set_not_assessable(uow, NURSE_USER, vid, "lawton", "  ")
    for name in ("katz", "lawton", "charlson"):
        with db.unit_of_work() as uow:
            visits.set_not_assessable(uow, NURSE_USER, vid, name, "patient too unwell to answer")
    with db.unit_of_work() as uow:
        done = visits.complete_visit(uow, NURSE_USER, vid)
    assert done.status == "complete" and done.scores["imwg"] is None


def test_complete_sign_amend_with_audit_trail(db: Database) -> None:
    _register(db)
    vid = _visit(db)
    _fill(db, vid)
    with db.unit_of_work() as uow:
        visits.complete_visit(uow, NURSE_USER, vid)
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        visits.sign_visits(uow, NURSE_USER, [vid], PASSWORD)
    with db.unit_of_work() as uow:
        signed = visits.sign_visits(uow, DOCTOR, [vid], PASSWORD)[0]
    assert signed.status == "signed" and signed.signed_by == "Dr Bea"
    with db.unit_of_work() as uow, pytest.raises(StateError, match="read-only"):
        visits.save_answer(uow, NURSE_USER, vid, "katz", "bathing", "dependent")
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):  # amending is a physician's right
        visits.amend_visit(uow, NURSE_USER, vid, "bathing was misread from the proxy's answer")
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="reason"):
        visits.amend_visit(uow, DOCTOR, vid, "")
    with db.unit_of_work() as uow:
        amended = visits.amend_visit(uow, DOCTOR, vid, "bathing was misread from the proxy's answer")
    assert amended.status == "draft" and amended.revision == 2
    scores = _answer(db, vid, "katz", "bathing", "dependent")
    assert scores["katz_adl"] == 4 and scores["imwg"]["score"] == 3
    with db.unit_of_work() as uow:
        visits.complete_visit(uow, NURSE_USER, vid)
        visits.sign_visits(uow, DOCTOR, [vid], PASSWORD)
    with db.unit_of_work(write=False) as uow:
        versions = visits.visit_versions(uow, DOCTOR, vid)
        events = trail(uow, "visit", vid)
    assert [v.revision for v in versions] == [1]
    assert versions[0].snapshot["status"] == "signed" and versions[0].snapshot["scores"]["katz_adl"] == 5
    assert versions[0].reason.startswith("bathing was misread")
    actions = [e.action for e in events]
    assert actions[0] == "start" and actions.count("sign") == 2 and "amend" in actions
    amend = next(e for e in events if e.action == "amend")
    assert (amend.user_name, amend.old_value, amend.new_value) == ("Dr Bea", "signed", "draft")
    change = [e for e in events if e.field == "katz.bathing"][-1]
    assert (change.old_value, change.new_value) == ("independent", "dependent") and change.app_version


def test_audit_trail_is_append_only_in_the_database(db: Database) -> None:
    _register(db)
    for statement in ("UPDATE audit_events SET user_name = 'someone else'", "DELETE FROM audit_events"):
        with db.engine.connect() as conn, pytest.raises(Exception, match="append-only"):
            conn.execute(text(statement))
            conn.commit()


def test_visit_date_rules(db: Database) -> None:
    _register(db)
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="after today"):
        visits.start_visit(uow, NURSE_USER, "PCL-001", date(2026, 11, 25), "Baseline", today=TODAY)
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="before the patient's birth"):
        visits.start_visit(uow, NURSE_USER, "PCL-001", date(1940, 1, 1), "Baseline", today=TODAY)
    _visit(db)
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="already has"):
        visits.start_visit(uow, NURSE_USER, "PCL-001", date(2026, 3, 10), "Baseline", today=TODAY)
    with db.unit_of_work() as uow, pytest.raises(NotFoundError):
        visits.start_visit(uow, NURSE_USER, "PCL-999", date(2026, 3, 10), "Baseline", today=TODAY)


def test_birth_date_correction_rescores_visits(db: Database) -> None:
    _register(db)
    vid = _visit(db)
    _fill(db, vid)
    with db.unit_of_work() as uow:
        patients.edit_patient(
            uow,
            NURSE_USER,
            "PCL-001",
            PatientInput("PCL-001", date(1952, 5, 2), "Maria Rossi", "female", "primary_plasma_cell_leukemia"),
            TODAY,
        )
    with db.unit_of_work(write=False) as uow:
        view = visits.get_visit(uow, NURSE_USER, vid)
        events = trail(uow, "patient", "PCL-001")
    assert view.scores["age_years"] == 73 and view.scores["imwg"]["score"] == 1
    assert any(e.field == "birth_date" and e.new_value == "1952-05-02" for e in events)


def test_baseline_mark_drives_change_from_baseline(db: Database) -> None:
    from cga_desk.services.history import patient_history

    _register(db)
    first, second = _visit(db), _visit(db, date(2026, 6, 1), "End of induction")
    _fill(db, first)
    _fill(db, second)
    _answer(db, second, "katz", "feeding", "dependent")
    with db.unit_of_work(write=False) as uow:
        rows = patient_history(uow, NURSE_USER, "PCL-001").rows
    assert rows[0].change.is_baseline and rows[1].change.change_from_baseline["katz_adl"] == -1
    assert [(c.item, c.from_answer, c.to_answer, c.is_decline) for c in rows[1].change.item_changes] == [
        ("feeding", "independent", "dependent", True)
    ]
    with db.unit_of_work() as uow:
        visits.set_baseline(uow, NURSE_USER, second, True)
    with db.unit_of_work(write=False) as uow:
        rows = patient_history(uow, NURSE_USER, "PCL-001").rows
    assert rows[0].change.change_from_baseline is None and rows[1].change.is_baseline
