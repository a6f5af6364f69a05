"""`cga-desk user ...` (accounts) and `cga-desk sign` (a physician's electronic signature)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..domain.errors import CgaDeskError, NotFoundError, ValidationError
from ..domain.limits import one_line
from .auth import Credentials, UsageError, ask_secret, read_secret_file, refusal, sign_in, signed_in_store, unlock_key

if TYPE_CHECKING:
    from ..domain.records import User
    from ..persistence.database import Database

EXIT_OK, EXIT_ENVIRONMENT, EXIT_REFUSED = 0, 1, 2


def _new_password(file: str | None, user_name: str) -> str:
    """From --new-password-file, or asked twice on the terminal."""
    if file:
        return read_secret_file(file, "--new-password-file")
    first = ask_secret(f"New password for {user_name}: ")
    if ask_secret(f"The same password again for {user_name}: ") != first:
        raise ValidationError("new_password", "the two passwords differ")
    return first


def run_user(
    db_url: str | None,
    action: str,
    name: str | None,
    role: str | None,
    full_name: str | None,
    new_password_file: str | None,
    creds: Credentials,
    out: TextIO,
    err: TextIO,
) -> int:
    from ..app import open_store, opened_store
    from ..persistence.database import require_database
    from ..persistence.engine import resolve_url, sqlite_path
    from ..services import encryption, users

    command = f"user {action}"
    try:
        if action != "add":
            require_database(db_url)
        path = sqlite_path(resolve_url(db_url))
        if action == "add" and path is not None and encryption.ENCRYPT_NEW and encryption.is_new(path):
            assert name is not None and role is not None
            return _new_encrypted_database(db_url, path, name, role, full_name or "", new_password_file, out)
        if action == "change-password" and encryption.is_encrypted(path):
            # the current (or one-time) password unlocks the key, then the slot is wrapped with the new one
            key, old, missed = unlock_key(db_url, creds)
            assert creds.user is not None and old is not None
            new = _new_password(new_password_file, creds.user)
            db = open_store(db_url, key=key)
            try:
                with db.unit_of_work() as uow:
                    changed = users.change_password(uow, creds.user, old, new)
                if missed:
                    with db.unit_of_work() as uow:
                        encryption.record_missed_unlocks(uow, changed, missed)
            finally:
                db.close()
            print(f"Changed the password of {creds.user}.", file=out)
            return EXIT_OK
        if action != "change-password" and encryption.is_encrypted(path):
            with signed_in_store(db_url, creds) as (db, admin):
                return _as_admin(db, admin, action, name, role, full_name, new_password_file, out)
        with opened_store(db_url) as db:
            if action == "add":
                with db.unit_of_work(write=False) as uow:
                    empty = users.accounts_state(uow) == "empty"
                assert name is not None and role is not None
                if empty:  # the first user of an empty database: the administrator, without signing in
                    if role != "admin":
                        raise UsageError("the first user of a database is its administrator: use --role admin")
                    password = _new_password(new_password_file, name)
                    with db.unit_of_work() as uow:
                        user = users.set_up_administrator(uow, name, full_name or "", password)
                    print(f"Created the administrator {user.name} ({user.full_name}).", file=out)
                    return EXIT_OK
            if action == "change-password":
                if not creds.user:
                    raise UsageError("give --user NAME: whose password to change")
                old = (
                    read_secret_file(creds.password_file, "--password-file")
                    if creds.password_file
                    else ask_secret(f"Current (or one-time) password for {creds.user}: ")
                )
                new = _new_password(new_password_file, creds.user)
                with db.unit_of_work() as uow:
                    users.change_password(uow, creds.user, old, new)
                print(f"Changed the password of {creds.user}.", file=out)
                return EXIT_OK
            admin = sign_in(db, creds)
            return _as_admin(db, admin, action, name, role, full_name, new_password_file, out)
    except ValidationError as exc:
        print(f"cga-desk {command}: refused: {one_line(str(exc))}. Nothing was changed.", file=err)
        return EXIT_REFUSED
    except CgaDeskError as exc:
        if (status := refusal(command, exc, err)) is not None:
            return status
        print(f"cga-desk {command}: {one_line(str(exc))}", file=err)
        return EXIT_ENVIRONMENT


RECOVERY_WORDS = """The database {path} is encrypted. Its RECOVERY KEY, shown only now:

    {key}

