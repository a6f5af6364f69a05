"""Opening a patient (issue 8): the column-level reads give exactly what the ORM path gave, in a fixed
number of SELECTs whatever the number of visits, and without loading a single ORM object."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from cga_desk.app import open_store
from cga_desk.domain.errors import NotFoundError
from cga_desk.domain.records import PatientInput
from cga_desk.forms import katz, lawton
from cga_desk.forms.schedule import next_due, statuses
from cga_desk.persistence.database import Database
from cga_desk.persistence.engine import json_loads
from cga_desk.services import notes, patients, schedules, signatures, visits
from cga_desk.services.history import build_history, patient_history
from cga_desk.services.patient_file import open_patient
from tests.store_fixtures import DOCTOR, NURSE_USER, PASSWORD, TODAY, add_accounts

SID, EMPTY = "PCL-001", "PCL-002"


def _new_visit(db: Database, day: date, timepoint: str) -> int:
    with db.unit_of_work() as uow:
        return visits.start_visit(uow, NURSE_USER, SID, day, timepoint, "patient", today=TODAY).id


def _do(db: Database, fn: Callable[..., Any], *args: Any) -> Any:
    with db.unit_of_work() as uow:
        return fn(uow, *args)


def _full(db: Database, vid: int, dependent: tuple[str, ...] = ()) -> None:
    _do(
        db,
        visits.save_answers,
        NURSE_USER,
        vid,
        "katz",
        {c: "dependent" if c in dependent else "independent" for c in katz.SPEC.item_codes},
    )
    _do(db, visits.save_answers, NURSE_USER, vid, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    _do(db, visits.save_answers, NURSE_USER, vid, "charlson", ["diabetes_uncomplicated"])
    _do(db, visits.save_answer, NURSE_USER, vid, "ecog", "ecog", 1)


def _fill_patient(db: Database) -> None:
    """Every kind of visit the page shows: signed baseline, a draft with missing items and a
    not-assessable instrument, a paper total, an amended visit; milestones and a trend-review note."""
    with db.unit_of_work() as uow:
        patients.register_patient(
            uow,
            NURSE_USER,
            PatientInput(
                SID, date(1949, 5, 2), "Maria Rossi", "female", "primary_plasma_cell_leukemia", date(2026, 2, 20)
            ),
            TODAY,
        )
        patients.register_patient(uow, NURSE_USER, PatientInput(EMPTY, date(1950, 1, 1)), TODAY)
    _do(db, patients.add_milestone, NURSE_USER, SID, "induction_start", date(2026, 3, 1), "VRd")
    _do(db, patients.add_milestone, NURSE_USER, SID, "car_t_infusion", date(2026, 6, 20))
    first = _new_visit(db, date(2026, 3, 10), "Baseline")
    _full(db, first)
    _do(db, visits.complete_visit, NURSE_USER, first)
    _do(db, visits.sign_visits, DOCTOR, [first], PASSWORD)
    _do(db, visits.set_baseline, DOCTOR, first, True)
    draft = _new_visit(db, date(2026, 6, 1), "End of induction")
    _do(db, visits.save_answer, NURSE_USER, draft, "katz", "bathing", "dependent")
    _do(db, visits.set_not_assessable, NURSE_USER, draft, "lawton", "too unwell to answer")
    amended = _new_visit(db, date(2026, 9, 1), "CAR-T + 1 month")
    _full(db, amended, ("feeding",))
    _do(db, visits.save_answers, NURSE_USER, amended, "katz", 4)  # a total from the paper record
    _do(db, visits.complete_visit, NURSE_USER, amended)
    _do(db, visits.sign_visits, DOCTOR, [amended], PASSWORD)
    _do(db, visits.amend_visit, DOCTOR, amended, "wrong paper total")
    _do(db, notes.add_trend_review, DOCTOR, SID, TODAY, "stable", TODAY)


def _orm_file(uow: Any, study_id: str) -> tuple[Any, ...]:
    """What the page read before issue 8, through ORM rows: patient, visits, next timepoint."""
    row = patients.require_patient(uow, study_id)
    orm_visits = uow.visits.for_patient(row.id)
    schedule = uow.schedules.get(row.schedule_id) if row.schedule_id else uow.schedules.default()
    rules = schedules._rules(schedule)
    nxt = next_due(statuses(rules, schedules.anchors_of(row), {v.timepoint for v in orm_visits}, TODAY))
    views = signatures.with_signatures(
        uow, [visits.to_view(v, row) for v in orm_visits]
    )  # checked as the page shows them
    return patients.to_view(row), views, nxt


@pytest.mark.parametrize("study_id", [SID, EMPTY])
def test_column_reads_equal_the_orm_views(db: Database, study_id: str) -> None:
    _fill_patient(db)
    with db.unit_of_work(write=False) as uow:
        patient, orm_visits, nxt = _orm_file(uow, study_id)
    with db.unit_of_work(write=False) as uow:
        file = open_patient(uow, NURSE_USER, study_id, TODAY)
        assert len(uow.session.identity_map) == 0  # not one ORM object was loaded
    assert file.patient == patient
    assert list(file.visits) == orm_visits
    assert file.history == build_history(patient, orm_visits)
    assert file.next_timepoint == nxt
    with db.unit_of_work(write=False) as uow:
        assert list(file.notes) == notes.patient_notes(uow, NURSE_USER, study_id)
        assert visits.patient_visits(uow, NURSE_USER, study_id) == orm_visits
        assert patient_history(uow, NURSE_USER, study_id) == file.history
        assert schedules.next_timepoint(uow, NURSE_USER, study_id, TODAY) == nxt


def test_the_views_cover_every_state(db: Database) -> None:
    _fill_patient(db)
    with db.unit_of_work(write=False) as uow:
        file = open_patient(uow, NURSE_USER, SID, TODAY)
    signed, draft, amended = file.visits
    assert signed.status == "signed" and signed.is_baseline and signed.signed_by == DOCTOR.name and not signed.missing
    assert draft.instruments["lawton"].not_assessable_reason == "too unwell to answer"
    assert (
        draft.missing
        and any("Katz" in m for m in draft.missing)
        and draft.instruments["katz"].answers == {"bathing": "dependent"}
    )
    assert amended.status == "draft" and amended.revision == 2 and amended.instruments["katz"].total == 4
    assert list(file.amendments) == [amended.id]  # who amended, when and why: the amended visit only
    assert file.amendments[amended.id].by == DOCTOR.name and file.amendments[amended.id].reason == "wrong paper total"
    assert [m.kind for m in file.patient.milestones] == ["induction_start", "car_t_infusion"]
    assert [n.text for n in file.notes] == ["stable"]
    assert file.history.rows[2].change.baseline_date == date(2026, 3, 10)


def test_an_unknown_patient_is_refused_in_the_same_words(db: Database) -> None:
    with db.unit_of_work(write=False) as uow:
        for read in (
            lambda: open_patient(uow, NURSE_USER, "NOPE", TODAY),
            lambda: patient_history(uow, NURSE_USER, "NOPE"),
            lambda: visits.patient_visits(uow, NURSE_USER, "NOPE"),
            lambda: schedules.next_timepoint(uow, NURSE_USER, "NOPE", TODAY),
        ):
            with pytest.raises(NotFoundError, match="No patient with ID 'NOPE'"):
                read()


def test_the_schedule_rules_read_column_wise_equal_the_orm_ones(db: Database) -> None:
    with db.unit_of_work(write=False) as uow:
        default = uow.schedules.default()
        assert default is not None
        assert schedules.schedule_rules(uow, None) == schedules._rules(default)
        assert schedules.schedule_rules(uow, default.id) == schedules._rules(default)


def test_pending_orm_changes_are_seen_by_the_column_reads(db: Database) -> None:
    _fill_patient(db)
    with db.unit_of_work() as uow:
        row = patients.require_patient(uow, SID)
        row.name = "Changed, not yet flushed"
        assert open_patient(uow, NURSE_USER, SID, TODAY).patient.name == "Changed, not yet flushed"


# ------------------------------------------------------------------------------------ SELECT counts
@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    database = open_store(f"sqlite:///{tmp_path / 'count.sqlite3'}")
    add_accounts(database, DOCTOR)  # who signs in _fill_patient
    try:
        yield database
    finally:
        database.close()


def _selects(db: Database, fn: Callable[[], Any]) -> int:
    seen: list[str] = []

    def on_execute(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        fn()
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
    return len(seen)


def _read_counts(db: Database) -> dict[str, int]:
    def read(fn: Callable[..., Any], *args: Any) -> Callable[[], Any]:
        def run() -> Any:
            with db.unit_of_work(write=False) as uow:
                return fn(uow, NURSE_USER, *args)

        return run

    return {
        "open_patient": _selects(db, read(open_patient, SID, TODAY)),
        "patient_history": _selects(db, read(patient_history, SID)),
        "patient_visits": _selects(db, read(visits.patient_visits, SID)),
        "next_timepoint": _selects(db, read(schedules.next_timepoint, SID, TODAY)),
    }


def test_opening_a_patient_takes_the_same_few_selects_at_any_number_of_visits(sqlite_db: Database) -> None:
    _fill_patient(sqlite_db)
    few = _read_counts(sqlite_db)
    for i in range(12):
        vid = _new_visit(sqlite_db, date(2026, 10, 1) + timedelta(days=i), f"Unscheduled {i}")
        _full(sqlite_db, vid)
    many = _read_counts(sqlite_db)
    assert many == few
    # patient with milestones, visits with scores, answers, the signed visits' signatures (issue 13)
    # (+ schedule and notes for the page, + who amended: this patient has an amended visit; none without one)
    assert few == {"open_patient": 7, "patient_history": 4, "patient_visits": 4, "next_timepoint": 3}


def test_stored_json_decodes_as_json_loads_does() -> None:
    import json

    for text in ('{"a": [1, 2.5, null, true]}', "null", '"x"', "[]", ' {"a": 1} ', '{"bathing": "dependent"}\n'):
        assert json_loads(text) == json.loads(text)
    for bad in ('{"a": 1} trailing', "", "{"):
        with pytest.raises(json.JSONDecodeError):
            json_loads(bad)
