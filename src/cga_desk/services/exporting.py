"""Export the analysis dataset with its codebook (CSV or XLSX), audited: for the CLI and the File menu.

The dataset is streamed from the database to the file in chunks of patients (services.dataset.
analysis_chunks), so exporting a clinic's million visits needs the memory of one chunk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import access
from ..domain.records import User
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..interop.exchange import Tally, write_exchange
from ..interop.export import EXCHANGE_FORMATS, NEUTRALISED_NOTE, Chunks, export_format, write_export
from ..persistence.uow import UnitOfWork
from . import audit
from .dataset import CohortFilter, analysis_chunks, codebook_frame, dataset_columns, record_export, visit_columns
from .exchange import exchange_records, signature_roster, staff_names
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
    exact: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ExportResult:
    """Refuses a format that contradicts the file name (ValidationError); files are written whole or not at all.
    Text cells a spreadsheet would run as formulas get a leading ' unless `exact`; the codebook says so and
    ends with the audit chain's newest hash (an anchor for `cga-desk audit verify --anchor`). The exchange
    formats (adam, redcap, fhir, odm) export every patient (`filters` apply to csv and xlsx)."""
    access.require(by, access.EXPORT)
    fmt = export_format(out, fmt)
    if fmt in EXCHANGE_FORMATS:
        return export_exchange(uow_factory, by, out, fmt, deidentified, progress)
    tally = _Tally(progress)
    # One transaction reads the data and records the disclosure; the files are written under temporary
    # names and take their real names only once the audit event is committed (a failed audit leaves no
    # file). On SQLite this transaction holds the write lock while the file is written (about a second
    # for a clinic of 40,000 visits); other workstations' saves wait for it (busy timeout 15 s).
    with uow_factory() as uow:
        chunks = Chunks(dataset_columns(deidentified), tally.count(analysis_chunks(uow, filters, deidentified)))
        book = with_notes(codebook_frame(deidentified), audit.latest_hash(uow), exact)
        files = write_export(
            chunks,
            book,
            out,
            fmt,
            exact,
            before_rename=lambda: record_export(uow, by, str(out.resolve()), tally.rows, deidentified),
        )
    return ExportResult(files, tally.rows, tally.patients, deidentified)


EXACT_NOTE = QT_TRANSLATE_NOOP(
    "services",
    "Text cells are written exactly as stored (--exact): a spreadsheet may run one that begins with "
    "=, +, -, @, a tab or a carriage return as a formula.",
)


def with_notes(codebook: pd.DataFrame, chain_hash: str, exact: bool) -> pd.DataFrame:
    """The codebook and two rows about the file itself: how text cells were written, and the audit chain's
    newest hash when it was exported."""
    import pandas as pd

    text = translate("services", EXACT_NOTE if exact else NEUTRALISED_NOTE)
    anchor = translate(
        "services",
        "The newest audit event's hash when this file was exported: {hash}. "
        "`cga-desk audit verify --anchor {prefix}` checks that the audit trail still holds it.",
    ).format(hash=chain_hash, prefix=chain_hash[:16])
    columns = list(codebook.columns)  # column, meaning, then range, direction, type, value labels: left empty
    blank = ("",) * (len(columns) - 2)
    notes = pd.DataFrame([("(text cells)", text, *blank), ("(audit chain)", anchor, *blank)], columns=columns)
    return pd.concat([codebook, notes], ignore_index=True)


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
    access.require(by, access.EXPORT)
    tally = Tally(on_patient=progress)
    with uow_factory() as uow:  # read, and the disclosure recorded before the export takes its name
        options: dict[str, Any] = {}
        if fmt == "odm":
            full_names, meanings = signature_roster(uow)
            options = {
                "timepoints": [r.label for r in schedule_rules(uow, None)],
                "staff": staff_names(uow),
                "full_names": full_names,
                "meanings": meanings,
            }
        if fmt == "adam":  # columns: a million visits' ADaM in about the time of the analysis dataset
            source: Iterable[Any] = tally.count_columns(visit_columns(uow, deidentified))
        else:
            source = tally.count(exchange_records(uow, deidentified, with_audit=fmt == "odm"))
        files = write_exchange(
            fmt,
            source,
            out,
            before_rename=lambda: record_export(uow, by, f"{fmt}: {out.resolve()}", tally.visits, deidentified),
            **options,
        )
    return ExportResult(files, tally.visits, tally.patients, deidentified)
