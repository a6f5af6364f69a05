"""The clinic-scale paths of issue 8 give the same results as the plain ones: the dataset streamed in chunks of
patients equals the whole frame with a bounded number of queries; the export is written chunk by chunk, byte
for byte what pandas writes; XLSX refuses more rows than a sheet holds; the cohort summary agrees with the
history documents and its overdue list with forms.schedule patient by patient, on demo data and two schedules."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import event

from cga_desk.demo.load import load_demo
from cga_desk.domain.records import PatientInput
from cga_desk.forms.schedule import ScheduleDefinition, TimepointRule
from cga_desk.interop import export
from cga_desk.interop.export import Chunks, ExportError, write_export
from cga_desk.persistence.database import Database
from cga_desk.persistence.tables import Patient
from cga_desk.services import dataset, patients, schedules, visits
from cga_desk.services.cohort import cohort_summary
from cga_desk.services.dataset import CohortFilter, analysis_chunks, analysis_frame, codebook_frame, dataset_columns
from cga_desk.services.exporting import export_dataset
from cga_desk.services.history import history_document, patient_history
from tests.conftest import VECTORS
from tests.integration.test_cohort import AS_HISTORY, assert_agrees
from tests.integration.test_dataset_export import import_vectors
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, TODAY


def twelve_patients(db: Database) -> None:
    import_vectors(db)
    import_vectors(db, (VECTORS / "visits.jsonl").read_text().replace('"DEMO-', '"MORE-'))


@contextmanager
def selects(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731 - (conn, cursor, statement, ...)
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
        statements[:] = [s for s in statements if s.lstrip().upper().startswith("SELECT")]


@pytest.mark.parametrize(
    "filters", [None, CohortFilter(date_from=date(2024, 6, 1), timepoints=("End of induction", "Follow-up month 12"))]
)
def test_chunks_make_the_whole_dataset_with_two_queries_a_chunk(db: Database, filters: CohortFilter | None) -> None:
    twelve_patients(db)
    with db.unit_of_work(write=False) as uow:
        whole = analysis_frame(uow, DOCTOR, filters)
    with selects(db) as statements, db.unit_of_work(write=False) as uow:
        chunks = list(analysis_chunks(uow, filters, chunk_patients=5))
    assert 1 < len(chunks) <= 3 and all(c["patient_id"].nunique() <= 5 for c in chunks)  # empty chunks left out
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), whole)
    assert len(statements) == 1 + 2 * 3  # the patients, then visits and answers for each chunk of five


def test_the_export_is_streamed_and_equals_pandas_writing_the_whole_frame(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    twelve_patients(db)
    whole = export_dataset(db.unit_of_work, DOCTOR, tmp_path / "whole.csv")
    monkeypatch.setattr(dataset, "CHUNK_PATIENTS", 2)
    streamed = export_dataset(db.unit_of_work, DOCTOR, tmp_path / "streamed.csv")
    with db.unit_of_work(write=False) as uow:
        expected = analysis_frame(uow, DOCTOR).to_csv(index=False, na_rep="", lineterminator=os.linesep).encode()
    assert (tmp_path / "streamed.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes() == expected
    assert (streamed.rows, streamed.patients) == (whole.rows, whole.patients) == (50, 12)


def test_each_chunk_is_written_before_the_next_is_read(tmp_path: Path) -> None:
    frame = pd.DataFrame({"patient_id": ["A", "B", "C"], "katz_adl": pd.array([6, None, 4], dtype="Int64")})
    written: list[int] = []

    def chunks() -> Iterator[pd.DataFrame]:
        for i in range(len(frame)):
            part = next(tmp_path.glob(".cga.csv.*.part"))  # the temporary file being written
            written.append(len(part.read_text().splitlines()))
            yield frame.iloc[i : i + 1]

    write_export(Chunks(list(frame.columns), chunks()), codebook_frame(), tmp_path / "cga.csv", "csv")
    assert written == [1, 2, 3]  # the header, then one more row before each further chunk is asked for
    assert (tmp_path / "cga.csv").read_text() == frame.to_csv(index=False, na_rep="")


TRICKY = pd.DataFrame(
    {
        "text": [
            "plain",
            "comma, inside",
            'a "quote"',
            "line\nbreak",
            "carriage\rreturn",
            "=SUM(A1)",
            "",
            None,
            "Müller-Łukasiewicz",
            " spaced ",
        ],
        "small": pd.array([0, -3, None, 6, 8, None, 37, 1, 2, 5], dtype="Int64"),
        "large": pd.array([10**9, -1, None, 123456, 0, 7, 8, 9, 10, 11], dtype="Int64"),
        "plain_int": list(range(10)),
        "day": [date(2024, 2, 29), None, date(1949, 5, 2)] + [date(2026, 11, 24)] * 7,
    }
)


@pytest.mark.parametrize("rows_per_chunk", [10, 3, 1])
def test_the_csv_writer_writes_what_pandas_writes(tmp_path: Path, rows_per_chunk: int) -> None:
    frames = (TRICKY.iloc[i : i + rows_per_chunk] for i in range(0, len(TRICKY), rows_per_chunk))
    frames = list(frames)
    write_export(Chunks(list(TRICKY.columns), iter(frames)), codebook_frame(), tmp_path / "cga.csv", "csv")
    neutral = export.neutralise_frame(TRICKY)  # "=SUM(A1)" -> "'=SUM(A1)", "\r..." as it was (not leading)
    assert neutral["text"][5] == "'=SUM(A1)" and neutral["text"][4] == "carriage\rreturn"
    expected = neutral.to_csv(index=False, na_rep="", encoding="utf-8", lineterminator=os.linesep)
    assert (tmp_path / "cga.csv").read_bytes() == expected.encode("utf-8")
    write_export(Chunks(list(TRICKY.columns), iter(frames)), codebook_frame(), tmp_path / "raw.csv", "csv", exact=True)
    raw = TRICKY.to_csv(index=False, na_rep="", encoding="utf-8", lineterminator=os.linesep)
    assert (tmp_path / "raw.csv").read_bytes() == raw.encode("utf-8")
    floats = TRICKY.assign(ratio=[0.5, None, 1.25, 3.0, 1e-7, 2.0, 0.0, -1.5, 7.0, 8.0])  # not a dataset dtype
    write_export(floats, codebook_frame(), tmp_path / "floats.csv", "csv")
    expected = export.neutralise_frame(floats).to_csv(index=False, na_rep="").encode("utf-8")
    assert (tmp_path / "floats.csv").read_bytes() == expected


def test_xlsx_refuses_more_rows_than_a_sheet_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "XLSX_MAX_ROWS", 9)
    with pytest.raises(ExportError, match="too many for an Excel sheet. Export CSV instead"):
        write_export(
            Chunks(list(TRICKY.columns), iter([TRICKY.iloc[:5], TRICKY.iloc[5:]])),
            codebook_frame(),
            tmp_path / "cga.xlsx",
            "xlsx",
        )
    assert list(tmp_path.iterdir()) == []
    assert write_export(TRICKY.iloc[:9], codebook_frame(), tmp_path / "cga.xlsx", "xlsx") == (tmp_path / "cga.xlsx",)


MONTHLY = ScheduleDefinition(
    "Monthly",
    "a second protocol",
    (
        TimepointRule("Entry", "diagnosis", 0, 7),
        TimepointRule("Month {month}", "induction_start", 0, 10, 1, 18),
    ),
)


def _on_monthly_schedule(db: Database, study_ids: list[str]) -> None:
    with db.unit_of_work() as uow:
        schedules.save_schedule(uow, MONTHLY)
        uow.commit()
    with db.unit_of_work() as uow:
        monthly = uow.schedules.by_name("Monthly")
        assert monthly is not None
        for p in uow.session.query(Patient).filter(Patient.study_id.in_(study_ids)):
            p.schedule_id = monthly.id
        uow.commit()


def _more_patients(db: Database) -> None:
    """Patients the demo does not make: no diagnosis date, a milestone but no visit, an early visit."""
    for study_id, diagnosed in (("X-1", None), ("X-2", date(2026, 2, 1)), ("X-3", date(2025, 12, 31))):
        with db.unit_of_work() as uow:
            patients.register_patient(
                uow,
                NURSE_USER,
                PatientInput(
                    study_id,
                    date(1950, 1, 31),
                    f"Name {study_id}",
                    index_disease="multiple_myeloma",
                    diagnosis_date=diagnosed,
                ),
                TODAY,
            )
    with db.unit_of_work() as uow:
        patients.add_milestone(uow, NURSE_USER, "X-1", "induction_start", date(2026, 3, 31))
        patients.add_milestone(uow, NURSE_USER, "X-3", "induction_start", date(2026, 1, 31))
    with db.unit_of_work() as uow:
        visits.start_visit(uow, NURSE_USER, "X-3", date(2026, 2, 1), "Month 2", "patient", today=TODAY)


def _reference_overdue(db: Database, keep: Callable[[str, Any], bool]) -> list[tuple[Any, ...]]:
    with db.unit_of_work(write=False) as uow:
        people = sorted(uow.session.query(Patient.study_id, Patient.name))
        return [
            (sid, name, s.label, s.due, (TODAY - s.due).days)
            for sid, name in people
            for s in schedules.timepoint_statuses(uow, NURSE_USER, sid, TODAY)
            if s.status == "overdue" and s.due is not None and keep(sid, s)
        ]


def test_summary_and_overdue_agree_with_one_patient_at_a_time(db: Database) -> None:
    load_demo(db.unit_of_work, ADMIN_USER, TODAY, n_patients=10, seed=8)
    _more_patients(db)
    _on_monthly_schedule(db, ["DEMO-P002", "DEMO-P005", "X-1", "X-3"])
    with db.unit_of_work(write=False) as uow:
        ids = [sid for (sid,) in uow.session.query(Patient.study_id)]
        docs = {sid: history_document(patient_history(uow, NURSE_USER, sid)) for sid in sorted(ids)}
        everything = cohort_summary(uow, NURSE_USER, None, TODAY, AS_HISTORY)  # the history documents' rule
        followups = cohort_summary(
            uow, NURSE_USER, CohortFilter(timepoints=("Follow-up month 12", "Month 18")), TODAY, AS_HISTORY
        )
        by_ada = cohort_summary(uow, NURSE_USER, CohortFilter(assessor=NURSE_USER.name), TODAY, AS_HISTORY)
        ada_rows = analysis_frame(uow, DOCTOR, CohortFilter(assessor=NURSE_USER.name))
    assert (by_ada.n_patients, by_ada.n_visits, list(by_ada.categories.index)) == (1, 1, ["Month 2"])
    assert list(zip(ada_rows["patient_id"], ada_rows["timepoint"])) == [("X-3", "Month 2")]
    assert_agrees(everything, docs, lambda pid, v: True)
    got = [(o.study_id, o.name, o.timepoint, o.due, o.days_overdue) for o in everything.overdue]
    assert got == _reference_overdue(db, lambda sid, s: True) and len(got) >= 3
    labels = ("Follow-up month 12", "Month 18")
    wanted = [(r[0], r[2]) for r in _reference_overdue(db, lambda sid, s: s.label in labels)]
    assert [(o.study_id, o.timepoint) for o in followups.overdue] == wanted and len(wanted) >= 2
    assert {"DEMO-P002", "DEMO-P005"} <= {o.study_id for o in everything.overdue}  # on the second schedule


def test_an_empty_clinic(db: Database, tmp_path: Path) -> None:
    with db.unit_of_work(write=False) as uow:
        summary = cohort_summary(uow, NURSE_USER, None, TODAY)
        assert list(analysis_chunks(uow)) == []
    assert (summary.n_patients, summary.n_visits, summary.worklist, summary.overdue) == (0, 0, [], [])
    assert summary.categories.empty and summary.mean_change.empty
    result = export_dataset(db.unit_of_work, DOCTOR, tmp_path / "none.csv")
    assert (tmp_path / "none.csv").read_text().strip() == ",".join(dataset_columns()) and result.rows == 0


def test_forgetting_decoded_answers_changes_nothing(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    twelve_patients(db)
    with db.unit_of_work(write=False) as uow:
        whole = analysis_frame(uow, DOCTOR)
        monkeypatch.setattr(dataset._ItemDecoder, "MEMO_TEXTS", 3)  # forgotten before nearly every chunk
        forgetful = pd.concat(analysis_chunks(uow, chunk_patients=2), ignore_index=True)
    pd.testing.assert_frame_equal(forgetful, whole)
