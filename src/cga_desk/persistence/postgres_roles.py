"""PostgreSQL's two roles (issue 15): an owner role that owns the tables and runs the migrations, and the
application role the workstations connect as, which may read and write the record but can neither
change nor remove audit events (no UPDATE, DELETE or TRUNCATE on audit_events) nor alter the schema.

The owner role cannot log in; `cga-desk init-postgres`, run by a database administrator, switches to it
(SET ROLE) to create or upgrade the tables. Because the application role does not own the audit table,
it cannot disable its triggers either (ALTER TABLE needs the owner).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from ..domain.errors import CgaDeskError

ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
AUDIT_TABLE = "audit_events"
READ_ONLY_TABLES = ("alembic_version",)  # the schema's version: only the owner's migrations change it


class RoleSetupError(CgaDeskError):
    """The roles could not be set up (a bad name, not enough privileges to create roles)."""


@dataclass(frozen=True)
class RolePlan:
    owner: str
    app: str
    app_password: str | None = None


def check_role_name(name: str, what: str) -> str:
    if not ROLE_NAME.fullmatch(name):
        raise RoleSetupError(f"{what} {name!r}: use lower-case letters, digits and _ (at most 63, not a digit first)")
    return name


def _exists(conn: Connection, role: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is not None


def _literal(conn: Connection, value: str) -> str:
    """A quoted SQL literal (CREATE ROLE ... PASSWORD takes no bind parameter)."""
    return str(conn.execute(text("SELECT quote_literal(:v)"), {"v": value}).scalar())


def create_roles(admin_url: str, plan: RolePlan) -> None:
    """Create the owner (NOLOGIN) and application (LOGIN) roles where missing, let the administrator act as
    the owner, let the owner (alone) create tables in the schema, and hand it every table, sequence and
    function of CGA Desk already there."""
    owner, app = check_role_name(plan.owner, "owner role"), check_role_name(plan.app, "application role")
    if owner == app:
        raise RoleSetupError("the owner and application roles must be two different roles")
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT", hide_parameters=True)
    try:
        with engine.connect() as conn:
            if not _exists(conn, owner):
                conn.execute(text(f'CREATE ROLE "{owner}" NOLOGIN'))
            if not _exists(conn, app):
                conn.execute(text(f'CREATE ROLE "{app}" LOGIN'))
            if plan.app_password:
                conn.execute(text(f'ALTER ROLE "{app}" PASSWORD {_literal(conn, plan.app_password)}'))
            conn.execute(text(f'GRANT "{owner}" TO CURRENT_USER'))
            conn.execute(text(f'GRANT USAGE, CREATE ON SCHEMA public TO "{owner}"'))
            conn.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
            _hand_over_existing(conn, owner)
    finally:
        engine.dispose()


def _hand_over_existing(conn: Connection, owner: str) -> None:
    """Tables made before the roles existed (by the administrator) become the owner's."""
    rows = conn.execute(
        text(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v') "
            "AND pg_get_userbyid(c.relowner) <> :owner"
        ),
        {"owner": owner},
    ).all()
    for name, kind in rows:
        if kind == "S" and _owned_by_a_column(conn, name):
            continue  # a serial column's sequence follows its table
        what = {"r": "TABLE", "S": "SEQUENCE", "v": "VIEW"}[kind]
        conn.execute(text(f'ALTER {what} public."{name}" OWNER TO "{owner}"'))
    functions = conn.execute(
        text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' AND p.proname LIKE 'cga\\_%' AND pg_get_userbyid(p.proowner) <> :owner"
        ),
        {"owner": owner},
    ).scalars()
    for signature in functions:
        conn.execute(text(f'ALTER FUNCTION {signature} OWNER TO "{owner}"'))


def _owned_by_a_column(conn: Connection, sequence: str) -> bool:
    found = conn.execute(
        text(
            "SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid "
            "WHERE s.relname = :s AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0"
        ),
        {"s": sequence},
    ).first()
    return found is not None


def grant_application(admin_url: str, plan: RolePlan) -> None:
    """What the application role may do, re-applied after every migration: read and write the record,
    only SELECT and INSERT on the audit trail, only SELECT on the schema's version, use the sequences."""
    owner, app = plan.owner, plan.app
    database = make_url(admin_url).database
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT", hide_parameters=True)
    try:
        with engine.connect() as conn:
            statements = [
                f'GRANT CONNECT ON DATABASE "{database}" TO "{app}"',
                f'GRANT USAGE ON SCHEMA public TO "{app}"',
                f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{app}"',
                f'REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM "{app}"',
                f'REVOKE UPDATE, DELETE, TRUNCATE ON {AUDIT_TABLE} FROM "{app}"',
                *(f'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {t} FROM "{app}"' for t in READ_ONLY_TABLES),
                f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{app}"',
                f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA public '
                f'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{app}"',
                f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "{app}"',
            ]
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def app_privileges(admin_url: str, app: str, table: str) -> set[str]:
    """The privileges `app` holds on `table` (SELECT, INSERT, ...), as the server sees them."""
    engine = create_engine(admin_url, hide_parameters=True)
    try:
        with engine.connect() as conn:
            found = set()
            for privilege in ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE"):
                if conn.execute(
                    text("SELECT has_table_privilege(:r, :t, :p)"), {"r": app, "t": table, "p": privilege}
                ).scalar():
                    found.add(privilege)
            return found
    finally:
        engine.dispose()
