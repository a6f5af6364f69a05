"""Recording audit events: who, when, what, old -> new, why, with the program's version."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..domain.records import AuditView, User
from ..persistence.tables import AuditEvent
from ..persistence.uow import UnitOfWork
from ..version import __version__


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    return value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False, sort_keys=True)


def record(
    uow: UnitOfWork,
    by: User,
    action: str,
    entity: str,
    entity_id: object,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
    reason: str | None = None,
) -> None:
    uow.audit.add(
        AuditEvent(
            user_name=by.name,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            field=field,
            old_value=as_text(old),
            new_value=as_text(new),
            reason=reason,
            app_version=__version__,
        )
    )


def _view(e: AuditEvent) -> AuditView:
    return AuditView(
        e.at, e.user_name, e.action, e.entity, e.entity_id, e.field, e.old_value, e.new_value, e.reason, e.app_version
    )


def trail(uow: UnitOfWork, entity: str, entity_id: object) -> list[AuditView]:
    return [_view(e) for e in uow.audit.for_entity(entity, str(entity_id))]


def full_trail(uow: UnitOfWork, by: User) -> list[AuditView]:
    from ..domain import access

    access.require(by, access.AUDIT)
    return [_view(e) for e in uow.audit.all()]
