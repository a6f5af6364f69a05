"""The command line signs in too: `user ...`, `sign`, and exit status 3 for a wrong password, a locked or
deactivated account or a role without the right (2 for wrong usage), as a clinic's scripts run it."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from cga_desk.cli import main
from tests.conftest import VECTORS

SIGNATURE_INVALID = "signature invalid: content changed after signing"


def secret(folder: Path, name: str, text: str, mode: int = 0o600) -> str:
    path = folder / f"{name}.pw"
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(mode)
    return str(path)


class Clinic:
    """A SQLite file and the password files of its three people."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.db = folder, folder / "clinic.sqlite3"
        self.pw = {
            "admin": secret(folder, "admin", "keeper of keys 1"),
            "ada": secret(folder, "ada", "nurse pass phrase 2"),
            "liwei": secret(folder, "liwei", "doctor pass phrase 3"),
        }

    process = False  # True: each command in a process of its own, exactly as a script runs it

    def run(self, *args: str, user: str | None = None, password: str | None = None) -> subprocess.CompletedProcess[str]:
        creds = ["--user", user, "--password-file", password or self.pw[user]] if user else []
        argv = ["--db", str(self.db), *args, *creds]
        if self.process:
            return subprocess.run(
                [sys.executable, "-m", "cga_desk.cli", *argv],
                capture_output=True,
                text=True,
                timeout=120,
                stdin=subprocess.DEVNULL,
            )
        out, err = io.StringIO(), io.StringIO()  # the same main(), in this process (no interpreter start)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
        return subprocess.CompletedProcess(argv, status, out.getvalue(), err.getvalue())

    def ok(self, *args: str, user: str | None = None) -> str:
        done = self.run(*args, user=user)
        assert done.returncode == 0, done.stderr
        return done.stdout


@pytest.fixture
def clinic(tmp_path: Path) -> Clinic:
    c = Clinic(tmp_path)
    out = c.ok(
        "user", "add", "admin", "--role", "admin", "--full-name", "Clinic Admin", "--new-password-file", c.pw["admin"]
    )
    assert "Created the administrator admin" in out
    for name, role, full in (("ada", "nurse", "Nurse Ada Wong"), ("liwei", "physician", "Dr Li Wei")):
        c.ok("user", "add", name, "--role", role, "--full-name", full, "--new-password-file", c.pw[name], user="admin")
    return c


def test_the_clinic_workflow_through_the_command_line(clinic: Clinic, tmp_path: Path) -> None:
    clinic.process = True  # real processes, the program's own argon2 parameters
    assert "6 new patients" in clinic.ok("import", str(VECTORS / "visits.jsonl"), user="admin")
    history = json.loads(clinic.ok("history", "DEMO-004", "--json", user="ada"))
    day = next(v["date"] for v in history["visits"] if v["status"] == "complete")
    refused = clinic.run("sign", "DEMO-004", "--visit", day, user="ada")
    assert refused.returncode == 3 and "only a physician may sign visits" in refused.stderr
    signed = clinic.ok("sign", "DEMO-004", "--visit", day, "--meaning", "Reviewed", user="liwei")
    assert "Electronically signed by Dr Li Wei (liwei) on " in signed and "— Reviewed" in signed
    pdf = tmp_path / "visit.pdf"
    clinic.ok("report", "DEMO-004", "--visit", day, "--out", str(pdf), user="ada")
    words = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages).split())
    assert "Electronically signed by Dr Li Wei (liwei)" in words and "Reviewed" in words
    assert json.loads(clinic.ok("history", "DEMO-004", "--json", user="ada"))["visits"]
    with sqlite3.connect(clinic.db) as conn:  # an edit behind the program's back, its guard dropped first
        for (trigger,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%signed%'"
        ):
            conn.execute(f'DROP TRIGGER "{trigger}"')
        conn.execute(
            "UPDATE visit_scores SET katz_adl = 0, result = json_set(result, '$.katz_adl', 0) WHERE visit_id = "
            "(SELECT id FROM visits WHERE status = 'signed')"
        )
    after = clinic.run("history", "DEMO-004", user="ada")
    assert after.returncode == 1 and SIGNATURE_INVALID in after.stderr
    doc = clinic.run("history", "DEMO-004", "--json", user="ada")
    assert doc.returncode == 1 and SIGNATURE_INVALID in doc.stdout
    clinic.ok("report", "DEMO-004", "--out", str(tmp_path / "all.pdf"), user="ada")
    longitudinal = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(tmp_path / "all.pdf").pages).split())
    assert SIGNATURE_INVALID in longitudinal


