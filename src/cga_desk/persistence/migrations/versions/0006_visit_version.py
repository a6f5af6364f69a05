"""Visit versions for optimistic concurrency, and the database's own guard on signed visits.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

`visits.version` (1 for existing visits) is bumped by every write to a visit; a writer that read an
older version is refused (services/visits.py). Triggers, on SQLite and PostgreSQL alike, refuse any
change to a signed visit's content — its row (but for the baseline mark), its answers
(visit_instruments) and its scores (visit_scores) — unless it is the amendment: status signed ->
draft with revision + 1 and the signed version already kept in visit_versions.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "visit is signed: its content changes only through an amendment"
# The columns of a visit a signature covers (is_baseline, version and updated_at may change on a signed visit).
CONTENT = (
    "patient_id",
    "visit_date",
    "timepoint",
    "assessor",
    "respondent",
    "status",
    "revision",
    "amendment_reason",
    "completed_by",
    "completed_at",
    "signed_by",
    "signed_at",
)
AMENDMENT = (
    "NEW.status = 'draft' AND NEW.revision = OLD.revision + 1 AND EXISTS "
    "(SELECT 1 FROM visit_versions vv WHERE vv.visit_id = OLD.id AND vv.revision = OLD.revision)"
)
CHILDREN = ("visit_instruments", "visit_scores")


def upgrade() -> None:
    op.add_column("visits", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_guards()
    else:
        _sqlite_guards()


def _sqlite_guards() -> None:
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in CONTENT)
    op.execute(
        "CREATE TRIGGER visits_signed_update BEFORE UPDATE ON visits "
        f"WHEN OLD.status = 'signed' AND ({changed}) AND NOT ({AMENDMENT}) "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )
    op.execute(
        "CREATE TRIGGER visits_signed_delete BEFORE DELETE ON visits WHEN OLD.status = 'signed' "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )
    for table in CHILDREN:
        signed = "(SELECT status FROM visits WHERE id = {}.visit_id) = 'signed'"
        for verb, when in (
            ("INSERT", signed.format("NEW")),
            ("UPDATE", f"{signed.format('OLD')} OR {signed.format('NEW')}"),
            ("DELETE", signed.format("OLD")),
        ):
            op.execute(
                f"CREATE TRIGGER {table}_signed_{verb.lower()} BEFORE {verb} ON {table} WHEN {when} "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )


def _postgresql_guards() -> None:
    old = ", ".join(f"OLD.{c}" for c in CONTENT)
    new = ", ".join(f"NEW.{c}" for c in CONTENT)
    raise_ = f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'"
    op.execute(
        "CREATE FUNCTION cga_signed_visit_guard() RETURNS trigger AS $$ BEGIN "
        f"IF TG_OP = 'DELETE' THEN IF OLD.status = 'signed' THEN {raise_}; END IF; RETURN OLD; END IF; "
        f"IF OLD.status = 'signed' AND ROW({new}) IS DISTINCT FROM ROW({old}) AND NOT ({AMENDMENT}) "
        f"THEN {raise_}; END IF; RETURN NEW; END; $$ LANGUAGE plpgsql"
    )
    op.execute(
        "CREATE TRIGGER visits_signed_guard BEFORE UPDATE OR DELETE ON visits "
        "FOR EACH ROW EXECUTE FUNCTION cga_signed_visit_guard()"
    )
    # FOR SHARE: a change to answers waits for a signing in progress to commit, then sees it signed
    # (READ COMMITTED would otherwise read the status from before the signature).
    signed = "EXISTS (SELECT 1 FROM visits WHERE id = {}.visit_id AND status = 'signed' FOR SHARE)"
    op.execute(
        "CREATE FUNCTION cga_signed_content_guard() RETURNS trigger AS $$ BEGIN "
        f"IF TG_OP <> 'INSERT' AND {signed.format('OLD')} THEN {raise_}; END IF; "
        f"IF TG_OP <> 'DELETE' AND {signed.format('NEW')} THEN {raise_}; END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END; $$ LANGUAGE plpgsql"
    )
    for table in CHILDREN:
        op.execute(
            f"CREATE TRIGGER {table}_signed_guard BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION cga_signed_content_guard()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in CHILDREN:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_signed_guard ON {table}")
        op.execute("DROP TRIGGER IF EXISTS visits_signed_guard ON visits")
        op.execute("DROP FUNCTION IF EXISTS cga_signed_content_guard()")
        op.execute("DROP FUNCTION IF EXISTS cga_signed_visit_guard()")
    else:
        for table in CHILDREN:
            for verb in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_signed_{verb}")
        op.execute("DROP TRIGGER IF EXISTS visits_signed_update")
        op.execute("DROP TRIGGER IF EXISTS visits_signed_delete")
    with op.batch_alter_table("visits") as batch_op:
        batch_op.drop_column("version")
