"""CSV for Excel: a UTF-8 byte-order mark, so Excel on a Chinese (or any non-UTF-8) Windows opens the file
as UTF-8 instead of its ANSI code page (GBK: every Chinese name garbled). Used by `cga-desk export
--excel-bom`; R, pandas and Python's csv module read the mark as part of the first column name unless told
`encoding="utf-8-sig"`, so it is a choice, not the default."""

from __future__ import annotations

import os
from pathlib import Path

BOM = "\ufeff".encode()


def add_bom(path: Path) -> None:
    """Put the UTF-8 byte-order mark in front of a written CSV file (replaced whole, never half-written)."""
    data = path.read_bytes()
    if data.startswith(BOM):
        return
    tmp = path.with_name(f".{path.name}.bom.tmp")
    try:
        with open(tmp, "wb") as out:
            out.write(BOM)
            out.write(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