def test_refusals_exit_3_and_wrong_usage_exits_2(clinic: Clinic) -> None:
    wrong = secret(clinic.folder, "wrong", "not the password at all")
    for args, user, password, status, words in (
        (("history", "DEMO-001"), "ada", wrong, 3, "user name or password is not right"),
        (("history", "DEMO-001"), "nobody", wrong, 3, "user name or password is not right"),
        (("export", "--out", "x.csv"), "ada", None, 3, "only a physician or an admin may export"),
        (("user", "list"), "liwei", None, 3, "only an admin may manage users"),
        (("import", str(VECTORS / "visits.jsonl")), "liwei", None, 3, "only an admin may import"),
        (("history", "DEMO-001"), None, None, 2, "give --user NAME"),
    ):
        done = clinic.run(*args, user=user, password=password)
        assert done.returncode == status, (args, done.stderr)
        assert words in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    open_file = secret(clinic.folder, "open", "keeper of keys 1", 0o644)
    done = clinic.run("user", "list", user="admin", password=open_file)
    assert done.returncode == 2 and "chmod 600" in done.stderr
    assert clinic.run("score", str(VECTORS / "cases.jsonl")).returncode in (0, 2)  # no account needed


def test_a_locked_or_deactivated_account_is_refused_until_the_admin_acts(clinic: Clinic) -> None:
    wrong = secret(clinic.folder, "wrong", "not the password at all")
    for _ in range(5):
        assert clinic.run("user", "list", user="ada", password=wrong).returncode == 3
    assert clinic.run("history", "X", user="ada").returncode == 3  # locked: the right password is refused
    assert "locked" in clinic.ok("user", "list", user="admin")
    clinic.ok("user", "unlock", "ada", user="admin")
    assert clinic.run("history", "NOPE", user="ada").returncode == 1  # signed in: the patient is unknown
    clinic.ok("user", "deactivate", "ada", user="admin")
    assert clinic.run("history", "NOPE", user="ada").returncode == 3
    listed = clinic.ok("user", "list", user="admin")
    assert "deactivated" in listed and "Nurse Ada Wong" in listed  # kept, never deleted


def test_a_reset_password_works_once_and_must_be_changed(clinic: Clinic) -> None:
    out = clinic.ok("user", "reset-password", "liwei", user="admin")
    once = out.split("One-time password for liwei: ")[1].split()[0]
    once_file = secret(clinic.folder, "once", once)
    first = clinic.run("history", "X", user="liwei", password=once_file)
    assert first.returncode == 3 and "one-time password" in first.stderr
    new = secret(clinic.folder, "new", "a brand new pass phrase")
    changed = clinic.run("user", "change-password", "--new-password-file", new, user="liwei", password=once_file)
    assert changed.returncode == 0, changed.stderr
    assert clinic.run("history", "NOPE", user="liwei", password=new).returncode == 1


def test_an_empty_database_asks_for_its_administrator_first(tmp_path: Path) -> None:
    c = Clinic(tmp_path)
    assert c.ok("init")
    done = c.run("history", "X", user="admin")
    assert done.returncode == 3 and "create the administrator" in done.stderr
    first = c.run("user", "add", "ada", "--role", "nurse", "--full-name", "Ada", "--new-password-file", c.pw["ada"])
    assert first.returncode == 2 and "--role admin" in first.stderr
    short = secret(tmp_path, "short", "too short")
    bad = c.run("user", "add", "admin", "--role", "admin", "--full-name", "A", "--new-password-file", short)
    assert bad.returncode == 2 and "at least 10 characters" in bad.stderr
    assert os.path.getsize(c.db) > 0
