"""Encryption at rest, end to end through the command line (issue 15, item 4): a new database is encrypted,
a copied file (with its key file) opens only with a password or the recovery key, the key slots follow the
accounts, the recovery key sets a new administrator password, `cga-desk encrypt` converts a plain database,
backups are encrypted and restore, and the lock-out still works before the users table can be read.
Real files, real SQLCipher; the key file's argon2id is the cheap test profile (tests/conftest.py)."""

from __future__ import annotations

import io
import json
import re
import shutil
import sqlite3
import stat
import subprocess
from contextlib import closing, redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from cga_desk.app import open_store
from cga_desk.cli import main
from cga_desk.domain.errors import SignInError
from cga_desk.persistence.engine import connect_file
from cga_desk.persistence.keys import RECOVERY, KeyFile, key_file_of
from cga_desk.services import encryption
from tests.integration.cli_helpers import CLI_DOCTOR, CLI_NURSE, password_file, sign_in_args
from tests.store_fixtures import ADMIN_USER

pytestmark = pytest.mark.usefixtures("encrypt_new")
RECOVERY_KEY = re.compile(r"^\s+([A-Z0-9]{4}(?:-[A-Z0-9]{4}){7})$", re.M)
NOT_A_DATABASE = "file is not a database"


def cli(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main([str(a) for a in argv])
    return status, out.getvalue(), err.getvalue()


def secret(folder: Path, text: str, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


class Clinic:
    """A new database made as on a clinic's first day: the administrator (the recovery key printed once),
    a nurse, and demo patients."""

    def __init__(self, folder: Path) -> None:
        self.db = folder / "clinic" / "cga.sqlite3"
        self.secrets = folder / "secrets"
        self.password = password_file(self.secrets)
        status, out, err = cli(
            "--db", self.db, "user", "add", ADMIN_USER.name, "--role", "admin", "--full-name", "A Admin",
            "--new-password-file", self.password,
        )  # fmt: skip
        assert status == 0, err
        found = RECOVERY_KEY.findall(out)
        assert len(found) == 1 and "keep it in a safe" in out, out
        self.recovery_key = found[0]
        self.admin = sign_in_args(ADMIN_USER, self.password)
        assert (
            cli(
                "--db", self.db, "demo", "--patients", "3", "--user", ADMIN_USER.name, "--password-file", self.password
            )[0]
            == 0
        )

    def run(self, *argv: str | Path) -> tuple[int, str, str]:
        return cli("--db", self.db, *argv)

    def add(self, user_name: str, role: str) -> None:
        status, _out, err = self.run(
            "user", "add", user_name, "--role", role, "--full-name", user_name, "--new-password-file", self.password,
            *self.admin,
        )  # fmt: skip
        assert status == 0, err

    def slots(self) -> set[str]:
        return set(KeyFile.read(key_file_of(self.db)).slots)

    def audit_actions(self) -> list[str]:
        out = self.db.parent / "audit.csv"
        assert self.run("audit", "export", "--out", out, *self.admin)[0] == 0
        return [line.split(",")[3] for line in out.read_text(encoding="utf-8").splitlines()[1:]]


@pytest.fixture
def clinic(tmp_path: Path) -> Clinic:
    return Clinic(tmp_path)


def assert_not_a_database(path: Path) -> None:
    """The standard sqlite3 module, and the sqlite3 tool when installed, both refuse the file."""
    assert path.is_file() and path.stat().st_size > 0
    with pytest.raises(sqlite3.DatabaseError, match=NOT_A_DATABASE):
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    tool = shutil.which("sqlite3")
    if tool:
        done = subprocess.run([tool, str(path), "SELECT count(*) FROM patients;"], capture_output=True, text=True)
        assert done.returncode != 0 and NOT_A_DATABASE in done.stderr


def test_a_new_database_is_encrypted_with_its_wal_and_a_copy_needs_a_password(clinic: Clinic, tmp_path: Path) -> None:
    assert encryption.is_encrypted(clinic.db)
    assert stat.S_IMODE(key_file_of(clinic.db).stat().st_mode) == 0o600
    assert clinic.slots() == {ADMIN_USER.name, RECOVERY, "demo.physician", "demo.nurse"}
    status, out, _ = clinic.run("history", "DEMO-P001", *clinic.admin)
    assert status == 0 and "BASELINE" in out
    assert_not_a_database(clinic.db)
    # while the database is open, its WAL holds the newest pages: encrypted too
    unlocked = encryption.unlock(clinic.db, ADMIN_USER.name, clinic.password.read_text().strip())
    db = open_store(str(clinic.db), key=unlocked.key)
    try:
        with db.unit_of_work() as uow:
            names = [p.name for p in uow.patients.all()]
            uow.patients.all()[0].name = "Zoë Unmistakable"
            uow.commit()
        wal = clinic.db.with_name(clinic.db.name + "-wal")
        assert wal.stat().st_size > 0
        assert_not_a_database(wal)
        for file in (clinic.db, wal):
            content = file.read_bytes()
            assert not any(n.encode() in content for n in [*names, "Zoë Unmistakable"] if n)
        with pytest.raises(sqlite3.DatabaseError, match=NOT_A_DATABASE):
            shutil.copy(clinic.db, tmp_path / "db-copy")
            shutil.copy(wal, tmp_path / "db-copy-wal")
            with sqlite3.connect(tmp_path / "db-copy") as conn:
                conn.execute("SELECT count(*) FROM patients").fetchone()
    finally:
        db.close()
    key_text = key_file_of(clinic.db).read_text(encoding="utf-8")
    assert unlocked.key.hex() not in key_text and "DEMO" not in key_text  # only wrapped keys, no patient data

    # the file and its key file copied elsewhere: nothing opens without a password or the recovery key
    copy = tmp_path / "elsewhere" / "stolen.sqlite3"
    copy.parent.mkdir()
    shutil.copy(clinic.db, copy)
    shutil.copy(key_file_of(clinic.db), key_file_of(copy))
    with pytest.raises(SignInError, match="encrypted"):
        open_store(str(copy))
    wrong = secret(tmp_path / "w", "Not-The-Password-9", "wrong.txt")
    status, out, err = cli("--db", copy, "history", "DEMO-P001", "--user", ADMIN_USER.name, "--password-file", wrong)
    assert status == 3 and "DEMO" not in out and "not right" in err
    status, _, err = cli("--db", copy, "history", "DEMO-P001", "--user", "nobody", "--password-file", wrong)
    assert status == 3 and "not right" in err  # the same words: it does not say who exists
    assert cli("--db", copy, "history", "DEMO-P001", *clinic.admin)[0] == 0
    with pytest.raises(SignInError):  # the recovery slot is not a user's: only `recover` uses it
        encryption.unlock(copy, RECOVERY, clinic.recovery_key)


def test_key_slots_follow_the_accounts(clinic: Clinic, tmp_path: Path) -> None:
    clinic.add(CLI_NURSE.name, "nurse")
    nurse = sign_in_args(CLI_NURSE, clinic.password)
    assert CLI_NURSE.name in clinic.slots()
    assert clinic.run("history", "DEMO-P001", *nurse)[0] == 0  # her password unlocks the database

    # an admin's reset: the slot is wrapped with the one-time password, the old password opens nothing
    status, out, _ = clinic.run("user", "reset-password", CLI_NURSE.name, *clinic.admin)
    one_time = re.search(r"One-time password for \S+: (\S+)", out)
    assert status == 0 and one_time
    assert clinic.run("history", "DEMO-P001", *nurse)[0] == 3
    one_time_file = secret(tmp_path / "n", one_time.group(1), "one-time.txt")
    new_file = secret(tmp_path / "n", "Ward-Seven-Tulips", "new.txt")
    status, _, err = clinic.run(
        "user", "change-password", "--user", CLI_NURSE.name, "--password-file", one_time_file,
        "--new-password-file", new_file,
    )  # fmt: skip
    assert status == 0, err
    with_new = sign_in_args(CLI_NURSE, new_file)
    assert clinic.run("history", "DEMO-P001", *with_new)[0] == 0
    assert encryption.unlock(clinic.db, CLI_NURSE.name, "Ward-Seven-Tulips").key  # the slot holds the new one
    with pytest.raises(SignInError):
        encryption.unlock(clinic.db, CLI_NURSE.name, one_time.group(1))

    # deactivated: the slot is gone, so the password no longer unwraps anything
    assert clinic.run("user", "deactivate", CLI_NURSE.name, *clinic.admin)[0] == 0
    assert CLI_NURSE.name not in clinic.slots()
    assert clinic.run("history", "DEMO-P001", *with_new)[0] == 3
    actions = clinic.audit_actions()
    assert actions.count("key_slot_wrapped") >= 4  # admin, nurse created, reset, changed
    assert "key_slot_removed" in actions
    audit_text = (clinic.db.parent / "audit.csv").read_text(encoding="utf-8")
    key = encryption.unlock(clinic.db, ADMIN_USER.name, clinic.password.read_text().strip()).key
    assert key.hex() not in audit_text.lower()


def test_the_recovery_key_sets_a_new_administrator_password(clinic: Clinic, tmp_path: Path) -> None:
    folder = tmp_path / "r"
    new = secret(folder, "Morning-Coffee-Safe-81", "new.txt")
    wrong = secret(folder, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "wrong.txt")
    status, _, err = clinic.run("recover", "--recovery-key-file", wrong, "--user", "admin", "--new-password-file", new)
    assert status == 3 and "recovery key does not open" in err
    typed = secret(folder, clinic.recovery_key.lower().replace("-", " "), "key.txt")  # as typed from paper
    status, out, err = clinic.run(
        "recover", "--recovery-key-file", typed, "--user", "admin", "--new-password-file", new
    )
    assert status == 0, err
    assert clinic.run("history", "DEMO-P001", *clinic.admin)[0] == 3  # the lost password opens nothing now
    recovered = sign_in_args(ADMIN_USER, new)
    assert clinic.run("history", "DEMO-P001", *recovered)[0] == 0
    clinic.admin = recovered
    actions = clinic.audit_actions()
    assert "recover" in actions and "unlock_failed" in actions  # the wrong key, recorded once it was open


def plain_database(tmp_path: Path) -> tuple[Path, Path, list[str], str]:
    """A plain database, as made before encryption: the administrator; the stderr of their first command."""
    db = tmp_path / "old" / "cga.sqlite3"
    password = password_file(tmp_path / "secrets")
    status, _, err = cli(
        "--db", db, "user", "add", "admin", "--role", "admin", "--full-name", "A", "--new-password-file", password
    )
    assert status == 0, err
    admin = sign_in_args(ADMIN_USER, password)
    status, _, err = cli("--db", db, "user", "list", *admin)
    assert status == 0
    return db, password, admin, err


def test_encrypt_converts_a_plain_database_and_removes_the_plain_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encryption, "ENCRYPT_NEW", False)  # a database from before encryption
    db, password, admin, first = plain_database(tmp_path)
    assert "not encrypted" in first and f"cga-desk encrypt --db {db}" in first  # an administrator is told once...
    status, _, err = cli("--db", db, "user", "add", CLI_DOCTOR.name, "--role", "physician", "--full-name", "Dr B",
                         "--new-password-file", password, *admin)  # fmt: skip
    assert status == 0 and "not encrypted" not in err  # ...and only once
    assert cli("--db", db, "demo", "--patients", "3", *admin)[0] == 0
    with sqlite3.connect(db) as conn:
        before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("patients", "visits", "users")}
        names = [r[0] for r in conn.execute("SELECT name FROM patients")]
    monkeypatch.setattr(encryption, "ENCRYPT_NEW", True)

    status, out, err = cli("--db", db, "encrypt", *admin)
    assert status == 0, err
    assert RECOVERY_KEY.search(out) and "overwritten and deleted" in out
    assert re.search(rf"{re.escape(CLI_DOCTOR.name)}: \S+", out)  # a one-time password: they had no slot
    assert_not_a_database(db)
    assert not list(db.parent.glob("*plain-before-encryption*"))
    assert not any(n.encode() in db.read_bytes() for n in names if n)
    key = encryption.unlock(db, ADMIN_USER.name, password.read_text().strip()).key
    opened = open_store(str(db), key=key)
    try:
        with opened.unit_of_work(write=False) as uow:
            conn = uow.session.connection()
            after = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in before}
    finally:
        opened.close()
    assert after == before
    status, out, _ = cli("--db", db, "audit", "verify", *admin)
    assert status == 0 and "intact" in out
    assert cli("--db", db, "history", "DEMO-P001", *sign_in_args(CLI_DOCTOR, password))[0] == 3  # old password: no slot
    assert cli("--db", db, "encrypt", *admin)[1].endswith("encrypted already.\n")


