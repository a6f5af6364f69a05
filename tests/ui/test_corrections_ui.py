"""Correcting mistakes from the window (issue 18 items 3, 4 and 6): a stray draft discarded, a study ID and
a patient's details corrected, a patient registered in error hidden and an admin's undo — each with a
required reason kept in the audit trail; the dialogs start in their first field and are driven by keys."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cga_desk.domain.records import PatientInput
from cga_desk.forms.patient_age import ADULT_AGE, MAX_AGE
from cga_desk.services.clinic import Clinic
from cga_desk.ui.corrections import CorrectIdDialog, RegisteredInErrorDialog, registered_in_error_dialog
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.patient_dialog import PatientDialog
from cga_desk.ui.patient_page import PatientPage
from cga_desk.ui.visit_dialogs import StartVisitDialog
from tests.ui.conftest import TODAY, sign_in_as, when_modal


def _type(qtbot: QtBot, text: str = "", key: Qt.Key | None = None) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    if text:
        qtbot.keyClicks(target, text)
    if key is not None:
        qtbot.keyClick(target, key)


def _audit(clinic: Clinic, action: str) -> list[tuple[str, str | None, str | None, str | None]]:
    with clinic.store.unit_of_work(write=False) as uow:
        return [(e.entity_id, e.old_value, e.new_value, e.reason) for e in uow.audit.all() if e.action == action]


def _page(qtbot: QtBot, clinic: Clinic) -> PatientPage:
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.show()
    page.show_patient("PCL-001")
    return page


def test_a_stray_draft_is_discarded_from_the_page_with_a_reason(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    clinic.start_visit("PCL-001", date(2026, 3, 1), "Baseline")  # a stray key started it
    page = _page(qtbot, clinic)
    assert page.primary.text().startswith("Continue the draft Baseline visit")
    seen: list[str] = []

    def discard(dialog: QWidget) -> None:
        assert QApplication.focusWidget() is dialog.reason  # type: ignore[attr-defined]  # the first field
        _type(qtbot, "", Qt.Key.Key_Return)  # no reason: refused, in words naming the field
        seen.append(dialog.error.text())  # type: ignore[attr-defined]
        _type(qtbot, "started by a stray key", Qt.Key.Key_Return)

    when_modal(qtbot, discard)
    page.discard_action.trigger()
    assert seen and seen[0].startswith("Reason:")
    assert clinic.visits("PCL-001") == []
    assert page.primary.text().startswith("Start the ")  # no draft to continue any more
    [(_, old, new, reason), on_patient] = _audit(clinic, "discard")
    assert reason == "started by a stray key" and new is None and "Baseline" in (old or "")
    assert on_patient == ("PCL-001", "Baseline 2026-03-01", None, "started by a stray key")


def test_a_mistyped_study_id_is_corrected_and_the_old_one_kept(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    clinic.register_patient(PatientInput("PCL-002", date(1950, 1, 1)))
    page = _page(qtbot, clinic)
    errors: list[str] = []

    def correct(dialog: QWidget) -> None:
        assert isinstance(dialog, CorrectIdDialog) and QApplication.focusWidget() is dialog.new_id
        _type(qtbot, " pcl-002 ", Qt.Key.Key_Tab)  # another patient's ID, in other case and spaces
        _type(qtbot, "typed the wrong number", Qt.Key.Key_Return)
        errors.append(dialog.error.text())
        assert QApplication.focusWidget() is dialog.new_id  # the refused field has the focus
        dialog.new_id.selectAll()
        _type(qtbot, "PCL-010", Qt.Key.Key_Return)

    when_modal(qtbot, correct)
    page.correct_id_action.trigger()
    assert errors and errors[0].startswith("Study / record ID:") and "PCL-002" in errors[0]
    assert page.patient is not None and page.patient.study_id == "PCL-010" and "PCL-010" in page.title.full_text()
    assert _audit(clinic, "correct_id") == [("PCL-010", "PCL-001", "PCL-010", "typed the wrong number")]


def test_correcting_a_detail_needs_a_reason_and_keeps_the_old_value(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    page = _page(qtbot, clinic)
    errors: list[str] = []

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, PatientDialog) and QApplication.focusWidget() is dialog.name
        dialog.name.selectAll()
        _type(qtbot, "Maria Rossini", Qt.Key.Key_Return)
        errors.append(dialog.error.text())
        assert QApplication.focusWidget() is dialog.reason
        _type(qtbot, "name misspelt at registration", Qt.Key.Key_Return)

    when_modal(qtbot, edit)
    page.correct_details_action.trigger()
    assert errors and errors[0].startswith("Reason:")
    assert clinic.patient("PCL-001").name == "Maria Rossini"
    assert ("PCL-001", "Maria Rossi", "Maria Rossini", "name misspelt at registration") in _audit(clinic, "edit")


def test_registered_in_error_leaves_the_list_and_an_admin_brings_it_back(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window.show()
    window.show_patient("PCL-001")

    def mark(dialog: QWidget) -> None:
        _type(qtbot, "registered twice", Qt.Key.Key_Return)

    when_modal(qtbot, mark)
    window.patient.in_error_action.trigger()
    assert window.stack.currentWidget() is window.patients  # back to the list, which no longer has it
    assert [r.study_id for r in clinic.patient_rows()] == []
    assert not window.in_error_action.isVisible()  # a nurse may not undo: not offered
    sign_in_as(clinic, "admin")
    window._apply_rights()
    assert window.in_error_action.isVisible()

    def undo(dialog: QWidget) -> None:
        assert isinstance(dialog, RegisteredInErrorDialog) and dialog.patients.count() == 1
        dialog.reason.setFocus()
        _type(qtbot, "not a duplicate after all", Qt.Key.Key_Return)

    when_modal(qtbot, undo)
    window.in_error_action.trigger()
    assert [r.study_id for r in clinic.patient_rows()] == ["PCL-001"]
    assert _audit(clinic, "registered_in_error") == [
        ("PCL-001", "false", "true", "registered twice"),  # the record is kept, the mark and its undo audited
        ("PCL-001", "true", "false", "not a duplicate after all"),
    ]


def test_a_role_that_may_not_gets_a_plain_message_in_the_dialog(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    sign_in_as(clinic, "admin")  # an administrator does not edit patients
    dialog = registered_in_error_dialog(clinic, clinic.patient("PCL-001"))
    qtbot.addWidget(dialog)
    dialog.reason.setText("duplicate")
    dialog._on_ok_clicked()
    assert dialog.result() == 0 and "register and edit patients" in dialog.error.text()
    assert [r.study_id for r in clinic.patient_rows()] == ["PCL-001"]


def test_start_visit_dialog_takes_the_date_first_and_a_timepoint_of_the_schedule(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    labels = clinic.timepoint_labels("PCL-001")
    dialog = StartVisitDialog(labels, "End of induction", TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.day_edit)
    assert not dialog.timepoint.isEditable()  # chosen, never typed
    offered = [dialog.timepoint.itemData(i) for i in range(dialog.timepoint.count())]
    assert offered == labels and offered[-1] == "Unscheduled" and dialog.chosen_timepoint() == "End of induction"
    dialog.day_edit.selectAll()
    qtbot.keyClicks(dialog.day_edit, "2026x-02-30")  # the letter cannot be typed; the 30th of February is refused
    assert dialog.day_edit.text() == "2026-02-30"
    dialog._on_ok_clicked()
    assert dialog.error.text().startswith("Visit date:") and dialog.result() == 0
    dialog.day_edit.setText("2026-02-27")
    dialog.timepoint.setCurrentIndex(dialog.timepoint.count() - 1)
    dialog._on_ok_clicked()
    assert dialog.day == date(2026, 2, 27) and dialog.chosen_timepoint() == "Unscheduled"


def test_birth_dates_over_120_are_refused_and_under_18_asked_about(qtbot: QtBot, clinic: Clinic) -> None:
    dialog = PatientDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.study_id
    dialog.study_id.setText("PCL-900")
    dialog.birth.setText("1800-01-01")
    dialog._on_save_clicked()
    assert dialog.error.text().startswith("Birth date:") and f"over {MAX_AGE}" in dialog.error.text()
    young = date(TODAY.year - ADULT_AGE + 2, 1, 1).isoformat()
    dialog.birth.setText(young)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(answers.pop(0)).click()

    when_modal(qtbot, answer)
    dialog._on_save_clicked()  # No: nothing registered, back at the birth date
    assert asked and "16 years" in asked[0] and clinic.patient_rows() == []
    assert dialog.focusWidget() is dialog.birth
    when_modal(qtbot, answer)
    dialog._on_save_clicked()  # Yes: registered
    assert len(asked) == 2 and [r.study_id for r in clinic.patient_rows()] == ["PCL-900"]


def test_a_duplicate_id_ignoring_case_and_spaces_is_refused_at_the_field(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    dialog = PatientDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.study_id.setText("  pcl-001 ")
    dialog.birth.setText("1950-01-01")
    dialog.name.setFocus()
    dialog._on_save_clicked()
    assert dialog.error.text().startswith("Study / record ID:") and "PCL-001" in dialog.error.text()
    assert dialog.focusWidget() is dialog.study_id and dialog.study_id.toolTip()
    assert len(clinic.patient_rows()) == 1


def test_the_list_marks_drafts_and_counts_completed_visits_only(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    from cga_desk.ui.patient_list import PatientListPage

    done = clinic.start_visit("PCL-001", date(2026, 3, 1), "Baseline", "patient")
    from cga_desk.forms import katz, lawton

    clinic.save_answers(done.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(done.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(done.id, "charlson", [])
    clinic.save_answers(done.id, "ecog", 0)
    clinic.complete_visit(done.id)
    clinic.start_visit("PCL-001", date(2026, 6, 1), "End of induction")  # a draft, later than the visit done
    page = PatientListPage(clinic)
    qtbot.addWidget(page)
    page.reload()
    column = [c.title for c in page.model.columns].index("Last visit")
    text = page.model.index(0, column).data()
    assert "1 Mar 2026" in text or "2026-03-01" in text
    assert "Jun" not in text and "2026-06-01" not in text and "✎ draft" in text


def test_every_control_of_the_new_dialogs_is_named(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    from cga_desk.ui.corrections import discard_draft_dialog
    from cga_desk.ui.schedules_dialog import MoveScheduleDialog, SchedulesDialog
    from tests.ui.test_accessibility import unnamed

    visit = clinic.start_visit("PCL-001", date(2026, 3, 1), "Baseline")
    view = clinic.patient("PCL-001")
    dialogs: list[QWidget] = [
        discard_draft_dialog(clinic, visit),
        CorrectIdDialog(clinic, view),
        registered_in_error_dialog(clinic, view),
        MoveScheduleDialog(clinic, "PCL-001", "pPCL protocol"),
        PatientDialog(clinic, view),
    ]
    sign_in_as(clinic, "admin")
    dialogs += [SchedulesDialog(clinic), RegisteredInErrorDialog(clinic)]
    problems = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        problems += unnamed(dialog)
    table = dialogs[5].table  # type: ignore[attr-defined]
    cells = [table.cellWidget(r, c) for r in range(table.rowCount()) for c in range(table.columnCount())]
    assert len(cells) == 5 * 7 and all(cell.accessibleName() for cell in cells)  # the pPCL schedule's rows
    assert problems == []


def test_each_correction_has_its_own_key_in_the_menu(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    """Alt+C opens the menu, one letter runs a correction: two entries sharing a letter only cycle (seen
    under Xvfb: "D" for both "Discard" and "details" typed the reason into the schedule dialog)."""
    page = _page(qtbot, clinic)
    assert page.correct_button.text().startswith("&C") and page.correct_button.menu() is page.correct_menu
    keys = [a.text().split("&")[1][0].lower() for a in page.correct_menu.actions() if not a.isSeparator()]
    assert len(keys) == 5 and len(set(keys)) == 5, keys


def test_the_corrected_patients_trail_shows_the_discard_and_the_old_id(clinic: Clinic, patient: str) -> None:
    """Done when (issue 18): a stray draft discarded and a mistyped ID corrected, the audit showing both, in
    the trail of the patient as it is now called (events recorded under the old ID included)."""
    from cga_desk.services.audit import AuditFilter

    draft = clinic.start_visit("PCL-001", date(2026, 3, 1), "Baseline")
    clinic.discard_draft(draft.id, "started by a stray key")
    clinic.correct_study_id("PCL-001", "PCL-010", "typed the wrong number")
    sign_in_as(clinic, "admin")
    rows = clinic.audit_page(AuditFilter(study_id="PCL-010"))  # the viewer's page: AUDIT_COLUMNS
    trail = [(r[3], r[5], r[9]) for r in rows]  # action, entity id, reason
    assert ("discard", "PCL-001", "started by a stray key") in trail
    assert ("correct_id", "PCL-010", "typed the wrong number") in trail
    assert ("register", "PCL-001", None) in trail  # recorded under the old ID, still the patient's
