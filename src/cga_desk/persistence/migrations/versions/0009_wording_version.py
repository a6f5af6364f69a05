"""The instrument wording a visit's answers were given in (docs/clinical-rules.md 14): its version is
stored next to the form version of each instrument of each visit.

Revision ID: 0009
Revises: 0004
Create Date: 2026-12-02

Every visit recorded before this revision was entered in the English source wording (the program had
no other language), so existing rows are set to 'en/source' (imported ones too: nothing tells them apart any more). From now
on, imported records carry 'imported': the wording of a document made elsewhere is not known.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("visit_instruments", sa.Column("wording_version", sa.String(length=80), nullable=True))
    op.execute("UPDATE visit_instruments SET wording_version = 'en/source'")


def downgrade() -> None:
    with op.batch_alter_table("visit_instruments") as batch_op:
        batch_op.drop_column("wording_version")
