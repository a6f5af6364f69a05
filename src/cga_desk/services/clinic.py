"""The program's use cases for one signed-in user, each in its own unit of work (what the UI calls).

The window holds one Clinic; every slot calls one method. The UI never sees a session or a row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol, TypeVar

from ..domain.records import PatientInput, PatientView, User, VisitView
from ..forms.schedule import TimepointStatus
from ..persistence.uow import UnitOfWork
from . import history, patient_file, patients, register, schedules, users, visits

T = TypeVar("T")


class Store(Protocol):
    def unit_of_work(self, write: bool = True) -> UnitOfWork: ...


class Clinic:
    def __init__(self, store: Store, user: User | None = None, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.user = user
        self.today = today

    def _do(self, fn: Callable[..., T], *args: Any, write: bool = True, **kwargs: Any) -> T:
        with self.store.unit_of_work(write=write) as uow:
            return fn(uow, *args, **kwargs)

    def _as_user(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self.user is None:
            raise RuntimeError("no user is signed in")
        return self._do(fn, self.user, *args, **kwargs)

    # users
    def users(self) -> list[User]:
        return self._do(users.list_users, write=False)

    def create_user(self, name: str, role: str) -> User:
        return self._do(users.create_user, name, role, self.user)

    def sign_in(self, name: str) -> User:
        self.user = self._do(users.get_user, name, write=False)
        return self.user

    # patients
    def patient_rows(self, query: register.RegisterQuery = register.RegisterQuery()) -> list[register.PatientRow]:  # noqa: B008
        return self._do(register.patient_rows, self.today(), query, write=False)

    def patient_ids(self, query: register.RegisterQuery) -> list[int]:
        """The register's order for this search, filter and sort (ids only: rows come on demand)."""
        return self._do(register.patient_ids, self.today(), query, write=False)

    def patient_rows_for(self, ids: list[int]) -> dict[int, register.PatientRow]:
        """The register rows of these patient ids, by id (the patient list fetches them a block at a time)."""
        return self._do(register.rows_by_id, ids, self.today(), write=False)

    def patient_count(self) -> int:
        return self._do(register.patient_count, write=False)

    def patient(self, study_id: str) -> PatientView:
        return self._do(patients.get_patient, study_id, write=False)

    def register_patient(self, data: PatientInput) -> PatientView:
        return self._as_user(patients.register_patient, data, self.today())

    def edit_patient(self, study_id: str, data: PatientInput) -> PatientView:
        return self._as_user(patients.edit_patient, study_id, data, self.today())

    def add_milestone(self, study_id: str, kind: str, day: date, note: str = "") -> PatientView:
        return self._as_user(patients.add_milestone, study_id, kind, day, note)

    # visits
    def visits(self, study_id: str) -> list[VisitView]:
        return self._do(visits.patient_visits, study_id, write=False)

    def visit(self, visit_id: int) -> VisitView:
        return self._do(visits.get_visit, visit_id, write=False)

    def open_patient(self, study_id: str) -> patient_file.PatientFile:
        """What the patient page shows, in one unit of work (rather than one per part)."""
        return self._do(patient_file.open_patient, study_id, self.today(), write=False)

    def history(self, study_id: str) -> history.PatientHistory:
        return self._do(history.patient_history, study_id, write=False)

    def next_timepoint(self, study_id: str) -> TimepointStatus | None:
        return self._do(schedules.next_timepoint, study_id, self.today(), write=False)

    def timepoint_labels(self) -> list[str]:
        return self._do(schedules.timepoint_labels, write=False)

    def start_visit(self, study_id: str, day: date, timepoint: str, respondent: str | None = None) -> VisitView:
        return self._as_user(visits.start_visit, study_id, day, timepoint, respondent, None, self.today())

    def save_answer(self, visit_id: int, instrument: str, item: str, value: Any) -> VisitView:
        return self._as_user(visits.save_answer, visit_id, instrument, item, value)

    def save_answers(self, visit_id: int, instrument: str, answers: Any) -> VisitView:
        return self._as_user(visits.save_answers, visit_id, instrument, answers)

    def set_respondent(self, visit_id: int, respondent: str) -> VisitView:
        return self._as_user(visits.set_visit_details, visit_id, respondent)

    def set_not_assessable(self, visit_id: int, instrument: str, reason: str | None) -> VisitView:
        return self._as_user(visits.set_not_assessable, visit_id, instrument, reason)

    def complete_visit(self, visit_id: int) -> VisitView:
        return self._as_user(visits.complete_visit, visit_id)

    def sign_visits(self, visit_ids: list[int]) -> list[VisitView]:
        return self._as_user(visits.sign_visits, visit_ids)

    def amend_visit(self, visit_id: int, reason: str) -> VisitView:
        return self._as_user(visits.amend_visit, visit_id, reason)

    def set_baseline(self, visit_id: int, flag: bool) -> VisitView:
        return self._as_user(visits.set_baseline, visit_id, flag)

    # physician's review
    def visit_versions(self, visit_id: int) -> list[Any]:
        return self._do(visits.visit_versions, visit_id, write=False)

    def visit_trail(self, visit_id: int) -> list[Any]:
        return self._do(visits.visit_trail, visit_id, write=False)

    def patient_notes(self, study_id: str) -> list[Any]:
        from . import notes

        return self._do(notes.patient_notes, study_id, write=False)

    def add_trend_review(self, study_id: str, text: str) -> Any:
        from . import notes

        return self._as_user(notes.add_trend_review, study_id, self.today(), text, self.today())

    def cohort_summary(self, filters: Any = None) -> Any:
        from .cohort import cohort_summary

        return self._do(cohort_summary, filters, self.today(), write=False)

    def export_dataset(
        self, out: Any, deidentified: bool, fmt: str | None = None, progress: Callable[[int], None] | None = None
    ) -> Any:
        """The dataset (csv, xlsx) or an exchange format (adam, redcap, fhir, odm); `progress(patients done)`."""
        from .exporting import export_dataset

        if self.user is None:
            raise RuntimeError("no user is signed in")
        return export_dataset(self.store.unit_of_work, self.user, out, fmt, deidentified, progress=progress)

    # printed reports
    def report_pdf(self, kind: str, key: Any = None) -> bytes:
        """kind: "longitudinal" (key = study ID), "visit" (key = visit id) or "cohort" (key = filters)."""
        from . import printing

        makers: dict[str, Callable[..., bytes]] = {
            "longitudinal": printing.longitudinal_pdf,
            "visit": printing.visit_summary_pdf,
            "cohort": printing.cohort_pdf,
        }
        return self._do(makers[kind], key, self.today(), write=False)

    def record_report(self, kind: str, target: str) -> None:
        from .report_data import record_report

        self._as_user(record_report, kind, target)

    def report_settings(self) -> Any:
        from .settings import get_report_settings

        return self._do(get_report_settings, write=False)

    def set_setting(self, key: str, value: str) -> Any:
        from .settings import set_setting

        return self._as_user(set_setting, key, value)
