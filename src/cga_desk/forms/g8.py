"""G8 geriatric screening tool (0-17 in half points, higher = better; 14 or less is abnormal).

Source: Bellera CA et al., Ann Oncol 2012;23(8):2166-72. Rules: docs/clinical-rules.md, G8. Optional at a
visit, like ECOG: a visit is complete without it, and it never enters the IMWG or simplified score.
Seven items are asked; the eighth, age, is derived from the age at the visit and shown, never asked.
An answer is stored (and given in documents) as the chosen option's points, as the source prints them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.errors import ValidationError
from ..i18n import translate
from .definitions import InstrumentScore, InstrumentSpec, Item, Option, Points
from .instrument import Column, Instrument, Question, ScoreKey

ABNORMAL_AT_OR_BELOW = 14  # Bellera 2012: a total of 14 or less suggests a full geriatric assessment
MAX_TOTAL = 17


def age_points(age_years: int) -> int:
    """The derived age item: over 85 -> 0, 80 to 85 -> 1, under 80 -> 2."""
    if age_years > 85:
        return 0
    return 1 if age_years >= 80 else 2


def _item(code: str, label: str, *options: tuple[str, Points]) -> Item:
    return Item(code, label, tuple(Option(_code(pts), text, pts) for text, pts in options))


def _code(points: Points) -> str:
    return str(int(points)) if float(points).is_integer() else str(points)


SPEC = InstrumentSpec(
    code="g8",
    title="G8 geriatric screening tool",
    version="g8-bellera-2012/1",
    source="Bellera CA et al., Ann Oncol 2012;23(8):2166-72",
    instructions=(
        "Ask the seven questions; the age item is scored from the patient's age at this visit. "
        "A total of 14 or less suggests a full geriatric assessment."
    ),
    direction="higher = better",
    min_total=0,
    max_total=MAX_TOTAL,
    items=(
        _item(
            "food_intake",
            "Food intake declined over the past 3 months (loss of appetite, digestive problems, "
            "chewing or swallowing difficulties)",
            ("Severe decline in food intake", 0),
            ("Moderate decline in food intake", 1),
            ("No decline in food intake", 2),
        ),
        _item(
            "weight_loss",
            "Weight loss during the past 3 months",
            ("Weight loss of more than 3 kg", 0),
            ("Does not know", 1),
            ("Weight loss between 1 and 3 kg", 2),
            ("No weight loss", 3),
        ),
        _item(
            "mobility",
            "Mobility",
            ("Bed- or chair-bound", 0),
            ("Able to get out of bed or chair but does not go out", 1),
            ("Goes out", 2),
        ),
        _item(
            "neuropsychological",
            "Neuropsychological problems",
            ("Severe dementia or depression", 0),
            ("Mild dementia", 1),
            ("No psychological problems", 2),
        ),
        _item(
            "bmi",
            "Body-mass index (weight in kg / height in m²)",
            ("BMI below 19", 0),
            ("BMI 19 to below 21", 1),
            ("BMI 21 to below 23", 2),
            ("BMI 23 or more", 3),
        ),
        _item(
            "polypharmacy",
            "Takes more than three prescription drugs a day",
            ("Yes", 0),
            ("No", 1),
        ),
        _item(
            "self_rated_health",
            "Compared with other people of the same age, how does the patient consider their health status?",
            ("Not as good", 0),
            ("Does not know", 0.5),
            ("As good", 1),
            ("Better", 2),
        ),
    ),
)


class _G8(Instrument):
    """Answers are the options' points; the derived age item is added when scoring."""

    def to_answer(self, item: Item, option_code: str) -> Points:
        return next(o.points for o in item.options if o.code == option_code)

    def to_option(self, item: Item, answer: Any) -> Option | None:
        if isinstance(answer, bool) or not isinstance(answer, int | float):
            return None
        return next((o for o in item.options if o.points == answer), None)

    def bad_answer(self, item: Item, answer: Any) -> str:
        allowed = ", ".join(_code(o.points) for o in item.options)
        return f"{answer!r} is not an answer; expected the points of an option: {allowed}"

    def score(self, answers: Mapping[str, Any], age_years: int | None) -> InstrumentScore:
        asked = super().score(answers, age_years)
        if age_years is None:
            return InstrumentScore(None, asked.item_points, (*asked.missing, "age"))
        points = {**asked.item_points, "age": age_points(age_years)}
        total = None if asked.missing else asked.total + points["age"]  # type: ignore[operator]
        return InstrumentScore(total, points, asked.missing)

    def result_entries(self, total: Points | None, age_years: int | None, given: bool = True) -> dict[str, Any]:
        """Not asked: null; asked but incomplete: total and verdict null (never imputed)."""
        if not given:
            return {"g8": None}
        return {"g8": {"total": total, "abnormal": None if total is None else total <= ABNORMAL_AT_OR_BELOW}}

    def stored_values(self, total: Points | None, age_years: int | None) -> dict[str, Any]:
        return {"g8_total": total, "g8_abnormal": None if total is None else total <= ABNORMAL_AT_OR_BELOW}

    def total_of(self, scores: Mapping[str, Any]) -> Any:
        g8 = scores.get("g8")
        return None if g8 is None else g8.get("total")

    def recorded(self, scores: Mapping[str, Any]) -> bool:
        return scores.get("g8") is not None

    def score_text(self, scores: Mapping[str, Any]) -> str:
        total = self.total_of(scores)
        if total is None:
            state = (
                translate("forms", "incomplete") if scores.get("g8") is not None else translate("forms", "not recorded")
            )
            return f"G8 {state} — {translate('directions', SPEC.direction)}"
        return f"G8 {_code(total)}/{MAX_TOTAL} — {translate('directions', SPEC.direction)}; {self.verdict(scores)}"

    def verdict(self, scores: Mapping[str, Any]) -> str:
        total = self.total_of(scores)
        if total is None:
            return ""
        if total <= ABNORMAL_AT_OR_BELOW:
            return translate("forms", "abnormal (14 or less): a full geriatric assessment is suggested")
        return translate("forms", "normal (above 14)")

    def derived_lines(self, scores: Mapping[str, Any]) -> tuple[tuple[str, str, Points], ...]:
        age = scores.get("age_years")
        if age is None:
            return ()
        return (
            (
                translate("forms", "Age (scored from the visit date, not asked)"),
                translate("forms", "{age} years").format(age=age),
                age_points(age),
            ),
        )

    def option_label(self, question: Question, option: Option) -> str:
        return f"{option.label} ({_code(option.points)} {'point' if option.points == 1 else 'points'})"

    def parse(self, value: Any) -> Any:
        if value is not None and not isinstance(value, Mapping):
            raise ValidationError("g8", f"expected an object of items, got {value!r}")
        return super().parse(value)


INSTRUMENT = _G8(
    spec=SPEC,
    short_title="G8",
    required=False,
    total_key="g8_total",
    change=ScoreKey("g8", "G8", -1),
    in_core_dataset=False,
    extra_columns=(
        Column(
            "g8_total", "G8 screening total, age item included", "0-17 in steps of 0.5", "higher = better", "number"
        ),
        Column(
            "g8_abnormal", "G8 total of 14 or less: a full geriatric assessment is suggested", "0, 1", "", "boolean"
        ),
    ),
)
