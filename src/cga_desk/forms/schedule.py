"""Protocol schedules as data, and which timepoints are due or overdue (docs/clinical-rules.md section 9).

A schedule is a list of timepoint rules, each anchored to the diagnosis date or a treatment
milestone. The pPCL protocol's default schedule is defined here as data; a clinic stores its own in
the database. The cycle lengths behind the default offsets are assumptions written in
docs/clinical-decisions.md (VRd induction 3 × 21 days, VR consolidation 3 × 28 days).

The rule (due dates, windows, done / upcoming / due / missed / overdue, what to do next) is written
once, over numpy arrays: a table of rows x scheduled occurrences, where a row is a patient (the cohort's
overdue list), or one patient on one day each (the register's next-due timeline). One patient today is
a one-row table: `statuses`, `occurrences` and `next_due` are thin wrappers. numpy is imported at first
use (this module is imported at start-up).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..i18n import translate

if TYPE_CHECKING:
    import numpy as np

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


MAX_OFFSET_DAYS = 3650  # ten years from the anchor
MAX_WINDOW_DAYS = 180
MAX_REPEAT_MONTHS = 120


def validate_schedule(definition: ScheduleDefinition) -> ScheduleDefinition:
    """A clinic's schedule, checked before it is stored (docs/clinical-decisions.md, "Schedules as data"):
    a name; at least one timepoint; labels present and distinct (a repeating one's occurrences too);
    known anchors; offsets 0-3650 days; windows 0-180 days; a repeating timepoint says {month} in its
    label, repeats every 1-120 months up to a month after its first, and its windows never overlap."""
    from ..domain.errors import ValidationError

    name = definition.name.strip()
    if not name:
        raise ValidationError("name", translate("forms", "a schedule needs a name"))
    if len(name) > 120:
        raise ValidationError("name", translate("forms", "a schedule's name has at most 120 characters"))
    if not definition.rules:
        raise ValidationError("timepoints", translate("forms", "a schedule needs at least one timepoint"))
    seen: set[str] = set()
    rules = []
    for n, rule in enumerate(definition.rules, start=1):
        where = f"timepoint {n}"
        label = rule.label.strip()
        if not label or label.casefold() == UNSCHEDULED.casefold():
            raise ValidationError(f"{where}.label", translate("forms", "give the timepoint a name (not 'Unscheduled')"))
        if len(label) > 80:
            raise ValidationError(f"{where}.label", translate("forms", "a timepoint's name has at most 80 characters"))
        if rule.anchor not in ANCHORS:
            raise ValidationError(
                f"{where}.anchor",
                translate("forms", "{value!r} is not one of {join}").format(value=rule.anchor, join=", ".join(ANCHORS)),
            )
        if rule.not_before_anchor is not None and rule.not_before_anchor not in ANCHORS:
            raise ValidationError(
                f"{where}.not_before",
                translate("forms", "{value!r} is not one of {join}").format(
                    value=rule.not_before_anchor, join=", ".join(ANCHORS)
                ),
            )
        if not 0 <= rule.offset_days <= MAX_OFFSET_DAYS:
            raise ValidationError(
                f"{where}.offset_days",
                translate("forms", "{value} is out of range {low}-{high}").format(
                    value=rule.offset_days, low=0, high=MAX_OFFSET_DAYS
                ),
            )
        if not 0 <= rule.window_days <= MAX_WINDOW_DAYS:
            raise ValidationError(
                f"{where}.window_days",
                translate("forms", "{value} is out of range {low}-{high}").format(
                    value=rule.window_days, low=0, high=MAX_WINDOW_DAYS
                ),
            )
        repeating = rule.repeat_every_months is not None
        if repeating != ("{month}" in label):
            raise ValidationError(
                f"{where}.label",
                translate(
                    "forms",
                    "a repeating timepoint's name holds {month} (e.g. 'Follow-up month {month}'), "
                    "and only a repeating one's",
                ),
            )
        names = [label]
        if repeating:
            every, until = rule.repeat_every_months or 0, rule.repeat_until_months
            if not 1 <= every <= MAX_REPEAT_MONTHS:
                raise ValidationError(
                    f"{where}.repeat_every_months",
                    translate("forms", "{value} is out of range {low}-{high}").format(
                        value=every, low=1, high=MAX_REPEAT_MONTHS
                    ),
                )
            if until is None or not every <= until <= 1200:
                raise ValidationError(
                    f"{where}.repeat_until_months",
                    translate("forms", "give the last month, from {every} to 1200").format(every=every),
                )
            if 2 * rule.window_days >= every * 28:
                raise ValidationError(
                    f"{where}.window_days",
                    translate(
                        "forms", "± {days} days makes the windows of a timepoint every {every} months overlap"
                    ).format(days=rule.window_days, every=every),
                )
            names = [label.replace("{month}", str(m)) for m in range(every, until + 1, every)]
        for shown in names:
            if shown.casefold() in seen:
                raise ValidationError(
                    f"{where}.label",
                    translate("forms", "{name!r} is the name of another timepoint").format(name=shown),
                )
            seen.add(shown.casefold())
        rules.append(
            TimepointRule(
                label,
                rule.anchor,
                rule.offset_days,
                rule.window_days,
                rule.repeat_every_months,
                rule.repeat_until_months,
                rule.not_before_anchor,
            )
        )
    return ScheduleDefinition(name, definition.description.strip(), tuple(rules))


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


STATUSES = ("done", "upcoming", "due", "missed", "overdue")  # the codes of StatusTable.status
DONE, UPCOMING, DUE, MISSED, OVERDUE = range(5)
NOT_SCHEDULED = -1  # a cell of a row whose anchor date is not recorded (or before its floor)
UNKNOWN_MONTH = "…"  # a repeating rule's label while its anchor is unknown: "Follow-up month …"


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


@dataclass(frozen=True)
class StatusTable:
    """One row per patient (or per day); its scheduled occurrences sorted by due date, ties in schedule
    order, then NOT_SCHEDULED cells (anchor not recorded)."""

    labels: np.ndarray  # object, rows x occurrences
    due: np.ndarray  # datetime64[D], NaT where not scheduled
    window: np.ndarray  # timedelta64[D], rows x occurrences
    status: np.ndarray  # codes into STATUSES, NOT_SCHEDULED where not scheduled


def anchors(diagnosis: date | None, milestones: Iterable[tuple[str, date]]) -> dict[str, date]:
    """Diagnosis date and the latest milestone of each kind (a new line of treatment moves the anchor)."""
    out: dict[str, date] = {}
    if diagnosis:
        out["diagnosis"] = diagnosis
    for kind, day in sorted(milestones, key=lambda m: m[1]):
        out[kind] = day
    return out


def add_months_array(day: np.ndarray, months: int | np.ndarray) -> np.ndarray:
    """Months after each datetime64[D] day: the same day of the month, or the month's last day. With an
    array of months, one column per number of months (days x months)."""
    import numpy as np

    if not isinstance(months, int):
        day = day[..., None]
    month = day.astype("datetime64[M]")
    target = month + np.asarray(months).astype("timedelta64[M]")
    first = target.astype("datetime64[D]")
    month_days = (target + np.timedelta64(1, "M")).astype("datetime64[D]") - first
    day_of_month = day - month.astype("datetime64[D]")
    return first + np.minimum(day_of_month, month_days - np.timedelta64(1, "D"))


def add_months(day: date, months: int) -> date:
    """`add_months_array` for one date."""
    import numpy as np

    return add_months_array(np.array([day], dtype="datetime64[D]"), months)[0].astype(object)


def _occurrences(
    rules: Sequence[TimepointRule], anchors: Mapping[str, np.ndarray], rows: int
) -> Iterator[tuple[list[str], np.ndarray, int]]:
    """Per rule, (labels, due dates or NaT as rows x occurrences, window) of every occurrence it can have,
    in schedule order; a repeating rule's occurrences come as one block (one set of array operations)."""
    import numpy as np

    missing = np.full(rows, np.datetime64("NaT", "D"))
    for rule in rules:
        start = anchors.get(rule.anchor, missing)
        known = ~np.isnat(start)
        floor = anchors.get(rule.not_before_anchor, missing) if rule.not_before_anchor else None
        if floor is not None:
            known &= ~np.isnat(floor)
        offset = np.timedelta64(rule.offset_days, "D")
        if rule.repeat_every_months is None:
            yield [rule.label], np.where(known, start + offset, missing)[:, None], rule.window_days
            continue
        months = np.arange(rule.repeat_every_months, (rule.repeat_until_months or 60) + 1, rule.repeat_every_months)
        due = add_months_array(start, months) + offset
        keep = known[:, None] if floor is None else known[:, None] & (due >= floor[:, None])
        labels = [rule.label.replace("{month}", str(m)) for m in months.tolist()]
        yield labels, np.where(keep, due, np.datetime64("NaT", "D")), rule.window_days


def _any_later(flags: np.ndarray) -> np.ndarray:
    """For each cell, whether any cell to its right in the same row is set."""
    import numpy as np

    later = np.zeros_like(flags)
    later[:, :-1] = np.logical_or.accumulate(flags[:, :0:-1], axis=1)[:, ::-1]
    return later


def status_table(
    rules: Sequence[TimepointRule],
    anchors: Mapping[str, np.ndarray],
    done: Mapping[str, np.ndarray],
    today: date | np.ndarray,
    rows: int,
) -> StatusTable:
    """Each scheduled timepoint's status, for `rows` rows sharing one schedule.

    anchors: anchor name -> datetime64[D] per row (NaT: not recorded); done: timepoint label -> bool per
    row (a visit exists at that timepoint, whatever its status); today: one date, or datetime64[D] per row.
    A passed timepoint is overdue until a later one is done or its window opens; then it is missed (the
    visit can still be recorded, it is no longer chased).
    """
    import numpy as np

    blocks = [b for b in _occurrences(rules, anchors, rows) if b[0]]
    if not blocks:
        empty = np.empty((rows, 0), "datetime64[D]")
        return StatusTable(
            np.empty((rows, 0), object), empty, np.empty((rows, 0), "timedelta64[D]"), np.empty((rows, 0), np.int8)
        )
    labels = np.array([label for block, _, _ in blocks for label in block], dtype=object)
    due = np.concatenate([d for _, d, _ in blocks], axis=1)
    window = np.array([w for block, _, w in blocks for _ in block], dtype="timedelta64[D]")
    visited = np.zeros(due.shape, dtype=bool)
    for j, label in enumerate(labels.tolist()):  # few labels are done: set only those columns
        if label in done:
            visited[:, j] = done[label]
    order = np.argsort(due, axis=1, kind="stable")  # NaT sorts last
    due, visited = np.take_along_axis(due, order, 1), np.take_along_axis(visited, order, 1)
    window, labels = window[order], labels[order]
    now = np.asarray(today, dtype="datetime64[D]").reshape(-1, 1)
    scheduled = ~np.isnat(due)
    opens, closes = due - window, due + window
    later = _any_later(scheduled & (visited | (now >= opens)))
    status = np.select(
        [~scheduled, visited, now < opens, now <= closes, later], [NOT_SCHEDULED, DONE, UPCOMING, DUE, MISSED], OVERDUE
    )
    return StatusTable(labels, due, window, status.astype(np.int8))


def _unknown(rules: Sequence[TimepointRule], anchors: Mapping[str, date]) -> list[str]:
    """The labels of rules whose anchor date (or floor) is not recorded: they cannot be scheduled."""
    return [
        rule.label.replace("{month}", UNKNOWN_MONTH)
        for rule in rules
        if rule.anchor not in anchors or (rule.not_before_anchor and rule.not_before_anchor not in anchors)
    ]


def _one(anchors: Mapping[str, date], rows: int = 1) -> dict[str, np.ndarray]:
    import numpy as np

    return {k: np.full(rows, np.datetime64(v, "D")) for k, v in anchors.items()}


def occurrences(rules: Sequence[TimepointRule], anchors: Mapping[str, date]) -> tuple[list[Occurrence], list[str]]:
    """(scheduled occurrences sorted by due date, labels whose anchor date is not recorded)."""
    table = status_table(rules, _one(anchors), {}, date.min, 1)
    cells = table.status[0] != NOT_SCHEDULED
    out = [
        Occurrence(label, due, int(window))
        for label, due, window in zip(
            table.labels[0][cells].tolist(), table.due[0][cells].tolist(), table.window[0][cells].astype(int).tolist()
        )
    ]
    return out, _unknown(rules, anchors)


def statuses(
    rules: Sequence[TimepointRule], anchors: Mapping[str, date], done: Collection[str], today: date
) -> list[TimepointStatus]:
    """Each timepoint's status for one patient today: the scheduled ones by due date, then the unknown ones."""
    import numpy as np

    table = status_table(rules, _one(anchors), {label: np.ones(1, dtype=bool) for label in done}, today, 1)
    return _row(table, 0) + [TimepointStatus(label, None, "unknown") for label in _unknown(rules, anchors)]


def _row(table: StatusTable, i: int) -> list[TimepointStatus]:
    cells = table.status[i] != NOT_SCHEDULED
    return [
        TimepointStatus(label, due, STATUSES[code])
        for label, due, code in zip(
            table.labels[i][cells].tolist(), table.due[i][cells].tolist(), table.status[i][cells].tolist()
        )
    ]


def next_due_cells(labels: np.ndarray, status: np.ndarray) -> np.ndarray:
    """Per row of a status table (its labels and status codes), the column of the timepoint to do next:
    the first overdue or due one, else the first upcoming one; -1 when none (then the first protocol
    timepoint whose anchor is unknown is next)."""
    import numpy as np

    eligible = np.array([UNKNOWN_MONTH not in label for label in labels.ravel().tolist()], dtype=bool)
    eligible = eligible.reshape(labels.shape)
    chase = eligible & ((status == OVERDUE) | (status == DUE))
    coming = eligible & (status == UPCOMING)
    if not chase.size:
        return np.full(len(chase), -1)
    first_chase, first_coming = chase.argmax(axis=1), coming.argmax(axis=1)
    return np.where(chase.any(axis=1), first_chase, np.where(coming.any(axis=1), first_coming, -1))


def _next_of_row(table: StatusTable, i: int, column: int, unknown: Sequence[str]) -> TimepointStatus | None:
    if column >= 0:
        code = int(table.status[i, column])
        return TimepointStatus(table.labels[i, column], table.due[i, column].astype(object), STATUSES[code])
    label = next((u for u in unknown if UNKNOWN_MONTH not in u), None)
    return TimepointStatus(label, None, "unknown") if label is not None else None


def next_due(items: Sequence[TimepointStatus]) -> TimepointStatus | None:
    """The timepoint to do next among one patient's statuses (`next_due_cells` for one row): the first
    overdue or due one, else the first upcoming one, else the first protocol timepoint whose anchor date
    is not recorded yet (its date cannot be scheduled)."""
    import numpy as np

    scheduled = [s for s in items if s.status != "unknown"]
    labels = np.array([s.label for s in scheduled], dtype=object).reshape(1, -1)
    status = np.array([STATUSES.index(s.status) for s in scheduled], dtype=np.int8).reshape(1, -1)
    column = int(next_due_cells(labels, status)[0])
    if column >= 0:
        return scheduled[column]
    label = next((s.label for s in items if s.status == "unknown" and UNKNOWN_MONTH not in s.label), None)
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
    evaluating the rule on each of those days is exact: one table, a row per such day. Stored per
    patient, it lets the patient list filter and sort a whole clinic by what is due without computing
    every schedule at start-up."""
    import numpy as np

    first = status_table(rules, _one(anchors), {}, date.min, 1)
    scheduled = ~np.isnat(first.due[0])
    due, window = first.due[0][scheduled], first.window[0][scheduled]
    days = sorted(set((due - window).tolist()) | set((due + window + np.timedelta64(1, "D")).tolist()))
    starts = [date.min, *days]
    rows = len(starts)
    visited = {label: np.ones(rows, dtype=bool) for label in done}
    table = status_table(rules, _one(anchors, rows), visited, np.array(starts, dtype="datetime64[D]"), rows)
    columns = next_due_cells(table.labels, table.status).tolist()
    labels, dues, codes = table.labels[0].tolist(), table.due[0].tolist(), table.status.tolist()
    unknown = _unknown(rules, anchors)
    nothing = _next_of_row(table, 0, -1, unknown)  # no scheduled timepoint to do: the first unknown one
    segments: list[DueSegment] = []
    for i, (start, end) in enumerate(zip(starts, [*days, date.max])):
        column = columns[i]
        current = TimepointStatus(labels[column], dues[column], STATUSES[codes[i][column]]) if column >= 0 else nothing
        if segments and segments[-1].next == current:
            segments[-1] = DueSegment(segments[-1].starts, end, current)
        else:
            segments.append(DueSegment(start, end, current))
    return segments
