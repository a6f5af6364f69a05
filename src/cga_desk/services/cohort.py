"""The cohort summary: IMWG categories and mean change per timepoint, the worklist, overdue timepoints.

Computed on numpy columns of every visit of the chosen patients (services.visit_table: one query read
in batches, only the columns the summary needs, no item answers), with baseline and change from
forms.change over each patient's full history, and the overdue timepoints from
forms.schedule over all patients of a schedule at once. Python objects are made only for the
rows of the two lists. A fixed number of queries, whatever the number of patients.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .. import i18n
from ..domain import access
from ..domain.records import User
from ..forms import categories, messages
from ..forms.change import CHANGE_SCORES
from ..forms.schedule import UNSCHEDULED
from ..i18n import translate
from ..persistence import analysis_queries as queries
from ..persistence.notes import latest_note_dates
from ..persistence.uow import UnitOfWork
from .dataset import CohortFilter
from .notes import TREND_REVIEWED
from .schedules import schedule_rules, timepoint_labels

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from .visit_table import Changes, Columns

CATEGORY_RANK = categories.RANK  # IMWG categories, fit < intermediate < frail (forms.categories)
CATEGORY_COLUMNS = ("n", "fit", "intermediate", "frail", "incomplete")
MEAN_CHANGE_COLUMNS = ("timepoint", "score", "n", "mean_change", "direction")
CHANGE_DIRECTION = {k: "negative = decline" if sign < 0 else "positive = decline" for k, sign in CHANGE_SCORES.items()}
_VISIT_KINDS = {
    "patient_id": "int",
    "visit_date": "date",
    "timepoint": "code",
    "is_baseline": "flag",
    **{k: "number" for k in CHANGE_SCORES},
    "imwg_category": "code",
}
_PATIENT_KINDS = {"id": "int", "study_id": "text", "name": "text", "diagnosis_date": "date", "schedule_id": "number"}


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
class CohortSummary:
    filters: CohortFilter
    today: date
    n_patients: int  # patients with at least one visit in the selection
    n_visits: int
    categories: pd.DataFrame  # index timepoint; columns n, fit, intermediate, frail, incomplete
    mean_change: pd.DataFrame  # timepoint, score, n, mean_change, direction
    worklist: list[WorklistRow] = field(default_factory=list)
    overdue: list[OverdueRow] = field(default_factory=list)


@dataclass(frozen=True)
class _Cohort:
    """The chosen patients (study ID order) and all their visits (patient, date, id order), with each
    visit's row in `people`, its changes, and whether it passes the visit-level filters."""

    people: Columns
    visits: Columns
    person: np.ndarray
    changes: Changes
    kept: np.ndarray


def timepoint_order(uow: UnitOfWork, present: set[str]) -> list[str]:
    """Protocol order (default schedule), then timepoints it does not know (A-Z), 'Unscheduled' last."""
    known = [t for t in timepoint_labels(uow) if t in present and t != UNSCHEDULED]
    unknown = sorted(present - set(known) - {UNSCHEDULED})
    return known + unknown + ([UNSCHEDULED] if UNSCHEDULED in present else [])


def _read(uow: UnitOfWork, f: CohortFilter) -> _Cohort:
    from .visit_table import changes, positions, read_columns

    people = read_columns(queries.patient_rows(uow.session, list(_PATIENT_KINDS), **f.scope), _PATIENT_KINDS).sorted_by(
        "study_id"
    )
    kinds = _VISIT_KINDS | ({"assessor": "code"} if f.assessor is not None else {})
    visits = read_columns(queries.visit_rows(uow.session, list(kinds), **f.scope), kinds)
    kept = f.visit_mask(
        visits.decoded("timepoint"),
        visits["visit_date"],
        visits.decoded("assessor") if f.assessor is not None else None,
    )
    return _Cohort(people, visits, positions(people["id"], visits["patient_id"]), changes(visits), kept)


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


