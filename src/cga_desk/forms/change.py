"""Baseline and change from baseline (docs/clinical-rules.md sections 8 and 11), as pure functions.

Baseline: the most recent visit marked baseline on or before a visit's date (re-baselining);
visits before the first marked baseline have none. With no marked visit, the earliest visit whose
Katz, Lawton and Charlson are all complete is the baseline. Change = visit - baseline; a change is a
decline when Katz or Lawton go down, or CCI or the IMWG score go up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeGuard

from . import charlson, katz, lawton

# Score name -> sign of a decline (Katz and Lawton: higher = more independent; CCI and IMWG: higher = worse).
CHANGE_SCORES: dict[str, int] = {"katz_adl": -1, "lawton_iadl": -1, "cci": +1, "imwg_score": +1}
DAYS_PER_MONTH = 365.25 / 12
# Item order of each instrument, read once: rebuilding SPEC.item_codes per comparison was most of
# the cost of a long history (issue 8).
_ITEM_CODES: dict[str, tuple[str, ...] | None] = {
    "katz": katz.SPEC.item_codes,
    "lawton": lawton.SPEC.item_codes,
    "charlson": None,
}
_CHARLSON_POSITION = {code: i for i, code in enumerate(charlson.SPEC.item_codes)}


@dataclass(frozen=True)
class VisitPoint:
    """What the change rules need of one visit: its date, mark, scores and item-level answers."""

    visit_date: date
    timepoint: str
    marked_baseline: bool
    scores: Mapping[str, int | None]  # katz_adl, lawton_iadl, cci, imwg_score
    imwg_category: str | None = None
    answers: Mapping[str, Any] | None = None  # {"katz": {...}, "lawton": {...}, "charlson": {...}}

    @property
    def instruments_complete(self) -> bool:
        return all(self.scores.get(k) is not None for k in ("katz_adl", "lawton_iadl", "cci"))


@dataclass(frozen=True)
class VisitChange:
    is_baseline: bool
    baseline_index: int | None
    baseline_date: date | None
    days_from_baseline: int | None
    change_from_baseline: dict[str, int | None] | None
    change_from_previous: dict[str, int | None] | None
    imwg_category_change: str | None
    declined: tuple[str, ...]
    item_changes: tuple[str, ...]

    @property
    def months_from_baseline(self) -> float | None:
        return None if self.days_from_baseline is None else round(self.days_from_baseline / DAYS_PER_MONTH, 1)


def baseline_indices(visits: Sequence[VisitPoint]) -> list[int | None]:
    """For each visit (sorted by date), the index of its baseline visit, or None."""
    marked = [i for i, v in enumerate(visits) if v.marked_baseline]
    if not marked:
        first = next((i for i, v in enumerate(visits) if v.instruments_complete), None)
        return [None if first is None or i < first else first for i in range(len(visits))]
    out: list[int | None] = []
    for v in visits:
        on_or_before = [i for i in marked if visits[i].visit_date <= v.visit_date]
        out.append(on_or_before[-1] if on_or_before else None)
    return out


def difference(now: Mapping[str, int | None], then: Mapping[str, int | None]) -> dict[str, int | None]:
    """Per score, now - then; None when either side is incomplete (never shown as 0)."""
    out: dict[str, int | None] = {}
    for key in CHANGE_SCORES:
        a, b = now.get(key), then.get(key)
        out[key] = None if a is None or b is None else a - b
    return out


def declined(change: Mapping[str, int | None] | None) -> tuple[str, ...]:
    if change is None:
        return ()
    return tuple(k for k, sign in CHANGE_SCORES.items() if change.get(k) is not None and change[k] * sign > 0)  # type: ignore[operator]


def _answer_words(instrument: str, value: Any) -> str:
    if instrument == "lawton":
        return "not answered" if value is None else f"option {value}"
    if instrument == "charlson":
        return "not answered" if value is None else ("present" if value else "absent")
    return "not answered" if value is None else str(value)


def item_changes(now: Mapping[str, Any] | None, then: Mapping[str, Any] | None) -> tuple[str, ...]:
    """Item-level differences in words: "bathing: independent → dependent", "finances: option 1 → 3"."""
    if not now or not then:
        return ()
    out: list[str] = []
    for instrument, codes in _ITEM_CODES.items():
        a, b = then.get(instrument), now.get(instrument)
        if a == b or not _is_mapping(a) or not _is_mapping(b):
            continue
        # Only the differing codes are put in form order (the same order as sorting them all first).
        changed = [c for c in codes or set(a) | set(b) if a.get(c) != b.get(c)]
        for code in changed if codes else sorted(changed, key=_charlson_order):
            out.append(_item_change(instrument, code, a.get(code), b.get(code)))
    return tuple(out)


def _is_mapping(value: Any) -> TypeGuard[Mapping[str, Any]]:
    return type(value) is dict or isinstance(value, Mapping)  # the ABC check only for the rare non-dict


def _item_change(instrument: str, code: str, then: Any, now: Any) -> str:
    if instrument == "lawton" and then is not None and now is not None:
        return f"{code}: option {then} → {now}"
    return f"{code}: {_answer_words(instrument, then)} → {_answer_words(instrument, now)}"


def _charlson_order(code: str) -> int:
    return _CHARLSON_POSITION.get(code, len(_CHARLSON_POSITION))


def compute_changes(visits: Sequence[VisitPoint]) -> list[VisitChange]:
    """The change-from-baseline view of a patient's visits, which must be sorted by date."""
    bases = baseline_indices(visits)
    out: list[VisitChange] = []
    for i, v in enumerate(visits):
        b = bases[i]
        base = visits[b] if b is not None else None
        cfb = difference(v.scores, base.scores) if base else None
        transition = None
        if base and base.imwg_category and v.imwg_category and base.imwg_category != v.imwg_category:
            transition = f"{base.imwg_category} -> {v.imwg_category}"
        out.append(
            VisitChange(
                is_baseline=b == i,
                baseline_index=b,
                baseline_date=base.visit_date if base else None,
                days_from_baseline=(v.visit_date - base.visit_date).days if base else None,
                change_from_baseline=cfb,
                change_from_previous=difference(v.scores, visits[i - 1].scores) if i else None,
                imwg_category_change=transition,
                declined=declined(cfb),
                item_changes=item_changes(v.answers, base.answers) if base and b != i else (),
            )
        )
    return out
