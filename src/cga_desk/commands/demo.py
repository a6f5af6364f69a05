"""`cga-desk demo`: load the demo patients and visits into the database, one line of summary."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from ..domain.errors import CgaDeskError, ValidationError
from .auth import Credentials, refusal, signed_in_store

EXIT_OK, EXIT_ENVIRONMENT, EXIT_REFUSED = 0, 1, 2


def run_demo(db_url: str | None, n_patients: int, seed: int, out: TextIO, err: TextIO, creds: Credentials) -> int:
    from ..demo.load import load_demo

    try:
        with signed_in_store(db_url, creds) as (db, user):
            summary = load_demo(db.unit_of_work, user, date.today(), n_patients, seed)
            where = db.display_url
    except ValidationError as exc:
        if exc.field == "demo":
            print(f"cga-desk demo: {exc.message}; nothing was changed.", file=err)
            return EXIT_ENVIRONMENT
        print(f"cga-desk demo: refused: {exc}", file=err)
        return EXIT_REFUSED
    except CgaDeskError as exc:
        if (status := refusal("demo", exc, err)) is not None:
            return status
        print(f"cga-desk demo: {exc}", file=err)
        return EXIT_ENVIRONMENT
    print(
        f"Loaded demo data into {where}: {summary.patients} patients, {summary.visits} visits, "
        f"{summary.users} new users (seed {seed}). The database is marked DEMO DATA on every page and report.",
        file=out,
    )
    for name, password in summary.passwords.items():
        print(f"  demo user {name}: password {password}  (shown only now: write it down)", file=out)
    return EXIT_OK
