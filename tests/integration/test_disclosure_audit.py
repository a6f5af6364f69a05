"""Export and report record their audit event in the transaction that reads the data, committed before
any file takes its name (issue 14, item 2): an audit that fails leaves no file behind."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from cga_desk.app import open_store
from cga_desk.commands.auth import Credentials
from cga_desk.commands.report import run_report
from cga_desk.persistence.database import Database
from cga_desk.persistence.uow import StorageError
from cga_desk.services import exporting, report_data
from cga_desk.services.audit import full_trail
from tests.integration.cli_helpers import password_file
from tests.integration.test_reports import import_vectors
from tests.store_fixtures import ADMIN_USER, DOCTOR, add_accounts

BUSY = "The database is busy (another workstation or program is writing). Nothing was saved; try again."


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite3"
    db = open_store(f"sqlite:///{path}")
    try:
        import_vectors(db)  # type: ignore[arg-type]
        add_accounts(db, DOCTOR)  # a physician exports and prints
    finally:
        db.close()
    return path


def _trail(path: Path, action: str) -> list[Any]:
    db = open_store(f"sqlite:///{path}")
    try:
        with db.unit_of_work(write=False) as uow:
            return [e for e in full_trail(uow, ADMIN_USER) if e.action == action]
    finally:
        db.close()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_export_is_audited_before_its_files_appear_and_not_written_when_the_audit_fails(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "dataset.csv"
    real = exporting.record_export
    seen: list[bool] = []

    def recorded(uow: Any, *args: Any) -> None:
        seen.append(out.exists())  # at the moment the disclosure is recorded, no file has its name yet
        real(uow, *args)

    monkeypatch.setattr(exporting, "record_export", recorded)
    db: Database = open_store(f"sqlite:///{store}")
    try:
        result = exporting.export_dataset(db.unit_of_work, DOCTOR, out)
    finally:
        db.close()
    assert seen == [False] and out.exists() and result.rows > 0
    events = _trail(store, "export")
    assert len(events) == 1 and events[0].new_value == str(result.rows)

    def refused(uow: Any, *args: Any) -> None:
        raise StorageError(BUSY)

    monkeypatch.setattr(exporting, "record_export", refused)
    again = out_dir / "again.csv"
    db = open_store(f"sqlite:///{store}")
    try:
        with pytest.raises(StorageError):
            exporting.export_dataset(db.unit_of_work, DOCTOR, again)
    finally:
        db.close()
    assert not again.exists() and not again.with_name("again-codebook.csv").exists()
    assert _leftovers(out_dir) == []  # no temporary file left either
    assert len(_trail(store, "export")) == 1


def test_report_is_audited_before_the_pdf_is_written_and_not_written_when_the_audit_fails(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.pdf"
    real = report_data.record_report
    seen: list[bool] = []

    def recorded(uow: Any, *args: Any) -> None:
        seen.append(out.exists())
        real(uow, *args)

    monkeypatch.setattr(report_data, "record_report", recorded)
    creds = Credentials(DOCTOR.name, str(password_file(tmp_path / "secret")))  # signed in as on the command line
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run_report(str(store), "DEMO-004", None, False, str(out), stdout, stderr, creds) == 0, stderr.getvalue()
    assert seen == [False] and out.exists()
    assert len(_trail(store, "report")) == 1

    def refused(uow: Any, *args: Any) -> None:
        raise StorageError(BUSY)

    monkeypatch.setattr(report_data, "record_report", refused)
    other = tmp_path / "other.pdf"
    stderr = io.StringIO()
    assert run_report(str(store), "DEMO-004", None, False, str(other), io.StringIO(), stderr, creds) == 1
    assert "busy" in stderr.getvalue() and "Traceback" not in stderr.getvalue()
    assert not other.exists() and _leftovers(tmp_path) == []
    assert len(_trail(store, "report")) == 1
