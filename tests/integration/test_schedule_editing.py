"""A clinic's own schedules as data (issue 18): defined by an admin, validated by the rule of
forms.schedule, audited, made the default or given to one patient, whose next timepoint follows."""

from __future__ import annotations

from datetime import date

import pytest

from cga_desk.domain.errors import PermissionDenied, ValidationError
from cga_desk.domain.records import PatientInput
from cga_desk.forms.schedule import PPCL_SCHEDULE, ScheduleDefinition, TimepointRule, validate_schedule
from cga_desk.persistence.database import Database
from cga_desk.services import patients, schedules
from tests.store_fixtures import ADMIN_USER, NURSE_USER, TODAY

MM = ScheduleDefinition(
    "Myeloma clinic",
    "Every 6 months from diagnosis",
    (TimepointRule("Baseline", "diagnosis", 0, 14), TimepointRule("Month {month}", "diagnosis", 0, 21, 6, 36)),
)


def _rule(**change: object) -> ScheduleDefinition:
    base = dict(
        label="Month {month}",
        anchor="diagnosis",
        offset_days=0,
        window_days=21,
        repeat_every_months=6,
        repeat_until_months=36,
        not_before_anchor=None,
    )
    base.update(change)
    return ScheduleDefinition("X", "", (TimepointRule("Baseline", "diagnosis"), TimepointRule(**base)))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("definition", "field", "words"),
    [
        (ScheduleDefinition(" ", "", MM.rules), "name", "needs a name"),
        (ScheduleDefinition("X", "", ()), "timepoints", "at least one"),
        (
            _rule(label="Baseline", repeat_every_months=None, repeat_until_months=None),
            "timepoint 2.label",
            "another timepoint",
        ),
        (_rule(label="Month 6", repeat_every_months=None, repeat_until_months=None, window_days=3), None, None),
        (_rule(anchor="surgery"), "timepoint 2.anchor", "not one of"),
        (_rule(window_days=100), "timepoint 2.window_days", "overlap"),
        (_rule(window_days=200), "timepoint 2.window_days", "out of range"),
        (_rule(offset_days=-5), "timepoint 2.offset_days", "out of range"),
        (_rule(label="Month six"), "timepoint 2.label", "{month}"),
        (_rule(repeat_until_months=3), "timepoint 2.repeat_until_months", "from 6 to 1200"),
        (
            _rule(label="Unscheduled", repeat_every_months=None, repeat_until_months=None),
            "timepoint 2.label",
            "not 'Unscheduled'",
        ),
    ],
)
def test_the_schedule_rule_refuses_by_field(
    definition: ScheduleDefinition, field: str | None, words: str | None
) -> None:
    if field is None:
        assert validate_schedule(definition).rules[1].label == "Month 6"
        return
    with pytest.raises(ValidationError, match=words) as refused:
        validate_schedule(definition)
    assert refused.value.field == field


def test_the_default_protocol_schedule_passes_its_own_rule() -> None:
    assert validate_schedule(PPCL_SCHEDULE) == PPCL_SCHEDULE


def test_an_admin_adds_a_schedule_and_a_patient_follows_it(db: Database) -> None:
    with db.unit_of_work() as uow:
        patients.register_patient(
            uow, NURSE_USER, PatientInput("MM-1", date(1950, 1, 1), diagnosis_date=date(2026, 1, 10)), TODAY
        )
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        schedules.define_schedule(uow, NURSE_USER, MM)
    with db.unit_of_work() as uow:
        schedules.define_schedule(uow, ADMIN_USER, MM)
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="exists already"):
        schedules.define_schedule(uow, ADMIN_USER, MM)
    with db.unit_of_work(write=False) as uow:
        assert schedules.next_timepoint(uow, NURSE_USER, "MM-1", TODAY).label == "Baseline"  # type: ignore[union-attr]
        assert "Month 6" not in schedules.timepoint_labels(uow, "MM-1")
    with db.unit_of_work() as uow:
        schedules.assign_schedule(uow, NURSE_USER, "MM-1", "Myeloma clinic")
    with db.unit_of_work() as uow:  # seen at baseline in time: month 6 of this schedule is now overdue
        from cga_desk.services import visits

        visits.start_visit(uow, NURSE_USER, "MM-1", date(2026, 1, 12), "Baseline", "patient", today=TODAY)
    with db.unit_of_work(write=False) as uow:
        assert schedules.timepoint_labels(uow, "MM-1") == [
            "Baseline",
            "Month 6",
            "Month 12",
            "Month 18",
            "Month 24",
            "Month 30",
            "Month 36",
            "Unscheduled",
        ]
        nxt = schedules.next_timepoint(uow, NURSE_USER, "MM-1", TODAY)
        assert nxt is not None and (nxt.label, nxt.due, nxt.status) == ("Month 6", date(2026, 7, 10), "overdue")
        events = [
            (e.action, e.entity, e.entity_id) for e in uow.audit.all() if e.action in ("schedule", "default_schedule")
        ]
    assert events == [("schedule", "schedule", "Myeloma clinic"), ("schedule", "patient", "MM-1")]


def test_changing_a_schedule_is_audited_old_to_new_and_can_become_the_default(db: Database) -> None:
    with db.unit_of_work() as uow:
        schedules.define_schedule(uow, ADMIN_USER, MM)
    wider = ScheduleDefinition(
        "Myeloma clinic v2", MM.description, (MM.rules[0], TimepointRule("Month {month}", "diagnosis", 0, 28, 6, 60))
    )
    with db.unit_of_work() as uow:
        schedules.define_schedule(uow, ADMIN_USER, wider, replaces="Myeloma clinic", make_default=True)
    with db.unit_of_work(write=False) as uow:
        listed = {d.name: default for d, default in schedules.schedules(uow)}
        change = [(e.old_value, e.new_value) for e in uow.audit.all() if e.action == "schedule"][-1]
        assert schedules.timepoint_labels(uow)[-2] == "Month 60"
    assert listed == {"Myeloma clinic v2": True, PPCL_SCHEDULE.name: False}
    assert '"window_days": 21' in (change[0] or "") and '"window_days": 28' in (change[1] or "")
