"""The instrument wording a visit's answers were given in (docs/clinical-rules.md 14): its version is
stored next to the form version of each instrument of each visit.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

Every visit recorded before this revision was entered in the English source wording (the program had
no other language), so existing rows are set to 'en/source' (imported ones too: nothing tells them apart any more). From now
on, imported records carry 'imported': the wording of a document made elsewhere is not known.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Filled by the column's default, not by an UPDATE: the signed-visit guards of 0006 refuse any UPDATE
    # of a signed visit's instruments. PostgreSQL then drops the default (the program always writes the
    # value); SQLite keeps it, since dropping it would rebuild the table and lose those guards.
    op.add_column(
        "visit_instruments",
        sa.Column("wording_version", sa.String(length=80), nullable=True, server_default="en/source"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("visit_instruments", "wording_version", server_default=None)


def downgrade() -> None:
    op.drop_column("visit_instruments", "wording_version")  # SQLite >= 3.35 drops it in place (guards kept)
