"""`cga-desk init-postgres`: the owner and application roles on a PostgreSQL database (issue 15)."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ..domain.errors import CgaDeskError
from ..domain.limits import one_line

EXIT_OK, EXIT_ENVIRONMENT, EXIT_REFUSED = 0, 1, 2


def run_init_postgres(
    db_url: str | None, owner: str, app: str, password_file: str | None, out: TextIO, err: TextIO
) -> int:
    """Run by a database administrator (`--db postgresql://admin@host/cga`): creates the roles where
    missing, creates or upgrades the tables as the owner role, then grants the application role what it
    may do. Run it again after installing a new version of CGA Desk (the application role cannot migrate)."""
    from sqlalchemy import exc
    from sqlalchemy.engine import make_url

    from ..app import open_store
    from ..persistence.engine import resolve_url
    from ..persistence.postgres_roles import RolePlan, create_roles, grant_application

    url = resolve_url(db_url)
    if not url.startswith("postgresql"):
        print("cga-desk init-postgres: --db must be a PostgreSQL URL (postgresql://admin@host/database)", file=err)
        return EXIT_REFUSED
    password = None
    if password_file is not None:
        try:
            password = Path(password_file).read_text(encoding="utf-8").strip() or None
        except OSError as error:
            print(f"cga-desk init-postgres: cannot read {password_file}: {error.strerror or error}", file=err)
            return EXIT_ENVIRONMENT
    plan = RolePlan(owner, app, password)
    try:
        create_roles(url, plan)
        open_store(url, role=owner).close()  # tables created or upgraded, and seeded, by the owner
        grant_application(url, plan)
    except CgaDeskError as error:
        print(f"cga-desk init-postgres: {one_line(str(error))}", file=err)
        return EXIT_ENVIRONMENT
    except exc.DBAPIError as error:
        reason = one_line(str(error.orig) if error.orig is not None else str(error))
        print(f"cga-desk init-postgres: the server refused: {reason}", file=err)
        return EXIT_ENVIRONMENT
    app_url = make_url(url).set(username=app, password=None).render_as_string(hide_password=True)
    print(
        f"PostgreSQL roles ready: {owner} owns the tables (cannot log in); {app} may read and write the record "
        f"but cannot change, delete or truncate audit events. Workstations connect with: --db {app_url}",
        file=out,
    )
    return EXIT_OK
