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

from ..domain import access
from ..domain.records import INDEX_DISEASES, User
from ..forms.imwg import age_in_completed_years
from ..persistence import register_queries as q
from ..persistence.uow import UnitOfWork

SORT_KEYS = q.SORT_KEYS


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


def patient_ids(uow: UnitOfWork, by: User, today: date, query: RegisterQuery = RegisterQuery()) -> list[int]:  # noqa: B008
    """The ids of the patients the list shows, in its order (one query, however many patients)."""
    access.require(by, access.READ)
    search = query.search.strip().casefold()
    return q.register_ids(uow.session, today, search, query.only, query.sort, query.descending)


def patient_count(uow: UnitOfWork, by: User) -> int:
    access.require(by, access.READ)
    return q.patient_count(uow.session)


def rows_for(uow: UnitOfWork, by: User, ids: Sequence[int], today: date) -> list[PatientRow]:
    """The rows of these patients, in the order given (the rows on screen); an id that is no longer
    in the store is left out."""
    by_id = rows_by_id(uow, by, ids, today)
    return [by_id[i] for i in ids if i in by_id]


def rows_by_id(uow: UnitOfWork, by: User, ids: Sequence[int], today: date) -> dict[int, PatientRow]:
    """The rows of these patients by id (what the list's model caches)."""
    access.require(by, access.READ)
    return {r.id: _row(r, today) for r in q.register_rows(uow.session, ids, today)}


def patient_rows(uow: UnitOfWork, by: User, today: date, query: RegisterQuery = RegisterQuery()) -> list[PatientRow]:  # noqa: B008
    """Every row at once (command line, tests and small clinics); the window fetches rows on demand."""
    ids = patient_ids(uow, by, today, query)
    return [row for start in range(0, len(ids), 500) for row in rows_for(uow, by, ids[start : start + 500], today)]


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
