"""Carry-forward (issue 18): which earlier visit a follow-up is shown as "last time", per instrument, on a
real database (SQLite file and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest

from cga_desk.domain.errors import PermissionDenied
from cga_desk.domain.records import PatientInput
from cga_desk.forms import carry, katz, lawton
from cga_desk.persistence.database import Database
from cga_desk.services import patients, visits
from tests.store_fixtures import NURSE_USER, TODAY

PATIENT = PatientInput("PCL-001", date(1949, 5, 2), "Maria Rossi", "female", "multiple_myeloma", date(2026, 2, 20))


def _visit(db: Database, day: date, timepoint: str, katz_dressing: str, complete: bool = True) -> int:
    with db.unit_of_work() as uow:
        v = visits.start_visit(uow, NURSE_USER, "PCL-001", day, timepoint, "patient", today=TODAY)
    with db.unit_of_work() as uow:
        answers = {c: "independent" for c in katz.SPEC.item_codes} | {"dressing": katz_dressing}
        visits.save_answers(uow, NURSE_USER, v.id, "katz", answers)
        visits.save_answers(uow, NURSE_USER, v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
        visits.save_answers(uow, NURSE_USER, v.id, "charlson", ["diabetes_uncomplicated"])
        visits.save_answer(uow, NURSE_USER, v.id, "ecog", "ecog", 1)
    if complete:
        with db.unit_of_work() as uow:
            visits.complete_visit(uow, NURSE_USER, v.id)
    return v.id


def test_last_time_is_the_latest_completed_visit_never_a_draft(db: Database) -> None:
    with db.unit_of_work() as uow:
        patients.register_patient(uow, NURSE_USER, PATIENT, today=TODAY)
    _visit(db, date(2026, 3, 10), "Baseline", "independent")
    second = _visit(db, date(2026, 6, 1), "End of induction", "dependent")
    _visit(db, date(2026, 7, 1), "Unscheduled", "independent", complete=False)  # a draft: never "last time"
    with db.unit_of_work() as uow:
        now = visits.start_visit(uow, NURSE_USER, "PCL-001", date(2026, 9, 1), "Month 6", today=TODAY).id
    with db.unit_of_work() as uow:
        last = visits.previous_answers(uow, NURSE_USER, now)
    assert {code: v.id for code, v in last.items()} == {"katz": second, "lawton": second, "charlson": second}
    assert last["katz"].instruments["katz"].answers["dressing"] == "dependent"
    assert "ecog" not in last and "g8" not in last  # asked afresh at every visit


def test_an_instrument_not_assessable_last_time_comes_from_the_visit_before(db: Database) -> None:
    with db.unit_of_work() as uow:
        patients.register_patient(uow, NURSE_USER, PATIENT, today=TODAY)
    first = _visit(db, date(2026, 3, 10), "Baseline", "dependent")
    with db.unit_of_work() as uow:
        second = visits.start_visit(uow, NURSE_USER, "PCL-001", date(2026, 6, 1), "End of induction", "patient").id
    with db.unit_of_work() as uow:
        visits.save_answers(uow, NURSE_USER, second, "katz", {c: "independent" for c in katz.SPEC.item_codes})
        visits.set_not_assessable(uow, NURSE_USER, second, "lawton", "in hospital")
        visits.save_answers(uow, NURSE_USER, second, "charlson", [])
        visits.save_answer(uow, NURSE_USER, second, "ecog", "ecog", 2)
    with db.unit_of_work() as uow:
        visits.complete_visit(uow, NURSE_USER, second)
    with db.unit_of_work() as uow:
        now = visits.start_visit(uow, NURSE_USER, "PCL-001", date(2026, 9, 1), "Month 6", today=TODAY).id
    with db.unit_of_work() as uow:
        last = visits.previous_answers(uow, NURSE_USER, now)
    assert (last["katz"].id, last["lawton"].id, last["charlson"].id) == (second, first, second)


def test_previous_answers_needs_a_signed_in_user(db: Database) -> None:
    with db.unit_of_work() as uow:
        patients.register_patient(uow, NURSE_USER, PATIENT, today=TODAY)
    first = _visit(db, date(2026, 3, 10), "Baseline", "independent")
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        visits.previous_answers(uow, None, first)  # type: ignore[arg-type]


def test_keeping_the_last_answers_keeps_an_item_already_changed() -> None:
    last = {c: "independent" for c in katz.SPEC.item_codes}
    kept = carry.kept(katz.INSTRUMENT, last, {"dressing": "dependent", "bathing": None})
    assert kept == last | {"dressing": "dependent"}
    assert carry.kept(katz.INSTRUMENT, last, None) == last
