"""Baseline choice and change from baseline (docs/clinical-rules.md section 8), on hand-made visits."""

from __future__ import annotations

from datetime import date

from cga_desk.forms.change import VisitPoint, baseline_indices, compute_changes, item_changes


def vp(
    day: int,
    katz: int | None,
    lawton: int | None,
    cci: int | None,
    imwg: int | None,
    marked: bool = False,
    category: str | None = None,
) -> VisitPoint:
    return VisitPoint(
        date(2025, 1, day),
        "t",
        marked,
        {"katz_adl": katz, "lawton_iadl": lawton, "cci": cci, "imwg_score": imwg},
        category,
    )


def test_earliest_complete_visit_is_baseline_when_none_marked() -> None:
    visits = [vp(1, 6, None, 0, None), vp(2, 6, 8, 0, 0), vp(3, 5, 8, 0, 0)]
    assert baseline_indices(visits) == [None, 1, 1]


def test_marked_baselines_re_baseline_and_earlier_visits_have_none() -> None:
    visits = [
        vp(1, 6, 8, 0, 0),
        vp(2, 6, 8, 0, 0, marked=True),
        vp(3, 5, 8, 0, 0),
        vp(4, 5, 7, 0, 0, marked=True),
        vp(5, 4, 7, 0, 1),
    ]
    assert baseline_indices(visits) == [None, 1, 1, 3, 3]


def test_no_baseline_is_none_never_zero() -> None:
    changes = compute_changes([vp(1, 6, None, 0, None)])
    assert changes[0].change_from_baseline is None and changes[0].days_from_baseline is None


def test_decline_direction_and_category_transition() -> None:
    visits = [vp(1, 6, 8, 1, 0, category="fit"), vp(31, 5, 8, 2, 2, category="frail")]
    change = compute_changes(visits)[1]
    assert change.change_from_baseline == {"katz_adl": -1, "lawton_iadl": 0, "cci": 1, "imwg_score": 2}
    assert change.declined == ("katz_adl", "cci", "imwg_score")
    assert change.imwg_category_change == "fit -> frail" and change.days_from_baseline == 30
    improved = compute_changes([vp(1, 4, 5, 2, 3, category="frail"), vp(2, 6, 8, 1, 0, category="fit")])[1]
    assert improved.declined == () and improved.imwg_category_change == "frail -> fit"


def test_item_changes_in_words() -> None:
    then = {"katz": {"bathing": "independent"}, "lawton": {"finances": 1}, "charlson": {"dementia": False}}
    now = {"katz": {"bathing": "dependent"}, "lawton": {"finances": 3}, "charlson": {"dementia": True}}
    assert item_changes(now, then) == (
        "bathing: independent → dependent",
        "finances: option 1 → 3",
        "dementia: absent → present",
    )
