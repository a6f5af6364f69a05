"""The result categories a person sees coloured or sorted, owned by the clinical layer: which exist, their
order, which move is a decline, and a neutral severity per category (the ui maps severity to a colour).

IMWG (Palumbo 2015): fit < intermediate < frail. Simplified frailty score (Facon 2020): non-frail <
frail. A move to a later category of the same scale is a decline (docs/clinical-rules.md 8: "fit -> frail").
"""

from __future__ import annotations

from .imwg import FIT, FRAIL, INTERMEDIATE, NON_FRAIL

# Neutral severities, in order; the ui decides how each looks (colour is never the only sign).
LOW, MODERATE, HIGH, UNKNOWN = "low", "moderate", "high", "unknown"
SEVERITIES = (LOW, MODERATE, HIGH, UNKNOWN)

IMWG: tuple[str, ...] = (FIT, INTERMEDIATE, FRAIL)  # in order, best first
SIMPLIFIED: tuple[str, ...] = (NON_FRAIL, FRAIL)
RANK: dict[str, int] = {c: i for i, c in enumerate(IMWG)}  # the IMWG scale's order (fit 0 .. frail 2)
_SEVERITY: dict[str, str] = {FIT: LOW, INTERMEDIATE: MODERATE, FRAIL: HIGH, NON_FRAIL: LOW}


def severity(category: str | None) -> str:
    """The neutral severity of a category; UNKNOWN for none (incomplete) or an unknown code."""
    return _SEVERITY.get(category or "", UNKNOWN)


def rank(category: str | None) -> int | None:
    """The category's place on the IMWG scale (fit 0, intermediate 1, frail 2); None for none."""
    return RANK.get(category or "")


def is_decline(before: str | None, after: str | None) -> bool:
    """Whether moving from `before` to `after` is a decline: both known, `after` later on the scale."""
    a, b = rank(before), rank(after)
    return a is not None and b is not None and b > a
