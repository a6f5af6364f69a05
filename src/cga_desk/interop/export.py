"""Writing the analysis dataset and its codebook as CSV or XLSX, never leaving a half-written file.

Each file is written to a temporary file in the target folder and renamed over the target only when
complete, so a full disk or a crash leaves the previous file (or none), never a truncated one.
"""
from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.errors import CgaDeskError, ValidationError

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("csv", "xlsx")
DATASET_SHEET, CODEBOOK_SHEET = "dataset", "codebook"


class ExportError(CgaDeskError):
    """The export could not be written (folder missing or read-only, disk full): nothing was written."""


def export_format(out: Path, fmt: str | None) -> str:
    """The format asked for, or the one the file name implies; a contradiction is refused."""
    implied = out.suffix.lower().lstrip(".")
    if fmt is None:
        if implied not in FORMATS:
            raise ValidationError("format", f"cannot tell the format from {out.name!r}: give --format csv or xlsx")
        return implied
    if fmt not in FORMATS:
        raise ValidationError("format", f"{fmt!r} is not one of {', '.join(FORMATS)}")
    if implied in FORMATS and implied != fmt:
        raise ValidationError("format", f"--format {fmt} but the file name {out.name!r} ends in .{implied}")
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
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    return Path(name)


def _write_all(jobs: list[tuple[Path, Callable[[Path], None]]]) -> tuple[Path, ...]:
    """Write every file to its temporary twin; rename them all only when every one is complete."""
    temps: list[Path] = []
    current = jobs[0][0]
    try:
        for target, write in jobs:
            current = target
            if target.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
            temps.append(_temporary(target))
            write(temps[-1])
        for (target, _), temp in zip(jobs, temps):
            current = target
            if target.exists():  # a replaced export keeps its permissions; a new one is private (0600)
                shutil.copymode(target, temp)
            os.replace(temp, target)
    except OSError as error:
        raise ExportError(describe_os_error(error, current)) from error
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)
    return tuple(target for target, _ in jobs)


def write_csv(dataset: pd.DataFrame, codebook: pd.DataFrame, out: Path) -> tuple[Path, ...]:
    """The dataset at `out` and the codebook beside it; UTF-8, empty cell = not available."""
    def table(frame: pd.DataFrame) -> Callable[[Path], None]:
        return lambda path: frame.to_csv(path, index=False, encoding="utf-8", na_rep="")

    return _write_all([(out, table(dataset)), (codebook_path(out), table(codebook))])


def write_xlsx(dataset: pd.DataFrame, codebook: pd.DataFrame, out: Path) -> tuple[Path, ...]:
    """One workbook: sheet "dataset" (header row frozen) and sheet "codebook"."""
    import pandas as pd

    def workbook(path: Path) -> None:
        with pd.ExcelWriter(path, engine="openpyxl", date_format="YYYY-MM-DD") as writer:
            dataset.to_excel(writer, sheet_name=DATASET_SHEET, index=False, freeze_panes=(1, 1))
            codebook.to_excel(writer, sheet_name=CODEBOOK_SHEET, index=False, freeze_panes=(1, 1))
            _no_formulas(writer.sheets[DATASET_SHEET], dataset)

    return _write_all([(out, workbook)])


def _no_formulas(sheet: Any, frame: pd.DataFrame) -> None:
    """Text that starts with "=" (a name, a timepoint) stays text: Excel must never run it as a formula."""
    for position, column in enumerate(frame.columns, start=1):
        values = frame[column]
        if values.dtype == object and values.map(lambda x: isinstance(x, str) and x.startswith("=")).any():
            for (cell,) in sheet.iter_rows(min_row=2, min_col=position, max_col=position):
                if cell.data_type == "f":
                    cell.data_type = "s"


def write_export(dataset: pd.DataFrame, codebook: pd.DataFrame, out: Path, fmt: str) -> tuple[Path, ...]:
    """Write the dataset and codebook in `fmt` (csv or xlsx); returns the files written."""
    return (write_csv if fmt == "csv" else write_xlsx)(dataset, codebook, out)
