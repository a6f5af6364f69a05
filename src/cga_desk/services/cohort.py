"""The cohort summary: IMWG categories and change from baseline per timepoint (n, mean, median and
quartiles), the worklist, overdue timepoints and the patients whose due dates cannot be computed.

Computed on numpy columns of every visit of the chosen patients (services.visit_table: one query read
in batches, only the columns the summary needs, no item answers), with baseline and change from
forms.change over each patient's history, and the overdue timepoints from forms.schedule over all
patients of a schedule at once. Python objects are made only for the rows of the lists. A fixed number
of queries, whatever the number of patients.

What is counted (docs/clinical-decisions.md, "Cohort summary"): complete and signed visits unless
`CohortOptions.include_drafts`; drafts left out are neither counted nor a baseline (the summary is what
it would be without them). Change is from the patient's first baseline (the protocol's comparator)
unless `CohortOptions.baseline` is LATEST_BASELINE (the most recent marked baseline, as the patient
page compares).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .. import i18n
from ..domain import access
from ..domain.errors import ValidationError
from ..domain.records import DRAFT, User
from ..forms import categories, messages
from ..forms.change import CHANGE_SCORES
from ..forms.schedule import UNSCHEDULED, TimepointRule
from ..i18n import translate
from ..persistence import analysis_queries as queries
from ..persistence.notes import latest_note_dates
from ..persistence.uow import UnitOfWork
from .dataset import CohortFilter
from .notes import TREND_REVIEWED
from .schedules import schedule_rules

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from .visit_table import Changes, Columns

CATEGORY_RANK = categories.RANK  # IMWG categories, fit < intermediate < frail (forms.categories)
CATEGORY_COLUMNS = ("n", "fit", "intermediate", "frail", "incomplete")
MEAN_CHANGE_COLUMNS = ("timepoint", "score", "n", "mean_change", "median", "q1", "q3", "direction")
FIRST_BASELINE, LATEST_BASELINE = "first", "latest"  # CohortOptions.baseline
CHANGE_DIRECTION = {k: "negative = decline" if sign < 0 else "positive = decline" for k, sign in CHANGE_SCORES.items()}
_VISIT_KINDS = {
    "patient_id": "int",
    "visit_date": "date",
    "timepoint": "code",
    "is_baseline": "flag",
    "status": "code",
    **{k: "number" for k in CHANGE_SCORES},
    "imwg_category": "code",
}
_PATIENT_KINDS = {"id": "int", "study_id": "text", "name": "text", "diagnosis_date": "date", "schedule_id": "number"}


@dataclass(frozen=True)
class CohortOptions:
    """What the summary counts and compares: drafts are left out unless asked for; change is from the
    patient's first baseline (FIRST_BASELINE, the protocol's comparator) or the latest (LATEST_BASELINE)."""

    include_drafts: bool = False
    baseline: str = FIRST_BASELINE

    def __post_init__(self) -> None:
        if self.baseline not in (FIRST_BASELINE, LATEST_BASELINE):
            raise ValidationError("baseline", f"{self.baseline!r} is not {FIRST_BASELINE!r} or {LATEST_BASELINE!r}")


@dataclass(frozen=True)
class WorklistRow:
    """A patient whose IMWG category worsened since baseline, or whose latest visit declined."""

    study_id: str
    name: str | None
    latest_visit_date: date
    latest_timepoint: str
    baseline_category: str | None  # of the latest visit with an IMWG category: its baseline's category
    latest_category: str | None  # the latest IMWG category (None when no visit has one)
    reason: str
    reviewed_on: date | None = None  # the latest "trend reviewed" note, if any


@dataclass(frozen=True)
class OverdueRow:
    study_id: str
    name: str | None
    timepoint: str
    due: date
    days_overdue: int  # days since the due date


@dataclass(frozen=True)
class UncheckedRow:
    """A patient none of whose timepoints has a due date (no diagnosis date and no milestone an anchor
    of the schedule needs): nothing can be overdue for them, so they are named rather than counted as
    on time."""

    study_id: str
    name: str | None
    last_visit: date | None  # of any status; None: never seen


@dataclass(frozen=True)
class CohortSummary:
    filters: CohortFilter
    today: date
    n_patients: int  # patients with at least one counted visit in the selection
    n_visits: int  # counted visits
    categories: pd.DataFrame  # index timepoint; columns n, fit, intermediate, frail, incomplete
    mean_change: pd.DataFrame  # timepoint, score, n, mean_change, median, q1, q3, direction
    worklist: list[WorklistRow] = field(default_factory=list)
    overdue: list[OverdueRow] = field(default_factory=list)
    options: CohortOptions = field(default_factory=CohortOptions)
    drafts_left_out: int = 0  # draft visits passing the filters, not counted (0 when drafts are included)
    rebaselined: int = 0  # patients with counted visits after a second baseline (where the policy matters)
    n_scheduled: int = 0  # patients in the patient-level selection with at least one computable due date
    unchecked: list[UncheckedRow] = field(default_factory=list)  # the others, oldest last visit first


@dataclass(frozen=True)
class _Cohort:
    """The chosen patients (study ID order) and all their visits (patient, date, id order), with each
    visit's row in `people`, its changes, and whether it passes the visit-level filters."""

    people: Columns
    visits: Columns  # the visits counted (drafts left out unless included)
    person: np.ndarray
    changes: Changes
    kept: np.ndarray
    visited: dict[str, np.ndarray]  # timepoint -> whether each patient has a visit there, of any status
    last_visit: np.ndarray  # per patient, the date of the latest visit of any status (NaT: none)
    drafts_left_out: int


