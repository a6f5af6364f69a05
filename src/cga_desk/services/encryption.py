"""Encryption at rest of a SQLite database (issue 15, item 4): a new database is encrypted with SQLCipher
under a random key; the key is wrapped once per user with a key derived from that user's password
(argon2id), and once with a recovery key printed on the first day (persistence/keys.py). Signing in
unlocks it: `unlock` unwraps the key with the password, then the database opens and the password is
checked again against the users table as for a plain database.

Failed unlocks cannot be counted in the users table (it cannot be read before the key is unwrapped):
they are counted in the key file, per slot, with the same rule (five in a row lock the slot for 15
minutes) and the same refusal whether or not the user exists; the next sign-in that opens the database
records them in the audit trail. Decisions in docs/security.md and docs/architecture.md.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..domain import access
from ..domain.errors import CgaDeskError, SignInError, StateError
from ..domain.records import ADMIN, User
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..persistence.engine import SQLITE_HEADER, is_plain_sqlite
from ..persistence.keys import RECOVERY, KeyFile, KeyFileError, Slot, key_file_of, new_database_key, new_recovery_key
from ..persistence.keys import locked as locked_keys
from ..persistence.location import is_encrypted_file
from ..persistence.uow import UnitOfWork
from . import audit
from .users import LOCK_MINUTES, MAX_FAILURES, _wrong

# Every new SQLite database is encrypted. The tests' autouse fixture (tests/conftest.py) lowers this so
# that the many tests which read a database with the standard sqlite3 module keep a plain one; the
# tests of encryption raise it again (the `encrypt_new` fixture). Never lowered by the program.
ENCRYPT_NEW = True
__all__ = ["ENCRYPT_NEW", "NewKeys", "Unlocked", "is_encrypted", "new_database", "recover", "unlock"]


class RecoveryKeyError(SignInError):
    """The recovery key does not open this database (or its slot is locked after repeated failures)."""


@dataclass(frozen=True)
class NewKeys:
    key: bytes
    recovery_key: str  # shown once, to be printed and kept in a safe


@dataclass(frozen=True)
class Unlocked:
    key: bytes
    failed_before: int  # failed unlocks of this slot the audit trail has not recorded yet


def is_encrypted(path: Path | None) -> bool:
    """A SQLite file with a key file beside it and no plain SQLite header."""
    return is_encrypted_file(path)


def is_new(path: Path) -> bool:
    return not path.exists() or (path.is_file() and path.stat().st_size == 0)


def new_database(path: Path, admin_name: str, password: str) -> NewKeys:
    """The key file of a new database: a random key, the first administrator's slot and the recovery
    slot. Refused when a database or a key file is already there (never a second key for one file)."""
    keys_path = key_file_of(path)
    if not is_new(path) or keys_path.exists():
        raise StateError(f"{path} already exists: a new encrypted database is made only in a new file")
    path.parent.mkdir(parents=True, exist_ok=True)
    key, recovery_key = new_database_key(), new_recovery_key()
    keys = KeyFile()
    keys.grant(admin_name, key, password)
    keys.set_recovery(key, recovery_key)
    keys.write(keys_path)
    return NewKeys(key, recovery_key)


def discard_new(path: Path) -> None:
    """Undo new_database when the administrator could not be created (nothing else is in the file)."""
    for file in (path, key_file_of(path), *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        file.unlink(missing_ok=True)


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def _locked(slot: Slot, now: datetime) -> bool:
    return slot.locked_until is not None and datetime.fromisoformat(slot.locked_until) > now


def _open_slot(path: Path, name: str, secret: str, now: datetime | None) -> tuple[bytes | None, int]:
    """Unwrap slot `name` of the key file with `secret`, counting a failure (locking at the fifth) in the
    key file. (key or None, failures the audit trail has not seen). The key derivation runs for an
    unknown name and for a locked slot too, so the time taken tells nothing."""
    keys_path = key_file_of(path)
    with locked_keys(keys_path):  # read, count, write: one workstation at a time (persistence/keys.py)
        keys = KeyFile.read(keys_path)
        slot = keys.slots.get(name)
        if slot is None:
            Slot.wrap(b"\0" * 32, secret)  # the same cost as a real slot
            return None, 0
        moment = _now(now)
        locked = _locked(slot, moment)
        key = slot.unwrap(secret)
        if key is not None and not locked:
            missed = slot.unaudited
            if slot.failures or slot.locked_until or slot.unaudited:
                slot.failures, slot.locked_until, slot.unaudited = 0, None, 0
                keys.write(keys_path)
            return key, missed
        slot.unaudited += 1
        if not locked:
            slot.failures += 1
            if slot.failures >= MAX_FAILURES:
                slot.failures = 0
                slot.locked_until = (moment + timedelta(minutes=LOCK_MINUTES)).isoformat()
        keys.write(keys_path)
        return None, 0


def unlock(path: Path, user_name: str, password: str, now: datetime | None = None) -> Unlocked:
    """The database key unwrapped with this user's password, or SignInError with the words of a refused
    sign-in (the same whether the name, the password or a lock-out is the reason)."""
    name = (user_name or "").strip()
    if name == RECOVERY:  # not a user name (they begin with a letter or digit): the recovery key has its own way
        name = ""
    try:
        key, missed = _open_slot(path, name, password or "", now)
    except KeyFileError as error:
        raise CgaDeskError(str(error)) from error
    if key is None:
        raise SignInError(_wrong())
    return Unlocked(key, missed)


def recover(path: Path, recovery_key: str, now: datetime | None = None) -> Unlocked:
    """The database key unwrapped with the printed recovery key (any case, spaces or dashes)."""
    from ..persistence.keys import normalise_recovery_key

    try:
        key, missed = _open_slot(path, RECOVERY, normalise_recovery_key(recovery_key), now)
    except KeyFileError as error:
        raise CgaDeskError(str(error)) from error
    if key is None:
        raise RecoveryKeyError(
            translate(
                "services",
                "The recovery key does not open this database (after {failures} failed attempts it is refused "
                "for {minutes} minutes).",
            ).format(failures=MAX_FAILURES, minutes=LOCK_MINUTES)
        )
    return Unlocked(key, missed)


def replace_recovery_key(uow: UnitOfWork, by: User) -> str:
    """A new recovery key for the open encrypted database, returned to be shown once: the database key
    wrapped with it in the key file's recovery slot, which replaces the old one, so the old recovery key
    no longer opens this database (backups made before keep their own key file, and so the old key).
    For an administrator; audited without key material. The key file is written first and put back if the
    audit event does not commit. The database key itself is not changed (docs/security.md says when that
    matters)."""
    access.require(by, access.USERS)
    ring = uow.keyring
    if ring is None:
        raise StateError(
            translate(
                "services", "This database is not encrypted: it has no recovery key (cga-desk encrypt makes one)."
            )
        )
    try:
        saved = ring.snapshot()
        recovery_key = new_recovery_key()
        ring.set_recovery(recovery_key)
    except KeyFileError as error:
        raise CgaDeskError(str(error)) from error
    audit.record(uow, by, "recovery_key_replaced", "database", ring.path.name, reason="a new recovery key was issued")
    try:
        uow.commit()
    except BaseException:
        ring.put_back(saved)
        raise
    return recovery_key


def record_missed_unlocks(uow: UnitOfWork, user: User, missed: int, slot: str | None = None) -> None:
    """What the key file counted while the database was closed, into the audit trail (no key material)."""
    if missed:
        audit.record(
            uow,
            user,
            "unlock_failed",
            "user",
            slot or user.name,
            "failed_attempts",
            None,
            missed,
            "wrong password or recovery key before the database was opened",
        )
        uow.commit()


PLAIN_NOTICE_SETTING = "encryption.plain_notice"  # set once an administrator has been told
PLAIN_NOTICE = QT_TRANSLATE_NOOP(
    "services",
    "This database is not encrypted: anyone who copies the file {path} can read every patient in it. Close "
    "CGA Desk on every workstation, then convert it with: cga-desk encrypt --db {path} --user NAME",
)


def plain_notice(uow: UnitOfWork, by: User, path: Path | None) -> str | None:
    """Once per database, to an administrator: the words saying a plain SQLite database is not encrypted
    and how to convert it (None otherwise). That it was said is stored as a setting; not an audit event
    (a reminder shown, nothing about the record changed)."""
    if path is None or by.role != ADMIN or is_encrypted(path) or uow.settings.get(PLAIN_NOTICE_SETTING):
        return None
    uow.settings.set(PLAIN_NOTICE_SETTING, "shown")
    uow.commit()
    return translate("services", PLAIN_NOTICE).format(path=path)


# --- converting a plain database --------------------------------------------------------------------


def shred(path: Path) -> None:
    """Overwrite a file with random bytes, sync, then delete it. On an SSD or a copy-on-write file system
    the old blocks may survive: docs/security.md says so and recommends full-disk encryption as well."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as stream:
            remaining = size
            while remaining > 0:
                chunk = min(remaining, 1 << 20)
                stream.write(secrets.token_bytes(chunk))
                remaining -= chunk
            stream.flush()
            os.fsync(stream.fileno())
    except FileNotFoundError:
        return
    path.unlink(missing_ok=True)


