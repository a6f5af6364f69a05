"""Charlson Comorbidity Index (unadjusted CCI) and its age-adjusted variant.

Sources: Charlson ME et al., J Chronic Dis 1987;40:373-83 (conditions and weights); Charlson M et
al., J Clin Epidemiol 1994;47:1245-51 (age-combined index). Spec: docs/clinical-rules.md section 4.

The patient's own myeloma or plasma cell leukaemia (the index disease) is never counted: it is
the reason for the assessment, and counting it would give every patient CCI >= 2.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .definitions import InstrumentScore, InstrumentSpec, Item, Option

NO, YES = "no", "yes"
INDEX_DISEASE_NOTE = (
    "Do not count the patient's own myeloma or plasma cell leukaemia (the index disease). "
    "Other cancers, including earlier haematological ones, count."
)


def _condition(code: str, label: str, weight: int, tick_when: str, note: str = "") -> Item:
    return Item(
        code=code,
        label=label,
        options=(Option(NO, "No", 0), Option(YES, f"Yes (weight {weight})", weight)),
        help=f"Tick when: {tick_when}." + (f" {note}" if note else ""),
    )


SPEC = InstrumentSpec(
    code="charlson",
    title="Charlson Comorbidity Index",
    version="charlson-1987-19/1",
    source="Charlson ME et al., J Chronic Dis 1987;40:373-83; age-combined: Charlson M et al., J Clin Epidemiol 1994;47:1245-51",
    instructions=(
        "Answer every condition. Of each graded pair (diabetes, liver disease, solid tumour) only "
        "the more severe grade counts. " + INDEX_DISEASE_NOTE
    ),
    direction="higher = more comorbidity",
    min_total=0,
    max_total=33,
    items=(
        _condition(
            "myocardial_infarction",
            "Myocardial infarction",
            1,
            "history of definite or probable MI (a clinical event with ECG and/or enzyme changes)",
        ),
        _condition(
            "congestive_heart_failure",
            "Congestive heart failure",
            1,
            "exertional or paroxysmal nocturnal dyspnoea that has responded to diuretics, digitalis or afterload reduction",
        ),
        _condition(
            "peripheral_vascular_disease",
            "Peripheral vascular disease",
            1,
            "claudication, past bypass for arterial insufficiency, gangrene or acute arterial insufficiency, aortic aneurysm ≥ 6 cm",
        ),
        _condition("cerebrovascular_disease", "Cerebrovascular disease", 1, "stroke with minor or no residua, or TIA"),
        _condition("dementia", "Dementia", 1, "chronic cognitive deficit"),
        _condition(
            "chronic_pulmonary_disease",
            "Chronic pulmonary disease",
            1,
            "symptomatic chronic lung disease (asthma, chronic bronchitis, emphysema, other)",
        ),
        _condition(
            "connective_tissue_disease",
            "Connective tissue disease",
            1,
            "SLE, polymyositis, mixed connective tissue disease, polymyalgia rheumatica, moderate-to-severe rheumatoid arthritis",
        ),
        _condition(
            "peptic_ulcer_disease",
            "Peptic ulcer disease",
            1,
            "ulcer disease that has needed treatment, bleeding ulcers included",
        ),
        _condition(
            "mild_liver_disease", "Mild liver disease", 1, "chronic hepatitis or cirrhosis without portal hypertension"
        ),
        _condition(
            "diabetes_uncomplicated",
            "Diabetes without end-organ damage",
            1,
            "diabetes treated with insulin or oral agents (not diet alone), no end-organ damage",
        ),
        _condition("hemiplegia", "Hemiplegia or paraplegia", 2, "hemiplegia or paraplegia, whatever the cause"),
        _condition(
            "moderate_severe_renal_disease",
            "Moderate or severe renal disease",
            2,
            "creatinine > 3 mg/dL (265 µmol/L), dialysis, kidney transplant, or uraemia",
        ),
        _condition(
            "diabetes_end_organ_damage",
            "Diabetes with end-organ damage",
            2,
            "diabetic retinopathy, neuropathy or nephropathy",
        ),
        _condition(
            "solid_tumor",
            "Solid tumour without metastases",
            2,
            "solid tumour without metastases, diagnosed or treated in the last 5 years; not non-melanoma skin cancer",
        ),
        _condition(
            "leukemia",
            "Leukaemia (other than the index disease)",
            2,
            "AML, CML, ALL, CLL, polycythaemia vera — other than the patient's index disease",
            INDEX_DISEASE_NOTE,
        ),
        _condition(
            "lymphoma",
            "Lymphoma or myeloma (other than the index disease)",
            2,
            "Hodgkin or non-Hodgkin lymphoma, Waldenström, myeloma — other than the patient's index disease",
            INDEX_DISEASE_NOTE,
        ),
        _condition(
            "moderate_severe_liver_disease",
            "Moderate or severe liver disease",
            3,
            "cirrhosis with portal hypertension, with or without variceal bleeding",
        ),
        _condition("metastatic_solid_tumor", "Metastatic solid tumour", 6, "solid tumour with documented metastases"),
        _condition("aids", "AIDS", 6, "definite or probable AIDS (not HIV positivity alone)"),
    ),
)

WEIGHTS: dict[str, int] = {it.code: it.option(YES).points for it in SPEC.items}
NAIVE_MAX = sum(WEIGHTS.values())  # 37: the sum of all 19 weights, before the pair rule

# (milder, more severe): the more severe wins and cancels the milder (Charlson 1987).
PAIRS: tuple[tuple[str, str], ...] = (
    ("diabetes_uncomplicated", "diabetes_end_organ_damage"),
    ("mild_liver_disease", "moderate_severe_liver_disease"),
    ("solid_tumor", "metastatic_solid_tumor"),
)


@dataclass(frozen=True)
class GradedQuestion:
    """One pair asked as a single graded question (none / milder / more severe) by the guided form."""

    code: str
    label: str
    options: tuple[tuple[str, str, str | None], ...]  # (option code, wording, condition ticked or None)

    def ticked_by(self, option_code: str) -> str | None:
        return next(cond for code, _, cond in self.options if code == option_code)


GRADED: tuple[GradedQuestion, ...] = (
    GradedQuestion(
        "liver",
        "Liver disease",
        (
            ("none", "No liver disease", None),
            (
                "mild",
                "Mild: chronic hepatitis or cirrhosis without portal hypertension (weight 1)",
                "mild_liver_disease",
            ),
            (
                "moderate_severe",
                "Moderate or severe: cirrhosis with portal hypertension, with or without variceal bleeding (weight 3)",
                "moderate_severe_liver_disease",
            ),
        ),
    ),
    GradedQuestion(
        "diabetes",
        "Diabetes",
        (
            ("none", "No diabetes, or diabetes treated by diet alone", None),
            (
                "uncomplicated",
                "Treated with insulin or oral agents, no end-organ damage (weight 1)",
                "diabetes_uncomplicated",
            ),
            (
                "end_organ_damage",
                "With end-organ damage: retinopathy, neuropathy or nephropathy (weight 2)",
                "diabetes_end_organ_damage",
            ),
        ),
    ),
    GradedQuestion(
        "solid_tumor",
        "Solid tumour (not non-melanoma skin cancer)",
        (
            ("none", "No solid tumour in the last 5 years", None),
            ("localized", "Without metastases, diagnosed or treated in the last 5 years (weight 2)", "solid_tumor"),
            ("metastatic", "With documented metastases (weight 6)", "metastatic_solid_tumor"),
        ),
    ),
)


def question_order() -> tuple[str | GradedQuestion, ...]:
    """The guided form's questions in form order: a graded pair stands where its milder member is."""
    by_mild = {g.options[1][2]: g for g in GRADED}
    severe = {g.options[2][2] for g in GRADED}
    out: list[str | GradedQuestion] = []
    for code in SPEC.item_codes:
        if code in by_mild:
            out.append(by_mild[code])
        elif code not in severe:
            out.append(code)
    return tuple(out)


