"""The unit of work: one transaction that rolls back unless committed; environment errors in words."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

from sqlalchemy import exc
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import CgaDeskError
from ..i18n import translate
from .keys import Keyring
from .repositories import Audit, Patients, Schedules, Settings, Signatures, Users, Visits

T = TypeVar("T")

# SQLSTATEs of a transaction the server rolled back only because of another one: run it again.
TRANSIENT_STATES = {"40001": "serialization failure", "40P01": "deadlock"}
RETRIES = 3  # attempts in all, with a short random pause between them


class StorageError(CgaDeskError):
    """The database could not do what was asked (locked, disk full, unreachable): nothing was written.

    `transient`: the server gave up on this transaction because of another one (a deadlock or a
    serialization failure); running it again may well succeed (`retrying`). `connection_lost`: the
    connection went away, so a commit in flight may or may not have happened (read it back)."""

    def __init__(self, message: str, transient: bool = False, connection_lost: bool = False) -> None:
        super().__init__(message)
        self.transient = transient
        self.connection_lost = connection_lost


def storage_error(error: exc.DBAPIError) -> StorageError:
    state = getattr(error.orig, "sqlstate", None)
    if state in TRANSIENT_STATES:
        return StorageError(
            translate(
                "storage",
                "The database gave up on this change because of another workstation's ({why}). "
                "Nothing was saved; try again.",
            ).format(why=TRANSIENT_STATES[state]),
            transient=True,
        )
    lost = error.connection_invalidated or isinstance(error, exc.InterfaceError) or (state or "").startswith("08")
    return StorageError(describe_storage_error(error), connection_lost=lost)


def retrying(attempt: Callable[[], T], attempts: int = RETRIES, pause: float = 0.05) -> T:
    """Run `attempt` (one whole unit of work) again when the database gave up on it because of another
    transaction, at most `attempts` times in all with a short random pause; then the error stands."""
    for n in range(1, attempts + 1):
        try:
            return attempt()
        except StorageError as error:
            if not error.transient or n == attempts:
                raise
            time.sleep(random.uniform(0.5, 1.5) * pause * n)
    raise AssertionError("unreachable")


def describe_storage_error(error: exc.DBAPIError) -> str:
    text = str(error.orig) if error.orig is not None else str(error)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered or "statement timeout" in lowered or "lock timeout" in lowered:
        return translate(
            "storage", "The database is busy (another workstation or program is writing). Nothing was saved; try again."
        )
    if "disk" in lowered and ("full" in lowered or "i/o" in lowered):
        return translate("storage", "The disk is full or failing. Nothing was saved; free some space and try again.")
    if "readonly" in lowered or "read-only" in lowered:
        return translate("storage", "The database file is read-only. Nothing was saved.")
    if "connection" in lowered or "could not connect" in lowered or "server" in lowered:
        return translate(
            "storage", "The database server cannot be reached. Nothing was saved; try again. ({details})"
        ).format(details=_first_line(text))
    return translate("storage", "The database refused the change: {details}. Nothing was saved.").format(
        details=_first_line(text)
    )


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else "no details"


class UnitOfWork:
    """`with db.unit_of_work() as uow: ...; uow.commit()` — anything not committed is rolled back."""

    def __init__(self, sessions: sessionmaker[Session], write: bool = True, keyring: Keyring | None = None) -> None:
        self._sessions = sessions
        self.keyring = keyring  # an encrypted SQLite database's key file and key (persistence/keys.py)
        self._write = write
        self.committed = False

    def __enter__(self) -> UnitOfWork:
        self.session = self._sessions()
        if self._write and self.session.get_bind().dialect.name == "sqlite":
            # Take SQLite's write lock up front (BEGIN IMMEDIATE): waiting for it honours the busy
            # timeout, whereas upgrading a read transaction to a write one fails at once when busy.
            try:
                self.session.connection(execution_options={"cga_write": True})
            except exc.DBAPIError as error:  # the lock was held past the busy timeout: nothing was written
                self.session.close()
                raise storage_error(error) from error
        self.users = Users(self.session)
        self.patients = Patients(self.session)
        self.visits = Visits(self.session)
        self.audit = Audit(self.session)
        self.schedules = Schedules(self.session)
        self.settings = Settings(self.session)
        self.signatures = Signatures(self.session)
        return self

    def commit(self) -> None:
        try:
            self.session.commit()
        except exc.DBAPIError as error:
            refused = storage_error(error)
            try:
                self.session.rollback()
            except exc.DBAPIError:
                pass  # the connection is gone: the server rolls back whatever it did not commit
            if refused.connection_lost:  # the commit may have reached the server before the connection died
                raise StorageError(
                    translate(
                        "storage",
                        "The connection to the database was lost while saving: the change may or may not have been "
                        "stored. Look at the record again before repeating it. ({details})",
                    ).format(details=_first_line(str(error.orig or error))),
                    connection_lost=True,
                ) from error
            raise refused from error
        self.committed = True

    def flush(self) -> None:
        self.session.flush()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if not self.committed:
                self.session.rollback()
        except exc.DBAPIError:  # the connection is gone: the server rolls back what was not committed
            if error is None:
                raise
        finally:
            self.session.close()
        if isinstance(error, exc.OperationalError | exc.InterfaceError | exc.IntegrityError | exc.InternalError):
            raise storage_error(error) from error
