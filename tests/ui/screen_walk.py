"""Open every page and dialog of the window on the current screen and list what does not fit (issue 18
item 2). tests/ui/test_screen_fit.py runs this file's test in a pytest process of its own whose offscreen
screen is 1280x720, then 1366x768 (Qt's offscreen platform reads the screen from a config file; the test
session's own offscreen screen is 800x800 and cannot change once the application exists)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QRect, QThreadPool
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cga_desk.domain.records import PatientInput
from cga_desk.forms import katz, lawton
from cga_desk.services.clinic import Clinic
from tests.ui.conftest import PASSWORDS

WALK_SCREEN = "CGA_TEST_WALK_SCREEN"  # e.g. 1280x720

LONG_NAME = ("Maria " + "Anna-Lisa " * 20)[:200].strip()  # the longest name a patient may have (NAME_MAX)
FRAME = 30  # the window manager's title bar above a window's frame geometry offscreen


def _inside_scroll_area(w: QWidget, top: QWidget) -> bool:
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def problems_of(top: QWidget) -> tuple[list[str], int]:
    """What lies off the screen: the window (or its minimum size), or a visible widget of it outside the
    screen's available geometry (widgets inside a scroll area scroll: the area itself is checked)."""
    QApplication.processEvents()
    room = (top.screen() or QApplication.primaryScreen()).availableGeometry()
    name = top.objectName() or type(top).__name__
    out = []
    frame = top.frameGeometry()
    if frame.width() > room.width() or frame.height() + FRAME > room.height() + FRAME:
        out.append(f"{name}: window {frame.width()}x{frame.height()} on a {room.width()}x{room.height()} screen")
    hint = top.minimumSizeHint().expandedTo(top.minimumSize())
    if hint.width() > room.width() or hint.height() > room.height() - FRAME:
        out.append(f"{name}: minimum size {hint.width()}x{hint.height()} on a {room.width()}x{room.height()} screen")
    checked = 0
    for w in top.findChildren(QWidget):
        if not w.isVisible() or w.isWindow() or _inside_scroll_area(w, top):
            continue
        checked += 1
        r = QRect(w.mapToGlobal(w.rect().topLeft()), w.size())
        shown = QRect(top.mapToGlobal(top.rect().topLeft()), top.size())
        if not shown.contains(r) or not room.contains(r):
            out.append(f"{name}: {type(w).__name__} {w.objectName()!r} at {r.getRect()} outside {room.getRect()}")
        elif isinstance(w, QLabel) and w.wordWrap() and w.text() and w.height() < w.heightForWidth(w.width()) - 2:
            # a long wrapped text squeezed by its layout is cut (and drawn over its neighbours)
            out.append(f"{name}: {w.objectName()!r} needs {w.heightForWidth(w.width())} px, has {w.height()}")
    return out, checked


def _fill(clinic: Clinic) -> int:
    clinic.register_patient(
        PatientInput(
            "PCL-001", date(1949, 5, 2), LONG_NAME, "female", "primary_plasma_cell_leukemia", date(2026, 2, 20)
        )
    )
    clinic.add_milestone("PCL-001", "induction_start", date(2026, 3, 1), "")
    # At the end of induction every Katz and Lawton answer changed: the longest "items changed" text
    for day, tp, katz_answer, lawton_answer, conditions in (
        (date(2026, 3, 10), "Baseline", "independent", 1, ["dementia"]),
        (date(2026, 6, 1), "End of induction", "dependent", 3, ["congestive_heart_failure", "diabetes_uncomplicated"]),
    ):
        v = clinic.start_visit("PCL-001", day, tp, "patient")
        clinic.save_answers(v.id, "katz", {c: katz_answer for c in katz.SPEC.item_codes})
        clinic.save_answers(v.id, "lawton", {c: lawton_answer for c in lawton.SPEC.item_codes})
        clinic.save_answers(v.id, "charlson", conditions)
        clinic.save_answers(v.id, "ecog", 1)
        clinic.complete_visit(v.id)
    return clinic.start_visit("PCL-001", date(2026, 9, 1), "Unscheduled").id


