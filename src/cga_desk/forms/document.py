"""The assessment document of docs/clinical-rules.md section 10: validation (refuse by field) and scoring.

Used by `cga-desk score`, by import and export, by the services (authoritative scoring on save)
and by the wizard's live panel. Nothing is ever half-scored: a document is either refused whole
with a ValidationError naming the field, or scored; a missing instrument makes the scores that
need it None and is listed in `incomplete`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..domain.assessment import Assessment, ScoreResult
from ..domain.errors import ValidationError
from . import imwg, registry
from .definitions import InstrumentScore
from .instrument import whole_number

SCORING_VERSION = f"cga-desk-scoring/2 (IMWG Palumbo 2015; simplified Facon 2020; {registry.versions()})"

FIELDS = ("birth_date", "assessment_date", "age_years", *registry.CODES)
# Scores are derived, never given: a number without its instrument has no known direction.
_DERIVED = {
    key: i.code for i in registry.INSTRUMENTS for key in (i.total_key, i.dependency_key) if key and key != i.code
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_AGE = 120  # issue 14: an older age is a typing error (9998), refused by name


def parse_date(value: Any, field: str) -> date:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValidationError(field, f"{value!r} is not a date (expected YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a date (expected YYYY-MM-DD)") from None


def _parse_age(doc: Mapping[str, Any]) -> tuple[date | None, date | None, int | None]:
    birth = parse_date(doc["birth_date"], "birth_date") if doc.get("birth_date") is not None else None
    on = parse_date(doc["assessment_date"], "assessment_date") if doc.get("assessment_date") is not None else None
    given = whole_number(doc["age_years"], "age_years", 0, MAX_AGE) if doc.get("age_years") is not None else None
    if birth and on:
        if on < birth:
            raise ValidationError("assessment_date", f"{on.isoformat()} is before birth_date {birth.isoformat()}")
        computed = imwg.age_in_completed_years(birth, on)
        if computed > MAX_AGE:
            raise ValidationError("birth_date", f"{birth.isoformat()} makes an age of {computed}, over {MAX_AGE}")
        if given is not None and given != computed:
            raise ValidationError("age_years", f"{given} disagrees with the dates given (age {computed})")
        given = computed
    return birth, on, given


def parse_assessment(doc: Any) -> Assessment:
    """Validate an assessment document; raise ValidationError naming the first bad field."""
    if not isinstance(doc, Mapping):
        raise ValidationError("document", "expected a JSON object")
    for key in doc:
        if key in _DERIVED:
            raise ValidationError(key, f"is derived, not an input: give {_DERIVED[key]!r} (its direction is known)")
        if key not in FIELDS:
            raise ValidationError(key, f"unknown field; expected {', '.join(FIELDS)}")
    birth, on, age = _parse_age(doc)
    answers = {i.code: i.parse(doc.get(i.code)) for i in registry.INSTRUMENTS}
    return Assessment(birth_date=birth, assessment_date=on, age_years=age, answers=answers)


def _instrument(code: str, answers: Any, age: int | None) -> tuple[Any, InstrumentScore | None, list[str]]:
    """(total, item score, incomplete entries) of one instrument given as items, a total or nothing."""
    if answers is None:
        return None, None, [code]
    if isinstance(answers, int) and not isinstance(answers, bool):
        return answers, None, []
    result = registry.BY_CODE[code].score(answers, age)
    return result.total, result, [f"{code}.{item}" for item in result.missing]


def score_assessment(a: Assessment) -> ScoreResult:
    """Score a validated assessment. Composite scores need every input complete: no imputation."""
    age = a.age_years
    entries: dict[str, Any] = {}
    totals: dict[str, Any] = {}
    item_points: dict[str, dict[str, Any]] = {}
    flags: tuple[str, ...] = ()
    # Optional instruments (ECOG, G8) are not listed when absent: `incomplete` says why the required
    # instruments or the IMWG score are null (docs/clinical-rules.md section 6).
    incomplete = ["age_years"] if age is None else []
    for inst in registry.INSTRUMENTS:
        total, scored, missing = _instrument(inst.code, a.of(inst.code), age)
        totals[inst.code] = total
        entries.update(inst.result_entries(total, age, a.of(inst.code) is not None))
        if scored is not None:
            item_points[inst.code] = scored.item_points
            flags += scored.flags
        if inst.required or a.of(inst.code) is not None:
            incomplete += missing if inst.required else [m for m in missing if m != inst.code]
    adl, iadl, cci = totals["katz"], totals["lawton"], totals["charlson"]
    score = None
    if age is not None and adl is not None and iadl is not None and cci is not None:
        score = imwg.imwg(age, adl, iadl, cci)
    simplified = None
    if age is not None and cci is not None and totals["ecog"] is not None:
        simplified = imwg.simplified_frailty(age, cci, totals["ecog"])
    return ScoreResult(
        age_years=age,
        entries=entries,
        totals=totals,
        imwg=None if score is None else score.as_dict(),
        simplified_frailty=simplified,
        incomplete=tuple(incomplete),
        scoring_version=SCORING_VERSION,
        imwg_provenance=() if score is None else score.provenance,
        flags=flags,
        item_points=item_points,
    )


def score_document(doc: Any) -> dict[str, Any]:
    """Validate and score one assessment document; returns the result document of section 10."""
    return score_assessment(parse_assessment(doc)).as_dict()


def assessment_to_document(a: Assessment) -> dict[str, Any]:
    """The inverse of parse_assessment, for export: Charlson as the list of ticked codes when complete."""
    doc: dict[str, Any] = {}
    if a.birth_date and a.assessment_date:
        doc["birth_date"], doc["assessment_date"] = a.birth_date.isoformat(), a.assessment_date.isoformat()
    elif a.age_years is not None:
        doc["age_years"] = a.age_years
    for inst in registry.INSTRUMENTS:
        value = a.of(inst.code)
        if value is not None:
            doc[inst.code] = inst.to_document(value)
    return doc