def score(answers: Mapping[str, bool | None]) -> InstrumentScore:
    """Sum of the weights of ticked conditions, the milder of a ticked pair cancelled.

    `answers` maps condition code to True (ticked), False (not present) or None (unanswered).
    A pair ticked twice is scored by the rule and flagged, as imported data may do so.
    """
    ticked = {c for c, a in answers.items() if a}
    cancelled = {mild for mild, severe in PAIRS if mild in ticked and severe in ticked}
    points = {c: (WEIGHTS[c] if c in ticked and c not in cancelled else 0) for c, a in answers.items() if a is not None}
    flags = tuple(
        f"charlson: {mild} and {severe} both ticked; only {severe} counted"
        for mild, severe in PAIRS
        if mild in cancelled
    )
    missing = tuple(c for c in SPEC.item_codes if c not in points)
    return InstrumentScore(None if missing else sum(points.values()), points, missing, flags)


def age_points(age_years: int) -> int:
    """Age points of the age-combined CCI (Charlson 1994): 0 under 50, +1 per decade, capped at 4."""
    if age_years < 50:
        return 0
    return min(4, (age_years - 40) // 10)


def graded(code: str) -> GradedQuestion:
    return next(g for g in GRADED if g.code == code)


def graded_answers(question: str, option: str | None) -> dict[str, bool | None]:
    """The two conditions a graded answer sets: "diabetes"/"end_organ_damage" ticks the severe one only."""
    g = graded(question)
    if option is None:
        return {cond: None for _, _, cond in g.options if cond}
    if option not in {code for code, _, _ in g.options}:
        raise KeyError(option)
    chosen = g.ticked_by(option)
    return {cond: cond == chosen for _, _, cond in g.options if cond}


def graded_option(question: str, answers: Mapping[str, bool | None]) -> str | None:
    """The graded option the answers amount to (the more severe if both are ticked), or None if unanswered."""
    g = graded(question)
    (none_code, _, _), (mild_code, _, mild), (severe_code, _, severe) = g.options
    if answers.get(severe):
        return severe_code
    if answers.get(mild):
        return mild_code
    if answers.get(mild) is False and answers.get(severe) is False:
        return none_code
    return None
