"""`cga-desk import` and `cga-desk history` as a user runs them: real processes on a real SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import VECTORS, load_jsonl
from tests.integration.cli_helpers import create_admin
from tests.integration.test_import_history import HISTORIES, assert_contains


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--db", str(db), *args], capture_output=True, text=True, timeout=120
    )


def test_import_then_history_json_matches_reference(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    admin = create_admin(db, tmp_path / "secrets")
    proc = cli(db, "import", str(VECTORS / "visits.jsonl"), *admin)
    assert proc.returncode == 0, proc.stderr
    assert "6 new patients, 25 new visits" in proc.stdout
    for pid, expected in HISTORIES.items():
        out = cli(db, "history", pid, "--json", *admin)
        assert out.returncode == 0, out.stderr
        assert_contains(json.loads(out.stdout), expected, pid)
    table = cli(db, "history", "DEMO-005", *admin)
    assert "higher = more independent" in table.stdout and "no baseline" in table.stdout


def test_refused_import_names_line_and_field_and_leaves_database_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    records = load_jsonl("visits.jsonl")
    records[6]["visit"]["date"] = "2099-01-01"
    src = tmp_path / "bad.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    admin = create_admin(db, tmp_path / "secrets")
    proc = cli(db, "import", str(src), *admin)
    assert proc.returncode == 2
    assert "line 7: visit.date" in proc.stderr and "Nothing from this file was imported" in proc.stderr
    assert "Traceback" not in proc.stderr
    history = cli(db, "history", records[0]["patient"]["id"], "--json", *admin)
    assert history.returncode == 1 and "No patient" in history.stderr


def test_unknown_patient_and_unreadable_file(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    assert cli(db, "init", "--plain").returncode == 0
    admin = create_admin(db, tmp_path / "secrets")  # an initialised database starts with its administrator
    proc = cli(db, "history", "NOBODY", "--json", *admin)
    assert proc.returncode == 1 and "No patient with ID 'NOBODY'" in proc.stderr and proc.stdout == ""
    proc = cli(db, "import", str(tmp_path / "absent.jsonl"), *admin)
    assert proc.returncode == 1 and "cannot read" in proc.stderr


def test_environment_variable_chooses_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "from-env.sqlite3"
    env = {**__import__("os").environ, "CGA_DESK_DB": str(db)}
    monkeypatch.setenv("CGA_DESK_DB", str(db))
    admin = create_admin(None, tmp_path / "secrets")  # no --db: the administrator goes where CGA_DESK_DB says
    assert db.exists()
    proc = subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "import", str(VECTORS / "visits.jsonl"), *admin],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0 and "6 new patients" in proc.stdout, proc.stderr


def test_history_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    """`cga-desk history ID --json | head -3`: the reader closes the pipe; no BrokenPipeError traceback."""
    db = tmp_path / "clinic.sqlite3"
    admin = create_admin(db, tmp_path / "secrets")
    assert cli(db, "import", str(VECTORS / "visits.jsonl"), *admin).returncode == 0
    cmd = [sys.executable, "-m", "cga_desk.cli", "--db", str(db), "history", "DEMO-001", "--json", *admin]
    writer = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert writer.stdout is not None
    writer.stdout.close()  # hang up before it writes, as `head` does after its lines: every write finds no reader
    _, err = writer.communicate(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()
    assert writer.returncode in (0, 1)
