"""`cga-desk audit verify`: walk the audit hash chain (and the further checks) and say where it breaks."""

from __future__ import annotations

from typing import TextIO

from ..domain import access
from ..domain.errors import CgaDeskError
from ..domain.limits import one_line
from .auth import Credentials, refusal, signed_in_store

EXIT_OK, EXIT_BROKEN = 0, 1


def run_audit_verify(
    db_url: str | None, newest: int | None, anchor: str | None, out: TextIO, err: TextIO, creds: Credentials
) -> int:
    """Exit 0 with "audit trail intact: N events, last <hash prefix>", or 1 naming the first event (or
    signed visit) that fails and why (changed, missing, reordered, not chained)."""
    from ..persistence.database import require_database
    from ..services.audit import verify

    try:
        require_database(db_url)
        with signed_in_store(db_url, creds) as (db, user):
            access.require(user, access.AUDIT)
            with db.unit_of_work(write=False) as uow:
                result = verify(uow, newest=newest, anchor=anchor)
    except CgaDeskError as exc:
        if (status := refusal("audit", exc, err)) is not None:
            return status
        print(f"cga-desk audit: {one_line(str(exc))}", file=err)
        return EXIT_BROKEN
    if result.ok:
        print(result.describe(), file=out)
        return EXIT_OK
    print(f"cga-desk audit: {result.describe()}", file=err)
    return EXIT_BROKEN


def run_audit_export(
    db_url: str | None,
    out: str,
    filters: dict[str, str | None],
    exact: bool,
    stdout: TextIO,
    stderr: TextIO,
    creds: Credentials,
) -> int:
    """`cga-desk audit export --out FILE.csv [--patient ID] [--user NAME] [--action A] [--from D] [--to D]`."""
    from pathlib import Path

    from ..domain.errors import ValidationError
    from ..forms.document import parse_date
    from ..persistence.database import require_database
    from ..services.audit import AuditFilter, export_trail

    try:
        chosen = AuditFilter(
            filters.get("patient"),
            filters.get("user"),
            filters.get("action"),
            parse_date(filters["since"], "--from") if filters.get("since") else None,
            parse_date(filters["until"], "--to") if filters.get("until") else None,
        )
    except ValidationError as exc:
        print(f"cga-desk audit: refused: {one_line(str(exc))}", file=stderr)
        return 2
    try:
        require_database(db_url)
        with signed_in_store(db_url, creds) as (db, signed_in):
            user = access.require(signed_in, access.AUDIT)
            count = export_trail(db.unit_of_work, user, chosen, Path(out), exact)
    except CgaDeskError as exc:
        if (status := refusal("audit", exc, stderr)) is not None:
            return status
        print(f"cga-desk audit: {one_line(str(exc))}", file=stderr)
        return EXIT_BROKEN
    print(f"Exported {count} audit events ({chosen.describe()}) to {out}", file=stdout)
    return EXIT_OK
