"""The three printed reports as PDF bytes, for the window's preview, printer and "save as PDF"."""

from __future__ import annotations

import io
from datetime import date

from ..persistence.uow import UnitOfWork
from .dataset import CohortFilter
from .report_data import cohort_report_data, longitudinal_report_data, visit_report_data
from .settings import printed_settings


def longitudinal_pdf(uow: UnitOfWork, study_id: str, today: date) -> bytes:
    from ..reports.longitudinal import render_longitudinal

    stream = io.BytesIO()
    render_longitudinal(longitudinal_report_data(uow, study_id, today), printed_settings(uow), stream)
    return stream.getvalue()


def visit_summary_pdf(uow: UnitOfWork, visit_id: int, today: date) -> bytes:
    from ..reports.visit_summary import render_visit_summary

    stream = io.BytesIO()
    render_visit_summary(visit_report_data(uow, visit_id, today), printed_settings(uow), stream)
    return stream.getvalue()


def cohort_pdf(uow: UnitOfWork, filters: CohortFilter | None, today: date) -> bytes:
    from ..reports.cohort import render_cohort

    stream = io.BytesIO()
    render_cohort(cohort_report_data(uow, filters, today), printed_settings(uow), stream)
    return stream.getvalue()
