"""Who may do what: the one table of rights per role, checked by every service (not by the buttons).

Nurse: register and edit patients, record and complete visits, print. Physician: the nurse's rights,
plus sign, amend, trend review and export. Admin: users, settings, schedules, audit trail, backup and
restore, import, export. Everyone signed in may read the register and a patient's record (reading is
audited where it discloses: issue 15). Decided in docs/clinical-decisions.md ("Roles").
"""

from __future__ import annotations

from .errors import PermissionDenied
from .records import ADMIN, NURSE, PHYSICIAN, User

READ = "read patient records"
EDIT_PATIENTS = "register and edit patients"
RECORD_VISITS = "record and complete visits"
PRINT = "print reports"
SIGN = "sign visits"
AMEND = "amend signed visits"
REVIEW = "record a trend review"
EXPORT = "export the analysis dataset"
IMPORT = "import visit records"
USERS = "manage users"
SETTINGS = "change settings"
SCHEDULES = "change schedules"
AUDIT = "read the audit trail"
BACKUP = "back up and restore"
DEMO = "load demo data"
RESTORE_PATIENT = "undo a registered-in-error mark"

_CLINICAL = {READ, EDIT_PATIENTS, RECORD_VISITS, PRINT}
RIGHTS: dict[str, frozenset[str]] = {
    NURSE: frozenset(_CLINICAL),
    PHYSICIAN: frozenset(_CLINICAL | {SIGN, AMEND, REVIEW, EXPORT}),
    ADMIN: frozenset({READ, EXPORT, IMPORT, USERS, SETTINGS, SCHEDULES, AUDIT, BACKUP, DEMO, RESTORE_PATIENT}),
}
ACTIONS = tuple(sorted(set().union(*RIGHTS.values())))


def may(user: User | None, action: str) -> bool:
    return user is not None and action in RIGHTS.get(user.role, frozenset())


def require(user: User | None, action: str) -> User:
    """The user, when their role allows `action`; else PermissionDenied in plain words (nothing is written)."""
    if user is None:
        raise PermissionDenied(f"Sign in first: only a signed-in user may {action}.")
    if not may(user, action):
        allowed = " or ".join(_article(role) for role, rights in RIGHTS.items() if action in rights)
        raise PermissionDenied(f"{user.name} is {_article(user.role)}: only {allowed} may {action}.")
    return user


def _article(role: str) -> str:
    return f"an {role}" if role[:1] in "aeiou" else f"a {role}"
