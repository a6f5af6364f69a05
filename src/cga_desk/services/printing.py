"""The three printed reports as PDF bytes, for the window's preview, printer and "save as PDF"."""

from __future__ import annotations

import io
from datetime import date

from ..domain import access
from ..domain.records import User
from ..persistence.uow import UnitOfWork
from .cohort import CohortOptions
from .dataset import CohortFilter
from .report_data import cohort_report_data, longitudinal_report_data, visit_report_data
from .settings import printed_settings


def longitudinal_pdf(uow: UnitOfWork, by: User, study_id: str, today: date) -> bytes:
    from ..reports.longitudinal import render_longitudinal

    access.require(by, access.PRINT)
    stream = io.BytesIO()
    render_longitudinal(longitudinal_report_data(uow, by, study_id, today), printed_settings(uow, by), stream)
    return stream.getvalue()


def visit_summary_pdf(uow: UnitOfWork, by: User, visit_id: int, today: date) -> bytes:
    from ..reports.visit_summary import render_visit_summary

    access.require(by, access.PRINT)
    stream = io.BytesIO()
    render_visit_summary(visit_report_data(uow, by, visit_id, today), printed_settings(uow, by), stream)
    return stream.getvalue()


def cohort_pdf(
    uow: UnitOfWork,
    by: User,
    filters: CohortFilter | tuple[CohortFilter | None, CohortOptions] | None,
    today: date,
) -> bytes:
    """`filters` alone (the default options), or (filters, options) as the window's cohort view asks."""
    from ..reports.cohort import render_cohort

    access.require(by, access.PRINT)
    chosen, options = filters if isinstance(filters, tuple) else (filters, None)
    stream = io.BytesIO()
    render_cohort(cohort_report_data(uow, by, chosen, today, options), printed_settings(uow, by), stream)
    return stream.getvalue()
