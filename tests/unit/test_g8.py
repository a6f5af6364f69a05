"""G8 (Bellera 2012, docs/clinical-rules.md): every worked case, the half point, the derived age item, the
cut-off, and that G8 never moves the IMWG or the simplified score."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cga_desk.domain.errors import ValidationError
from cga_desk.forms import g8
from cga_desk.forms.document import score_document
from tests.conftest import load_jsonl

CASES = load_jsonl("g8.jsonl")
SCORED = [c for c in CASES if "expect" in c]
REFUSED = [c for c in CASES if "refuse_field" in c]


@pytest.mark.parametrize("case", SCORED, ids=[c["id"] for c in SCORED])
def test_case_scores_as_expected(case: dict[str, Any]) -> None:
    result = score_document(case["input"])
    for key, expected in case["expect"].items():
        assert result[key] == expected, f"{case['id']} {key}"
    if case.get("incomplete"):
        assert any(e.startswith("g8.") for e in result["incomplete"])


@pytest.mark.parametrize("case", REFUSED, ids=[c["id"] for c in REFUSED])
def test_refused_case_names_the_field(case: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as info:
        score_document(case["input"])
    assert case["refuse_field"] in info.value.field


def test_there_are_cases() -> None:
    assert len(SCORED) >= 20 and len(REFUSED) >= 2


@pytest.mark.parametrize(("age", "points"), [(60, 2), (79, 2), (80, 1), (85, 1), (86, 0), (99, 0)])
def test_age_item_is_derived_from_the_age_at_the_visit(age: int, points: int) -> None:
    assert g8.age_points(age) == points


def test_age_cannot_be_given_as_an_answer() -> None:
    with pytest.raises(ValidationError) as info:
        score_document({"age_years": 70, "g8": {"age": 2}})
    assert info.value.field == "g8.age"


ITEMS = g8.SPEC.items
answers = st.fixed_dictionaries({it.code: st.sampled_from([o.points for o in it.options]) for it in ITEMS})
core = {"katz": 6, "lawton": 8, "charlson": 1, "ecog": 1}


@given(answers, st.integers(min_value=40, max_value=110))
def test_total_cutoff_and_independence_from_imwg(g8_answers: dict[str, float], age: int) -> None:
    with_g8 = score_document({"age_years": age, **core, "g8": g8_answers})
    without = score_document({"age_years": age, **core})
    total = sum(g8_answers.values()) + g8.age_points(age)
    assert with_g8["g8"] == {"total": total, "abnormal": total <= 14}
    assert 0 <= total <= 17 and float(total * 2).is_integer()
    assert (with_g8["imwg"], with_g8["simplified_frailty"]) == (without["imwg"], without["simplified_frailty"])
    assert without["g8"] is None
