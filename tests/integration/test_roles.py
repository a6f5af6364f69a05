"""Roles are enforced by the services, not by the buttons: every use case called directly as each role,
allowed or refused with one error type, and a refused call writes nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from cga_desk.domain import access
from cga_desk.domain.errors import PermissionDenied
from cga_desk.domain.records import ADMIN, NURSE, PHYSICIAN, PatientInput, User
from cga_desk.interop.jsonl import read_jsonl
from cga_desk.persistence.database import Database
from cga_desk.persistence.uow import UnitOfWork
from cga_desk.services import (
    audit,
    cohort,
    dataset,
    history,
    importing,
    notes,
    patient_file,
    patients,
    printing,
    register,
    schedules,
    settings,
    users,
    visits,
)
from cga_desk.services.exporting import export_dataset
from tests.conftest import VECTORS
from tests.store_fixtures import ADMIN_USER, DOCTOR, PASSWORD, TODAY

PERSON = {NURSE: User("Nurse Ada", NURSE, "Nurse Ada"), PHYSICIAN: DOCTOR, ADMIN: ADMIN_USER}
TABLES = ("patients", "visits", "visit_instruments", "signatures", "patient_notes", "users", "settings", "audit_events")

Call = Callable[[UnitOfWork, User, dict[str, Any]], object]


CALLS: list[tuple[str, str, Call]] = [
    (
        "register a patient",
        access.EDIT_PATIENTS,
        lambda u, by, s: patients.register_patient(u, by, PatientInput(f"NEW-{by.role}", date(1950, 1, 1)), TODAY),
    ),
    (
        "edit a patient",
        access.EDIT_PATIENTS,
        lambda u, by, s: patients.edit_patient(
            u,
            by,
            f"NEW-{by.role}",
            PatientInput(f"NEW-{by.role}", date(1950, 1, 1), name=f"Edited by {by.role}"),
            TODAY,
        ),
    ),
    (
        "add a milestone",
        access.EDIT_PATIENTS,
        lambda u, by, s: patients.add_milestone(u, by, "DEMO-002", "other", date(2025, 1, 1 + len(by.role))),
    ),
    ("read a patient", access.READ, lambda u, by, s: patients.get_patient(u, by, "DEMO-001")),
    ("list patients", access.READ, lambda u, by, s: register.patient_rows(u, by, TODAY)),
    ("count patients", access.READ, lambda u, by, s: register.patient_count(u, by)),
    ("open a patient", access.READ, lambda u, by, s: patient_file.open_patient(u, by, "DEMO-001", TODAY)),
    ("history", access.READ, lambda u, by, s: history.patient_history(u, by, "DEMO-001")),
    ("visits", access.READ, lambda u, by, s: visits.patient_visits(u, by, "DEMO-001")),
    ("one visit", access.READ, lambda u, by, s: visits.get_visit(u, by, s["complete"])),
    ("visit trail", access.READ, lambda u, by, s: visits.visit_trail(u, by, s["complete"])),
    ("notes", access.READ, lambda u, by, s: notes.patient_notes(u, by, "DEMO-001")),
    ("next timepoint", access.READ, lambda u, by, s: schedules.next_timepoint(u, by, "DEMO-001", TODAY)),
    ("cohort summary", access.READ, lambda u, by, s: cohort.cohort_summary(u, by, None, TODAY)),
    (
        "start a visit",
        access.RECORD_VISITS,
        lambda u, by, s: visits.start_visit(
            u, by, "DEMO-002", date(2026, 1, 1 + len(by.role)), "Unscheduled", today=TODAY
        ),
    ),
    (
        "save an answer",
        access.RECORD_VISITS,
        lambda u, by, s: visits.save_answer(u, by, s["draft"], "katz", "bathing", "dependent"),
    ),
    (
        "set the respondent",
        access.RECORD_VISITS,
        lambda u, by, s: visits.set_visit_details(u, by, s["draft"], respondent="proxy"),
    ),
    (
        "not assessable",
        access.RECORD_VISITS,
        lambda u, by, s: visits.set_not_assessable(u, by, s["draft"], "ecog", "bed-bound today"),
    ),
    ("mark a baseline", access.RECORD_VISITS, lambda u, by, s: visits.set_baseline(u, by, s["draft"], True)),
    ("sign", access.SIGN, lambda u, by, s: visits.sign_visits(u, by, [s["complete"]], PASSWORD)),
    ("amend", access.AMEND, lambda u, by, s: visits.amend_visit(u, by, s["signed"], "wrong answer")),
    ("trend review", access.REVIEW, lambda u, by, s: notes.add_trend_review(u, by, "DEMO-001", TODAY, "", TODAY)),
    ("print a visit", access.PRINT, lambda u, by, s: printing.visit_summary_pdf(u, by, s["complete"], TODAY)),
    ("print a patient", access.PRINT, lambda u, by, s: printing.longitudinal_pdf(u, by, "DEMO-001", TODAY)),
    ("print the cohort", access.PRINT, lambda u, by, s: printing.cohort_pdf(u, by, None, TODAY)),
    ("analysis dataset", access.EXPORT, lambda u, by, s: dataset.analysis_frame(u, by)),
    (
        "import",
        access.IMPORT,
        lambda u, by, s: importing.import_records(u, by, read_jsonl(io.StringIO(s["import"])), TODAY),
    ),
    ("a setting", access.SETTINGS, lambda u, by, s: settings.set_setting(u, by, settings.CLINIC_NAME, by.role)),
    ("idle time", access.SETTINGS, lambda u, by, s: settings.set_security_setting(u, by, settings.IDLE_MINUTES, "5")),
    ("audit trail", access.AUDIT, lambda u, by, s: audit.full_trail(u, by)),
    (
        "add a user",
        access.USERS,
        lambda u, by, s: users.create_user(u, by, f"new-{by.role}", "New Person", NURSE, "a long new secret 42"),
    ),
    ("reset a password", access.USERS, lambda u, by, s: users.reset_password(u, by, "Dr Bea")),
]


def _counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t: int(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()) for t in TABLES}


def _state(db: Database) -> dict[str, Any]:
    with db.engine.connect() as conn:
        return {
            "counts": _counts(db),
            "visits": sorted(
                tuple(r) for r in conn.execute(text("SELECT id, status, respondent, is_baseline FROM visits"))
            ),
            "answers": sorted(
                str(tuple(r))
                for r in conn.execute(text("SELECT visit_id, answers, not_assessable_reason FROM visit_instruments"))
            ),
            "patients": sorted(tuple(r) for r in conn.execute(text("SELECT study_id, name FROM patients"))),
        }


def _stage(db: Database) -> dict[str, Any]:
    """The shared patients imported by the admin; one patient's first complete visit signed, its second left
    complete, and a draft for DEMO-001."""
    with db.unit_of_work() as uow:
        importing.import_records(uow, ADMIN_USER, read_jsonl((VECTORS / "visits.jsonl").open()), TODAY)
    with db.unit_of_work() as uow:
        found = (
            [v.id for v in visits.patient_visits(uow, DOCTOR, f"DEMO-00{n}") if v.status == "complete"]
            for n in range(1, 7)
        )
        ids = next(i for i in found if len(i) >= 2)
    with db.unit_of_work() as uow:
        visits.sign_visits(uow, DOCTOR, [ids[0]], PASSWORD)
    with db.unit_of_work() as uow:
        draft = visits.start_visit(uow, PERSON[NURSE], "DEMO-001", date(2026, 11, 1), "Unscheduled", today=TODAY).id
    line = '{"patient": {"id": "IMP-%s", "birth_date": "1950-01-01"}, "visit": {"date": "2026-01-05", "timepoint": "Baseline"}, "assessment": {"ecog": 1}}'
    return {"signed": ids[0], "complete": ids[1], "draft": draft, "import": line % "X"}


@pytest.mark.parametrize("role", [NURSE, PHYSICIAN, ADMIN])
def test_each_role_may_do_what_its_rights_say_and_a_refusal_writes_nothing(db: Database, role: str) -> None:
    staged = _stage(db)
    who = PERSON[role]
    allowed_seen, refused_seen = [], []
    for name, action, call in CALLS:
        before = _state(db)
        with db.unit_of_work() as uow:
            if access.may(who, action):
                call(uow, who, staged)
                allowed_seen.append(name)
                continue
            with pytest.raises(PermissionDenied, match=f"only .* may {action}"):
                call(uow, who, staged)
        assert _state(db) == before, f"{role}: the refused '{name}' changed the database"
        refused_seen.append(name)
    expected_refused = {n for n, a, _ in CALLS if a not in access.RIGHTS[role]}
    assert set(refused_seen) == expected_refused and set(allowed_seen).isdisjoint(expected_refused)


def test_the_rights_table_says_what_the_issue_asks() -> None:
    r = access.RIGHTS
    assert {access.EDIT_PATIENTS, access.RECORD_VISITS, access.PRINT} <= r[NURSE] and access.SIGN not in r[NURSE]
    assert r[NURSE] < r[PHYSICIAN] and {access.SIGN, access.AMEND, access.REVIEW, access.EXPORT} <= r[PHYSICIAN]
    assert {access.USERS, access.SETTINGS, access.SCHEDULES, access.AUDIT, access.BACKUP, access.EXPORT} <= r[ADMIN]
    assert not ({access.SIGN, access.RECORD_VISITS, access.EDIT_PATIENTS} & r[ADMIN])
    assert not any(access.USERS in r[x] for x in (NURSE, PHYSICIAN))


def test_exporting_and_demo_data_check_the_role(db: Database, tmp_path: Path) -> None:
    from cga_desk.demo.load import load_demo

    nurse = PERSON[NURSE]
    with pytest.raises(PermissionDenied):
        export_dataset(db.unit_of_work, nurse, tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()
    with pytest.raises(PermissionDenied):
        load_demo(db.unit_of_work, nurse, TODAY, 1)
    with pytest.raises(PermissionDenied):
        load_demo(db.unit_of_work, DOCTOR, TODAY, 1)
    assert _counts(db)["patients"] == 0
    result = export_dataset(db.unit_of_work, DOCTOR, tmp_path / "out.csv")
    assert result.rows == 0 and (tmp_path / "out.csv").exists()
