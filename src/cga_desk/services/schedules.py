"""Protocol schedules stored as data; which timepoints are due or overdue for a patient."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from ..domain import access
from ..domain.records import PatientView, User
from ..forms.schedule import (
    PPCL_SCHEDULE,
    ScheduleDefinition,
    TimepointRule,
    TimepointStatus,
    anchors,
    next_due,
    statuses,
)
from ..persistence import patient_reads
from ..persistence.summaries import timepoint_rule
from ..persistence.tables import Patient, Schedule, ScheduleTimepoint
from ..persistence.uow import UnitOfWork
from .patients import StoredPatient, read_patient


def ensure_default_schedule(uow: UnitOfWork) -> None:
    """Store the pPCL protocol schedule (docs/clinical-rules.md section 9) as the default on a new database."""
    if uow.schedules.default() is None and uow.schedules.by_name(PPCL_SCHEDULE.name) is None:
        save_schedule(uow, PPCL_SCHEDULE, is_default=True)
        uow.commit()


def save_schedule(uow: UnitOfWork, definition: ScheduleDefinition, is_default: bool = False) -> None:
    row = Schedule(name=definition.name, description=definition.description, is_default=is_default)
    for position, rule in enumerate(definition.rules):
        row.timepoints.append(
            ScheduleTimepoint(
                position=position,
                label=rule.label,
                anchor=rule.anchor,
                offset_days=rule.offset_days,
                window_days=rule.window_days,
                repeat_every_months=rule.repeat_every_months,
                repeat_until_months=rule.repeat_until_months,
                not_before_anchor=rule.not_before_anchor,
            )
        )
    uow.schedules.add(row)


def _rules(row: Schedule) -> tuple[TimepointRule, ...]:
    return tuple(timepoint_rule(t) for t in row.timepoints)


def rules_for(uow: UnitOfWork, patient: Patient) -> tuple[TimepointRule, ...]:
    return schedule_rules(uow, patient.schedule_id)


def schedule_rules(uow: UnitOfWork, schedule_id: int | None) -> tuple[TimepointRule, ...]:
    """The rules of the patient's schedule, else the default one, else the built-in pPCL schedule.
    One column-level SELECT (it runs every time a patient is opened)."""
    rows = patient_reads.schedule_timepoint_rows(uow.session, schedule_id or None)
    if rows is None:
        return PPCL_SCHEDULE.rules
    return tuple(timepoint_rule(r) for r in rows)


def anchors_of(patient: Patient | PatientView) -> dict[str, date]:
    return anchors(patient.diagnosis_date, ((m.kind, m.date) for m in patient.milestones))


def timepoint_statuses(uow: UnitOfWork, by: User, study_id: str, today: date | None = None) -> list[TimepointStatus]:
    access.require(by, access.READ)
    patient = read_patient(uow, study_id)
    done = patient_reads.visited_timepoints(uow.session, patient.id)
    return patient_statuses(uow, patient, done, today or date.today())


def patient_statuses(
    uow: UnitOfWork, patient: StoredPatient, done: Collection[str], today: date
) -> list[TimepointStatus]:
    """Each timepoint's status for a patient already read, given the timepoints it has visits at."""
    return statuses(schedule_rules(uow, patient.schedule_id), anchors_of(patient.view), done, today)


def next_timepoint(uow: UnitOfWork, by: User, study_id: str, today: date | None = None) -> TimepointStatus | None:
    return next_due(timepoint_statuses(uow, by, study_id, today))


def timepoint_labels(uow: UnitOfWork) -> list[str]:
    """The labels offered when starting a visit: the default schedule's, then 'Unscheduled'."""
    row = uow.schedules.default()
    rules = _rules(row) if row else PPCL_SCHEDULE.rules
    labels = [r.label for r in rules if "{month}" not in r.label]
    for r in rules:
        if "{month}" in r.label and r.repeat_every_months:
            labels += [
                r.label.replace("{month}", str(m))
                for m in range(r.repeat_every_months, (r.repeat_until_months or 60) + 1, r.repeat_every_months)
            ]
    return labels + ["Unscheduled"]
