"""Reading the audit chain: its head (newest event), and every event in id order, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from ..domain.audit_chain import FIELDS, GENESIS, ChainedEvent
from .tables import AuditEvent, Patient, Visit

# pg_advisory_xact_lock key that serialises appends to the chain on PostgreSQL ("CGA_AUDIT" in ASCII).
AUDIT_LOCK_KEY = 0x4347415F4155444954 & 0x7FFFFFFFFFFFFFFF
_COLUMNS = [getattr(AuditEvent, name) for name in FIELDS]


def chain_head(session: Session) -> tuple[int | None, str]:
    """The newest event's id and hash; (None, GENESIS) for an empty trail. An event written without a
    hash (outside CGA Desk) is chained over as if its hash were GENESIS; verify reports it."""
    row = session.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    if row is None:
        return None, GENESIS
    return int(row[0]), row[1] or GENESIS


def event_count(session: Session) -> int:
    return int(session.scalar(select(func.count(AuditEvent.id))) or 0)


def hash_before(session: Session, event_id: int) -> str:
    """The stored hash of the event just before `event_id` (GENESIS when there is none)."""
    value = session.scalar(
        select(AuditEvent.hash).where(AuditEvent.id < event_id).order_by(AuditEvent.id.desc()).limit(1)
    )
    return value or GENESIS


def newest_ids_start(session: Session, newest: int) -> int | None:
    """The id of the oldest of the `newest` most recent events (None for an empty trail)."""
    ids = select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(newest).subquery()
    value = session.scalar(select(func.min(ids.c.id)))
    return None if value is None else int(value)


def chained_events(session: Session, from_id: int | None = None, batch: int = 2_000) -> Iterator[ChainedEvent]:
    """Every event from `from_id` (or the first) in id order, read in batches by id (keyset), so a
    million-event trail never sits in memory."""
    last = (from_id - 1) if from_id is not None else None
    while True:
        stmt = select(AuditEvent.id, AuditEvent.prev_hash, AuditEvent.hash, *_COLUMNS).order_by(AuditEvent.id)
        if last is not None:
            stmt = stmt.where(AuditEvent.id > last)
        rows = session.execute(stmt.limit(batch)).all()
        if not rows:
            return
        for row in rows:
            values = dict(zip(FIELDS, row[3:], strict=True))
            yield ChainedEvent(int(row[0]), values, row[1], row[2])
        last = int(rows[-1][0])


def former_ids(session: Session, study_id: str) -> list[str]:
    """The study ID and every ID the patient had before a correction (issue 18): a corrected ID's trail
    still shows what was recorded under the old one. Follows the "correct_id" events back, one step each."""
    names = [study_id]
    while True:
        older = session.scalars(
            select(AuditEvent.old_value).where(
                AuditEvent.action == "correct_id",
                AuditEvent.entity == "patient",
                AuditEvent.entity_id.in_(names),
                AuditEvent.old_value.is_not(None),
                AuditEvent.old_value.not_in(names),
            )
        ).all()
        if not older:
            return names
        names += sorted({str(o) for o in older})


def filtered_rows(
    session: Session,
    study_id: str | None = None,
    user: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    before: datetime | None = None,
    after_id: int = 0,
    limit: int = 500,
) -> list[tuple[Any, ...]]:
    """One page of events (id order, after `after_id`) matching the filters: (id, at, user, action, entity,
    entity id, field, old, new, reason, hash). A patient's events are its own, its visits' and its reports'.
    Pages by id (keyset), so the millionth event costs what the first does."""
    stmt = select(AuditEvent.id, *_COLUMNS[:-1], AuditEvent.hash).where(AuditEvent.id > after_id)
    if study_id is not None:
        visit_ids = select(cast(Visit.id, String)).join(Patient, Patient.id == Visit.patient_id)
        names = former_ids(session, study_id)
        stmt = stmt.where(
            or_(
                and_(AuditEvent.entity.in_(("patient", "report")), AuditEvent.entity_id.in_(names)),
                and_(
                    AuditEvent.entity == "visit",
                    AuditEvent.entity_id.in_(visit_ids.where(Patient.study_id == study_id)),
                ),
            )
        )
    if user is not None:
        stmt = stmt.where(AuditEvent.user_name == user)
    if action is not None:
        stmt = stmt.where(AuditEvent.action == action)
    if since is not None:
        stmt = stmt.where(AuditEvent.at >= since)
    if before is not None:
        stmt = stmt.where(AuditEvent.at < before)
    return [tuple(r) for r in session.execute(stmt.order_by(AuditEvent.id).limit(limit)).all()]
