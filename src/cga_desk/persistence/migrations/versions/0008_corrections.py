"""Correcting mistakes: a patient can be marked "registered in error" (issue 18).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

Every existing patient is a real registration (false). The register's summaries are derived again
on the next open (summaries.SUMMARY_VERSION 2: "last visit" now counts completed visits only).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# A plain ALTER TABLE on both databases, never a batch: on SQLite a batch copies `patients` and drops
# the old table, and with foreign keys on that DROP deletes every patient's milestones, notes and
# register rows (ON DELETE CASCADE) and fails on any patient with a visit (RESTRICT).


def upgrade() -> None:
    op.add_column("patients", sa.Column("registered_in_error", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("patients", "registered_in_error")  # SQLite 3.35+ drops a column in place
