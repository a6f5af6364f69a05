"""Repositories: the queries the services need, over one Session. No business rules here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session, selectinload

from ..domain.audit_chain import FIELDS, event_hash
from .audit_chain import AUDIT_LOCK_KEY, chain_head
from .tables import AuditEvent, Milestone, Patient, Schedule, Setting, Signature, User, Visit, VisitVersion, utcnow


def first_column(session: Session, stmt: Select[Any]) -> list[Any]:
    """The first column of every row, read from the driver's cursor: for long id lists (the patient
    register's 50,000 ids) SQLAlchemy's per-row result processing costs four times the query."""
    result = session.connection().execute(stmt)
    try:
        return [row[0] for row in result.cursor.fetchall()]
    finally:
        result.close()


_LOCKED = "cga_audit_locked"  # Session.info key: the transaction that holds the chain's advisory lock


class Users:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, name: str) -> User | None:
        return self.s.scalar(select(User).where(User.name == name))

    def all(self) -> Sequence[User]:
        return self.s.scalars(select(User).order_by(User.name)).all()

    def any(self) -> bool:
        return self.s.scalar(select(User.id).limit(1)) is not None

    def add(self, user: User) -> User:
        self.s.add(user)
        self.s.flush()
        return user


class Signatures:
    """Electronic signatures: added, never changed."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, signature: Signature) -> Signature:
        self.s.add(signature)
        self.s.flush()
        return signature

    def current(self, visit_revisions: Sequence[tuple[int, int]]) -> dict[int, Signature]:
        """The signature of each (visit id, revision) given, by visit id (visits not signed are absent)."""
        if not visit_revisions:
            return {}
        wanted = dict(visit_revisions)
        ids = list(wanted)
        found: dict[int, Signature] = {}
        for start in range(0, len(ids), 500):  # bounded IN lists (SQLite's variable limit)
            rows = self.s.scalars(select(Signature).where(Signature.visit_id.in_(ids[start : start + 500]))).all()
            found.update({r.visit_id: r for r in rows if wanted.get(r.visit_id) == r.revision})
        return found

    def for_visit(self, visit_id: int) -> Sequence[Signature]:
        return self.s.scalars(
            select(Signature).where(Signature.visit_id == visit_id).order_by(Signature.revision)
        ).all()


class Patients:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, study_id: str) -> Patient | None:
        return self.s.scalar(
            select(Patient).where(Patient.study_id == study_id).options(selectinload(Patient.milestones))
        )

    def same_id(self, study_id: str) -> Patient | None:
        """A patient whose study ID equals this one ignoring case and surrounding spaces."""
        key = study_id.strip().lower()
        return self.s.scalar(select(Patient).where(func.lower(func.trim(Patient.study_id)) == key).limit(1))

    def by_ids(self, study_ids: Sequence[str]) -> dict[str, Patient]:
        rows = self.s.scalars(select(Patient).where(Patient.study_id.in_(study_ids))).all() if study_ids else []
        return {p.study_id: p for p in rows}

    def all(self) -> Sequence[Patient]:
        return self.s.scalars(
            select(Patient).order_by(Patient.study_id).options(selectinload(Patient.milestones))
        ).all()

    def count(self) -> int:
        return int(self.s.scalar(select(func.count(Patient.id))) or 0)

    def in_error(self) -> Sequence[Patient]:
        """The patients marked registered in error, by study ID (an administrator may undo the mark)."""
        return self.s.scalars(
            select(Patient)
            .where(Patient.registered_in_error.is_(True))
            .order_by(Patient.study_id)
            .options(selectinload(Patient.milestones))
        ).all()

    def add(self, patient: Patient) -> Patient:
        self.s.add(patient)
        self.s.flush()
        return patient

    def add_milestone(self, milestone: Milestone) -> Milestone:
        self.s.add(milestone)
        self.s.flush()
        return milestone