def mean_changes(c: _Cohort, order: list[str]) -> pd.DataFrame:
    """Per timepoint and score: kept visits with a change from baseline, and their mean change (NaN when none)."""
    import numpy as np
    import pandas as pd

    timepoints = c.visits.vocabulary["timepoint"]
    where = {t: i for i, t in enumerate(timepoints)}
    stats = {}
    for key in CHANGE_SCORES:
        change = c.changes.change[key]
        has = c.kept & ~np.isnan(change)
        n = np.bincount(c.visits["timepoint"][has], minlength=len(timepoints))
        total = np.bincount(c.visits["timepoint"][has], weights=change[has], minlength=len(timepoints))
        stats[key] = (n, np.divide(total, n, out=np.full(len(n), np.nan), where=n > 0))
    rows = [
        (tp, key, int(stats[key][0][where[tp]]), float(stats[key][1][where[tp]]), CHANGE_DIRECTION[key])
        for tp in order
        for key in CHANGE_SCORES
    ]
    return pd.DataFrame(rows, columns=list(MEAN_CHANGE_COLUMNS))


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


def _visited(c: _Cohort) -> dict[str, np.ndarray]:
    """Timepoint label -> whether each patient has a visit at it, whatever its status or the visit-level
    filters (forms.schedule's `done`)."""
    import numpy as np

    out = {}
    for code, label in enumerate(c.visits.vocabulary["timepoint"]):
        out[label] = np.zeros(len(c.people), dtype=bool)
        out[label][c.person[c.visits["timepoint"] == code]] = True
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


def overdue(uow: UnitOfWork, f: CohortFilter, today: date, c: _Cohort) -> list[OverdueRow]:
    """Overdue scheduled timepoints of the patients the patient-level filters select (visit dates and
    assessor do not apply: overdue is about today), one schedule at a time, in study ID order."""
    import numpy as np

    from ..forms.schedule import STATUSES, status_table

    anchors, visited = _anchors(uow, f, c), _visited(c)
    schedule = np.nan_to_num(c.people["schedule_id"], nan=0).astype(np.int64)  # 0: none, the default applies
    found: list[tuple[np.ndarray, ...]] = []  # (patient row, slot, label, due) of the overdue cells
    for schedule_id in np.unique(schedule).tolist():
        members = np.flatnonzero(schedule == schedule_id)
        table = status_table(
            schedule_rules(uow, schedule_id or None),
            {k: a[members] for k, a in anchors.items()},
            {k: a[members] for k, a in visited.items()},
            today,
            len(members),
        )
        r, k = np.nonzero(table.status == STATUSES.index("overdue"))
        if f.timepoints is not None:
            wanted = np.isin(table.labels[r, k], list(f.timepoints))
            r, k = r[wanted], k[wanted]
        found.append((members[r], k, table.labels[r, k], table.due[r, k]))
    who, slot, label, due = (np.concatenate(x) for x in zip(*found)) if found else (np.empty(0, int),) * 4
    order = np.lexsort((slot, who))
    who, label, due = who[order], label[order], due[order].astype(object)
    return [
        OverdueRow(s, n, lb, d, (today - d).days)
        for s, n, lb, d in zip(
            c.people["study_id"][who].tolist(), c.people["name"][who].tolist(), label.tolist(), due.tolist()
        )
    ]


def cohort_summary(uow: UnitOfWork, by: User, filters: CohortFilter | None, today: date) -> CohortSummary:
    """What the cohort page and the cohort report show, for the visits the filters keep."""
    import numpy as np

    access.require(by, access.READ)
    f = filters or CohortFilter()
    c = _read(uow, f)
    timepoints = c.visits.vocabulary["timepoint"]
    order = timepoint_order(uow, {timepoints[i] for i in np.unique(c.visits["timepoint"][c.kept]).tolist()})
    return CohortSummary(
        filters=f,
        today=today,
        n_patients=len(np.unique(c.visits["patient_id"][c.kept])),
        n_visits=int(c.kept.sum()),
        categories=category_counts(c, order),
        mean_change=mean_changes(c, order),
        worklist=worklist(c, latest_note_dates(uow.session, TREND_REVIEWED)),
        overdue=overdue(uow, f, today, c),
    )
