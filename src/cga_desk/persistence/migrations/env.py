"""Alembic environment: runs on the connection handed over by persistence.migrate (never a URL here)."""

from __future__ import annotations

from alembic import context

from cga_desk.persistence.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - offline/CLI use is not supported: open the app instead
    raise RuntimeError("run migrations through cga_desk.persistence.migrate.upgrade()")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
