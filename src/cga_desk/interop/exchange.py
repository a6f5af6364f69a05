"""Writing an exchange format (adam, redcap, fhir, odm) whole or not at all.

ADaM and REDCap are folders of files: they are written into a temporary folder beside the target and
renamed over it when every file is complete (a previous folder is moved aside first and removed only
after the rename). FHIR (one Bundle, .json) and ODM (.xml) are single files written to a temporary
name and renamed, like the CSV export. A full disk or a crash leaves the previous export, never half
of one.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .collecting import fewer_collections
from .export import ExportError, describe_os_error
from .model import ExRecord, VisitColumns

FOLDER_FORMATS = ("adam", "redcap")
# The files a folder format writes: an existing folder is replaced only when it holds nothing else (a
# previous export of the same format, or nothing), so a mistyped --out never removes a user's folder.
FOLDER_FILES = {
    "adam": frozenset({"adsl.csv", "adqs.csv", "adsl.xpt", "adqs.xpt", "define.csv"}),
    "redcap": frozenset(
        {"data_dictionary.csv", "events.csv", "instrument_event_mapping.csv", "repeating.csv", "data.csv"}
    ),
}


@dataclass
class Tally:
    """Patients and visits of the records passing through, and a callback per patient (progress)."""

    patients: int = 0
    visits: int = 0
    on_patient: Callable[[int], None] | None = None

    def count(self, records: Iterable[ExRecord]) -> Iterator[ExRecord]:
        for record in records:
            self.patients += 1
            self.visits += len(record.visits)
            if self.on_patient is not None:
                self.on_patient(self.patients)
            yield record

    def count_columns(self, chunks: Iterable[VisitColumns]) -> Iterator[VisitColumns]:
        for chunk in chunks:
            self.patients += chunk.patient_count
            self.visits += len(chunk)
            if self.on_patient is not None:
                self.on_patient(self.patients)
            yield chunk


def _writer(fmt: str) -> Callable[..., object]:
    if fmt == "adam":
        from .adam import write_adam

        return write_adam
    if fmt == "redcap":
        from .redcap import write_redcap

        return write_redcap
    if fmt == "fhir":
        from .fhir import write_fhir

        return write_fhir
    if fmt == "odm":
        from .odm import write_odm

        return write_odm
    raise ValueError(fmt)


def _replace_folder(temp: Path, target: Path) -> None:
    aside = None
    if target.exists():
        if not target.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", str(target))
        aside = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
        os.replace(target, aside / target.name)
    os.replace(temp, target)
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)


def write_exchange(
    fmt: str,
    records: Iterable[ExRecord] | Iterable[VisitColumns],
    out: Path,
    before_rename: Callable[[], None] | None = None,
    **options: Any,
) -> tuple[Path, ...]:
    """Write `records` in `fmt` at `out` (adam takes columns: services/dataset.visit_columns) (a folder for adam and redcap, else a file); the files written.
    `options` go to the format's writer (ODM: the schedule's timepoints and the staff names).
    `before_rename` (the export's audit event, committed) runs when the export is complete under its
    temporary name, before it takes its real one: an export on disk is always in the audit trail."""
    write = _writer(fmt)
    if fmt in FOLDER_FORMATS and out.is_dir():
        others = sorted(p.name for p in out.iterdir() if p.name not in FOLDER_FILES[fmt])
        if others:
            raise ExportError(
                f"{out} holds other files ({', '.join(others[:3])}{', …' if len(others) > 3 else ''}): "
                f"give a new or empty folder for the {fmt} export. Nothing was written."
            )
    with fewer_collections():
        return _write_exchange(fmt, write, records, out, before_rename, options)


def _write_exchange(
    fmt: str,
    write: Callable[..., object],
    records: Iterable[ExRecord] | Iterable[VisitColumns],
    out: Path,
    before_rename: Callable[[], None] | None,
    options: dict[str, Any],
) -> tuple[Path, ...]:
    try:
        if fmt in FOLDER_FORMATS:
            temp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part"))
            try:
                write(records, temp, **options)
                names = sorted(p.name for p in temp.iterdir())
                if before_rename is not None:
                    before_rename()
                _replace_folder(temp, out)
            finally:
                shutil.rmtree(temp, ignore_errors=True)
            return tuple(out / n for n in names)
        if out.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(out))
        fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
        os.close(fd)
        part = Path(name)
        try:
            write(records, part, **options)
            if before_rename is not None:
                before_rename()
            os.replace(part, out)  # private (0600, mkstemp's mode), even where it replaces a file
        finally:
            part.unlink(missing_ok=True)
        return (out,)
    except OSError as error:
        raise ExportError(describe_os_error(error, out)) from error