def walk(clinic: Clinic, passwords: dict[str, str]) -> Iterator[QWidget]:
    """Every page and dialog, shown in turn (dialogs with show(): nothing modal blocks); each is yielded
    while it is on the screen. `clinic` has the accounts admin, ada (nurse) and bea (physician)."""
    from cga_desk.ui.accounts import AddUserDialog, SecuritySettingsDialog, UsersDialog
    from cga_desk.ui.audit_viewer import AuditViewer
    from cga_desk.ui.corrections import (
        CorrectIdDialog,
        RegisteredInErrorDialog,
        discard_draft_dialog,
        registered_in_error_dialog,
    )
    from cga_desk.ui.main_window import MainWindow
    from cga_desk.ui.patient_dialog import PatientDialog
    from cga_desk.ui.report_actions import ReportSettingsDialog
    from cga_desk.ui.report_preview import ReportPreview
    from cga_desk.ui.schedules_dialog import MoveScheduleDialog, SchedulesDialog
    from cga_desk.ui.signin import ChangePasswordDialog
    from cga_desk.ui.signoff import SignDialog
    from cga_desk.ui.visit_dialogs import MilestoneDialog, StartVisitDialog

    clinic.sign_in("ada", passwords["ada"])
    draft = _fill(clinic)
    window = MainWindow(clinic, "test")
    window.show()
    window.show_list()
    yield window
    window.show_patient("PCL-001")
    yield window
    window.patient.table.selectRow(1)  # the points panel: the selected visit's IMWG points beside baseline's
    assert window.patient.points.isVisible() and window.patient.points.toPlainText()
    yield window
    window.patient.tabs.setCurrentIndex(1)  # trends: the charts once made the window taller than the screen
    assert window.patient.trends is not None
    window.patient.trends.table.selectRow(1)  # every answer changed since baseline, in words
    yield window
    window.patient.tabs.setCurrentIndex(0)
    window.show_visit(draft)
    wizard = window.wizard
    confirms = [i for i, q in enumerate(wizard.questions) if q.step.endswith("_confirm")]
    assert confirms  # a follow-up: the "last time" lists of Katz, Lawton and Charlson
    for i in sorted({*range(0, len(wizard.questions), 6), *confirms}):
        wizard.show_question(i)
        yield window
    wizard.show_question(len(wizard.questions) - 1)
    yield window
    wizard.search.setFocus()  # the question search and its list of matches
    wizard.search.setText("a")
    completer = wizard.search.completer()
    assert completer is not None
    completer.setCompletionPrefix("a")
    completer.complete()
    popup = completer.popup()
    assert popup.isVisible()
    yield popup
    popup.hide()
    window.show_manual()  # F1
    assert window._manual is not None
    yield window._manual
    window._manual.close()
    window.show_cohort()
    QThreadPool.globalInstance().waitForDone()  # the summary, computed off the GUI thread,
    QApplication.processEvents()  # on the page before its fit is measured
    assert window.cohort.summary is not None
    yield window
    patient = clinic.patient("PCL-001")
    visit = clinic.visit(draft)
    dialogs: list[QWidget] = [
        PatientDialog(clinic, None, window),
        PatientDialog(clinic, patient, window),
        StartVisitDialog(clinic.timepoint_labels("PCL-001"), "Baseline", date(2026, 11, 24), window),
        MilestoneDialog(window),
        discard_draft_dialog(clinic, visit, window),
        CorrectIdDialog(clinic, patient, window),
        registered_in_error_dialog(clinic, patient, window),
        MoveScheduleDialog(clinic, "PCL-001", "pPCL protocol", window),
        ChangePasswordDialog(clinic, window, required=False),
        ReportPreview("longitudinal", clinic.report_pdf("longitudinal", "PCL-001"), "r.pdf", lambda a, t: None, window),
    ]
    yield from _shown(dialogs)
    clinic.sign_in("bea", passwords["bea"])
    yield from _shown([SignDialog(clinic, [v for v in clinic.visits("PCL-001") if v.status == "complete"], window)])
    clinic.sign_in("admin", passwords["admin"])
    yield from _shown(
        [
            SchedulesDialog(clinic, window),
            RegisteredInErrorDialog(clinic, window),
            UsersDialog(clinic, window),
            AddUserDialog(clinic, window),
            SecuritySettingsDialog(clinic, window),
            ReportSettingsDialog(clinic, window),
            AuditViewer(clinic, window),
        ]
    )
    window.close()


def _shown(dialogs: list[QWidget]) -> Iterator[QWidget]:
    for dialog in dialogs:
        dialog.show()
        yield dialog
        dialog.close()


@pytest.mark.qt_log_ignore("This plugin does not support (grabbing the keyboard|raise)")  # the search's popup
def test_walk_on_the_screen_asked_for(qtbot: QtBot, clinic: Clinic) -> None:
    """Run by tests/ui/test_screen_fit.py in a pytest process whose offscreen screen is WALK_SCREEN (this file
    is not collected otherwise: its name does not start with test_)."""
    width, height = (int(n) for n in os.environ[WALK_SCREEN].split("x"))
    room = QApplication.primaryScreen().availableGeometry()
    assert (room.width(), room.height()) == (width, height)  # the walk really runs on a screen of that size
    clinic.sign_out()
    problems: list[str] = []
    checked, shown = 0, set()
    for top in walk(clinic, PASSWORDS):
        if top.parent() is None:
            qtbot.addWidget(top)
        found, n = problems_of(top)
        problems += found
        checked += n
        shown.add(type(top).__name__)
    assert checked > 400  # it saw the widgets (a broken walk must not pass quietly)
    assert {"MainWindow", "ReportPreview", "SchedulesDialog", "PatientDialog", "AuditViewer", "SignDialog"} <= shown
    assert {"ManualWindow", "CorrectIdDialog", "MoveScheduleDialog", "RegisteredInErrorDialog"} <= shown
    assert problems == []
