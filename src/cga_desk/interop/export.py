"""Writing the analysis dataset and its codebook as CSV or XLSX, never leaving a half-written file.

Each file is written to a temporary file in the target folder and renamed over the target only when
complete, so a full disk or a crash leaves the previous file (or none), never a truncated one. A
dataset may come whole (a DataFrame) or as `Chunks` (consecutive DataFrames): CSV is then written
chunk by chunk, so a clinic's million visits never sit in memory at once. XLSX is built in memory
(openpyxl) and an Excel sheet takes at most 1,048,576 rows: a larger XLSX export is refused.
"""

from __future__ import annotations

import csv
import errno
import io
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.errors import CgaDeskError, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from .collecting import fewer_collections
from .partfiles import temporary_beside

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("csv", "xlsx")  # the analysis dataset with its codebook
# The exchange formats (interop/exchange.py): adam and redcap write a folder, fhir a .json, odm an .xml.
EXCHANGE_FORMATS = ("adam", "redcap", "fhir", "odm")
ALL_FORMATS = FORMATS + EXCHANGE_FORMATS
_SUFFIX_FORMATS = {"csv": "csv", "xlsx": "xlsx", "json": "fhir", "xml": "odm"}
# A text cell starting with one of these is a formula to a spreadsheet (CSV/formula injection, OWASP):
# it is written with a leading apostrophe, which spreadsheets show as text (issue 15). --exact keeps raw text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISED_NOTE = QT_TRANSLATE_NOOP(  # the codebook's words, translated with the codebook (services.exporting)
    "services",
    "Text cells that begin with =, +, -, @, a tab or a carriage return are written with a leading ' (apostrophe) "
    "so that a spreadsheet shows them as text instead of running them as formulas; remove that first ' for the "
    "stored text, or export with --exact.",
)
DATASET_SHEET, CODEBOOK_SHEET = "dataset", "codebook"
XLSX_MAX_ROWS = 1_048_576 - 1  # Excel's sheet limit, less the header row


@dataclass(frozen=True)
class Chunks:
    """A dataset read in pieces: its columns, and DataFrames of consecutive rows with those columns."""

    columns: list[str]
    frames: Iterable[pd.DataFrame]


def as_chunks(dataset: pd.DataFrame | Chunks) -> Chunks:
    return dataset if isinstance(dataset, Chunks) else Chunks(list(dataset.columns), [dataset])


class ExportError(CgaDeskError):
    """The export could not be written (folder missing or read-only, disk full): nothing was written."""


def export_format(out: Path, fmt: str | None) -> str:
    """The format asked for, or the one the file name implies; a contradiction is refused."""
    suffix = out.suffix.lower().lstrip(".")
    implied = _SUFFIX_FORMATS.get(suffix)
    if fmt is None:
        if implied is None:
            raise ValidationError(
                "format", f"cannot tell the format from {out.name!r}: give --format {' or '.join(ALL_FORMATS)}"
            )
        return implied
    if fmt not in ALL_FORMATS:
        raise ValidationError("format", f"{fmt!r} is not one of {', '.join(ALL_FORMATS)}")
    if implied is not None and implied != fmt:
        raise ValidationError("format", f"--format {fmt} but the file name {out.name!r} ends in .{suffix}")
    return fmt


def codebook_path(out: Path) -> Path:
    """`<stem>.codebook.csv` beside the CSV dataset."""
    return out.with_name(f"{out.stem}.codebook.csv")


def describe_os_error(error: OSError, target: Path) -> str:
    folder = target.parent
    if error.errno == errno.ENOSPC:
        return f"The disk is full: {target} was not written. Free some space and try again."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Cannot write in {folder}: permission denied (read-only folder or disk). Nothing was written."
    if error.errno == errno.ENOENT:
        return f"The folder {folder} does not exist. Nothing was written."
    if error.errno == errno.EISDIR or target.is_dir():
        return f"{target} is a folder; give a file name. Nothing was written."
    return f"Cannot write {target}: {error.strerror or error}. Nothing was written."


def _temporary(target: Path) -> Path:
    fd, path = temporary_beside(target)
    os.close(fd)
    return path


Publish = Callable[[], None] | None