class Visits:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, visit_id: int) -> Visit | None:
        return self.s.get(Visit, visit_id, options=[selectinload(Visit.instruments), selectinload(Visit.score)])

    def lock(self, visit_id: int) -> Visit | None:
        """The visit read afresh and locked until the transaction ends (PostgreSQL: FOR NO KEY UPDATE, so
        two writers of one visit take turns and the second reads what the first wrote; SQLite's writer
        already holds the whole file). NO KEY: inserts of answer rows (a key share) do not wait on it."""
        return self.s.get(
            Visit,
            visit_id,
            with_for_update={"key_share": True},
            populate_existing=True,
            options=[selectinload(Visit.instruments), selectinload(Visit.score)],
        )

    def for_patient(self, patient_id: int) -> Sequence[Visit]:
        stmt = (
            select(Visit)
            .where(Visit.patient_id == patient_id)
            .order_by(Visit.visit_date, Visit.id)
            .options(selectinload(Visit.instruments), selectinload(Visit.score))
        )
        return self.s.scalars(stmt).all()

    def find(self, patient_id: int, visit_date: date, timepoint: str) -> Visit | None:
        stmt = select(Visit).where(
            Visit.patient_id == patient_id, Visit.visit_date == visit_date, Visit.timepoint == timepoint
        )
        return self.s.scalar(stmt.options(selectinload(Visit.instruments), selectinload(Visit.score)))

    def add(self, visit: Visit) -> Visit:
        self.s.add(visit)
        self.s.flush()
        return visit

    def versions(self, visit_id: int) -> Sequence[VisitVersion]:
        stmt = select(VisitVersion).where(VisitVersion.visit_id == visit_id).order_by(VisitVersion.revision)
        return self.s.scalars(stmt).all()

    def add_version(self, version: VisitVersion) -> None:
        self.s.add(version)


class Audit:
    """Append-only: there is no update or delete here, and the database refuses them too. Appends are
    chained (domain/audit_chain.py) and serialised: on SQLite a writing unit of work already holds the
    write lock (BEGIN IMMEDIATE); on PostgreSQL a transaction-scoped advisory lock is taken before the
    chain head is read, so two workstations never chain onto the same event."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, event: AuditEvent) -> AuditEvent:
        """Chain `event` onto the newest event (of this transaction, or stored) and write it now."""
        if event.at is None:  # the time is hashed, so it is set here rather than by the column default
            event.at = utcnow()
        event.prev_hash = self._head()
        event.hash = event_hash({name: getattr(event, name) for name in FIELDS}, event.prev_hash)
        self.s.add(event)
        self.s.flush()  # written now, so the next event's head is this one and the ids follow the chain
        return event

    def _head(self) -> str:
        """The newest event's hash, read each time (an index lookup): a cached one could outlive a
        rolled-back savepoint. The PostgreSQL lock is taken once per transaction."""
        transaction = self.s.get_transaction()
        if self.s.get_bind().dialect.name == "postgresql" and self.s.info.get(_LOCKED) is not transaction:
            self.s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
            self.s.info[_LOCKED] = transaction
        return chain_head(self.s)[1]

    def for_entity(self, entity: str, entity_id: str) -> Sequence[AuditEvent]:
        stmt = select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
        return self.s.scalars(stmt.order_by(AuditEvent.id)).all()

    def all(self) -> Sequence[AuditEvent]:
        return self.s.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()

    def last_for(self, entity: str, entity_id: str) -> AuditEvent | None:
        stmt = select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
        return self.s.scalar(stmt.order_by(AuditEvent.id.desc()).limit(1))


class Schedules:
    def __init__(self, session: Session) -> None:
        self.s = session

    def default(self) -> Schedule | None:
        stmt = select(Schedule).where(Schedule.is_default.is_(True)).options(selectinload(Schedule.timepoints))
        return self.s.scalar(stmt)

    def get(self, schedule_id: int) -> Schedule | None:
        return self.s.get(Schedule, schedule_id, options=[selectinload(Schedule.timepoints)])

    def by_name(self, name: str) -> Schedule | None:
        return self.s.scalar(select(Schedule).where(Schedule.name == name).options(selectinload(Schedule.timepoints)))

    def all(self) -> Sequence[Schedule]:
        return self.s.scalars(select(Schedule).order_by(Schedule.name).options(selectinload(Schedule.timepoints))).all()

    def add(self, schedule: Schedule) -> Schedule:
        self.s.add(schedule)
        self.s.flush()
        return schedule


class Settings:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.s.get(Setting, key)
        return row.value if row else default

    def set(self, key: str, value: str) -> None:
        self.s.merge(Setting(key=key, value=value))
