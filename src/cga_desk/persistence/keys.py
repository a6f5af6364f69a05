"""The key file of an encrypted SQLite database: one random database key, wrapped once per user with a
key derived from that user's password, and once with the printed recovery key (issue 15).

`<database>.keys` (JSON, mode 0600) beside the database holds, for each slot, an argon2id salt and its
parameters, an AES-256-GCM nonce and the wrapped key. Nothing in it opens the database without a
password or the recovery key; it names the users who have a slot (no patient data). The wrapping is
AES-GCM from `cryptography` and argon2id from argon2-cffi's low-level API: no cipher written here.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .location import key_file_of as key_file_of  # re-exported: where the key file is

FORMAT = 1
KEY_BYTES = 32
AAD = b"cga-desk database key v1"
RECOVERY = "__recovery__"  # the slot of the printed recovery key
# argon2id for wrapping keys: RFC 9106's second recommended profile (as argon2-cffi's PasswordHasher).
KDF = {"t": 3, "m": 65536, "p": 4}
_RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_key() -> str:
    """Eight groups of four characters (about 158 bits), to be printed once and kept in a safe."""
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(32))
    return "-".join(raw[i : i + 4] for i in range(0, 32, 4))


def normalise_recovery_key(text: str) -> str:
    """As typed: any case, spaces or dashes anywhere."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _kek(secret: str, salt: bytes, kdf: dict[str, int]) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=kdf["t"],
        memory_cost=kdf["m"],
        parallelism=kdf["p"],
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


@dataclass
class Slot:
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: dict[str, int]
    # Failed unlocks (the users table cannot be read before the key is unwrapped, so the lock-out of an
    # encrypted database is counted here): in a row, when the slot is locked until, and how many the
    # audit trail has not recorded yet (recorded at the next sign-in that opens the database).
    failures: int = 0
    locked_until: str | None = None  # ISO 8601, UTC
    unaudited: int = 0

    @classmethod
    def wrap(cls, db_key: bytes, secret: str, kdf: dict[str, int] | None = None) -> Slot:
        salt, nonce, params = secrets.token_bytes(16), secrets.token_bytes(12), dict(kdf or KDF)
        return cls(salt, nonce, AESGCM(_kek(secret, salt, params)).encrypt(nonce, db_key, AAD), params)

    def unwrap(self, secret: str) -> bytes | None:
        """The database key, or None when the secret is not the one it was wrapped with."""
        try:
            return AESGCM(_kek(secret, self.salt, self.kdf)).decrypt(self.nonce, self.wrapped, AAD)
        except InvalidTag:
            return None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
            "kdf": self.kdf,
        }
        if self.failures or self.locked_until or self.unaudited:
            data |= {"failures": self.failures, "locked_until": self.locked_until, "unaudited": self.unaudited}
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        return cls(
            _unb64(data["salt"]),
            _unb64(data["nonce"]),
            _unb64(data["wrapped"]),
            {k: int(v) for k, v in dict(data["kdf"]).items()},
            int(data.get("failures", 0)),
            data.get("locked_until"),
            int(data.get("unaudited", 0)),
        )


class KeyFileError(Exception):
    """The key file is missing, unreadable or damaged."""


LOCK_SECONDS = 30.0  # the longest wait for another workstation's turn (each holds it for one key derivation)


@contextmanager
def locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """The key file's lock, held across a read-modify-write of it: an operating-system lock on
    `<keys>.lock` beside it (filelock), so that workstations signing in (each counting a failure or clearing
    its count) and an administrator adding or re-wrapping a slot take turns. Without it, two writers both
    rewrote the whole file from what they had read: a failure count was lost, or worse, a user's new slot."""
    from filelock import FileLock, Timeout

    wait = LOCK_SECONDS if timeout is None else timeout
    lock = FileLock(f"{path}.lock", timeout=wait, mode=0o600)
    try:
        lock.acquire()
        held = True
    except Timeout as exc:
        raise KeyFileError(
            f"the key file {path} stayed in use by another workstation for {wait:.0f} s: try again"
        ) from exc
    except OSError:  # no lock file can be made (read-only media): nobody else can write the key file either
        held = False
    try:
        yield
    finally:
        if held:
            lock.release()


@dataclass
class KeyFile:
    slots: dict[str, Slot] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise KeyFileError(f"{path} is a key file of another format ({data.get('format')!r})")
            return cls({name: Slot.from_json(s) for name, s in data["slots"].items()})
        except OSError as exc:
            raise KeyFileError(f"cannot read the key file {path}: {exc.strerror or exc}") from exc
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KeyFileError(f"the key file {path} is damaged") from exc

    def write(self, path: Path) -> None:
        """Whole or not at all: a private temporary file beside it, synced, then renamed."""
        text = json.dumps(
            {
                "format": FORMAT,
                "cipher": "sqlcipher4",
                "slots": {n: s.to_json() for n, s in sorted(self.slots.items())},
            },
            indent=1,
        )
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)  # mode 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def unlock(self, user_name: str, password: str) -> bytes | None:
        slot = self.slots.get(user_name)
        return slot.unwrap(password) if slot is not None else None

    def recover(self, recovery_key: str) -> bytes | None:
        slot = self.slots.get(RECOVERY)
        return slot.unwrap(normalise_recovery_key(recovery_key)) if slot is not None else None

    def grant(self, user_name: str, db_key: bytes, password: str) -> None:
        """Wrap the database key for this user (a new user, a new or one-time password)."""
        self.slots[user_name] = Slot.wrap(db_key, password)

    def revoke(self, user_name: str) -> None:
        self.slots.pop(user_name, None)

    def set_recovery(self, db_key: bytes, recovery_key: str) -> None:
        self.slots[RECOVERY] = Slot.wrap(db_key, normalise_recovery_key(recovery_key))


@dataclass(frozen=True)
class Keyring:
    """The key file of an open encrypted database and its key: what the account services need to wrap the
    key for a user (a new account, a new or one-time password) or to remove a user's slot. Each change
    rewrites the whole file (KeyFile.write); `snapshot`/`put_back` undo it when the database's own
    change does not commit, so the key file and the users table never disagree."""

    path: Path
    key: bytes

    def snapshot(self) -> KeyFile:
        return KeyFile.read(self.path)

    def put_back(self, saved: KeyFile) -> None:
        with locked(self.path):
            saved.write(self.path)

    @contextmanager
    def _editing(self) -> Iterator[KeyFile]:
        """The key file read under its lock, for the block to change, then written (still locked)."""
        with locked(self.path):
            keys = KeyFile.read(self.path)
            yield keys
            keys.write(self.path)

    def grant(self, user_name: str, password: str) -> None:
        with self._editing() as keys:
            keys.grant(user_name, self.key, password)

    def revoke(self, user_name: str) -> None:
        with self._editing() as keys:
            keys.revoke(user_name)

    def clear_lock(self, user_name: str) -> None:
        with locked(self.path):  # written only when there was a count to clear
            keys = KeyFile.read(self.path)
            slot = keys.slots.get(user_name)
            if slot is not None and (slot.failures or slot.locked_until):
                slot.failures, slot.locked_until = 0, None
                keys.write(self.path)

    def has_slot(self, user_name: str) -> bool:
        return user_name in KeyFile.read(self.path).slots

    def set_recovery(self, recovery_key: str) -> None:
        """Wrap the database key with a new recovery key: the recovery slot replaced (its failure count too)."""
        with self._editing() as keys:
            keys.set_recovery(self.key, recovery_key)
