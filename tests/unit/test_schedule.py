"""The pPCL default schedule (docs/clinical-rules.md section 9) and due / overdue / missed rules: the one rule of
forms.schedule, for one patient today, for a cohort (rows of patients) and as a timeline (rows of days)."""

from __future__ import annotations

from datetime import date

from cga_desk.forms.schedule import PPCL_SCHEDULE, add_months, next_due, occurrences, statuses

ANCHORS = {
    "diagnosis": date(2025, 1, 10),
    "induction_start": date(2025, 1, 20),
    "car_t_infusion": date(2025, 5, 1),
    "consolidation_start": date(2025, 6, 15),
    "maintenance_start": date(2025, 9, 20),
}


def test_timepoints_in_protocol_order_with_follow_ups_to_five_years() -> None:
    occ, unknown = occurrences(PPCL_SCHEDULE.rules, ANCHORS)
    labels = [o.label for o in occ]
    assert labels[:4] == ["Baseline", "End of induction", "CAR-T + 1 month", "End of consolidation"]
    assert labels[4] == "Follow-up month 9" and labels[-1] == "Follow-up month 60" and unknown == []
    assert all(o.due >= ANCHORS["maintenance_start"] for o in occ[4:])
    assert occ[2].due == date(2025, 5, 31)  # CAR-T + 30 days


def test_unknown_anchor_is_reported_not_guessed() -> None:
    occ, unknown = occurrences(PPCL_SCHEDULE.rules, {"diagnosis": date(2025, 1, 10)})
    assert [o.label for o in occ] == ["Baseline"]
    assert "End of induction" in unknown and "Follow-up month …" in unknown


def test_due_overdue_missed_done() -> None:
    done = {"Baseline"}
    st = {s.label: s.status for s in statuses(PPCL_SCHEDULE.rules, ANCHORS, done, date(2025, 4, 1))}
    assert st["Baseline"] == "done"
    assert st["End of induction"] == "overdue"  # due 2025-03-24, window 7 days closed
    assert st["CAR-T + 1 month"] == "upcoming"
    later = {s.label: s.status for s in statuses(PPCL_SCHEDULE.rules, ANCHORS, done, date(2025, 5, 30))}
    assert later["End of induction"] == "missed" and later["CAR-T + 1 month"] == "due"
    nxt = next_due(statuses(PPCL_SCHEDULE.rules, ANCHORS, done, date(2025, 4, 1)))
    assert nxt is not None and nxt.label == "End of induction"


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    assert add_months(date(2025, 1, 10), 12) == date(2026, 1, 10)


# --- the stored "next due" timeline must agree with the rule on every day ------------------------
from datetime import timedelta  # noqa: E402

import numpy as np  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cga_desk.forms import schedule as rule  # noqa: E402
from cga_desk.forms.schedule import TimepointRule, TimepointStatus, next_due_timeline  # noqa: E402

DAY0 = date(2024, 1, 1)
days = st.integers(min_value=-400, max_value=3000).map(lambda n: DAY0 + timedelta(days=n))
rules = st.lists(
    st.builds(
        TimepointRule,
        label=st.sampled_from(["A", "B", "C", "Follow-up month {month}"]),
        anchor=st.sampled_from(["diagnosis", "induction_start", "car_t_infusion"]),
        offset_days=st.integers(-30, 120),
        window_days=st.integers(0, 30),
        repeat_every_months=st.one_of(st.none(), st.integers(1, 6)),
        repeat_until_months=st.integers(1, 36),
        not_before_anchor=st.one_of(st.none(), st.just("car_t_infusion")),
    ),
    min_size=0,
    max_size=5,
)
anchor_sets = st.dictionaries(st.sampled_from(["diagnosis", "induction_start", "car_t_infusion"]), days)
LABELS = ["Baseline", "End of induction", "CAR-T + 1 month", "End of consolidation", "A", "B", "C"] + [
    f"Follow-up month {m}" for m in range(1, 61)
]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.just(PPCL_SCHEDULE.rules), rules),
    anchor_sets,
    st.sets(st.sampled_from(LABELS)),
    st.lists(days, min_size=1, max_size=20),
)
def test_timeline_gives_next_due_on_every_day(rules, anchors, done, todays) -> None:
    segments = next_due_timeline(rules, anchors, done)
    assert segments[0].starts == date.min and segments[-1].ends == date.max
    assert all(a.ends == b.starts and a.next != b.next for a, b in zip(segments, segments[1:]))
    for today in todays:
        [segment] = [s for s in segments if s.starts <= today < s.ends]
        assert segment.next == next_due(statuses(rules, anchors, done, today))


