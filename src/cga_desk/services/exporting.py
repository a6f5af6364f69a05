"""Export the analysis dataset with its codebook (CSV or XLSX), audited: for the CLI and the File menu."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..domain.records import User
from ..interop.export import export_format, write_export
from ..persistence.uow import UnitOfWork
from .dataset import CohortFilter, analysis_frame, codebook_frame, record_export


@dataclass(frozen=True)
class ExportResult:
    files: tuple[Path, ...]
    rows: int
    patients: int
    deidentified: bool


def export_dataset(uow_factory: Callable[..., UnitOfWork], by: User, out: Path, fmt: str | None = None,
                   deidentified: bool = False, filters: CohortFilter | None = None) -> ExportResult:
    """Refuses a format that contradicts the file name (ValidationError); files are written whole or not at all."""
    fmt = export_format(out, fmt)
    with uow_factory(write=False) as uow:
        frame = analysis_frame(uow, filters, deidentified=deidentified)
    files = write_export(frame, codebook_frame(deidentified), out, fmt)
    with uow_factory() as uow:
        record_export(uow, by, str(out.resolve()), len(frame), deidentified)
    return ExportResult(files, len(frame), int(frame["patient_id"].nunique()) if len(frame) else 0, deidentified)
