"""The cohort summary: IMWG categories and mean change per timepoint, the worklist, overdue timepoints.

Built from the analysis rows (services.dataset.visit_frame, set-based) with pandas, and from the
schedule statuses of every patient computed in memory from two queries.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ..forms.change import CHANGE_SCORES
from ..forms.schedule import UNSCHEDULED, TimepointRule, statuses
from ..persistence import analysis_queries as queries
from ..persistence.notes import latest_note_dates
from ..persistence.uow import UnitOfWork
from .dataset import CohortFilter, visit_frame
from .notes import TREND_REVIEWED
from .schedules import anchors_of, rules_for, timepoint_labels

if TYPE_CHECKING:
    import pandas as pd

CATEGORY_RANK = {"fit": 0, "intermediate": 1, "frail": 2}  # IMWG categories, fit < intermediate < frail
CATEGORY_COLUMNS = ("n", "fit", "intermediate", "frail", "incomplete")
MEAN_CHANGE_COLUMNS = ("timepoint", "score", "n", "mean_change", "direction")
CHANGE_DIRECTION = {k: "negative = decline" if sign < 0 else "positive = decline" for k, sign in CHANGE_SCORES.items()}


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


def timepoint_order(uow: UnitOfWork, present: set[str]) -> list[str]:
    """Protocol order (default schedule), then timepoints it does not know (A-Z), 'Unscheduled' last."""
    known = [t for t in timepoint_labels(uow) if t in present and t != UNSCHEDULED]
    unknown = sorted(present - set(known) - {UNSCHEDULED})
    return known + unknown + ([UNSCHEDULED] if UNSCHEDULED in present else [])


def category_counts(frame: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    import pandas as pd

    cat = frame["imwg_category"]
    flags = pd.DataFrame({"timepoint": frame["timepoint"], "n": 1, "fit": cat.eq("fit"),
                          "intermediate": cat.eq("intermediate"), "frail": cat.eq("frail"), "incomplete": cat.isna()})
    counts = flags.groupby("timepoint").sum().reindex(order, fill_value=0)
    counts = counts[list(CATEGORY_COLUMNS)].astype("int64")
    counts.index.name = "timepoint"
    return counts


def mean_changes(frame: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Per timepoint and score: visits with a change from baseline, and their mean change (NaN when none)."""
    import pandas as pd

    columns = [f"change_{k}" for k in CHANGE_SCORES]
    grouped = frame[["timepoint", *columns]].astype({c: "float64" for c in columns}).groupby("timepoint")
    counts, means = grouped.count().reindex(order, fill_value=0), grouped.mean().reindex(order)
    rows = [(tp, key, int(counts.at[tp, f"change_{key}"]), float(means.at[tp, f"change_{key}"]), CHANGE_DIRECTION[key])
            for tp in order for key in CHANGE_SCORES]
    return pd.DataFrame(rows, columns=list(MEAN_CHANGE_COLUMNS))


def _reasons(latest: Any, scored: Any | None) -> tuple[str | None, str | None, list[str]]:
    base_cat = scored["baseline_imwg_category"] if scored is not None else None
    latest_cat = scored["imwg_category"] if scored is not None else None
    reasons = []
    if base_cat is not None and latest_cat is not None and CATEGORY_RANK[latest_cat] > CATEGORY_RANK[base_cat]:
        reasons.append(f"worsened since baseline: {base_cat} -> {latest_cat}")
    if latest["declined"]:
        reasons.append("latest visit declined: " + ", ".join(latest["declined"]))
    return base_cat, latest_cat, reasons


def worklist(frame: pd.DataFrame, reviewed: dict[str, date] | None = None) -> list[WorklistRow]:
    """Patients whose category at their latest visit with a category is worse than at its baseline, or
    whose latest visit declined on any score (forms.change.declined)."""
    if frame.empty:
        return []
    latest = frame.groupby("patient_id", sort=True).tail(1).set_index("patient_id")
    scored = frame[frame["imwg_category"].notna()].groupby("patient_id").tail(1).set_index("patient_id")
    out = []
    for pid, row in latest.sort_index().iterrows():
        base_cat, latest_cat, reasons = _reasons(row, scored.loc[pid] if pid in scored.index else None)
        if reasons:
            out.append(WorklistRow(str(pid), row["patient_name"], row["visit_date"], row["timepoint"], base_cat,
                                   latest_cat, "; ".join(reasons), (reviewed or {}).get(str(pid))))
    return out


def overdue(uow: UnitOfWork, filters: CohortFilter, today: date) -> list[OverdueRow]:
    """Overdue scheduled timepoints of the patients the patient-level filters select (visit dates and
    assessor do not apply: overdue is about today). Two queries, then forms.schedule per patient."""
    scope = {"index_disease": filters.index_disease, "study_ids": filters.study_ids}
    done: dict[int, set[str]] = defaultdict(set)
    for patient_id, timepoint in queries.visited_timepoints(uow.session, **scope):
        done[patient_id].add(timepoint)
    rules: dict[int | None, tuple[TimepointRule, ...]] = {}
    out = []
    for p in queries.patients_with_milestones(uow.session, **scope):
        if p.schedule_id not in rules:  # one schedule query per schedule, not per patient
            rules[p.schedule_id] = rules_for(uow, p)
        for s in statuses(rules[p.schedule_id], anchors_of(p), done[p.id], today):
            if s.status == "overdue" and s.due is not None and (filters.timepoints is None or s.label in filters.timepoints):
                out.append(OverdueRow(p.study_id, p.name, s.label, s.due, (today - s.due).days))
    return out


def cohort_summary(uow: UnitOfWork, filters: CohortFilter | None, today: date) -> CohortSummary:
    f = filters or CohortFilter()
    frame = visit_frame(uow, f)
    order = timepoint_order(uow, set(frame["timepoint"]))
    return CohortSummary(
        filters=f, today=today, n_patients=int(frame["patient_id"].nunique()), n_visits=len(frame),
        categories=category_counts(frame, order), mean_change=mean_changes(frame, order),
        worklist=worklist(frame, latest_note_dates(uow.session, TREND_REVIEWED)), overdue=overdue(uow, f, today),
    )
