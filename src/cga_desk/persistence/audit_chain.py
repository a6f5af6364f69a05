"""Reading the audit chain: its head (newest event), and every event in id order, streamed."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.audit_chain import FIELDS, GENESIS, ChainedEvent
from .tables import AuditEvent

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
