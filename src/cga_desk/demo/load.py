"""Demo data: realistic patients and visits entered through the services (real scores, audit, statuses)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from ..domain import access
from ..domain.errors import ValidationError
from ..domain.records import DRAFT, NURSE, PHYSICIAN, SIGNED, User
from ..forms import charlson
from ..persistence.register_queries import any_study_id_starting
from ..persistence.uow import UnitOfWork
from ..services import patients, users, visits
from ..services.settings import DEMO_SETTING
from .plan import PREFIX, PatientPlan, VisitPlan, build_plan

DEMO_PHYSICIAN = User("demo.physician", PHYSICIAN, "Dr Demo Physician")
DEMO_NURSE = User("demo.nurse", NURSE, "Demo Nurse")
MAX_PATIENTS = 999


UowFactory = Callable[[], UnitOfWork]


@dataclass(frozen=True)
class DemoSummary:
    patients: int  # demo patients registered
    visits: int  # visits recorded for them
    users: int  # demo users created (0 when they already existed)
    passwords: Mapping[str, str] = dataclasses.field(default_factory=dict)  # user name -> password, shown once


def load_demo(
    uow_factory: UowFactory,
    by: User,
    today: date,
    n_patients: int = 40,
    seed: int = 2026,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Register `n_patients` demo patients (DEMO-P001, ...) with milestones and visits up to `today`.

    Refused (ValidationError, field "demo") when demo patients already exist. `progress(done, total)`
    is called after each patient. Deterministic: the same seed and today give the same data.
    """
    access.require(by, access.DEMO)
    if not 1 <= n_patients <= MAX_PATIENTS:
        raise ValidationError("patients", f"{n_patients} is out of range 1-{MAX_PATIENTS}")
    _refuse_if_loaded(uow_factory)
    plans = build_plan(today, n_patients, seed)
    passwords = _ensure_users(uow_factory, by)
    with uow_factory() as uow:  # from now on, every page and report of this database says DEMO DATA
        uow.settings.set(DEMO_SETTING, "1")
        uow.commit()
    count = 0
    for done, plan in enumerate(plans, start=1):
        count += _load_patient(uow_factory, plan, today, passwords.get(DEMO_PHYSICIAN.name))
        if progress is not None:
            progress(done, len(plans))
    return DemoSummary(len(plans), count, len(passwords), passwords)


def demo_loaded(uow: UnitOfWork) -> bool:
    """True when any patient with a demo study ID (DEMO-P...) exists."""
    return any_study_id_starting(uow.session, PREFIX)


def _refuse_if_loaded(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        if demo_loaded(uow):
            raise ValidationError("demo", "demo data is already loaded")


def _ensure_users(uow_factory: UowFactory, by: User) -> dict[str, str]:
    """Create the demo physician and nurse, with passwords made here and returned to be shown once. Users of
    those names from an earlier load are refused (their passwords were shown once and are not known here)."""
    with uow_factory() as uow:
        roles = {u.name: row.role if (row := uow.users.get(u.name)) else None for u in (DEMO_PHYSICIAN, DEMO_NURSE)}
    for user in (DEMO_PHYSICIAN, DEMO_NURSE):
        if roles[user.name] not in (None, user.role):
            raise ValidationError(
                "demo", f"the user {user.name!r} exists with the role {roles[user.name]}, not {user.role}"
            )
    if any(roles.values()):
        raise ValidationError("demo", "the demo users exist already (demo data was loaded and removed?)")
    passwords = {}
    for user in (DEMO_PHYSICIAN, DEMO_NURSE):
        password = users.one_time_password()
        with uow_factory() as uow:
            users.create_user(uow, by, user.name, user.full_name, user.role, password)
        passwords[user.name] = password
    return passwords


def _load_patient(uow_factory: UowFactory, plan: PatientPlan, today: date, physician_password: str | None) -> int:
    """Registration, milestones and visits by the demo nurse; baselines and signatures by the physician."""
    study_id = plan.patient.study_id
    with uow_factory() as uow:
        patients.register_patient(uow, DEMO_NURSE, plan.patient, today)
    for kind, day in plan.milestones:
        with uow_factory() as uow:
            patients.add_milestone(uow, DEMO_NURSE, study_id, kind, day)
    ids = [_load_visit(uow_factory, study_id, v, today) for v in plan.visits]
    for visit_id, v in zip(ids, plan.visits):
        if v.baseline:
            with uow_factory() as uow:
                visits.set_baseline(uow, DEMO_PHYSICIAN, visit_id, True)
    to_sign = [visit_id for visit_id, v in zip(ids, plan.visits) if v.status == SIGNED]
    if to_sign and physician_password is not None:
        with uow_factory() as uow:
            visits.sign_visits(uow, DEMO_PHYSICIAN, to_sign, physician_password)
    return len(ids)


def _load_visit(uow_factory: UowFactory, study_id: str, v: VisitPlan, today: date) -> int:
    nurse = DEMO_NURSE
    first = "patient" if v.respondent == "patient" else None
    with uow_factory() as uow:
        visit_id = visits.start_visit(uow, nurse, study_id, v.visit_date, v.timepoint, first, nurse.name, today).id
    if first is None:  # the relative who answered is recorded once the visit has started
        with uow_factory() as uow:
            visits.set_visit_details(uow, nurse, visit_id, respondent=v.respondent)
    if v.partial:
        _answer_items(uow_factory, visit_id, v)
    else:
        _answer_instruments(uow_factory, visit_id, v)
    for instrument, reason in v.not_assessable:
        with uow_factory() as uow:
            visits.set_not_assessable(uow, nurse, visit_id, instrument, reason)
    if v.status != DRAFT:
        with uow_factory() as uow:
            visits.complete_visit(uow, nurse, visit_id)
    return visit_id


def _answer_instruments(uow_factory: UowFactory, visit_id: int, v: VisitPlan) -> None:
    """One save per instrument, as the wizard's review page does."""
    values = {"katz": v.katz, "lawton": v.lawton, "charlson": v.charlson, "ecog": v.ecog}
    for instrument, value in values.items():
        if value is not None:
            with uow_factory() as uow:
                visits.save_answers(
                    uow, DEMO_NURSE, visit_id, instrument, dict(value) if isinstance(value, Mapping) else value
                )


def _answer_items(uow_factory: UowFactory, visit_id: int, v: VisitPlan) -> None:
    """A draft answered one item at a time, as a nurse does, stopped part-way (graded Charlson pairs as one answer)."""
    steps: list[tuple[str, str, object]] = []
    steps += [("katz", code, ans) for code, ans in (v.katz or {}).items()]
    steps += [("lawton", code, opt) for code, opt in (v.lawton or {}).items()]
    steps += _charlson_steps(v.charlson or {})
    for instrument, item, value in steps:
        with uow_factory() as uow:
            visits.save_answer(uow, DEMO_NURSE, visit_id, instrument, item, value)


def _charlson_steps(answers: Mapping[str, bool]) -> list[tuple[str, str, object]]:
    steps: list[tuple[str, str, object]] = []
    for question in charlson.question_order():
        if isinstance(question, str):
            if question in answers:
                steps.append(("charlson", question, answers[question]))
        elif all(c in answers for _, _, c in question.options if c):
            steps.append(("charlson", question.code, charlson.graded_option(question.code, answers)))
    return steps
