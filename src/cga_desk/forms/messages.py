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
from ..i18n import QT_TRANSLATE_NOOP, format_date, is_chinese, translate
from . import categories
from .change import ItemChange
from .registry import BY_CODE

CONTEXT = "messages"
NOT_ANSWERED = QT_TRANSLATE_NOOP("messages", "not answered")
NO_BASELINE = QT_TRANSLATE_NOOP("messages", "no baseline")
INCOMPLETE = QT_TRANSLATE_NOOP("messages", "incomplete")
ARROW = "→"
DECLINE_MARK = QT_TRANSLATE_NOOP("messages", "▼ declined")
IMPROVEMENT_MARK = QT_TRANSLATE_NOOP("messages", "▲ improved")
# A score's change as printed: the arrow follows the number's sign (▲ a rise, ▼ a fall), the word says
# what the rise or fall means for that score (a rise of CCI is a decline): "+2 ▲ declined" (issue 17).
DECLINED = QT_TRANSLATE_NOOP("messages", "declined")
IMPROVED = QT_TRANSLATE_NOOP("messages", "improved")
RISE, FALL = "▲", "▼"

ITEM_CHANGE = QT_TRANSLATE_NOOP("messages", "{item}: {before} {arrow} {after}")  # "Bathing: Independent … → …"
ITEM_CHANGE_IN = QT_TRANSLATE_NOOP("messages", "{instrument}, {item}: {before} {arrow} {after}")
CATEGORY_TRANSITION = "{before} {arrow} {after}"  # "fit → frail"
# IMWG categories in the words of the clinic (docs/clinical-decisions.md: 体能良好 / 中等体能 / 虚弱).
CATEGORY_WORDS = {
    categories.IMWG[0]: QT_TRANSLATE_NOOP("messages", "Fit"),
    categories.IMWG[1]: QT_TRANSLATE_NOOP("messages", "Intermediate fitness"),
    categories.IMWG[2]: QT_TRANSLATE_NOOP("messages", "Frail"),
    categories.SIMPLIFIED[0]: QT_TRANSLATE_NOOP("messages", "Non-frail"),
}
CATEGORY_CODES = {  # the codes as the history document writes them ("fit -> frail"), in words when shown
    categories.IMWG[0]: QT_TRANSLATE_NOOP("messages", "fit"),
    categories.IMWG[1]: QT_TRANSLATE_NOOP("messages", "intermediate"),
    categories.IMWG[2]: QT_TRANSLATE_NOOP("messages", "frail"),
    categories.SIMPLIFIED[0]: QT_TRANSLATE_NOOP("messages", "non-frail"),
}
NO_CATEGORY = QT_TRANSLATE_NOOP("messages", "Incomplete")
_SCORE_LABELS = {"imwg": "IMWG"}
_IMWG_SCORE = QT_TRANSLATE_NOOP("messages", "IMWG score")


def words(text: str) -> str:
    """One of this module's constants in the current language."""
    return translate(CONTEXT, text)


def category_words(category: str | None, score: int | None = None) -> str:
    """A category as a person reads it, with its score when given: "Frail (3)"; none is "Incomplete"."""
    words_ = translate(CONTEXT, CATEGORY_WORDS.get(category or "", category or NO_CATEGORY))
    return f"{words_} ({score})" if score is not None else words_


def category_code_words(category: str | None) -> str:
    """A category code in the lower-case words of running text: "frail" / "虚弱"."""
    return translate(CONTEXT, CATEGORY_CODES.get(category or "", category or "")) if category else ""


def category_transition(transition: tuple[str, str]) -> str:
    """A category transition as a person reads it: "fit → frail"."""
    before, after = (category_code_words(c) for c in transition)
    return CATEGORY_TRANSITION.format(before=before, after=after, arrow=ARROW)


def score_label(key: str) -> str:
    """A followed score's short name ("Katz ADL", "CCI") in the current language."""
    from .registry import CHANGE_KEYS

    for k in CHANGE_KEYS:
        if k.key == key:
            inst = next((i for i in BY_CODE.values() if i.change is not None and i.change.key == key), None)
            return translate(inst.code, k.label) if inst is not None else translate(CONTEXT, k.label)
    return _SCORE_LABELS.get(key, key)


def provenance_line(line: str) -> str:
    """One line of the IMWG score's provenance ("Age 82 ≥ 81 → +2 (frail on age alone)") in words."""
    if line.startswith("Age "):
        line = translate("messages", "Age") + line[3:]
    return line.replace("(frail on age alone)", translate("messages", "(frail on age alone)"))


def answer_words(instrument: str, item: str, answer: object) -> str:
    """A stored answer in the words of its option (Charlson: present / absent)."""
    text = BY_CODE[instrument].answer_words(item, answer)
    return words(NOT_ANSWERED) if text == NOT_ANSWERED else translate(instrument, text)


