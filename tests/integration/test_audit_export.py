"""`cga-desk audit export` and the viewer's pages (issue 15): the filters, paging by id, neutralised text,
and the export recorded in the trail."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

from cga_desk.cli import main
from cga_desk.domain.records import PatientInput, User
from cga_desk.persistence.database import Database
from cga_desk.services import audit
from cga_desk.services.audit import AuditFilter
from cga_desk.services.clinic import Clinic
from tests.integration.cli_helpers import password_file, sign_in_args
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, TODAY


def _clinic(db: Database, user: User = NURSE_USER) -> Clinic:
    return Clinic(db, user, today=lambda: TODAY)


def _setup(db: Database) -> int:
    nurse = _clinic(db)
    nurse.register_patient(PatientInput("P-1", date(1944, 1, 1), "=cmd|' /C calc'!A0"))
    nurse.register_patient(PatientInput("P-2", date(1945, 1, 1), "Other"))
    visit = nurse.start_visit("P-1", TODAY, "Baseline")
    nurse.save_answer(visit.id, "katz", "bathing", "dependent")
    _clinic(db, DOCTOR).open_patient("P-2")
    return visit.id


def _page(db: Database, filters: AuditFilter, after: int = 0, limit: int = 500) -> list[tuple]:
    with db.unit_of_work(write=False) as uow:
        return audit.trail_page(uow, filters, after, limit)


def test_filters_select_a_patients_events_a_user_an_action_and_days(db: Database) -> None:
    visit_id = _setup(db)
    p1 = _page(db, AuditFilter(study_id="P-1"))
    assert {(r[4], r[5]) for r in p1} == {("patient", "P-1"), ("visit", str(visit_id))}
    assert any(r[3] == "answer" and r[6] == "katz.bathing" and r[8] == "dependent" for r in p1)
    assert {r[2] for r in _page(db, AuditFilter(user=DOCTOR.name))} == {DOCTOR.name}
    assert [r[5] for r in _page(db, AuditFilter(action="disclose"))] == ["P-2"]
    assert _page(db, AuditFilter(since=date.today() + timedelta(days=1))) == []
    assert len(_page(db, AuditFilter(since=date.today(), until=date.today()))) == len(_page(db, AuditFilter()))


def test_pages_follow_each_other_by_id(db: Database) -> None:
    _setup(db)
    everything = _page(db, AuditFilter())
    pages, last = [], 0
    while page := _page(db, AuditFilter(), last, 3):
        pages.extend(page)
        last = page[-1][0]
    assert pages == everything and [r[0] for r in pages] == sorted(r[0] for r in pages)


def test_the_export_is_neutralised_and_recorded(db: Database, db_url: str, tmp_path: Path) -> None:
    _setup(db)
    out = tmp_path / "trail.csv"
    admin = sign_in_args(ADMIN_USER, password_file(tmp_path / "secrets"))  # reading the trail: an admin's right
    assert main(["--db", db_url, "audit", "export", "--out", str(out), "--patient", "P-1", *admin]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    names = [r["new_value"] for r in rows if r["field"] == "name"]
    assert names == ["'=cmd|' /C calc'!A0"]
    assert all(r["hash"] and len(r["hash"]) == 64 for r in rows)
    last = _page(db, AuditFilter(action="disclose"))[-1]
    assert last[4:7] == ("audit", str(out.resolve()), "audit trail export")
    assert last[8] == f"{len(rows)} events: patient P-1"
    assert main(["--db", db_url, "audit", "export", "--out", str(out), "--from", "12/01/2026", *admin]) == 2
    with db.unit_of_work(write=False) as uow:
        assert audit.verify(uow).ok
