"""`cga-desk init-postgres` (issue 15): the application role works the record but is refused UPDATE,
DELETE and TRUNCATE on the audit trail, and schema changes; TRUNCATE is refused by a trigger too."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, exc, text
from sqlalchemy.engine import make_url

from cga_desk.app import open_store
from cga_desk.cli import main
from cga_desk.domain.records import PatientInput
from cga_desk.persistence.postgres_roles import app_privileges
from cga_desk.services import audit
from cga_desk.services.patients import register_patient
from tests.integration.cli_helpers import create_admin
from tests.store_fixtures import (
    NURSE_USER,
    POSTGRES_ENV,
    TODAY,
    create_postgres_database,
    drop_postgres_database,
    postgres_url,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(postgres_url() is None, reason=f"{POSTGRES_ENV} is not set"),
]


@pytest.fixture
def roles() -> Iterator[tuple[str, str, str]]:
    """A fresh database and two roles named cga_protect_* (dropped afterwards): (admin URL, owner, app)."""
    url = create_postgres_database()
    suffix = uuid.uuid4().hex[:8]
    owner, app = f"cga_protect_owner_{suffix}", f"cga_protect_app_{suffix}"
    try:
        yield url, owner, app
    finally:
        drop_postgres_database(url)
        admin = create_engine(postgres_url() or "", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for role in (app, owner):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def _as(url: str, role: str) -> str:
    return make_url(url).set(username=role, password=None).render_as_string(hide_password=False)


def test_the_application_role_cannot_touch_the_audit_trail(roles: tuple[str, str, str], tmp_path: Path, capsys) -> None:
    url, owner, app = roles
    assert main(["--db", url, "init-postgres", "--owner", owner, "--app", app]) == 0
    assert f"--db {_as(url, app)}" in capsys.readouterr().out
    assert app_privileges(url, app, "audit_events") == {"SELECT", "INSERT"}
    assert app_privileges(url, app, "patients") == {"SELECT", "INSERT", "UPDATE", "DELETE"}
    assert app_privileges(url, app, "alembic_version") == {"SELECT"}

    db = open_store(_as(url, app))  # the workstation's connection: the record can be worked
    try:
        with db.unit_of_work() as uow:
            register_patient(uow, NURSE_USER, PatientInput("PG-1", TODAY.replace(year=1940), "Zoë"), TODAY)
        with db.unit_of_work(write=False) as uow:
            assert audit.verify(uow).ok
        for statement in (
            "UPDATE audit_events SET user_name = 'Impostor'",
            "DELETE FROM audit_events",
            "TRUNCATE audit_events",
            "ALTER TABLE audit_events DISABLE TRIGGER USER",
            "CREATE TABLE sneaky (id int)",
        ):
            with (
                pytest.raises(exc.ProgrammingError, match="permission denied|must be owner"),
                db.engine.begin() as conn,
            ):
                conn.execute(text(statement))
    finally:
        db.close()

    owner_engine = create_engine(url)  # even the owner's TRUNCATE meets the trigger
    with owner_engine.begin() as conn:
        conn.execute(text(f'SET ROLE "{owner}"'))
        with pytest.raises(exc.DBAPIError, match="append-only"):
            conn.execute(text("TRUNCATE audit_events"))
    owner_engine.dispose()

    assert main(["--db", url, "init-postgres", "--owner", owner, "--app", app]) == 0  # again: idempotent
    admin = create_admin(_as(url, app), tmp_path / "secrets")  # the clinic's administrator, made on a workstation
    assert main(["--db", _as(url, app), "audit", "verify", *admin]) == 0


def test_tables_made_before_the_roles_are_handed_to_the_owner(roles: tuple[str, str, str]) -> None:
    url, owner, app = roles
    open_store(url).close()  # created by the administrator, as before issue 15
    assert main(["--db", url, "init-postgres", "--owner", owner, "--app", app]) == 0
    engine = create_engine(url)
    with engine.connect() as conn:
        owners = set(
            conn.execute(text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")).scalars()
        )
    engine.dispose()
    assert owners == {owner}
    assert app_privileges(url, app, "audit_events") == {"SELECT", "INSERT"}


def test_bad_role_names_and_sqlite_are_refused(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", str(tmp_path / "x.sqlite3"), "init-postgres"]) == 2
    url = postgres_url() or ""
    assert main(["--db", url, "init-postgres", "--owner", "Bad Name"]) == 1
    assert "lower-case letters" in capsys.readouterr().err
