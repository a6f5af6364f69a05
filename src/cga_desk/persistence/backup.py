"""SQLite backups that restore (issue 15): a consistent copy by the online backup API, with a manifest of
what it holds; checks of a copy (integrity, counts against the manifest); copying a verified backup into
the live database. The audit chain is checked by services/backup.py through a read-only unit of work.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from ..domain.audit_chain import GENESIS
from ..domain.errors import CgaDeskError
from ..domain.privacy import PRIVATE_FILE
from .engine import connect_file
from .keys import KeyFile, key_file_of
from .migrate import PART, _fsync_folder

MANIFEST = "backup_manifest"
# What a backup's manifest counts, and how (the signatures table comes with the sign-in issue: counted
# when the database has it).
COUNTS = {  # key: (table, condition)
    "patients": ("patients", "1"),
    "visits": ("visits", "1"),
    "signed_visits": ("visits", "status = 'signed'"),
    "signatures": ("signatures", "1"),
    "audit_events": ("audit_events", "1"),
}


class BackupError(CgaDeskError):
    """A backup could not be made, or a file is not a backup that can be restored (nothing was changed)."""


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """The manifest's counts of a database (a table it does not have is left out)."""
    have = _tables(conn)
    return {
        key: int(conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0])
        for key, (table, where) in COUNTS.items()
        if table in have
    }


def _copy(source: Path, target: Path, key: bytes | None = None) -> None:
    """source -> target by the online backup API (what is still in source's WAL included); with `key`,
    both encrypted with it (SQLCipher's backup API copies encrypted pages between files of one key)."""
    with closing(connect_file(source, key)) as src, closing(connect_file(target, key)) as dst:
        src.backup(dst)


def _sync(path: Path) -> None:
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def make_backup(db_path: Path, out: Path, app_version: str, key: bytes | None = None) -> dict[str, str]:
    """A consistent copy of the live database at `out` (0600, one file: rollback journal, no WAL), with a
    manifest table holding the counts of the copy itself, when, which schema and the audit chain's head.
    Written to a temporary name, synced, then renamed: a backup with the final name is always whole.
    An encrypted database's backup is encrypted with the same key, and its key file is copied beside it
    (`<backup>.keys`: only wrapped keys), so that the backup can be opened where the database is lost."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}{PART}")
    tmp.unlink(missing_ok=True)
    try:
        _copy(db_path, tmp, key)
        os.chmod(tmp, PRIVATE_FILE)
        with closing(connect_file(tmp, key)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
            manifest = {key: str(value) for key, value in counts(conn).items()}
            head = conn.execute("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
            manifest |= {
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "schema_revision": str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]),
                "app_version": app_version,
                "audit_chain_head": (head[0] if head else None) or GENESIS,
                "source": str(db_path),
            }
            with conn:
                conn.execute(f"CREATE TABLE {MANIFEST} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                conn.executemany(f"INSERT INTO {MANIFEST} VALUES (?, ?)", sorted(manifest.items()))
        _sync(tmp)
        if key is not None:
            KeyFile.read(key_file_of(db_path)).write(key_file_of(out))
        os.replace(tmp, out)
    except sqlite3.Error as error:
        raise BackupError(f"The backup could not be written to {out}: {error}. Nothing was written.") from error
    except OSError as error:
        raise BackupError(f"The backup could not be written to {out}: {error.strerror or error}.") from error
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_folder(out.parent)
    return manifest


def read_manifest(conn: sqlite3.Connection) -> dict[str, str]:
    if MANIFEST not in _tables(conn):
        raise BackupError("it is not a CGA Desk backup (it has no backup manifest)")
    return dict(conn.execute(f"SELECT key, value FROM {MANIFEST}").fetchall())


def schema_revision(conn: sqlite3.Connection) -> str | None:
    if "alembic_version" not in _tables(conn):
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def integrity(conn: sqlite3.Connection) -> str:
    """ "ok", or the first problem PRAGMA integrity_check finds."""
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    return "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:3])


@contextmanager
def opened_readonly(path: Path, key: bytes | None = None) -> Iterator[sqlite3.Connection]:
    """The file opened read-only (nothing about it changes, not even its journal mode)."""
    if not path.is_file():
        raise BackupError(f"there is no file {path}")
    try:
        conn = connect_file(path, key, readonly=True)
    except sqlite3.Error as error:
        raise BackupError(f"{path} cannot be opened: {error}") from error
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def readonly_sessions(path: Path, key: bytes | None = None) -> Iterator[sessionmaker[Session]]:
    """SQLAlchemy sessions over the file, read-only (for the audit chain check of a backup)."""
    engine = create_engine(
        f"sqlite:///file:{quote(str(path.resolve()))}?mode=ro&uri=true",
        hide_parameters=True,
        creator=lambda: connect_file(path, key, readonly=True),
    )

    @event.listens_for(engine, "connect")
    def _no_begin(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None

    try:
        yield sessionmaker(engine)
    finally:
        engine.dispose()


def stage_restore(backup: Path, db_path: Path, key: bytes | None = None) -> Path:
    """A working copy of the backup beside the database (`.<name>.restoring.part`), manifest dropped."""
    staged = db_path.with_name(f".{db_path.name}.restoring{PART}")
    staged.unlink(missing_ok=True)
    try:
        _copy(backup, staged, key)
        os.chmod(staged, PRIVATE_FILE)
        with closing(connect_file(staged, key)) as conn, conn:
            conn.execute(f"DROP TABLE IF EXISTS {MANIFEST}")
    except (sqlite3.Error, OSError) as error:
        staged.unlink(missing_ok=True)
        raise BackupError(
            f"The backup could not be copied beside the database: {error}. Nothing was changed."
        ) from error
    return staged


def keep_replaced(db_path: Path, key: bytes | None = None) -> Path:
    """A copy of the database about to be replaced, beside it: `<name>.replaced-<stamp>`."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
    _copy(db_path, kept, key)
    _sync(kept)
    return kept


def swap_in(staged: Path, db_path: Path, key: bytes | None = None) -> None:
    """Write the verified copy into the live database through the backup API: under the database's own
    lock, and other connections see the restored content (no file is renamed under an open WAL)."""
    with closing(connect_file(staged, key)) as src, closing(connect_file(db_path, key, timeout=15)) as dst:
        src.backup(dst)
    staged.unlink(missing_ok=True)
