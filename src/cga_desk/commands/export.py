"""`cga-desk export`: the analysis dataset and its codebook to CSV or XLSX (docs/clinical-rules.md section 12)."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ..domain.errors import CgaDeskError, ValidationError
from ..interop.export import export_format
from .auth import Credentials, refusal, signed_in_store

EXIT_OK, EXIT_ENVIRONMENT, EXIT_REFUSED = 0, 1, 2


def run_export(
    db_url: str | None,
    fmt: str | None,
    out: str,
    deidentified: bool,
    stdout: TextIO,
    stderr: TextIO,
    creds: Credentials,
    exact: bool = False,
    excel_bom: bool = False,
) -> int:
    from ..persistence.database import require_database
    from ..services.exporting import export_dataset

    path = Path(out)
    try:
        export_format(path, fmt)
    except ValidationError as exc:
        print(f"cga-desk export: refused: {exc}", file=stderr)
        return EXIT_REFUSED
    try:
        require_database(db_url)  # never a new, empty database from a mistyped --db
        with signed_in_store(db_url, creds) as (db, user):
            result = export_dataset(db.unit_of_work, user, path, fmt, deidentified, exact=exact)
    except CgaDeskError as exc:
        if (status := refusal("export", exc, stderr)) is not None:
            return status
        print(f"cga-desk export: {exc}", file=stderr)
        return EXIT_ENVIRONMENT
    if excel_bom:
        from ..interop.excel import add_bom

        for written in result.files:
            if written.suffix.lower() == ".csv":
                add_bom(written)
    kind = "de-identified" if deidentified else "with names and birth dates"
    if len(result.files) > 3:
        folder = result.files[0].parent
        print(f"Exported {result.rows} visits of {result.patients} patients ({kind}) to {folder}/", file=stdout)
        return EXIT_OK
    print(
        f"Exported {result.rows} visits of {result.patients} patients ({kind}) to "
        + " and ".join(str(p) for p in result.files),
        file=stdout,
    )
    return EXIT_OK
