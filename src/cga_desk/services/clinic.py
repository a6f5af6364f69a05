"""The program's use cases for one signed-in user, each in its own unit of work (what the UI calls).

The window holds one Clinic; every slot calls one method. The UI never sees a session or a row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol, TypeVar

from ..domain.errors import PermissionDenied
from ..domain.records import AccountView, PatientInput, PatientView, User, VisitView
from ..forms.schedule import TimepointStatus
from ..i18n import translate
from ..persistence.uow import StorageError, UnitOfWork, retrying
from . import audit, history, patient_file, patients, register, schedules, settings, users, visits

T = TypeVar("T")


class Store(Protocol):
    url: str

    def unit_of_work(self, write: bool = True) -> UnitOfWork: ...


class Clinic:
    def __init__(self, store: Store, user: User | None = None, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.user = user
        self.must_change_password = False
        self.today = today

    def _do(self, fn: Callable[..., T], *args: Any, write: bool = True, **kwargs: Any) -> T:
        """One unit of work, run again (a bounded number of times) when the database gave up on it
        because of another workstation's transaction (deadlock, serialization failure)."""

        def attempt() -> T:
            with self.store.unit_of_work(write=write) as uow:
                return fn(uow, *args, **kwargs)

        return retrying(attempt)

    def _as_user(self, fn: Callable[..., T], *args: Any, write: bool = True, **kwargs: Any) -> T:
        """Call a service as the signed-in user: the service checks what that user may do."""
        if self.user is None:
            raise PermissionDenied("Sign in first.")
        return self._do(fn, self.user, *args, write=write, **kwargs)

    def _key(self) -> bytes | None:
        """The key of an encrypted SQLite database (its backups are encrypted with it)."""
        return getattr(self.store, "key", None)

    # accounts and sign-in
    def accounts_state(self) -> str:
        """ "empty" (create the administrator), "no_admin" (an upgraded database: an administrator sets a
        password) or "ready" (sign in). An encrypted database not yet unlocked: "ready" (or "empty" for a
        new file, encrypted when its administrator is created)."""
        if self.store_locked():
            return str(self.store.state())  # type: ignore[attr-defined]
        return self._do(users.accounts_state, write=False)

    def store_locked(self) -> bool:
        """An encrypted database (services/vault.py) that nobody has unlocked by signing in yet."""
        return bool(getattr(self.store, "locked", False))

    def is_encrypted_store(self) -> bool:
        return hasattr(self.store, "locked")

    def set_up_administrator(self, user_name: str, full_name: str, password: str) -> User:
        if self.store_locked():  # a new database: created encrypted, the recovery key kept for the window
            self.store.create(user_name, full_name, password)  # type: ignore[attr-defined]
            try:
                self.user = self._do(users.set_up_administrator, user_name, full_name, password)
            except BaseException:
                self.store.discard()  # type: ignore[attr-defined]  # nothing half-made is left behind
                raise
            self.must_change_password = False
            return self.user
        self.user = self._do(users.set_up_administrator, user_name, full_name, password)
        self.must_change_password = False
        return self.user

    def take_recovery_key(self) -> str | None:
        """A new encrypted database's recovery key, once (the window shows it, then it is gone)."""
        take = getattr(self.store, "take_recovery_key", None)
        return take() if take is not None else None

    def unlock_store(self, user_name: str, password: str) -> None:
        """An encrypted database: unwrap its key with this password and open it (SignInError otherwise);
        the window runs it off its thread, then signs in (sign_in checks the password against the account)."""
        if self.store_locked():
            self.store.unlock(user_name, password)  # type: ignore[attr-defined]

    def sign_in(self, user_name: str, password: str) -> User:
        """Refused (SignInError) with the same words whether the name, the password or the account is wrong.
        An encrypted database is unlocked with the password first (then the account checks it again)."""
        if self.store_locked():
            self.store.unlock(user_name, password)  # type: ignore[attr-defined]
        result = self._do(users.sign_in, user_name, password)
        self.user, self.must_change_password = result.user, result.must_change_password
        self._record_missed_unlocks()
        return result.user

    def recover(self, recovery_key: str, user_name: str, full_name: str, password: str) -> User:
        """Every administrator password lost: the recovery key opens the database, then the administrator
        `user_name` (existing or new) gets `password` and a key slot, and is signed in."""
        self.store.recover(recovery_key)  # type: ignore[attr-defined]
        self.user = self._do(users.recover_administrator, user_name, full_name, password)
        self.must_change_password = False
        self._record_missed_unlocks("recovery key")
        return self.user

    def _record_missed_unlocks(self, slot: str | None = None) -> None:
        missed = getattr(self.store, "missed", 0)
        if missed and self.user is not None:
            from .encryption import record_missed_unlocks

            self._do(record_missed_unlocks, self.user, missed, slot)
            self.store.missed = 0  # type: ignore[attr-defined]

    def plain_database_notice(self) -> str | None:
        """To an administrator, once per plain SQLite database: it is not encrypted, and how to convert it."""
        if self.user is None or self.is_encrypted_store():
            return None
        from .encryption import plain_notice

        return self._do(plain_notice, self.user, self.database_file())

    def unlock_screen(self, password: str) -> User:
        """The signed-in user's password again (the idle lock): wrong ones count towards the lock-out."""
        return self._as_user(users.resume, password)

    def lock_screen(self) -> None:
        """The idle lock (audited); the user stays signed in until someone else signs in instead."""
        self._as_user(users.lock_screen)

    def sign_out(self, why: str = "signed out") -> None:
        if self.user is not None:
            self._as_user(users.sign_out, why)
        self.user, self.must_change_password = None, False

    def change_password(self, old_password: str, new_password: str) -> User:
        if self.user is None:
            raise PermissionDenied("Sign in first.")
        self.user = self._do(users.change_password, self.user.name, old_password, new_password)
        self.must_change_password = False
        return self.user

    def accounts(self) -> list[AccountView]:
        return self._as_user(users.accounts, write=False)

    def create_user(self, user_name: str, full_name: str, role: str, password: str) -> User:
        return self._as_user(users.create_user, user_name, full_name, role, password)

    def reset_password(self, user_name: str) -> str:
        return self._as_user(users.reset_password, user_name)

    def unlock_user(self, user_name: str) -> None:
        self._as_user(users.unlock, user_name)

    def deactivate_user(self, user_name: str) -> None:
        self._as_user(users.deactivate, user_name)

    def security_settings(self) -> settings.SecuritySettings:
        return self._do(settings.get_security_settings, write=False)

    def set_security_setting(self, key: str, value: str) -> settings.SecuritySettings:
        return self._as_user(settings.set_security_setting, key, value)

    def is_demo(self) -> bool:
        return not self.store_locked() and self._do(settings.is_demo, write=False)

    # patients
    def patient_rows(self, query: register.RegisterQuery = register.RegisterQuery()) -> list[register.PatientRow]:  # noqa: B008
        return self._as_user(register.patient_rows, self.today(), query, write=False)

    def patient_ids(self, query: register.RegisterQuery) -> list[int]:
        """The register's order for this search, filter and sort (ids only: rows come on demand)."""
        return self._as_user(register.patient_ids, self.today(), query, write=False)

    def patient_rows_for(self, ids: list[int]) -> dict[int, register.PatientRow]:
        """The register rows of these patient ids, by id (the patient list fetches them a block at a time)."""
        return self._as_user(register.rows_by_id, ids, self.today(), write=False)

    def patient_count(self) -> int:
        return self._as_user(register.patient_count, write=False)

    def patient(self, study_id: str) -> PatientView:
        return self._as_user(patients.get_patient, study_id, write=False)

    def register_patient(self, data: PatientInput) -> PatientView:
        return self._as_user(patients.register_patient, data, self.today())

    def edit_patient(self, study_id: str, data: PatientInput, reason: str | None = None) -> PatientView:
        return self._as_user(patients.edit_patient, study_id, data, self.today(), reason)

    def correct_study_id(self, study_id: str, new_id: str, reason: str) -> PatientView:
        return self._as_user(patients.correct_study_id, study_id, new_id, reason, self.today())

    def mark_registered_in_error(self, study_id: str, reason: str) -> None:
        self._as_user(patients.mark_registered_in_error, study_id, reason)

    def undo_registered_in_error(self, study_id: str, reason: str) -> None:
        self._as_user(patients.undo_registered_in_error, study_id, reason)

    def registered_in_error(self) -> list[PatientView]:
        return self._as_user(patients.registered_in_error, write=False)

    def discard_draft(self, visit_id: int, reason: str) -> None:
        self._as_user(visits.discard_draft, visit_id, reason)

    def add_milestone(self, study_id: str, kind: str, day: date, note: str = "") -> PatientView:
        return self._as_user(patients.add_milestone, study_id, kind, day, note)

    # visits
    def visits(self, study_id: str) -> list[VisitView]:
        return self._as_user(visits.patient_visits, study_id, write=False)

    def visit(self, visit_id: int) -> VisitView:
        return self._as_user(visits.get_visit, visit_id, write=False)

    def previous_answers(self, visit_id: int) -> dict[str, VisitView]:
        """Per carried instrument, the earlier visit whose answers the follow-up shows ("last time")."""
        return self._as_user(visits.previous_answers, visit_id, write=False)

    def open_patient(self, study_id: str, disclose: bool = True) -> patient_file.PatientFile:
        """What the patient page shows, in one unit of work (rather than one per part); opening it is a
        disclosure, recorded (and committed) before the page shows it, unless `disclose` is False (the
        page refreshing itself after a change, which the change's own event covers)."""
        opened = self._as_user(patient_file.open_patient, study_id, self.today(), write=False)
        if disclose and self.user is not None:
            self._as_user(audit.record_disclosure, "patient page", "patient", study_id, patient_file.disclosed(opened))
        return opened

    def history(self, study_id: str) -> history.PatientHistory:
        return self._as_user(history.patient_history, study_id, write=False)

    def next_timepoint(self, study_id: str) -> TimepointStatus | None:
        return self._as_user(schedules.next_timepoint, study_id, self.today(), write=False)

    def timepoint_labels(self, study_id: str | None = None) -> list[str]:
        return self._do(schedules.timepoint_labels, study_id, write=False)

    # schedules (an admin defines them; a patient is moved to one by a nurse or physician)
    def schedules(self) -> list[tuple[Any, bool]]:
        return self._do(schedules.schedules, write=False)

    def define_schedule(self, definition: Any, replaces: str | None = None, make_default: bool = False) -> Any:
        return self._as_user(schedules.define_schedule, definition, replaces, make_default)

    def set_default_schedule(self, name: str) -> None:
        self._as_user(schedules.set_default_schedule, name)

    def assign_schedule(self, study_id: str, name: str | None) -> None:
        self._as_user(schedules.assign_schedule, study_id, name)

    def start_visit(self, study_id: str, day: date, timepoint: str, respondent: str | None = None) -> VisitView:
        return self._as_user(visits.start_visit, study_id, day, timepoint, respondent, None, self.today())

    # Every write to a visit passes `expected`, the version the caller last saw (VisitView.version):
    # a visit changed since is refused with ConflictError (domain/errors.py) and nothing is written.
    def save_answer(
        self, visit_id: int, instrument: str, item: str, value: Any, expected: int | None = None
    ) -> VisitView:
        try:
            return self._as_user(visits.save_answer, visit_id, instrument, item, value, expected=expected)
        except StorageError as error:
            return self._read_back(error, visit_id, lambda v: visits.answer_stored(v, instrument, item, value))

    def save_answers(self, visit_id: int, instrument: str, answers: Any, expected: int | None = None) -> VisitView:
        try:
            return self._as_user(visits.save_answers, visit_id, instrument, answers, expected=expected)
        except StorageError as error:
            return self._read_back(error, visit_id, lambda v: visits.answers_stored(v, instrument, answers))

    def set_respondent(self, visit_id: int, respondent: str, expected: int | None = None) -> VisitView:
        try:
            return self._as_user(visits.set_visit_details, visit_id, respondent, expected=expected)
        except StorageError as error:
            return self._read_back(error, visit_id, lambda v: v.respondent == respondent)

    def _read_back(self, error: StorageError, visit_id: int, stored: Callable[[VisitView], bool]) -> VisitView:
        """After the connection was lost during a save, the commit may have happened: read the visit
        back before saying it was not saved. Returns the visit when the value is stored; otherwise the
        error stands (saying whether the check itself could be made)."""
        if not error.connection_lost:
            raise error
        try:
            view = self.visit(visit_id)
        except StorageError:
            raise StorageError(
                translate(
                    "services",
                    "The connection to the database was lost while saving, and it cannot be checked yet whether "
                    "your answer was stored. Try again when the database can be reached: the stored answer will show.",
                ),
                connection_lost=True,
            ) from error
        if stored(view):
            return view
        raise StorageError(
            translate(
                "services",
                "The connection to the database was lost while saving: your answer was NOT saved (checked). Try again.",
            ),
            connection_lost=True,
        ) from error

    def set_not_assessable(
        self, visit_id: int, instrument: str, reason: str | None, expected: int | None = None
    ) -> VisitView:
        return self._as_user(visits.set_not_assessable, visit_id, instrument, reason, expected=expected)

    def complete_visit(self, visit_id: int, expected: int | None = None) -> VisitView:
        return self._as_user(visits.complete_visit, visit_id, expected=expected)

    def signature_meanings(self) -> list[str]:
        return self._do(visits.signature_meanings, write=False)

    def sign_visits(
        self,
        visit_ids: list[int],
        password: str,
        meaning: str | None = None,
        expected: dict[int, int] | None = None,
    ) -> list[VisitView]:
        """Sign with the password again and the signature's meaning (default: the first of the setting's
        list); `expected`: visit id -> the version read (ConflictError when one changed since)."""
        return self._as_user(visits.sign_visits, visit_ids, password, meaning, expected=expected)

    def amend_visit(self, visit_id: int, reason: str, expected: int | None = None) -> VisitView:
        return self._as_user(visits.amend_visit, visit_id, reason, expected=expected)

    def set_baseline(self, visit_id: int, flag: bool, expected: int | None = None) -> VisitView:
        return self._as_user(visits.set_baseline, visit_id, flag, expected=expected)

    # physician's review
    def visit_versions(self, visit_id: int) -> list[Any]:
        return self._as_user(visits.visit_versions, visit_id, write=False)

    def visit_trail(self, visit_id: int) -> list[Any]:
        return self._as_user(visits.visit_trail, visit_id, write=False)

    def patient_notes(self, study_id: str) -> list[Any]:
        from . import notes

        return self._as_user(notes.patient_notes, study_id, write=False)

    def add_trend_review(self, study_id: str, text: str) -> Any:
        from . import notes

        return self._as_user(notes.add_trend_review, study_id, self.today(), text, self.today())

    def cohort_summary(self, filters: Any = None, options: Any = None) -> Any:
        from .cohort import cohort_summary

        return self._as_user(cohort_summary, filters, self.today(), options, write=False)

    def export_dataset(
        self,
        out: Any,
        deidentified: bool,
        fmt: str | None = None,
        progress: Callable[[int], None] | None = None,
        exact: bool = False,
    ) -> Any:
        """The dataset (csv, xlsx) or an exchange format (adam, redcap, fhir, odm); `progress(patients done)`."""
        from .exporting import export_dataset

        if self.user is None:
            raise PermissionDenied("Sign in first.")
        return export_dataset(
            self.store.unit_of_work, self.user, out, fmt, deidentified, progress=progress, exact=exact
        )

    # printed reports
    def report_pdf(self, kind: str, key: Any = None) -> bytes:
        """kind: "longitudinal" (key = study ID), "visit" (key = visit id) or "cohort" (key = filters)."""
        from . import printing

        makers: dict[str, Callable[..., bytes]] = {
            "longitudinal": printing.longitudinal_pdf,
            "visit": printing.visit_summary_pdf,
            "cohort": printing.cohort_pdf,
        }
        pdf = self._as_user(makers[kind], key, self.today(), write=False)
        if self.user is not None:  # a preview shows patient data on screen: audited (before it is shown)
            self._as_user(audit.record_disclosure, f"{kind} report preview", "report", _report_target(kind, key), kind)
        return pdf

    def record_report(self, kind: str, target: str) -> None:
        from .report_data import record_report

        self._as_user(record_report, kind, target)

    # the record's protection (issue 15)
    def check_audit(self, newest: int | None = None) -> audit.Verification:
        """The audit chain: the `newest` events (at every start) or all of them (on demand)."""
        return self._do(audit.verify, newest, write=False)

    def audit_page(self, filters: audit.AuditFilter, after_id: int = 0, limit: int = 500) -> list[Any]:
        """The viewer's next page of events (administrators)."""
        return self._do(audit.trail_page, filters, after_id, limit, write=False)

    def export_audit(self, filters: audit.AuditFilter, out: Any) -> int:
        if self.user is None:
            raise RuntimeError("no user is signed in")
        return audit.export_trail(self.store.unit_of_work, self.user, filters, out)

    def replace_recovery_key(self) -> str:
        """A new recovery key for the encrypted database (an administrator), to be shown once."""
        from . import encryption

        return self._as_user(encryption.replace_recovery_key)

    def database_file(self) -> Any:
        """The SQLite file behind the store, or None (PostgreSQL: pg_dump, docs/security.md)."""
        from ..persistence.engine import sqlite_path

        return sqlite_path(self.store.url)

    def backup_folder(self) -> Any:
        from . import backup

        path = self.database_file()
        return None if path is None else self._do(backup.backup_folder, path, write=False)

    def set_backup_folder(self, folder: str) -> Any:
        from . import backup

        return self._as_user(backup.set_backup_folder, folder)

    def auto_backup(self, force: bool) -> Any:
        """Today's automatic backup (at sign-in), or one more (on close: `force`), audited; None on PostgreSQL."""
        from datetime import datetime

        from . import backup

        path = self.database_file()
        if path is None or self.user is None:
            return None
        made = backup.auto_backup(path, self.backup_folder(), datetime.now(), force, self._key())
        if made.made is not None:
            self._as_user(backup.record_backup, made.made, made.manifest)
        return made

    def restore(self, file: Any) -> Any:
        """Restore the SQLite database from a backup (checked first; the replaced database kept beside it)."""
        from pathlib import Path

        from . import backup

        path = self.database_file()
        if path is None or self.user is None:
            raise RuntimeError("restore needs a signed-in user and a SQLite database")
        result = backup.restore(path, Path(file), self._key())
        self._as_user(backup.record_backup, Path(file), result.check.manifest, "restore")
        return result

    def report_settings(self) -> Any:
        from .settings import get_report_settings

        return self._do(get_report_settings, write=False)

    def set_setting(self, key: str, value: str) -> Any:
        from .settings import set_setting

        return self._as_user(set_setting, key, value)


def _report_target(kind: str, key: Any) -> str:
    """What a previewed report is about, for its audit event: the study ID, the visit or the cohort's filters."""
    if kind == "cohort":
        filters, options = key if isinstance(key, tuple) else (key, None)
        chosen = [] if filters is None else [filters.describe()]
        if options is not None:
            chosen.append(f"baseline {options.baseline}" + ("; drafts included" if options.include_drafts else ""))
        return "cohort" if not chosen else f"cohort ({'; '.join(chosen)})"
    return f"visit {key}" if kind == "visit" else str(key)
