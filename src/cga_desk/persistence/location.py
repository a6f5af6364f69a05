"""Where the database is, answered without SQLAlchemy (issue 15, start-up): the URL chosen by --db /
CGA_DESK_DB / the default, the file behind a SQLite URL, and whether that file is an encrypted
database. The window asks this right after its first paint, to show the sign-in page of an encrypted
database while SQLAlchemy and the services load off its thread (app.run_gui)."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_FILE = "cga-desk.sqlite3"
ENV_VAR = "CGA_DESK_DB"
SQLITE_HEADER = b"SQLite format 3\x00"


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


def is_plain_sqlite(path: Path) -> bool:
    """The file begins with SQLite's header: a plain database (an encrypted one begins with random bytes)."""
    try:
        with open(path, "rb") as stream:
            return stream.read(16) == SQLITE_HEADER
    except OSError:
        return False


def key_file_of(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def is_encrypted_file(path: Path | None) -> bool:
    """A SQLite file with a key file beside it and no plain SQLite header."""
    return path is not None and key_file_of(path).is_file() and not is_plain_sqlite(path)
