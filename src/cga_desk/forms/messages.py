"""The message catalogue of the clinical rules: every sentence made from their facts, in one place.

The rules (forms/change.py, forms/schedule.py, forms/categories.py) return facts — codes, stored
answers, the options they stand for, numbers. Words are made only where a person reads them (the
screen, the reports, the history document's readable `item_changes`, the codebook), by the functions
here, from the registry's wording (item and option labels). No sentence is ever parsed back into
data. This is the catalogue the translation work translates (docs/clinical-rules.md 14): the templates are
the module's constants, the meaning and the points never depend on them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from ..domain.records import SIGNED, VisitView
from . import categories
from .change import ItemChange
from .registry import BY_CODE

NOT_ANSWERED = "not answered"
NO_BASELINE = "no baseline"
INCOMPLETE = "incomplete"
ARROW = "→"
DECLINE_MARK = "▼ declined"
IMPROVEMENT_MARK = "▲ improved"

ITEM_CHANGE = "{item}: {before} {arrow} {after}"  # "Bathing: Independent … → Dependent …"
ITEM_CHANGE_IN = "{instrument}, {item}: {before} {arrow} {after}"  # with the instrument's short title
CATEGORY_TRANSITION = "{before} {arrow} {after}"  # "fit → frail"
CATEGORY_WORDS = {
    categories.IMWG[0]: "Fit",
    categories.IMWG[1]: "Intermediate fitness",
    categories.IMWG[2]: "Frail",
    categories.SIMPLIFIED[0]: "Non-frail",
}
NO_CATEGORY = "Incomplete"


def category_words(category: str | None, score: int | None = None) -> str:
    """A category as a person reads it, with its score when given: "Frail (3)"; none is "Incomplete"."""
    words = CATEGORY_WORDS.get(category or "", category or NO_CATEGORY)
    return f"{words} ({score})" if score is not None else words


def category_transition(transition: tuple[str, str]) -> str:
    """A category transition as a person reads it: "fit → frail"."""
    return CATEGORY_TRANSITION.format(before=transition[0], after=transition[1], arrow=ARROW)


def answer_words(instrument: str, item: str, answer: object) -> str:
    """A stored answer in the words of its option (Charlson: present / absent)."""
    return BY_CODE[instrument].answer_words(item, answer)


def item_change(change: ItemChange, with_instrument: bool = False) -> str:
    """ "Ability to handle finances: Manages financial matters independently … → Incapable of handling money".

    With `with_instrument`, the instrument's short title first (a report lists items of every instrument)."""
    instrument = BY_CODE[change.instrument]
    words = {
        "instrument": instrument.short_title,
        "item": instrument.spec.item(change.item).label,
        "before": answer_words(change.instrument, change.item, change.from_answer),
        "after": answer_words(change.instrument, change.item, change.to_answer),
        "arrow": ARROW,
    }
    return (ITEM_CHANGE_IN if with_instrument else ITEM_CHANGE).format(**words)


def item_change_marked(change: ItemChange, with_instrument: bool = False) -> str:
    """`item_change`, followed by the decline or improvement mark when the points moved."""
    mark = DECLINE_MARK if change.is_decline else IMPROVEMENT_MARK if change.is_improvement else ""
    return item_change(change, with_instrument) + (f" {mark}" if mark else "")


def item_changes(changes: tuple[ItemChange, ...], with_instrument: bool = False) -> list[str]:
    """Readable lines, one per changed item (the history document's `item_changes`)."""
    return [item_change(c, with_instrument) for c in changes]


# Electronic signatures (21 CFR 11.50: the printed name, the date and time, the meaning).
SIGNATURE_INVALID = "signature invalid: content changed after signing"
DEMO_BANNER = "DEMO DATA — not a patient record"


def local_time(moment: datetime) -> str:
    """A UTC moment in the computer's local time, with its zone: 2026-12-01 14:03 CST."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return aware.astimezone().strftime("%Y-%m-%d %H:%M %Z")


def signature_line(v: VisitView) -> str | None:
    """ "Electronically signed by Dr Li Wei (liwei) on 2026-12-01 14:03 CST — Reviewed and approved", with
    "— signature invalid: content changed after signing" when the stored content no longer matches the
    signed hash; a signature from before electronic signatures says so; None when the visit is not signed."""
    if v.status != SIGNED:
        return None
    s = v.signature
    if s is None:
        when = f" on {local_time(v.signed_at)}" if v.signed_at else ""
        return f"Signed by {v.signed_by or 'unknown'}{when} (before electronic signatures: no content hash to check)"
    line = f"Electronically signed by {s.full_name} ({s.signer}) on {local_time(s.signed_at)} — {s.meaning}"
    return line if v.signature_valid else f"{line} — {SIGNATURE_INVALID}"
