"""Where the database is and how to connect: SQLite pragmas (WAL, foreign keys, busy timeout, full
sync) and PostgreSQL timeouts (connect, statement, lock), each overridable by an environment variable."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from ..domain.errors import CgaDeskError
from ..domain.privacy import make_private, private_folder
from .location import DEFAULT_FILE as DEFAULT_FILE
from .location import ENV_VAR as ENV_VAR
from .location import SQLITE_HEADER as SQLITE_HEADER
from .location import default_url as default_url
from .location import is_plain_sqlite as is_plain_sqlite
from .location import resolve_url as resolve_url
from .location import sqlite_path as sqlite_path

# (DEFAULT_FILE ... sqlite_path: where the database is, answered without SQLAlchemy, re-exported)
BUSY_TIMEOUT_MS = 15_000
# Settings a user (or a test) may change: environment variable -> default. The PostgreSQL ones can
# also be given in the URL's query (?connect_timeout=10&statement_timeout=60000&lock_timeout=5000),
# which wins over the environment.
BUSY_TIMEOUT_ENV = "CGA_DESK_BUSY_TIMEOUT_MS"
PG_TIMEOUTS = {  # URL query key: (environment variable, default)
    "connect_timeout": ("CGA_DESK_PG_CONNECT_TIMEOUT", 5),  # seconds (libpq counts whole seconds)
    "statement_timeout": ("CGA_DESK_PG_STATEMENT_TIMEOUT_MS", 30_000),  # milliseconds
    "lock_timeout": ("CGA_DESK_PG_LOCK_TIMEOUT_MS", 10_000),  # milliseconds
}


class SettingError(CgaDeskError):
    """A timeout setting that is not a whole number of (milli)seconds."""


def _whole(value: object, name: str, unit: str = "milliseconds") -> int:
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        raise SettingError(f"{name}={value!r}: expected a whole number of {unit} (0 = no limit)")
    return int(text)


def busy_timeout_ms() -> int:
    """How long SQLite waits for another writer's lock (CGA_DESK_BUSY_TIMEOUT_MS, default 15 s)."""
    raw = os.environ.get(BUSY_TIMEOUT_ENV)
    return BUSY_TIMEOUT_MS if raw is None or not raw.strip() else _whole(raw, BUSY_TIMEOUT_ENV)


def postgres_connect(url: str) -> tuple[URL, dict[str, Any]]:
    """The URL without our own query keys, and psycopg's connect arguments: connect_timeout, and
    statement_timeout and lock_timeout as server options (`-c statement_timeout=30000 ...`), so that a
    silent server, a long lock or a runaway query ends with an error instead of a frozen window."""
    parsed = make_url(url)
    query = dict(parsed.query)
    values = {}
    for key, (env, default) in PG_TIMEOUTS.items():
        raw = query.pop(key, None)
        name = key if raw is not None else env
        raw = raw if raw is not None else os.environ.get(env)
        unit = "seconds" if key == "connect_timeout" else "milliseconds"
        values[key] = default if raw is None or not str(raw).strip() else _whole(raw, name, unit)
    options = query.pop("options", "")
    options = " ".join(
        part
        for part in (
            options if isinstance(options, str) else " ".join(options),
            f"-c statement_timeout={values['statement_timeout']}",
            f"-c lock_timeout={values['lock_timeout']}",
        )
        if part
    )
    return parsed.set(query=query), {"connect_timeout": values["connect_timeout"], "options": options}


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Transactions are begun by _on_sqlite_begin, not by the sqlite3 module, so that a writing unit
    # of work can take the write lock up front (BEGIN IMMEDIATE) and never fail on a lock upgrade.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    # FULL: a commit reported to the user survives a power loss (NORMAL may drop the last ones in WAL).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _on_sqlite_begin(conn: Any) -> None:
    mode = "IMMEDIATE" if conn.get_execution_options().get("cga_write", False) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _set_role(dbapi_connection: Any, role: str) -> None:
    from psycopg import sql

    with dbapi_connection.cursor() as cursor:
        cursor.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(role)))
    dbapi_connection.commit()


