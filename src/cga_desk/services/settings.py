"""Clinic settings kept in the database: the report header (clinic name, logo) and the printed date format."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from ..domain import access
from ..domain.errors import ValidationError
from ..domain.records import User
from ..i18n import translate
from ..persistence.uow import UnitOfWork
from ..reports.data import ISO_DATE, ReportSettings, check_date_format
from ..reports.fonts import check_printable
from . import audit

CLINIC_NAME, LOGO_PATH, DATE_FORMAT = "report.clinic_name", "report.logo_path", "report.date_format"
KEYS = (CLINIC_NAME, LOGO_PATH, DATE_FORMAT)


def get_report_settings(uow: UnitOfWork) -> ReportSettings:
    """The stored report settings; ISO 8601 dates and no clinic name or logo until a clinic sets them."""
    return ReportSettings(
        clinic_name=uow.settings.get(CLINIC_NAME, "") or "",
        logo_path=uow.settings.get(LOGO_PATH) or None,
        date_format=uow.settings.get(DATE_FORMAT, ISO_DATE) or ISO_DATE,
        demo=is_demo(uow),
    )


def printed_settings(uow: UnitOfWork, by: User) -> ReportSettings:
    """The report settings with the audit chain's newest hash (printed on every page's footer) and the
    printing user's full name (the PDF's author)."""
    return replace(get_report_settings(uow), audit_anchor=audit.anchor_text(uow), author=by.full_name or by.name)


def _validated(key: str, value: str) -> str:
    value = value.strip()
    if key == CLINIC_NAME:
        check_printable(value, "clinic_name")
    elif key == DATE_FORMAT:
        check_date_format(value or ISO_DATE)
    elif key == LOGO_PATH and value and not Path(value).is_file():
        raise ValidationError("logo_path", translate("services", "{value} is not a file").format(value=value))
    return value


def set_setting(uow: UnitOfWork, by: User, key: str, value: str) -> ReportSettings:
    """Store one setting (validated, audited) and return the report settings as they now stand."""
    access.require(by, access.SETTINGS)
    if key not in KEYS:
        raise ValidationError(
            "key",
            translate("services", "{key!r} is not a setting; expected {join}").format(key=key, join=", ".join(KEYS)),
        )
    store_setting(uow, by, key, _validated(key, value))
    return get_report_settings(uow)


def store_setting(uow: UnitOfWork, by: User, key: str, value: str) -> None:
    """Store one (validated) setting, audited when it changes, and commit."""
    old = uow.settings.get(key)
    if old != value:
        uow.settings.set(key, value)
        audit.record(uow, by, "setting", "settings", key, key, old, value)
    uow.commit()


DEMO_SETTING = "demo.database"  # "1" once demo data is loaded: every page and report says DEMO DATA


def is_demo(uow: UnitOfWork) -> bool:
    return uow.settings.get(DEMO_SETTING) == "1"


IDLE_MINUTES, SIGNATURE_MEANINGS = "security.idle_minutes", "security.signature_meanings"
SECURITY_KEYS = (IDLE_MINUTES, SIGNATURE_MEANINGS)
DEFAULT_IDLE_MINUTES = 10


@dataclass(frozen=True)
class SecuritySettings:
    idle_minutes: int  # the window locks after this long without input
    signature_meanings: tuple[str, ...]  # the first is the default meaning of a signature


def get_security_settings(uow: UnitOfWork) -> SecuritySettings:
    from .visits import signature_meanings

    stored = uow.settings.get(IDLE_MINUTES)
    minutes = int(stored) if stored and stored.isdigit() else DEFAULT_IDLE_MINUTES
    return SecuritySettings(minutes, tuple(signature_meanings(uow)))


def set_security_setting(uow: UnitOfWork, by: User, key: str, value: str) -> SecuritySettings:
    """Admin only: the idle time in whole minutes (1-480), or the signature meanings (one per line)."""
    access.require(by, access.SETTINGS)
    if key == IDLE_MINUTES:
        text = value.strip()
        if not text.isdigit() or not 1 <= int(text) <= 480:
            raise ValidationError("idle_minutes", "give a whole number of minutes from 1 to 480")
        stored = str(int(text))
    elif key == SIGNATURE_MEANINGS:
        meanings = [m.strip() for m in value.splitlines() if m.strip()]
        if not meanings:
            raise ValidationError("signature_meanings", "give at least one meaning, one per line")
        if any(len(m) > 200 for m in meanings):
            raise ValidationError("signature_meanings", "a meaning has at most 200 characters")
        stored = json.dumps(meanings, ensure_ascii=False)
    else:
        raise ValidationError("key", f"{key!r} is not a security setting; expected {', '.join(SECURITY_KEYS)}")
    old = uow.settings.get(key)
    if old != stored:
        uow.settings.set(key, stored)
        audit.record(uow, by, "setting", "settings", key, key, old, stored)
    uow.commit()
    return get_security_settings(uow)
