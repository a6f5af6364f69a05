"""Demo trajectories: how a patient's function and comorbidities evolve, and the item-level answers."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass

from ..forms import charlson, katz, lawton

STABLE, DECLINING, RECOVERING, REBASELINED, OVERDUE = "stable", "declining", "recovering", "rebaselined", "overdue"
TRAJECTORIES = (STABLE, DECLINING, RECOVERING, REBASELINED, OVERDUE)
AGES = {STABLE: (66, 88), DECLINING: (68, 77), RECOVERING: (66, 71), REBASELINED: (68, 80), OVERDUE: (66, 85)}

KATZ_LOSS_ORDER = ("bathing", "dressing", "toileting", "transferring", "continence", "feeding")  # Katz hierarchy
LAWTON_LOSS_ORDER = (
    "shopping",
    "food_preparation",
    "transportation",
    "laundry",
    "housekeeping",
    "medications",
    "finances",
    "telephone",
)
# Option numbers taken from the form itself: "helped" options that still score 1, and options scoring 0.
HELPED = {it.code: tuple(int(o.code) for o in it.options[1:] if o.points == 1) for it in lawton.SPEC.items}
LOST = {it.code: tuple(int(o.code) for o in it.options if o.points == 0) for it in lawton.SPEC.items}
PREVALENCE = (
    ("diabetes_uncomplicated", 0.16),
    ("diabetes_end_organ_damage", 0.04),
    ("chronic_pulmonary_disease", 0.12),
    ("myocardial_infarction", 0.10),
    ("moderate_severe_renal_disease", 0.10),
    ("solid_tumor", 0.08),
    ("peripheral_vascular_disease", 0.06),
    ("cerebrovascular_disease", 0.06),
    ("congestive_heart_failure", 0.06),
    ("peptic_ulcer_disease", 0.05),
    ("connective_tissue_disease", 0.04),
    ("mild_liver_disease", 0.03),
    ("leukemia", 0.02),
)
MILD_ONES = ("diabetes_uncomplicated", "chronic_pulmonary_disease", "myocardial_infarction", "peptic_ulcer_disease")
LATER_ONES = ("congestive_heart_failure", "cerebrovascular_disease", "dementia", "peripheral_vascular_disease")


@dataclass(frozen=True)
class Course:
    """Dependent Katz items, Lawton domains scoring 0 and ECOG, from diagnosis to the end state."""

    katz: tuple[int, int]
    iadl: tuple[int, int]
    ecog: tuple[int, int]
    horizon: int  # days from diagnosis until the end state is reached
    base: frozenset[str]  # Charlson conditions at diagnosis
    added: tuple[tuple[float, str], ...] = ()  # (fraction of the course, condition ticked from then on)
    resolved: tuple[tuple[float, str], ...] = ()
    dip_at: str | None = None  # a timepoint with a transient dip (a hard month after CAR-T)


@dataclass(frozen=True)
class State:
    katz_dependent: int
    iadl_lost: int
    ecog: int
    conditions: frozenset[str]


def comorbidities(rng: random.Random) -> frozenset[str]:
    ticked = {code for code, p in PREVALENCE if rng.random() < p}
    return frozenset(_graded(ticked))


def _graded(ticked: set[str]) -> set[str]:
    """As the guided form asks a pair: the more severe grade replaces the milder one."""
    return ticked - {mild for mild, severe in charlson.PAIRS if severe in ticked}


def course_for(kind: str, rng: random.Random, days_followed: int) -> Course:
    r = rng.randint
    if kind == DECLINING:
        base = {rng.choice(MILD_ONES)} if rng.random() < 0.7 else set()
        later = ["diabetes_end_organ_damage"] if "diabetes_uncomplicated" in base else []
        later += rng.sample([c for c in LATER_ONES if c not in base], 2 - len(later))
        horizon = min(r(300, 700), max(120, days_followed - 30))
        return Course(
            (r(0, 1), r(2, 4)),
            (r(0, 2), r(4, 6)),
            (r(0, 1), r(2, 3)),
            horizon,
            frozenset(base),
            ((0.35, later[0]), (0.75, later[1])),
        )
    if kind == RECOVERING:
        renal = "moderate_severe_renal_disease"
        return Course(
            (r(2, 3), 0),
            (r(4, 5), r(0, 1)),
            (r(2, 3), r(0, 1)),
            r(150, 260),
            frozenset({renal}),
            resolved=((0.7, renal),),
        )
    if kind == REBASELINED:
        added = ((0.8, "congestive_heart_failure"),) if rng.random() < 0.5 else ()
        return Course((0, r(1, 2)), (r(0, 1), r(3, 4)), (r(0, 1), 2), r(200, 260), comorbidities(rng), added)
    k, lost, e = rng.choice((0, 0, 0, 1, 1, 2)), rng.choice((0, 0, 1, 1, 2, 3)), rng.choice((0, 0, 1, 1, 2))
    if kind == OVERDUE:
        return Course((k, k + r(0, 1)), (lost, lost + r(1, 2)), (e, min(4, e + 1)), r(400, 700), comorbidities(rng))
    dip = "CAR-T + 1 month" if rng.random() < 0.5 else None
    return Course((k, k), (lost, lost), (e, e), 1, comorbidities(rng), dip_at=dip)


def state_at(course: Course, days: int, timepoint: str, rng: random.Random) -> State:
    f = min(1.0, max(0, days) / course.horizon)

    def at(pair: tuple[int, int]) -> int:
        return round(pair[0] + (pair[1] - pair[0]) * f)

    dip = int(timepoint == course.dip_at)
    iadl = at(course.iadl) + dip + int(rng.random() < 0.1)  # a bad week now and then
    conditions = set(course.base) | {c for fr, c in course.added if f >= fr}
    conditions -= {c for fr, c in course.resolved if f >= fr}
    return State(min(6, at(course.katz)), min(8, iadl), min(4, at(course.ecog) + dip), frozenset(_graded(conditions)))


def katz_answers(dependent: int) -> dict[str, str]:
    lost = set(KATZ_LOSS_ORDER[:dependent])
    return {code: katz.DEPENDENT if code in lost else katz.INDEPENDENT for code in katz.SPEC.item_codes}


@dataclass(frozen=True)
class LawtonHabits:
    """A patient's usual option per domain (some always 'helped' yet scoring 1) and option when lost."""

    usual: Mapping[str, int]
    lost: Mapping[str, int]

    @classmethod
    def draw(cls, rng: random.Random) -> LawtonHabits:
        usual = {c: rng.choice(HELPED[c]) if HELPED[c] and rng.random() < 0.2 else 1 for c in lawton.SPEC.item_codes}
        return cls(usual, {c: rng.choice(LOST[c]) for c in lawton.SPEC.item_codes})


def lawton_answers(lost_count: int, habits: LawtonHabits, rng: random.Random) -> dict[str, int]:
    """The first `lost_count` domains of the loss order score 0; the next two lean on help (still 1)."""
    lost = set(LAWTON_LOSS_ORDER[:lost_count])
    near = set(LAWTON_LOSS_ORDER[lost_count : lost_count + 2]) if lost_count else set()
    out = {}
    for code in lawton.SPEC.item_codes:
        if code in lost:
            out[code] = habits.lost[code]
        elif HELPED[code] and (code in near or rng.random() < 0.08):
            out[code] = max(habits.usual[code], rng.choice(HELPED[code]))
        else:
            out[code] = habits.usual[code]
    return out


def charlson_answers(conditions: frozenset[str]) -> dict[str, bool]:
    return {code: code in conditions for code in charlson.SPEC.item_codes}


def respondent_for(state: State, rng: random.Random) -> str:
    if "dementia" in state.conditions or state.katz_dependent >= 4:
        return rng.choice(("proxy", "both"))
    return "both" if rng.random() < 0.15 else "patient"
