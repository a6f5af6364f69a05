"""forms.schedule_arrays (many patients on numpy arrays) agrees with forms.schedule.statuses (one patient):
hypothesis-generated schedules, anchors, visited timepoints and days; and the default pPCL schedule."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cga_desk.forms import schedule_arrays as sa
from cga_desk.forms.schedule import ANCHORS, PPCL_SCHEDULE, TimepointRule, statuses

DAY0 = date(2020, 1, 1)
LABELS = ("Baseline", "Early", "Late", "Month {month}", "Check {month}")

rules = st.builds(
    TimepointRule,
    label=st.sampled_from(LABELS),
    anchor=st.sampled_from(ANCHORS[:3]),
    offset_days=st.integers(-30, 120),
    window_days=st.integers(0, 21),
    repeat_every_months=st.one_of(st.none(), st.integers(1, 12)),
    repeat_until_months=st.one_of(st.none(), st.integers(0, 24)),
    not_before_anchor=st.one_of(st.none(), st.sampled_from(ANCHORS[:3])),
)
day_in_2020s = st.integers(0, 2000).map(lambda d: DAY0 + timedelta(d))
# 31st-of-the-month anchors exercise add_months' end-of-month rule
anchor_days = day_in_2020s | st.sampled_from([date(2023, 1, 31), date(2024, 8, 31)])
MONTHLY = [lb.replace("{month}", str(m)) for lb in LABELS for m in (3, 6, 12)]
PPCL_LABELS = ["Baseline", "End of induction", "CAR-T + 1 month", "Follow-up month 12", "Follow-up month 15"]


def patients(labels: list[str], anchors: tuple[str, ...] = ANCHORS[:3]) -> st.SearchStrategy[list[dict[str, Any]]]:
    return st.lists(
        st.fixed_dictionaries(
            {
                "anchors": st.dictionaries(st.sampled_from(anchors), anchor_days),
                "done": st.sets(st.sampled_from(labels)),
            }
        ),
        max_size=5,
    )


def vectorised(rule_list: list[TimepointRule], people: list[dict[str, Any]], today: date) -> list[list[tuple]]:
    n = len(people)
    anchors = {a: np.array([p["anchors"].get(a, "NaT") for p in people], dtype="datetime64[D]") for a in ANCHORS}
    labels = {lb for p in people for lb in p["done"]}
    done = {lb: np.array([lb in p["done"] for p in people], dtype=bool) for lb in labels}
    table = sa.status_table(rule_list, anchors, done, today, n)
    return [
        [
            (table.labels[i, k], table.due[i, k].astype(object), sa.STATUSES[table.status[i, k]])
            for k in range(table.status.shape[1])
            if table.status[i, k] != sa.NOT_SCHEDULED
        ]
        for i in range(n)
    ]


def reference(rule_list: list[TimepointRule], people: list[dict[str, Any]], today: date) -> list[list[tuple]]:
    return [
        [
            (s.label, s.due, s.status)
            for s in statuses(rule_list, p["anchors"], p["done"], today)
            if s.status != "unknown"
        ]
        for p in people
    ]


@settings(max_examples=300)
@given(st.lists(rules, max_size=5), patients(MONTHLY), day_in_2020s)
def test_arrays_agree_with_forms_schedule(
    rule_list: list[TimepointRule], people: list[dict[str, Any]], today: date
) -> None:
    assert vectorised(rule_list, people, today) == reference(rule_list, people, today)


@settings(max_examples=100)
@given(patients(PPCL_LABELS, ANCHORS), day_in_2020s)
def test_default_schedule_agrees(people: list[dict[str, Any]], today: date) -> None:
    assert vectorised(list(PPCL_SCHEDULE.rules), people, today) == reference(list(PPCL_SCHEDULE.rules), people, today)


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    days = np.array(["2024-01-31", "2023-01-31", "2024-03-15", "NaT"], dtype="datetime64[D]")
    assert list(sa.add_months(days, 1).astype(str)) == ["2024-02-29", "2023-02-28", "2024-04-15", "NaT"]
    assert list(sa.add_months(days, 13).astype(str)) == ["2025-02-28", "2024-02-29", "2025-04-15", "NaT"]


def test_no_rules_or_no_patients() -> None:
    assert vectorised([], [{"anchors": {}, "done": set()}], DAY0) == [[]]
    assert vectorised(list(PPCL_SCHEDULE.rules), [], DAY0) == []


def test_window_edges() -> None:
    rules = [TimepointRule("A", "diagnosis", 0, 7), TimepointRule("B", "diagnosis", 30, 7)]
    people = [{"anchors": {"diagnosis": DAY0}, "done": set()}]
    for day, expected in (
        (-7, ["due", "upcoming"]),
        (-8, ["upcoming", "upcoming"]),
        (7, ["due", "upcoming"]),
        (8, ["overdue", "upcoming"]),
        (23, ["missed", "due"]),
        (38, ["missed", "overdue"]),
    ):
        today = DAY0 + timedelta(day)
        assert [s for _, _, s in vectorised(rules, people, today)[0]] == expected, day
        assert vectorised(rules, people, today) == reference(rules, people, today)
