"""The default schedule is stored as data on a new database and drives due timepoints per patient."""

from __future__ import annotations

from datetime import date

from cga_desk.domain.records import PatientInput
from cga_desk.persistence.database import Database
from cga_desk.services import patients, schedules, visits
from tests.store_fixtures import NURSE_USER, TODAY


def test_default_schedule_seeded_once_and_due_for_patient(db: Database) -> None:
    with db.unit_of_work() as uow:
        schedules.ensure_default_schedule(uow)  # idempotent
        assert [s.name for s in uow.schedules.all()] == ["pPCL protocol"]
        patients.register_patient(
            uow, NURSE_USER, PatientInput("P-1", date(1948, 1, 1), diagnosis_date=date(2026, 9, 1)), TODAY
        )
    with db.unit_of_work() as uow:
        patients.add_milestone(uow, NURSE_USER, "P-1", "induction_start", date(2026, 9, 20))
    with db.unit_of_work() as uow:
        visits.start_visit(uow, NURSE_USER, "P-1", date(2026, 9, 2), "Baseline", "patient", today=TODAY)
    with db.unit_of_work(write=False) as uow:
        st = {s.label: s.status for s in schedules.timepoint_statuses(uow, NURSE_USER, "P-1", TODAY)}
        nxt = schedules.next_timepoint(uow, NURSE_USER, "P-1", TODAY)
        labels = schedules.timepoint_labels(uow)
    # induction start + 63 days = 2026-11-22, window ± 7 days: due on 2026-11-24
    assert st["Baseline"] == "done" and st["End of induction"] == "due"
    assert nxt is not None and nxt.label == "End of induction"
    assert labels[:4] == ["Baseline", "End of induction", "CAR-T + 1 month", "End of consolidation"]
    assert labels[-1] == "Unscheduled" and "Follow-up month 9" in labels