def export_encrypted(plain: Path, target: Path, key: bytes) -> None:
    """sqlcipher_export: the whole plain database (its WAL included) into a new encrypted file."""
    from ..persistence.engine import _sqlcipher

    target.unlink(missing_ok=True)
    conn = _sqlcipher().connect(str(plain))  # SQLCipher opens a plain file when given no key
    try:
        conn.isolation_level = None
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    with open(target, "rb") as stream:
        if stream.read(16) == SQLITE_HEADER:
            raise CgaDeskError(f"{target} was written in the clear: SQLCipher did not encrypt it")


@dataclass(frozen=True)
class Converted:
    recovery_key: str  # shown once
    counts: dict[str, int]
    plain_backup: Path | None  # kept (0600) only when asked for
    one_time: dict[str, str]  # the other active accounts' one-time passwords (they had no key slot)


def encrypt_database(path: Path, admin: User, password: str, keep_plain: bool = False) -> Converted:
    """Convert the plain database at `path` (closed, the administrator's password checked by the caller):
    a verified plain backup first; sqlcipher_export into a new encrypted file beside it; that file checked
    (integrity, the counts of patients, visits, signatures and audit events, the audit chain walked whole)
    against the backup; only then the key file written and the file swapped in. The plain backup is then
    overwritten and deleted, unless `keep_plain` (kept 0600 and said loudly by the caller). The other active
    accounts get one-time passwords, wrapped in their slots: their passwords are known only as hashes."""
    from ..persistence import backup as store
    from ..persistence.keys import KeyFile
    from ..persistence.migrate import PART
    from . import backup

    access.require(admin, access.USERS)  # the service's own check, whoever calls it
    keys_path = key_file_of(path)
    if not path.is_file() or not is_plain_sqlite(path):
        raise StateError(f"{path} is not a plain SQLite database (is it encrypted already?)")
    if keys_path.exists():
        raise StateError(f"{keys_path} already exists: remove it if it belongs to no database, then try again")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    plain_backup = path.with_name(f"{path.name}.plain-before-encryption-{stamp}")
    backup.make_backup(path, plain_backup)
    check = backup.check_backup(plain_backup)
    if not check.ok:
        shred(plain_backup)
        raise StateError(f"Not encrypted: the backup made first is not whole ({check.describe()}).")
    staged = path.with_name(f".{path.name}.encrypting{PART}")
    key, recovery_key = new_database_key(), new_recovery_key()
    try:
        export_encrypted(path, staged, key)
        with store.opened_readonly(staged, key) as conn:
            verdict, found = store.integrity(conn), store.counts(conn)
        expected = {k: v for k, v in check.found.items()}
        problems = [] if verdict == "ok" else [f"integrity check failed: {verdict}"]
        if found != expected:
            problems.append(f"the encrypted copy holds {found}, the database {expected}")
        backup.check_chain(staged, {"audit_chain_head": check.manifest.get("audit_chain_head", "")}, problems, key)
        if problems:
            raise StateError("Not encrypted: the encrypted copy is not whole (" + "; ".join(problems) + ").")
        keys = KeyFile()
        keys.grant(admin.name, key, password)
        keys.set_recovery(key, recovery_key)
        for suffix in ("-wal", "-shm"):  # the plain database is closed: a stale WAL must not meet the new file
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        keys.write(keys_path)
        os.replace(staged, path)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    one_time = _one_time_passwords(path, key, admin)
    if not keep_plain:
        shred(plain_backup)
    return Converted(recovery_key, found, plain_backup if keep_plain else None, one_time)


def _one_time_passwords(path: Path, key: bytes, admin: User) -> dict[str, str]:
    from ..persistence.database import Database
    from . import users

    db = Database.open(f"sqlite:///{path}", key=key)
    try:
        with db.unit_of_work(write=False) as uow:
            others = [
                a.name for a in users.accounts(uow, admin) if a.active and a.has_password and a.name != admin.name
            ]
        issued = {}
        for name in others:
            with db.unit_of_work() as uow:
                issued[name] = users.reset_password(uow, admin, name)
        with db.unit_of_work() as uow:
            audit.record(uow, admin, "encrypt", "database", path.name, reason="converted to an encrypted database")
            uow.commit()
    finally:
        db.close()
    return issued
