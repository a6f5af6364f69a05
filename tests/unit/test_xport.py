"""The streamed SAS transport writer (interop/xport.py) reads back with pyreadstat, value for value."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from cga_desk.interop.xport import XptVariable, XptWriter, ibm_double


def test_round_trip_through_pyreadstat(tmp_path: Path) -> None:
    pyreadstat = pytest.importorskip("pyreadstat")
    variables = [
        XptVariable("NUM", "a number", True, 8),
        XptVariable("TXT", "some text", False, 6),
        XptVariable("DT", "a date", True, 8, "DATE", 9),
    ]
    rows = [
        (1.5, "ab", date(2024, 1, 2)),
        (None, "", None),
        (-0.25, "hé", date(1950, 3, 1)),
        (123456789, "x", date(1960, 1, 1)),
        (17, "abcdef", date(1959, 12, 31)),
        (0.5, "z", None),
    ]
    with open(tmp_path / "t.xpt", "wb") as out:
        writer = XptWriter(out, "TEST", "a test", variables)
        for row in rows:
            writer.write_row(row)
        writer.close()
    assert (tmp_path / "t.xpt").stat().st_size % 80 == 0
    frame, meta = pyreadstat.read_xport(str(tmp_path / "t.xpt"))
    assert meta.table_name == "TEST" and meta.column_labels == ["a number", "some text", "a date"]
    got = [tuple(None if v != v else v for v in r) for r in frame.itertuples(index=False)]  # NaN -> None
    expected = [(None if n is None else float(n), t, d) for n, t, d in rows]
    assert [(g[0], g[1]) for g in got] == [(e[0], e[1]) for e in expected]
    assert [g[2] for g in got] == [e[2] for e in expected]


def test_ibm_double_known_values() -> None:
    assert ibm_double(1.0) == bytes.fromhex("4110000000000000")
    assert ibm_double(-118.625) == bytes.fromhex("C276A00000000000")
    assert ibm_double(0.0) == bytes(8)


def test_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        XptWriter(io.BytesIO(), "T", "t", [XptVariable("TOOLONGNAME", "x", True, 8)])
    with pytest.raises(ValueError):
        XptWriter(io.BytesIO(), "T", "t", [XptVariable("A", "x" * 41, True, 8)])
