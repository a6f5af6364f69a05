"""`cga-desk init`: create (or bring up to date) the database explicitly, the only command that makes one."""

from __future__ import annotations

from typing import TextIO

from ..domain.errors import CgaDeskError

EXIT_OK, EXIT_ENVIRONMENT = 0, 1


def run_init(db_url: str | None, out: TextIO, err: TextIO) -> int:
    from ..app import opened_store
    from ..persistence.engine import resolve_url, sqlite_path
    from ..persistence.migrate import HEAD

    path = sqlite_path(resolve_url(db_url))
    existed = path is not None and path.is_file() and path.stat().st_size > 0
    try:
        with opened_store(db_url) as db:
            where, backup = db.display_url, db.backup
    except CgaDeskError as exc:
        print(f"cga-desk init: {exc}", file=err)
        return EXIT_ENVIRONMENT
    if backup is not None:
        print(f"Upgraded the CGA Desk database at {where} to version {HEAD} (copy before: {backup}).", file=out)
    elif existed:
        print(f"The CGA Desk database at {where} exists and is up to date (version {HEAD}).", file=out)
    else:
        print(f"Created a CGA Desk database at {where} (version {HEAD}).", file=out)
    return EXIT_OK
