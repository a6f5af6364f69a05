"""ECOG performance status (0-5; 5 = dead, which is not selectable at a visit).

Source: Oken MM et al., Am J Clin Oncol 1982;5:649-55. Spec: docs/clinical-rules.md section 7.
"""

from __future__ import annotations

from typing import Any

from ..domain.errors import ValidationError
from ..i18n import translate
from .definitions import InstrumentScore, InstrumentSpec, Item, Option
from .instrument import Instrument, whole_number

DEAD = 5
SELECTABLE = range(0, 5)  # 0-4 at a visit; a patient with ECOG 5 is not assessed

SPEC = InstrumentSpec(
    code="ecog",
    title="ECOG performance status",
    version="ecog-oken-1982/1",
    source="Oken MM et al., Am J Clin Oncol 1982;5:649-55",
    instructions="Choose the grade that best describes the patient's current performance status.",
    direction="higher = worse",
    min_total=0,
    max_total=4,
    items=(
        Item(
            code="ecog",
            label="ECOG performance status",
            options=(
                Option("0", "0 — Fully active, able to carry on all pre-disease performance without restriction", 0),
                Option(
                    "1",
                    "1 — Restricted in physically strenuous activity but ambulatory and able to carry out work of a light nature",
                    1,
                ),
                Option(
                    "2",
                    "2 — Ambulatory and capable of all self-care but unable to carry out any work activities; up and about more than 50 % of waking hours",
                    2,
                ),
                Option(
                    "3",
                    "3 — Capable of only limited self-care; confined to bed or chair more than 50 % of waking hours",
                    3,
                ),
                Option(
                    "4", "4 — Completely disabled; cannot carry on any self-care; totally confined to bed or chair", 4
                ),
            ),
            help="Grade 5 (dead) is not selectable at a visit.",
        ),
    ),
)


class _Ecog(Instrument):
    """One item whose answer is the grade itself; stored as the instrument's total, given as a number."""

    def to_answer(self, item: Item, option_code: str) -> int:
        return int(option_code)

    def parse(self, value: Any) -> Any:
        if value is None:
            return None
        if value == DEAD and not isinstance(value, bool):
            raise ValidationError("ecog", "5 (dead) is not selectable at a visit")
        return whole_number(value, "ecog", 0, 4)

    def to_document(self, answers: Any) -> Any:
        return answers

    def score(self, answers: Any, age_years: int | None) -> InstrumentScore:
        grade = answers if isinstance(answers, int) else answers.get("ecog")
        if grade is None:
            return InstrumentScore(None, {}, ("ecog",))
        return InstrumentScore(grade, {"ecog": grade}, ())

    def score_text(self, scores: Any) -> str:
        grade = scores.get("ecog")
        if grade is None:
            return f"ECOG {translate('forms', 'not recorded')}"
        return f"ECOG {grade} — {translate('directions', SPEC.direction)}"

    def apply(self, question: str, option_code: str | None) -> dict[str, Any]:
        return {"ecog": None if option_code is None else self.to_answer(SPEC.items[0], option_code)}

    def chosen(self, question: str, answers: Any) -> str | None:
        grade = answers if isinstance(answers, int) else (answers or {}).get("ecog")
        return None if grade is None else str(grade)


INSTRUMENT = _Ecog(
    spec=SPEC,
    short_title="ECOG",
    required=False,
    total_key="ecog",
    change=None,  # docs/clinical-rules.md section 8: change is computed for Katz, Lawton, CCI and IMWG, not ECOG
    item_columns=False,
    keys_are_codes=True,
    shows_out_of=False,
)
