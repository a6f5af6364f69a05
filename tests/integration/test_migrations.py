"""Migrations: empty -> head matches the models, and every earlier schema upgrades with its data kept
(the SQLite file copied aside first)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from cga_desk.persistence.database import Database
from cga_desk.persistence.engine import make_engine
from cga_desk.persistence.migrate import HEAD, alembic_config, current_revision, head_revision
from cga_desk.persistence.summaries import SUMMARY_VERSION
from cga_desk.persistence.tables import Base, PatientSummary


def test_empty_to_head_matches_the_models(db_url: str) -> None:
    db = Database.open(db_url)
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == []
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def _released_revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions())) if r.revision != script.get_current_head()]


def test_every_earlier_schema_upgrades_keeping_data_and_a_backup(tmp_path: Path) -> None:
    revisions = _released_revisions()
    assert revisions, "there is at least one schema before head"
    for rev in revisions:
        path = tmp_path / f"at-{rev}.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        cfg = alembic_config()
        with engine.begin() as conn:  # a frozen copy of the schema as released at `rev`, with a patient
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, rev)
            conn.execute(
                text(
                    "INSERT INTO patients (study_id, birth_date, created_at, updated_at) "
                    "VALUES ('OLD-1', '1940-01-02', '2025-01-01', '2025-01-01')"
                )
            )
            # A row that hangs off the patient (ON DELETE CASCADE): an upgrade that copies and drops
            # `patients` would take it along.
            conn.execute(
                text(
                    "INSERT INTO milestones (patient_id, kind, date, note) "
                    "SELECT id, 'other', '2025-02-01', 'kept' FROM patients WHERE study_id = 'OLD-1'"
                )
            )
        engine.dispose()
        db = Database.open(f"sqlite:///{path}")
        try:
            assert db.backup is not None and db.backup.exists()
            assert current_revision(db.engine) == head_revision()
            with db.unit_of_work(write=False) as uow:
                assert uow.patients.get("OLD-1").birth_date == date(1940, 1, 2)
                assert [m.note for m in uow.patients.get("OLD-1").milestones] == ["kept"]
                # the register's derived rows are filled on open, not by the migration
                summary = uow.session.get(PatientSummary, uow.patients.get("OLD-1").id)
                assert summary is not None and summary.version == SUMMARY_VERSION and summary.last_visit is None
        finally:
            db.close()
        with sqlite3.connect(db.backup) as old:  # the copy is the database as it was before the upgrade
            assert old.execute("select version_num from alembic_version").fetchone() == (rev,)
            assert old.execute("select study_id from patients").fetchall() == [("OLD-1",)]


def test_opening_at_head_makes_no_backup(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    Database.open(url).close()
    again = Database.open(url)
    assert again.backup is None
    again.close()
    assert [p.name for p in tmp_path.iterdir() if "before-upgrade" in p.name] == []


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        db.close()


def test_the_head_constant_is_alembics_head() -> None:
    """migrate.HEAD lets an up-to-date database open without importing Alembic; it must not fall behind."""
    assert HEAD == head_revision()


def test_opening_an_up_to_date_database_does_not_load_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'y.sqlite3'}"
    Database.open(url).close()
    code = (
        "import sys; from cga_desk.app import open_store; open_store(sys.argv[1]).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    out = subprocess.run([sys.executable, "-c", code, url], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_wording_version_reaches_signed_visits_without_touching_their_guards(db: Database) -> None:
    """0009 fills `wording_version` of every earlier visit, signed ones included, although 0006's guards
    refuse any UPDATE of a signed visit's instruments (an UPDATE there failed on every real database)."""
    from cga_desk.services import visits
    from tests.integration.test_signatures import _complete_visits
    from tests.store_fixtures import DOCTOR, PASSWORD

    _, ids = _complete_visits(db)
    with db.unit_of_work() as uow:
        visits.sign_visits(uow, DOCTOR, ids, PASSWORD)
    with db.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    with db.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT DISTINCT vi.wording_version FROM visit_instruments vi JOIN visits v ON v.id = vi.visit_id "
                "WHERE v.status = 'signed'"
            )
        ).all()
    assert rows == [("en/source",)]
    with pytest.raises(DBAPIError, match="signed"), db.engine.begin() as conn:  # the guards are still there
        conn.execute(text("UPDATE visit_instruments SET total = 0 WHERE visit_id = :v"), {"v": ids[0]})
