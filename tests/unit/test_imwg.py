"""IMWG and simplified frailty scores, age in completed years (docs/clinical-rules.md sections 5 and 6)."""

from __future__ import annotations

from datetime import date

import pytest

from cga_desk.forms.imwg import age_in_completed_years, age_points, imwg, simplified_frailty


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(1950, 6, 15), date(2026, 6, 14), 75),
        (date(1950, 6, 15), date(2026, 6, 15), 76),
        (date(1948, 2, 29), date(2026, 2, 28), 77),
        (date(1948, 2, 29), date(2026, 3, 1), 78),
        (date(2000, 1, 1), date(2000, 1, 1), 0),
    ],
)
def test_age_is_floor_of_completed_years(birth: date, on: date, age: int) -> None:
    assert age_in_completed_years(birth, on) == age


@pytest.mark.parametrize(("age", "points"), [(75, 0), (76, 1), (80, 1), (81, 2), (99, 2)])
def test_age_points(age: int, points: int) -> None:
    assert age_points(age) == points


def test_over_80_is_frail_on_age_alone_and_says_so() -> None:
    result = imwg(81, 6, 8, 0)
    assert (result.score, result.category) == (2, "frail")
    assert "frail on age alone" in result.provenance[0]


def test_provenance_names_each_point() -> None:
    result = imwg(70, 6, 5, 1)
    assert "IADL 5/8 ≤ 5 → +1" in result.provenance
    assert "ADL 6/6 ≥ 5 → +0" in result.provenance
    assert "CCI 1 ≤ 1 → +0" in result.provenance


@pytest.mark.parametrize(
    ("ecog", "score", "category"), [(0, 1, "non-frail"), (1, 2, "frail"), (2, 3, "frail"), (4, 3, "frail")]
)
def test_simplified_score_ecog_points(ecog: int, score: int, category: str) -> None:
    assert simplified_frailty(78, 1, ecog) == {"score": score, "category": category}
