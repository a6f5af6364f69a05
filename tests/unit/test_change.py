"""Baseline and change from baseline (docs/clinical-rules.md sections 8 and 11): the one rule of forms.change, for
one patient (compute_changes) and for a cohort (the array functions), on hand-made visits and on the
shared reference histories."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from cga_desk.forms import change as rule
from cga_desk.forms import messages
from cga_desk.forms.change import VisitPoint, baseline_indices, compute_changes, compute_changes_of, item_changes
from tests.conftest import load_jsonl

START = date(2025, 1, 1)


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
        START + timedelta(day - 1),
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
    changes = compute_changes(visits)
    assert changes[0].change_from_baseline is None and changes[0].baseline_date is None
    assert changes[2].change_from_baseline == {"katz_adl": -1, "lawton_iadl": 0, "cci": 0, "imwg_score": 0}
    assert changes[4].baseline_date == visits[3].visit_date and changes[4].days_from_baseline == 1
    assert changes[4].change_from_baseline == {"katz_adl": -1, "lawton_iadl": 0, "cci": 0, "imwg_score": 1}


def test_a_same_day_visit_entered_before_the_mark_counts_it() -> None:
    visits = [vp(1, 6, 8, 1, 0), vp(5, 6, 8, 1, 0), vp(5, 6, 8, 1, 0, marked=True), vp(9, 6, 8, 1, 0, marked=True)]
    assert baseline_indices(visits) == [None, 2, 2, 3]


def test_no_complete_visit_means_no_baseline_never_zero() -> None:
    changes = compute_changes([vp(1, 6, None, 0, None), vp(2, None, 8, 0, None)])
    assert all(c.change_from_baseline is None and c.days_from_baseline is None for c in changes)
    assert all(c.declined == () and c.item_changes == () for c in changes)
    assert changes[1].change_from_previous == {"katz_adl": None, "lawton_iadl": None, "cci": 0, "imwg_score": None}


def test_an_incomplete_side_is_none_not_zero() -> None:
    changes = compute_changes([vp(1, 6, 8, 0, 0), vp(2, 6, None, 0, None)])
    assert changes[1].change_from_baseline == {"katz_adl": 0, "lawton_iadl": None, "cci": 0, "imwg_score": None}
    assert changes[0].change_from_previous is None and changes[1].declined == ()


def test_decline_direction_and_category_transition() -> None:
    visits = [vp(1, 6, 8, 1, 0, category="fit"), vp(31, 5, 8, 2, 2, category="frail")]
    change = compute_changes(visits)[1]
    assert change.change_from_baseline == {"katz_adl": -1, "lawton_iadl": 0, "cci": 1, "imwg_score": 2}
    assert change.declined == ("katz_adl", "cci", "imwg_score")
    assert change.imwg_category_change == "fit -> frail" and change.days_from_baseline == 30
    improved = compute_changes([vp(1, 4, 5, 2, 3, category="frail"), vp(2, 6, 8, 1, 0, category="fit")])[1]
    assert improved.declined == () and improved.imwg_category_change == "frail -> fit"


def test_changes_are_whole_numbers_in_documents() -> None:
    change = compute_changes([vp(1, 6, 8, 1, 0), vp(2, 5, 8, 1, 0)])[1].change_from_baseline
    assert change is not None and all(type(v) is int for v in change.values())


def test_the_cohort_arrays_keep_patients_apart() -> None:
    """Two patients in one set of arrays: a baseline never crosses to the next patient, nor a previous visit."""
    patient = np.array([1, 1, 2, 2, 2])
    day = np.array(["2025-01-01", "2025-02-01", "2025-01-01", "2025-01-10", "2025-03-01"], dtype="datetime64[D]")
    marked = np.array([False, False, False, True, False])
    scores = {
        "katz_adl": np.array([6.0, 5, 6, 6, 4]),
        "lawton_iadl": np.array([8.0, 8, np.nan, 8, 8]),
        "cci": np.array([0.0, 0, 0, 0, 1]),
        "imwg_score": np.array([0.0, 0, np.nan, 0, 2]),
    }
    base = rule.baseline_positions(patient, day, marked, rule.instruments_complete(scores))
    assert base.tolist() == [0, 0, rule.NO_BASELINE, 3, 3]
    change = rule.changes_from_baseline(scores, base)
    assert np.isnan(change["katz_adl"][2]) and change["katz_adl"].tolist()[3:] == [0, -2]
    previous = rule.changes_from_previous(scores, patient)
    assert np.isnan(previous["katz_adl"][[0, 2]]).all() and previous["katz_adl"][1] == -1
    assert rule.days_from_baseline(day, base).tolist()[3:] == [0, 50]
    assert rule.declines(change)["katz_adl"].tolist() == [False, True, False, False, True]


def test_item_changes_are_facts_and_the_catalogue_words_them() -> None:
    then = {
        "katz": {"bathing": "independent"},
        "lawton": {"finances": 1, "telephone": 1},
        "charlson": {"dementia": False},
    }
    now = {"katz": {"bathing": "dependent"}, "lawton": {"finances": 3, "telephone": 3}, "charlson": {"dementia": True}}
    changes = item_changes(now, then)
    assert [(c.instrument, c.item, c.from_answer, c.to_answer) for c in changes] == [
        ("katz", "bathing", "independent", "dependent"),
        ("lawton", "telephone", 1, 3),
        ("lawton", "finances", 1, 3),
        ("charlson", "dementia", False, True),
    ]
    # Decline from the options' points: telephone options 1 and 3 both score 1 (Lawton 1969), so neither.
    assert [(c.is_decline, c.is_improvement) for c in changes] == [
        (True, False),
        (False, False),
        (True, False),
        (True, False),
    ]
    assert changes[2].from_option is not None and changes[2].from_option.points == 1
    assert messages.item_change(changes[2]) == (
        "Ability to handle finances: Manages financial matters independently (budgets, pays bills, goes to the "
        "bank), keeps track of income → Incapable of handling money"
    )
    assert messages.item_change(changes[3], with_instrument=True) == "Charlson CCI, Dementia: absent → present"
    back = item_changes(then, now)
    assert [(c.is_decline, c.is_improvement) for c in back] == [
        (False, True),
        (False, False),
        (False, True),
        (False, True),
    ]


def test_an_unanswered_side_is_neither_decline_nor_improvement() -> None:
    (change,) = item_changes({"katz": {"feeding": None}}, {"katz": {"feeding": "independent"}})
    assert change.to_option is None and not change.is_decline and not change.is_improvement
    assert messages.item_change(change).endswith("→ not answered")


def _shared_histories() -> list[tuple[dict, list[VisitPoint]]]:
    marked = {
        (r["patient"]["id"], r["visit"]["date"], r["visit"]["timepoint"]): bool(r["visit"].get("baseline"))
        for r in load_jsonl("visits.jsonl")
    }
    return [
        (
            h,
            [
                VisitPoint(
                    date.fromisoformat(v["date"]),
                    v["timepoint"],
                    marked[(h["patient"]["id"], v["date"], v["timepoint"])],
                    {
                        **{k: v["scores"][k] for k in ("katz_adl", "lawton_iadl", "cci")},
                        "imwg_score": (v["scores"]["imwg"] or {}).get("score"),
                    },
                    (v["scores"]["imwg"] or {}).get("category"),
                )
                for v in h["visits"]
            ],
        )
        for h in load_jsonl("histories.jsonl")
    ]


def test_many_patients_at_once_are_each_patient_alone() -> None:
    """compute_changes_of (exports: one batch of arrays per chunk of patients) gives every patient the
    shared histories' changes, kept apart: baselines, previous visits and days never cross patients,
    whatever the neighbours, a patient without visits or one whose visits give fewer scores."""
    shared = _shared_histories()
    fewer = [vp(1, 6, 8, 0, None), vp(30, 5, 8, 0, None)]
    for point in fewer:
        del point.scores["imwg_score"]
    batch = [[], *[visits for _, visits in shared], fewer, *[visits for _, visits in reversed(shared)]]
    together = compute_changes_of(batch)
    assert [len(c) for c in together] == [len(v) for v in batch]
    assert together[0] == []
    for visits, changes in zip(batch, together, strict=True):
        assert changes == compute_changes(visits)
    for (h, _), changes in zip(shared, together[1:], strict=False):
        for v, c in zip(h["visits"], changes, strict=True):
            assert (c.baseline_date.isoformat() if c.baseline_date else None) == v["baseline_date"]
            assert c.days_from_baseline == v["days_from_baseline"]
            assert c.imwg_category_change == v["imwg_category_change"]
            assert c.change_from_baseline == v["change_from_baseline"]
            assert c.change_from_previous == v["change_from_previous"]
    assert "imwg_score" not in (together[len(shared) + 1][1].change_from_baseline or {})


def test_the_shared_histories() -> None:
    marked = {
        (r["patient"]["id"], r["visit"]["date"], r["visit"]["timepoint"]): bool(r["visit"].get("baseline"))
        for r in load_jsonl("visits.jsonl")
    }
    for h in load_jsonl("histories.jsonl"):
        visits = [
            VisitPoint(
                date.fromisoformat(v["date"]),
                v["timepoint"],
                marked[(h["patient"]["id"], v["date"], v["timepoint"])],
                {
                    **{k: v["scores"][k] for k in ("katz_adl", "lawton_iadl", "cci")},
                    "imwg_score": (v["scores"]["imwg"] or {}).get("score"),
                },
                (v["scores"]["imwg"] or {}).get("category"),
            )
            for v in h["visits"]
        ]
        for v, c in zip(h["visits"], compute_changes(visits), strict=True):
            got = {
                "is_baseline": c.is_baseline,
                "baseline_date": c.baseline_date.isoformat() if c.baseline_date else None,
                "days_from_baseline": c.days_from_baseline,
                "change_from_baseline": c.change_from_baseline,
                "change_from_previous": c.change_from_previous,
                "imwg_category_change": c.imwg_category_change,
                "declined": list(c.declined),
            }
            assert got == {k: v[k] for k in got}, (h["patient"]["id"], v["date"])
