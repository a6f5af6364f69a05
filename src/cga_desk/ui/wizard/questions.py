"""The wizard's questions, rendered from the forms/ definitions (no clinical rule is decided here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...domain.records import RESPONDENTS, VisitView
from ...forms import charlson, ecog, katz, lawton

STEP_SHORT = {
    "visit": "Visit",
    "katz": "Katz ADL",
    "lawton": "Lawton IADL",
    "charlson": "Charlson",
    "ecog": "ECOG",
    "review": "Review",
}
STEP_TITLES = {
    "visit": "Visit",
    "katz": katz.SPEC.title,
    "lawton": lawton.SPEC.title,
    "charlson": charlson.SPEC.title,
    "ecog": ecog.SPEC.title,
    "review": "Review and complete",
}


@dataclass(frozen=True)
class Choice:
    key: str  # the digit that picks it
    label: str
    value: Any  # what is saved
    name: str  # accessible name, e.g. "katz.bathing.dependent"


@dataclass(frozen=True)
class Question:
    step: str  # visit, katz, lawton, charlson, ecog, review, charlson_confirm
    item: str
    title: str
    help: str
    choices: tuple[Choice, ...]

    @property
    def key(self) -> str:
        return f"{self.step}.{self.item}"


def _respondent() -> Question:
    words = {"patient": "The patient", "proxy": "A proxy (family member or carer)", "both": "Both patient and proxy"}
    return Question(
        "visit",
        "respondent",
        "Who is answering?",
        "Record who gave the answers at this visit.",
        tuple(Choice(str(i), words[r], r, f"visit.respondent.{r}") for i, r in enumerate(RESPONDENTS, 1)),
    )


def _katz(item: Any) -> Question:
    return Question(
        "katz",
        item.code,
        item.label,
        item.help,
        tuple(Choice(str(i), o.label, o.code, f"katz.{item.code}.{o.code}") for i, o in enumerate(item.options, 1)),
    )


def _lawton(item: Any) -> Question:
    return Question(
        "lawton",
        item.code,
        item.label,
        item.help,
        tuple(
            Choice(
                o.code,
                f"{o.label} ({'scores 1' if o.points else 'scores 0'})",
                int(o.code),
                f"lawton.{item.code}.{o.code}",
            )
            for o in item.options
        ),
    )


def _charlson(q: str | charlson.GradedQuestion) -> Question:
    if isinstance(q, charlson.GradedQuestion):
        return Question(
            "charlson",
            q.code,
            q.label,
            charlson.INDEX_DISEASE_NOTE if q.code == "solid_tumor" else "Only the more severe grade counts.",
            tuple(
                Choice(str(i), label, code, f"charlson.{q.code}.{code}")
                for i, (code, label, _) in enumerate(q.options, 1)
            ),
        )
    item = charlson.SPEC.item(q)
    weight = charlson.WEIGHTS[q]
    return Question(
        "charlson",
        q,
        item.label,
        item.help,
        (
            Choice("1", "No", False, f"charlson.{q}.no"),
            Choice("2", f"Yes (weight {weight})", True, f"charlson.{q}"),
        ),
    )


def _ecog() -> Question:
    item = ecog.SPEC.items[0]
    return Question(
        "ecog",
        "ecog",
        item.label,
        item.help,
        tuple(Choice(o.code, o.label, int(o.code), f"ecog.{o.code}") for o in item.options),
    )


def confirm_question(previous: VisitView) -> Question:
    answers = previous.instruments["charlson"].answers or {}
    ticked = [charlson.SPEC.item(c).label for c in charlson.SPEC.item_codes if answers.get(c)]
    listed = "; ".join(ticked) if ticked else "no comorbidity"
    return Question(
        "charlson_confirm",
        "unchanged",
        "Comorbidities since the last visit",
        f"At the {previous.timepoint} visit of {previous.visit_date.isoformat()}: {listed}.",
        (
            Choice("1", "Unchanged: keep these answers", "unchanged", "charlson.unchanged"),
            Choice("2", "Changed: review each condition", "review", "charlson.review"),
        ),
    )


def build_questions(with_confirm: VisitView | None) -> list[Question]:
    questions = [_respondent()]
    questions += [_katz(i) for i in katz.SPEC.items]
    questions += [_lawton(i) for i in lawton.SPEC.items]
    if with_confirm is not None:
        questions.append(confirm_question(with_confirm))
    questions += [_charlson(q) for q in charlson.question_order()]
    questions.append(_ecog())
    questions.append(Question("review", "review", "Review and complete", "", ()))
    return questions


def current_value(q: Question, visit: VisitView) -> Any:
    """The answer already stored for a question, or None."""
    if q.step == "visit":
        return visit.respondent
    state = visit.instruments.get(q.step)
    if state is None:
        return None
    if q.step == "ecog":
        return state.total
    answers = state.answers or {}
    if q.step == "charlson" and q.item in {g.code for g in charlson.GRADED}:
        return charlson.graded_option(q.item, answers)
    return answers.get(q.item)


def not_assessable(q: Question, visit: VisitView) -> str | None:
    state = visit.instruments.get(q.step)
    return state.not_assessable_reason if state else None
