"""Set-based reads for the analysis dataset and the cohort summary: one query per table, never per patient.

The large reads (a million visits at clinic scale) come as batches of plain tuples (`_batches`), so
that the Python objects of only one batch are alive at a time. From SQLite they come straight from
the driver's cursor: SQLAlchemy's Row objects and type conversion would cost more than the query
itself. From PostgreSQL through a server-side cursor (no result held whole by the client). Values
are what the driver returns: dates as ISO text (SQLite) or date objects (psycopg), booleans as 0/1
(SQLite) or bool, JSON as its text (cast in SQL, so both drivers give text).
"""

from __future__ import annotations

import typing
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Text, bindparam, cast, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from .tables import Milestone, Patient, Visit, VisitInstrument, VisitScore

BATCH_ROWS = 50_000
# Every stored score of visit_scores (the spec's scores and, from the registry, appended instruments' columns).
SCORE_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in VisitScore.__table__.columns if c.name not in ("visit_id", "scoring_version", "result")
)
# A mapped attribute (Visit.id) or any column expression: what select() and .in_() accept.
Column = ColumnElement[Any] | InstrumentedAttribute[Any]
VISIT_COLUMNS: dict[str, Column] = {
    "visit_id": Visit.id,
    "patient_id": Visit.patient_id,
    "visit_date": Visit.visit_date,
    "timepoint": Visit.timepoint,
    "status": Visit.status,
    "is_baseline": Visit.is_baseline,
    "assessor": Visit.assessor,
    "respondent": Visit.respondent,
    "scoring_version": VisitScore.scoring_version,
    **{c: getattr(VisitScore, c) for c in SCORE_COLUMNS},
}
PATIENT_COLUMNS: dict[str, Column] = {
    "id": Patient.id,
    "study_id": Patient.study_id,
    "name": Patient.name,
    "birth_date": Patient.birth_date,
    "sex": Patient.sex,
    "index_disease": Patient.index_disease,
    "diagnosis_date": Patient.diagnosis_date,
    "mrn": Patient.mrn,
    "schedule_id": Patient.schedule_id,
}
Batches = Iterator[list[tuple[Any, ...]]]


def _batches(session: Session, stmt: Select[Any], size: int = BATCH_ROWS) -> Batches:
    """The rows of `stmt`, `size` at a time (see the module docstring)."""
    connection = session.connection()
    fetch = _from_cursor if connection.dialect.name == "sqlite" else _server_side
    return fetch(connection, stmt, size)


def _from_cursor(connection: Connection, stmt: Select[Any], size: int) -> Batches:
    """pysqlite steps through the result as it is fetched: the DBAPI cursor's tuples, unconverted."""
    result = connection.execute(stmt)
    try:
        while rows := result.cursor.fetchmany(size):
            yield typing.cast(list[tuple[Any, ...]], rows)  # pysqlite's fetchmany gives a list of tuples
    finally:
        result.close()


def _server_side(connection: Connection, stmt: Select[Any], size: int) -> Batches:
    """A server-side cursor (PostgreSQL): the client holds one batch, not the whole result."""
    result = connection.execute(stmt, execution_options={"stream_results": True, "max_row_buffer": size})
    try:
        while part := result.fetchmany(size):
            yield [tuple(r) for r in part]
    finally:
        result.close()


def _in(column: Column, ids: Sequence[int]) -> ColumnElement[bool]:
    """`column IN (ids)` with the integers written into the SQL: no limit on bound parameters (999 in
    older SQLite builds), and integers cannot inject anything."""
    return column.in_(bindparam("ids", [int(i) for i in ids], expanding=True, literal_execute=True))


def _of_patients(
    stmt: Select[Any], patient_id: Column, index_disease: str | None, study_ids: Sequence[str] | None
) -> Select[Any]:
    """Restrict a statement to the patients chosen by the patient-level filters (a subquery, not a list of
    ids). Patients registered in error are never analysed."""
    chosen = select(Patient.id).where(Patient.registered_in_error.is_(False))
    if index_disease is not None:
        chosen = chosen.where(Patient.index_disease == index_disease)
    if study_ids is not None:
        chosen = chosen.where(Patient.study_id.in_(list(study_ids)))
    return stmt.where(patient_id.in_(chosen))


def patient_rows(
    session: Session, columns: Sequence[str], index_disease: str | None = None, study_ids: Sequence[str] | None = None
) -> Batches:
    """The chosen patients, in no particular order."""
    stmt = select(*(PATIENT_COLUMNS[c] for c in columns))
    return _batches(session, _of_patients(stmt, Patient.id, index_disease, study_ids))


def visit_rows(
    session: Session,
    columns: Sequence[str],
    index_disease: str | None = None,
    study_ids: Sequence[str] | None = None,
    patient_ids: Sequence[int] | None = None,
) -> Batches:
    """Every visit of the chosen patients with its stored scores (outer join: a visit may lack scores),
    in patient, visit date and visit id order (the order forms.change needs on arrays)."""
    stmt = (
        select(*(VISIT_COLUMNS[c] for c in columns))
        .select_from(Visit)
        .outerjoin(VisitScore, VisitScore.visit_id == Visit.id)
        .order_by(Visit.patient_id, Visit.visit_date, Visit.id)
    )
    if patient_ids is not None:
        stmt = stmt.where(_in(Visit.patient_id, patient_ids))
    return _batches(session, _of_patients(stmt, Visit.patient_id, index_disease, study_ids))


def instrument_states(session: Session, patient_ids: Sequence[int]) -> Batches:
    """(visit_id, instrument, answers as JSON text or NULL, form_version, not_assessable_reason) of every
    instrument row of these patients' visits: the item columns and the appended columns in one query."""
    stmt = (
        select(
            VisitInstrument.visit_id,
            VisitInstrument.instrument,
            cast(VisitInstrument.answers, Text),
            VisitInstrument.form_version,
            VisitInstrument.not_assessable_reason,
        )
        .join(Visit, Visit.id == VisitInstrument.visit_id)
        .where(_in(Visit.patient_id, patient_ids))
    )
    return _batches(session, stmt)


def latest_milestones(
    session: Session, index_disease: str | None = None, study_ids: Sequence[str] | None = None
) -> Batches:
    """(patient_id, kind, date of the latest milestone of that kind): the schedule's anchors."""
    stmt = select(Milestone.patient_id, Milestone.kind, func.max(Milestone.date)).group_by(
        Milestone.patient_id, Milestone.kind
    )
    return _batches(session, _of_patients(stmt, Milestone.patient_id, index_disease, study_ids))
