"""Composition root: the database chosen by --db / CGA_DESK_DB / the default, migrated and seeded."""
from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

from .domain.records import ADMIN, User

if TYPE_CHECKING:
    from .persistence.database import Database


def open_store(url: str | None = None) -> Database:
    """Open (create, migrate) the database and make sure the default protocol schedule exists."""
    from .persistence.database import Database
    from .services.schedules import ensure_default_schedule

    db = Database.open(url)
    with db.unit_of_work() as uow:
        ensure_default_schedule(uow)
    return db


def command_line_user() -> User:
    """Changes made from the command line are recorded under the operating-system account."""
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no account name available (some containers)
        name = "unknown"
    return User(f"{name} (command line)", ADMIN)
