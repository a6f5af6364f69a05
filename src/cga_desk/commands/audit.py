"""`cga-desk audit verify`: walk the audit hash chain (and the further checks) and say where it breaks."""

from __future__ import annotations

from typing import TextIO

from ..domain.errors import CgaDeskError
from ..domain.limits import one_line

EXIT_OK, EXIT_BROKEN = 0, 1


def run_audit_verify(db_url: str | None, newest: int | None, anchor: str | None, out: TextIO, err: TextIO) -> int:
    """Exit 0 with "audit trail intact: N events, last <hash prefix>", or 1 naming the first event (or
    signed visit) that fails and why (changed, missing, reordered, not chained)."""
    from ..app import opened_store
    from ..persistence.database import require_database
    from ..services.audit import verify

    try:
        require_database(db_url)
        with opened_store(db_url) as db:
            with db.unit_of_work(write=False) as uow:
                result = verify(uow, newest=newest, anchor=anchor)
    except CgaDeskError as exc:
        print(f"cga-desk audit: {one_line(str(exc))}", file=err)
        return EXIT_BROKEN
    if result.ok:
        print(result.describe(), file=out)
        return EXIT_OK
    print(f"cga-desk audit: {result.describe()}", file=err)
    return EXIT_BROKEN