Write it down or print it, and keep it in a safe (not with the computer). It is the only way back into
the data if every administrator password is lost: cga-desk recover --db {path} --recovery-key-file FILE.
Whoever has it and a copy of the database can read every patient in it."""


def _new_encrypted_database(
    db_url: str | None, path: Path, name: str, role: str, full_name: str, new_password_file: str | None, out: TextIO
) -> int:
    """`user add` on a new file: the database is created encrypted, with the administrator's key slot and
    the recovery key printed once (issue 15). Nothing is left behind if the administrator is refused."""
    from ..app import open_store
    from ..services import encryption, users

    if role != "admin":
        raise UsageError("the first user of a database is its administrator: use --role admin")
    password = _new_password(new_password_file, name)
    users.check_password(users.check_user_name(name), password)
    users.check_full_name(full_name)
    keys = encryption.new_database(path, name, password)
    try:
        db = open_store(db_url, key=keys.key)
        try:
            with db.unit_of_work() as uow:
                user = users.set_up_administrator(uow, name, full_name, password)
        finally:
            db.close()
    except BaseException:
        encryption.discard_new(path)
        raise
    print(f"Created the administrator {user.name} ({user.full_name}).", file=out)
    print(RECOVERY_WORDS.format(path=path, key=keys.recovery_key), file=out)
    return EXIT_OK


def _as_admin(
    db: Database,
    admin: User,
    action: str,
    name: str | None,
    role: str | None,
    full_name: str | None,
    new_password_file: str | None,
    out: TextIO,
) -> int:
    """What an administrator does, signed in: add, list, deactivate, unlock, reset-password."""
    from ..services import users

    if action == "add":
        assert name is not None and role is not None
        password = _new_password(new_password_file, name)
        with db.unit_of_work() as uow:
            user = users.create_user(uow, admin, name, full_name or "", role, password)
        print(f"Created {user.role} {user.name} ({user.full_name}).", file=out)
        return EXIT_OK
    if action == "list":
        with db.unit_of_work(write=False) as uow:
            accounts = users.accounts(uow, admin)
        print(f"{'user name':<20} {'role':<10} {'state':<28} full name", file=out)
        for a in accounts:
            state = "deactivated" if not a.active else "no password yet" if not a.has_password else "active"
            if a.must_change_password:
                state += ", one-time password"
            if a.locked_until is not None and a.locked_until > users.now_utc():
                state += ", locked"
            print(f"{a.name:<20} {a.role:<10} {state:<28} {a.full_name}", file=out)
        return EXIT_OK
    assert name is not None
    with db.unit_of_work() as uow:
        if action == "deactivate":
            users.deactivate(uow, admin, name)
            print(f"Deactivated {name}: they can no longer sign in (their records keep their name).", file=out)
        elif action == "unlock":
            users.unlock(uow, admin, name)
            print(f"Unlocked {name}.", file=out)
        else:  # reset-password
            password = users.reset_password(uow, admin, name)
            print(
                f"One-time password for {name}: {password}\n"
                "Give it to them in person; they choose their own at the next sign-in. It is shown only now.",
                file=out,
            )
    return EXIT_OK


def run_sign(
    db_url: str | None, patient_id: str, visit: str, meaning: str | None, creds: Credentials, out: TextIO, err: TextIO
) -> int:
    """Sign the complete visits of PATIENT_ID on --visit DATE (the password read for signing in is the
    signature's password: it is asked for this act)."""
    from ..domain.limits import STUDY_ID_MAX, check_text
    from ..forms.document import parse_date
    from ..persistence.database import require_database
    from ..services import history, signatures, visits

    try:
        patient_id = check_text(patient_id, "PATIENT_ID", STUDY_ID_MAX, required=True) or ""
        day: date = parse_date(visit, "--visit")
        require_database(db_url)
        with signed_in_store(db_url, creds) as (db, user):
            password = _password_again(creds)
            with db.unit_of_work(write=False) as uow:
                found = [
                    r.visit for r in history.patient_history(uow, user, patient_id).rows if r.visit.visit_date == day
                ]
            complete = [v for v in found if v.status == "complete"]
            if not complete:
                states = ", ".join(f"{v.timepoint}: {v.status}" for v in found) or "no visit on that date"
                raise NotFoundError(f"{patient_id} has no complete visit to sign on {day.isoformat()} ({states}).")
            with db.unit_of_work() as uow:
                signed = visits.sign_visits(uow, user, [v.id for v in complete], password, meaning)
    except ValidationError as exc:
        print(f"cga-desk sign: refused: {one_line(str(exc))}. Nothing was signed.", file=err)
        return EXIT_REFUSED
    except CgaDeskError as exc:
        if (status := refusal("sign", exc, err)) is not None:
            return status
        print(f"cga-desk sign: {one_line(str(exc))}", file=err)
        return EXIT_ENVIRONMENT
    for v in signed:
        print(f"{patient_id} {v.visit_date.isoformat()} {v.timepoint}: {signatures.signature_line(v)}", file=out)
    return EXIT_OK


def _password_again(creds: Credentials) -> str:
    """The signature's password: from the same --password-file, or asked again on the terminal."""
    if creds.password_file:
        return read_secret_file(creds.password_file, "--password-file")
    return ask_secret(f"Password again to sign as {creds.user}: ")
