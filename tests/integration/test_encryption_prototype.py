"""SQLCipher behind the engine (issue 15, item 4), with a raw key and no key file: the whole program runs on
an encrypted file that the standard sqlite3 module (and so the `sqlite3` tool) cannot read, nor its WAL; a
wrong key opens nothing. The key file, sign-in and recovery: tests/integration/test_encryption.py."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from cga_desk.app import open_store
from cga_desk.demo.load import load_demo
from cga_desk.services import audit
from cga_desk.services.clinic import Clinic
from tests.store_fixtures import ADMIN_USER, NURSE_USER, TODAY

KEY = bytes(range(32))


def test_an_encrypted_database_works_and_is_unreadable_without_its_key(tmp_path: Path) -> None:
    path = tmp_path / "secret.sqlite3"
    db = open_store(str(path), key=KEY)
    try:
        load_demo(db.unit_of_work, ADMIN_USER, TODAY, n_patients=2, seed=3)  # demo data: an admin's right
        with db.unit_of_work(write=False) as uow:
            assert audit.verify(uow).ok
        names = [r.name for r in Clinic(db, NURSE_USER, today=lambda: TODAY).patient_rows()]
        assert len(names) == 2
        wal = path.with_name(path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # still open: part of the data is in the WAL
        for file in (path, wal):
            content = file.read_bytes()
            assert b"SQLite format 3" not in content[:16]
            assert not any(name.encode() in content for name in names if name)  # no name in clear
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            with sqlite3.connect(path) as plain:
                plain.execute("SELECT count(*) FROM patients").fetchone()
    finally:
        db.close()
    from cga_desk.persistence.uow import StorageError

    with pytest.raises(StorageError, match="file is not a database"):
        open_store(str(path), key=bytes(32))  # the wrong key
    again = open_store(str(path), key=KEY)
    try:
        with again.unit_of_work(write=False) as uow:
            assert uow.patients.count() == 2
    finally:
        again.close()


@pytest.mark.skipif(os.environ.get("CGA_BENCH") is None, reason="a timing, for the report: CGA_BENCH=1")
def test_the_cost_of_encryption_on_saving_an_answer(tmp_path: Path) -> None:  # pragma: no cover - a measurement
    from cga_desk.domain.records import PatientInput

    timings = {}
    for label, key in (("plain", None), ("encrypted", KEY)):
        db = open_store(str(tmp_path / f"{label}.sqlite3"), key=key)
        clinic = Clinic(db, NURSE_USER, today=lambda: TODAY)
        clinic.register_patient(PatientInput("P-1", TODAY.replace(year=1944), "Zoë"))
        visit = clinic.start_visit("P-1", TODAY, "Baseline")
        runs = []
        for i in range(60):
            t = time.perf_counter()
            clinic.save_answer(visit.id, "katz", "bathing", ("dependent", "independent")[i % 2])
            runs.append(time.perf_counter() - t)
        timings[label] = sorted(runs)[len(runs) // 2]
        db.close()
    print({k: f"{v * 1000:.2f} ms" for k, v in timings.items()})
