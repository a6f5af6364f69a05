"""Shared fixtures: the project's copy of the reference vectors, and Qt off-screen for every test (set before Qt loads)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests speak English unless they choose a language (a Chinese desktop must not change what they read);
# a clinic's own translations folder of the machine is never read (CGA_DESK_TRANSLATIONS_DIR: none there).
os.environ["CGA_DESK_LANG"] = "en"
os.environ["CGA_DESK_TRANSLATIONS_DIR"] = str(Path(__file__).resolve().parent / "no-clinic-translations")
# The window's QSettings of the whole run in a folder of its own: a window still open when Qt shuts down
# saves its geometry after every test's own settings folder is gone, and must not write the user's.
os.environ.setdefault("CGA_DESK_SETTINGS_DIR", tempfile.mkdtemp(prefix="cga-desk-test-settings-"))

# The Qt binding of this machine (PySide6 6.12.0 on Python 3.11) drops a reference to None at every void
# call: without the program's guard the session aborts at exit (134) after every test has passed.
from cga_desk.ui.binding_guard import guard  # noqa: E402 - after the environment above

guard()

ROOT = Path(__file__).resolve().parents[1]
# The worked cases live in the repository, so a fresh clone tests itself; tests/unit/test_vectors_agree.py
# checks this copy against ../shared/vectors when that directory stands beside the checkout (CI).
VECTORS = ROOT / "tests" / "data"


def load_jsonl(name: str) -> list[dict]:
    path = VECTORS / name
    if not path.exists():  # the vectors are the contract: their absence is a failure, never a skip
        raise FileNotFoundError(f"reference vectors not found at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def vectors_dir() -> Path:
    return VECTORS


pytest_plugins = ["tests.store_fixtures"]


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with the smallest parameters in tests (the program's own are argon2-cffi's defaults):
    hundreds of accounts are made here, and tests/integration/test_accounts.py proves the rehash when the
    parameters change."""
    from cga_desk.services import users
    from tests.store_fixtures import cheap_hasher

    monkeypatch.setattr(users, "HASHER", cheap_hasher())


CHEAP_KDF = {"t": 1, "m": 8, "p": 1}  # argon2id's smallest parameters, for the key file's slots in tests


@pytest.fixture(autouse=True, scope="session")
def cheap_key_wrapping() -> Iterator[None]:
    """The key file's argon2id with the smallest parameters in tests (the program's own: RFC 9106's second
    profile, persistence/keys.py KDF), and new databases plain by default: most tests read the file with
    the standard sqlite3 module (tampering, backups, migrations). The tests of encryption ask for
    `encrypt_new`, which makes new databases encrypted as the program does. Session-wide, so that
    module-scoped fixtures (made before any function-scoped one) see it too."""
    from cga_desk.persistence import keys
    from cga_desk.services import encryption

    saved = keys.KDF, encryption.ENCRYPT_NEW
    keys.KDF, encryption.ENCRYPT_NEW = dict(CHEAP_KDF), False
    yield
    keys.KDF, encryption.ENCRYPT_NEW = saved


@pytest.fixture
def encrypt_new(monkeypatch: pytest.MonkeyPatch) -> None:
    """New SQLite databases encrypted, as in the program (`cga-desk user add` on a new file, the window's
    first run)."""
    from cga_desk.services import encryption

    monkeypatch.setattr(encryption, "ENCRYPT_NEW", True)
