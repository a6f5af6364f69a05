"""Lawton-Brody Instrumental Activities of Daily Living scale (0-8, all eight domains, every sex).

Sources: Lawton MP, Brody EM, Gerontologist 1969;9:179-86; Hartford Institute "Try This" issue 23.
Spec: docs/clinical-rules.md section 3. Options are numbered from 1 in form order and mapped to points one
by one: several "helped" options still score 1 and several "partly independent" options score 0
(Lawton 1969), so the points are never derived from the option number.
"""

from __future__ import annotations

from collections.abc import Mapping

from .definitions import InstrumentScore, InstrumentSpec, Item, Option
from .instrument import Instrument, Question, ScoreKey


def _domain(code: str, label: str, *options: tuple[str, int]) -> Item:
    return Item(
        code=code,
        label=label,
        options=tuple(Option(str(n), text, pts) for n, (text, pts) in enumerate(options, start=1)),
        help="Choose the one option that best describes the person's highest current level of function.",
    )


SPEC = InstrumentSpec(
    code="lawton",
    title="Lawton-Brody Instrumental Activities of Daily Living Scale",
    version="lawton-brody-0-8/1",
    source="Lawton MP, Brody EM, Gerontologist 1969;9:179-86; Hartford Institute 'Try This' issue 23",
    instructions=(
        "For each domain, choose the one option that best describes the person's highest current "
        "level of function. All eight domains are scored for men and women alike."
    ),
    direction="higher = more independent",
    min_total=0,
    max_total=8,
    items=(
        _domain(
            "telephone",
            "Ability to use the telephone",
            ("Operates the telephone on own initiative, looks up and dials numbers", 1),
            ("Dials a few well-known numbers", 1),
            ("Answers but does not dial", 1),
            ("Does not use the telephone at all", 0),
        ),
        _domain(
            "shopping",
            "Shopping",
            ("Takes care of all shopping independently", 1),
            ("Shops independently for small purchases only", 0),
            ("Needs to be accompanied on any shopping trip", 0),
            ("Completely unable to shop", 0),
        ),
        _domain(
            "food_preparation",
            "Food preparation",
            ("Plans, prepares and serves adequate meals independently", 1),
            ("Prepares adequate meals if supplied with ingredients", 0),
            ("Heats and serves prepared meals, or prepares meals but does not keep an adequate diet", 0),
            ("Needs meals prepared and served", 0),
        ),
        _domain(
            "housekeeping",
            "Housekeeping",
            ("Maintains the house alone or with occasional help for heavy work", 1),
            ("Performs light daily tasks such as dishwashing and bed making", 1),
            ("Performs light tasks but cannot keep an acceptable level of cleanliness", 1),
            ("Needs help with all home maintenance tasks", 1),
            ("Does not take part in any housekeeping", 0),
        ),
        _domain(
            "laundry",
            "Laundry",
            ("Does personal laundry completely", 1),
            ("Launders small items (socks, stockings)", 1),
            ("All laundry must be done by others", 0),
        ),
        _domain(
            "transportation",
            "Mode of transportation",
            ("Travels independently by public transport or drives own car", 1),
            ("Arranges own travel by taxi but does not otherwise use public transport", 1),
            ("Travels by public transport when accompanied", 1),
            ("Travel limited to taxi or car with help of another person", 0),
            ("Does not travel at all", 0),
        ),
        _domain(
            "medications",
            "Responsibility for own medications",
            ("Takes the right medication in the right dose at the right time on own responsibility", 1),
            ("Takes responsibility if medication is prepared in advance in separate doses", 0),
            ("Is not capable of dispensing own medication", 0),
        ),
        _domain(
            "finances",
            "Ability to handle finances",
            (
                "Manages financial matters independently (budgets, pays bills, goes to the bank), keeps track of income",
                1,
            ),
            ("Manages day-to-day purchases but needs help with banking and major purchases", 1),
            ("Incapable of handling money", 0),
        ),
    ),
)


def score(answers: Mapping[str, int | None]) -> InstrumentScore:
    """Total = sum of the eight domains' option points; None while any domain is unanswered.

    `answers` maps domain code to the option number chosen (1-based), already validated.
    """
    return INSTRUMENT.score(answers, None)


class _Lawton(Instrument):
    """Answers are stored as the option number chosen (1-based), and the dataset shows that number."""

    def to_answer(self, item: Item, option_code: str) -> int:
        return int(option_code)

    def item_value(self, item_code: str, answer: object) -> int | None:
        return None if self.to_option(self.spec.item(item_code), answer) is None else int(answer)  # type: ignore[call-overload]

    def answer_text(self, item: Item, option: Option) -> str:
        return f"{option.code}. {option.label}"

    def option_label(self, question: Question, option: Option) -> str:
        return f"{option.label} (scores {option.points})"

    def bad_answer(self, item: Item, answer: object) -> str:
        if isinstance(answer, bool) or not isinstance(answer, int):
            return f"expected a whole number 1-{len(item.options)}, got {answer!r}"
        return f"{answer} is out of range 1-{len(item.options)}"


INSTRUMENT = _Lawton(
    spec=SPEC,
    short_title="Lawton IADL",
    required=True,
    total_key="lawton_iadl",
    change=ScoreKey("lawton_iadl", "Lawton IADL", -1),
    dependency_key="iadl_dependency",
    accepts_total=True,
    offer_unchanged=True,
)
