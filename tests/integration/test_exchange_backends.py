"""Every exchange format from SQLite and from PostgreSQL (when CGA_TEST_POSTGRES_URL is set), through the
service the CLI and the window call: written whole, valid, audited; and the REDCap round trip in-process."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cga_desk.app import open_store
from cga_desk.interop.jsonl import read_jsonl
from cga_desk.interop.redcap import check_dictionary, read_redcap
from cga_desk.persistence.database import Database
from cga_desk.services.audit import full_trail
from cga_desk.services.exporting import export_dataset
from cga_desk.services.history import history_document, patient_history
from cga_desk.services.importing import import_records
from cga_desk.services.redcap_import import import_redcap
from tests.conftest import VECTORS
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, TODAY


def _load(db: Database) -> list[str]:
    with db.unit_of_work() as uow:
        lines = read_jsonl(io.StringIO((VECTORS / "visits.jsonl").read_text()))
        import_records(uow, ADMIN_USER, lines, today=TODAY)  # importing is an administrator's right
    with db.unit_of_work(write=False) as uow:
        return sorted(p.study_id for p in uow.patients.all())


def _histories(db: Database, ids: list[str]) -> dict[str, dict]:
    with db.unit_of_work(write=False) as uow:
        return {sid: history_document(patient_history(uow, ADMIN_USER, sid)) for sid in ids}


def test_every_format_is_written_valid_and_audited(db: Database, tmp_path: Path) -> None:
    import pyreadstat
    from fhir.resources.R4B import get_fhir_model_class
    from lxml import etree

    ids = _load(db)
    progress: list[int] = []
    results = {
        fmt: export_dataset(db.unit_of_work, DOCTOR, tmp_path / name, fmt, progress=progress.append)
        for fmt, name in (("adam", "adam"), ("redcap", "redcap"), ("fhir", "b.json"), ("odm", "s.xml"))
    }
    assert all(r.patients == 6 and r.rows == 25 for r in results.values())
    assert progress[-1] == 6 and progress.count(6) == 4  # one call per patient, per format
    assert not list(tmp_path.glob(".*"))  # no temporary file or folder left behind
    frame, _ = pyreadstat.read_xport(str(tmp_path / "adam" / "adqs.xpt"))
    assert set(frame["USUBJID"]) == set(ids)
    bundle = json.loads((tmp_path / "b.json").read_text())
    get_fhir_model_class("Bundle").model_validate(bundle)
    schema = etree.XMLSchema(etree.parse(str(VECTORS / "odm" / "ODM1-3-2.xsd")))
    assert schema.validate(etree.parse(str(tmp_path / "s.xml"))), schema.error_log
    with db.unit_of_work(write=False) as uow:
        exports = [e for e in full_trail(uow, ADMIN_USER) if e.action == "export"]
    assert sorted(e.entity_id.split(":")[0] for e in exports) == ["adam", "fhir", "odm", "redcap"]
    assert all(e.new_value == "25" for e in exports)

    copy = open_store(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    try:
        with open(tmp_path / "redcap" / "data_dictionary.csv", newline="") as stream:
            check_dictionary(stream)
        with open(tmp_path / "redcap" / "data.csv", newline="") as stream, copy.unit_of_work() as uow:
            import_redcap(uow, ADMIN_USER, list(read_redcap(stream)))
        assert _histories(copy, ids) == _histories(db, ids)
    finally:
        copy.close()


def test_a_failed_export_leaves_the_previous_one(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cga_desk.interop import redcap
    from cga_desk.interop.export import ExportError

    _load(db)
    out = tmp_path / "redcap"
    export_dataset(db.unit_of_work, DOCTOR, out, "redcap")
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(redcap, "write_redcap", full_disk)
    with pytest.raises(ExportError, match="disk is full"):
        export_dataset(db.unit_of_work, DOCTOR, out, "redcap")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(tmp_path.glob(".redcap*"))  # nor a temporary folder


@pytest.mark.parametrize("failing_write", [1, 3])
def test_a_disk_filling_under_the_adam_writer_thread_fails_the_export_plainly(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_write: int
) -> None:
    """The ADaM export writes each chunk's bytes on a second thread (interop/writing.py). A write that
    fails there (a full disk) fails the export as the main thread's would: the plain message, the
    previous export left whole, no temporary folder or spill, no writer thread left running."""
    import threading

    from cga_desk.interop import adam
    from cga_desk.interop.export import ExportError

    _load(db)
    out = tmp_path / "adam"
    export_dataset(db.unit_of_work, DOCTOR, out, "adam")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    writes = 0
    real = adam._DatasetSink._write_chunk

    def filling(self: adam._DatasetSink, text: str, spill: list[object]) -> None:
        nonlocal writes
        writes += 1
        if writes == failing_write:
            raise OSError(28, "No space left on device")
        real(self, text, spill)

    monkeypatch.setattr(adam, "CHUNK_VISITS", 2)  # several chunks, so the failure meets one under way
    monkeypatch.setattr(adam._DatasetSink, "_write_chunk", filling)
    with pytest.raises(ExportError, match="disk is full"):
        export_dataset(db.unit_of_work, DOCTOR, out, "adam")
    assert writes >= failing_write
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".")]  # no temporary folder, no spill
    assert not [t for t in threading.enumerate() if t.name.startswith(("adqs-io", "adsl-io"))]


def test_a_folder_with_other_files_is_never_replaced(db: Database, tmp_path: Path) -> None:
    from cga_desk.interop.export import ExportError

    _load(db)
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "thesis.docx").write_text("years of work")
    with pytest.raises(ExportError, match="holds other files"):
        export_dataset(db.unit_of_work, DOCTOR, mine, "adam")
    assert sorted(p.name for p in mine.iterdir()) == ["thesis.docx"]
    empty = tmp_path / "empty"
    empty.mkdir()
    export_dataset(db.unit_of_work, DOCTOR, empty, "adam")  # an empty folder is fine, and so is a re-export
    export_dataset(db.unit_of_work, DOCTOR, empty, "adam")
    assert sorted(p.name for p in empty.iterdir()) == ["adqs.csv", "adqs.xpt", "adsl.csv", "adsl.xpt", "define.csv"]


def test_exchange_needs_the_right_role(db: Database, tmp_path: Path) -> None:
    """Exporting is a physician's or an administrator's right, a REDCap import an administrator's only:
    a nurse is refused before anything is written, a physician may export but not import."""
    from cga_desk.domain.errors import PermissionDenied

    _load(db)
    with pytest.raises(PermissionDenied):
        export_dataset(db.unit_of_work, NURSE_USER, tmp_path / "redcap", "redcap")
    assert not (tmp_path / "redcap").exists()
    export_dataset(db.unit_of_work, DOCTOR, tmp_path / "redcap", "redcap")
    copy = open_store(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    try:
        for who in (NURSE_USER, DOCTOR):
            with open(tmp_path / "redcap" / "data.csv", newline="") as stream, copy.unit_of_work() as uow:
                with pytest.raises(PermissionDenied):
                    import_redcap(uow, who, list(read_redcap(stream)))
        with copy.unit_of_work(write=False) as uow:
            assert uow.patients.all() == []
    finally:
        copy.close()


def test_redcap_round_trip_recreates_verified_signatures(db_url: str, db: Database, tmp_path: Path) -> None:
    """On each backend, with its own guards on signed visits: visits signed by a physician come back from
    REDCap signed, their signature rows recreated and verified, every history document as it was."""
    from cga_desk.services.visits import sign_visits
    from tests.store_fixtures import PASSWORD, create_postgres_database, drop_postgres_database

    ids = _load(db)
    with db.unit_of_work(write=False) as uow:
        rows = [r.visit for sid in ids for r in patient_history(uow, ADMIN_USER, sid).rows]
    complete = [v.id for v in rows if v.status == "complete"]
    assert len(complete) >= 5
    with db.unit_of_work() as uow:
        sign_visits(uow, DOCTOR, complete, PASSWORD, "Reviewed")
    export_dataset(db.unit_of_work, DOCTOR, tmp_path / "redcap", "redcap")
    copy_url = f"sqlite:///{tmp_path / 'copy.sqlite3'}" if db_url.startswith("sqlite") else create_postgres_database()
    copy = open_store(copy_url)
    try:
        with open(tmp_path / "redcap" / "data.csv", newline="") as stream, copy.unit_of_work() as uow:
            import_redcap(uow, ADMIN_USER, list(read_redcap(stream)))
        before, after = _histories(db, ids), _histories(copy, ids)
        assert after == before
        signed = [v["signature"] for h in after.values() for v in h["visits"] if "signature" in v]
        assert len(signed) == len(complete)
        assert all(
            s["valid"] is True and s["meaning"] == "Reviewed" and s["full_name"] == DOCTOR.full_name for s in signed
        )
    finally:
        copy.close()
        if not copy_url.startswith("sqlite"):
            drop_postgres_database(copy_url)
