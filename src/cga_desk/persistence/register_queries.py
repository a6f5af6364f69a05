"""The patient register's queries over the derived tables (summaries.py): ids in list order, counts, rows.

Searching, filtering by what is due and sorting a 50,000-patient clinic are single indexed queries;
services/register.py turns the rows into PatientRow records. No business rules here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row, Select, and_, case, func, select
from sqlalchemy.orm import Session

from ..domain.records import INDEX_DISEASES
from .repositories import first_column
from .tables import Patient, PatientDue, PatientSummary

SORT_KEYS = ("study_id", "name", "age", "index_disease", "last_visit", "imwg", "next_due")
_CATEGORY_ORDER = {"fit": 0, "intermediate": 1, "frail": 2}


def _due_today(today: date) -> Any:
    return and_(PatientDue.patient_id == Patient.id, PatientDue.starts <= today, PatientDue.ends > today)


def _order(sort: str, descending: bool) -> list[Any]:
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    key: Any = {
        "study_id": Patient.study_id,
        "name": PatientSummary.name_key,
        "age": Patient.birth_date,  # older first when ascending by age: sorted on the birth date reversed
        "index_disease": case(INDEX_DISEASES, value=Patient.index_disease, else_=Patient.index_disease),
        "last_visit": PatientSummary.last_visit,
        "imwg": case(_CATEGORY_ORDER, value=PatientSummary.imwg_category, else_=None),
        "next_due": PatientDue.due,
    }[sort]
    key_descending = descending != (sort == "age")
    return [
        key.is_(None),
        key.desc() if key_descending else key.asc(),
        Patient.study_id.desc() if descending else Patient.study_id.asc(),
    ]


def register_ids(
    session: Session, today: date, search: str, only: Sequence[str], sort: str, descending: bool
) -> list[int]:
    """Ids in list order (one query): `search` a casefolded part of the ID or name, `only` the next-due
    statuses to keep; the summaries and today's next-due row are joined only when the query needs them."""
    summary = bool(search) or sort in ("name", "last_visit", "imwg")
    due = bool(only) or sort == "next_due"
    stmt: Select[Any] = select(Patient.id).where(Patient.registered_in_error.is_(False))
    if summary:
        stmt = stmt.outerjoin(PatientSummary, PatientSummary.patient_id == Patient.id)
    if due:
        stmt = stmt.outerjoin(PatientDue, _due_today(today))
    if search:
        stmt = stmt.where(PatientSummary.search_key.contains(search, autoescape=True))
    if only:
        stmt = stmt.where(PatientDue.status.in_(only))
    return first_column(session, stmt.order_by(*_order(sort, descending)))


def patient_count(session: Session) -> int:
    in_register = select(func.count()).select_from(Patient).where(Patient.registered_in_error.is_(False))
    return int(session.scalar(in_register) or 0)


def register_rows(session: Session, ids: Sequence[int], today: date) -> Sequence[Row[Any]]:
    """One row per patient id still in the store: identity, summary and today's next-due columns."""
    stmt = (
        select(
            Patient.id,
            Patient.study_id,
            Patient.name,
            Patient.birth_date,
            Patient.index_disease,
            PatientSummary.last_visit,
            PatientSummary.imwg_score,
            PatientSummary.imwg_category,
            PatientSummary.open_draft,
            PatientDue.label,
            PatientDue.due,
            PatientDue.status,
        )
        .outerjoin(PatientSummary, PatientSummary.patient_id == Patient.id)
        .outerjoin(PatientDue, _due_today(today))
        .where(Patient.id.in_(ids))
    )
    return session.execute(stmt).all()


def any_study_id_starting(session: Session, prefix: str) -> bool:
    """True when some patient's study ID starts with `prefix` (taken as text: % and _ match themselves)."""
    stmt = select(Patient.study_id).where(Patient.study_id.startswith(prefix, autoescape=True)).limit(1)
    return session.scalar(stmt) is not None
