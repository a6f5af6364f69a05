"""Private files, logs without patient data, audited reads, neutralised spreadsheet formulas (issue 15)."""

from __future__ import annotations

import csv
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from cga_desk.app import open_store
from cga_desk.cli import main
from cga_desk.domain.privacy import safe_traceback
from cga_desk.domain.records import PatientInput
from cga_desk.persistence.database import Database
from cga_desk.services import audit
from cga_desk.services.clinic import Clinic
from cga_desk.services.patients import register_patient
from tests.integration.cli_helpers import CLI_NURSE, password_file, sign_in_args
from tests.store_fixtures import ADMIN_USER, NURSE_USER, TODAY

SECRET = "Zoë " + "Secretname"  # source lines (kept in a crash report) show the variable, not the data
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
NAME = '=HYPERLINK("http://x","Zoë Secretname")'


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _patient(db: Database, study_id: str = "P-1", name: str = NAME, visit: bool = False) -> None:
    with db.unit_of_work() as uow:
        register_patient(uow, NURSE_USER, PatientInput(study_id, TODAY.replace(year=1944), name), TODAY)
    if visit:
        Clinic(db, NURSE_USER, today=lambda: TODAY).start_visit(study_id, TODAY, "Baseline")


@posix_only
def test_every_file_the_commands_write_is_private(tmp_path: Path) -> None:
    """Run in a fresh process (the umask is process-wide): a new data folder 0700; the database, its WAL
    and SHM, the export, its codebook, the report: 0600. A database created 0644 earlier is tightened."""
    folder = tmp_path / "data"
    db = folder / "cga.sqlite3"
    secret = password_file(tmp_path / "secrets")  # outside the data folder: it holds only what the program writes
    admin, nurse = sign_in_args(ADMIN_USER, secret), sign_in_args(CLI_NURSE, secret)
    new = ["--new-password-file", str(secret)]
    script = f"""
import sys
from cga_desk.cli import main
new, admin, nurse = {new!r}, {admin!r}, {nurse!r}
assert main(["--db", {str(db)!r}, "user", "add", {ADMIN_USER.name!r}, "--role", "admin", "--full-name", "Admin", *new]) == 0
assert main(["--db", {str(db)!r}, "user", "add", {CLI_NURSE.name!r}, "--role", "nurse", "--full-name", "N", *new, *admin]) == 0
assert main(["--db", {str(db)!r}, "demo", "--patients", "2", *admin]) == 0
assert main(["--db", {str(db)!r}, "export", "--out", {str(tmp_path / "out.csv")!r}, *admin]) == 0
assert main(["--db", {str(db)!r}, "export", "--out", {str(tmp_path / "out.xlsx")!r}, *admin]) == 0
assert main(["--db", {str(db)!r}, "report", "DEMO-P001", "--out", {str(tmp_path / "r.pdf")!r}, *nurse]) == 0
"""
    os.umask(0o022)
    subprocess.run([sys.executable, "-c", script], check=True)
    assert _mode(folder) == 0o700
    written = [db, tmp_path / "out.csv", tmp_path / "out.codebook.csv", tmp_path / "out.xlsx", tmp_path / "r.pdf"]
    written += [p for p in folder.iterdir() if p.name.endswith(("-wal", "-shm"))]
    assert {p.name: oct(_mode(p)) for p in written} == {p.name: oct(0o600) for p in written}
    db.chmod(0o644)  # made by an earlier version: tightened when next opened
    subprocess.run([sys.executable, "-m", "cga_desk.cli", "--db", str(db), "audit", "verify", *admin], check=True)
    assert _mode(db) == 0o600


def test_sql_errors_never_quote_the_values(db: Database) -> None:
    from sqlalchemy import exc

    _patient(db)
    with pytest.raises(exc.IntegrityError) as caught, db.engine.begin() as conn:
        from sqlalchemy import text

        conn.execute(
            text(
                "INSERT INTO patients (study_id, name, birth_date, created_at, updated_at) "
                "VALUES (:s, :n, '1940-01-01', '2025-01-01', '2025-01-01')"
            ),
            {"s": "P-1", "n": "Zoë Secretname"},
        )
    assert "Secretname" not in str(caught.value)


