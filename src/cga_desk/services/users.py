"""Accounts: unique user names, argon2id password hashes, lock-out, and what an admin does with them.

Anchored on 21 CFR Part 11 subpart C (unique accounts, passwords never stored, signing re-asks the
password) and on what REDCap and OpenClinica do. Decisions in docs/clinical-decisions.md ("Accounts").
"""

from __future__ import annotations

import functools
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..domain import access
from ..domain.errors import NotFoundError, SignInError, StateError, ValidationError
from ..domain.records import ADMIN, ROLES, AccountView, User
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..persistence.tables import User as UserRow
from ..persistence.uow import UnitOfWork
from . import audit

# argon2-cffi's defaults (argon2id, RFC 9106's second recommended profile). A test may put a cheaper
# hasher here; hashes made with other parameters are re-made at the next sign-in (check_needs_rehash).
HASHER = PasswordHasher()
MIN_PASSWORD = 10
MAX_PASSWORD = 256
MAX_FAILURES = 5
LOCK_MINUTES = 15
USER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
WRONG_WORDS = QT_TRANSLATE_NOOP(
    "services",
    "The user name or password is not right, or the account is locked or deactivated. After "
    "{failures} failed attempts an account is locked for {minutes} minutes; an administrator can unlock it.",
)
WRONG = WRONG_WORDS.format(failures=MAX_FAILURES, minutes=LOCK_MINUTES)  # in English
_DUMMY_HASH: list[str] = []  # verified against for unknown names, so that they take as long as known ones


def _wrong() -> str:
    return translate("services", WRONG_WORDS).format(failures=MAX_FAILURES, minutes=LOCK_MINUTES)


@dataclass(frozen=True)
class SignedIn:
    user: User
    must_change_password: bool


def now_utc() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes for timezone-aware columns: they were stored in UTC."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


@functools.cache
def _common_passwords() -> frozenset[str]:
    """zxcvbn's list of 30,000 common passwords (installed with the program), lower-cased."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(p.lower() for p in FREQUENCY_LISTS["passwords"])


def check_password(user_name: str, password: str, field: str = "password") -> str:
    """The password rules: at least 10 characters, not the user name, not a common password."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise ValidationError(
            field, translate("services", "a password needs at least {n} characters").format(n=MIN_PASSWORD)
        )
    if len(password) > MAX_PASSWORD:
        raise ValidationError(
            field, translate("services", "a password has at most {n} characters").format(n=MAX_PASSWORD)
        )
    if "\x00" in password:
        raise ValidationError(field, translate("services", "a password cannot contain a NUL character"))
    folded = password.casefold()
    if user_name and user_name.casefold() in folded:
        raise ValidationError(field, translate("services", "the password must not contain the user name"))
    if folded in _common_passwords():
        raise ValidationError(field, translate("services", "this is one of the most common passwords; choose another"))
    return password


def check_user_name(name: str) -> str:
    name = (name or "").strip()
    if not USER_NAME.match(name):
        raise ValidationError(
            "user_name",
            translate(
                "services",
                "a user name has 1-64 letters, digits, '.', '_' or '-' (no spaces), starting with a letter or digit",
            ),
        )
    return name


def check_full_name(full_name: str) -> str:
    from ..domain.limits import check_text

    value = check_text((full_name or "").strip(), "full_name", 200, required=True)
    return value or ""


def _record(row: UserRow) -> User:
    return User(row.name, row.role, row.full_name or row.name)


def _hash(password: str) -> str:
    return HASHER.hash(password)


def _matches(stored: str | None, password: str) -> bool:
    if stored is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(HASHER.hash(secrets.token_hex(16)))
        stored = _DUMMY_HASH[0]
        password = ""  # never matches: the account has no password (or does not exist)
    try:
        return HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _commit_with_slot(uow: UnitOfWork, by: User, user_name: str, password: str | None, why: str) -> None:
    """Commit the account's change together with its key slot on an encrypted database: the database key
    wrapped with `password` (None: the slot removed), audited without any key material. The key file is
    written first and put back as it was if the commit fails, so the two never disagree."""
    ring = uow.keyring
    if ring is None:
        uow.commit()
        return
    saved = ring.snapshot()
    if password is None:
        ring.revoke(user_name)
        audit.record(uow, by, "key_slot_removed", "user", user_name, reason=why)
    else:
        ring.grant(user_name, password)
        audit.record(uow, by, "key_slot_wrapped", "user", user_name, reason=why)
    try:
        uow.commit()
    except BaseException:
        ring.put_back(saved)
        raise


def accounts_state(uow: UnitOfWork) -> str:
    """ "empty": no user yet (create the administrator); "no_admin": users, but no active administrator
    with a password (a database from before passwords: an administrator sets theirs); "ready"."""
    rows = uow.users.all()
    if not rows:
        return "empty"
    if not any(r.active and r.role == ADMIN and r.password_hash for r in rows):
        return "no_admin"
    return "ready"


