"""The patient register reads stored summaries and next-due timelines (persistence/summaries.py).
Whatever changes a patient's record, what the list shows must equal the rule computed afresh from the
visits (forms.schedule.statuses / next_due), on SQLite and PostgreSQL, on any day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, text

from cga_desk.app import open_store
from cga_desk.domain.errors import CgaDeskError
from cga_desk.domain.records import INDEX_DISEASES, PatientInput
from cga_desk.forms import katz, lawton
from cga_desk.forms.imwg import age_in_completed_years
from cga_desk.forms.schedule import next_due
from cga_desk.persistence.database import Database
from cga_desk.persistence.summaries import SUMMARY_VERSION
from cga_desk.persistence.tables import PatientDue, PatientSummary, ScheduleTimepoint
from cga_desk.services.clinic import Clinic
from cga_desk.services.register import PatientRow, RegisterQuery
from cga_desk.services.schedules import timepoint_statuses
from tests.store_fixtures import ADMIN_USER, NURSE_USER, TODAY

DAYS = [
    TODAY - timedelta(days=400),
    TODAY - timedelta(days=30),
    TODAY,
    TODAY + timedelta(days=45),
    TODAY + timedelta(days=800),
]


def expected_rows(db: Database, today: date) -> list[PatientRow]:
    """The register as the rule gives it, computed from every visit (the pre-summary implementation)."""
    clinic = Clinic(db, NURSE_USER, today=lambda: today)
    out = []
    for study_id in sorted(r[0] for r in _scalars(db, "SELECT study_id FROM patients")):
        p = clinic.patient(study_id)
        visits = sorted(clinic.visits(study_id), key=lambda v: (v.visit_date, v.id))
        scored = [v for v in visits if (v.scores.get("imwg") or {}).get("score") is not None]
        with db.unit_of_work(write=False) as uow:
            nxt = next_due(timepoint_statuses(uow, NURSE_USER, study_id, today))
        out.append(
            PatientRow(
                study_id=study_id,
                name=p.name,
                age=age_in_completed_years(p.birth_date, today),
                index_disease=INDEX_DISEASES.get(p.index_disease or "", p.index_disease),
                last_visit=done[-1].visit_date if (done := [v for v in visits if v.status != "draft"]) else None,
                imwg_score=scored[-1].scores["imwg"]["score"] if scored else None,
                imwg_category=scored[-1].imwg_category if scored else None,
                next_timepoint=nxt.label if nxt else None,
                next_status=nxt.status if nxt else None,
                next_date=nxt.due if nxt else None,
                open_draft=any(v.status == "draft" for v in visits),
            )
        )
    return out


def _scalars(db: Database, sql: str) -> list:
    with db.engine.connect() as conn:
        return list(conn.execute(text(sql)))


def assert_register_current(db: Database) -> None:
    for day in DAYS:
        stored = Clinic(db, NURSE_USER, today=lambda d=day: d).patient_rows()
        assert stored == expected_rows(db, day), f"register differs from the rule on {day}"


def test_register_follows_every_change(db: Database) -> None:
    clinic = Clinic(db, NURSE_USER, today=lambda: TODAY)
    clinic.register_patient(
        PatientInput(
            "PCL-001", date(1949, 5, 2), "Maria Rossi", "female", "primary_plasma_cell_leukemia", date(2026, 2, 20)
        )
    )
    assert_register_current(db)
    clinic.add_milestone("PCL-001", "induction_start", date(2026, 3, 1))
    clinic.add_milestone("PCL-001", "car_t_infusion", date(2026, 6, 1))
    assert_register_current(db)
    visit = clinic.start_visit("PCL-001", date(2026, 2, 21), "Baseline", "patient")
    assert clinic.patient_rows()[0].open_draft
    assert_register_current(db)
    clinic.save_answers(visit.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(visit.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(visit.id, "charlson", [])
    assert clinic.patient_rows()[0].imwg_category == "intermediate"  # 77 years old: one point for age
    assert_register_current(db)
    clinic.complete_visit(visit.id)
    assert_register_current(db)
    clinic.save_answers(
        clinic.start_visit("PCL-001", date(2026, 5, 4), "End of induction", "patient").id,
        "katz",
        {c: "dependent" for c in katz.SPEC.item_codes},
    )
    assert_register_current(db)
    data = clinic.patient("PCL-001")
    clinic.edit_patient(
        "PCL-001",
        PatientInput("PCL-001", date(1939, 5, 2), "Maria Bianchi", "female", "multiple_myeloma", data.diagnosis_date),
    )  # rescored: older now
    assert [r.study_id for r in clinic.patient_rows(RegisterQuery(search="bianchi"))] == ["PCL-001"]
    assert clinic.patient_rows(RegisterQuery(search="rossi")) == []
    assert_register_current(db)


def test_a_refused_change_leaves_the_register_as_it_was(db: Database) -> None:
    clinic = Clinic(db, NURSE_USER, today=lambda: TODAY)
    clinic.register_patient(PatientInput("PCL-001", date(1949, 5, 2), "Maria Rossi", None, None, date(2026, 2, 20)))
    before = clinic.patient_rows()
    with pytest.raises(CgaDeskError):
        clinic.start_visit("PCL-001", TODAY + timedelta(days=3), "Baseline")  # a visit in the future is refused
    assert clinic.patient_rows() == before and not before[0].open_draft


def test_the_demo_clinic_matches_the_rule_filtered_and_sorted(db: Database) -> None:
    from cga_desk.demo.load import load_demo

    load_demo(db.unit_of_work, ADMIN_USER, TODAY, n_patients=8)
    assert_register_current(db)
    clinic = Clinic(db, NURSE_USER, today=lambda: TODAY)
    for only in (("due", "overdue"), ("overdue",), ("upcoming",)):
        assert [r.study_id for r in clinic.patient_rows(RegisterQuery(only=only))] == [
            r.study_id for r in expected_rows(db, TODAY) if r.next_status in only
        ]
    rows = clinic.patient_rows()
    key = {
        "study_id": lambda r: r.study_id,
        "name": lambda r: (r.name or "").casefold(),
        "age": lambda r: r.age,
        "last_visit": lambda r: r.last_visit,
        "next_due": lambda r: r.next_date,
        "imwg": lambda r: {"fit": 0, "intermediate": 1, "frail": 2}.get(r.imwg_category or ""),
    }
    for sort, value in key.items():
        for descending in (False, True):
            got = [value(r) for r in clinic.patient_rows(RegisterQuery(sort=sort, descending=descending))]
            present = [v for v in got if v is not None]
            assert present == sorted(present, reverse=descending) and got[len(present) :] == [None] * (
                len(got) - len(present)
            )
    assert sorted(r.study_id for r in rows) == [r.study_id for r in rows]


def test_changing_a_schedule_derives_every_patient_again(db: Database) -> None:
    clinic = Clinic(db, NURSE_USER, today=lambda: TODAY)
    for n in range(3):
        clinic.register_patient(
            PatientInput(f"PCL-00{n}", date(1949, 5, 2), None, None, None, TODAY - timedelta(days=20))
        )
    assert {r.next_status for r in clinic.patient_rows()} == {"overdue"}  # baseline window: 14 days
    with db.unit_of_work() as uow:
        baseline = uow.session.scalars(select(ScheduleTimepoint).where(ScheduleTimepoint.label == "Baseline")).one()
        baseline.window_days = 30
        uow.commit()
    assert {r.next_status for r in clinic.patient_rows()} == {"due"}
    assert_register_current(db)


def test_missing_or_outdated_summaries_are_derived_when_the_database_opens(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    db = open_store(url)
    clinic = Clinic(db, NURSE_USER, today=lambda: TODAY)
    for n in range(3):
        clinic.register_patient(PatientInput(f"PCL-00{n}", date(1949, 5, 2), f"Name {n}", None, None, TODAY))
    expected = clinic.patient_rows()
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM patient_due"))
        conn.execute(text("DELETE FROM patient_summaries WHERE patient_id = (SELECT min(id) FROM patients)"))
        conn.execute(text("UPDATE patient_summaries SET version = 0, search_key = 'stale'"))
    db.close()
    db = open_store(url)
    try:
        assert Clinic(db, NURSE_USER, today=lambda: TODAY).patient_rows() == expected
        with db.unit_of_work(write=False) as uow:
            versions = set(uow.session.scalars(select(PatientSummary.version)))
            assert versions == {SUMMARY_VERSION}
            assert uow.session.scalar(select(PatientDue.id).limit(1)) is not None
    finally:
        db.close()


def test_an_import_leaves_the_register_as_the_rule_gives_it(db: Database, vectors_dir) -> None:  # type: ignore[no-untyped-def]
    """The bulk path (`cga-desk import` of the shared visits) goes through the same session hook."""
    from cga_desk.interop.jsonl import read_jsonl
    from cga_desk.services.importing import import_records

    with (vectors_dir / "visits.jsonl").open(encoding="utf-8") as stream, db.unit_of_work() as uow:
        summary = import_records(uow, ADMIN_USER, read_jsonl(stream), TODAY)
    assert summary.visits_created > 0
    assert_register_current(db)
