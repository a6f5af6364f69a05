"""Scores and changes from baseline in words: signed numbers, declines marked in text, never a 0 for missing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..forms import messages, registry
from ..forms.change import DECLINE_SIGN, VisitChange
from ..forms.definitions import Points
from ..i18n import translate

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


def delta_cell(key: str, value: Points | None) -> str:
    """A change as printed in a table cell: "−1 ▼" for a decline."""
    return signed(value) + (" ▼" if is_decline(key, value) else "")


def score_value(scores: Mapping[str, Any], key: str) -> int | None:
    if key == "imwg_score":
        imwg = scores.get("imwg")
        return int(imwg["score"]) if imwg else None
    value = scores.get(key)
    return None if value is None else int(value)


def change_phrase(change: Mapping[str, Points | None]) -> str:
    """ "Katz ADL −1 ▼ declined · Lawton IADL 0 · CCI +1 ▼ declined · IMWG score incomplete"."""
    parts = []
    for key in LABELS:
        value = change.get(key)
        inst = registry.instrument_of(key)
        if value is None and inst is not None and not inst.required:
            continue  # an optional instrument (G8) not recorded on both visits: nothing to say
        mark = f" {messages.words(DECLINE_MARK)}" if is_decline(key, value) else ""
        parts.append(f"{messages.score_label(key)} {signed(value)}{mark}")
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
