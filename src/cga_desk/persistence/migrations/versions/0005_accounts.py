"""Accounts with passwords, lock-out, and electronic signatures (issue 13).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

Existing users keep their names and roles with no password: the first start after the upgrade asks
an administrator to set theirs, and every other user gets a one-time password from the admin
(README, "Upgrading to accounts with passwords"). Their full name starts as their name. Visits signed
before this version keep signed_by/signed_at and have no signature record: they are shown as signed
before electronic signatures (no content hash to check).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("full_name", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE users SET full_name = name WHERE full_name = ''")
    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("signer", sa.String(length=120), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meaning", sa.String(length=200), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("visit_id", "revision"),
    )
    with op.batch_alter_table("signatures") as batch_op:
        batch_op.create_index(batch_op.f("ix_signatures_visit_id"), ["visit_id"], unique=False)


def downgrade() -> None:
    op.drop_table("signatures")
    with op.batch_alter_table("users") as batch_op:
        for column in ("locked_until", "failed_attempts", "must_change_password", "password_hash", "full_name"):
            batch_op.drop_column(column)
