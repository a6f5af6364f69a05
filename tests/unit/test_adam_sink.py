"""The ADaM export's dataset sink (interop/adam.py) puts a chunk's CSV lines together with numpy: the
oracle is csv.writer writing the same cells, and pyreadstat reading its SAS transport file back."""

from __future__ import annotations

import csv
import io
import math
import random
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from cga_desk.interop import adam
from cga_desk.interop.export import quoted_cell

AWKWARD = ["plain", "a,b", 'say "hi"', "two\nlines", "cr\rlf\r\n", "张三", " padded ", "", "ÿ", "'", "x" * 90]


def _csv_writer(rows: list[list[str]]) -> bytes:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    return text.getvalue().encode("utf-8")


def _lines(rows: list[list[str | None]]) -> bytes:
    """The rows through _joined and _csv_lines, each column coded as the sink codes it (None: missing)."""
    columns = []
    for j in range(len(rows[0]) if rows else 2):
        coded = adam._coded(np.array([row[j] for row in rows], dtype=object))
        columns.append((coded.codes, [quoted_cell(u, "\r\n") for u in coded.uniques]))
    segments = adam._joined(columns, len(rows))
    return b"".join(piece.tobytes() for piece in adam._csv_lines(segments, len(rows)))


def _expected(rows: list[list[str | None]]) -> bytes:
    return _csv_writer([["" if cell is None else cell for cell in row] for row in rows])


@pytest.mark.parametrize("count", [0, 1, 2, 17, 3000])
def test_the_lines_are_what_csv_writer_writes(count: int) -> None:
    """Cells to be quoted (commas, quotes, line ends), non-ASCII, empty and missing cells; a few columns
    with few distinct values (joined) and some with many (not joined); zero rows, one, many."""
    pick = random.Random(count)
    rows = [
        [
            pick.choice(AWKWARD),
            pick.choice([*AWKWARD, None]),
            f"P{i // 40:04d}",
            str(pick.randrange(10**6)),
            pick.choice(["FIRST", "LATEST"]),
            pick.choice(["张三", "李四", None, "Ünïcode, quoted"]),
        ]
        for i in range(count)
    ]
    assert _lines(rows) == _expected(rows)


def test_a_row_of_missing_cells_and_blocks_of_one_row(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [[None, None, None], ["a", None, "b\nc"], [None, "", "d"], ["e", "f", None]]
    assert _lines(rows) == _expected(rows)
    monkeypatch.setattr(adam, "_MATRIX_BYTES", 1)  # a block per row
    assert _lines(rows) == _expected(rows)
    rows = [["x" * 5000, '"'], ["", "y"]]  # a row wider than the block
    assert _lines(rows) == _expected(rows)


def _sink_columns(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    days = [math.nan if d is None else float((d - date(1960, 1, 1)).days) for *_, d in rows]
    return {
        "X": np.array([math.nan if r[0] is None else r[0] for r in rows], dtype=float),
        "T": adam._coded(np.array([r[1] for r in rows], dtype=object)),  # coded, as the builder hands some
        "ID": np.array([r[2] for r in rows], dtype=object),
        "D": np.array(days, dtype=float),
    }


@pytest.mark.parametrize("chunk", [1, 7, 700, 5000])
def test_the_sink_writes_csv_and_xpt_whatever_the_chunks(tmp_path: Path, chunk: int) -> None:
    """Chunks of one row to all of them; in the large ones the identifiers are too many to join: a segment
    of joined columns, one of the identifiers alone, one joined again."""
    pyreadstat = pytest.importorskip("pyreadstat")
    variables = (
        adam.Variable("X", "a number", "number"),
        adam.Variable("T", "a text", "text", 40),
        adam.Variable("ID", "identifier", "text", 20),
        adam.Variable("D", "a date", "date"),
    )
    pick = random.Random(chunk)
    rows = [
        (
            pick.choice([1.0, -2.5, 0.125, 1e20, None, 3.0]),
            pick.choice(AWKWARD[:-1]),
            f"S{i}" if i % 2 else "S",
            pick.choice([date(2024, 2, 29), date(1959, 12, 31), None]),
        )
        for i in range(1500)
    ]
    sink = adam._DatasetSink(tmp_path, "TEST", variables)
    try:
        for start in range(0, len(rows), chunk):
            sink.write(_sink_columns(rows[start : start + chunk]))
        sink.write(_sink_columns([]))  # a chunk without rows
        sink.close()
        sink.write_xpt()
    finally:
        sink.discard()
    cells = [
        ["" if x is None else adam._number_text(x), t, i, "" if d is None else d.isoformat()] for x, t, i, d in rows
    ]
    assert (tmp_path / "test.csv").read_bytes() == _csv_writer([["X", "T", "ID", "D"], *cells])
    frame, meta = pyreadstat.read_xport(str(tmp_path / "test.xpt"))
    assert meta.variable_storage_width == {"X": 8, "T": max(len(r[1].encode()) for r in rows), "ID": 5, "D": 8}
    assert [None if math.isnan(x) else x for x in frame["X"]] == [r[0] for r in rows]
    assert list(frame["T"]) == [r[1].rstrip(" ") for r in rows]  # blank-padded, the blanks not read back
    assert list(frame["ID"]) == [r[2] for r in rows]
    assert [None if d != d else d for d in frame["D"]] == [r[3] for r in rows]  # NaT (missing) is not itself
    assert not list(tmp_path.glob(".*"))  # the spill is gone