def _write_all(jobs: list[tuple[Path, Callable[[Path], None]]], before_rename: Publish = None) -> tuple[Path, ...]:
    """Write every file to its temporary twin; rename them all only when every one is complete and
    `before_rename` (the export's audit event, committed) has returned."""
    temps: list[Path] = []
    current = jobs[0][0]
    try:
        for target, write in jobs:
            current = target
            if target.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
            temps.append(_temporary(target))
            write(temps[-1])
        if before_rename is not None:
            before_rename()
        for (target, _), temp in zip(jobs, temps):
            current = target
            os.replace(temp, target)  # private (0600, mkstemp's mode), even where it replaces a file
    except OSError as error:
        raise ExportError(describe_os_error(error, current)) from error
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)
    return tuple(target for target, _ in jobs)


def neutralise(value: str) -> str:
    """`'=1+1` for `=1+1`: a text a spreadsheet would run as a formula is shown as text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell neutralised (a copy where anything changes; numbers and dates as they are)."""
    changed = {}
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object:
            mapped = values.map(lambda x: neutralise(x) if isinstance(x, str) else x)
            if not mapped.equals(values):
                changed[column] = mapped
    return frame.assign(**changed) if changed else frame


def quoted_cell(value: str, line_end: str = os.linesep) -> str:
    """A text as csv.writer (QUOTE_MINIMAL, like DataFrame.to_csv) writes it among other fields."""
    if value == "":
        return value
    line = io.StringIO()
    csv.writer(line, lineterminator=line_end).writerow([value])  # the line end decides what is quoted
    return line.getvalue()[: -len(line_end)]


def _cells(column: pd.Series, exact: bool = False) -> list[str] | None:
    """A column's cells as CSV text ("" = not available), each distinct value formatted once; None when
    its dtype is not one the dataset uses (integers, floats, and objects: text, dates)."""
    import numpy as np
    import pandas as pd

    if pd.api.types.is_integer_dtype(column.dtype):
        values, missing = column.to_numpy(dtype=np.int64, na_value=0), column.isna().to_numpy()
        low, high = (int(values.min()), int(values.max())) if len(values) else (0, 0)
        if high - low < 1 << 16:  # a few small numbers: a table of their texts
            table = np.array([str(i) for i in range(low, high + 1)] + [""], dtype=object)
            return table[np.where(missing, len(table) - 1, values - low)].tolist()
        return ["" if m else str(v) for v, m in zip(values.tolist(), missing.tolist())]
    if column.dtype == np.float64:  # an appended instrument's half points (G8): as pandas writes them, astype(str)
        codes, uniques = pd.factorize(column.to_numpy())  # NaN -> -1, i.e. the last entry: ""
        return np.append(np.asarray(uniques, dtype=np.float64).astype(str).astype(object), "")[codes].tolist()
    if column.dtype == object:
        codes, uniques = pd.factorize(column.to_numpy())
        text = (lambda u: u) if exact else neutralise
        table = np.array([quoted_cell(text(u) if isinstance(u, str) else str(u)) for u in uniques] + [""], dtype=object)
        return table[codes].tolist()
    return None


def _append_csv(frame: pd.DataFrame, path: Path, exact: bool = False) -> None:
    """Append rows exactly as DataFrame.to_csv(na_rep="") would (text neutralised unless `exact`): pandas'
    writer, formatting every cell anew, is the slowest part of a million-row export; here each distinct
    value is formatted once."""
    cells = [_cells(frame[c], exact) for c in frame.columns]
    columns = [c for c in cells if c is not None]
    if not len(frame) or len(columns) < len(cells):
        frame = frame if exact else neutralise_frame(frame)
        frame.to_csv(path, mode="a", header=False, index=False, encoding="utf-8", na_rep="")
        return
    with open(path, "a", encoding="utf-8", newline="") as out:
        out.write(os.linesep.join(map(",".join, zip(*columns))) + os.linesep)


def _csv_table(dataset: Chunks, exact: bool = False) -> Callable[[Path], None]:
    """Header, then each chunk as it comes; UTF-8, empty cell = not available."""
    import pandas as pd

    def write(path: Path) -> None:
        pd.DataFrame(columns=dataset.columns).to_csv(path, index=False, encoding="utf-8")
        for frame in dataset.frames:
            if list(frame.columns) != dataset.columns:
                raise ValueError(f"a chunk's columns differ from the dataset's: {list(frame.columns)}")
            _append_csv(frame, path, exact)

    return write


