"""Each instrument's answers in words, with points, from the forms SPECs (what a printed visit shows)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.records import InstrumentState
from ..forms import charlson, ecog, katz, lawton
from ..forms.definitions import InstrumentSpec

SHORT = {"katz": "Katz ADL", "lawton": "Lawton IADL", "charlson": "Charlson CCI", "ecog": "ECOG"}
TOTAL_KEYS = {"katz": "katz_adl", "lawton": "lawton_iadl", "charlson": "cci", "ecog": "ecog"}
SPECS: dict[str, InstrumentSpec] = {
    "katz": katz.SPEC,
    "lawton": lawton.SPEC,
    "charlson": charlson.SPEC,
    "ecog": ecog.SPEC,
}
NOT_ANSWERED = "not answered"


@dataclass(frozen=True)
class ItemLine:
    label: str
    answer: str  # the option's wording, or "not answered"
    points: int | None  # None when not answered


@dataclass(frozen=True)
class InstrumentSection:
    code: str
    title: str
    version: str
    total_text: str  # "Katz ADL 5/6, higher = more independent" or "Katz ADL incomplete (...)"
    state: str  # complete, incomplete, not assessable, not recorded, paper total
    lines: tuple[ItemLine, ...] = ()
    notes: tuple[str, ...] = ()


def total_text(code: str, total: int | None, detail: str = "") -> str:
    spec = SPECS[code]
    if total is None:
        return f"{SHORT[code]} incomplete" + (f" ({detail})" if detail else "")
    out_of = f"/{spec.max_total}" if code in ("katz", "lawton") else ""
    return f"{SHORT[code]} {total}{out_of}, {spec.direction}" + (f" ({detail})" if detail else "")


def _katz_lines(answers: Mapping[str, Any]) -> tuple[ItemLine, ...]:
    out = []
    for item in katz.SPEC.items:
        value = answers.get(item.code)
        opt = item.option(value) if value is not None else None
        out.append(ItemLine(item.label, opt.label if opt else NOT_ANSWERED, opt.points if opt else None))
    return tuple(out)


def _lawton_lines(answers: Mapping[str, Any]) -> tuple[ItemLine, ...]:
    out = []
    for item in lawton.SPEC.items:
        value = answers.get(item.code)
        opt = item.option(str(value)) if value is not None else None
        words = f"{opt.code}. {opt.label}" if opt else NOT_ANSWERED
        out.append(ItemLine(item.label, words, opt.points if opt else None))
    return tuple(out)


def _charlson_lines(answers: Mapping[str, Any]) -> tuple[ItemLine, ...]:
    points = charlson.score(answers).item_points
    out = []
    for item in charlson.SPEC.items:
        value = answers.get(item.code)
        words = NOT_ANSWERED if value is None else item.option(charlson.YES if value else charlson.NO).label
        if value and points.get(item.code) == 0:
            words += " — not counted: the more severe grade is ticked"
        out.append(ItemLine(item.label, words, points.get(item.code)))
    return tuple(out)


_LINES = {"katz": _katz_lines, "lawton": _lawton_lines, "charlson": _charlson_lines}


def _missing(code: str, scores: Mapping[str, Any]) -> str:
    items = [e.split(".", 1)[1] for e in scores.get("incomplete", []) if e.startswith(code + ".")]
    if not items:
        return NOT_ANSWERED
    labels = [SPECS[code].item(i).label if i in SPECS[code].item_codes else i for i in items]
    return NOT_ANSWERED + ": " + ", ".join(labels)


def instrument_section(code: str, state: InstrumentState | None, scores: Mapping[str, Any]) -> InstrumentSection:
    """One instrument of a visit, in words. Incomplete is said so, never printed as 0."""
    spec = SPECS[code]
    base: dict[str, Any] = {"code": code, "title": spec.title, "version": state.form_version if state else spec.version}
    total = scores.get(TOTAL_KEYS[code])
    if state is not None and state.not_assessable_reason:
        return InstrumentSection(
            **base, total_text=f"{SHORT[code]} not assessable: {state.not_assessable_reason}", state="not assessable"
        )
    if code == "ecog":
        return _ecog_section(base, state)
    if state is None or (state.answers is None and state.total is None):
        return InstrumentSection(**base, total_text=total_text(code, None, NOT_ANSWERED), state="not recorded")
    if state.answers is None:
        return InstrumentSection(
            **base, total_text=total_text(code, total, "total from paper records, no item answers"), state="paper total"
        )
    lines = _LINES[code](state.answers)
    if total is None:
        return InstrumentSection(
            **base, total_text=total_text(code, None, _missing(code, scores)), state="incomplete", lines=lines
        )
    notes = tuple(f for f in scores.get("flags", []) if f.startswith(code))
    return InstrumentSection(**base, total_text=total_text(code, total), state="complete", lines=lines, notes=notes)


def _ecog_section(base: dict[str, Any], state: InstrumentState | None) -> InstrumentSection:
    if state is None or state.total is None:
        return InstrumentSection(
            **base, total_text="ECOG not recorded (optional; the simplified score needs it)", state="not recorded"
        )
    opt = ecog.SPEC.items[0].option(str(state.total))
    return InstrumentSection(
        **base,
        total_text=total_text("ecog", state.total),
        state="complete",
        lines=(ItemLine(ecog.SPEC.items[0].label, opt.label, opt.points),),
    )


def item_change_words(change: str) -> str:
    """ "finances: option 1 → 3" → "Lawton IADL, Ability to handle finances: option 1 → 3 (Manages … → Incapable …)"."""
    code, _, tail = change.partition(": ")
    for instrument in ("katz", "lawton", "charlson"):
        spec = SPECS[instrument]
        if code in spec.item_codes:
            item = spec.item(code)
            return f"{SHORT[instrument]}, {item.label}: {tail}{_option_words(instrument, item.code, tail)}"
    return change


def _option_words(instrument: str, code: str, tail: str) -> str:
    if instrument != "lawton" or not tail.startswith("option "):
        return ""
    before, _, after = tail[len("option ") :].partition(" → ")
    item = lawton.SPEC.item(code)
    try:
        return f" ({item.option(before).label} → {item.option(after).label})"
    except KeyError:
        return ""