def set_up_administrator(uow: UnitOfWork, user_name: str, full_name: str, password: str) -> User:
    """The first administrator of an empty database, or the password of an existing administrator of a
    database upgraded from before passwords. Refused once an administrator can sign in."""
    state = accounts_state(uow)
    if state == "ready":
        raise StateError(
            translate(
                "services", "This database already has an administrator who can sign in; ask them for an account."
            )
        )
    row = uow.users.get((user_name or "").strip())  # an upgraded database's names may hold spaces
    user_name = row.name if row is not None else check_user_name(user_name)
    full_name = check_full_name(full_name)
    check_password(user_name, password)
    if row is None:
        row = uow.users.add(UserRow(name=user_name, role=ADMIN, full_name=full_name, active=True))
        audit.record(uow, _record(row), "create", "user", user_name, "role", None, ADMIN, "first administrator")
    elif row.role != ADMIN or row.password_hash or not row.active:
        raise ValidationError(
            "user_name",
            translate("services", "{user_name} is not an administrator without a password").format(user_name=user_name),
        )
    else:
        row.full_name = full_name
    row.password_hash, row.must_change_password = _hash(password), False
    audit.record(uow, _record(row), "set_password", "user", user_name, reason="administrator set up")
    _commit_with_slot(uow, _record(row), user_name, password, "administrator set up")
    return _record(row)


def create_user(
    uow: UnitOfWork, by: User, user_name: str, full_name: str, role: str, password: str, must_change: bool = False
) -> User:
    access.require(by, access.USERS)
    user_name, full_name = check_user_name(user_name), check_full_name(full_name)
    if role not in ROLES:
        raise ValidationError(
            "role",
            translate("services", "{role!r} is not a role; expected {join}").format(role=role, join=", ".join(ROLES)),
        )
    check_password(user_name, password, "new_password")
    if any(u.name.casefold() == user_name.casefold() for u in uow.users.all()):
        raise ValidationError(
            "user_name",
            translate("services", "a user called {user_name!r} already exists (user names are never reused)").format(
                user_name=user_name
            ),
        )
    row = uow.users.add(
        UserRow(
            name=user_name,
            role=role,
            full_name=full_name,
            active=True,
            password_hash=_hash(password),
            must_change_password=must_change,
        )
    )
    audit.record(uow, by, "create", "user", user_name, "role", None, role)
    _commit_with_slot(uow, by, user_name, password, "new account")
    return _record(row)


def _fail(uow: UnitOfWork, row: UserRow | None, typed_name: str, action: str, now: datetime) -> SignInError:
    """Count a failed password (locking the account at the fifth in a row), audit it, commit, and return
    the error to raise: the same words whether or not the user name exists."""
    who = User(typed_name[:120] or "?", "unknown")
    audit.record(uow, who, action, "user", typed_name[:80], reason="wrong password or no such account")
    if row is not None and row.active:
        row.failed_attempts = (row.failed_attempts or 0) + 1
        if row.failed_attempts >= MAX_FAILURES:
            row.locked_until, row.failed_attempts = now + timedelta(minutes=LOCK_MINUTES), 0
            audit.record(uow, who, "lock_out", "user", row.name, "locked_until", None, row.locked_until)
    uow.commit()
    return SignInError(_wrong())


def _check(uow: UnitOfWork, user_name: str, password: str, action: str, now: datetime | None) -> UserRow:
    now = now or now_utc()
    row = uow.users.get((user_name or "").strip())
    locked = row is not None and (_aware(row.locked_until) or now) > now
    usable = row is not None and row.active and row.password_hash is not None and not locked
    if not _matches(row.password_hash if usable and row is not None else None, password or ""):
        if locked and row is not None:
            audit.record(uow, User(row.name, row.role), f"{action}_refused", "user", row.name, reason="account locked")
            uow.commit()
            raise SignInError(_wrong())
        raise _fail(uow, row, (user_name or "").strip(), f"{action}_failed", now)
    assert row is not None and row.password_hash is not None
    row.failed_attempts, row.locked_until = 0, None
    if HASHER.check_needs_rehash(row.password_hash):  # the parameters changed since it was made
        row.password_hash = _hash(password)
    return row


def sign_in(uow: UnitOfWork, user_name: str, password: str, now: datetime | None = None) -> SignedIn:
    """Check the password; five failures in a row lock the account for 15 minutes. Audited either way."""
    row = _check(uow, user_name, password, "sign_in", now)
    user = _record(row)
    audit.record(uow, user, "sign_in", "user", row.name)
    uow.commit()
    return SignedIn(user, bool(row.must_change_password))


def confirm_password(uow: UnitOfWork, by: User, password: str, action: str = "signature_password") -> User:
    """The signed-in user's password again (an electronic signature, the idle lock): failures count
    towards the lock-out like sign-in failures. Does not commit on success (the caller's change does)."""
    row = _check(uow, by.name, password, action, None)
    return _record(row)


def lock_screen(uow: UnitOfWork, by: User) -> None:
    audit.record(uow, by, "screen_locked", "user", by.name, reason="idle")
    uow.commit()


