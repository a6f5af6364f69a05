"""What every layer needs to know of one instrument, declared once (the registry's entries).

An `Instrument` joins an instrument's wording and points (`InstrumentSpec`) with everything the rest of
the program asks of it: whether a visit needs it, how a document gives it (items, or a total from paper),
how it is scored, which keys it adds to the result document, which columns it has in the analysis
dataset and how an answer is written there, how its changes are judged (a fall or a rise is a decline),
and the questions the guided form asks. The wizard, the live panel, the reports, import, the history
document, the dataset and its codebook iterate `forms.registry.INSTRUMENTS` and never name an
instrument; an instrument whose questions or answers are not one option per item (Charlson's graded
pairs, ECOG's single grade) overrides the methods below in its own module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..domain.errors import ValidationError
from ..i18n import translate
from .definitions import InstrumentScore, InstrumentSpec, Item, Option, Points


@dataclass(frozen=True)
class Question:
    """One question of the guided form: an item, or several items asked as one (Charlson's graded pairs)."""

    code: str  # item code, or the graded question's code
    label: str
    help: str
    options: tuple[Option, ...]  # what the nurse chooses between (codes are the question's option codes)


@dataclass(frozen=True)
class Column:
    """One column of the analysis dataset, with its codebook entry."""

    name: str
    meaning: str
    value_range: str
    direction: str = ""
    kind: str = "integer"  # integer | number | boolean | text | date
    labels: tuple[tuple[str, str], ...] = ()  # machine-readable value labels (value, label) for the codebook


@dataclass(frozen=True)
class ScoreKey:
    """A score that change from baseline is computed for: its key, its label, and the sign of a decline."""

    key: str  # key in the change documents and the `change_<key>` dataset column
    label: str  # words for a person: "Katz ADL"
    decline_sign: int  # -1: a fall is a decline (higher = better); +1: a rise is a decline


def whole_number(value: object, field_name: str, lo: int, hi: int) -> int:
    """A whole number within [lo, hi]; JSON true/false and 6.0 are not whole numbers here."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field_name, f"expected a whole number {lo}-{hi}, got {value!r}")
    if not lo <= value <= hi:
        raise ValidationError(field_name, f"{value} is out of range {lo}-{hi}")
    return value


@dataclass(frozen=True)
class Instrument:
    """An instrument answered one option per item; answers are stored as the option codes.

    Subclasses change how an answer is stored (`to_answer` / `to_option`), how a document gives it
    (`parse`, `to_document`) and how it is scored (`score`).
    """

    spec: InstrumentSpec
    short_title: str  # "Katz ADL": labels, charts, tables
    required: bool  # a visit is complete only when this instrument is complete (or marked not assessable)
    total_key: str  # the total's key in the result document and its visit_scores / dataset column
    change: ScoreKey | None  # how its total's change from baseline is named and judged (None: not compared)
    dependency_key: str = ""  # a derived dependency count (max - total, clinical-rules.md 1), e.g. "adl_dependency"
    accepts_total: bool = False  # a document may give a whole-number total instead of items (paper records)
    in_core_dataset: bool = True  # part of the dataset's original columns (clinical-rules.md 12) or appended after them
    item_columns: bool = True  # one dataset column per item (`<code>_<item>`)
    extra_columns: tuple[Column, ...] = field(default_factory=tuple)  # appended instruments' own columns
    chart_range: tuple[float, float] | None = None  # y axis of its trend chart (default: its whole range)
    shows_out_of: bool = True  # a total is written "5/6" (not for Charlson, whose ceiling is never reached, or ECOG)
    keys_are_codes: bool = False  # the guided form's digit keys are the option codes (ECOG 0-4), not 1, 2, 3…
    offer_unchanged: bool = False  # a follow-up shows the last answers and may keep them with one key (forms/carry.py)

    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def y_range(self) -> tuple[float, float]:
        return self.chart_range or (self.spec.min_total, self.spec.max_total)

    # -- answers ------------------------------------------------------------------------------
    def to_answer(self, item: Item, option_code: str) -> Any:
        """The stored answer for a chosen option."""
        return option_code

    def to_option(self, item: Item, answer: Any) -> Option | None:
        """The option a stored answer stands for (None when unanswered)."""
        if answer is None:
            return None
        for opt in item.options:
            if self.to_answer(item, opt.code) == answer and type(self.to_answer(item, opt.code)) is type(answer):
                return opt
        return None

    def answer_words(self, item_code: str, answer: Any) -> str:
        """An answer in words for a person (the option's wording)."""
        item = self.spec.item(item_code)
        opt = self.to_option(item, answer)
        return "not answered" if opt is None else opt.label

    def item_value(self, item_code: str, answer: Any) -> Points | None:
        """The dataset cell of one item (the option's points unless an instrument says otherwise)."""
        opt = self.to_option(self.spec.item(item_code), answer)
        return None if opt is None else opt.points

    # -- documents ----------------------------------------------------------------------------
    def parse(self, value: Any) -> Any:
        """Validate a document's value for this instrument: the answers (item -> answer), a total, or None."""
        if value is None:
            return None
        if self.accepts_total and isinstance(value, int) and not isinstance(value, bool):
            return whole_number(value, self.code, self.spec.min_total, self.spec.max_total)
        if not isinstance(value, Mapping):
            expected = "a whole-number total or an object of items" if self.accepts_total else "an object of items"
            raise ValidationError(self.code, f"expected {expected}, got {value!r}")
        codes = self.spec.item_codes
        for code, answer in value.items():
            if code not in codes:
                raise ValidationError(
                    f"{self.code}.{code}", f"unknown item {code!r}; expected one of {', '.join(codes)}"
                )
            if answer is not None and self.to_option(self.spec.item(code), answer) is None:
                raise ValidationError(f"{self.code}.{code}", self.bad_answer(self.spec.item(code), answer))
        return dict(value)

    def bad_answer(self, item: Item, answer: Any) -> str:
        choices = ", ".join(repr(self.to_answer(item, o.code)) for o in item.options)
        return f"{answer!r} is not an answer; expected one of {choices}"

    def to_document(self, answers: Any) -> Any:
        """The inverse of `parse`, for export."""
        return answers if isinstance(answers, int) else dict(answers)

    # -- scoring ------------------------------------------------------------------------------
    def score(self, answers: Mapping[str, Any], age_years: int | None) -> InstrumentScore:
        """The sum of the answered items' points; None while any item is unanswered (no imputation)."""
        points: dict[str, Points] = {}
        for code, answer in answers.items():
            opt = self.to_option(self.spec.item(code), answer) if answer is not None else None
            if opt is not None:
                points[code] = opt.points
        missing = tuple(c for c in self.spec.item_codes if c not in points)
        return InstrumentScore(None if missing else _sum(points.values()), points, missing)

    def result_entries(self, total: Points | None, age_years: int | None, given: bool = True) -> dict[str, Any]:
        """The keys this instrument adds to the result document (docs/clinical-rules.md section 10); `given` is False when the
        assessment has no answers to it at all (an optional instrument not asked)."""
        entries: dict[str, Any] = {self.total_key: total}
        if self.dependency_key:
            entries[self.dependency_key] = None if total is None else self.spec.max_total - total
        return entries

    def stored_values(self, total: Points | None, age_years: int | None) -> dict[str, Any]:
        """The visit_scores columns this instrument fills (its total; appended instruments: `extra_columns`)."""
        return {self.total_key: total}

    # -- words for a person (the live panel, the review page, reports) ---------------------------
    def total_of(self, scores: Mapping[str, Any]) -> Any:
        """This instrument's total in a result document (None when incomplete or not recorded)."""
        return scores.get(self.total_key)

    def recorded(self, scores: Mapping[str, Any]) -> bool:
        """Whether a visit's result holds this instrument at all (asked, complete or not)."""
        return self.required or self.total_of(scores) is not None

    def score_text(self, scores: Mapping[str, Any]) -> str:
        """ "Katz ADL 5/6 — higher = more independent"; "incomplete" or "not recorded" when there is no total."""
        total = self.total_of(scores)
        title, direction = translate(self.code, self.short_title), translate("directions", self.spec.direction)
        if total is None:
            state = translate("forms", "incomplete") if self.required else translate("forms", "not recorded")
            return f"{title} {state} — {direction}"
        return f"{title} {_fmt(total)}/{self.spec.max_total} — {direction}"

    def option_label(self, question: Question, option: Option) -> str:
        """An option as the guided form shows it."""
        return option.label

    def answer_text(self, item: Item, option: Option) -> str:
        """A chosen option as a printed visit shows it."""
        return option.label

    def verdict(self, scores: Mapping[str, Any]) -> str:
        """What a complete total means, when the instrument has a cut-off of its own (G8's 14)."""
        return ""

    def both_flags(self) -> tuple[tuple[str, str], ...]:
        """Pairs of items (milder, severer) of which only the severer counts when both are ticked
        (Charlson's graded pairs): the dataset flags a visit where both were."""
        return ()

    def not_counted_reason(self) -> str:
        """Why a ticked option can score 0 (Charlson's pair rule), said beside it on paper."""
        return ""

    def derived_lines(self, scores: Mapping[str, Any]) -> tuple[tuple[str, str, Points], ...]:
        """Scored items that are not asked (G8's age): (label, value in words, points)."""
        return ()

    # -- the guided form ----------------------------------------------------------------------
    def questions(self) -> tuple[Question, ...]:
        return tuple(Question(it.code, it.label, it.help, it.options) for it in self.spec.items)

    def sets_several(self, question: str) -> bool:
        """Whether a question's answer is an option code that sets several items (a graded pair)."""
        return False

    def apply(self, question: str, option_code: str | None) -> dict[str, Any]:
        """The stored answers a chosen option sets (one item, or both members of a graded pair)."""
        item = self.spec.item(question)
        if option_code is None:
            return {question: None}
        if option_code not in item.option_codes:
            raise ValidationError(f"{self.code}.{question}", f"{option_code!r} is not an option")
        return {question: self.to_answer(item, option_code)}

    def chosen(self, question: str, answers: Mapping[str, Any]) -> str | None:
        """The option code the stored answers amount to for one question (None while unanswered)."""
        opt = self.to_option(self.spec.item(question), answers.get(question))
        return None if opt is None else opt.code


def _fmt(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _sum(values: Any) -> Points:
    total = sum(values)
    return int(total) if float(total).is_integer() else total
