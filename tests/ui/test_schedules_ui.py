"""Schedules as data, edited in the window (issue 18 item 8): an administrator adds a clinic's schedule in
the dialog (a refusal names the row and the field), the pPCL schedule stays the default, a nurse moves a
patient to the new schedule from the patient page, and the page and the start-visit dialog follow it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from cga_desk.forms.schedule import PPCL_SCHEDULE
from cga_desk.services.clinic import Clinic
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.schedules_dialog import MoveScheduleDialog, SchedulesDialog
from cga_desk.ui.visit_dialogs import StartVisitDialog
from tests.ui.conftest import sign_in_as, when_modal
from tests.ui.test_chinese import chinese  # noqa: F401 - the zh_CN window, a fixture


def _audit(clinic: Clinic, action: str) -> list[tuple[str, str, str | None]]:
    with clinic.store.unit_of_work(write=False) as uow:
        return [(e.entity, e.entity_id, e.new_value) for e in uow.audit.all() if e.action == action]


def _set(dialog: SchedulesDialog, row: int, key: str, value: object) -> None:
    widget = dialog.cell(row, key)
    if key == "label":
        widget.setText(value)  # type: ignore[attr-defined]
    elif key in ("anchor", "not_before_anchor"):
        widget.setCurrentIndex(widget.findData(value))  # type: ignore[attr-defined]
    else:
        widget.setValue(value)  # type: ignore[attr-defined]


def test_admin_adds_a_schedule_and_a_patient_follows_it(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window.show()
    assert not window.schedules_action.isVisible()  # a nurse does not change schedules
    sign_in_as(clinic, "admin")
    window._apply_rights()
    assert window.schedules_action.isVisible()
    refusals: list[str] = []

    def define(dialog: QWidget) -> None:
        assert isinstance(dialog, SchedulesDialog)
        assert dialog.list.count() == 1 and dialog.list.item(0).text() == f"{PPCL_SCHEDULE.name} (default)"
        dialog.new_button.click()
        assert QApplication.focusWidget() is dialog.name
        qtbot.keyClicks(dialog.name, "Elderly myeloma clinic")
        _set(dialog, 0, "label", "Baseline")
        dialog.add_row_button.click()
        _set(dialog, 1, "label", "baseline")  # the same name as row 1, in other case: refused
        _set(dialog, 1, "anchor", "induction_start")
        _set(dialog, 1, "offset_days", 42)
        _set(dialog, 1, "window_days", 10)
        dialog.add_row_button.click()
        _set(dialog, 2, "label", "Follow-up month {month}")
        _set(dialog, 2, "repeat_every_months", 6)
        _set(dialog, 2, "repeat_until_months", 24)
        _set(dialog, 2, "window_days", 100)  # windows of a 6-monthly timepoint would overlap: refused
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        refusals.append(dialog.error.text())
        assert QApplication.focusWidget() is dialog.cell(1, "label")  # the refused field
        _set(dialog, 1, "label", "Week 6")
        dialog.save()
        refusals.append(dialog.error.text())
        assert QApplication.focusWidget() is dialog.cell(2, "window_days")
        _set(dialog, 2, "window_days", 14)
        assert dialog.save(), dialog.error.text()
        assert sorted(dialog.list.item(i).text() for i in range(dialog.list.count())) == [
            "Elderly myeloma clinic",
            f"{PPCL_SCHEDULE.name} (default)",
        ]
        dialog.reject()

    when_modal(qtbot, define)
    window.schedules_action.trigger()
    assert refusals[0].startswith("Timepoint 2, Timepoint name:") and "another timepoint" in refusals[0]
    assert refusals[1].startswith("Timepoint 3, Window ± (days):") and "overlap" in refusals[1]
    stored = {d.name: (d, default) for d, default in clinic.schedules()}
    mine, is_default = stored["Elderly myeloma clinic"]
    assert not is_default and stored[PPCL_SCHEDULE.name][1]  # the pPCL schedule stays the default
    assert [(r.label, r.anchor, r.offset_days, r.window_days) for r in mine.rules] == [
        ("Baseline", "diagnosis", 0, 14),
        ("Week 6", "induction_start", 42, 10),
        ("Follow-up month {month}", "diagnosis", 0, 14),
    ]
    assert ("schedule", "Elderly myeloma clinic") in [(e, i) for e, i, _ in _audit(clinic, "schedule")]

    sign_in_as(clinic, "ada")  # the nurse moves the patient from the patient page
    window._apply_rights()
    window.show_patient("PCL-001")
    page = window.patient
    assert page.schedule.text().startswith(f"Schedule: {PPCL_SCHEDULE.name}")

    def move(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveScheduleDialog) and QApplication.focusWidget() is dialog.choice
        dialog.choice.setCurrentIndex(dialog.choice.findData("Elderly myeloma clinic"))
        qtbot.keyClick(dialog.choice, Qt.Key.Key_Return)

    when_modal(qtbot, move)
    page.move_schedule_action.trigger()
    assert page.schedule.text() == "Schedule: Elderly myeloma clinic — Baseline, Week 6, Follow-up month …"
    assert ("patient", "PCL-001", "Elderly myeloma clinic") in _audit(clinic, "schedule")
    labels = clinic.timepoint_labels("PCL-001")
    assert labels == ["Baseline", "Week 6", "Follow-up month 6", "Follow-up month 12", "Follow-up month 18",
                      "Follow-up month 24", "Unscheduled"]  # fmt: skip
    dialog = StartVisitDialog(labels, None, clinic.today())
    qtbot.addWidget(dialog)
    assert [dialog.timepoint.itemText(i) for i in range(dialog.timepoint.count())][:2] == ["Baseline", "Week 6"]


@pytest.mark.usefixtures("chinese")
def test_a_refusal_reaches_a_chinese_screen_in_chinese(qtbot: QtBot, clinic: Clinic) -> None:
    sign_in_as(clinic, "admin")
    dialog = SchedulesDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.new_schedule()
    dialog.name.setText("门诊计划")
    _set(dialog, 0, "window_days", 100)
    dialog.add_row_button.click()
    _set(dialog, 1, "label", "第 {month} 个月随访")
    _set(dialog, 1, "repeat_every_months", 3)
    _set(dialog, 1, "repeat_until_months", 12)
    _set(dialog, 1, "window_days", 60)
    assert not dialog.save()
    assert dialog.error.text() == "第 2 个时间点，窗口 ±（天）: ± 60 天会使每 3 个月一次的时间点窗口相互重叠"


@pytest.mark.usefixtures("chinese")
def test_the_new_dialogs_and_menu_read_chinese(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    """The corrections menu, the correction dialogs and the schedules dialogs on a zh_CN screen: no English."""
    from cga_desk.ui.corrections import (
        CorrectIdDialog,
        RegisteredInErrorDialog,
        discard_draft_dialog,
        registered_in_error_dialog,
    )
    from cga_desk.ui.patient_page import PatientPage
    from tests.ui.test_chinese import _shown, assert_translated, visible_texts

    visit = clinic.start_visit("PCL-001", clinic.today(), "Baseline")
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.show()
    page.show_patient("PCL-001")
    data = {"patient.title", "patient.details"}  # the patient's name and dates: data, not wording
    found = [(w, t) for w, t in visible_texts(page) if w not in data]
    found += [("menu", a.text()) for a in page.correct_menu.actions() if a.text()]
    view = clinic.patient("PCL-001")
    for dialog in (
        discard_draft_dialog(clinic, visit),
        CorrectIdDialog(clinic, view),
        registered_in_error_dialog(clinic, view),
        MoveScheduleDialog(clinic, "PCL-001", "pPCL protocol"),
    ):
        qtbot.addWidget(dialog)
        found += [(w, t) for w, t in _shown(dialog) if w not in ("correction.study_id", "schedules.choice")]
    sign_in_as(clinic, "admin")
    for dialog in (SchedulesDialog(clinic), RegisteredInErrorDialog(clinic)):
        qtbot.addWidget(dialog)
        data = ("schedules.list", "schedules.name", "schedules.description", "correction.patients")  # names
        found += [(w, t) for w, t in _shown(dialog) if not w.startswith(data) and not w.endswith(".label")]
    assert len(found) > 40
    assert_translated(found)


def test_removing_a_timepoint_renumbers_what_a_screen_reader_says_of_the_rows_below(
    qtbot: QtBot, clinic: Clinic
) -> None:
    """Each field of the timepoint table is spoken with its row's number ("Timepoint 2, …"). After a row
    is removed, the rows below move up and are spoken with their new numbers: no two fields share a name,
    and none names a row that is no longer there."""
    sign_in_as(clinic, "admin")
    dialog = SchedulesDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.list.setCurrentRow(0)  # the pPCL schedule
    rows = dialog.table.rowCount()
    assert rows >= 3
    second = dialog.cell(1, "label")
    third = dialog.cell(2, "offset_days")
    dialog.table.setCurrentCell(0, 0)
    dialog.remove_row_button.click()
    assert dialog.table.rowCount() == rows - 1
    assert dialog.cell(0, "label") is second and second.objectName() == "schedules.row1.label"
    assert second.accessibleName().startswith("Timepoint 1,")
    assert third.objectName() == "schedules.row2.offset_days" and third.accessibleName().startswith("Timepoint 2,")
    names = [
        w.objectName()
        for row in range(dialog.table.rowCount())
        for column in range(dialog.table.columnCount())
        if (w := dialog.table.cellWidget(row, column)) is not None
    ]
    assert len(names) == len(set(names))
    assert not [n for n in names if n.startswith(f"schedules.row{rows}.")]
