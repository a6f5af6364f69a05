"""The key file of an encrypted database is rewritten whole by whoever changes it: a workstation counting a
failed sign-in, or an administrator adding a user's slot. Several processes doing that at the same moment
take turns (persistence/keys.locked): no failure count and no slot is lost. Real processes (spawned, as a
second workstation's program would be), a real key file; the argon2id parameters are the tests' cheap ones."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from cga_desk.domain.errors import SignInError
from cga_desk.persistence import keys
from cga_desk.persistence.keys import KeyFile, Keyring, key_file_of
from cga_desk.services import encryption
from tests.conftest import CHEAP_KDF

GUESSES, NEW_USERS = 25, 12


def _guesser(path: str, start: Any) -> None:
    keys.KDF = dict(CHEAP_KDF)
    start.wait()
    for _ in range(GUESSES):
        try:
            encryption.unlock(Path(path), "nurse", "not the nurse's password")
        except SignInError:
            pass
        else:  # pragma: no cover - a wrong password never unlocks
            raise AssertionError("a wrong password unlocked the database")


def _administrator(path: str, key: bytes, start: Any) -> None:
    keys.KDF = dict(CHEAP_KDF)
    ring = Keyring(key_file_of(Path(path)), key)
    start.wait()
    for n in range(NEW_USERS):
        ring.grant(f"user{n}", f"password of user {n}")


def test_workstations_counting_failures_and_an_administrator_adding_slots_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    made = encryption.new_database(path, "admin", "the admin's password")
    Keyring(key_file_of(path), made.key).grant("nurse", "the nurse's password")
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(3)
    workers = [
        context.Process(target=_guesser, args=(str(path), start)),
        context.Process(target=_guesser, args=(str(path), start)),
        context.Process(target=_administrator, args=(str(path), made.key, start)),
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    slots = KeyFile.read(key_file_of(path)).slots
    assert {f"user{n}" for n in range(NEW_USERS)} <= set(slots)  # every slot added is there
    assert slots["nurse"].unaudited == 2 * GUESSES  # every failed sign-in was counted
    assert slots["nurse"].locked_until is not None  # (five in a row lock the slot)
    for n in range(NEW_USERS):  # and each slot still opens with its own password
        assert slots[f"user{n}"].unwrap(f"password of user {n}") == made.key
    assert slots["nurse"].unwrap("the nurse's password") == made.key


def test_a_key_file_kept_busy_too_long_is_said_plainly(tmp_path: Path) -> None:
    """Another program holding the key file's lock (a stuck workstation) makes a sign-in wait, then say so
    in words, never hang."""
    from cga_desk.persistence.keys import KeyFileError

    path = tmp_path / "clinic.sqlite3.keys"
    with keys.locked(path):
        with pytest.raises(KeyFileError, match="stayed in use by another workstation for 0 s: try again"):
            with keys.locked(path, timeout=0.2):
                pass
    with keys.locked(path, timeout=0.2):  # free again once released
        pass


def test_a_key_file_where_no_lock_can_be_made_is_still_read(tmp_path: Path) -> None:
    """Read-only media (a database opened from a write-protected drive): no lock file can be made there,
    and nobody can write the key file either, so reading it (a sign-in that changes no count) goes on."""
    path = Path("/dev/null") / "clinic.sqlite3.keys"  # a lock file cannot be created under a device
    with keys.locked(path, timeout=0.2):
        pass
