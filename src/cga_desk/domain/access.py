"""Who may do what: the one table of rights per role, checked by every service (not by the buttons).

Nurse: register and edit patients, record and complete visits, print. Physician: the nurse's rights,
plus sign, amend, trend review and export. Admin: users, settings, schedules, audit trail, backup and
restore, import, export. Everyone signed in may read the register and a patient's record (reading is
audited where it discloses: issue 15). Decided in docs/clinical-decisions.md ("Roles").
"""

from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP, translate
from .errors import PermissionDenied
from .records import ADMIN, NURSE, PHYSICIAN, User

READ = QT_TRANSLATE_NOOP("access", "read patient records")
EDIT_PATIENTS = QT_TRANSLATE_NOOP("access", "register and edit patients")
RECORD_VISITS = QT_TRANSLATE_NOOP("access", "record and complete visits")
PRINT = QT_TRANSLATE_NOOP("access", "print reports")
SIGN = QT_TRANSLATE_NOOP("access", "sign visits")
AMEND = QT_TRANSLATE_NOOP("access", "amend signed visits")
REVIEW = QT_TRANSLATE_NOOP("access", "record a trend review")
EXPORT = QT_TRANSLATE_NOOP("access", "export the analysis dataset")
IMPORT = QT_TRANSLATE_NOOP("access", "import visit records")
USERS = QT_TRANSLATE_NOOP("access", "manage users")
SETTINGS = QT_TRANSLATE_NOOP("access", "change settings")
SCHEDULES = QT_TRANSLATE_NOOP("access", "change schedules")
AUDIT = QT_TRANSLATE_NOOP("access", "read the audit trail")
BACKUP = QT_TRANSLATE_NOOP("access", "back up and restore")
DEMO = QT_TRANSLATE_NOOP("access", "load demo data")
RESTORE_PATIENT = QT_TRANSLATE_NOOP("access", "undo a registered-in-error mark")

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
        raise PermissionDenied(
            translate("access", "Sign in first: only a signed-in user may {action}.").format(
                action=translate("access", action)
            )
        )
    if not may(user, action):
        allowed = translate("access", " or ").join(
            _article(role) for role, rights in RIGHTS.items() if action in rights
        )
        raise PermissionDenied(
            translate("access", "{name} is {role}: only {allowed} may {action}.").format(
                name=user.name, role=_article(user.role), allowed=allowed, action=translate("access", action)
            )
        )
    return user


ROLE_WITH_ARTICLE = {
    NURSE: QT_TRANSLATE_NOOP("access", "a nurse"),
    PHYSICIAN: QT_TRANSLATE_NOOP("access", "a physician"),
    ADMIN: QT_TRANSLATE_NOOP("access", "an admin"),
}


def _article(role: str) -> str:
    english = ROLE_WITH_ARTICLE.get(role) or (f"an {role}" if role[:1] in "aeiou" else f"a {role}")
    return translate("access", english)
