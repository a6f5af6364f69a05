"""G8 screening tool: its total and verdict as score columns (the answers need no new table).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Existing visits have no G8 answers, so both columns start empty; nothing is recomputed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("visit_scores", sa.Column("g8_total", sa.Float(), nullable=True))
    op.add_column("visit_scores", sa.Column("g8_abnormal", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("visit_scores") as batch_op:
        batch_op.drop_column("g8_abnormal")
        batch_op.drop_column("g8_total")
