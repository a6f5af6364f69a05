"""Scores and changes from baseline in words: signed numbers, declines marked in text, never a 0 for missing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.records import SIGNED, VisitView
from ..forms import messages, registry, vocabulary
from ..forms.change import DECLINE_SIGN, ItemChange, VisitChange
from ..forms.definitions import Points
from ..i18n import QT_TRANSLATE_NOOP, translate

LABELS = {k.key: k.label for k in registry.CHANGE_KEYS}
DIRECTIONS = {
    k.key: f"{i.spec.min_total}-{i.spec.max_total}, {i.spec.direction}" if i else "0-5, higher = frailer"
    for k in registry.CHANGE_KEYS
    for i in (registry.instrument_of(k.key),)
}
DECLINE_MARK = messages.DECLINE_MARK
NO_BASELINE = messages.NO_BASELINE
INCOMPLETE = messages.INCOMPLETE
MINUS = "−"


def signed(value: Points | None) -> str:
    """+2, −1, 0; "incomplete" when either side is missing (never printed as 0)."""
    if value is None:
        return messages.words(INCOMPLETE)
    return f"+{value}" if value > 0 else f"{MINUS}{-value}" if value < 0 else "0"


def is_decline(key: str, value: Points | None) -> bool:
    return value is not None and value * DECLINE_SIGN[key] > 0


def is_improvement(key: str, value: Points | None) -> bool:
    return value is not None and value * DECLINE_SIGN[key] < 0


def verdict(key: str, value: Points | None) -> str:
    """ "declined", "improved", or '' for no change or a missing side (the meaning, in words)."""
    if is_decline(key, value):
        return messages.words(messages.DECLINED)
    return messages.words(messages.IMPROVED) if is_improvement(key, value) else ""


def delta_cell(key: str, value: Points | None) -> str:
    """A change as printed: the number, an arrow that goes the number's way, and what it means in words:
    "−1 ▼ declined" for Katz ADL, "+2 ▲ declined" for CCI, "+1 ▲ improved" for Lawton IADL, "0"."""
    if value is None or value == 0:
        return signed(value)
    arrow = messages.RISE if value > 0 else messages.FALL
    return f"{signed(value)} {arrow} {verdict(key, value)}"


def score_value(scores: Mapping[str, Any], key: str) -> int | None:
    if key == "imwg_score":
        imwg = scores.get("imwg")
        return int(imwg["score"]) if imwg else None
    value = scores.get(key)
    return None if value is None else int(value)


def change_phrase(change: Mapping[str, Points | None]) -> str:
    """ "Katz ADL −1 ▼ declined · Lawton IADL 0 · CCI +1 ▲ declined · IMWG score incomplete"."""
    parts = []
    for key in LABELS:
        value = change.get(key)
        inst = registry.instrument_of(key)
        if value is None and inst is not None and not inst.required:
            continue  # an optional instrument (G8) not recorded on both visits: nothing to say
        parts.append(f"{messages.score_label(key)} {delta_cell(key, value)}")
    return " · ".join(parts)


def baseline_sentence(change: VisitChange, fmt: Any) -> str:
    """Where this visit stands against its baseline, in one sentence."""
    if change.is_baseline:
        return translate("changes", "This visit is the baseline: later visits are compared with it.")
    if change.change_from_baseline is None:
        return translate(
            "changes", "Change from baseline: {no_baseline} (no baseline visit on or before this date)."
        ).format(no_baseline=messages.words(NO_BASELINE))
    when = translate("changes", "{fmt}, {days_from_baseline} days ({months_from_baseline} months) earlier").format(
        fmt=fmt(change.baseline_date),
        days_from_baseline=change.days_from_baseline,
        months_from_baseline=change.months_from_baseline,
    )
    text = translate("changes", "Change from baseline ({when}): {change_phrase}.").format(
        when=when, change_phrase=change_phrase(change.change_from_baseline)
    )
    if change.category_transition:
        text += translate("changes", " IMWG category {category_transition}.").format(
            category_transition=messages.category_transition(change.category_transition)
        )
    return text


def previous_sentence(change: VisitChange) -> str | None:
    if change.change_from_previous is None:
        return None
    return translate("changes", "Change since the previous visit: {change_phrase}.").format(
        change_phrase=change_phrase(change.change_from_previous)
    )


# Instruments whose item answers are compared with baseline (forms.change: those whose change is judged).
COMPARED = tuple(i for i in registry.INSTRUMENTS if i.change is not None and i.item_columns)


def compact_item_change(change: ItemChange) -> str:
    """ "Katz ADL, Bathing: Independent → Dependent ▼ declined": the answers as the grid shows them (a Katz
    answer up to its colon; the whole wording is in the answers table below), marked the way the points moved."""
    from .wording import short_answer

    inst = registry.BY_CODE[change.instrument]
    item = inst.spec.item(change.item)

    def said(option: Any) -> str:
        return messages.words(messages.NOT_ANSWERED) if option is None else short_answer(inst, item, option)

    text = translate(messages.CONTEXT, messages.ITEM_CHANGE_IN).format(
        instrument=vocabulary.short_title(inst),
        item=translate(inst.code, item.label),
        before=said(change.from_option),
        after=said(change.to_option),
        arrow=messages.ARROW,
    )
    full = messages.item_change_marked(change, with_instrument=True)
    mark = full[len(messages.item_change(change, with_instrument=True)) :]  # " ▼ declined", or ''
    return text + mark


def _itemised(visit: VisitView, code: str) -> bool:
    state = visit.instruments.get(code)
    return state is not None and state.answers is not None and not state.not_assessable_reason


def item_sentence(change: VisitChange, visit: VisitView, baseline: VisitView | None) -> str | None:
    """What the item answers say against baseline, true for the data: the items that changed, or that none
    of the compared instruments' answers changed, and which instruments could not be compared (a total
    from paper, not answered or not assessable at either visit). None for the baseline visit itself."""
    if change.is_baseline:
        return None
    if change.change_from_baseline is None or baseline is None:
        return translate("changes", "Item answers: not compared ({no_baseline}).").format(
            no_baseline=messages.words(NO_BASELINE)
        )
    compared = [i for i in COMPARED if i.required or _itemised(visit, i.code) or _itemised(baseline, i.code)]
    both = [i for i in compared if _itemised(visit, i.code) and _itemised(baseline, i.code)]
    apart = [vocabulary.short_title(i) for i in compared if i not in both]
    out = []
    if change.item_changes:
        words = "; ".join(compact_item_change(c) for c in change.item_changes)
        out.append(translate("changes", "Items changed since baseline: {words}.").format(words=words))
    elif both:
        out.append(
            translate("changes", "No item answer of {names} changed since baseline.").format(
                names=", ".join(vocabulary.short_title(i) for i in both)
            )
        )
    if apart:
        out.append(
            translate(
                "changes",
                "Not compared item by item: {names} (a total only, or no answers, at this visit or at baseline).",
            ).format(names=", ".join(apart))
        )
    return " ".join(out)


DRAFT_WATERMARK = QT_TRANSLATE_NOOP("changes", "DRAFT — not signed")
INVALID_WATERMARK = QT_TRANSLATE_NOOP("changes", "SIGNATURE INVALID")


def watermark(visits: list[VisitView] | tuple[VisitView, ...]) -> str | None:
    """The diagonal mark of a page showing these visits: DRAFT — not signed while any is not signed, a
    signature no longer valid said as such; None when every visit is signed and its signature holds."""
    if any(v.status != SIGNED for v in visits):
        return translate("changes", DRAFT_WATERMARK)
    if any(v.signature_valid is False for v in visits):
        return translate("changes", INVALID_WATERMARK)
    return None