_JSON_DECODER = json.JSONDecoder()


def json_loads(text: str) -> Any:
    """json.loads without its per-call wrappers and whitespace scans: opening a long history decodes a
    couple of hundred stored documents, and these wrappers were a third of it (issue 8). Anything
    but a bare document (surrounding whitespace, trailing text) goes to json.loads, values and
    errors included, so the result is always the one json.loads gives."""
    try:
        value, end = _JSON_DECODER.raw_decode(text)
    except (ValueError, TypeError):  # not a bare document, or bytes: json.loads decides
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def make_private_database(path: Path) -> None:
    """The data folder 0700 when it is CGA Desk's own (the default one, or one it creates); the database,
    WAL and SHM files 0600 (issue 15: they were readable by every account of the computer)."""
    own = path.parent == Path(sqlite_path(default_url()) or path).parent
    if own or not path.parent.exists():
        private_folder(path.parent)
    for suffix in ("", "-wal", "-shm", "-journal"):
        make_private(path.with_name(path.name + suffix))


KEY_BYTES = 32  # a raw 256-bit SQLCipher key: no key derivation at each connection


class EncryptionUnavailable(CgaDeskError):
    """An encrypted database was asked for, but SQLCipher (the sqlcipher3 package) is not installed."""


def _sqlcipher() -> Any:
    try:
        from sqlcipher3 import dbapi2
    except ImportError as error:
        raise EncryptionUnavailable(
            "This database is encrypted, and SQLCipher is not installed (pip install 'cga-desk[encryption]')."
        ) from error
    return dbapi2


def _unlock(dbapi_connection: Any, key: bytes) -> None:
    """PRAGMA key, before anything else reads the file (SQLCipher; a raw key, given as hex)."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    cursor.close()


def connect_file(path: Path, key: bytes | None = None, readonly: bool = False, timeout: float = 5.0) -> Any:
    """A DB-API connection to a SQLite file outside SQLAlchemy (backups, the copy before an upgrade):
    the standard sqlite3 module for a plain file, SQLCipher unlocked with `key` for an encrypted one."""
    import sqlite3

    module: Any = _sqlcipher() if key is not None else sqlite3
    target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
    conn = module.connect(target, uri=readonly, timeout=timeout)
    if key is not None:
        _unlock(conn, key)
    return conn


def make_engine(url: str, role: str | None = None, key: bytes | None = None) -> Engine:
    """`role`: PostgreSQL's SET ROLE for every connection. `key`: SQLite only, encryption at rest (issue
    15): the file is opened with SQLCipher and unlocked with this raw 32-byte key, unwrapped from the key
    file beside the database by a user's password or the recovery key (services/encryption.py)."""
    # hide_parameters: an error's text (the log, a crash dialog) never quotes the values of a statement,
    # which are patients' names and answers (issue 15).
    path = sqlite_path(url)
    if path is not None:
        make_private_database(path)
        if key is not None and len(key) != KEY_BYTES:
            raise SettingError(f"a database key is {KEY_BYTES} bytes, not {len(key)}")
        engine = create_engine(
            url,
            connect_args={"timeout": busy_timeout_ms() / 1000},
            json_deserializer=json_loads,
            hide_parameters=True,
            **({"module": _sqlcipher()} if key is not None else {}),
        )
        if key is not None:
            event.listen(engine, "connect", lambda conn, _record: _unlock(conn, key))
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if url.startswith("postgresql"):
        target, connect_args = postgres_connect(url)
        engine = create_engine(target, pool_pre_ping=True, connect_args=connect_args, hide_parameters=True)
        if role is not None:
            event.listen(engine, "connect", lambda conn, _record: _set_role(conn, role))
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)
