"""Opening the wrong database is an error (issue 14, item 4): a mistyped --db is never created by a
command that reads, a newer database is refused without a copy, and the copy before an upgrade is
never left half-written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from cga_desk.cli import main
from cga_desk.persistence import migrate
from cga_desk.persistence.database import Database
from cga_desk.persistence.engine import make_engine
from cga_desk.persistence.migrate import HEAD, NewerDatabaseError, alembic_config, current_revision
from tests.integration.cli_helpers import create_admin
from tests.store_fixtures import create_postgres_database, drop_postgres_database, postgres_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    "command_args",
    [
        ("history", "P-1"),
        ("history", "P-1", "--json"),
        ("export", "--out", "{tmp}/data.csv"),
        ("report", "--cohort", "--out", "{tmp}/cohort.pdf"),
        ("report", "P-1", "--out", "{tmp}/p.pdf"),
    ],
)
def test_commands_that_read_refuse_a_missing_database_and_create_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command_args: tuple[str, ...]
) -> None:
    missing = tmp_path / "typo" / "clinc.sqlite3"
    args = [a.replace("{tmp}", str(tmp_path)) for a in command_args]
    status, out, err = run(capsys, "--db", str(missing), *args)
    assert status == 1 and out == ""
    assert f"no CGA Desk database at {missing}" in err and err.count("\n") == 1
    assert not missing.parent.exists() and sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_file_that_is_not_a_cga_desk_database_is_refused_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "notes.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    before = other.read_bytes()
    status, _, err = run(capsys, "--db", str(other), "history", "P-1")
    assert status == 1 and "is not a CGA Desk database" in err
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_text("hello, not a database")
    status, _, err = run(capsys, "--db", str(garbage), "export", "--out", str(tmp_path / "x.csv"))
    assert status == 1 and "cannot be opened as a CGA Desk database" in err and "Traceback" not in err
    assert other.read_bytes() == before and not (tmp_path / "x.csv").exists()


def test_init_creates_then_reports_up_to_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new" / "clinic.sqlite3"
    status, out, _ = run(capsys, "--db", str(path), "init")
    assert status == 0 and "Created a CGA Desk database" in out and path.is_file()
    status, out, _ = run(capsys, "--db", str(path), "init")
    assert status == 0 and "exists and is up to date" in out
    admin = create_admin(path, tmp_path / "secrets")  # a new database starts with its administrator
    status, out, err = run(capsys, "--db", str(path), "history", "NOBODY", *admin)
    assert status == 1 and "No patient with ID 'NOBODY'" in err


def _stamp(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))


def test_a_newer_database_is_refused_with_both_versions_and_no_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clinic.sqlite3"
    assert run(capsys, "--db", str(path), "init")[0] == 0
    _stamp(path, "0999")
    for args in (("history", "P-1"), ("init",), ("import", str(tmp_path / "absent.jsonl"))):
        status, out, err = run(capsys, "--db", str(path), *args)
        if args[0] == "import":  # the file is read first: nothing to import
            assert status == 1
            continue
        assert status == 1 and out == "" and "Traceback" not in err
        assert "newer version of CGA Desk (database version 0999)" in err and f"up to {HEAD}" in err
    with pytest.raises(NewerDatabaseError):
        Database.open(str(path))
    assert [p.name for p in tmp_path.iterdir()] == ["clinic.sqlite3"]  # no backup copy, ever


def _old_database(path: Path) -> str:
    """A database at the first released revision (so opening it upgrades and copies it first)."""
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(
            text(
                "INSERT INTO patients (study_id, birth_date, created_at, updated_at) "
                "VALUES ('OLD-1', '1940-01-02', '2025-01-01', '2025-01-01')"
            )
        )
    engine.dispose()
    return f"sqlite:///{path}"


def test_the_copy_before_an_upgrade_is_whole_and_named_only_when_complete(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    url = _old_database(path)
    stale = tmp_path / f".{path.name}.before-upgrade-from-0001-20250101-000000{migrate.PART}"
    stale.write_bytes(b"")  # left by an interrupted copy
    stale.with_name(f"{stale.name}-journal").write_bytes(b"x")  # and SQLite's journal of that copy
    db = Database.open(url)
    db.close()
    assert db.backup is not None and db.backup.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, db.backup.name])
    with sqlite3.connect(db.backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_a_copy_whose_upgrade_never_started_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "clinic.sqlite3"
    url = _old_database(path)

    def broken() -> None:
        raise OSError("the migration scripts cannot be read")

    monkeypatch.setattr(migrate, "alembic_config", broken)
    with pytest.raises(OSError):
        Database.open(url)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(path.name) or p.name.startswith(".")] == [path.name]
    engine = make_engine(url)
    assert current_revision(engine) == "0001"  # untouched
    engine.dispose()


@pytest.mark.postgres
@pytest.mark.skipif(postgres_url() is None, reason="CGA_TEST_POSTGRES_URL is not set")
@pytest.mark.parametrize("command_args", [("history", "P-1"), ("export", "--out", "{tmp}/data.csv")])
def test_an_empty_postgresql_database_is_refused_by_commands_that_read_and_left_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command_args: tuple[str, ...]
) -> None:
    url = create_postgres_database()
    try:
        args = [a.replace("{tmp}", str(tmp_path)) for a in command_args]
        status, out, err = run(capsys, "--db", url, *args)
        assert status == 1 and out == "" and err.count("\n") == 1
        assert "no CGA Desk database at postgresql+psycopg://" in err and "cga-desk init" in err
        engine = make_engine(url)
        try:
            with engine.connect() as conn:  # no table was created
                assert conn.exec_driver_sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").scalar() == 0
        finally:
            engine.dispose()
        assert list(tmp_path.iterdir()) == []
    finally:
        drop_postgres_database(url)
