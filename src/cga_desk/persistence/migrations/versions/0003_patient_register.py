"""Patient register: per-patient summaries and the next-due timeline (derived data, filled at open).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

The tables are created empty: persistence.summaries.ensure_summaries() derives them from the
visits when the database is opened (and again whenever SUMMARY_VERSION changes), so the rule that
fills them lives in one place and not in a migration.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "patient_summaries",
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("last_visit", sa.Date(), nullable=True),
        sa.Column("imwg_score", sa.Integer(), nullable=True),
        sa.Column("imwg_category", sa.String(length=20), nullable=True),
        sa.Column("open_draft", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("patient_id"),
    )
    with op.batch_alter_table("patient_summaries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patient_summaries_last_visit"), ["last_visit"], unique=False)
        batch_op.create_index(batch_op.f("ix_patient_summaries_name_key"), ["name_key"], unique=False)

    op.create_table(
        "patient_due",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("patient_due", schema=None) as batch_op:
        batch_op.create_index("ix_patient_due_lookup", ["patient_id", "starts", "ends"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("patient_due", schema=None) as batch_op:
        batch_op.drop_index("ix_patient_due_lookup")
    op.drop_table("patient_due")
    with op.batch_alter_table("patient_summaries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patient_summaries_name_key"))
        batch_op.drop_index(batch_op.f("ix_patient_summaries_last_visit"))
    op.drop_table("patient_summaries")
