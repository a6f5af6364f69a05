"""Two processes saving visits into the same SQLite file at the same time lose nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cga_desk.app import open_store
from cga_desk.services.visits import patient_visits
from tests.store_fixtures import NURSE_USER

WRITER = r"""
import sys
from datetime import date, timedelta
from cga_desk.app import open_store
from cga_desk.domain.records import PatientInput, User
from cga_desk.services import patients, visits

url, pid, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
me = User("writer " + pid, "nurse")
db = open_store(url)
with db.unit_of_work() as uow:
    patients.register_patient(uow, me, PatientInput(pid, date(1945, 1, 1)))
for i in range(n):
    with db.unit_of_work() as uow:
        v = visits.start_visit(uow, me, pid, date(2020, 1, 1) + timedelta(days=i), "Unscheduled", "patient")
    for item in ("bathing", "dressing", "toileting", "transferring", "continence", "feeding"):
        with db.unit_of_work() as uow:
            visits.save_answer(uow, me, v.id, "katz", item, "independent")
print("done", pid)
"""


def test_two_writers_lose_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    open_store(url).close()  # migrated before the race, as the app does at start
    n = 25
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, url, pid, str(n)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for pid in ("A-1", "B-1")
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (_out, err) in zip(procs, outputs):
        assert p.returncode == 0, err
    db = open_store(url)
    try:
        with db.unit_of_work(write=False) as uow:
            for pid in ("A-1", "B-1"):
                stored = patient_visits(uow, NURSE_USER, pid)
                assert len(stored) == n
                assert all(v.scores["katz_adl"] == 6 for v in stored)
    finally:
        db.close()


def test_workstations_changing_one_patient_at_once_keep_one_register_entry(db_url: str) -> None:
    """Each commit re-derives the patient's register rows; two transactions doing so at once for the
    same patient must wait for each other (on PostgreSQL: the patient row is locked first), never
    fail on the summary's key nor leave two next-due timelines."""
    import threading
    from datetime import date, timedelta

    from cga_desk.domain.records import PatientInput, User
    from cga_desk.services import patients, visits
    from cga_desk.services.clinic import Clinic
    from cga_desk.services.register import RegisterQuery

    db = open_store(db_url)
    me = User("Nurse Ada", "nurse")
    with db.unit_of_work() as uow:
        patients.register_patient(uow, me, PatientInput("RACE-1", date(1945, 1, 1), diagnosis_date=date(2020, 1, 1)))
        uow.commit()
    errors: list[BaseException] = []

    def writer(offset: int) -> None:
        try:
            for i in range(15):
                with db.unit_of_work() as uow:
                    visits.start_visit(
                        uow, me, "RACE-1", date(2020, 1, 1) + timedelta(days=2 * i + offset), "Unscheduled"
                    )
                    uow.commit()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    try:
        assert errors == []
        rows = Clinic(db, NURSE_USER, today=lambda: date(2021, 1, 1)).patient_rows(RegisterQuery())
        assert [r.study_id for r in rows] == ["RACE-1"] and rows[0].open_draft  # 30 drafts: no last visit
        assert rows[0].last_visit is None
        with db.engine.connect() as conn:
            from sqlalchemy import text

            assert conn.execute(text("SELECT max(visit_date) FROM visits")).scalar_one() in (
                date(2020, 1, 30),
                "2020-01-30",
            )
        with db.engine.connect() as conn:
            from sqlalchemy import text

            spans = conn.execute(text("SELECT starts, ends FROM patient_due ORDER BY starts")).all()
        assert all(a.ends == b.starts for a, b in zip(spans, spans[1:]))  # one timeline, no duplicate
    finally:
        db.close()
