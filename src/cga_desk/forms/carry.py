"""Carry-forward at a follow-up (issue 18): which earlier visit's answers a follow-up is shown ("last time")
and may keep with one key, per instrument that offers it (`Instrument.offer_unchanged`: Katz, Lawton,
Charlson — the answers that change rarely between visits; ECOG and G8 are asked afresh every time).

The rule (docs/clinical-decisions.md, "Carry-forward"): for each such instrument, the latest *completed*
visit (complete or signed, never a draft) dated before the follow-up — or on the same date and started
before it — whose answers to that instrument are all given. A visit where the instrument was marked not
assessable, or answered only in part, is passed over for that instrument, so the nurse is never offered
an answer that was not given."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..domain.records import COMPLETE, SIGNED, VisitView
from . import registry
from .instrument import Instrument

CARRIED: tuple[Instrument, ...] = tuple(i for i in registry.INSTRUMENTS if i.offer_unchanged)


def answered_in_full(instrument: Instrument, answers: Mapping[str, Any] | None) -> bool:
    """Every item of the instrument has an answer."""
    return bool(answers) and all((answers or {}).get(c) is not None for c in instrument.spec.item_codes)


def last_completed(visits: Iterable[VisitView], visit: VisitView) -> dict[str, VisitView]:
    """Per carried instrument's code, the visit whose answers `visit` is shown and may keep (see above);
    an instrument with no such visit is absent."""
    earlier = sorted(
        (
            v
            for v in visits
            if v.id != visit.id
            and v.status in (COMPLETE, SIGNED)
            and (v.visit_date, v.id) < (visit.visit_date, visit.id)
        ),
        key=lambda v: (v.visit_date, v.id),
    )
    found: dict[str, VisitView] = {}
    for inst in CARRIED:
        for v in reversed(earlier):
            state = v.instruments.get(inst.code)
            if state is not None and not state.not_assessable_reason and answered_in_full(inst, state.answers):
                found[inst.code] = v
                break
    return found


def kept(instrument: Instrument, previous: Mapping[str, Any], current: Mapping[str, Any] | None) -> dict[str, Any]:
    """The answers "all unchanged" stores: the answers already given at this visit (a changed item stays
    changed), the last visit's for every item not answered yet."""
    now = current or {}
    return {c: now[c] if now.get(c) is not None else previous.get(c) for c in instrument.spec.item_codes}