def test_a_crash_report_names_no_patient(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    name = SECRET
    try:
        try:
            int(name)
        except ValueError as inner:
            raise RuntimeError(f"while saving {name}") from inner
    except RuntimeError as error:
        text = safe_traceback(type(error), error, error.__traceback__)
    assert "Secretname" not in text
    assert "builtins.ValueError: (message withheld" in text and "builtins.RuntimeError" in text
    assert "test_a_crash_report_names_no_patient" in text  # the frames are kept


def test_the_window_log_holds_no_patient_data(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from cga_desk.ui.errors import install_crash_handler

    log_file = tmp_path / "logs" / "cga-desk.log"
    previous = sys.excepthook
    install_crash_handler(log_file)
    try:
        from unittest.mock import patch

        with patch("cga_desk.ui.errors.QMessageBox"):
            try:
                raise KeyError(SECRET)
            except KeyError as error:
                sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
        for handler in list(logging.getLogger("cga_desk").handlers):
            if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == log_file:
                logging.getLogger("cga_desk").removeHandler(handler)
                handler.close()
    content = log_file.read_text(encoding="utf-8")
    assert "KeyError" in content and "Secretname" not in content
    if os.name == "posix":
        assert _mode(log_file) == 0o600 and _mode(log_file.parent) == 0o700


def test_exports_neutralise_formulas_and_say_so(db: Database, db_url: str, tmp_path: Path) -> None:
    _patient(db, visit=True)
    _patient(db, "P-2", "+Plus @at -minus \tTab", visit=True)
    admin = sign_in_args(ADMIN_USER, password_file(tmp_path / "secrets"))  # exporting: an admin's (or physician's)
    assert main(["--db", db_url, "export", "--out", str(tmp_path / "d.csv"), *admin]) == 0
    rows = list(csv.DictReader((tmp_path / "d.csv").open(encoding="utf-8")))
    assert {r["patient_name"] for r in rows} == {"'" + NAME, "'+Plus @at -minus \tTab"}
    book = list(csv.DictReader((tmp_path / "d.codebook.csv").open(encoding="utf-8")))
    notes = {r["column"]: r["meaning"] for r in book if r["column"].startswith("(")}
    assert "leading ' (apostrophe)" in notes["(text cells)"]
    anchor = notes["(audit chain)"].split("--anchor ")[1][:16]
    with db.unit_of_work(write=False) as uow:  # the hash before the export's own event
        assert audit.verify(uow, anchor=anchor).ok and audit.latest_hash(uow)[:16] != anchor
    assert main(["--db", db_url, "export", "--out", str(tmp_path / "x.xlsx"), *admin]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["dataset"]
    header = [c.value for c in sheet[1]]
    cells = [row[header.index("patient_name")] for row in sheet.iter_rows(min_row=2)]
    assert {c.value for c in cells} == {"'" + NAME, "'+Plus @at -minus \tTab"}
    assert all(c.data_type == "s" for c in cells)
    assert main(["--db", db_url, "export", "--exact", "--out", str(tmp_path / "raw.csv"), *admin]) == 0
    rows = list(csv.DictReader((tmp_path / "raw.csv").open(encoding="utf-8")))
    assert {r["patient_name"] for r in rows} == {NAME, "+Plus @at -minus \tTab"}
    book = (tmp_path / "raw.codebook.csv").read_text(encoding="utf-8")
    assert "exactly as stored (--exact)" in book


def _disclosures(db: Database) -> list[tuple[str, str, str | None, str | None]]:
    with db.unit_of_work(write=False) as uow:
        return [
            (e.entity_id, e.user_name, e.field, e.new_value)
            for e in audit.full_trail(uow, ADMIN_USER)
            if e.action == "disclose"
        ]


def test_reads_are_audited_once_per_action(db: Database, db_url: str, tmp_path: Path, capsys) -> None:
    _patient(db)
    clinic = Clinic(db, NURSE_USER, today=lambda: TODAY)
    clinic.open_patient("P-1")
    clinic.open_patient("P-1", disclose=False)  # the page refreshing itself after a change
    clinic.report_pdf("longitudinal", "P-1")
    assert main(["--db", db_url, "history", "P-1", *sign_in_args(NURSE_USER, password_file(tmp_path / "secrets"))]) == 0
    events = _disclosures(db)
    assert [(e[0], e[2]) for e in events] == [
        ("P-1", "patient page"),
        ("P-1", "longitudinal report preview"),
        ("P-1", "history"),
    ]
    assert events[0][1] == "Nurse Ada" and events[0][3] == "identity, 0 milestones, 0 visits, 0 notes"
    assert events[2][1] == NURSE_USER.name  # the account signed in on the command line (no stand-in user now)
    with db.unit_of_work(write=False) as uow:
        assert audit.verify(uow).ok


def test_new_default_folder_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("CGA_DESK_DB", raising=False)
    db = open_store(None)
    try:
        folder = tmp_path / "xdg" / "cga-desk"
        assert _mode(folder) == 0o700
    finally:
        db.close()