def resume(uow: UnitOfWork, by: User, password: str) -> User:
    """Unlock the idle lock with the signed-in user's own password (failures count towards the lock-out)."""
    row = _check(uow, by.name, password, "unlock_screen", None)
    audit.record(uow, by, "screen_unlocked", "user", row.name)
    uow.commit()
    return _record(row)


def sign_out(uow: UnitOfWork, by: User, why: str = "signed out") -> None:
    audit.record(uow, by, "sign_out", "user", by.name, reason=why)
    uow.commit()


def change_password(uow: UnitOfWork, user_name: str, old_password: str, new_password: str) -> User:
    """The user's own change (required at the first sign-in after a reset)."""
    row = _check(uow, user_name, old_password, "password_change", None)
    check_password(row.name, new_password, "new_password")
    if _matches(row.password_hash, new_password):
        raise ValidationError(
            "new_password", translate("services", "choose a password different from the one you have now")
        )
    row.password_hash, row.must_change_password = _hash(new_password), False
    audit.record(uow, _record(row), "set_password", "user", row.name, reason="changed by the user")
    _commit_with_slot(uow, _record(row), row.name, new_password, "password changed by the user")
    return _record(row)


def one_time_password() -> str:
    """Three groups of four letters and digits without look-alikes (0/O, 1/l/I), e.g. k7pw-3mxe-9tqa."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


def _admin_target(uow: UnitOfWork, by: User, user_name: str) -> UserRow:
    access.require(by, access.USERS)
    row = uow.users.get((user_name or "").strip())
    if row is None:
        raise NotFoundError(translate("services", "No user called {name!r}.").format(name=user_name))
    return row


def reset_password(uow: UnitOfWork, by: User, user_name: str) -> str:
    """A one-time password (returned once, to give to the user), to be replaced at their next sign-in;
    also unlocks the account. The users of a database from before passwords get theirs this way."""
    row = _admin_target(uow, by, user_name)
    password = one_time_password()
    row.password_hash, row.must_change_password = _hash(password), True
    row.failed_attempts, row.locked_until = 0, None
    audit.record(uow, by, "reset_password", "user", row.name, reason="one-time password issued")
    _commit_with_slot(uow, by, row.name, password, "one-time password issued")
    return password


def unlock(uow: UnitOfWork, by: User, user_name: str) -> None:
    row = _admin_target(uow, by, user_name)
    audit.record(uow, by, "unlock", "user", row.name, "locked_until", _aware(row.locked_until), None)
    row.failed_attempts, row.locked_until = 0, None
    if uow.keyring is not None:  # the lock-out counted in the key file before the database was open
        uow.keyring.clear_lock(row.name)
    uow.commit()


def deactivate(uow: UnitOfWork, by: User, user_name: str) -> None:
    """A deactivated user can no longer sign in; nobody is ever deleted (signatures and the audit trail
    name them). The last active administrator cannot be deactivated."""
    row = _admin_target(uow, by, user_name)
    if not row.active:
        return
    if row.role == ADMIN and not any(u.active and u.role == ADMIN and u.name != row.name for u in uow.users.all()):
        raise StateError(
            translate("services", "This is the last active administrator: make another administrator first.")
        )
    row.active = False
    audit.record(uow, by, "deactivate", "user", row.name, "active", True, False)
    _commit_with_slot(uow, by, row.name, None, "account deactivated")


def accounts(uow: UnitOfWork, by: User) -> list[AccountView]:
    access.require(by, access.USERS)
    return [
        AccountView(
            r.name,
            r.full_name or r.name,
            r.role,
            bool(r.active),
            r.password_hash is not None,
            bool(r.must_change_password),
            _aware(r.locked_until),
        )
        for r in uow.users.all()
    ]


def recover_administrator(uow: UnitOfWork, user_name: str, full_name: str, password: str) -> User:
    """After the recovery key opened the database (services/encryption.py): a new password for an
    administrator (their account reactivated and unlocked), or a new administrator if the name is new.
    Whoever holds the recovery key holds the database: this is its purpose, and it is audited."""
    row = uow.users.get((user_name or "").strip())
    if row is None:
        user_name, full_name = check_user_name(user_name), check_full_name(full_name)
        check_password(user_name, password)
        row = uow.users.add(UserRow(name=user_name, role=ADMIN, full_name=full_name, active=True))
        audit.record(uow, _record(row), "create", "user", user_name, "role", None, ADMIN, "recovery key")
    elif row.role != ADMIN:
        raise ValidationError(
            "user_name",
            translate(
                "services", "{user_name} is not an administrator; give an administrator's name or a new one"
            ).format(user_name=row.name),
        )
    else:
        check_password(row.name, password)
    row.active, row.password_hash, row.must_change_password = True, _hash(password), False
    row.failed_attempts, row.locked_until = 0, None
    by = _record(row)
    audit.record(uow, by, "recover", "user", row.name, reason="new administrator password set with the recovery key")
    _commit_with_slot(uow, by, row.name, password, "recovery key")
    return by


def get_user(uow: UnitOfWork, name: str) -> User:
    row = uow.users.get(name)
    if row is None:
        raise NotFoundError(translate("services", "No user called {name!r}.").format(name=name))
    return _record(row)
