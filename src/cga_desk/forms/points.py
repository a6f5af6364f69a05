"""The physician's view of the IMWG points (issue 18 item 5): which answers earned each point of a visit's
IMWG frailty score, and which item changes since baseline moved which score.

The score itself is forms/imwg.py (Palumbo 2015): age, CCI >= 2, ADL <= 4, IADL <= 5, one point each
(age up to two). Nothing is recomputed here: the points and their provenance lines are the visit's stored
result document; this module only names, per component, the answers that count against the patient —
for a score where higher is better (Katz, Lawton) the items that did not score their best option, for a
score where higher is worse (Charlson) the items that scored above nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import registry
from .change import ItemChange
from .instrument import Instrument

# The IMWG components in the order of the score's provenance lines (forms.imwg.imwg), and the instrument
# whose total each one reads (age reads none).
COMPONENTS: tuple[str, ...] = ("age", "cci", "adl", "iadl")
INSTRUMENT_OF: dict[str, str] = {"cci": "charlson", "adl": "katz", "iadl": "lawton"}
COMPONENT_OF: dict[str, str] = {code: component for component, code in INSTRUMENT_OF.items()}


@dataclass(frozen=True)
class Component:
    """One IMWG component of one visit: its points, its provenance line, and the answers behind it."""

    component: str  # age, cci, adl, iadl
    points: int
    provenance: str  # "ADL 4/6 ≤ 4 → +1" (the result document's line, in English)
    instrument: str | None  # katz, lawton, charlson; None for age
    answers: tuple[tuple[str, Any], ...]  # (item code, stored answer) counting against the patient


def counting_items(instrument: Instrument, answers: Mapping[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    """The answered items of `instrument` that count against the patient, in form order (see above)."""
    if not answers or instrument.change is None:
        return ()
    out = []
    for item in instrument.spec.items:
        option = instrument.to_option(item, answers.get(item.code))
        if option is None:
            continue
        points = [o.points for o in item.options]
        worse = option.points < max(points) if instrument.change.decline_sign < 0 else option.points > min(points)
        if worse:
            out.append((item.code, answers[item.code]))
    return tuple(out)


def imwg_components(
    scores: Mapping[str, Any], answers: Mapping[str, Mapping[str, Any] | None]
) -> tuple[Component, ...]:
    """A visit's IMWG points with the answers that earned them; () while the score is incomplete.
    `answers`: instrument code -> the visit's stored answers."""
    imwg = scores.get("imwg")
    lines = scores.get("imwg_provenance") or []
    if not imwg or len(lines) != len(COMPONENTS):
        return ()
    out = []
    for component, line in zip(COMPONENTS, lines, strict=True):
        code = INSTRUMENT_OF.get(component)
        items = counting_items(registry.BY_CODE[code], answers.get(code)) if code else ()
        out.append(Component(component, int(imwg["points"][component]), line, code, items))
    return tuple(out)


def changes_by_score(changes: tuple[ItemChange, ...]) -> dict[str, tuple[ItemChange, ...]]:
    """Item changes grouped under the instrument whose total (and so which IMWG component) they moved,
    in the registry's order; an instrument outside the IMWG score (G8) keeps its own group."""
    groups: dict[str, list[ItemChange]] = {}
    for change in changes:
        groups.setdefault(change.instrument, []).append(change)
    return {code: tuple(groups[code]) for code in registry.CODES if code in groups}
