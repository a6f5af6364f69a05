"""forms.schedule's timepoint statuses for many patients at once, on numpy arrays (docs/clinical-rules.md section 9).

The cohort page lists the overdue timepoints of the whole clinic; `forms.schedule.statuses` patient
by patient in Python costs seconds for 50,000 patients. Same rule here over a table of patients x
scheduled occurrences (one schedule at a time). tests/unit/test_schedule_arrays.py checks equality
with `forms.schedule.statuses` on hypothesis-generated schedules, anchors and visits. Timepoints whose
anchor date is not recorded ("unknown" there) are left out: they have no due date to chase.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from .schedule import TimepointRule

STATUSES = ("done", "upcoming", "due", "missed", "overdue")  # the codes of StatusTable.status
NOT_SCHEDULED = -1
_NAT = np.datetime64("NaT", "D")


@dataclass(frozen=True)
class StatusTable:
    """One row per patient; its scheduled occurrences sorted by due date (ties in schedule order, as
    `forms.schedule.occurrences` sorts them), then NOT_SCHEDULED cells (anchor not recorded)."""

    labels: np.ndarray  # object, patients x occurrences
    due: np.ndarray  # datetime64[D], NaT where not scheduled
    status: np.ndarray  # codes into STATUSES, NOT_SCHEDULED where not scheduled


def add_months(day: np.ndarray, months: int) -> np.ndarray:
    """forms.schedule.add_months on datetime64[D] arrays: same day of the month, or the month's last day."""
    month = day.astype("datetime64[M]")
    target = month + np.timedelta64(months, "M")
    first = target.astype("datetime64[D]")
    month_days = (target + np.timedelta64(1, "M")).astype("datetime64[D]") - first
    day_of_month = day - month.astype("datetime64[D]")
    return first + np.minimum(day_of_month, month_days - np.timedelta64(1, "D"))


def _occurrences(
    rules: Sequence[TimepointRule], anchors: Mapping[str, np.ndarray], patients: int
) -> Iterator[tuple[str, np.ndarray, int]]:
    """(label, due dates or NaT, window) of every occurrence the schedule can have, in forms.schedule's order."""
    missing = np.full(patients, _NAT)
    for rule in rules:
        start = anchors.get(rule.anchor, missing)
        known = ~np.isnat(start)
        floor = anchors.get(rule.not_before_anchor, missing) if rule.not_before_anchor else None
        if floor is not None:
            known &= ~np.isnat(floor)
        offset = np.timedelta64(rule.offset_days, "D")
        if rule.repeat_every_months is None:
            yield rule.label, np.where(known, start + offset, _NAT), rule.window_days
            continue
        for months in range(rule.repeat_every_months, (rule.repeat_until_months or 60) + 1, rule.repeat_every_months):
            due = add_months(start, months) + offset
            keep = known if floor is None else known & (due >= floor)
            yield rule.label.replace("{month}", str(months)), np.where(keep, due, _NAT), rule.window_days


def _any_later(flags: np.ndarray) -> np.ndarray:
    """For each cell, whether any cell to its right in the same row is set."""
    later = np.zeros_like(flags)
    later[:, :-1] = np.logical_or.accumulate(flags[:, :0:-1], axis=1)[:, ::-1]
    return later


def status_table(
    rules: Sequence[TimepointRule],
    anchors: Mapping[str, np.ndarray],
    done: Mapping[str, np.ndarray],
    today: date,
    patients: int,
) -> StatusTable:
    """forms.schedule.statuses for `patients` patients sharing one schedule.

    anchors: anchor name -> datetime64[D] per patient (NaT: not recorded); done: timepoint label ->
    bool per patient (a visit exists at that timepoint, whatever its status).
    """
    occurrences = list(_occurrences(rules, anchors, patients))
    if not occurrences:
        return StatusTable(
            np.empty((patients, 0), object), np.empty((patients, 0), "datetime64[D]"), np.empty((patients, 0), np.int8)
        )
    labels = np.array([label for label, _, _ in occurrences], dtype=object)
    due = np.stack([d for _, d, _ in occurrences], axis=1)
    window = np.array([w for _, _, w in occurrences], dtype="timedelta64[D]")
    never = np.zeros(patients, dtype=bool)
    visited = np.stack([done.get(label, never) for label in labels], axis=1)
    order = np.argsort(due, axis=1, kind="stable")  # NaT sorts last
    due, visited = np.take_along_axis(due, order, 1), np.take_along_axis(visited, order, 1)
    window, labels = window[order], labels[order]
    scheduled, now = ~np.isnat(due), np.datetime64(today, "D")
    opens, closes = due - window, due + window
    # A passed timepoint is missed once a later one is done or its window has opened, else overdue.
    later = _any_later(scheduled & (visited | (now >= opens)))
    status = np.select([~scheduled, visited, now < opens, now <= closes, later], [NOT_SCHEDULED, 0, 1, 2, 3], 4)
    return StatusTable(labels, due, status.astype(np.int8))
