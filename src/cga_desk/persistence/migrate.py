"""Apply the Alembic migrations shipped in this package; copy a SQLite file aside before an upgrade."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from .engine import sqlite_path

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
    current, head = current_revision(engine), head_revision()
    if current == head:
        return None
    backup = None
    path = sqlite_path(url)
    if current is not None and path is not None and path.exists():
        backup = backup_sqlite(path, current)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
