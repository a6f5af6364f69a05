"""The data of the printed reports, gathered from the store (the CLI and the window print the same)."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from ..domain import access
from ..domain.errors import NotFoundError
from ..domain.records import User, VisitView
from ..forms import categories as category_rules
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..persistence.uow import UnitOfWork
from ..reports.changes import LABELS
from ..reports.data import (
    Amendment,
    CategoryRow,
    CohortReportData,
    LongitudinalData,
    MeanChangeRow,
    OverdueRow,
    ReviewNote,
    UncheckedRow,
    VisitSummaryData,
    WorklistRow,
    longitudinal_data,
    visit_summary_data,
)
from . import audit
from .cohort import FIRST_BASELINE, CohortOptions, CohortSummary, cohort_summary
from .dataset import CohortFilter
from .history import read_history
from .notes import TREND_REVIEWED, patient_notes
from .visits import get_visit

COHORT_TITLE = QT_TRANSLATE_NOOP("report_data", "Cohort summary")


def visits_on(uow: UnitOfWork, by: User, study_id: str, day: date) -> list[VisitView]:
    """The patient's visits on one date, in the order they were recorded."""
    access.require(by, access.PRINT)
    return [r.visit for r in read_history(uow, study_id).rows if r.visit.visit_date == day]


def visit_report_data(uow: UnitOfWork, by: User, visit_id: int, today: date | None = None) -> VisitSummaryData:
    access.require(by, access.PRINT)
    study_id = get_visit(uow, by, visit_id).study_id
    history = read_history(uow, study_id)
    for row in history.rows:
        if row.visit.id == visit_id:
            b = row.change.baseline_index
            baseline = history.rows[b].visit if b is not None and not row.change.is_baseline else None
            data = visit_summary_data(history.patient, row.visit, row.change, today, baseline)
            return replace(data, amendments=_amendments(uow, visit_id))
    raise NotFoundError(f"No visit with number {visit_id}.")  # pragma: no cover - get_visit found it


def _amendments(uow: UnitOfWork, visit_id: int) -> tuple[Amendment, ...]:
    """Each kept (signed, then amended) version: the amender's full name, the date, the reason."""
    out = []
    for v in uow.visits.versions(visit_id):
        account = uow.users.get(v.superseded_by)
        name = account.full_name if account and account.full_name else v.superseded_by
        out.append(Amendment(name, v.superseded_at.date(), v.reason))
    return tuple(out)


def longitudinal_report_data(uow: UnitOfWork, by: User, study_id: str, today: date | None = None) -> LongitudinalData:
    access.require(by, access.PRINT)
    history = read_history(uow, study_id)
    return longitudinal_data(
        history.patient, [(r.visit, r.change) for r in history.rows], today, _reviews(uow, by, study_id)
    )


def _reviews(uow: UnitOfWork, by: User, study_id: str) -> list[ReviewNote]:
    """The physician's "trend reviewed" notes, each with the full name of its author's account."""
    out = []
    for n in patient_notes(uow, by, study_id):
        if n.kind != TREND_REVIEWED:
            continue
        account = uow.users.get(n.author)
        out.append(ReviewNote(n.note_date, n.text, n.author, account.full_name if account else "", n.created_at))
    return out


def cohort_report_data(
    uow: UnitOfWork,
    by: User,
    filters: CohortFilter | None = None,
    today: date | None = None,
    options: CohortOptions | None = None,
) -> CohortReportData:
    """The cohort summary of services.cohort, turned into the cohort report's plain rows."""
    access.require(by, access.PRINT)
    today = today or date.today()
    summary = cohort_summary(uow, by, filters, today, options)
    return CohortReportData(
        title=translate("report_data", COHORT_TITLE),
        filters=summary.filters.describe(),
        n_patients=summary.n_patients,
        n_visits=summary.n_visits,
        categories=_categories(summary),
        mean_changes=_mean_changes(summary),
        worklist=tuple(
            WorklistRow(
                w.study_id,
                _words(w.reason),
                w.reviewed_on,
                category_rules.is_decline(w.baseline_category, w.latest_category),
            )
            for w in summary.worklist
        ),
        overdue=tuple(OverdueRow(o.study_id, o.timepoint, o.due, o.days_overdue) for o in summary.overdue),
        generated_on=today,
        include_drafts=summary.options.include_drafts,
        drafts_left_out=summary.drafts_left_out,
        first_baseline=summary.options.baseline == FIRST_BASELINE,
        rebaselined=summary.rebaselined,
        n_scheduled=summary.n_scheduled,
        unchecked=tuple(UncheckedRow(u.study_id, u.last_visit) for u in summary.unchecked),
    )


def _categories(summary: CohortSummary) -> tuple[CategoryRow, ...]:
    return tuple(
        CategoryRow(str(tp), *(int(row[c]) for c in ("n", "fit", "intermediate", "frail", "incomplete")))
        for tp, row in summary.categories.iterrows()
    )


def _mean_changes(summary: CohortSummary) -> tuple[MeanChangeRow, ...]:
    def value(x: float, n: int) -> float | None:
        return None if n == 0 or math.isnan(x) else round(float(x), 2)

    rows = []
    for r in summary.mean_change.itertuples(index=False):
        n = int(r.n)
        rows.append(
            MeanChangeRow(
                str(r.timepoint),
                str(r.score),
                n,
                value(r.mean_change, n),
                value(r.median, n),
                value(r.q1, n),
                value(r.q3, n),
            )
        )
    return tuple(rows)


def _words(reason: str) -> str:
    """Score codes in a worklist reason, as printed elsewhere: "katz_adl" → "Katz ADL", "->" → "→"."""
    for code, label in LABELS.items():
        reason = reason.replace(code, label)
    return reason.replace(" -> ", " → ")


def record_report(uow: UnitOfWork, by: User, kind: str, target: str) -> None:
    """A printed report carries patient data out of the program: who printed what, and where, is audited."""
    access.require(by, access.PRINT)
    audit.record(uow, by, "report", "report", target, "kind", None, kind)
    uow.commit()
