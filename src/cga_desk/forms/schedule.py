"""Protocol schedules as data, and which timepoints are due or overdue (docs/clinical-rules.md section 9).

A schedule is a list of timepoint rules, each anchored to the diagnosis date or a treatment
milestone. The pPCL protocol's default schedule is defined here as data; a clinic stores its own in
the database. The cycle lengths behind the default offsets are assumptions written in
docs/clinical-decisions.md (VRd induction 3 × 21 days, VR consolidation 3 × 28 days).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

ANCHORS = ("diagnosis", "induction_start", "car_t_infusion", "consolidation_start", "maintenance_start")
MILESTONE_KINDS = ANCHORS[1:] + ("other",)
MILESTONE_LABELS = {
    "diagnosis": "Diagnosis",
    "induction_start": "Induction start",
    "car_t_infusion": "CAR-T infusion",
    "consolidation_start": "Consolidation start",
    "maintenance_start": "Maintenance start",
    "other": "Other",
}
UNSCHEDULED = "Unscheduled"


@dataclass(frozen=True)
class TimepointRule:
    label: str  # "{month}" is replaced by the months from the anchor for a repeating rule
    anchor: str
    offset_days: int = 0
    window_days: int = 14
    repeat_every_months: int | None = None
    repeat_until_months: int | None = None
    not_before_anchor: str | None = None  # occurrences before this milestone are not scheduled


@dataclass(frozen=True)
class ScheduleDefinition:
    name: str
    description: str
    rules: tuple[TimepointRule, ...]


PPCL_SCHEDULE = ScheduleDefinition(
    name="pPCL protocol",
    description=(
        "VRd induction, BCMA CAR-T, VR consolidation and maintenance in transplant-ineligible primary "
        "plasma cell leukaemia: baseline, end of induction, CAR-T + 1 month, end of consolidation, then "
        "every 3 months during maintenance up to 5 years from diagnosis."
    ),
    rules=(
        TimepointRule("Baseline", "diagnosis", 0, 14),
        TimepointRule("End of induction", "induction_start", 63, 7),
        TimepointRule("CAR-T + 1 month", "car_t_infusion", 30, 7),
        TimepointRule("End of consolidation", "consolidation_start", 84, 7),
        TimepointRule("Follow-up month {month}", "diagnosis", 0, 14, 3, 60, "maintenance_start"),
    ),
)


@dataclass(frozen=True)
class Occurrence:
    label: str
    due: date
    window_days: int

    @property
    def opens(self) -> date:
        return self.due - timedelta(days=self.window_days)

    @property
    def closes(self) -> date:
        return self.due + timedelta(days=self.window_days)


@dataclass(frozen=True)
class TimepointStatus:
    label: str
    due: date | None
    status: str  # done, due, overdue, missed, upcoming, unknown (anchor date not recorded)


def anchors(diagnosis: date | None, milestones: Iterable[tuple[str, date]]) -> dict[str, date]:
    """Diagnosis date and the latest milestone of each kind (a new line of treatment moves the anchor)."""
    out: dict[str, date] = {}
    if diagnosis:
        out["diagnosis"] = diagnosis
    for kind, day in sorted(milestones, key=lambda m: m[1]):
        out[kind] = day
    return out


def add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    target_year, target_month = day.year + year, month + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(target_year, target_month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def occurrences(rules: Sequence[TimepointRule], anchors: Mapping[str, date]) -> tuple[list[Occurrence], list[str]]:
    """(scheduled occurrences sorted by due date, labels whose anchor date is not recorded)."""
    out: list[Occurrence] = []
    unknown: list[str] = []
    for rule in rules:
        start = anchors.get(rule.anchor)
        if start is None or (rule.not_before_anchor and rule.not_before_anchor not in anchors):
            unknown.append(rule.label.replace("{month}", "…"))
            continue
        if rule.repeat_every_months is None:
            out.append(Occurrence(rule.label, start + timedelta(days=rule.offset_days), rule.window_days))
            continue
        floor = anchors.get(rule.not_before_anchor) if rule.not_before_anchor else None
        for months in range(rule.repeat_every_months, (rule.repeat_until_months or 60) + 1, rule.repeat_every_months):
            due = add_months(start, months) + timedelta(days=rule.offset_days)
            if floor is None or due >= floor:
                out.append(Occurrence(rule.label.replace("{month}", str(months)), due, rule.window_days))
    return sorted(out, key=lambda o: o.due), unknown


def statuses(
    rules: Sequence[TimepointRule], anchors: Mapping[str, date], done: Collection[str], today: date
) -> list[TimepointStatus]:
    """Each scheduled timepoint's status. A passed timepoint is overdue until a later one is done or
    its window opens; then it is missed (the visit can still be recorded, it is no longer chased)."""
    occ, unknown = occurrences(rules, anchors)
    return _statuses(_later(occ, done), unknown, done, today)


def _later(occ: Sequence[Occurrence], done: Collection[str]) -> list[tuple[Occurrence, date, date, bool, date | None]]:
    """Each occurrence with its window (opens, closes), whether a later one is done, and the earliest
    opening of a later window: one pass from the end, so a status costs O(1), not a scan of the rest."""
    out: list[tuple[Occurrence, date, date, bool, date | None]] = []
    any_done, first_opens = False, None
    for o in reversed(occ):
        opens, closes = o.opens, o.closes
        out.append((o, opens, closes, any_done, first_opens))
        any_done = any_done or o.label in done
        first_opens = opens if first_opens is None else min(first_opens, opens)
    return out[::-1]


def _statuses(
    later: Sequence[tuple[Occurrence, date, date, bool, date | None]],
    unknown: Sequence[str],
    done: Collection[str],
    today: date,
) -> list[TimepointStatus]:
    result: list[TimepointStatus] = []
    for o, opens, closes, later_done, later_opens in later:
        if o.label in done:
            status = "done"
        elif today < opens:
            status = "upcoming"
        elif today <= closes:
            status = "due"
        elif later_done or (later_opens is not None and today >= later_opens):
            status = "missed"
        else:
            status = "overdue"
        result.append(TimepointStatus(o.label, o.due, status))
    return result + [TimepointStatus(label, None, "unknown") for label in unknown]


def _next_due(
    later: Sequence[tuple[Occurrence, date, date, bool, date | None]],
    unknown: Sequence[str],
    done: Collection[str],
    today: date,
) -> TimepointStatus | None:
    """next_due(_statuses(...)) without building every status: stops at the first due or overdue one."""
    upcoming = None
    for o, opens, closes, later_done, later_opens in later:
        if o.label in done or "…" in o.label:
            continue
        if today < opens:
            upcoming = upcoming or o
        elif today <= closes:
            return TimepointStatus(o.label, o.due, "due")
        elif not (later_done or (later_opens is not None and today >= later_opens)):
            return TimepointStatus(o.label, o.due, "overdue")
    if upcoming is not None:
        return TimepointStatus(upcoming.label, upcoming.due, "upcoming")
    label = next((u for u in unknown if "…" not in u), None)
    return TimepointStatus(label, None, "unknown") if label is not None else None


@dataclass(frozen=True)
class DueSegment:
    """From `starts` (inclusive) to `ends` (exclusive), next_due() is `next` (None: nothing to do)."""

    starts: date
    ends: date
    next: TimepointStatus | None


def next_due_timeline(
    rules: Sequence[TimepointRule], anchors: Mapping[str, date], done: Collection[str]
) -> list[DueSegment]:
    """next_due(statuses(rules, anchors, done, today)) for every `today`, as consecutive segments from
    date.min to date.max. Statuses change only where a window opens or the day after one closes, so
    evaluating the rule itself on each of those days is exact. Stored per patient, it lets the patient
    list filter and sort a whole clinic by what is due without computing every schedule at start-up."""
    occ, unknown = occurrences(rules, anchors)
    later = _later(occ, done)
    days = sorted({opens for _, opens, _, _, _ in later} | {closes + timedelta(days=1) for _, _, closes, _, _ in later})
    segments: list[DueSegment] = []
    for start, end in zip([date.min, *days], [*days, date.max]):
        current = _next_due(later, unknown, done, start)
        if segments and segments[-1].next == current:
            segments[-1] = DueSegment(segments[-1].starts, end, current)
        else:
            segments.append(DueSegment(start, end, current))
    return segments


def next_due(items: Sequence[TimepointStatus]) -> TimepointStatus | None:
    """The timepoint to do next: the first overdue or due one, else the first upcoming one, else the
    first protocol timepoint whose anchor date is not recorded yet (its date cannot be scheduled)."""
    for wanted in (("overdue", "due"), ("upcoming",), ("unknown",)):
        for item in items:
            if item.status in wanted and "…" not in item.label:
                return item
    return None
