"""Users of the program: name and role (nurse, physician, admin), recorded on every change."""

from __future__ import annotations

from ..domain.errors import NotFoundError, ValidationError
from ..domain.records import ROLES, User
from ..i18n import translate
from ..persistence.tables import User as UserRow
from ..persistence.uow import UnitOfWork
from . import audit


def create_user(uow: UnitOfWork, name: str, role: str, by: User | None = None) -> User:
    name = name.strip()
    if not name:
        raise ValidationError("name", translate("services", "a user needs a name"))
    if role not in ROLES:
        raise ValidationError(
            "role",
            translate("services", "{role!r} is not a role; expected {join}").format(role=role, join=", ".join(ROLES)),
        )
    if uow.users.get(name):
        raise ValidationError("name", translate("services", "a user called {name!r} already exists").format(name=name))
    uow.users.add(UserRow(name=name, role=role))
    user = User(name, role)
    audit.record(uow, by or user, "create", "user", name, "role", None, role)
    uow.commit()
    return user


def get_user(uow: UnitOfWork, name: str) -> User:
    row = uow.users.get(name)
    if row is None:
        raise NotFoundError(translate("services", "No user called {name!r}.").format(name=name))
    return User(row.name, row.role)


def list_users(uow: UnitOfWork) -> list[User]:
    return [User(u.name, u.role) for u in uow.users.all() if u.active]