def test_encrypt_keeps_the_plain_backup_only_when_asked_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encryption, "ENCRYPT_NEW", False)
    db, _password, admin, _ = plain_database(tmp_path)
    status, _, err = cli("--db", db, "encrypt", "--keep-plain-backup", *admin)
    assert status == 0 and "WARNING" in err
    kept = list(db.parent.glob("*plain-before-encryption*"))
    assert len(kept) == 1 and stat.S_IMODE(kept[0].stat().st_mode) == 0o600 and str(kept[0]) in err
    with sqlite3.connect(kept[0]) as conn:  # a plain, restorable CGA Desk backup
        assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 1


def test_an_encrypted_backup_verifies_and_restores_with_sign_in(clinic: Clinic, tmp_path: Path) -> None:
    out = tmp_path / "backups" / "b.sqlite3"
    assert clinic.run("backup", "--out", out, *clinic.admin)[0] == 0
    assert_not_a_database(out)
    assert key_file_of(out).is_file()  # the key file beside it: the backup opens where the database is lost
    status, _, err = clinic.run("backup", "--verify", out)
    assert status == 2 and "unlocks this encrypted database" in err
    status, said, _ = clinic.run("backup", "--verify", out, *clinic.admin)
    assert status == 0 and "is whole" in said
    key = encryption.unlock(clinic.db, ADMIN_USER.name, clinic.password.read_text().strip()).key

    def rows(path: Path) -> dict[str, list[tuple]]:
        with closing(connect_file(path, key, readonly=True)) as conn:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
            return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}

    saved = rows(out)
    del saved["backup_manifest"]
    assert clinic.run("history", "DEMO-P002", *clinic.admin)[0] == 0  # more events after the backup
    status, said, err = clinic.run("restore", out, *clinic.admin)
    assert status == 0, err
    restored = rows(clinic.db)
    assert {t: v for t, v in restored.items() if t != "audit_events"} == {
        t: v for t, v in saved.items() if t != "audit_events"
    }
    events = restored["audit_events"]
    assert events[: len(saved["audit_events"])] == saved["audit_events"]
    assert [e for e in events[len(saved["audit_events"]) :] if "restore" in e]  # the restore, recorded after
    kept = list(clinic.db.parent.glob("*.replaced-*"))
    assert len(kept) == 1
    assert_not_a_database(kept[0])


