"""The patient register: which patients the list shows, in which order, and their rows on demand.

Everything here reads the derived tables (persistence/summaries.py: one summary row and a next-due
timeline per patient), never the visits: searching, filtering by what is due and sorting a
50,000-patient clinic are single indexed queries, and only the rows on screen are built.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, select

from ..domain.records import INDEX_DISEASES
from ..forms.imwg import age_in_completed_years
from ..persistence.repositories import first_column
from ..persistence.tables import Patient, PatientDue, PatientSummary
from ..persistence.uow import UnitOfWork

SORT_KEYS = ("study_id", "name", "age", "index_disease", "last_visit", "imwg", "next_due")
_CATEGORY_ORDER = {"fit": 0, "intermediate": 1, "frail": 2}


@dataclass(frozen=True)
class PatientRow:
    study_id: str
    name: str | None
    age: int
    index_disease: str | None  # in words
    last_visit: date | None
    imwg_score: int | None  # of the latest visit with a complete IMWG score
    imwg_category: str | None
    next_timepoint: str | None
    next_status: str | None  # due, overdue, upcoming, unknown
    next_date: date | None
    open_draft: bool


@dataclass(frozen=True)
class RegisterQuery:
    search: str = ""  # part of the study ID or the name, any case
    only: tuple[str, ...] = ()  # keep patients whose next timepoint has one of these statuses
    sort: str = "study_id"  # one of SORT_KEYS; ties are broken by study ID
    descending: bool = False  # patients without a value (no visit yet, say) stay last either way


def _due_today(today: date) -> Any:
    return and_(PatientDue.patient_id == Patient.id, PatientDue.starts <= today, PatientDue.ends > today)


def _order(query: RegisterQuery) -> list[Any]:
    if query.sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {query.sort!r}")
    key: Any = {
        "study_id": Patient.study_id,
        "name": PatientSummary.name_key,
        "age": Patient.birth_date,  # older first when ascending by age: sorted on the birth date reversed
        "index_disease": case(INDEX_DISEASES, value=Patient.index_disease, else_=Patient.index_disease),
        "last_visit": PatientSummary.last_visit,
        "imwg": case(_CATEGORY_ORDER, value=PatientSummary.imwg_category, else_=None),
        "next_due": PatientDue.due,
    }[query.sort]
    descending = query.descending != (query.sort == "age")
    return [
        key.is_(None),
        key.desc() if descending else key.asc(),
        Patient.study_id.desc() if query.descending else Patient.study_id.asc(),
    ]


def _needs(query: RegisterQuery) -> tuple[bool, bool]:
    """(join the summaries?, join today's next-due row?) — the plain register needs neither."""
    summary = bool(query.search) or query.sort in ("name", "last_visit", "imwg")
    return summary, bool(query.only) or query.sort == "next_due"


def patient_ids(uow: UnitOfWork, today: date, query: RegisterQuery = RegisterQuery()) -> list[int]:  # noqa: B008
    """The ids of the patients the list shows, in its order (one query, however many patients)."""
    summary, due = _needs(query)
    stmt: Select[Any] = select(Patient.id)
    if summary:
        stmt = stmt.outerjoin(PatientSummary, PatientSummary.patient_id == Patient.id)
    if due:
        stmt = stmt.outerjoin(PatientDue, _due_today(today))
    if query.search.strip():
        stmt = stmt.where(PatientSummary.search_key.contains(query.search.strip().casefold(), autoescape=True))
    if query.only:
        stmt = stmt.where(PatientDue.status.in_(query.only))
    return first_column(uow.session, stmt.order_by(*_order(query)))


def patient_count(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(select(func.count()).select_from(Patient)) or 0)


def rows_for(uow: UnitOfWork, ids: Sequence[int], today: date) -> list[PatientRow]:
    """The rows of these patients, in the order given (the rows on screen); an id that is no longer
    in the store is left out."""
    by_id = rows_by_id(uow, ids, today)
    return [by_id[i] for i in ids if i in by_id]


def rows_by_id(uow: UnitOfWork, ids: Sequence[int], today: date) -> dict[int, PatientRow]:
    """The rows of these patients by id (what the list's model caches)."""
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
    return {r.id: _row(r, today) for r in uow.session.execute(stmt)}


def patient_rows(uow: UnitOfWork, today: date, query: RegisterQuery = RegisterQuery()) -> list[PatientRow]:  # noqa: B008
    """Every row at once (command line, tests and small clinics); the window fetches rows on demand."""
    ids = patient_ids(uow, today, query)
    return [row for start in range(0, len(ids), 500) for row in rows_for(uow, ids[start : start + 500], today)]


def _row(r: Any, today: date) -> PatientRow:
    return PatientRow(
        study_id=r.study_id,
        name=r.name,
        age=age_in_completed_years(r.birth_date, today),
        index_disease=INDEX_DISEASES.get(r.index_disease or "", r.index_disease),
        last_visit=r.last_visit,
        imwg_score=r.imwg_score,
        imwg_category=r.imwg_category,
        next_timepoint=r.label,
        next_status=r.status,
        next_date=r.due,
        open_draft=bool(r.open_draft),
    )
