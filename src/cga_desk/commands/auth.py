"""Signing in from the command line: `--user NAME`, the password from the terminal or from
`--password-file FILE` (refused unless private to its owner), and exit status 3 when refused."""

from __future__ import annotations

import getpass
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import CgaDeskError

if TYPE_CHECKING:
    from ..domain.records import User
    from ..persistence.database import Database

EXIT_DENIED = 3


class UsageError(CgaDeskError):
    """The options cannot work (no --user, no terminal to ask a password): exit status 2."""


@dataclass(frozen=True)
class Credentials:
    user: str | None
    password_file: str | None


def read_secret_file(file: str, option: str) -> str:
    """The first line of a private file: refused (UsageError) unless only its owner may read it (POSIX)."""
    path = Path(file)
    try:
        info = path.stat()
        if os.name == "posix" and (info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)):
            raise UsageError(
                f"{option} {file} can be read by other users (mode {stat.S_IMODE(info.st_mode):04o}); "
                f"make it private first: chmod 600 {file}"
            )
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read {option} {file}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{option} {file} is not UTF-8 text") from exc
    lines = text.splitlines()
    return lines[0] if lines else ""


def ask_secret(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError("no terminal to ask the password on: give --password-file FILE (mode 600)")
    return getpass.getpass(prompt)


def password_of(creds: Credentials) -> str:
    if creds.password_file:
        return read_secret_file(creds.password_file, "--password-file")
    return ask_secret(f"Password for {creds.user}: ")


def sign_in(db: Database, creds: Credentials, password: str | None = None, notice: bool = True) -> User:
    """The signed-in user, or SignInError (exit 3). Every command that opens patient data starts here
    (through signed_in_store, which unlocks an encrypted database first). `password`: already read."""
    from ..domain.errors import SignInError
    from ..services import users

    with db.unit_of_work(write=False) as uow:
        state = users.accounts_state(uow)
    if state == "empty":
        raise SignInError(
            "this database has no user yet: create the administrator first with "
            '`cga-desk user add NAME --role admin --full-name "..."`'
        )
    if not creds.user:
        raise UsageError("give --user NAME (and --password-file FILE in scripts): this database has accounts")
    password = password if password is not None else password_of(creds)
    with db.unit_of_work() as uow:
        result = users.sign_in(uow, creds.user, password)
    if result.must_change_password:
        raise SignInError(
            f"{creds.user} has a one-time password: choose a new one first (`cga-desk user change-password "
            f"--user {creds.user}`, or sign in to the window)"
        )
    if notice and db.key is None:  # an administrator, once per plain SQLite database: it is not encrypted
        from ..persistence.engine import sqlite_path
        from ..services.encryption import plain_notice

        with db.unit_of_work() as uow:
            words = plain_notice(uow, result.user, sqlite_path(db.url))
        if words:
            print(f"cga-desk: {words}", file=sys.stderr)
    return result.user


def unlock_key(db_url: str | None, creds: Credentials) -> tuple[bytes | None, str | None, int]:
    """For an encrypted SQLite database: the password read once, the database key it unwraps (or the
    refusal of a wrong sign-in, SignInError) and the failed unlocks to record. (None, None, 0) otherwise."""
    from ..persistence.engine import resolve_url, sqlite_path
    from ..services import encryption

    path = sqlite_path(resolve_url(db_url))
    if path is None or not encryption.is_encrypted(path):
        return None, None, 0
    if not creds.user:
        raise UsageError(
            "give --user NAME (and --password-file FILE in scripts): signing in unlocks this encrypted database"
        )
    password = password_of(creds)
    unlocked = encryption.unlock(path, creds.user, password)
    return unlocked.key, password, unlocked.failed_before


@contextmanager
def signed_in_store(db_url: str | None, creds: Credentials) -> Iterator[tuple[Database, User]]:
    """The database opened and the user signed in, for the length of a `with` block: an encrypted
    database is unlocked with the user's password first (issue 15), then the password is checked
    against the account as for a plain one."""
    from ..app import open_store
    from ..services.encryption import record_missed_unlocks

    key, password, missed = unlock_key(db_url, creds)
    db = open_store(db_url, key=key)
    try:
        user = sign_in(db, creds, password)
        if missed:
            with db.unit_of_work() as uow:
                record_missed_unlocks(uow, user, missed)
        yield db, user
    finally:
        db.close()


def refusal(command: str, error: BaseException, err: object) -> int | None:
    """The exit status and one line for a refused sign-in or right (3) or unusable options (2); None otherwise."""
    from ..domain.errors import PermissionDenied
    from ..domain.limits import one_line

    if isinstance(error, PermissionDenied):
        print(f"cga-desk {command}: {one_line(str(error))}", file=err)  # type: ignore[call-overload]
        return EXIT_DENIED
    if isinstance(error, UsageError):
        print(f"cga-desk {command}: {one_line(str(error))}", file=err)  # type: ignore[call-overload]
        return 2
    return None