def short_answer(label: str) -> str:
    """An option's wording up to its explanation: "Independent: takes clothes from closets…" → "Independent"
    (the "last time" hints and lists, where the full wording is on the question itself); whole otherwise."""
    for colon in (": ", "："):
        head, found, _ = label.partition(colon)
        if found and head:
            return head
    return label


def item_change(change: ItemChange, with_instrument: bool = False) -> str:
    """ "Ability to handle finances: Manages financial matters independently … → Incapable of handling money".

    With `with_instrument`, the instrument's short title first (a report lists items of every instrument)."""
    instrument = BY_CODE[change.instrument]
    code = instrument.code
    parts = {
        "instrument": translate(code, instrument.short_title),
        "item": translate(code, instrument.spec.item(change.item).label),
        "before": answer_words(change.instrument, change.item, change.from_answer),
        "after": answer_words(change.instrument, change.item, change.to_answer),
        "arrow": ARROW,
    }
    return translate(CONTEXT, ITEM_CHANGE_IN if with_instrument else ITEM_CHANGE).format(**parts)


def item_change_marked(change: ItemChange, with_instrument: bool = False) -> str:
    """`item_change`, followed by an arrow the way the item's points moved and what that means when they
    moved: a Katz item lost is "▼ declined", a Charlson condition now present "▲ declined" (issue 17)."""
    text = item_change(change, with_instrument)
    if not (change.is_decline or change.is_improvement) or change.from_option is None or change.to_option is None:
        return text
    arrow = RISE if change.to_option.points > change.from_option.points else FALL
    return f"{text} {arrow} {words(DECLINED) if change.is_decline else words(IMPROVED)}"


def item_changes(changes: tuple[ItemChange, ...], with_instrument: bool = False) -> list[str]:
    """Readable lines, one per changed item (the history document's `item_changes`)."""
    return [item_change(c, with_instrument) for c in changes]


# Electronic signatures (21 CFR 11.50: the printed name, the date and time, the meaning).
SIGNATURE_INVALID = QT_TRANSLATE_NOOP("messages", "signature invalid: content changed after signing")
DEMO_BANNER = QT_TRANSLATE_NOOP("messages", "DEMO DATA — not a patient record")
SIGNED_ELECTRONICALLY = QT_TRANSLATE_NOOP(
    "messages", "Electronically signed by {full_name} ({signer}) on {time} — {meaning}"
)
SIGNED_BEFORE_ESIGNATURES = QT_TRANSLATE_NOOP(
    "messages", "Signed by {signer}{when} (before electronic signatures: no content hash to check)"
)
SIGNED_ON = QT_TRANSLATE_NOOP("messages", " on {time}")
UNKNOWN_SIGNER = QT_TRANSLATE_NOOP("messages", "unknown")
INVALID_SUFFIX = "{line} — {invalid}"
# The clinic's default meanings of a signature (services/settings.py); a clinic's own meaning is shown as written.
MEANINGS = (
    QT_TRANSLATE_NOOP("messages", "Reviewed and approved"),
    QT_TRANSLATE_NOOP("messages", "Reviewed"),
    QT_TRANSLATE_NOOP("messages", "Approved with comments in the record"),
)


def signature_invalid() -> str:
    return translate(CONTEXT, SIGNATURE_INVALID)


def demo_banner() -> str:
    """The DEMO banner in the language of the screen or report."""
    return translate(CONTEXT, DEMO_BANNER)


def meaning_word(meaning: str) -> str:
    """A signature's meaning in the language shown (the default meanings are translated; the clinic's own
    meanings and the stored text never change)."""
    return translate(CONTEXT, meaning)


def local_time(moment: datetime) -> str:
    """A UTC moment in the computer's local time, with its zone: 2026-12-01 14:03 CST (2026年12月1日 14:03 CST)."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    local = aware.astimezone()
    if is_chinese():
        return f"{format_date(local.date())} {local.strftime('%H:%M %Z')}"
    return local.strftime("%Y-%m-%d %H:%M %Z")


def signature_line(v: VisitView) -> str | None:
    """ "Electronically signed by Dr Li Wei (liwei) on 2026-12-01 14:03 CST — Reviewed and approved", with
    "— signature invalid: content changed after signing" when the stored content no longer matches the
    signed hash; a signature from before electronic signatures says so; None when the visit is not signed."""
    if v.status != SIGNED:
        return None
    s = v.signature
    if s is None:
        when = translate(CONTEXT, SIGNED_ON).format(time=local_time(v.signed_at)) if v.signed_at else ""
        return translate(CONTEXT, SIGNED_BEFORE_ESIGNATURES).format(
            signer=v.signed_by or translate(CONTEXT, UNKNOWN_SIGNER), when=when
        )
    line = translate(CONTEXT, SIGNED_ELECTRONICALLY).format(
        full_name=s.full_name, signer=s.signer, time=local_time(s.signed_at), meaning=meaning_word(s.meaning)
    )
    return line if v.signature_valid else INVALID_SUFFIX.format(line=line, invalid=signature_invalid())
