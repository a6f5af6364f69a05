"""Each instrument's answers in words, with points, from the forms SPECs (what a printed visit shows)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.records import InstrumentState
from ..forms import messages, registry, vocabulary
from ..forms.change import ItemChange
from ..forms.definitions import Points
from ..forms.instrument import Instrument
from ..i18n import translate

NOT_ANSWERED = messages.NOT_ANSWERED
INCOMPLETE = messages.INCOMPLETE


@dataclass(frozen=True)
class ItemLine:
    label: str
    answer: str  # the option's wording, or "not answered"
    points: Points | None  # None when not answered


@dataclass(frozen=True)
class InstrumentSection:
    code: str
    title: str
    version: str
    total_text: str  # "Katz ADL 5/6, higher = more independent" or "Katz ADL incomplete (...)"
    state: str  # complete, incomplete, not assessable, not recorded, paper total
    lines: tuple[ItemLine, ...] = ()
    notes: tuple[str, ...] = ()


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def total_text(code: str, total: Points | None, detail: str = "") -> str:
    inst = registry.BY_CODE[code]
    title = vocabulary.short_title(inst)
    if total is None:
        return f"{title} {messages.words(INCOMPLETE)}" + (f" ({detail})" if detail else "")
    out_of = f"/{inst.spec.max_total}" if inst.shows_out_of else ""
    return f"{title} {_number(total)}{out_of}, {vocabulary.direction(inst)}" + (f" ({detail})" if detail else "")


def _lines(inst: Instrument, answers: Mapping[str, Any], scores: Mapping[str, Any]) -> tuple[ItemLine, ...]:
    points = inst.score(answers, scores.get("age_years")).item_points
    out = []
    for item in inst.spec.items:
        opt = inst.to_option(item, answers.get(item.code))
        words = messages.words(NOT_ANSWERED) if opt is None else translate(inst.code, inst.answer_text(item, opt))
        if opt is not None and opt.points and points.get(item.code) == 0 and inst.not_counted_reason():
            words += translate("wording", " — not counted: {not_counted_reason}").format(
                not_counted_reason=inst.not_counted_reason()
            )
        out.append(ItemLine(translate(inst.code, item.label), words, points.get(item.code)))
    out += [ItemLine(label, words, pts) for label, words, pts in inst.derived_lines(scores)]
    return tuple(out)


def _missing(inst: Instrument, scores: Mapping[str, Any]) -> str:
    items = [e.split(".", 1)[1] for e in scores.get("incomplete", []) if e.startswith(inst.code + ".")]
    if not items:
        return messages.words(NOT_ANSWERED)
    labels = [translate(inst.code, inst.spec.item(i).label) if i in inst.spec.item_codes else i for i in items]
    return messages.words(NOT_ANSWERED) + ": " + ", ".join(labels)


def short_answer(inst: Instrument, item: Any, option: Any) -> str:
    """An answer as a grid cell shows it: the form's words, a Katz answer only up to its colon
    ("Independent", not the whole definition that follows it on the form)."""
    words = translate(inst.code, inst.answer_text(item, option))
    for colon in (":", "："):
        head, found, _ = words.partition(colon)
        if found and head.strip():
            return head.strip()
    return words


def entry_words(entry: str) -> str:
    """One entry of a visit's `incomplete` list in words: "age_years" → "age", "katz" → "Katz ADL: not
    answered", "lawton.transportation" → "Lawton IADL, Ability to use transportation" (never the code)."""
    if entry == "age_years":
        return translate("wording", "age (no birth date)")
    code, _, item = entry.partition(".")
    inst = registry.BY_CODE.get(code)
    if inst is None:
        return entry.replace("_", " ")
    title = vocabulary.short_title(inst)
    if not item:
        return f"{title}: {messages.words(NOT_ANSWERED)}"
    label = translate(inst.code, inst.spec.item(item).label) if item in inst.spec.item_codes else item.replace("_", " ")
    return f"{title}, {label}"


_BOTH_TICKED = re.compile(r"^(\w+): (\w+) and (\w+) both ticked; only (\w+) counted$")


def flag_words(flag: str) -> str:
    """A scoring note in words: "charlson: mild_liver_disease and … both ticked" → the conditions' labels."""
    found = _BOTH_TICKED.match(flag)
    inst = registry.BY_CODE.get(found.group(1)) if found else None
    if found is None or inst is None or not {found.group(2), found.group(3)} <= set(inst.spec.item_codes):
        return flag
    mild, severe = (translate(inst.code, inst.spec.item(found.group(i)).label) for i in (2, 3))
    return translate("wording", "{mild} and {severe} both ticked; only {severe} is counted").format(
        mild=mild, severe=severe
    )


def instrument_section(code: str, state: InstrumentState | None, scores: Mapping[str, Any]) -> InstrumentSection:
    """One instrument of a visit, in words. Incomplete is said so, never printed as 0."""
    inst = registry.BY_CODE[code]
    base: dict[str, Any] = {
        "code": code,
        "title": translate(inst.code, inst.spec.title),
        "version": state.form_version if state else inst.spec.version,
    }
    total = inst.total_of(scores)
    if state is not None and state.not_assessable_reason:
        return InstrumentSection(
            **base,
            total_text=translate("wording", "{short_title} not assessable: {not_assessable_reason}").format(
                short_title=vocabulary.short_title(inst), not_assessable_reason=state.not_assessable_reason
            ),
            state="not assessable",
        )
    if not inst.item_columns:  # one item whose answer is the total (ECOG)
        return _single_item_section(inst, base, state)
    if state is None or (state.answers is None and state.total is None):
        if not inst.required:
            return InstrumentSection(
                **base,
                total_text=translate("wording", "{short_title} not recorded (optional)").format(
                    short_title=vocabulary.short_title(inst)
                ),
                state="not recorded",
            )
        return InstrumentSection(
            **base, total_text=total_text(code, None, messages.words(NOT_ANSWERED)), state="not recorded"
        )
    if state.answers is None:
        return InstrumentSection(
            **base,
            total_text=total_text(code, total, translate("wording", "total from paper records, no item answers")),
            state="paper total",
        )
    lines = _lines(inst, state.answers, scores)
    if total is None:
        return InstrumentSection(
            **base, total_text=total_text(code, None, _missing(inst, scores)), state="incomplete", lines=lines
        )
    notes = tuple(flag_words(f) for f in scores.get("flags", []) if f.startswith(code))
    detail = inst.verdict(scores)
    return InstrumentSection(
        **base, total_text=total_text(code, total, detail), state="complete", lines=lines, notes=notes
    )


def _single_item_section(inst: Instrument, base: dict[str, Any], state: InstrumentState | None) -> InstrumentSection:
    if state is None or state.total is None:
        return InstrumentSection(
            **base,
            total_text=translate(
                "wording", "{short_title} not recorded (optional; the simplified score needs it)"
            ).format(short_title=vocabulary.short_title(inst)),
            state="not recorded",
        )
    item = inst.spec.items[0]
    opt = inst.to_option(item, state.total)
    return InstrumentSection(
        **base,
        total_text=total_text(inst.code, state.total),
        state="complete",
        lines=(
            ItemLine(
                translate(inst.code, item.label),
                translate(inst.code, opt.label) if opt else str(state.total),
                opt.points if opt else None,
            ),
        ),
    )


def item_change_words(change: ItemChange) -> str:
    """One item's change from baseline in words, with its instrument (forms.messages: the one catalogue)."""
    return messages.item_change(change, with_instrument=True)
