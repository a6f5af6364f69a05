"""`cga-desk init`: create (or bring up to date) the database explicitly, the only command that makes one."""

from __future__ import annotations

from typing import TextIO

from ..domain.errors import CgaDeskError

EXIT_OK, EXIT_ENVIRONMENT = 0, 1


EXIT_REFUSED = 2


def run_init(db_url: str | None, out: TextIO, err: TextIO, plain: bool = False) -> int:
    from ..app import opened_store
    from ..persistence.engine import resolve_url, sqlite_path
    from ..persistence.migrate import HEAD
    from ..services import encryption

    path = sqlite_path(resolve_url(db_url))
    existed = path is not None and path.is_file() and path.stat().st_size > 0
    if path is not None and not existed and encryption.ENCRYPT_NEW and not plain:
        # a new SQLite database is encrypted, and its key is wrapped with its administrator's password: the
        # administrator's creation makes it (issue 15)
        print(
            f"cga-desk init: a new database is created encrypted by its administrator: cga-desk --db {path} user "
            'add NAME --role admin --full-name "..." (or start the window). `init --plain` makes an unencrypted '
            "one.",
            file=err,
        )
        return EXIT_REFUSED
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