def write_csv(
    dataset: pd.DataFrame | Chunks,
    codebook: pd.DataFrame,
    out: Path,
    exact: bool = False,
    before_rename: Publish = None,
) -> tuple[Path, ...]:
    """The dataset at `out` and the codebook beside it (text cells neutralised unless `exact`)."""
    jobs = [(out, _csv_table(as_chunks(dataset), exact)), (codebook_path(out), _csv_table(as_chunks(codebook), exact))]
    return _write_all(jobs, before_rename)


def _whole(dataset: Chunks) -> pd.DataFrame:
    """The chunks as one DataFrame, refused (nothing written) beyond what one Excel sheet holds."""
    import pandas as pd

    frames, rows = [], 0
    for frame in dataset.frames:
        rows += len(frame)
        if rows > XLSX_MAX_ROWS:
            raise ExportError(
                f"More than {XLSX_MAX_ROWS:,} rows: too many for an Excel sheet. Export CSV instead, "
                "or narrow the selection. Nothing was written."
            )
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=dataset.columns)


def write_xlsx(
    dataset: pd.DataFrame | Chunks,
    codebook: pd.DataFrame,
    out: Path,
    exact: bool = False,
    before_rename: Publish = None,
) -> tuple[Path, ...]:
    """One workbook: sheet "dataset" (header row frozen) and sheet "codebook". The workbook is built in
    memory (openpyxl), about 20 MB per thousand rows: CSV is the format for a whole clinic. Text cells
    are neutralised unless `exact`; either way none is stored as a formula."""
    import pandas as pd

    data = _whole(as_chunks(dataset))
    if not exact:
        data, codebook = neutralise_frame(data), neutralise_frame(codebook)

    def workbook(path: Path) -> None:
        with pd.ExcelWriter(path, engine="openpyxl", date_format="YYYY-MM-DD") as writer:
            data.to_excel(writer, sheet_name=DATASET_SHEET, index=False, freeze_panes=(1, 1))
            codebook.to_excel(writer, sheet_name=CODEBOOK_SHEET, index=False, freeze_panes=(1, 1))
            _no_formulas(writer.sheets[DATASET_SHEET], data)
            _no_formulas(writer.sheets[CODEBOOK_SHEET], codebook)

    return _write_all([(out, workbook)], before_rename)


def _no_formulas(sheet: Any, frame: pd.DataFrame) -> None:
    """Text that starts with "=" (a name, a timepoint) stays text: Excel must never run it as a formula."""
    for position, column in enumerate(frame.columns, start=1):
        values = frame[column]
        if values.dtype == object and values.map(lambda x: isinstance(x, str) and x.startswith("=")).any():
            for (cell,) in sheet.iter_rows(min_row=2, min_col=position, max_col=position):
                if cell.data_type == "f":
                    cell.data_type = "s"


def write_export(
    dataset: pd.DataFrame | Chunks,
    codebook: pd.DataFrame,
    out: Path,
    fmt: str,
    exact: bool = False,
    before_rename: Publish = None,
) -> tuple[Path, ...]:
    """Write the dataset and codebook in `fmt` (csv or xlsx); returns the files written. Text cells a
    spreadsheet would run as formulas get a leading ' unless `exact` (NEUTRALISED_NOTE). `before_rename`
    runs when every file is complete under its temporary name, before any takes its real name."""
    with fewer_collections():
        return (write_csv if fmt == "csv" else write_xlsx)(dataset, codebook, out, exact, before_rename)


def write_rows_csv(
    out: Path, header: list[str], rows: Iterable[Iterable[object]], exact: bool = False
) -> tuple[Path, ...]:
    """Rows as CSV (UTF-8, None = empty cell, text neutralised unless `exact`), written whole or not at all."""

    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator=os.linesep)
            writer.writerow(header)
            for row in rows:
                writer.writerow(
                    ["" if v is None else neutralise(v) if isinstance(v, str) and not exact else v for v in row]
                )

    return _write_all([(out, write)])
