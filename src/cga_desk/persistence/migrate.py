"""Apply the Alembic migrations shipped in this package; copy a SQLite file aside before an upgrade."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from .engine import sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in migrations/versions, read from the file names ("0004_g8.py" is revision 0004)
# so adding a migration needs no edit here. Alembic itself (a third of a second to import) is only
# loaded when a database is behind; a test checks this against Alembic's own head.
HEAD = max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


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
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(path: Path, revision: str) -> Path:
    """A consistent copy (the sqlite3 backup API, which includes what is still in the WAL)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-upgrade-from-{revision}-{stamp}")
    src, dst = sqlite3.connect(path), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def upgrade(engine: Engine, url: str) -> Path | None:
    """Bring the database to head. Returns the backup made before upgrading a SQLite file, if any."""
    current = current_revision(engine)
    if current == HEAD:
        return None
    from alembic import command

    backup = None
    path = sqlite_path(url)
    if current is not None and path is not None and path.exists():
        backup = backup_sqlite(path, current)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
