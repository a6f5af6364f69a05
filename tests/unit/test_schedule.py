"""The pPCL default schedule (CLINICAL_SPEC section 9) and due / overdue / missed rules."""
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