def test_timeline_of_the_protocol_schedule_around_the_end_of_induction() -> None:
    segments = next_due_timeline(PPCL_SCHEDULE.rules, ANCHORS, {"Baseline"})
    at = {
        d: next(s.next for s in segments if s.starts <= d < s.ends)
        for d in (date(2025, 3, 16), date(2025, 3, 17), date(2025, 3, 31), date(2025, 4, 1))
    }
    assert at[date(2025, 3, 16)] == TimepointStatus("End of induction", date(2025, 3, 24), "upcoming")
    assert at[date(2025, 3, 17)] == TimepointStatus("End of induction", date(2025, 3, 24), "due")  # window opens
    assert at[date(2025, 3, 31)] == TimepointStatus("End of induction", date(2025, 3, 24), "due")  # last day
    assert at[date(2025, 4, 1)] == TimepointStatus("End of induction", date(2025, 3, 24), "overdue")


def test_window_edges_and_missed_once_a_later_window_opens() -> None:
    rules = [TimepointRule("A", "diagnosis", 0, 7), TimepointRule("B", "diagnosis", 30, 7)]
    for day, expected in (
        (-8, ["upcoming", "upcoming"]),
        (-7, ["due", "upcoming"]),
        (7, ["due", "upcoming"]),
        (8, ["overdue", "upcoming"]),
        (23, ["missed", "due"]),
        (38, ["missed", "overdue"]),
    ):
        got = statuses(rules, {"diagnosis": DAY0}, set(), DAY0 + timedelta(day))
        assert [s.status for s in got] == expected, day


def test_a_later_visit_done_makes_an_earlier_passed_timepoint_missed() -> None:
    rules = [TimepointRule("A", "diagnosis", 0, 7), TimepointRule("B", "diagnosis", 60, 7)]
    got = statuses(rules, {"diagnosis": DAY0}, {"B"}, DAY0 + timedelta(20))
    assert [s.status for s in got] == ["missed", "done"]


def test_the_cohort_table_keeps_rows_apart() -> None:
    """Three patients in one table: no anchor, an anchor, an anchor with the first timepoint done."""
    rules = [TimepointRule("A", "diagnosis", 0, 7), TimepointRule("B", "diagnosis", 30, 7)]
    anchors = {"diagnosis": np.array(["NaT", "2024-01-01", "2024-01-01"], dtype="datetime64[D]")}
    done = {"A": np.array([False, False, True])}
    table = rule.status_table(rules, anchors, done, date(2024, 1, 12), 3)
    assert table.status.tolist() == [
        [rule.NOT_SCHEDULED] * 2,
        [rule.OVERDUE, rule.UPCOMING],
        [rule.DONE, rule.UPCOMING],
    ]
    assert table.labels[1].tolist() == ["A", "B"] and table.due[1].astype(str).tolist() == ["2024-01-01", "2024-01-31"]
    assert rule.next_due_cells(table.labels, table.status).tolist() == [-1, 0, 1]


def test_a_row_per_day_gives_each_day_its_status() -> None:
    rules = [TimepointRule("A", "diagnosis", 0, 7)]
    days = np.array(["2023-12-24", "2023-12-25", "2024-01-08", "2024-01-09"], dtype="datetime64[D]")
    anchors = {"diagnosis": np.full(4, np.datetime64("2024-01-01"))}
    table = rule.status_table(rules, anchors, {}, days, 4)
    assert [rule.STATUSES[c] for c in table.status[:, 0].tolist()] == ["upcoming", "due", "due", "overdue"]


def test_no_rules_or_no_rows() -> None:
    assert statuses([], {"diagnosis": DAY0}, set(), DAY0) == []
    assert rule.status_table(PPCL_SCHEDULE.rules, {}, {}, DAY0, 0).status.shape[0] == 0
    assert next_due([]) is None


def test_add_months_on_arrays_keeps_the_day_or_takes_the_months_last() -> None:
    days = np.array(["2024-01-31", "2023-01-31", "2024-03-15", "NaT"], dtype="datetime64[D]")
    assert list(rule.add_months_array(days, 1).astype(str)) == ["2024-02-29", "2023-02-28", "2024-04-15", "NaT"]
    assert list(rule.add_months_array(days, 13).astype(str)) == ["2025-02-28", "2024-02-29", "2025-04-15", "NaT"]
