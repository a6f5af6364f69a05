"""The wizard's questions, rendered from the forms/ definitions (no clinical rule is decided here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...domain.records import RESPONDENTS, VisitView
from ...forms import messages, registry, vocabulary
from ...forms.instrument import Instrument
from ...forms.instrument import Question as FormQuestion
from ...i18n import format_date
from ..language import translate

STEPS = ("visit", *(i.code for i in registry.INSTRUMENTS), "review")


def step_short(step: str) -> str:
    """A step's name in the step line ("Katz ADL"), in the language of the window."""
    if step in registry.BY_CODE:
        return vocabulary.short_title(registry.BY_CODE[step])
    return translate("questions", "Visit") if step == "visit" else translate("questions", "Review")


def step_title(step: str) -> str:
    """A step's full title ("Katz Index of Independence in Activities of Daily Living")."""
    if step in registry.BY_CODE:
        inst = registry.BY_CODE[step]
        return vocabulary.instrument_text(inst.code, inst.spec.title)
    return translate("questions", "Visit") if step == "visit" else translate("questions", "Review and complete")


CONFIRM = "_confirm"  # suffix of the step that offers to keep the previous visit's answers ("charlson_confirm")
ASK = "_ask"  # suffix of the step that asks whether to record an optional instrument of several questions (G8)
SKIPS = ("unchanged", "skip")  # the gate answers that pass over the instrument's questions


@dataclass(frozen=True)
class Choice:
    key: str  # the digit that picks it
    label: str
    value: Any  # what is saved
    name: str  # accessible name, e.g. "katz.bathing.dependent"


@dataclass(frozen=True)
class Question:
    step: str  # visit, an instrument's code, review, or "<code>_confirm"
    item: str
    title: str
    help: str
    choices: tuple[Choice, ...]

    @property
    def key(self) -> str:
        return f"{self.step}.{self.item}"

    @property
    def instrument(self) -> str:
        """The instrument the question belongs to ("" for the visit's and the review's questions)."""
        code = self.step.removesuffix(CONFIRM).removesuffix(ASK)
        return code if code in registry.BY_CODE else ""


def _respondent() -> Question:
    words = {
        "patient": translate("questions", "The patient"),
        "proxy": translate("questions", "A proxy (family member or carer)"),
        "both": translate("questions", "Both patient and proxy"),
    }
    return Question(
        "visit",
        "respondent",
        translate("questions", "Who is answering?"),
        translate("questions", "Record who gave the answers at this visit."),
        tuple(Choice(str(i), words[r], r, f"visit.respondent.{r}") for i, r in enumerate(RESPONDENTS, 1)),
    )


def _value(inst: Instrument, q: FormQuestion, option_code: str) -> Any:
    """What the services store for a chosen option: the option code of a graded question, else the answer."""
    if inst.sets_several(q.code):
        return option_code
    return inst.to_answer(inst.spec.item(q.code), option_code)


def _question(inst: Instrument, q: FormQuestion) -> Question:
    choices = tuple(
        Choice(
            o.code if inst.keys_are_codes else str(i),
            vocabulary.instrument_text(inst.code, inst.option_label(q, o)),
            _value(inst, q, o.code),
            f"{inst.code}.{q.code}.{o.code}",
        )
        for i, o in enumerate(q.options, 1)
    )
    words = vocabulary.instrument_text
    return Question(inst.code, q.code, words(inst.code, q.label), words(inst.code, q.help), choices)


ITEM_KEYS = "abcdefghijklmnopqstuvwxyz"  # on the "last time" list, a letter changes that item ("r" re-applies)


def confirm_question(inst: Instrument, previous: VisitView) -> Question:
    """The "last time" page of a carried instrument: the page lists every item with the last answer (the
    list is drawn by the page, with this visit's changes marked); 1 keeps them all, a letter changes one."""
    since = format_date(previous.visit_date)
    return Question(
        inst.code + CONFIRM,
        "unchanged",
        translate("questions", "{instrument}: the answers of the last visit ({timepoint}, {date})").format(
            instrument=vocabulary.short_title(inst), timepoint=vocabulary.timepoint(previous.timepoint), date=since
        ),
        translate(
            "questions",
            "Go through the list with the patient. 1: all unchanged; the letter of an item: change that item "
            "(then back to this list); 2: go through every item.",
        ),
        (
            Choice(
                "1",
                translate("questions", "All unchanged since {date} (apart from any marked changed)").format(date=since),
                "unchanged",
                f"{inst.code}.unchanged",
            ),
            Choice("2", translate("questions", "Changed: go through each item"), "review", f"{inst.code}.review"),
        ),
    )


