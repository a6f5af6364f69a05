"""Validation of the assessment document (docs/clinical-rules.md section 10): refuse by field, never half-score."""

from __future__ import annotations

from typing import Any

import pytest

from cga_desk.domain.errors import ValidationError
from cga_desk.forms.document import assessment_to_document, parse_assessment, score_document

KATZ = {c: "independent" for c in ("bathing", "dressing", "toileting", "transferring", "continence", "feeding")}
LAWTON = {
    d: 1
    for d in (
        "telephone",
        "shopping",
        "food_preparation",
        "housekeeping",
        "laundry",
        "transportation",
        "medications",
        "finances",
    )
}
GOOD: dict[str, Any] = {
    "birth_date": "1949-05-02",
    "assessment_date": "2026-03-10",
    "katz": KATZ,
    "lawton": LAWTON,
    "charlson": [],
}


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"birth_date": "1949-02-30"}, "birth_date"),
        ({"assessment_date": "10/03/2026"}, "assessment_date"),
        ({"assessment_date": "1940-01-01"}, "assessment_date"),
        ({"katz": {**KATZ, "bathing": "sometimes"}}, "katz.bathing"),
        ({"katz": {**KATZ, "walking": "independent"}}, "katz.walking"),
        ({"katz": 6.0}, "katz"),
        ({"katz": True}, "katz"),
        ({"lawton": 9}, "lawton"),
        ({"lawton": {**LAWTON, "laundry": 4}}, "lawton.laundry"),
        ({"lawton": {**LAWTON, "finances": 0}}, "lawton.finances"),
        ({"lawton": {**LAWTON, "shopping": "1"}}, "lawton.shopping"),
        ({"charlson": 38}, "charlson"),
        ({"charlson": ["aids", "aids"]}, "charlson"),
        ({"charlson": "aids"}, "charlson"),
        ({"ecog": 5}, "ecog"),
        ({"ecog": -1}, "ecog"),
        ({"age_years": 80}, "age_years"),
        ({"adl_dependency": 1}, "adl_dependency"),
        ({"lawtn": LAWTON}, "lawtn"),
    ],
)
def test_bad_document_is_refused_naming_the_field(change: dict[str, Any], named: str) -> None:
    with pytest.raises(ValidationError) as info:
        score_document({**GOOD, **change})
    assert info.value.field == named and named in str(info.value)


def test_not_an_object_is_refused() -> None:
    with pytest.raises(ValidationError, match="document"):
        score_document([1, 2])


def test_missing_instrument_makes_dependent_scores_null_and_is_listed() -> None:
    result = score_document({k: v for k, v in GOOD.items() if k != "lawton"})
    assert result["lawton_iadl"] is None and result["imwg"] is None and result["iadl_dependency"] is None
    assert result["katz_adl"] == 6 and result["cci"] == 0
    assert "lawton" in result["incomplete"]


def test_unanswered_item_is_never_counted_as_zero() -> None:
    result = score_document({**GOOD, "katz": {**KATZ, "feeding": None}})
    assert result["katz_adl"] is None and result["imwg"] is None
    assert "katz.feeding" in result["incomplete"]


def test_missing_dates_make_age_incomplete() -> None:
    result = score_document({k: v for k, v in GOOD.items() if k != "assessment_date"})
    assert result["age_years"] is None and result["imwg"] is None and "age_years" in result["incomplete"]


def test_matching_age_with_dates_is_accepted() -> None:
    assert score_document({**GOOD, "age_years": 76})["age_years"] == 76


def test_both_members_of_a_pair_flagged() -> None:
    result = score_document({**GOOD, "charlson": ["mild_liver_disease", "moderate_severe_liver_disease"]})
    assert result["cci"] == 3 and any("mild_liver_disease" in f for f in result["flags"])


def test_result_carries_scoring_version_and_provenance() -> None:
    result = score_document(GOOD)
    assert result["scoring_version"].startswith("cga-desk-scoring/")
    assert result["age_years"] == 76  # born 1949-05-02, assessed 2026-03-10 (the spec's example)
    assert result["imwg"] == {
        "score": 1,
        "category": "intermediate",
        "points": {"age": 1, "cci": 0, "adl": 0, "iadl": 0},
    }
    assert result["imwg_provenance"] == [
        "Age 76 (76-80) → +1",
        "CCI 0 ≤ 1 → +0",
        "ADL 6/6 ≥ 5 → +0",
        "IADL 8/8 ≥ 6 → +0",
    ]


def test_document_round_trips() -> None:
    doc = {**GOOD, "charlson": ["dementia", "aids"], "ecog": 2}
    assert assessment_to_document(parse_assessment(doc)) == doc
