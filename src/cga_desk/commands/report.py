"""`cga-desk report`: a patient's longitudinal report, one visit's summary, or the cohort summary, as PDF."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from ..domain.errors import CgaDeskError, NotFoundError, ValidationError
from .auth import Credentials, refusal, signed_in_store

if TYPE_CHECKING:
    from ..domain.records import User
    from ..persistence.uow import UnitOfWork
    from ..services.cohort import CohortOptions

EXIT_OK, EXIT_ENVIRONMENT, EXIT_REFUSED = 0, 1, 2
Render = Callable[[BinaryIO], None]


class ReportArgumentError(CgaDeskError):
    """The options of `cga-desk report` do not make one report."""


def write_atomically(path: Path, render: Render) -> None:
    """Render into a temporary file beside `path`, then rename: never a half-written PDF."""
    from ..interop.partfiles import temporary_beside

    fd, tmp = temporary_beside(path)
    try:
        with os.fdopen(fd, "wb") as stream:
            render(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_arguments(
    patient_id: str | None, visit: str | None, cohort: bool, cohort_options: bool = False
) -> date | None:
    """The visit date asked for (or None); refuses option combinations that make no single report."""
    from ..domain.limits import STUDY_ID_MAX, check_text
    from ..forms.document import parse_date

    if cohort and (patient_id or visit):
        raise ReportArgumentError("--cohort takes no PATIENT_ID and no --visit")
    if cohort_options and not cohort:
        raise ReportArgumentError("--include-drafts and --baseline are options of the cohort summary (--cohort)")
    if not cohort and not patient_id:
        raise ReportArgumentError("give a PATIENT_ID, or --cohort")
    if patient_id is not None:
        check_text(patient_id, "PATIENT_ID", STUDY_ID_MAX, required=True)
    return parse_date(visit, "--visit") if visit else None


def _visit_render(
    uow: UnitOfWork, by: User, patient_id: str, day: date, today: date, out: TextIO
) -> tuple[Render, str]:
    from ..reports.visit_summary import render_visit_summary
    from ..services.report_data import visit_report_data, visits_on
    from ..services.settings import printed_settings

    found = visits_on(uow, by, patient_id, day)
    if not found:
        raise NotFoundError(f"{patient_id} has no visit on {day.isoformat()}.")
    if len(found) > 1:
        others = ", ".join(v.timepoint for v in found[1:])
        print(
            f"{patient_id} has {len(found)} visits on {day.isoformat()}: printing the first "
            f"({found[0].timepoint}); not printed: {others}.",
            file=out,
        )
    data, settings = visit_report_data(uow, by, found[0].id, today), printed_settings(uow, by)
    return (
        lambda s: render_visit_summary(data, settings, s)
    ), f"visit summary of {patient_id} ({found[0].timepoint}, {day.isoformat()})"


def _patient_render(uow: UnitOfWork, by: User, patient_id: str, today: date) -> tuple[Render, str]:
    from ..reports.longitudinal import render_longitudinal
    from ..services.report_data import longitudinal_report_data
    from ..services.settings import printed_settings

    data, settings = longitudinal_report_data(uow, by, patient_id, today), printed_settings(uow, by)
    return (
        lambda s: render_longitudinal(data, settings, s)
    ), f"longitudinal report of {patient_id} ({len(data.rows)} visits)"


def _cohort_render(uow: UnitOfWork, by: User, today: date, options: CohortOptions) -> tuple[Render, str]:
    from ..reports.cohort import render_cohort
    from ..services.report_data import cohort_report_data
    from ..services.settings import printed_settings

    data, settings = cohort_report_data(uow, by, today=today, options=options), printed_settings(uow, by)
    return (
        lambda s: render_cohort(data, settings, s)
    ), f"cohort summary ({data.n_patients} patients, {data.n_visits} visits)"


def _prepare(
    uow: UnitOfWork,
    by: User,
    patient_id: str | None,
    day: date | None,
    today: date,
    out: TextIO,
    options: CohortOptions,
) -> tuple[Render, str]:
    if patient_id is None:
        return _cohort_render(uow, by, today, options)
    if day is not None:
        return _visit_render(uow, by, patient_id, day, today, out)
    return _patient_render(uow, by, patient_id, today)


def run_report(
    db_url: str | None,
    patient_id: str | None,
    visit: str | None,
    cohort: bool,
    out_file: str,
    stdout: TextIO,
    stderr: TextIO,
    creds: Credentials,
    today: date | None = None,
    include_drafts: bool = False,
    baseline: str | None = None,
) -> int:
    from ..persistence.database import require_database
    from ..services.cohort import FIRST_BASELINE, CohortOptions
    from ..services.report_data import record_report

    try:
        day = check_arguments(patient_id, visit, cohort, include_drafts or baseline is not None)
        options = CohortOptions(include_drafts, baseline or FIRST_BASELINE)
    except (ReportArgumentError, ValidationError) as exc:
        print(f"cga-desk report: {exc}", file=stderr)
        return EXIT_REFUSED
    target = Path(out_file)
    try:
        require_database(db_url)  # never a new, empty database from a mistyped --db
        with signed_in_store(db_url, creds) as (db, user):
            # The report's data is read and its disclosure recorded (committed) in one transaction,
            # before the file is written: a report on disk is always in the audit trail.
            with db.unit_of_work() as uow:
                render, kind = _prepare(uow, user, patient_id, day, today or date.today(), stdout, options)
                record_report(uow, user, kind, str(target.resolve()))
            write_atomically(target, render)
    except ValidationError as exc:
        print(f"cga-desk report: refused: {exc}. No report was written.", file=stderr)
        return EXIT_REFUSED
    except CgaDeskError as exc:
        if (status := refusal("report", exc, stderr)) is not None:
            return status
        print(f"cga-desk report: {exc}", file=stderr)
        return EXIT_ENVIRONMENT
    except OSError as exc:
        print(f"cga-desk report: cannot write {out_file}: {exc.strerror or exc}", file=stderr)
        return EXIT_ENVIRONMENT
    print(f"Wrote the {kind} to {target}", file=stdout)
    return EXIT_OK
