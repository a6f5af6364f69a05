"""Protocol schedules stored as data; which timepoints are due or overdue for a patient."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict
from datetime import date

from ..domain import access
from ..domain.errors import NotFoundError, ValidationError
from ..domain.records import PatientView, User
from ..forms.schedule import (
    PPCL_SCHEDULE,
    ScheduleDefinition,
    TimepointRule,
    TimepointStatus,
    anchors,
    next_due,
    statuses,
    validate_schedule,
)
from ..i18n import translate
from ..persistence import patient_reads
from ..persistence.summaries import timepoint_rule
from ..persistence.tables import Patient, Schedule, ScheduleTimepoint
from ..persistence.uow import UnitOfWork
from . import audit
from .patients import StoredPatient, read_patient, require_patient


def ensure_default_schedule(uow: UnitOfWork) -> None:
    """Store the pPCL protocol schedule (docs/clinical-rules.md section 9) as the default on a new database."""
    if uow.schedules.default() is None and uow.schedules.by_name(PPCL_SCHEDULE.name) is None:
        save_schedule(uow, PPCL_SCHEDULE, is_default=True)
        uow.commit()


def save_schedule(uow: UnitOfWork, definition: ScheduleDefinition, is_default: bool = False) -> None:
    """Store a schedule as given (the built-in default, when a database is created)."""
    row = Schedule(name=definition.name, description=definition.description, is_default=is_default)
    _set_timepoints(row, definition)
    uow.schedules.add(row)


def _set_timepoints(row: Schedule, definition: ScheduleDefinition) -> None:
    row.timepoints.clear()
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


def _described(definition: ScheduleDefinition) -> dict[str, object]:
    return {
        "name": definition.name,
        "description": definition.description,
        "timepoints": [asdict(r) for r in definition.rules],
    }


def schedules(uow: UnitOfWork) -> list[tuple[ScheduleDefinition, bool]]:
    """Every stored schedule with whether it is the default (what the schedules dialog lists)."""
    return [(ScheduleDefinition(r.name, r.description, _rules(r)), bool(r.is_default)) for r in uow.schedules.all()]


def define_schedule(
    uow: UnitOfWork, by: User, definition: ScheduleDefinition, replaces: str | None = None, make_default: bool = False
) -> ScheduleDefinition:
    """An admin adds a clinic's schedule, or changes one (`replaces`: its current name), validated by the
    rule of forms.schedule and audited old -> new. Every patient's next-due timepoint follows at once."""
    access.require(by, access.SCHEDULES)
    definition = validate_schedule(definition)
    same = uow.schedules.by_name(definition.name)
    row = uow.schedules.by_name(replaces) if replaces is not None else None
    if replaces is not None and row is None:
        raise NotFoundError(f"No schedule called {replaces!r}.")
    if same is not None and same is not row:
        raise ValidationError(
            "name",
            translate("services", "a schedule called {name!r} exists already").format(name=definition.name),
        )
    old = None
    if row is None:
        row = uow.schedules.add(Schedule(name=definition.name, description=definition.description, is_default=False))
    else:
        old = _described(ScheduleDefinition(row.name, row.description, _rules(row)))
        row.name, row.description = definition.name, definition.description
    _set_timepoints(row, definition)
    audit.record(uow, by, "schedule", "schedule", definition.name, "definition", old, _described(definition))
    if make_default and not row.is_default:
        _make_default(uow, by, row)
    uow.commit()
    return definition


def _make_default(uow: UnitOfWork, by: User, row: Schedule) -> None:
    current = uow.schedules.default()
    if current is not None:
        current.is_default = False
    row.is_default = True
    audit.record(
        uow, by, "default_schedule", "schedule", row.name, "is_default", current.name if current else None, row.name
    )


def set_default_schedule(uow: UnitOfWork, by: User, name: str) -> None:
    """Patients without a schedule of their own follow the default one."""
    access.require(by, access.SCHEDULES)
    row = uow.schedules.by_name(name)
    if row is None:
        raise NotFoundError(f"No schedule called {name!r}.")
    if not row.is_default:
        _make_default(uow, by, row)
    uow.commit()


def assign_schedule(uow: UnitOfWork, by: User, study_id: str, name: str | None) -> None:
    """Move a patient to another schedule (None: back to the clinic's default); audited."""
    access.require(by, access.EDIT_PATIENTS)
    patient = require_patient(uow, study_id)
    row = uow.schedules.by_name(name) if name is not None else None
    if name is not None and row is None:
        raise NotFoundError(f"No schedule called {name!r}.")
    old = uow.schedules.get(patient.schedule_id).name if patient.schedule_id is not None else None  # type: ignore[union-attr]
    if old != name:
        patient.schedule_id = row.id if row is not None else None
        audit.record(uow, by, "schedule", "patient", study_id, "schedule", old, name)
    uow.commit()


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


def schedule_of(uow: UnitOfWork, schedule_id: int | None) -> tuple[str, tuple[TimepointRule, ...]]:
    """(name, rules) of the patient's schedule, else the default one, else the built-in pPCL one: what the
    patient page shows under the patient (one column-level SELECT, in the page's unit of work)."""
    rows = patient_reads.schedule_timepoint_rows(uow.session, schedule_id or None)
    if rows is None:
        return PPCL_SCHEDULE.name, PPCL_SCHEDULE.rules
    return (str(rows[0].schedule_name) if rows else ""), tuple(timepoint_rule(r) for r in rows)


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


def timepoint_labels(uow: UnitOfWork, study_id: str | None = None) -> list[str]:
    """The labels offered when starting a visit: the patient's schedule's (else the default one's), then
    'Unscheduled'."""
    rules = schedule_rules(uow, read_patient(uow, study_id).schedule_id) if study_id else None
    if rules is None:
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
