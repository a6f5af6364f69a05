"""The key file of an encrypted database: the database key wrapped per user and by the recovery key,
unwrapped only by the right secret, written privately and whole."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from cga_desk.persistence.keys import (
    RECOVERY,
    KeyFile,
    KeyFileError,
    key_file_of,
    new_database_key,
    new_recovery_key,
    normalise_recovery_key,
)


def test_each_user_and_the_recovery_key_unwrap_the_same_database_key(tmp_path: Path) -> None:
    db_key, recovery = new_database_key(), new_recovery_key()
    keys = KeyFile()
    keys.grant("liwei", db_key, "a long secret 1")
    keys.grant("ada", db_key, "another secret 2")
    keys.set_recovery(db_key, recovery)
    path = key_file_of(tmp_path / "clinic.sqlite3")
    keys.write(path)
    again = KeyFile.read(path)
    assert again.unlock("liwei", "a long secret 1") == db_key == again.unlock("ada", "another secret 2")
    assert again.recover(recovery.lower().replace("-", " ")) == db_key
    assert again.unlock("liwei", "another secret 2") is None and again.unlock("nobody", "x") is None
    assert again.recover(new_recovery_key()) is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text()
    assert (
        db_key.hex() not in text
        and "a long secret" not in text
        and set(json.loads(text)["slots"])
        == {
            "ada",
            "liwei",
            RECOVERY,
        }
    )


def test_a_password_change_rewraps_and_a_revoked_user_is_gone(tmp_path: Path) -> None:
    db_key = new_database_key()
    keys = KeyFile()
    keys.grant("ada", db_key, "first secret 11")
    keys.grant("ada", db_key, "second secret 22")
    assert keys.unlock("ada", "first secret 11") is None and keys.unlock("ada", "second secret 22") == db_key
    keys.revoke("ada")
    assert keys.unlock("ada", "second secret 22") is None


def test_recovery_keys_are_long_and_typed_any_way() -> None:
    key = new_recovery_key()
    assert len(key.replace("-", "")) == 32 and key.count("-") == 7
    assert normalise_recovery_key(key.lower().replace("-", "  ")) == key


@pytest.mark.parametrize(
    "text", ["not json", '{"format": 9, "slots": {}}', '{"format": 1, "slots": {"a": {"salt": 1}}}']
)
def test_a_damaged_key_file_is_refused_plainly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.keys"
    path.write_text(text)
    with pytest.raises(KeyFileError):
        KeyFile.read(path)
