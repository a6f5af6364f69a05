"""The window's store of an encrypted SQLite database (or of a new one, encrypted when its administrator is
created): closed until someone signs in, because the key is unwrapped from the password (issue 15).

The sign-in page works on it as on an open store (Clinic.accounts_state, sign_in, set_up_administrator);
the Clinic opens it on the way: `unlock` with a user's password, `create` for the first administrator
(the recovery key is kept here until the window has shown it once), `recover` with the recovery key.
Once open, it is the Database for the rest of the session (the key stays in memory while the window
runs; signing out returns to the sign-in page, where the next password is checked against its account).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import SignInError
from ..i18n import translate
from ..persistence.engine import resolve_url, sqlite_path
from ..persistence.uow import UnitOfWork
from . import encryption, users

if TYPE_CHECKING:
    from ..persistence.database import Database

Opener = Callable[..., "Database"]  # app.open_store(url, key=...)


def needs_unlocking(url: str | None) -> bool:
    """A SQLite file that is encrypted, or new and to be created encrypted."""
    path = sqlite_path(resolve_url(url))
    return path is not None and (encryption.is_encrypted(path) or (encryption.ENCRYPT_NEW and encryption.is_new(path)))


class UnlockingStore:
    def __init__(self, url: str | None, opener: Opener) -> None:
        self.url = resolve_url(url)
        path = sqlite_path(self.url)
        assert path is not None
        self.path: Path = path
        self._open = opener
        self.db: Database | None = None
        self.missed = 0  # failed unlocks the audit trail has not recorded yet
        self.recovery_key: str | None = None  # a new database's, until the window has shown it

    @property
    def locked(self) -> bool:
        return self.db is None

    @property
    def key(self) -> bytes | None:
        return self.db.key if self.db is not None else None

    @property
    def display_url(self) -> str:
        return self.db.display_url if self.db is not None else self.url

    def state(self) -> str:
        """What the sign-in page shows before the database is open: "empty" for a new file, else "ready"."""
        return "empty" if encryption.is_new(self.path) and not encryption.is_encrypted(self.path) else "ready"

    def unit_of_work(self, write: bool = True) -> UnitOfWork:
        if self.db is None:
            raise SignInError(translate("services", "Sign in first: signing in unlocks the encrypted database."))
        return self.db.unit_of_work(write)

    def unlock(self, user_name: str, password: str) -> None:
        if self.db is None:
            unlocked = encryption.unlock(self.path, user_name, password)
            self.db, self.missed = self._open(self.url, key=unlocked.key), unlocked.failed_before

    def recover(self, recovery_key: str) -> None:
        unlocked = encryption.recover(self.path, recovery_key)
        if self.db is None:
            self.db = self._open(self.url, key=unlocked.key)
        self.missed = unlocked.failed_before

    def create(self, user_name: str, full_name: str, password: str) -> None:
        """The new database's key file (the administrator's slot, the recovery slot) and the encrypted file;
        checked first, so that a refused name or password leaves nothing behind."""
        users.check_password(users.check_user_name((user_name or "").strip()), password)
        users.check_full_name(full_name)
        keys = encryption.new_database(self.path, user_name.strip(), password)
        try:
            self.db = self._open(self.url, key=keys.key)
        except BaseException:
            encryption.discard_new(self.path)
            raise
        self.recovery_key = keys.recovery_key

    def discard(self) -> None:
        """Undo `create` when the administrator could not be made: the new files removed, locked again."""
        self.close()
        self.db, self.recovery_key = None, None
        encryption.discard_new(self.path)

    def take_recovery_key(self) -> str | None:
        key, self.recovery_key = self.recovery_key, None
        return key

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
