"""Concurrency control on visits (issue 14, item 1), on SQLite and PostgreSQL: every write states the
version it last saw and is refused when another workstation changed the visit since; the database
itself refuses any change to a signed visit except the amendment; deadlocks are retried."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from cga_desk.app import open_store
from cga_desk.domain.errors import ConflictError, StateError
from cga_desk.domain.records import PatientInput
from cga_desk.forms import katz, lawton
from cga_desk.persistence.database import Database
from cga_desk.persistence.uow import StorageError, UnitOfWork, retrying
from cga_desk.services import patients, visits
from cga_desk.services.clinic import Clinic
from tests.store_fixtures import (
    DOCTOR,
    NURSE_USER,
    PASSWORD,
    TODAY,
    add_accounts,
    create_postgres_database,
    drop_postgres_database,
    postgres_url,
)

PATIENT = PatientInput("VER-1", date(1945, 1, 1), diagnosis_date=date(2020, 1, 1))
SIGNED_REFUSAL = "visit is signed: its content changes only through an amendment"


def _complete_visit(db: Database, day: date = date(2026, 3, 10)) -> int:
    with db.unit_of_work() as uow:
        if uow.patients.get(PATIENT.study_id) is None:
            patients.register_patient(uow, NURSE_USER, PATIENT, today=TODAY)
    clinic = Clinic(db, NURSE_USER, today=lambda: TODAY)
    v = clinic.start_visit(PATIENT.study_id, day, "Unscheduled", "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [])
    clinic.save_answer(v.id, "ecog", "ecog", 1)
    return clinic.complete_visit(v.id).id


def _events(db: Database) -> int:
    with db.unit_of_work(write=False) as uow:
        return len(uow.audit.all())


def test_every_write_bumps_the_version_and_a_stale_one_is_refused_with_who_and_when(db: Database) -> None:
    vid = _complete_visit(db)
    nurse, other = Clinic(db, NURSE_USER), Clinic(db, DOCTOR)
    seen = nurse.visit(vid)  # both workstations show the visit
    assert other.visit(vid).version == seen.version
    after = other.set_baseline(vid, True, expected=seen.version)  # the physician writes first
    assert after.version == seen.version + 1
    before = _events(db)
    with pytest.raises(ConflictError) as refused:
        nurse.save_answer(vid, "ecog", "ecog", 3, expected=seen.version)
    message = str(refused.value)
    assert "changed by Dr Bea at " in message and "on another workstation — reloaded" in message
    assert refused.value.version == after.version
    assert _events(db) == before  # nothing written, not even the audit event
    stored = nurse.visit(vid)
    assert stored.instruments["ecog"].total == 1 and stored.status == "complete"
    # Applied again on the reloaded visit (what the window's R key does), it is saved.
    again = nurse.save_answer(vid, "ecog", "ecog", 3, expected=stored.version)
    assert again.instruments["ecog"].total == 3 and again.version == stored.version + 1
    # Every kind of write is checked: a stale version is refused for each.
    for write in (
        lambda: nurse.save_answers(vid, "charlson", ["diabetes_uncomplicated"], expected=stored.version),
        lambda: nurse.set_respondent(vid, "proxy", expected=stored.version),
        lambda: nurse.set_not_assessable(vid, "lawton", "aphasia", expected=stored.version),
        lambda: nurse.complete_visit(vid, expected=stored.version),
        lambda: other.sign_visits([vid], PASSWORD, expected={vid: stored.version}),
        lambda: other.set_baseline(vid, False, expected=stored.version),
    ):
        with pytest.raises(ConflictError):
            write()
    assert nurse.visit(vid).version == again.version


def test_a_signature_covers_the_version_the_physician_read(db: Database) -> None:
    vid = _complete_visit(db)
    doctor, nurse = Clinic(db, DOCTOR), Clinic(db, NURSE_USER)
    read = doctor.visit(vid)
    nurse.save_answer(vid, "ecog", "ecog", 2, expected=read.version)  # re-opens the visit (draft)
    with pytest.raises(ConflictError):
        doctor.sign_visits([vid], PASSWORD, expected={vid: read.version})
    now = doctor.visit(vid)
    assert now.status == "draft" and now.signed_by is None
    # Without a version (an old caller) the state rules still hold: a draft is not signed.
    with pytest.raises(StateError):
        doctor.sign_visits([vid], PASSWORD)


def test_amendment_needs_the_version_read_and_then_the_visit_is_editable_again(db: Database) -> None:
    vid = _complete_visit(db)
    doctor = Clinic(db, DOCTOR)
    signed = doctor.sign_visits([vid], PASSWORD, expected={vid: doctor.visit(vid).version})[0]
    with pytest.raises(StateError):
        Clinic(db, NURSE_USER).save_answer(vid, "ecog", "ecog", 2, expected=signed.version)
    with pytest.raises(ConflictError):
        doctor.amend_visit(vid, "typo", expected=signed.version - 1)
    amended = doctor.amend_visit(vid, "ECOG was 2", expected=signed.version)
    assert amended.status == "draft" and amended.revision == 2
    saved = Clinic(db, NURSE_USER).save_answer(vid, "ecog", "ecog", 2, expected=amended.version)
    assert saved.instruments["ecog"].total == 2


# -- the database's own guard on signed visits ---------------------------------------------------------


def _raw(db: Database, sql: str, **params: Any) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def _refused(db: Database, sql: str, **params: Any) -> None:
    from sqlalchemy import exc

    with pytest.raises(exc.DBAPIError) as error:
        _raw(db, sql, **params)
    assert SIGNED_REFUSAL in str(error.value)


def test_the_database_refuses_any_change_to_signed_content_but_the_amendment(db: Database) -> None:
    vid = _complete_visit(db)
    doctor = Clinic(db, DOCTOR)
    doctor.sign_visits([vid], PASSWORD)
    # Answers: update, insert, delete; scores; the visit's own content; deleting the visit.
    _refused(db, "UPDATE visit_instruments SET total = 4 WHERE visit_id = :v AND instrument = 'ecog'", v=vid)
    _refused(db, "DELETE FROM visit_instruments WHERE visit_id = :v", v=vid)
    _refused(
        db,
        "INSERT INTO visit_instruments (visit_id, instrument, form_version) VALUES (:v, 'g8', 'x')",
        v=vid,
    )
    _refused(db, "UPDATE visit_scores SET ecog = 4 WHERE visit_id = :v", v=vid)
    _refused(db, "UPDATE visits SET respondent = 'proxy' WHERE id = :v", v=vid)
    _refused(db, "UPDATE visits SET signed_by = 'someone else' WHERE id = :v", v=vid)
    _refused(db, "DELETE FROM visits WHERE id = :v", v=vid)
    # Back to draft without keeping the signed version first is not an amendment.
    _refused(db, "UPDATE visits SET status = 'draft', revision = revision + 1 WHERE id = :v", v=vid)
    _refused(db, "UPDATE visits SET status = 'draft' WHERE id = :v", v=vid)
    # The baseline mark (and the version it bumps) may change on a signed visit.
    _raw(db, "UPDATE visits SET is_baseline = :t, version = version + 1 WHERE id = :v", v=vid, t=True)
    # Through the service the same refusal reaches the user as a plain StorageError, never a traceback.
    with db.unit_of_work() as uow:
        visit = uow.visits.get(vid)
        assert visit is not None
        visit.instruments[0].total = 0  # bypassing the service's own check, as a bug would
        with pytest.raises(StorageError, match="only through an amendment"):
            uow.commit()
    # The amendment path passes the guard; then the answers change again.
    amended = doctor.amend_visit(vid, "correction")
    Clinic(db, NURSE_USER).save_answer(vid, "ecog", "ecog", 0, expected=amended.version)
    _raw(db, "UPDATE visit_instruments SET total = 2 WHERE visit_id = :v AND instrument = 'ecog'", v=vid)


# -- read back after a lost connection ------------------------------------------------------------------


class _CommitFails:
    """A store whose next writing unit of work commits through `commit(uow, real_commit)`: a
    connection lost after or before the commit, or killed by the server, as tests need."""

    def __init__(self, db: Database, commit: Callable[[UnitOfWork, Callable[[], None]], None]) -> None:
        self.db, self.commit, self.armed = db, commit, True

    def unit_of_work(self, write: bool = True) -> UnitOfWork:
        uow = self.db.unit_of_work(write=write)
        if write and self.armed:
            self.armed = False
            real_commit = uow.commit
            uow.commit = lambda: self.commit(uow, real_commit)  # type: ignore[method-assign]
        return uow


def _losing(db: Database, committed: bool) -> _CommitFails:
    """The connection is lost after committing (`committed=True`) or before."""

    def commit(uow: UnitOfWork, real_commit: Callable[[], None]) -> None:
        if committed:
            real_commit()
        raise StorageError("The database server cannot be reached. (connection lost)", connection_lost=True)

    return _CommitFails(db, commit)


def _server_kills_connection(db: Database) -> _CommitFails:
    """PostgreSQL ends the connection just before the commit (pg_terminate_backend from another
    session: what a server restart looks like)."""

    def commit(uow: UnitOfWork, real_commit: Callable[[], None]) -> None:
        pid = uow.session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with db.engine.connect() as other:
            other.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)})")
        real_commit()

    return _CommitFails(db, commit)


@pytest.mark.parametrize("committed", [True, False], ids=["committed", "lost"])
def test_after_a_lost_connection_the_answer_is_read_back_before_saying_it_was_not_saved(
    db: Database, committed: bool
) -> None:
    vid = _complete_visit(db)
    seen = Clinic(db, NURSE_USER).visit(vid)
    clinic = Clinic(_losing(db, committed), NURSE_USER)  # type: ignore[arg-type]
    if committed:
        view = clinic.save_answer(vid, "katz", "bathing", "dependent", expected=seen.version)
        assert view.instruments["katz"].answers["bathing"] == "dependent"  # reported as saved: it was
    else:
        with pytest.raises(StorageError, match="NOT saved \\(checked\\)"):
            clinic.save_answer(vid, "katz", "bathing", "dependent", expected=seen.version)
        assert Clinic(db, NURSE_USER).visit(vid).instruments["katz"].answers["bathing"] == "independent"


# -- retries ------------------------------------------------------------------------------------------------


def test_transient_failures_are_retried_a_bounded_number_of_times() -> None:
    calls: list[int] = []

    def flaky(fail: int) -> Any:
        def attempt() -> str:
            calls.append(1)
            if len(calls) <= fail:
                raise StorageError("deadlock", transient=True)
            return "ok"

        return attempt

    assert retrying(flaky(2), pause=0.001) == "ok" and len(calls) == 3
    calls.clear()
    with pytest.raises(StorageError, match="deadlock"):
        retrying(flaky(5), pause=0.001)
    assert len(calls) == 3  # then reported
    calls.clear()
    with pytest.raises(StorageError):  # a busy database (already waited its timeout) is not retried
        retrying(lambda: calls.append(1) or (_ for _ in ()).throw(StorageError("busy")), pause=0.001)
    assert len(calls) == 1


@pytest.mark.postgres
@pytest.mark.skipif(postgres_url() is None, reason="CGA_TEST_POSTGRES_URL is not set")
def test_a_real_deadlock_on_postgresql_is_retried_and_the_signature_lands() -> None:
    """SQLite has one writer at a time (BEGIN IMMEDIATE): a deadlock needs PostgreSQL."""
    url = create_postgres_database()
    db = open_store(url)
    add_accounts(db, NURSE_USER, DOCTOR)  # the physician signs with their password
    try:
        _deadlock_retried(db)
    finally:
        db.close()
        drop_postgres_database(url)


def _deadlock_retried(db: Database) -> None:
    first, second = _complete_visit(db), _complete_visit(db, date(2026, 4, 10))
    attempts: list[int] = []
    real = visits.sign_visits

    def counted(*args: Any, **kwargs: Any) -> Any:
        attempts.append(1)
        return real(*args, **kwargs)

    other = db.engine.connect()
    holding = other.begin()
    other.exec_driver_sql("SET LOCAL deadlock_timeout = '10s'")  # the service's session detects the deadlock
    other.execute(text("SELECT 1 FROM visits WHERE id = :v FOR UPDATE"), {"v": second})
    done: list[Any] = []

    def physician() -> None:
        try:
            done.append(Clinic(db, DOCTOR)._as_user(counted, [first, second], PASSWORD))
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            done.append(error)

    thread = threading.Thread(target=physician)
    thread.start()
    time.sleep(0.5)  # the physician holds `first` and waits for `second`
    other.execute(text("SELECT 1 FROM visits WHERE id = :v FOR UPDATE"), {"v": first})  # the circle
    holding.commit()
    other.close()
    thread.join(30)
    assert not isinstance(done[0], BaseException), done[0]
    assert len(attempts) == 2 and all(v.status == "signed" for v in done[0])


def test_a_stored_time_is_shown_on_the_local_clock() -> None:
    from datetime import UTC, datetime

    at = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    local = at.astimezone()
    assert visits.local_time(at, today=local.date()) == local.strftime("%H:%M:%S")
    assert visits.local_time(at.replace(tzinfo=None), today=date(2000, 1, 1)) == local.strftime("%Y-%m-%d %H:%M")


def old_signed_store(path: Path) -> None:
    """A SQLite database as released at 0004 (before visit versions) holding a signed visit (id 1) of
    patient OLD-1: what an upgrade starts from."""
    from alembic import command

    from cga_desk.persistence.engine import make_engine
    from cga_desk.persistence.migrate import alembic_config

    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        conn.execute(
            text(
                "INSERT INTO patients (id, study_id, birth_date, created_at, updated_at) "
                "VALUES (1, 'OLD-1', '1940-01-02', '2025-01-01', '2025-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO visits (id, patient_id, visit_date, timepoint, status, is_baseline, revision, "
                "created_at, updated_at) VALUES (1, 1, '2025-01-01', 'Baseline', 'signed', 0, 1, "
                "'2025-01-01', '2025-01-01')"
            )
        )
    engine.dispose()


def test_upgrade_gives_existing_visits_version_1_and_guards_their_signatures(tmp_path: Path) -> None:
    path = tmp_path / "at-0004.sqlite3"
    old_signed_store(path)
    db = Database.open(f"sqlite:///{path}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version FROM visits WHERE id = 1").scalar() == 1
        _refused(db, "UPDATE visits SET timepoint = 'Other' WHERE id = 1")
    finally:
        db.close()


@pytest.mark.postgres
@pytest.mark.skipif(postgres_url() is None, reason="CGA_TEST_POSTGRES_URL is not set")
def test_a_connection_killed_at_commit_is_a_plain_message_checked_by_reading_back() -> None:
    url = create_postgres_database()
    db = open_store(url)
    try:
        vid = _complete_visit(db)
        seen = Clinic(db, NURSE_USER).visit(vid)
        clinic = Clinic(_server_kills_connection(db), NURSE_USER)  # type: ignore[arg-type]
        with pytest.raises(StorageError, match="NOT saved \\(checked\\)") as error:
            clinic.save_answer(vid, "katz", "bathing", "dependent", expected=seen.version)
        assert error.value.connection_lost
        after = Clinic(db, NURSE_USER).visit(vid)
        assert after.instruments["katz"].answers["bathing"] == "independent" and after.version == seen.version
        # Other writes say plainly that the outcome is unknown, never "nothing was saved".
        with pytest.raises(StorageError, match="may or may not have been stored"):
            Clinic(_server_kills_connection(db), NURSE_USER).set_baseline(vid, True, expected=seen.version)
    finally:
        db.close()
        drop_postgres_database(url)
