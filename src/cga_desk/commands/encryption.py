"""`cga-desk encrypt` (convert a plain SQLite database) and `cga-desk recover` (the printed recovery key
opens the database and sets a new administrator password): issue 15, docs/security.md."""

from __future__ import annotations

from typing import TextIO

from ..domain import access
from ..domain.errors import CgaDeskError, ValidationError
from ..domain.limits import one_line
from .auth import Credentials, UsageError, read_secret_file, refusal, sign_in

EXIT_OK, EXIT_ENVIRONMENT, EXIT_REFUSED = 0, 1, 2
KEEP_PLAIN_WARNING = """\
WARNING: the plain (unencrypted) copy of the database is kept, as asked, at
    {path}
(mode 600). Anyone who can read it reads every patient: move it to safe, encrypted storage or delete it
once you have checked the encrypted database."""


def _failed(command: str, error: CgaDeskError, err: TextIO) -> int:
    if isinstance(error, ValidationError):
        print(f"cga-desk {command}: refused: {one_line(str(error))}. Nothing was changed.", file=err)
        return EXIT_REFUSED
    if (status := refusal(command, error, err)) is not None:
        return status
    print(f"cga-desk {command}: {one_line(str(error))}", file=err)
    return EXIT_ENVIRONMENT


def run_encrypt(db_url: str | None, keep_plain: bool, creds: Credentials, out: TextIO, err: TextIO) -> int:
    """An administrator converts the plain SQLite database at --db; the recovery key is printed once."""
    from ..app import opened_store
    from ..persistence.database import require_database
    from ..persistence.engine import resolve_url, sqlite_path
    from ..services import encryption
    from .accounts import RECOVERY_WORDS
    from .auth import password_of

    path = sqlite_path(resolve_url(db_url))
    if path is None:
        print(
            "cga-desk encrypt: only a SQLite database is encrypted by CGA Desk; a PostgreSQL server relies on its "
            "disk encryption and TLS (sslmode=verify-full in the URL, README)",
            file=err,
        )
        return EXIT_REFUSED
    try:
        require_database(db_url)
        if encryption.is_encrypted(path):
            print(f"cga-desk encrypt: {path} is encrypted already.", file=out)
            return EXIT_OK
        if not creds.user:
            raise UsageError("give --user NAME (an administrator) and --password-file FILE")
        password = password_of(creds)
        with opened_store(db_url) as db:
            user = access.require(sign_in(db, creds, password, notice=False), access.USERS)
        done = encryption.encrypt_database(path, user, password, keep_plain)
    except CgaDeskError as error:
        return _failed("encrypt", error, err)
    counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in done.counts.items())
    print(f"Encrypted {path} ({counts}; integrity, counts and audit chain checked).", file=out)
    print(RECOVERY_WORDS.format(path=path, key=done.recovery_key), file=out)
    if done.one_time:
        print(
            "\nThe other accounts sign in once with a one-time password (give it in person; shown only now):", file=out
        )
        for name, one_time in sorted(done.one_time.items()):
            print(f"  {name}: {one_time}", file=out)
    if done.plain_backup is not None:
        print(KEEP_PLAIN_WARNING.format(path=done.plain_backup), file=err)
    else:
        print("The plain copy made before the conversion was overwritten and deleted.", file=out)
    return EXIT_OK


def run_recover(
    db_url: str | None,
    recovery_key_file: str,
    admin_name: str | None,
    full_name: str | None,
    new_password_file: str | None,
    out: TextIO,
    err: TextIO,
) -> int:
    """The recovery key unlocks the database; an administrator (existing or new) gets a new password and
    key slot. Every failed attempt counts towards the recovery slot's lock-out."""
    from ..app import open_store
    from ..persistence.engine import resolve_url, sqlite_path
    from ..services import encryption, users
    from .accounts import _new_password

    path = sqlite_path(resolve_url(db_url))
    try:
        if not encryption.is_encrypted(path):
            raise UsageError("this database is not encrypted: an administrator resets passwords with `cga-desk user`")
        assert path is not None
        if not admin_name:
            raise UsageError("give --user NAME: the administrator who gets a new password (an existing or a new one)")
        recovery_key = read_secret_file(recovery_key_file, "--recovery-key-file")
        unlocked = encryption.recover(path, recovery_key)
        password = _new_password(new_password_file, admin_name)
        db = open_store(db_url, key=unlocked.key)
        try:
            with db.unit_of_work() as uow:
                user = users.recover_administrator(uow, admin_name, full_name or admin_name, password)
            if unlocked.failed_before:
                with db.unit_of_work() as uow:
                    encryption.record_missed_unlocks(uow, user, unlocked.failed_before, "recovery key")
        finally:
            db.close()
    except CgaDeskError as error:
        return _failed("recover", error, err)
    print(
        f"Recovered {path}: {user.name} is an administrator with the new password. The recovery key still "
        "works: keep it in the safe.",
        file=out,
    )
    return EXIT_OK


NEW_RECOVERY_WORDS = """The database {path} has a new RECOVERY KEY, shown only now:

    {key}

Write it down or print it, and keep it in a safe (not with the computer), in place of the old one. The
old recovery key no longer opens this database. It still opens the backups made before now (each backup
carries its own key file): destroy the old key once those backups are gone.
If the old key may have been seen by someone who also has a copy of an older key file, this is not
enough: see "Replacing the recovery key" in docs/security.md."""


def run_recovery_key(db_url: str | None, creds: Credentials, out: TextIO, err: TextIO) -> int:
    """An administrator replaces the recovery key of an encrypted database; the new one is printed once."""
    from ..persistence.engine import resolve_url, sqlite_path
    from ..services import encryption
    from .auth import signed_in_store

    path = sqlite_path(resolve_url(db_url))
    try:
        if not encryption.is_encrypted(path):
            raise UsageError(
                "this database is not encrypted: it has no recovery key (`cga-desk encrypt` converts it and prints one)"
            )
        with signed_in_store(db_url, creds) as (db, user), db.unit_of_work() as uow:
            recovery_key = encryption.replace_recovery_key(uow, user)
    except CgaDeskError as error:
        return _failed("recovery-key", error, err)
    print(NEW_RECOVERY_WORDS.format(path=path, key=recovery_key), file=out)
    return EXIT_OK
