"""Audit hash chain: prev_hash and hash on every audit event; the events recorded so far are chained in
id order; on PostgreSQL a TRUNCATE of the audit table is refused too (issue 15).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

The append-only triggers are lifted for the length of this migration (inside its transaction) to write
the hashes of the existing events, then put back.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cga_desk.domain.audit_chain import FIELDS, GENESIS, event_hash

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_TRIGGERS = ("UPDATE", "DELETE")
_BATCH = 5_000


def _events() -> sa.TableClause:
    return sa.table(
        "audit_events",
        sa.column("id", sa.Integer()),
        sa.column("at", sa.DateTime(timezone=True)),
        *(sa.column(name, sa.Text()) for name in FIELDS if name != "at"),
        sa.column("prev_hash", sa.String(64)),
        sa.column("hash", sa.String(64)),
    )


def _lift_triggers(postgres: bool) -> None:
    if postgres:
        op.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only")
    else:
        for verb in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS audit_events_no_{verb.lower()}")


def _restore_triggers(postgres: bool) -> None:
    if postgres:
        op.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only")
    else:
        for verb in _SQLITE_TRIGGERS:
            op.execute(
                f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
                "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
            )


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    op.add_column("audit_events", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_events", sa.Column("hash", sa.String(length=64), nullable=True))
    events = _events()
    rows = bind.execute(sa.select(events).order_by(events.c.id)).mappings()
    updates: list[dict[str, object]] = []
    previous = GENESIS
    _lift_triggers(postgres)
    for row in rows.all():
        digest = event_hash(dict(row), previous)
        updates.append({"row_id": row["id"], "p": previous, "h": digest})
        previous = digest
    stmt = (
        events.update()
        .where(events.c.id == sa.bindparam("row_id"))
        .values(prev_hash=sa.bindparam("p"), hash=sa.bindparam("h"))
    )
    for start in range(0, len(updates), _BATCH):
        bind.execute(stmt, updates[start : start + _BATCH])
    _restore_triggers(postgres)
    if postgres:
        op.execute(
            "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION cga_audit_append_only()"
        )


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
    _lift_triggers(postgres)
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
    _restore_triggers(postgres)
