"""The pPCL default schedule (docs/clinical-rules.md section 9) and due / overdue / missed rules."""

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

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cga_desk.forms.schedule import TimepointRule, TimepointStatus, next_due_timeline  # noqa: E402


def reference_statuses(rules, anchors, done, today) -> list[TimepointStatus]:
    """The rule as first written (each passed timepoint scans every later one): the O(1) version must equal it."""
    occ, unknown = occurrences(rules, anchors)
    result = []
    for i, o in enumerate(occ):
        later = occ[i + 1 :]
        if o.label in done:
            status = "done"
        elif today < o.opens:
            status = "upcoming"
        elif today <= o.closes:
            status = "due"
        elif any(n.label in done or today >= n.opens for n in later):
            status = "missed"
        else:
            status = "overdue"
        result.append(TimepointStatus(o.label, o.due, status))
    return result + [TimepointStatus(label, None, "unknown") for label in unknown]


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
@given(rules, anchor_sets, st.sets(st.sampled_from(LABELS)), days)
def test_statuses_equal_the_rule_as_written(rules, anchors, done, today) -> None:
    assert statuses(rules, anchors, done, today) == reference_statuses(rules, anchors, done, today)


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
        assert segment.next == next_due(reference_statuses(rules, anchors, done, today))


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