def test_five_wrong_passwords_lock_an_encrypted_database_slot(clinic: Clinic, tmp_path: Path) -> None:
    clinic.add(CLI_NURSE.name, "nurse")
    wrong = secret(tmp_path / "w", "Not-Her-Password-1", "wrong.txt")
    for _ in range(5):
        assert clinic.run("history", "DEMO-P001", "--user", CLI_NURSE.name, "--password-file", wrong)[0] == 3
    slot = json.loads(key_file_of(clinic.db).read_text())["slots"][CLI_NURSE.name]
    assert slot["locked_until"] and slot["unaudited"] == 5
    refused = clinic.run("history", "DEMO-P001", "--user", CLI_NURSE.name, "--password-file", wrong)[2]
    nurse = sign_in_args(CLI_NURSE, clinic.password)
    status, _, err = clinic.run("history", "DEMO-P001", *nurse)
    assert status == 3 and err == refused  # the right password, refused while locked, in the same words
    assert clinic.run("user", "unlock", CLI_NURSE.name, *clinic.admin)[0] == 0
    assert clinic.run("history", "DEMO-P001", *nurse)[0] == 0
    actions = clinic.audit_actions()
    assert "unlock_failed" in actions and "unlock" in actions


def test_init_does_not_make_a_plain_new_database_unless_asked(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    status, _, err = cli("--db", db, "init")
    assert status == 2 and "user add" in err and not db.exists() and not key_file_of(db).exists()
    assert cli("--db", db, "init", "--plain")[0] == 0
    with sqlite3.connect(db) as conn:  # plain, as asked
        assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 0


def test_a_locked_slot_opens_again_after_fifteen_minutes(clinic: Clinic) -> None:
    from datetime import UTC, datetime, timedelta

    password = clinic.password.read_text().strip()
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    for _ in range(5):
        with pytest.raises(SignInError):
            encryption.unlock(clinic.db, ADMIN_USER.name, "Not-The-Password-9", now=start)
    with pytest.raises(SignInError):  # locked: the right password too, for 15 minutes
        encryption.unlock(clinic.db, ADMIN_USER.name, password, now=start + timedelta(minutes=14))
    unlocked = encryption.unlock(clinic.db, ADMIN_USER.name, password, now=start + timedelta(minutes=16))
    assert unlocked.failed_before == 6  # five wrong, one refused while locked: for the audit trail
    assert encryption.unlock(clinic.db, ADMIN_USER.name, password, now=start + timedelta(minutes=17)).failed_before == 0


def test_only_an_administrator_may_encrypt_and_a_refusal_leaves_the_file_alone(tmp_path: Path) -> None:
    """The service checks the role itself (not only the command): a nurse's call writes nothing, not even
    the backup that comes first."""
    from cga_desk.domain.errors import PermissionDenied
    from tests.store_fixtures import NURSE_USER

    path = tmp_path / "plain.sqlite3"
    open_store(f"sqlite:///{path}").close()  # no key: a plain database
    before = sorted(p.name for p in tmp_path.iterdir())
    content = path.read_bytes()
    with pytest.raises(PermissionDenied):
        encryption.encrypt_database(path, NURSE_USER, "any password")
    assert sorted(p.name for p in tmp_path.iterdir()) == before and path.read_bytes() == content


def test_an_administrator_replaces_the_recovery_key_and_the_old_one_stops_opening(
    clinic: Clinic, tmp_path: Path
) -> None:
    """`cga-desk recovery-key`: for a recovery key lost (the first-run window closed before it was written
    down) or no longer safe. Only an administrator; a new key printed once; the old key no longer opens the
    database but still opens a backup made before (its own key file); every user's slot untouched; audited
    without the key."""
    old = clinic.recovery_key
    backup = tmp_path / "backups" / "before.sqlite3"
    assert clinic.run("backup", "--out", backup, *clinic.admin)[0] == 0
    clinic.add(CLI_DOCTOR.name, "physician")
    keys = key_file_of(clinic.db)
    before = keys.read_bytes()
    status, out, err = clinic.run("recovery-key", *sign_in_args(CLI_DOCTOR, clinic.password))
    assert status == 3 and "only an admin" in err and not RECOVERY_KEY.findall(out)
    assert keys.read_bytes() == before  # a refusal writes nothing

    status, out, err = clinic.run("recovery-key", *clinic.admin)
    assert status == 0, err
    found = RECOVERY_KEY.findall(out)
    assert len(found) == 1 and found[0] != old and "no longer opens this database" in out
    new = found[0]
    password = clinic.password.read_text().strip()
    key = encryption.unlock(clinic.db, ADMIN_USER.name, password).key
    with pytest.raises(encryption.RecoveryKeyError):
        encryption.recover(clinic.db, old)
    assert encryption.recover(clinic.db, new).key == key
    assert encryption.recover(backup, old).key == key  # the backup made before keeps the old key
    old_slots, new_slots = json.loads(before)["slots"], json.loads(keys.read_text())["slots"]
    assert set(old_slots) == set(new_slots) and {ADMIN_USER.name, CLI_DOCTOR.name, RECOVERY} <= set(new_slots)
    assert {n: s for n, s in new_slots.items() if n != RECOVERY} == {
        n: s for n, s in old_slots.items() if n != RECOVERY
    }  # the users' slots are byte for byte what they were: their passwords still unlock
    assert clinic.run("history", "DEMO-P001", *sign_in_args(CLI_DOCTOR, clinic.password))[0] == 0
    assert "recovery_key_replaced" in clinic.audit_actions()
    trail = (clinic.db.parent / "audit.csv").read_text(encoding="utf-8")
    assert new not in trail and new.replace("-", "") not in trail

    folder = tmp_path / "r"  # the new key works where it matters: every administrator password lost
    typed = secret(folder, new, "key.txt")
    fresh = secret(folder, "Evening-Tea-Vault-27", "new.txt")
    status, _, err = clinic.run(
        "recover", "--recovery-key-file", typed, "--user", "admin", "--new-password-file", fresh
    )
    assert status == 0, err


def test_a_plain_database_has_no_recovery_key_to_replace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encryption, "ENCRYPT_NEW", False)  # a database from before encryption
    db, _password, admin, _ = plain_database(tmp_path)
    status, out, err = cli("--db", db, "recovery-key", *admin)
    assert status == 2 and "not encrypted" in err and "cga-desk encrypt" in err and not out
    assert not key_file_of(db).exists()
