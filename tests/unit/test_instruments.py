"""Table tests per instrument, written from docs/clinical-rules.md sections 2-4 and 7, not from the code."""

from __future__ import annotations

import pytest

from cga_desk.forms import charlson, ecog, katz, lawton

ALL_INDEPENDENT = {
    c: "independent" for c in ("bathing", "dressing", "toileting", "transferring", "continence", "feeding")
}

# Section 3, option by option: (domain, option number) -> points.
LAWTON_TABLE = {
    "telephone": [1, 1, 1, 0],
    "shopping": [1, 0, 0, 0],
    "food_preparation": [1, 0, 0, 0],
    "housekeeping": [1, 1, 1, 1, 0],
    "laundry": [1, 1, 0],
    "transportation": [1, 1, 1, 0, 0],
    "medications": [1, 0, 0],
    "finances": [1, 1, 0],
}
LAWTON_LAST_WORDS = {
    "telephone": "does not use the telephone at all",
    "housekeeping": "does not take part in any housekeeping",
    "transportation": "does not travel at all",
    "finances": "incapable of handling money",
}
# Section 4: the nineteen conditions in form order with their weights.
CHARLSON_TABLE = [
    ("myocardial_infarction", 1),
    ("congestive_heart_failure", 1),
    ("peripheral_vascular_disease", 1),
    ("cerebrovascular_disease", 1),
    ("dementia", 1),
    ("chronic_pulmonary_disease", 1),
    ("connective_tissue_disease", 1),
    ("peptic_ulcer_disease", 1),
    ("mild_liver_disease", 1),
    ("diabetes_uncomplicated", 1),
    ("hemiplegia", 2),
    ("moderate_severe_renal_disease", 2),
    ("diabetes_end_organ_damage", 2),
    ("solid_tumor", 2),
    ("leukemia", 2),
    ("lymphoma", 2),
    ("moderate_severe_liver_disease", 3),
    ("metastatic_solid_tumor", 6),
    ("aids", 6),
]


def test_katz_items_in_form_order() -> None:
    assert katz.SPEC.item_codes == tuple(ALL_INDEPENDENT)


@pytest.mark.parametrize("item", list(ALL_INDEPENDENT))
def test_katz_each_dependent_item_costs_one_point(item: str) -> None:
    result = katz.score({**ALL_INDEPENDENT, item: "dependent"})
    assert result.total == 5 and result.item_points[item] == 0


def test_katz_hartford_commode_is_dependent() -> None:
    assert "bedpan or commode" in katz.SPEC.item("toileting").option("dependent").label


def test_katz_missing_item_makes_total_incomplete_not_zero() -> None:
    answers = {**ALL_INDEPENDENT, "feeding": None}
    result = katz.score(answers)
    assert result.total is None and result.missing == ("feeding",)


@pytest.mark.parametrize(
    ("domain", "option", "points"), [(d, n, p) for d, pts in LAWTON_TABLE.items() for n, p in enumerate(pts, start=1)]
)
def test_lawton_every_option_scores_as_the_spec(domain: str, option: int, points: int) -> None:
    best = {d: 1 for d in LAWTON_TABLE}
    result = lawton.score({**best, domain: option})
    assert result.item_points[domain] == points
    assert result.total == 7 + points


def test_lawton_domains_and_option_counts() -> None:
    assert lawton.SPEC.item_codes == tuple(LAWTON_TABLE)
    for domain, pts in LAWTON_TABLE.items():
        assert len(lawton.SPEC.item(domain).options) == len(pts)


@pytest.mark.parametrize(("domain", "words"), list(LAWTON_LAST_WORDS.items()))
def test_lawton_last_option_wording(domain: str, words: str) -> None:
    assert lawton.SPEC.item(domain).options[-1].label.lower().startswith(words)


def test_lawton_worst_options_score_zero() -> None:
    worst = {d: len(p) for d, p in LAWTON_TABLE.items()}
    assert lawton.score(worst).total == 0


def test_charlson_conditions_and_weights() -> None:
    assert [(c, charlson.WEIGHTS[c]) for c in charlson.SPEC.item_codes] == CHARLSON_TABLE
    assert charlson.NAIVE_MAX == 37


def _ticked(*codes: str) -> dict[str, bool]:
    return {c: c in codes for c, _ in CHARLSON_TABLE}


@pytest.mark.parametrize(
    ("mild", "severe", "severe_weight"),
    [
        ("diabetes_uncomplicated", "diabetes_end_organ_damage", 2),
        ("mild_liver_disease", "moderate_severe_liver_disease", 3),
        ("solid_tumor", "metastatic_solid_tumor", 6),
    ],
)
def test_charlson_pair_more_severe_wins_and_is_flagged(mild: str, severe: str, severe_weight: int) -> None:
    result = charlson.score(_ticked(mild, severe))
    assert result.total == severe_weight
    assert len(result.flags) == 1 and mild in result.flags[0]


def test_charlson_everything_ticked_is_33() -> None:
    assert charlson.score(_ticked(*[c for c, _ in CHARLSON_TABLE])).total == 33


def test_charlson_leukaemia_lymphoma_metastatic_add_up() -> None:
    assert charlson.score(_ticked("leukemia", "lymphoma", "metastatic_solid_tumor")).total == 10


def test_charlson_stroke_and_hemiplegia_add_up() -> None:
    assert charlson.score(_ticked("cerebrovascular_disease", "hemiplegia")).total == 3


def test_charlson_unanswered_condition_is_incomplete() -> None:
    answers: dict[str, bool | None] = {**_ticked(), "aids": None}
    result = charlson.score(answers)
    assert result.total is None and result.missing == ("aids",)


def test_charlson_form_says_index_disease_not_counted() -> None:
    for code in ("leukemia", "lymphoma"):
        assert "index disease" in charlson.SPEC.item(code).help


def test_charlson_graded_questions_cover_the_pairs() -> None:
    pairs = {(g.options[1][2], g.options[2][2]) for g in charlson.GRADED}
    assert pairs == set(charlson.PAIRS)
    order = charlson.question_order()
    flat = [q if isinstance(q, str) else q.code for q in order]
    assert len(flat) == 16 and "diabetes" in flat and "diabetes_end_organ_damage" not in flat


@pytest.mark.parametrize(
    ("age", "points"), [(0, 0), (49, 0), (50, 1), (59, 1), (60, 2), (69, 2), (70, 3), (79, 3), (80, 4), (104, 4)]
)
def test_charlson_age_points(age: int, points: int) -> None:
    assert charlson.age_points(age) == points


def test_ecog_grades_0_to_4_selectable() -> None:
    assert [o.code for o in ecog.SPEC.items[0].options] == ["0", "1", "2", "3", "4"]
