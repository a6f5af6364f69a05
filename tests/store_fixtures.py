"""Databases for tests: a real SQLite file, and a fresh PostgreSQL database per test when
CGA_TEST_POSTGRES_URL is set (created and dropped here; an unreachable server fails the test)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cga_desk.app import open_store
from cga_desk.domain.records import ADMIN, NURSE, PHYSICIAN, User
from cga_desk.persistence.database import Database

POSTGRES_ENV = "CGA_TEST_POSTGRES_URL"
TODAY = date(2026, 11, 24)
NURSE_USER = User("Nurse Ada", NURSE, "Nurse Ada")
DOCTOR = User("Dr Bea", PHYSICIAN, "Dr Bea")
ADMIN_USER = User("admin", ADMIN, "Clinic Administrator")
PASSWORD = "correct horse battery staple 7"  # every test account's password


def cheap_hasher():  # type: ignore[no-untyped-def]
    """argon2id with the smallest parameters: every test (tests/conftest.py) and the fault tests' worker
    processes hash and check passwords with it."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def postgres_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV)
    if url and url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url or None


def _admin_engine(url: str):  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    return create_engine(url, isolation_level="AUTOCOMMIT")


def create_postgres_database() -> str:
    base = postgres_url()
    assert base is not None
    name = f"cga_test_{uuid.uuid4().hex[:12]}"
    engine = _admin_engine(base)
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    from sqlalchemy.engine import make_url

    return make_url(base).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(url: str) -> None:
    from sqlalchemy.engine import make_url

    base = postgres_url()
    assert base is not None
    engine = _admin_engine(base)
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    engine.dispose()


BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(postgres_url() is None, reason=f"{POSTGRES_ENV} is not set"),
        ],
    ),
]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cga-desk.sqlite3'}"
        return
    url = create_postgres_database()
    try:
        yield url
    finally:
        drop_postgres_database(url)


def add_accounts(database: Database, *people: User) -> None:
    """Accounts for the test users, with PASSWORD (names as an upgraded database may hold them, spaces included)."""
    from cga_desk.persistence.tables import User as UserRow
    from cga_desk.services import users

    with database.unit_of_work() as uow:
        for u in people:
            uow.users.add(
                UserRow(name=u.name, role=u.role, full_name=u.full_name, password_hash=users.HASHER.hash(PASSWORD))
            )
        uow.commit()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_store(db_url)
    add_accounts(database, NURSE_USER, DOCTOR, ADMIN_USER)
    try:
        yield database
    finally:
        database.close()


def drop_signed_visit_guards(conn) -> None:  # type: ignore[no-untyped-def]
    """What someone editing the database behind the program's back does first: remove the database's own
    guard on signed visits (issue 14's triggers), so that the signature hash is the check left."""
    from sqlalchemy import text

    if conn.dialect.name == "sqlite":
        names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%signed%'"))
        for (name,) in names.fetchall():
            conn.execute(text(f'DROP TRIGGER "{name}"'))
    else:
        for table in ("visits", "visit_instruments", "visit_scores"):
            conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
