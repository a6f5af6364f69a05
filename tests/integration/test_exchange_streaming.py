"""Issue 19 item 8: the adam and redcap exports stream. The output does not depend on how many patients
are read at a time or how many visits are built and written at a time; the reads go a chunk of patients
at a time, lazily; the SAS transport files assembled from the spilled chunks match their CSVs. On SQLite
and, when CGA_TEST_POSTGRES_URL is set, PostgreSQL (the JSON documents are read as text there too)."""

from __future__ import annotations

import csv
import gc
import io
import re
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from cga_desk.interop import adam
from cga_desk.interop.jsonl import read_jsonl
from cga_desk.interop.model import ExRecord, VisitColumns
from cga_desk.interop.redcap import write_redcap
from cga_desk.persistence.database import Database
from cga_desk.services import exchange
from cga_desk.services.dataset import visit_columns
from cga_desk.services.exchange import DateShift, exchange_records
from cga_desk.services.importing import import_records
from tests.conftest import VECTORS
from tests.store_fixtures import ADMIN_USER, TODAY

_STAMP = re.compile(rb"\d\d[A-Z]{3}\d\d:\d\d:\d\d:\d\d")  # the XPT headers' creation time


def _load(db: Database) -> int:
    with db.unit_of_work() as uow:
        import_records(uow, ADMIN_USER, read_jsonl(io.StringIO((VECTORS / "visits.jsonl").read_text())), today=TODAY)
    with db.unit_of_work(write=False) as uow:
        return len(uow.patients.all())


def _files(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, the XPT files' creation times blanked (the one thing that differs by design)."""
    return {p.name: _STAMP.sub(b"T", p.read_bytes()) for p in sorted(folder.iterdir())}


def _export(db: Database, folder: Path, fmt: str, chunk_patients: int, chunk_visits: int, de: bool) -> dict[str, bytes]:
    folder.mkdir()
    with db.unit_of_work(write=False) as uow:
        if fmt == "adam":
            columns = visit_columns(uow, de, shift=DateShift(b"k" * 32), chunk_patients=chunk_patients)
            adam.write_adam(columns, folder, chunk_visits=chunk_visits)
        else:
            write_redcap(exchange_records(uow, de, chunk_patients=chunk_patients, shift=DateShift(b"k" * 32)), folder)
    return _files(folder)


@pytest.mark.parametrize("fmt", ["adam", "redcap"])
@pytest.mark.parametrize("deidentified", [False, True])
def test_output_does_not_depend_on_the_chunk_sizes(db: Database, tmp_path: Path, fmt: str, deidentified: bool) -> None:
    assert _load(db) == 6
    default = _export(db, tmp_path / "default", fmt, exchange.CHUNK_PATIENTS, adam.CHUNK_VISITS, deidentified)
    assert default["data.csv" if fmt == "redcap" else "adqs.csv"].count(b"\n") > 25  # something was written
    assert not [n for n in default if n.startswith(".")]  # the XPT spill files are gone
    for patients, visits in ((1, 1), (7, 7), (2, 3), (1, 10_000)):
        got = _export(db, tmp_path / f"{patients}-{visits}", fmt, patients, visits, deidentified)
        assert got == default, (patients, visits)


def test_records_are_read_a_chunk_of_patients_at_a_time_and_lazily(db: Database) -> None:
    _load(db)
    selects: list[str] = []

    def count(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "visit_instruments" in statement:
            selects.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with db.unit_of_work(write=False) as uow:
            records = exchange_records(uow, chunk_patients=2)
            first = next(records)
            assert len(selects) == 1  # only the first chunk's instruments were read
            rest = list(records)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert 1 + len(rest) == 6
    assert len(selects) == 3  # six patients, two at a time: one instruments query per chunk
    assert [first.patient.study_id, *(r.patient.study_id for r in rest)] == sorted(
        [first.patient.study_id, *(r.patient.study_id for r in rest)]
    )


def test_the_redcap_writer_holds_one_chunk_of_records_at_a_time(db: Database, tmp_path: Path) -> None:
    """Whenever the writer asks for the next patient's record, the records before the chunk it has just
    written are gone: a million visits' export never holds more than a chunk (here: one patient)."""
    _load(db)
    earlier: list[weakref.ref[ExRecord]] = []
    alive: list[int] = []
    with db.unit_of_work(write=False) as uow:

        def watched() -> Iterator[ExRecord]:
            for record in exchange_records(uow, chunk_patients=1):
                gc.collect()
                alive.append(sum(r() is not None for r in earlier[:-1]))  # all but the one just written
                earlier.append(weakref.ref(record))
                yield record

        write_redcap(watched(), tmp_path)
    assert len(earlier) == 6 and alive == [0] * 6


def test_the_adam_writer_holds_a_few_chunks_of_columns_at_a_time(db: Database, tmp_path: Path) -> None:
    """The same for ADaM's source (services/dataset.visit_columns), read lazily a chunk of patients at a
    time (here: one) on a thread of its own, one chunk ahead of the builder (interop/writing.read_ahead):
    when the next chunk is read, at most three before it are alive (one waiting, one being built, the one
    just built, whose last reference the builder drops as it takes the next); every earlier one is gone,
    and only this chunk's answers have been read."""
    _load(db)
    earlier: list[weakref.ref[VisitColumns]] = []
    alive: list[int] = []
    selects: list[str] = []

    def count(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "visit_instruments" in statement:
            selects.append(statement)

    with db.unit_of_work(write=False) as uow:

        def watched() -> Iterator[VisitColumns]:
            for chunk in visit_columns(uow, chunk_patients=1):
                gc.collect()
                alive.append(sum(r() is not None for r in earlier[:-3]))
                assert len(selects) == len(earlier) + 1  # this chunk's answers read, no later one's
                earlier.append(weakref.ref(chunk))
                yield chunk

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            adam.write_adam(watched(), tmp_path, chunk_visits=1)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
    assert len(earlier) == 6 and alive == [0] * 6


def test_xpt_widths_and_values_match_the_csv(db: Database, tmp_path: Path) -> None:
    """Each text variable of the SAS transport files is as wide as the widest value written in it (not
    the widest parameter, timepoint or code the registry knows), and every value reads back as in the CSV."""
    pyreadstat = pytest.importorskip("pyreadstat")
    _load(db)
    with db.unit_of_work(write=False) as uow:
        adam.write_adam(visit_columns(uow, chunk_patients=4), tmp_path, chunk_visits=3)
    for name, variables in (("adsl", adam.ADSL_VARIABLES), ("adqs", adam.ADQS_VARIABLES)):
        with open(tmp_path / f"{name}.csv", encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
        frame, meta = pyreadstat.read_xport(str(tmp_path / f"{name}.xpt"))
        assert len(frame) == len(rows) > 0
        for v in variables:
            cells = [r[v.name] for r in rows]
            if v.kind == "text":
                widest = max([1, *(len(c.encode("utf-8")) for c in cells)])
                assert meta.variable_storage_width[v.name] == widest, (name, v.name)
                assert [x.rstrip() for x in frame[v.name]] == cells, (name, v.name)
            elif v.kind == "number":
                got = ["" if x != x else x for x in frame[v.name]]  # NaN: empty in the CSV
                assert got == [float(c) if c else "" for c in cells], (name, v.name)
            else:
                got = ["" if x is None or x != x else x.isoformat() for x in frame[v.name]]
                assert got == cells, (name, v.name)
