"""Katz Index of Independence in Activities of Daily Living (0-6), dichotomous Hartford version.

Sources: Katz S et al., JAMA 1963;185:914-9 and Gerontologist 1970;10:20-30; item wording as in the
Hartford Institute "Try This" Katz form (0-6 dichotomous). Spec: docs/clinical-rules.md section 2.
"""

from __future__ import annotations

from collections.abc import Mapping

from .definitions import InstrumentScore, InstrumentSpec, Item, Option
from .instrument import Instrument, ScoreKey

INDEPENDENT = "independent"
DEPENDENT = "dependent"


def _item(code: str, label: str, independent: str, dependent: str) -> Item:
    return Item(
        code=code,
        label=label,
        options=(
            Option(INDEPENDENT, f"Independent: {independent}", 1),
            Option(DEPENDENT, f"Dependent: {dependent}", 0),
        ),
        help="Supervision, direction, cueing or personal assistance counts as dependent.",
    )


SPEC = InstrumentSpec(
    code="katz",
    title="Katz Index of Independence in Activities of Daily Living",
    version="katz-hartford-0-6/1",
    source="Katz S et al., JAMA 1963;185:914-9; Gerontologist 1970;10:20-30; Hartford Institute 'Try This' Katz form",
    instructions=(
        "For each activity, choose the description that applies. Independent means no supervision, "
        "direction or personal assistance; supervision, direction or cueing counts as dependent."
    ),
    direction="higher = more independent",
    min_total=0,
    max_total=6,
    items=(
        _item(
            "bathing",
            "Bathing",
            "bathes self completely, or needs help with one part of the body only (back, genital area, a disabled limb)",
            "needs help with more than one part, getting in or out of the tub or shower, or total bathing",
        ),
        _item(
            "dressing",
            "Dressing",
            "takes clothes from closets and drawers and puts them on, fasteners included; help tying shoes is allowed",
            "needs help dressing, or must be dressed completely",
        ),
        _item(
            "toileting",
            "Toileting",
            "goes to the toilet, gets on and off, arranges clothes, cleans the genital area without help",
            "needs help transferring to the toilet or cleaning, or uses a bedpan or commode",
        ),
        _item(
            "transferring",
            "Transferring",
            "moves in and out of bed or chair without help; mechanical aids are acceptable",
            "needs help from bed to chair, or a complete transfer",
        ),
        _item(
            "continence",
            "Continence",
            "complete self-control of urination and defecation",
            "partly or totally incontinent of bowel or bladder",
        ),
        _item(
            "feeding",
            "Feeding",
            "gets food from plate to mouth without help; another person may prepare the food",
            "needs partial or total help with feeding, or parenteral feeding",
        ),
    ),
)


def score(answers: Mapping[str, str | None]) -> InstrumentScore:
    """Total = number of items answered `independent`; None while any item is unanswered.

    `answers` maps item code to "independent" / "dependent" (or None); codes must be valid
    (callers validate first, see forms.document).
    """
    return INSTRUMENT.score(answers, None)


INSTRUMENT = Instrument(
    spec=SPEC,
    short_title="Katz ADL",
    required=True,
    total_key="katz_adl",
    change=ScoreKey("katz_adl", "Katz ADL", -1),
    dependency_key="adl_dependency",
    accepts_total=True,
    offer_unchanged=True,
)