def ask_question(inst: Instrument) -> Question:
    """An optional instrument of several questions is offered first, so one key passes over it."""
    return Question(
        inst.code + ASK,
        "ask",
        translate("questions", "Record the {instrument} at this visit?").format(
            instrument=vocabulary.short_title(inst)
        ),
        translate("questions", "{title} is optional: the visit is complete without it.").format(
            title=vocabulary.instrument_text(inst.code, inst.spec.title)
        ),
        (
            Choice(
                "1",
                translate("questions", "Yes: ask the {count} questions").format(count=len(inst.questions())),
                "ask",
                f"{inst.code}.ask",
            ),
            Choice("2", translate("questions", "Not at this visit"), "skip", f"{inst.code}.skip"),
        ),
    )


def is_gate(q: Question) -> bool:
    """A question that only decides whether the instrument's own questions are asked (nothing is stored)."""
    return q.step.endswith(CONFIRM) or q.step.endswith(ASK)


def build_questions(previous: dict[str, VisitView]) -> list[Question]:
    """Every question in registry order; `previous` names, per instrument that offers it, the visit whose
    answers may be kept unchanged."""
    questions = [_respondent()]
    for inst in registry.INSTRUMENTS:
        if inst.code in previous:
            questions.append(confirm_question(inst, previous[inst.code]))
        elif not inst.required and len(inst.questions()) > 1:
            questions.append(ask_question(inst))
        questions += [_question(inst, q) for q in inst.questions()]
    questions.append(Question("review", "review", translate("questions", "Review and complete"), "", ()))
    return questions


def current_value(q: Question, visit: VisitView) -> Any:
    """The answer already stored for a question, or None."""
    if q.step == "visit":
        return visit.respondent
    if q.step.endswith(ASK):  # asked when any answer is stored
        state = visit.instruments.get(q.instrument)
        return "ask" if state is not None and (state.answers or state.not_assessable_reason) else None
    state = visit.instruments.get(q.step)
    if state is None or not q.instrument:
        return None
    inst = registry.BY_CODE[q.instrument]
    if not inst.item_columns:  # the answer is the total (ECOG)
        return state.total
    answers = state.answers or {}
    if inst.sets_several(q.item):
        return inst.chosen(q.item, answers)
    return answers.get(q.item)


def not_assessable(q: Question, visit: VisitView) -> str | None:
    state = visit.instruments.get(q.step)
    return state.not_assessable_reason if state else None


def answer_label(q: Question, visit: VisitView | None) -> str | None:
    """The answer stored for a question at `visit`, in its option's words up to their explanation
    ("Independent"; None when unanswered)."""
    if visit is None:
        return None
    value = current_value(q, visit)
    if value is None:
        return None
    return next((messages.short_answer(c.label) for c in q.choices if c.value == value), None)


@dataclass(frozen=True)
class AnswerLine:
    """One question's answer at this visit beside the last visit's (carry-forward and the review page)."""

    key: str  # the letter that changes it on the "last time" list
    question: Question
    now: str | None
    last: str | None
    changed: bool  # answered at both visits, differently


def answer_lines(
    questions: list[Question], code: str, visit: VisitView, previous: VisitView | None
) -> list[AnswerLine]:
    """Every question of instrument `code`, its answer now and last time."""
    own = [q for q in questions if q.step == code]
    lines = []
    for key, q in zip(ITEM_KEYS, own, strict=False):
        now, then = current_value(q, visit), current_value(q, previous) if previous is not None else None
        lines.append(
            AnswerLine(
                key,
                q,
                answer_label(q, visit),
                answer_label(q, previous),
                now is not None and then is not None and now != then,
            )
        )
    return lines
