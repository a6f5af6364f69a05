"""forms.change_arrays (a whole cohort on numpy arrays) agrees with forms.change (one patient in Python):
on hypothesis-generated histories and on the shared reference histories."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cga_desk.forms import change_arrays as ca
from cga_desk.forms.change import CHANGE_SCORES, VisitChange, VisitPoint, compute_changes
from tests.conftest import load_jsonl

CATEGORIES = ("fit", "intermediate", "frail")
START = date(2024, 1, 1)


def _score(top: int) -> st.SearchStrategy[int | None]:
    return st.one_of(st.none(), st.integers(0, top))


visits = st.fixed_dictionaries(
    {
        "day": st.integers(0, 40),  # a narrow range, so that several visits share a date
        "marked": st.sampled_from((False, False, False, True)),  # most patients have no marked visit
        "scores": st.fixed_dictionaries(
            {"katz_adl": _score(6), "lawton_iadl": _score(8), "cci": _score(37), "imwg_score": _score(5)}
        ),
        "category": st.one_of(st.none(), st.sampled_from(CATEGORIES)),
    }
)
histories = st.lists(st.lists(visits, max_size=8), max_size=6)


def points(history: list[dict[str, Any]]) -> list[VisitPoint]:
    """One patient's visits as forms.change wants them: sorted by date (stable: ties keep entry order)."""
    ordered = sorted(history, key=lambda v: v["day"])
    return [VisitPoint(START + timedelta(v["day"]), "t", v["marked"], v["scores"], v["category"]) for v in ordered]


def vectorised(patients: list[list[VisitPoint]]) -> list[VisitChange]:
    """The array implementation, its results put back into VisitChange form for comparison."""
    flat = [(i, p) for i, visits_ in enumerate(patients) for p in visits_]
    patient = np.array([i for i, _ in flat], dtype=np.int64)
    day = np.array([p.visit_date for _, p in flat], dtype="datetime64[D]")
    scores = {
        k: np.array([np.nan if p.scores[k] is None else p.scores[k] for _, p in flat], dtype=float)
        for k in CHANGE_SCORES
    }
    category = np.array(
        [-1 if p.imwg_category is None else CATEGORIES.index(p.imwg_category) for _, p in flat], dtype=np.int64
    )
    marked = np.array([p.marked_baseline for _, p in flat], dtype=bool)
    base = ca.baseline_positions(patient, day, marked, ca.instruments_complete(scores))
    change = ca.changes_from_baseline(scores, base)
    days = ca.days_from_baseline(day, base)
    declined = ca.declines(change)
    transition = ca.category_transitions(category, CATEGORIES, base)
    out = []
    for row, (_, _p) in enumerate(flat):
        b = int(base[row])
        out.append(
            VisitChange(
                is_baseline=b == row,
                baseline_index=b,
                baseline_date=flat[b][1].visit_date if b >= 0 else None,
                days_from_baseline=None if math.isnan(days[row]) else int(days[row]),
                change_from_baseline=None
                if b < 0
                else {k: None if math.isnan(change[k][row]) else int(change[k][row]) for k in CHANGE_SCORES},
                change_from_previous=None,
                imwg_category_change=transition[row],
                declined=tuple(k for k in CHANGE_SCORES if declined[k][row]),
                item_changes=(),
            )
        )
    return out


def comparable(c: VisitChange) -> tuple[Any, ...]:
    return (
        c.is_baseline,
        c.baseline_date,
        c.days_from_baseline,
        c.change_from_baseline,
        c.imwg_category_change,
        c.declined,
    )


@settings(max_examples=300)
@given(histories)
def test_arrays_agree_with_forms_change(history: list[list[dict[str, Any]]]) -> None:
    patients = [points(h) for h in history]
    expected = [comparable(c) for p in patients for c in compute_changes(p)]
    assert [comparable(c) for c in vectorised(patients)] == expected


def test_re_baselining_and_same_day_visits() -> None:
    s = {"katz_adl": 6, "lawton_iadl": 8, "cci": 1, "imwg_score": 0}
    day = [VisitPoint(START + timedelta(d), "t", m, s) for d, m in ((0, False), (5, False), (5, True), (9, True))]
    patients = [day, [VisitPoint(START, "t", False, {**s, "cci": None}), VisitPoint(START, "t", False, s)]]
    got = [c.baseline_index for c in vectorised(patients)]
    assert got == [-1, 2, 2, 3, -1, 5]  # a same-day visit entered before the mark still counts it


def test_arrays_reproduce_the_shared_histories() -> None:
    marked = {
        (r["patient"]["id"], r["visit"]["date"], r["visit"]["timepoint"]): bool(r["visit"].get("baseline"))
        for r in load_jsonl("visits.jsonl")
    }
    histories = load_jsonl("histories.jsonl")
    patients = []
    for h in histories:
        patients.append(
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
            ]
        )
    got = iter(vectorised(patients))
    for h in histories:
        for v in h["visits"]:
            c = next(got)
            assert (
                c.is_baseline,
                c.baseline_date.isoformat() if c.baseline_date else None,
                c.days_from_baseline,
                c.change_from_baseline,
                c.imwg_category_change,
                list(c.declined),
            ) == (
                v["is_baseline"],
                v["baseline_date"],
                v["days_from_baseline"],
                v["change_from_baseline"],
                v["imwg_category_change"],
                v["declined"],
            ), (h["patient"]["id"], v["date"])


def test_no_visits() -> None:
    assert vectorised([]) == [] and vectorised([[], []]) == []
