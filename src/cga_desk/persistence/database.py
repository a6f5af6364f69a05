"""Open a database by URL: engine, migrations to head (SQLite copied aside first), sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from sqlalchemy import exc
from sqlalchemy.orm import sessionmaker

from . import summaries
from .engine import is_plain_sqlite, make_engine, resolve_url, sqlite_path
from .keys import Keyring
from .migrate import upgrade
from .uow import StorageError, UnitOfWork, describe_storage_error


class NoDatabaseError(StorageError):
    """A command that reads was pointed at a database that does not exist (a mistyped --db)."""


def require_database(url: str | None = None) -> None:
    """Refuse, creating nothing, a SQLite file that does not exist or holds no CGA Desk database:
    commands that read or export must not make a new, empty database from a mistyped path (issue 14).
    Only the window and `cga-desk init` create one. Other databases are checked when opened."""
    resolved = resolve_url(url)
    path = sqlite_path(resolved)
    if path is None:
        if resolved.startswith("postgresql"):
            _require_postgres(resolved)
        return
    if not path.is_file() or path.stat().st_size == 0:
        raise NoDatabaseError(
            f"no CGA Desk database at {path} (create one with: cga-desk --db PATH user add NAME --role admin, "
            "or the window)"
        )
    from .keys import key_file_of

    if key_file_of(path).is_file() and not is_plain_sqlite(path):
        return  # encrypted: nothing can be read before sign-in unlocks it, where a wrong file is refused
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone()
    except sqlite3.Error as error:
        raise NoDatabaseError(f"{path} cannot be opened as a CGA Desk database ({error})") from None
    if found is None:
        raise NoDatabaseError(f"{path} is not a CGA Desk database (it has no CGA Desk tables)")


def _require_postgres(url: str) -> None:
    """A PostgreSQL database without CGA Desk's tables (an empty one, a mistyped name on a server that
    has it) is refused as an empty SQLite file is: reading commands never create the schema."""
    engine = make_engine(url)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as conn:
            found = conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar()
    except exc.DBAPIError as error:
        raise StorageError(f"Cannot open the database {shown}: {describe_storage_error(error)}") from error
    finally:
        engine.dispose()
    if found is None:
        raise NoDatabaseError(f"no CGA Desk database at {shown} (create one with: cga-desk init --db URL)")


class Database:
    def __init__(self, url: str, role: str | None = None, key: bytes | None = None) -> None:
        self.url = url
        self.key = key
        self.engine = make_engine(url, role, key)
        path = sqlite_path(url)
        # The key file and the database key of an encrypted database, for the services that wrap it for
        # a user (a new account, a new password) or remove a slot (docs/security.md).
        self.keyring: Keyring | None = None
        if key is not None and path is not None:
            from .keys import key_file_of

            if key_file_of(path).is_file():  # (a raw key without a key file: the engine's own tests)
                self.keyring = Keyring(key_file_of(path), key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        summaries.install(self._sessions)
        self.backup: Path | None = None

    @classmethod
    def open(cls, url: str | None = None, role: str | None = None, key: bytes | None = None) -> Database:
        """Connect to `url` (or the default), apply pending migrations; environment errors in words.
        `role`: PostgreSQL only, the role every connection switches to (SET ROLE): `init-postgres` runs
        the migrations as the owner role. `key`: SQLite only, the raw SQLCipher key of an encrypted file (persistence/engine.py)."""
        db = cls(resolve_url(url), role, key)
        try:
            db.backup = upgrade(db.engine, db.url, key)
            db.derive_summaries()
        except exc.DBAPIError as error:
            db.engine.dispose()
            raise StorageError(f"Cannot open the database {db.display_url}: {describe_storage_error(error)}") from error
        except BaseException:
            db.engine.dispose()
            raise
        return db

    def derive_summaries(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Derive the patient register where it is missing or out of date (after an upgrade); how many."""
        with self.unit_of_work(write=False) as uow:
            stale = summaries.stale_patients(uow.session)
        if stale:
            with self.unit_of_work() as uow:
                summaries.refresh(uow.session, summaries.stale_patients(uow.session), progress)
                uow.commit()
        return len(stale)

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def unit_of_work(self, write: bool = True) -> UnitOfWork:
        return UnitOfWork(self._sessions, write, self.keyring)

    def close(self) -> None:
        self.engine.dispose()
