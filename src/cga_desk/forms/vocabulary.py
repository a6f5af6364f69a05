"""The words of the codes a person reads (visit statuses, roles, sexes, index diseases, milestones, schedule
statuses, timepoint labels), in the language of the screen or report. The codes themselves are stored and
exported unchanged; only these words are translated (cga_desk.i18n, context "vocabulary")."""

from __future__ import annotations

import re

from ..domain.records import INDEX_DISEASES
from ..i18n import QT_TRANSLATE_NOOP, translate
from .schedule import MILESTONE_LABELS, UNSCHEDULED

CONTEXT = "vocabulary"
_WORDS: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("vocabulary", "draft"),
    "complete": QT_TRANSLATE_NOOP("vocabulary", "complete"),
    "signed": QT_TRANSLATE_NOOP("vocabulary", "signed"),
    "nurse": QT_TRANSLATE_NOOP("vocabulary", "nurse"),
    "physician": QT_TRANSLATE_NOOP("vocabulary", "physician"),
    "admin": QT_TRANSLATE_NOOP("vocabulary", "admin"),
    "female": QT_TRANSLATE_NOOP("vocabulary", "female"),
    "male": QT_TRANSLATE_NOOP("vocabulary", "male"),
    "other": QT_TRANSLATE_NOOP("vocabulary", "other"),
    "unknown": QT_TRANSLATE_NOOP("vocabulary", "unknown"),
    "patient": QT_TRANSLATE_NOOP("vocabulary", "patient"),
    "proxy": QT_TRANSLATE_NOOP("vocabulary", "proxy"),
    "both": QT_TRANSLATE_NOOP("vocabulary", "both"),
    "done": QT_TRANSLATE_NOOP("vocabulary", "done"),
    "upcoming": QT_TRANSLATE_NOOP("vocabulary", "upcoming"),
    "due": QT_TRANSLATE_NOOP("vocabulary", "due"),
    "missed": QT_TRANSLATE_NOOP("vocabulary", "missed"),
    "overdue": QT_TRANSLATE_NOOP("vocabulary", "overdue"),
}
_LABELS = (  # the English words of forms and domain tables, marked here for the catalogue
    QT_TRANSLATE_NOOP("vocabulary", "Primary plasma cell leukaemia"),
    QT_TRANSLATE_NOOP("vocabulary", "Secondary plasma cell leukaemia"),
    QT_TRANSLATE_NOOP("vocabulary", "Multiple myeloma"),
    QT_TRANSLATE_NOOP("vocabulary", "Smouldering myeloma"),
    QT_TRANSLATE_NOOP("vocabulary", "AL amyloidosis"),
    QT_TRANSLATE_NOOP("vocabulary", "Other"),
    QT_TRANSLATE_NOOP("vocabulary", "Diagnosis"),
    QT_TRANSLATE_NOOP("vocabulary", "Induction start"),
    QT_TRANSLATE_NOOP("vocabulary", "CAR-T infusion"),
    QT_TRANSLATE_NOOP("vocabulary", "Consolidation start"),
    QT_TRANSLATE_NOOP("vocabulary", "Maintenance start"),
    QT_TRANSLATE_NOOP("vocabulary", "Unscheduled"),
    QT_TRANSLATE_NOOP("vocabulary", "Baseline"),
    QT_TRANSLATE_NOOP("vocabulary", "End of induction"),
    QT_TRANSLATE_NOOP("vocabulary", "CAR-T + 1 month"),
    QT_TRANSLATE_NOOP("vocabulary", "End of consolidation"),
    QT_TRANSLATE_NOOP("vocabulary", "Follow-up month {month}"),
)
_REPEATING = re.compile(r"^Follow-up month (\d+|…)$")


def word(code: str | None) -> str:
    """A status, role, sex, respondent or schedule-status code in words ('' for none)."""
    if not code:
        return ""
    return translate(CONTEXT, _WORDS.get(code, code))


def disease(code: str | None) -> str:
    return translate(CONTEXT, INDEX_DISEASES.get(code or "", code or ""))


def milestone(kind: str) -> str:
    return translate(CONTEXT, MILESTONE_LABELS.get(kind, kind))


def timepoint(label: str | None) -> str:
    """A stored timepoint label ('Baseline', 'Follow-up month 6', a clinic's own) in words."""
    if not label:
        return ""
    repeating = _REPEATING.match(label)
    if repeating:
        return translate(CONTEXT, "Follow-up month {month}").replace("{month}", repeating.group(1))
    return translate(CONTEXT, label)


__all__ = ["UNSCHEDULED", "disease", "milestone", "timepoint", "word"]


# The instruments' own wording: context = the instrument's code; the English source is the registry's.
def instrument_text(code: str, text: str) -> str:
    return translate(code, text)


def short_title(instrument: object) -> str:
    return translate(instrument.spec.code, instrument.short_title)  # type: ignore[attr-defined]


def direction(instrument: object) -> str:
    return translate("directions", instrument.spec.direction)  # type: ignore[attr-defined]