def _natural(label: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key with numbers as numbers: "Follow-up month 63" before "Follow-up month 102"."""
    return tuple((1, int(p), "") if p.isdigit() else (0, 0, p.casefold()) for p in re.split(r"(\d+)", label))


def _schedule_labels(rules: tuple[TimepointRule, ...]) -> list[str]:
    """A schedule's timepoints in its own order, a repeating rule's occurrences in place."""
    out: list[str] = []
    for r in rules:
        if "{month}" in r.label and r.repeat_every_months:
            months = range(r.repeat_every_months, (r.repeat_until_months or 60) + 1, r.repeat_every_months)
            out += [r.label.replace("{month}", str(m)) for m in months]
        else:
            out.append(r.label)
    return out


def timepoint_order(uow: UnitOfWork, present: set[str], schedule_ids: tuple[int, ...] = ()) -> list[str]:
    """Protocol order: the default schedule's timepoints in its order, then those of the other schedules
    in use (each in its order); then timepoints no schedule knows in natural order (numbers as numbers:
    month 63 before month 102), 'Unscheduled' last."""
    known: list[str] = []
    for schedule_id in (None, *schedule_ids):
        known += [t for t in _schedule_labels(schedule_rules(uow, schedule_id)) if t not in known]
    ordered = [t for t in known if t in present and t != UNSCHEDULED]
    unknown = sorted(present - set(ordered) - {UNSCHEDULED}, key=_natural)
    return ordered + unknown + ([UNSCHEDULED] if UNSCHEDULED in present else [])


def _rows(columns: Columns, mask: np.ndarray) -> Columns:
    from .visit_table import Columns

    return Columns({k: v[mask] for k, v in columns.values.items()}, columns.vocabulary)


def _read(uow: UnitOfWork, f: CohortFilter, options: CohortOptions) -> _Cohort:
    import numpy as np

    from .visit_table import changes, positions, read_columns

    people = read_columns(queries.patient_rows(uow.session, list(_PATIENT_KINDS), **f.scope), _PATIENT_KINDS).sorted_by(
        "study_id"
    )
    kinds = _VISIT_KINDS | ({"assessor": "code"} if f.assessor is not None else {})
    every = read_columns(queries.visit_rows(uow.session, list(kinds), **f.scope), kinds)
    person = positions(people["id"], every["patient_id"])
    visited = _visited(every, person, len(people))
    last = np.full(len(people), np.datetime64("NaT", "D"))
    if len(every):  # rows are in patient, date order: each patient's last row is its latest visit
        ends = np.append(every["patient_id"][1:] != every["patient_id"][:-1], True)
        last[person[ends]] = every["visit_date"][ends]
    counted = np.ones(len(every), dtype=bool)
    drafts = 0
    if not options.include_drafts:
        statuses = every.vocabulary["status"]
        draft = every["status"] == (statuses.index(DRAFT) if DRAFT in statuses else -2)
        drafts = int((draft & _visit_mask(f, every)).sum())
        counted = ~draft
    visits = _rows(every, counted)
    return _Cohort(
        people,
        visits,
        person[counted],
        changes(visits, first_baseline=options.baseline == FIRST_BASELINE),
        _visit_mask(f, visits),
        visited,
        last,
        drafts,
    )


def _visit_mask(f: CohortFilter, visits: Columns) -> np.ndarray:
    return f.visit_mask(
        visits.decoded("timepoint"),
        visits["visit_date"],
        visits.decoded("assessor") if f.assessor is not None else None,
    )


def category_counts(c: _Cohort, order: list[str]) -> pd.DataFrame:
    """Per timepoint: kept visits, and how many are fit, intermediate, frail, or have no IMWG category."""
    import numpy as np
    import pandas as pd

    other, incomplete = len(CATEGORY_RANK), len(CATEGORY_RANK) + 1  # slots after fit, intermediate, frail
    slot = np.array([CATEGORY_RANK.get(n, other) for n in c.visits.vocabulary["imwg_category"]] + [incomplete])
    timepoints = c.visits.vocabulary["timepoint"]
    cells = c.visits["timepoint"][c.kept] * (incomplete + 1) + slot[c.visits["imwg_category"][c.kept]]
    counts = np.bincount(cells, minlength=len(timepoints) * (incomplete + 1)).reshape(len(timepoints), incomplete + 1)
    frame = pd.DataFrame(
        {
            "n": counts.sum(axis=1),
            **{k: counts[:, i] for k, i in CATEGORY_RANK.items()},
            "incomplete": counts[:, incomplete],
        },
        index=pd.Index(timepoints),
    )
    frame = frame.reindex(order).astype("int64")
    frame.index.name = "timepoint"
    return frame


def group_quantiles(group: np.ndarray, values: np.ndarray, groups: int, ps: tuple[float, ...]) -> list[np.ndarray]:
    """The p-quantiles of `values` within each group code 0..groups-1 (NaN for an empty group), by linear
    interpolation between order statistics (numpy's default, Hyndman & Fan type 7), all groups at once
    from one sort."""
    import numpy as np

    ordered = values[np.lexsort((values, group))]
    n = np.bincount(group, minlength=groups)
    starts = np.concatenate(([0], np.cumsum(n)[:-1]))
    has = n > 0
    out = []
    for p in ps:
        q = np.full(groups, np.nan)
        position = starts[has] + (n[has] - 1) * p
        low, high = np.floor(position).astype(np.int64), np.ceil(position).astype(np.int64)
        q[has] = ordered[low] + (ordered[high] - ordered[low]) * (position - low)
        out.append(q)
    return out


def mean_changes(c: _Cohort, order: list[str]) -> pd.DataFrame:
    """Per timepoint and score: counted visits with a change from baseline (n), their mean change, median and
    quartiles (NaN when none)."""
    import numpy as np
    import pandas as pd

    timepoints = c.visits.vocabulary["timepoint"]
    where = {t: i for i, t in enumerate(timepoints)}
    stats = {}
    for key in CHANGE_SCORES:
        change = c.changes.change[key]
        has = c.kept & ~np.isnan(change)
        group, values = c.visits["timepoint"][has], change[has]
        n = np.bincount(group, minlength=len(timepoints))
        total = np.bincount(group, weights=values, minlength=len(timepoints))
        mean = np.divide(total, n, out=np.full(len(n), np.nan), where=n > 0)
        stats[key] = (n, mean, *group_quantiles(group, values, len(timepoints), (0.5, 0.25, 0.75)))
    rows = [
        (tp, key, int(stats[key][0][where[tp]]), *(float(a[where[tp]]) for a in stats[key][1:]), CHANGE_DIRECTION[key])
        for tp in order
        for key in CHANGE_SCORES
    ]
    return pd.DataFrame(rows, columns=list(MEAN_CHANGE_COLUMNS))


def rebaselined_patients(c: _Cohort, options: CohortOptions) -> int:
    """Patients with a counted visit after a second baseline: the ones the baseline policy changes."""
    import numpy as np

    from ..forms.change import first_baselines
    from .visit_table import changes

    # the change rule's own (most recent marked) baselines
    latest = c.changes.baseline if options.baseline == LATEST_BASELINE else changes(c.visits).baseline
    differs = c.kept & (latest != first_baselines(c.visits["patient_id"], latest))
    return len(np.unique(c.visits["patient_id"][differs]))


def _last_of_each_patient(rows: np.ndarray, patient: np.ndarray) -> np.ndarray:
    """Of visit rows in patient, date, id order: the last row of each patient."""
    import numpy as np

    ids = patient[rows]
    return rows[np.append(ids[1:] != ids[:-1], True)] if len(rows) else rows


def _reason(base: str | None, latest: str | None, worsened: bool, declined: list[str]) -> str:
    if not i18n.is_english():  # in words on a Chinese screen and report; the codes stay in English
        base, latest = messages.category_code_words(base), messages.category_code_words(latest)
        declined = [messages.score_label(k) for k in declined]
    reasons = (
        [translate("services", "worsened since baseline: {base} -> {latest}").format(base=base, latest=latest)]
        if worsened
        else []
    )
    if declined:
        reasons.append(translate("services", "latest visit declined: ") + ", ".join(declined))
    return "; ".join(reasons)


def worklist(c: _Cohort, reviewed: dict[str, date]) -> list[WorklistRow]:
    """Patients whose category at their latest kept visit with a category is worse than at its baseline,
    or whose latest kept visit declined on any score (forms.change.declined); in study ID order."""
    import numpy as np

    from ..forms.change import at_baseline

    v, patient = c.visits, c.visits["patient_id"]
    latest = _last_of_each_patient(np.flatnonzero(c.kept), patient)
    scored = _last_of_each_patient(np.flatnonzero(c.kept & (v["imwg_category"] >= 0)), patient)
    now = np.full(len(latest), -1)  # category codes of the latest kept visit with a category, and of its baseline
    now[np.searchsorted(patient[latest], patient[scored])] = v["imwg_category"][scored]
    base = np.full(len(latest), -1)
    base[np.searchsorted(patient[latest], patient[scored])] = at_baseline(v["imwg_category"], c.changes.baseline, -1)[
        scored
    ]
    codes = [*v.vocabulary["imwg_category"], None]  # code -1 (none) indexes the last
    worse_than = np.array([[categories.is_decline(a, b) for b in codes] for a in codes], dtype=bool)
    worsened = worse_than[base, now]  # forms.categories.is_decline for every (baseline, latest) pair
    declined = np.stack([d[latest] for d in c.changes.declined().values()], axis=1)
    listed = np.flatnonzero(worsened | declined.any(axis=1))
    listed = listed[np.argsort(c.person[latest[listed]], kind="stable")]  # study ID order
    rows, who, names = latest[listed], c.person[latest[listed]], v.names("imwg_category")
    out = []
    for study_id, name, day, timepoint, before, after, worse, flags in zip(
        c.people["study_id"][who].tolist(),
        c.people["name"][who].tolist(),
        v["visit_date"][rows].astype(object).tolist(),
        v.names("timepoint")[v["timepoint"][rows]].tolist(),
        names[base[listed]].tolist(),
        names[now[listed]].tolist(),
        worsened[listed].tolist(),
        declined[listed].tolist(),
    ):
        reason = _reason(before, after, worse, [k for k, d in zip(CHANGE_SCORES, flags) if d])
        out.append(WorklistRow(study_id, name, day, timepoint, before, after, reason, reviewed.get(study_id)))
    return out


def _visited(visits: Columns, person: np.ndarray, patients: int) -> dict[str, np.ndarray]:
    """Timepoint label -> whether each patient has a visit at it, whatever its status (a draft too) or the
    visit-level filters (forms.schedule's `done`)."""
    import numpy as np

    out = {}
    for code, label in enumerate(visits.vocabulary["timepoint"]):
        out[label] = np.zeros(patients, dtype=bool)
        out[label][person[visits["timepoint"] == code]] = True
    return out


def _anchors(uow: UnitOfWork, f: CohortFilter, c: _Cohort) -> dict[str, np.ndarray]:
    """Per patient, the diagnosis date and the latest milestone of each kind (services.schedules.anchors_of)."""
    import numpy as np

    from .visit_table import positions, read_columns

    anchors = {"diagnosis": c.people["diagnosis_date"]}
    milestones = read_columns(
        queries.latest_milestones(uow.session, **f.scope), {"patient_id": "int", "kind": "code", "date": "date"}
    )
    who = positions(c.people["id"], milestones["patient_id"])
    for code, kind in enumerate(milestones.vocabulary["kind"]):
        mine = milestones["kind"] == code
        anchors[kind] = anchors.get(kind, np.full(len(c.people), np.datetime64("NaT", "D"))).copy()
        anchors[kind][who[mine]] = milestones["date"][mine]
    return anchors


def overdue(
    uow: UnitOfWork, f: CohortFilter, today: date, c: _Cohort
) -> tuple[list[OverdueRow], int, list[UncheckedRow]]:
    """Overdue scheduled timepoints of the patients the patient-level filters select (visit dates and
    assessor do not apply: overdue is about today), one schedule at a time, in study ID order; how many
    patients have at least one computable due date; and the others (no anchor date recorded), oldest
    last visit first (never seen first)."""
    import numpy as np

    from ..forms.schedule import NOT_SCHEDULED, STATUSES, status_table

    anchors, visited = _anchors(uow, f, c), c.visited
    schedule = np.nan_to_num(c.people["schedule_id"], nan=0).astype(np.int64)  # 0: none, the default applies
    found: list[tuple[np.ndarray, ...]] = []  # (patient row, slot, label, due) of the overdue cells
    scheduled = np.zeros(len(c.people), dtype=bool)
    for schedule_id in np.unique(schedule).tolist():
        members = np.flatnonzero(schedule == schedule_id)
        table = status_table(
            schedule_rules(uow, schedule_id or None),
            {k: a[members] for k, a in anchors.items()},
            {k: a[members] for k, a in visited.items()},
            today,
            len(members),
        )
        scheduled[members] = (table.status != NOT_SCHEDULED).any(axis=1)
        r, k = np.nonzero(table.status == STATUSES.index("overdue"))
        if f.timepoints is not None:
            wanted = np.isin(table.labels[r, k], list(f.timepoints))
            r, k = r[wanted], k[wanted]
        found.append((members[r], k, table.labels[r, k], table.due[r, k]))
    who, slot, label, due = (np.concatenate(x) for x in zip(*found)) if found else (np.empty(0, int),) * 4
    order = np.lexsort((slot, who))
    who, label, due = who[order], label[order], due[order].astype(object)
    rows = [
        OverdueRow(s, n, lb, d, (today - d).days)
        for s, n, lb, d in zip(
            c.people["study_id"][who].tolist(), c.people["name"][who].tolist(), label.tolist(), due.tolist()
        )
    ]
    lost = np.flatnonzero(~scheduled)  # study ID order; then never seen first, then the oldest last visit
    lost = lost[np.argsort(c.last_visit[lost], kind="stable")]  # NaT (never seen) sorts last...
    lost = lost[np.argsort(~np.isnat(c.last_visit[lost]), kind="stable")]  # ...and is moved first
    unchecked = [
        UncheckedRow(s, n, d)
        for s, n, d in zip(
            c.people["study_id"][lost].tolist(),
            c.people["name"][lost].tolist(),
            c.last_visit[lost].astype(object).tolist(),
        )
    ]
    return rows, int(scheduled.sum()), unchecked


def cohort_summary(
    uow: UnitOfWork, by: User, filters: CohortFilter | None, today: date, options: CohortOptions | None = None
) -> CohortSummary:
    """What the cohort page and the cohort report show, for the visits the filters keep: complete and
    signed ones, drafts too when `options.include_drafts`; change from the first baseline unless
    `options.baseline` is LATEST_BASELINE."""
    import numpy as np

    access.require(by, access.READ)
    f, options = filters or CohortFilter(), options or CohortOptions()
    c = _read(uow, f, options)
    timepoints = c.visits.vocabulary["timepoint"]
    schedules = tuple(int(s) for s in np.unique(c.people["schedule_id"][~np.isnan(c.people["schedule_id"])]))
    order = timepoint_order(uow, {timepoints[i] for i in np.unique(c.visits["timepoint"][c.kept]).tolist()}, schedules)
    late, n_scheduled, unchecked = overdue(uow, f, today, c)
    return CohortSummary(
        filters=f,
        today=today,
        n_patients=len(np.unique(c.visits["patient_id"][c.kept])),
        n_visits=int(c.kept.sum()),
        categories=category_counts(c, order),
        mean_change=mean_changes(c, order),
        worklist=worklist(c, latest_note_dates(uow.session, TREND_REVIEWED)),
        overdue=late,
        options=options,
        drafts_left_out=c.drafts_left_out,
        rebaselined=rebaselined_patients(c, options),
        n_scheduled=n_scheduled,
        unchecked=unchecked,
    )
