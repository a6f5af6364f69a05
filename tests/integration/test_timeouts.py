"""Durability and timeouts (issue 14, items 2 and 5): SQLite syncs every commit; PostgreSQL gets connect,
statement and lock timeouts; a busy or unreachable database ends a command with one plain line, exit 1."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from cga_desk.persistence.engine import (
    BUSY_TIMEOUT_ENV,
    BUSY_TIMEOUT_MS,
    SettingError,
    busy_timeout_ms,
    make_engine,
    postgres_connect,
)
from tests.conftest import VECTORS
from tests.integration.cli_helpers import create_admin
from tests.store_fixtures import create_postgres_database, drop_postgres_database, postgres_url

needs_postgres = pytest.mark.skipif(postgres_url() is None, reason="CGA_TEST_POSTGRES_URL is not set")
PLAIN_BUSY = "The database is busy"
PLAIN_UNREACHABLE = "The database server cannot be reached. Nothing was saved; try again."


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def assert_plain(proc: subprocess.CompletedProcess[str], words: str) -> None:
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    assert words in proc.stderr


# -- settings -----------------------------------------------------------------------------------------


def test_sqlite_syncs_every_commit_and_waits_the_configured_busy_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "1234")
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 1234
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()
    monkeypatch.delenv(BUSY_TIMEOUT_ENV)
    assert busy_timeout_ms() == BUSY_TIMEOUT_MS
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "soon")
    with pytest.raises(SettingError, match=BUSY_TIMEOUT_ENV):
        busy_timeout_ms()


def test_postgres_timeouts_default_and_come_from_the_environment_or_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    for env in ("CGA_DESK_PG_CONNECT_TIMEOUT", "CGA_DESK_PG_STATEMENT_TIMEOUT_MS", "CGA_DESK_PG_LOCK_TIMEOUT_MS"):
        monkeypatch.delenv(env, raising=False)
    url, args = postgres_connect("postgresql+psycopg://cga@db/cga")
    assert args == {"connect_timeout": 5, "options": "-c statement_timeout=30000 -c lock_timeout=10000"}
    assert url.render_as_string() == "postgresql+psycopg://cga@db/cga"
    monkeypatch.setenv("CGA_DESK_PG_STATEMENT_TIMEOUT_MS", "60000")
    monkeypatch.setenv("CGA_DESK_PG_CONNECT_TIMEOUT", "9")
    url, args = postgres_connect("postgresql+psycopg://cga@db/cga?lock_timeout=2000&connect_timeout=3&sslmode=require")
    assert args == {"connect_timeout": 3, "options": "-c statement_timeout=60000 -c lock_timeout=2000"}
    assert dict(url.query) == {"sslmode": "require"}  # libpq's own keys are passed on
    with pytest.raises(SettingError, match="lock_timeout"):
        postgres_connect("postgresql+psycopg://cga@db/cga?lock_timeout=ten")


def test_a_write_that_cannot_get_the_lock_is_a_plain_storage_error_for_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window shows CgaDeskErrors as plain messages (not the crash dialog): waiting for the lock must be one."""
    from cga_desk.app import open_store
    from cga_desk.domain.errors import CgaDeskError

    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "200")
    db = open_store(f"sqlite:///{tmp_path / 'clinic.sqlite3'}")
    holder = sqlite3.connect(tmp_path / "clinic.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(CgaDeskError, match="busy"), db.unit_of_work():
            pass
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.close()


@needs_postgres
def test_postgres_sessions_run_with_the_timeouts() -> None:
    url = create_postgres_database()
    try:
        engine = make_engine(url)
        with engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "30s"
            assert conn.execute(text("SHOW lock_timeout")).scalar() == "10s"
        engine.dispose()
    finally:
        drop_postgres_database(url)


# -- a busy database ----------------------------------------------------------------------------------


def test_a_sqlite_lock_held_past_the_busy_timeout_gives_the_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    assert cli("--db", str(path), "init", "--plain").returncode == 0
    admin = create_admin(path, tmp_path / "secrets")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        started = time.monotonic()
        proc = cli("--db", str(path), "import", str(VECTORS / "visits.jsonl"), *admin, env={BUSY_TIMEOUT_ENV: "300"})
        assert time.monotonic() - started < 20
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_plain(proc, PLAIN_BUSY)
    assert "Nothing was saved; try again." in proc.stderr
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM visits").fetchone() == (0,)


@needs_postgres
def test_a_postgres_lock_held_past_the_lock_timeout_gives_the_plain_message(tmp_path: Path) -> None:
    url = create_postgres_database()
    try:
        assert cli("--db", url, "init").returncode == 0
        admin = create_admin(url, tmp_path / "secrets")
        engine = make_engine(url)
        with engine.connect() as holder:
            holder.execute(text("LOCK TABLE patients IN ACCESS EXCLUSIVE MODE"))  # held until the block ends
            started = time.monotonic()
            proc = cli(
                "--db", url, "import", str(VECTORS / "visits.jsonl"), *admin, env={"CGA_DESK_PG_LOCK_TIMEOUT_MS": "500"}
            )
            assert time.monotonic() - started < 20
            holder.rollback()
        assert_plain(proc, PLAIN_BUSY)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM visits")).scalar() == 0
        engine.dispose()
    finally:
        drop_postgres_database(url)


# -- an unreachable server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A listener that accepts connections and never says a word (a hung server, a black-holing proxy)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield server.getsockname()[1]
    finally:
        server.close()
        for conn in accepted:
            conn.close()


@pytest.mark.parametrize("args", [("history", "P-1"), ("import", str(VECTORS / "visits.jsonl")), ("init",)])
def test_a_closed_port_gives_the_plain_message(args: tuple[str, ...]) -> None:
    started = time.monotonic()
    proc = cli("--db", f"postgresql://cga@127.0.0.1:{free_port()}/cga", *args)
    assert time.monotonic() - started < 15
    assert_plain(proc, PLAIN_UNREACHABLE)


@pytest.mark.parametrize("how", ["environment", "url"])
def test_a_server_that_never_answers_gives_the_plain_message_within_the_connect_timeout(
    silent_server: int, how: str
) -> None:
    url = f"postgresql://cga@127.0.0.1:{silent_server}/cga"
    env = {"CGA_DESK_PG_CONNECT_TIMEOUT": "2"} if how == "environment" else {}
    started = time.monotonic()
    proc = cli("--db", url + ("?connect_timeout=2" if how == "url" else ""), "history", "P-1", env=env, timeout=30)
    elapsed = time.monotonic() - started
    assert elapsed < 10, elapsed
    assert_plain(proc, PLAIN_UNREACHABLE)
    assert "timeout" in proc.stderr
