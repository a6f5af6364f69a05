"""Apply the Alembic migrations shipped in this package; copy a SQLite file aside before an upgrade."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from .engine import connect_file, sqlite_path
from .uow import StorageError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in migrations/versions, read from the file names ("0004_g8.py" is revision 0004)
# so adding a migration needs no edit here. Alembic itself (a third of a second to import) is only
# loaded when a database is behind; a test checks this against Alembic's own head.
HEAD = max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


PART = ".part"  # suffix of a backup copy still being written


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """Alembic's head, read from the scripts (slow: tests and upgrades only)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in alembic_version (None for an empty database), read without Alembic."""
    with engine.connect() as conn:
        return _revision(conn)


class NewerDatabaseError(StorageError):
    """The database was made by a newer version of CGA Desk: this one does not know its schema."""


def known_revisions() -> set[str]:
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")}


def refuse_newer(current: str | None, where: str) -> None:
    """Refuse, before any copy or change, a database whose revision this version does not know."""
    if current is None or current in known_revisions():
        return
    from ..version import __version__

    raise NewerDatabaseError(
        f"The database {where} was made by a newer version of CGA Desk (database version {current}); "
        f"this is CGA Desk {__version__}, which knows database versions up to {HEAD}. "
        "Install the newer version to open it. Nothing was changed."
    )


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; the rename is durable enough there
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_sqlite(path: Path, revision: str, key: bytes | None = None) -> Path:
    """A consistent copy (the sqlite3 backup API, which includes what is still in the WAL), written to
    a temporary name, synced, then renamed: an interrupted copy never leaves a backup that looks whole.
    Leftovers of an earlier interrupted copy are removed (the caller holds the write lock): the `.part`
    file and the rollback journal SQLite keeps beside it while writing (`.part-journal`)."""
    for stale in path.parent.glob(f".{path.name}.before-upgrade-*{PART}*"):
        stale.unlink(missing_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-upgrade-from-{revision}-{stamp}")
    tmp = path.with_name(f".{target.name}{PART}")
    try:
        src, dst = connect_file(path, key), connect_file(tmp, key)  # encrypted with the same key
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        with open(tmp, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        tmp.with_name(f"{tmp.name}-journal").unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)
    return target


def upgrade(engine: Engine, url: str, key: bytes | None = None) -> Path | None:
    """Bring the database to head. Returns the backup made before upgrading a SQLite file, if any.

    The write lock is taken first, so the revision read, the copy and the upgrade see the same
    database (another workstation upgrading at the same moment waits, then finds it at head). A
    database of a newer version is refused before any copy; a copy whose upgrade never started is
    removed."""
    current = current_revision(engine)
    refuse_newer(current, _where(engine))
    if current == HEAD:
        return None
    from alembic import command

    with engine.connect().execution_options(cga_write=True) as conn, conn.begin():
        current = _revision(conn)
        refuse_newer(current, _where(engine))
        if current == HEAD:
            return None
        path = sqlite_path(url)
        backup = (
            backup_sqlite(path, current, key) if current is not None and path is not None and path.exists() else None
        )
        started = False
        try:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            started = True
            command.upgrade(cfg, "head")
        except BaseException:
            if backup is not None and not started:
                backup.unlink(missing_ok=True)
            raise
    return backup


def _revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
