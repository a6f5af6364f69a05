"""The demo data plan: patients, milestones and visits with their answers (pure, deterministic from a seed)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..domain.records import COMPLETE, DRAFT, SIGNED, PatientInput
from ..forms import charlson, lawton
from ..forms.schedule import PPCL_SCHEDULE, add_months, occurrences
from . import course as dc
from .names import draw_name, origins

PREFIX = "DEMO-P"
SPAN_DAYS = 4 * 365  # diagnoses spread over the last four years
LONG_DAYS = 460  # followed long enough to reach maintenance follow-up
SHARES = ((dc.DECLINING, 0.25), (dc.RECOVERING, 0.15), (dc.REBASELINED, 0.12), (dc.OVERDUE, 0.10))
CAR_T_VISIT = "CAR-T + 1 month"
INPATIENT_REASON = ("lawton", "Inpatient since CAR-T infusion (neurotoxicity): household activities not observable")
OTHER_REASONS = (
    ("lawton", "Admitted with pneumonia; instrumental activities cannot be assessed on the ward"),
    ("katz", "Sedated in intensive care on the visit date"),
    ("charlson", "Medical records unavailable at the visit; comorbidities not reviewed"),
)


@dataclass(frozen=True)
class VisitPlan:
    visit_date: date
    timepoint: str
    respondent: str
    katz: Mapping[str, str] | None  # None: not answered (not assessable)
    lawton: Mapping[str, int] | None
    charlson: Mapping[str, bool] | None
    ecog: int | None
    not_assessable: tuple[tuple[str, str], ...] = ()  # (instrument, reason)
    status: str = COMPLETE  # draft, complete or signed
    partial: bool = False  # a draft left with items unanswered (answered one item at a time)
    baseline: bool = False  # marked as baseline by the user


@dataclass(frozen=True)
class PatientPlan:
    patient: PatientInput
    trajectory: str
    milestones: tuple[tuple[str, date], ...]
    visits: tuple[VisitPlan, ...]
    missed: str | None = None  # the scheduled timepoint left undone (overdue)


@dataclass(frozen=True)
class Flags:
    first_marked: bool = False
    draft_last: bool = False
    partial: bool = False
    not_assessable: bool = False


def build_plan(today: date, n_patients: int, seed: int) -> list[PatientPlan]:
    """n patients, study IDs in order of diagnosis, everything drawn from random.Random(seed)."""
    rng = random.Random(seed)
    ago = [10 + int((i + rng.random()) * (SPAN_DAYS - 10) / n_patients) for i in range(n_patients)]
    kinds = assign_kinds(rng, ago)
    flags = assign_flags(rng, kinds, ago)
    diagnosed = [_diagnosis(rng, today, d, k) for d, k in zip(ago, kinds)]
    order = sorted(range(n_patients), key=lambda i: (diagnosed[i][0], i))
    names = _people(rng, n_patients)
    return [
        plan_patient(
            random.Random(f"{seed}:{n}"), f"{PREFIX}{n:03d}", diagnosed[i], kinds[i], flags[i], names[n - 1], today
        )
        for n, i in enumerate(order, start=1)
    ]


def _spread(rng: random.Random, pool: Sequence[int], share: float) -> list[int]:
    k = min(len(pool), max(1, round(share * len(pool))))
    return rng.sample(list(pool), k) if pool else []


def assign_kinds(rng: random.Random, ago: Sequence[int]) -> list[str]:
    """Every trajectory among the patients followed long enough; recent patients mostly stable."""
    long = [i for i, d in enumerate(ago) if d >= LONG_DAYS]
    rng.shuffle(long)
    kinds = [rng.choices((dc.STABLE, dc.DECLINING, dc.RECOVERING), (6, 2, 2))[0] for _ in ago]
    start = 0
    for i in long:
        kinds[i] = dc.STABLE
    for kind, share in SHARES:
        count = max(1, round(share * len(long)))
        for i in long[start : start + count]:
            kinds[i] = kind
        start += count
    return kinds


def assign_flags(rng: random.Random, kinds: Sequence[str], ago: Sequence[int]) -> list[Flags]:
    n = len(kinds)
    rebased = {i for i, k in enumerate(kinds) if k == dc.REBASELINED}
    others = [i for i in range(n) if i not in rebased]
    marked = rebased | set(rng.sample(others, max(0, min(len(others), round(0.2 * n) - len(rebased)))))
    drafts = _spread(rng, range(n), 0.25)
    partial = set(drafts[: max(1, len(drafts) // 2)])
    na = set(_spread(rng, [i for i, d in enumerate(ago) if d >= LONG_DAYS], 0.15))
    return [Flags(i in marked, i in drafts, i in partial, i in na) for i in range(n)]


def _diagnosis(rng: random.Random, today: date, days_ago: int, kind: str) -> tuple[date, str | None]:
    """(diagnosis date, missed timepoint): an overdue patient missed a follow-up 3-6 weeks ago."""
    if kind != dc.OVERDUE:
        return today - timedelta(days=days_ago), None
    months = rng.choice(range(12, 40, 3))
    return add_months(today - timedelta(days=rng.randint(20, 45)), -months), f"Follow-up month {months}"


def _people(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    """(name, sex, index disease) per patient."""
    used: set[str] = set()
    out = []
    for origin in origins(rng, n):
        sex = "male" if rng.random() < 0.55 else "female"
        disease = "primary_plasma_cell_leukemia" if rng.random() < 0.8 else "multiple_myeloma"
        out.append((draw_name(rng, origin, sex, used), sex, disease))
    return out


def milestones_for(rng: random.Random, diagnosis: date, today: date) -> tuple[tuple[str, date], ...]:
    """Induction (VRd 3 x 21 d), CAR-T, consolidation (VR 3 x 28 d), maintenance: those on or before today."""
    r, day = rng.randint, diagnosis
    out = []
    for kind, gap in (
        ("induction_start", r(8, 21)),
        ("car_t_infusion", r(84, 110)),
        ("consolidation_start", r(40, 56)),
        ("maintenance_start", r(91, 105)),
    ):
        day += timedelta(days=gap)
        if day > today:
            break
        out.append((kind, day))
    return tuple(out)


def visit_dates(
    rng: random.Random, diagnosis: date, milestones: Sequence[tuple[str, date]], today: date, missed: str | None
) -> list[tuple[str, date]]:
    """(timepoint, date) within each window, in date order, never after today; a window open today is
    sometimes not done yet (due)."""
    anchors = {"diagnosis": diagnosis, **dict(milestones)}
    induction = anchors.get("induction_start", diagnosis + timedelta(days=8))
    out: list[tuple[str, date]] = []
    for o in occurrences(PPCL_SCHEDULE.rules, anchors)[0]:
        if o.opens > today or o.label == missed:
            continue
        lo, hi = o.opens, min(o.closes, today)
        if o.label == "Baseline":
            lo, hi = diagnosis, min(diagnosis + timedelta(days=7), induction - timedelta(days=1), today)
        elif o.closes >= today and rng.random() < 0.4:
            continue
        if out:
            lo = max(lo, out[-1][1] + timedelta(days=1))
        if lo <= hi:
            out.append((o.label, min(hi, max(lo, o.due + timedelta(days=rng.randint(-3, 5))))))
    return out


def plan_patient(
    rng: random.Random,
    study_id: str,
    diagnosed: tuple[date, str | None],
    kind: str,
    flags: Flags,
    person: tuple[str, str, str],
    today: date,
) -> PatientPlan:
    diagnosis, missed = diagnosed
    lo_age, hi_age = dc.AGES[kind]
    birth = add_months(diagnosis, -12 * (rng.randint(lo_age, hi_age) + 1)) + timedelta(days=rng.randint(1, 360))
    name, sex, disease = person
    patient = PatientInput(study_id, birth, name, sex, disease, diagnosis)
    milestones = milestones_for(rng, diagnosis, today)
    dates = visit_dates(rng, diagnosis, milestones, today, missed)
    course = dc.course_for(kind, rng, (today - diagnosis).days)
    habits = dc.LawtonHabits.draw(rng)
    visits = [_visit(rng, course, habits, label, day, diagnosis, today) for label, day in dates]
    visits = _mark(rng, visits, kind, flags, today)
    return PatientPlan(patient, kind, milestones, tuple(visits), missed)


def _visit(
    rng: random.Random, course: dc.Course, habits: dc.LawtonHabits, label: str, day: date, diagnosis: date, today: date
) -> VisitPlan:
    state = dc.state_at(course, (day - diagnosis).days, label, rng)
    signed = (today - day).days > 30 and rng.random() < 0.9
    return VisitPlan(
        day,
        label,
        dc.respondent_for(state, rng),
        dc.katz_answers(state.katz_dependent),
        dc.lawton_answers(state.iadl_lost, habits, rng),
        dc.charlson_answers(state.conditions),
        state.ecog if rng.random() < 0.85 else None,
        status=SIGNED if signed else COMPLETE,
    )


def _mark(rng: random.Random, visits: list[VisitPlan], kind: str, flags: Flags, today: date) -> list[VisitPlan]:
    """Baseline marks, a not-assessable instrument, and the latest visit left as a draft."""
    if not visits:
        return visits
    if flags.first_marked:
        visits[0] = _with(visits[0], baseline=True)
    if kind == dc.REBASELINED:  # a new baseline at the start of maintenance
        first_follow_up = next((i for i, v in enumerate(visits) if v.timepoint.startswith("Follow-up")), None)
        if first_follow_up is not None:
            visits[first_follow_up] = _with(visits[first_follow_up], baseline=True)
    if flags.not_assessable and len(visits) >= 3:
        car_t = next((i for i, v in enumerate(visits[:-1]) if v.timepoint == CAR_T_VISIT), None)
        i = car_t if car_t is not None and rng.random() < 0.5 else rng.randint(1, len(visits) - 2)
        instrument, reason = INPATIENT_REASON if visits[i].timepoint == CAR_T_VISIT else rng.choice(OTHER_REASONS)
        visits[i] = _with(visits[i], not_assessable=((instrument, reason),), **{instrument: None})
    if flags.draft_last:
        visits[-1] = _partial(visits[-1]) if flags.partial else _with(visits[-1], status=DRAFT)
    return visits


def _with(v: VisitPlan, **changes: object) -> VisitPlan:
    return replace(v, **changes)  # type: ignore[arg-type]


def _partial(v: VisitPlan) -> VisitPlan:
    """Stopped part-way: Katz done, five Lawton domains, the first ten Charlson questions, no ECOG."""
    lawton_part = {c: v.lawton[c] for c in lawton.SPEC.item_codes[:5]} if v.lawton else None
    asked = charlson.question_order()[:10]
    codes = [q for q in asked if isinstance(q, str)] + [
        c for q in asked if not isinstance(q, str) for _, _, c in q.options if c
    ]
    charlson_part = {c: v.charlson[c] for c in codes} if v.charlson else None
    return _with(v, lawton=lawton_part, charlson=charlson_part, ecog=None, status=DRAFT, partial=True)
