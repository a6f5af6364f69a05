"""Every dialog class of the window, and how a user with the right role opens each one: one table for the
walks that check every dialog (accessible names in test_accessibility.py, spoken words in
test_accessible_words.py). A new dialog class fails those walks until it is added here."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

import cga_desk.ui
from cga_desk.services.clinic import Clinic

Factories = dict[type, tuple[str, Callable[[], QDialog]]]


def dialog_classes() -> set[type]:
    """Every dialog class of the window's code (cga_desk.ui and below)."""
    found: set[type] = set()
    for info in pkgutil.walk_packages(cga_desk.ui.__path__, "cga_desk.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found.add(cls)
    return found


def every_dialog(clinic: Clinic, study_id: str, draft: int, to_sign: int, to_print: int, today: date) -> Factories:
    """Each dialog class, as the user who may open it (ada: nurse, bea: physician, admin) opens it, for the
    patient `study_id` with a draft visit `draft`, a complete visit `to_sign` and a visit `to_print`."""
    from cga_desk.ui.accounts import AddUserDialog, SecuritySettingsDialog, UsersDialog
    from cga_desk.ui.audit_viewer import AuditViewer
    from cga_desk.ui.corrections import CorrectIdDialog, ReasonDialog, RegisteredInErrorDialog, discard_draft_dialog
    from cga_desk.ui.encryption_dialogs import RecoverDialog, RecoveryKeyDialog
    from cga_desk.ui.lock import LockScreen
    from cga_desk.ui.patient_dialog import PatientDialog
    from cga_desk.ui.report_actions import ReportSettingsDialog
    from cga_desk.ui.report_preview import ReportPreview
    from cga_desk.ui.schedules_dialog import MoveScheduleDialog, SchedulesDialog
    from cga_desk.ui.signin import ChangePasswordDialog
    from cga_desk.ui.signoff import SignDialog
    from cga_desk.ui.visit_dialogs import MilestoneDialog, StartVisitDialog

    patient = clinic.patient(study_id)
    schedule = clinic.schedules()[0][0].name
    return {
        PatientDialog: ("ada", lambda: PatientDialog(clinic, patient)),
        StartVisitDialog: ("ada", lambda: StartVisitDialog(clinic.timepoint_labels(), "Baseline", today)),
        MilestoneDialog: ("ada", lambda: MilestoneDialog()),
        SignDialog: ("bea", lambda: SignDialog(clinic, [clinic.visit(to_sign)])),
        ChangePasswordDialog: ("ada", lambda: ChangePasswordDialog(clinic)),
        LockScreen: ("ada", lambda: LockScreen(clinic)),
        ReportPreview: ("ada", lambda: ReportPreview("visit", clinic.report_pdf("visit", to_print), "v.pdf", print)),
        ReportSettingsDialog: ("admin", lambda: ReportSettingsDialog(clinic)),
        UsersDialog: ("admin", lambda: UsersDialog(clinic)),
        AddUserDialog: ("admin", lambda: AddUserDialog(clinic)),
        SecuritySettingsDialog: ("admin", lambda: SecuritySettingsDialog(clinic)),
        AuditViewer: ("admin", lambda: AuditViewer(clinic)),
        ReasonDialog: ("ada", lambda: discard_draft_dialog(clinic, clinic.visit(draft))),
        CorrectIdDialog: ("ada", lambda: CorrectIdDialog(clinic, patient)),
        RegisteredInErrorDialog: ("admin", lambda: RegisteredInErrorDialog(clinic)),
        SchedulesDialog: ("admin", lambda: SchedulesDialog(clinic)),
        MoveScheduleDialog: ("ada", lambda: MoveScheduleDialog(clinic, study_id, schedule)),
        RecoveryKeyDialog: ("admin", lambda: RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP", "/tmp/clinic.sqlite3")),
        RecoverDialog: ("admin", lambda: RecoverDialog(clinic)),
    }


def not_walked(factories: Factories) -> set[str]:
    """The dialog classes the walk would miss (FormDialog: the base of the form dialogs, never shown itself)."""
    from cga_desk.ui.visit_dialogs import FormDialog

    return {c.__qualname__ for c in dialog_classes() - set(factories) - {FormDialog}}


def problems_in_qt_dialogs(
    qtbot: QtBot, window: QWidget, clinic: Clinic, study_id: str, visit: int, check: Callable[[QWidget], list[str]]
) -> list[str]:
    """`check` run on Qt's own dialogs the window opens with words of ours (the amendment's reason, the trend
    review's note), as the physician opens them on `study_id`'s page; each must have opened."""
    from cga_desk.ui import signoff
    from tests.ui.conftest import sign_in_as, when_modal

    sign_in_as(clinic, "bea")
    window.show_patient(study_id)  # type: ignore[attr-defined]
    problems: list[str] = []
    for ask in (
        lambda: signoff.amend(window, clinic, clinic.visit(visit)),  # type: ignore[arg-type]
        lambda: signoff.trend_review(window, clinic, study_id),  # type: ignore[arg-type]
    ):
        seen: list[str] = []

        def look(dialog: QWidget, seen: list[str] = seen) -> None:
            seen.extend(check(dialog))
            seen.append("opened")
            dialog.reject()  # type: ignore[attr-defined]

        when_modal(qtbot, look)
        ask()
        assert "opened" in seen
        problems += [s for s in seen if s != "opened"]
    return problems
