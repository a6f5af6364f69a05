"""Where the database is and how to connect: SQLite pragmas (WAL, foreign keys, busy timeout)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

DEFAULT_FILE = "cga-desk.sqlite3"
ENV_VAR = "CGA_DESK_DB"
BUSY_TIMEOUT_MS = 15_000


def default_url() -> str:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("cga-desk", appauthor=False))
    return f"sqlite:///{folder / DEFAULT_FILE}"


def resolve_url(explicit: str | None = None) -> str:
    """--db wins, then CGA_DESK_DB, then the platform's user data folder. A bare path means SQLite."""
    url = explicit or os.environ.get(ENV_VAR) or default_url()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    return Path(path) if path and path != ":memory:" else None


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Transactions are begun by _on_sqlite_begin, not by the sqlite3 module, so that a writing unit
    # of work can take the write lock up front (BEGIN IMMEDIATE) and never fail on a lock upgrade.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_sqlite_begin(conn: Any) -> None:
    mode = "IMMEDIATE" if conn.get_execution_options().get("cga_write", False) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


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


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, json_deserializer=json_loads)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)
