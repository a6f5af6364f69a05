"""Every worked case of tests/data (the reference vectors) must score exactly as expected, or be refused by name."""

from __future__ import annotations

import pytest

from cga_desk.domain.errors import ValidationError
from cga_desk.forms.document import score_document
from tests.conftest import load_jsonl

CASES = load_jsonl("cases.jsonl")
REFUSED = load_jsonl("refused.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_scores_as_expected(case: dict) -> None:
    result = score_document(case["input"])
    for key, expected in case["expect"].items():
        assert result[key] == expected, f"{case['id']} {key}"


@pytest.mark.parametrize("case", REFUSED, ids=[c["id"] for c in REFUSED])
def test_refused_case_names_the_field(case: dict) -> None:
    with pytest.raises(ValidationError) as info:
        score_document(case["input"])
    assert case["refused_naming"] in str(info.value)


def test_there_are_vectors() -> None:
    assert len(CASES) >= 30 and len(REFUSED) >= 3
