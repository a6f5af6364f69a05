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

from ..domain.assessment import Assessment, CharlsonAnswers, KatzAnswers, LawtonAnswers, ScoreResult
from ..domain.errors import ValidationError
from . import charlson, ecog, imwg, katz, lawton
from .definitions import InstrumentScore

SCORING_VERSION = (
    "cga-desk-scoring/1 (IMWG Palumbo 2015; simplified Facon 2020; "
    f"{katz.SPEC.version}; {lawton.SPEC.version}; {charlson.SPEC.version}; {ecog.SPEC.version})"
)
FIELDS = ("birth_date", "assessment_date", "age_years", "katz", "lawton", "charlson", "ecog")
_DERIVED = {
    "adl_dependency": "katz",
    "iadl_dependency": "lawton",
    "katz_adl": "katz",
    "lawton_iadl": "lawton",
    "cci": "charlson",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_AGE = 130


def _whole(value: Any, field: str, lo: int, hi: int) -> int:
    """A whole number within [lo, hi]; JSON true/false and 6.0 are not whole numbers here."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"expected a whole number {lo}-{hi}, got {value!r}")
    if not lo <= value <= hi:
        raise ValidationError(field, f"{value} is out of range {lo}-{hi}")
    return value


def parse_date(value: Any, field: str) -> date:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValidationError(field, f"{value!r} is not a date (expected YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a date (expected YYYY-MM-DD)") from None


def _items(value: Any, field: str, spec_codes: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ValidationError(field, f"expected a whole-number total or an object of items, got {value!r}")
    for code in value:
        if code not in spec_codes:
            raise ValidationError(f"{field}.{code}", f"unknown item {code!r}; expected one of {', '.join(spec_codes)}")
    return dict(value)


def _parse_katz(value: Any) -> KatzAnswers:
    if value is None or isinstance(value, int) and not isinstance(value, bool):
        return None if value is None else _whole(value, "katz", 0, 6)
    answers = _items(value, "katz", katz.SPEC.item_codes)
    for code, ans in answers.items():
        if ans is not None and ans not in (katz.INDEPENDENT, katz.DEPENDENT):
            raise ValidationError(f"katz.{code}", f"{ans!r} is not an answer; expected 'independent' or 'dependent'")
    return answers


def _parse_lawton(value: Any) -> LawtonAnswers:
    if value is None or isinstance(value, int) and not isinstance(value, bool):
        return None if value is None else _whole(value, "lawton", 0, 8)
    answers = _items(value, "lawton", lawton.SPEC.item_codes)
    for code, opt in answers.items():
        if opt is not None:
            _whole(opt, f"lawton.{code}", 1, len(lawton.SPEC.item(code).options))
    return answers


def _parse_charlson(value: Any) -> CharlsonAnswers:
    """A list of ticked codes (all others absent), a total 0-37, or {code: true/false/null} for drafts."""
    if value is None or isinstance(value, int) and not isinstance(value, bool):
        return None if value is None else _whole(value, "charlson", 0, charlson.NAIVE_MAX)
    codes = charlson.SPEC.item_codes
    if isinstance(value, list):
        for code in value:
            if code not in codes:
                raise ValidationError(
                    "charlson", f"unknown condition {code!r}; expected codes such as {', '.join(codes[:3])}, …"
                )
            if value.count(code) > 1:
                raise ValidationError("charlson", f"condition {code!r} is listed twice")
        return {code: code in value for code in codes}
    answers = _items(value, "charlson", codes)
    for code, ticked in answers.items():
        if ticked is not None and not isinstance(ticked, bool):
            raise ValidationError(f"charlson.{code}", f"expected true, false or null, got {ticked!r}")
    return answers


def _parse_age(doc: Mapping[str, Any]) -> tuple[date | None, date | None, int | None]:
    birth = parse_date(doc["birth_date"], "birth_date") if doc.get("birth_date") is not None else None
    on = parse_date(doc["assessment_date"], "assessment_date") if doc.get("assessment_date") is not None else None
    given = _whole(doc["age_years"], "age_years", 0, MAX_AGE) if doc.get("age_years") is not None else None
    if birth and on:
        if on < birth:
            raise ValidationError("assessment_date", f"{on.isoformat()} is before birth_date {birth.isoformat()}")
        computed = imwg.age_in_completed_years(birth, on)
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
    ecog_value = doc.get("ecog")
    if ecog_value == ecog.DEAD and not isinstance(ecog_value, bool):
        raise ValidationError("ecog", "5 (dead) is not selectable at a visit")
    return Assessment(
        birth_date=birth,
        assessment_date=on,
        age_years=age,
        katz=_parse_katz(doc.get("katz")),
        lawton=_parse_lawton(doc.get("lawton")),
        charlson=_parse_charlson(doc.get("charlson")),
        ecog=None if ecog_value is None else _whole(ecog_value, "ecog", 0, 4),
    )


def _instrument(name: str, answers: Any, scorer: Any) -> tuple[int | None, InstrumentScore | None, list[str]]:
    """(total, item score, incomplete entries) of one instrument given as items, a total or nothing."""
    if answers is None:
        return None, None, [name]
    if isinstance(answers, int):
        return answers, None, []
    result: InstrumentScore = scorer(answers)
    return result.total, result, [f"{name}.{code}" for code in result.missing]


def score_assessment(a: Assessment) -> ScoreResult:
    """Score a validated assessment. Composite scores need every input complete: no imputation."""
    katz_total, katz_s, miss_k = _instrument("katz", a.katz, katz.score)
    lawton_total, lawton_s, miss_l = _instrument("lawton", a.lawton, lawton.score)
    cci, charlson_s, miss_c = _instrument("charlson", a.charlson, charlson.score)
    age = a.age_years
    # ECOG is optional (docs/clinical-rules.md section 6: the simplified score is shown when ECOG is recorded), so its
    # absence is not listed: `incomplete` says why the instruments or the IMWG score are null.
    incomplete = (["age_years"] if age is None else []) + miss_k + miss_l + miss_c
    score = None
    if None not in (age, katz_total, lawton_total, cci):
        score = imwg.imwg(age, katz_total, lawton_total, cci)  # type: ignore[arg-type]
    simplified = None
    if age is not None and cci is not None and a.ecog is not None:
        simplified = imwg.simplified_frailty(age, cci, a.ecog)
    return ScoreResult(
        age_years=age,
        katz_adl=katz_total,
        lawton_iadl=lawton_total,
        cci=cci,
        cci_age_adjusted=None if cci is None or age is None else cci + charlson.age_points(age),
        ecog=a.ecog,
        adl_dependency=None if katz_total is None else katz.SPEC.max_total - katz_total,
        iadl_dependency=None if lawton_total is None else lawton.SPEC.max_total - lawton_total,
        imwg=None if score is None else score.as_dict(),
        simplified_frailty=simplified,
        incomplete=tuple(incomplete),
        scoring_version=SCORING_VERSION,
        imwg_provenance=() if score is None else score.provenance,
        flags=charlson_s.flags if charlson_s else (),
        item_points={
            k: s.item_points for k, s in (("katz", katz_s), ("lawton", lawton_s), ("charlson", charlson_s)) if s
        },
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
    for key in ("katz", "lawton"):
        value = getattr(a, key)
        if value is not None:
            doc[key] = value if isinstance(value, int) else dict(value)
    if isinstance(a.charlson, int):
        doc["charlson"] = a.charlson
    elif a.charlson is not None:
        complete = all(a.charlson.get(c) is not None for c in charlson.SPEC.item_codes)
        doc["charlson"] = [c for c in charlson.SPEC.item_codes if a.charlson.get(c)] if complete else dict(a.charlson)
    if a.ecog is not None:
        doc["ecog"] = a.ecog
    return doc
