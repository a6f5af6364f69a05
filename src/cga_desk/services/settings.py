"""Clinic settings kept in the database: the report header (clinic name, logo) and the printed date format."""

from __future__ import annotations

from pathlib import Path

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
    )


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
    if key not in KEYS:
        raise ValidationError(
            "key",
            translate("services", "{key!r} is not a setting; expected {join}").format(key=key, join=", ".join(KEYS)),
        )
    value = _validated(key, value)
    old = uow.settings.get(key)
    if old != value:
        uow.settings.set(key, value)
        audit.record(uow, by, "setting", "settings", key, key, old, value)
    uow.commit()
    return get_report_settings(uow)
