"""The hospital's medical record number (MRN): an optional patient field, printed beside the study ID.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

A plain added column (no batch mode: `patients` is referenced by visits, milestones and notes, and a
batch rebuild would cascade deletes). Existing patients have none.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("patients", sa.Column("mrn", sa.String(length=40), nullable=True))


def downgrade() -> None:
    op.drop_column("patients", "mrn")  # SQLite >= 3.35 drops it in place
