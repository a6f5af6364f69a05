"""Protocol schedules stored as data; which timepoints are due or overdue for a patient."""
from __future__ import annotations

from datetime import date

from ..forms.schedule import PPCL_SCHEDULE, ScheduleDefinition, TimepointRule, TimepointStatus, next_due, statuses
from ..persistence.tables import Patient, Schedule, ScheduleTimepoint
from ..persistence.uow import UnitOfWork
from .patients import require_patient


def ensure_default_schedule(uow: UnitOfWork) -> None:
    """Store the pPCL protocol schedule (CLINICAL_SPEC section 9) as the default on a new database."""
    if uow.schedules.default() is None and uow.schedules.by_name(PPCL_SCHEDULE.name) is None:
        save_schedule(uow, PPCL_SCHEDULE, is_default=True)
        uow.commit()


def save_schedule(uow: UnitOfWork, definition: ScheduleDefinition, is_default: bool = False) -> None:
    row = Schedule(name=definition.name, description=definition.description, is_default=is_default)
    for position, rule in enumerate(definition.rules):
        row.timepoints.append(ScheduleTimepoint(
            position=position, label=rule.label, anchor=rule.anchor, offset_days=rule.offset_days,
            window_days=rule.window_days, repeat_every_months=rule.repeat_every_months,
            repeat_until_months=rule.repeat_until_months, not_before_anchor=rule.not_before_anchor,
        ))
    uow.schedules.add(row)


def _rules(row: Schedule) -> tuple[TimepointRule, ...]:
    return tuple(TimepointRule(t.label, t.anchor, t.offset_days, t.window_days, t.repeat_every_months,
                               t.repeat_until_months, t.not_before_anchor) for t in row.timepoints)


def rules_for(uow: UnitOfWork, patient: Patient) -> tuple[TimepointRule, ...]:
    return rules_for_schedule(uow, patient.schedule_id)


def rules_for_schedule(uow: UnitOfWork, schedule_id: int | None) -> tuple[TimepointRule, ...]:
    """The patient's schedule, else the clinic's default one, else the built-in pPCL schedule."""
    row = uow.schedules.get(schedule_id) if schedule_id else uow.schedules.default()
    return _rules(row) if row else PPCL_SCHEDULE.rules


def anchors_of(patient: Patient) -> dict[str, date]:
    """Diagnosis date and the latest milestone of each kind (a new line of treatment moves the anchor)."""
    anchors: dict[str, date] = {}
    if patient.diagnosis_date:
        anchors["diagnosis"] = patient.diagnosis_date
    for m in sorted(patient.milestones, key=lambda m: m.date):
        anchors[m.kind] = m.date
    return anchors


def timepoint_statuses(uow: UnitOfWork, study_id: str, today: date | None = None) -> list[TimepointStatus]:
    patient = require_patient(uow, study_id)
    done = {v.timepoint for v in uow.visits.for_patient(patient.id)}
    return statuses(rules_for(uow, patient), anchors_of(patient), done, today or date.today())


def next_timepoint(uow: UnitOfWork, study_id: str, today: date | None = None) -> TimepointStatus | None:
    return next_due(timepoint_statuses(uow, study_id, today))


def timepoint_labels(uow: UnitOfWork) -> list[str]:
    """The labels offered when starting a visit: the default schedule's, then 'Unscheduled'."""
    row = uow.schedules.default()
    rules = _rules(row) if row else PPCL_SCHEDULE.rules
    labels = [r.label for r in rules if "{month}" not in r.label]
    for r in rules:
        if "{month}" in r.label and r.repeat_every_months:
            labels += [r.label.replace("{month}", str(m)) for m in
                       range(r.repeat_every_months, (r.repeat_until_months or 60) + 1, r.repeat_every_months)]
    return labels + ["Unscheduled"]
