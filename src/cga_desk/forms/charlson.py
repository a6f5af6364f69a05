"""Charlson Comorbidity Index (unadjusted CCI) and its age-adjusted variant.

Sources: Charlson ME et al., J Chronic Dis 1987;40:373-83 (conditions and weights); Charlson M et
al., J Clin Epidemiol 1994;47:1245-51 (age-combined index). Spec: docs/clinical-rules.md section 4.

The patient's own myeloma or plasma cell leukaemia (the index disease) is never counted: it is
the reason for the assessment, and counting it would give every patient CCI >= 2.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.errors import ValidationError
from ..i18n import translate
from .definitions import InstrumentScore, InstrumentSpec, Item, Option, Points
from .instrument import Instrument, Question, ScoreKey, whole_number

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

WEIGHTS: dict[str, int] = {it.code: int(it.option(YES).points) for it in SPEC.items}  # whole points here
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
    points: dict[str, Points] = {
        c: (WEIGHTS[c] if c in ticked and c not in cancelled else 0) for c, a in answers.items() if a is not None
    }
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
    assert mild is not None and severe is not None  # the milder and the more severe option each tick a condition
    if answers.get(severe):
        return severe_code
    if answers.get(mild):
        return mild_code
    if answers.get(mild) is False and answers.get(severe) is False:
        return none_code
    return None


_GRADED_CODES = frozenset(g.code for g in GRADED)


class _Charlson(Instrument):
    """Answers are stored per condition as true/false; a document may list the ticked codes. The guided form
    asks the three pairs as graded questions (`GRADED`), standing where the milder member stands."""

    def to_answer(self, item: Item, option_code: str) -> bool:
        return option_code == YES

    def answer_words(self, item_code: str, answer: Any) -> str:
        return "not answered" if answer is None else ("present" if answer else "absent")

    def item_value(self, item_code: str, answer: Any) -> int | None:
        return None if answer is None else int(bool(answer))

    def bad_answer(self, item: Item, answer: Any) -> str:
        return f"expected true, false or null, got {answer!r}"

    def parse(self, value: Any) -> Any:
        """A list of ticked codes (all others absent), a total 0-37, or {code: true/false/null} for drafts."""
        if isinstance(value, int) and not isinstance(value, bool):
            return whole_number(value, "charlson", 0, NAIVE_MAX)
        if isinstance(value, list):
            codes = SPEC.item_codes
            for code in value:
                if not isinstance(code, str) or code not in codes:
                    raise ValidationError(
                        "charlson", f"unknown condition {code!r}; expected codes such as {', '.join(codes[:3])}, …"
                    )
                if value.count(code) > 1:
                    raise ValidationError("charlson", f"condition {code!r} is listed twice")
            return {code: code in value for code in codes}
        return super().parse(value)

    def to_document(self, answers: Any) -> Any:
        if isinstance(answers, int):
            return answers
        if all(answers.get(c) is not None for c in SPEC.item_codes):
            return [c for c in SPEC.item_codes if answers.get(c)]
        return dict(answers)

    def score(self, answers: Any, age_years: int | None) -> InstrumentScore:
        return score(answers)

    def result_entries(self, total: Any, age_years: int | None, given: bool = True) -> dict[str, Any]:
        adjusted = None if total is None or age_years is None else total + age_points(age_years)
        return {"cci": total, "cci_age_adjusted": adjusted}

    def not_counted_reason(self) -> str:
        return translate("forms", "the more severe grade is ticked")

    def both_flags(self) -> tuple[tuple[str, str], ...]:
        return PAIRS

    def score_text(self, scores: Any) -> str:
        cci, adjusted = scores.get("cci"), scores.get("cci_age_adjusted")
        extra = (
            translate("forms", " (age-adjusted {adjusted}, for information)").format(adjusted=adjusted)
            if adjusted is not None
            else ""
        )
        state = translate("forms", "incomplete") if cci is None else cci
        return f"{translate('charlson', 'Charlson CCI')} {state}{extra} — {translate('directions', SPEC.direction)}"

    def questions(self) -> tuple[Question, ...]:
        out = []
        for q in question_order():
            if isinstance(q, GradedQuestion):
                note = INDEX_DISEASE_NOTE if q.code == "solid_tumor" else "Only the more severe grade counts."
                options = tuple(Option(code, label, WEIGHTS[cond] if cond else 0) for code, label, cond in q.options)
                out.append(Question(q.code, q.label, note, options))
            else:
                item = SPEC.item(q)
                options = (Option(NO, "No", 0), Option(YES, f"Yes (weight {WEIGHTS[q]})", WEIGHTS[q]))
                out.append(Question(q, item.label, item.help, options))
        return tuple(out)

    def sets_several(self, question: str) -> bool:
        return question in _GRADED_CODES

    def apply(self, question: str, option_code: str | None) -> dict[str, Any]:
        if question in _GRADED_CODES:
            try:
                return dict(graded_answers(question, option_code))
            except KeyError:
                raise ValidationError(f"charlson.{question}", f"{option_code!r} is not an option") from None
        return super().apply(question, option_code)

    def chosen(self, question: str, answers: Any) -> str | None:
        if question in _GRADED_CODES:
            return graded_option(question, answers)
        return super().chosen(question, answers)


INSTRUMENT = _Charlson(
    spec=SPEC,
    short_title="Charlson CCI",
    required=True,
    total_key="cci",
    change=ScoreKey("cci", "CCI", +1),
    accepts_total=True,
    offer_unchanged=True,
    shows_out_of=False,
    chart_range=(0, 6),  # 33 is never reached; the chart shows where patients are
)
