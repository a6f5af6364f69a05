"""Export the analysis dataset with its codebook (CSV or XLSX), audited: for the CLI and the File menu.

The dataset is streamed from the database to the file in chunks of patients (services.dataset.
analysis_chunks), so exporting a clinic's million visits needs the memory of one chunk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.records import User
from ..interop.exchange import Tally, write_exchange
from ..interop.export import EXCHANGE_FORMATS, Chunks, export_format, write_export
from ..persistence.uow import UnitOfWork
from .dataset import CohortFilter, analysis_chunks, codebook_frame, dataset_columns, record_export
from .exchange import exchange_records, staff_names
from .schedules import schedule_rules

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class ExportResult:
    files: tuple[Path, ...]
    rows: int
    patients: int
    deidentified: bool


class _Tally:
    """Rows and patients of the chunks passing through (a patient's visits are all in one chunk)."""

    def __init__(self, progress: Callable[[int], None] | None = None) -> None:
        self.rows = self.patients = 0
        self.progress = progress

    def count(self, frames: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for frame in frames:
            self.rows += len(frame)
            self.patients += int(frame["patient_id"].nunique())
            if self.progress is not None:
                self.progress(self.patients)
            yield frame


def export_dataset(
    uow_factory: Callable[..., UnitOfWork],
    by: User,
    out: Path,
    fmt: str | None = None,
    deidentified: bool = False,
    filters: CohortFilter | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExportResult:
    """Refuses a format that contradicts the file name (ValidationError); files are written whole or not at all.
    The exchange formats (adam, redcap, fhir, odm) export every patient (`filters` apply to csv and xlsx)."""
    fmt = export_format(out, fmt)
    if fmt in EXCHANGE_FORMATS:
        return export_exchange(uow_factory, by, out, fmt, deidentified, progress)
    tally = _Tally(progress)
    with uow_factory(write=False) as uow:
        chunks = Chunks(dataset_columns(deidentified), tally.count(analysis_chunks(uow, filters, deidentified)))
        files = write_export(chunks, codebook_frame(deidentified), out, fmt)
    with uow_factory() as uow:
        record_export(uow, by, str(out.resolve()), tally.rows, deidentified)
    return ExportResult(files, tally.rows, tally.patients, deidentified)


def export_exchange(
    uow_factory: Callable[..., UnitOfWork],
    by: User,
    out: Path,
    fmt: str,
    deidentified: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ExportResult:
    """One exchange format (interop/exchange.py) of every patient's stored record, audited like the dataset;
    `progress` is called with the number of patients written so far."""
    tally = Tally(on_patient=progress)
    with uow_factory(write=False) as uow:
        options = {}
        if fmt == "odm":
            options = {"timepoints": [r.label for r in schedule_rules(uow, None)], "staff": staff_names(uow)}
        records = exchange_records(uow, deidentified, with_audit=fmt == "odm")
        files = write_exchange(fmt, tally.count(records), out, **options)
    with uow_factory() as uow:
        record_export(uow, by, f"{fmt}: {out.resolve()}", tally.visits, deidentified)
    return ExportResult(files, tally.visits, tally.patients, deidentified)
