"""Carry-forward with eyes open (issue 18): a nurse's follow-up from the patient page, keys counted; the
"last time" hints and list; the review page listing every answer with the changed ones marked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cga_desk.forms import katz, lawton
from cga_desk.services.clinic import Clinic
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.wizard.page import WizardPage
from cga_desk.ui.wizard.questions import CONFIRM


class Keys:
    """Real key events to whatever has the keyboard focus, counted."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot, self.count = qtbot, 0

    def press(self, *keys: str | Qt.Key) -> None:
        for key in keys:
            target = QApplication.focusWidget()
            assert target is not None, "nothing has the keyboard focus"
            self.qtbot.keyClick(target, key)
            self.count += 1

    def type(self, text: str) -> None:
        self.press(*text)


def _baseline(clinic: Clinic, study_id: str) -> int:
    v = clinic.start_visit(study_id, date(2026, 3, 10), "Baseline", "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", ["diabetes_uncomplicated", "chronic_pulmonary_disease"])
    clinic.save_answer(v.id, "ecog", "ecog", 1)
    clinic.complete_visit(v.id)
    return v.id


def _window(qtbot: QtBot, clinic: Clinic) -> MainWindow:
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def _on(page: WizardPage) -> tuple[str, str]:
    q = page.questions[page.index]
    return q.step, q.item


def test_follow_up_with_two_changed_answers_in_at_most_15_keys_from_the_patient_page(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    _baseline(clinic, patient)
    window = _window(qtbot, clinic)
    window.show_patient(patient)
    assert QApplication.focusWidget() is window.patient.primary
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_Return)  # start the next due visit
    wizard = window.wizard
    assert window.stack.currentWidget() is wizard and QApplication.focusWidget() is wizard
    keys.type("1")  # respondent: the patient
    # Katz: the list of last answers is on screen before any key can keep them
    assert _on(wizard) == ("katz" + CONFIRM, "unchanged")
    listed = wizard.carry_list.text()
    assert wizard.carry_list.isVisibleTo(wizard) and listed.count("Independent") == 6
    assert "2026-03-10" in wizard.title.text()
    assert "All unchanged since 2026-03-10" in wizard.group.buttons()[0].text().replace("\n      ", " ")
    keys.type("b")  # dressing: the one that changed
    assert _on(wizard) == ("katz", "dressing")
    assert wizard.last_time.text() == "Last time (2026-03-10): Independent"
    keys.type("2")  # dependent: the list again, the change marked
    assert _on(wizard) == ("katz" + CONFIRM, "unchanged")
    assert "◆ changed" in wizard.carry_list.text() and wizard.carry_list.text().count("◆ changed") == 1
    keys.type("1")  # the others unchanged
    assert _on(wizard) == ("lawton" + CONFIRM, "unchanged")
    keys.type("h")  # finances
    assert _on(wizard) == ("lawton", "finances") and "Manages financial matters" in wizard.last_time.text()
    keys.type("3")  # incapable of handling money
    keys.type("1")  # the other seven unchanged
    assert _on(wizard) == ("charlson" + CONFIRM, "unchanged")
    keys.type("1")  # comorbidities unchanged
    assert _on(wizard) == ("ecog", "ecog")
    keys.type("1")  # ECOG 1
    while wizard.questions[wizard.index].step != "review":
        keys.type("2")  # optional instruments (G8): not at this visit
    review = wizard.review.answers.toPlainText()
    assert review.count("◆ changed") == 2
    assert "◆ changed — Dressing: Dependent (last time: Independent)" in review
    assert "Bathing: Independent" in review and "Finances" not in review.replace("finances", "")  # label words
    keys.press(Qt.Key.Key_Return)  # complete
    assert keys.count <= 15, keys.count
    stored = clinic.visits(patient)[-1]
    assert stored.status == "complete" and stored.respondent == "patient"
    assert stored.instruments["katz"].answers == {c: "independent" for c in katz.SPEC.item_codes} | {
        "dressing": "dependent"
    }
    assert stored.instruments["lawton"].answers == {c: 1 for c in lawton.SPEC.item_codes} | {"finances": 3}
    assert stored.instruments["charlson"].answers == clinic.visits(patient)[0].instruments["charlson"].answers
    assert stored.scores["katz_adl"] == 5 and stored.scores["lawton_iadl"] == 7


def test_an_item_kept_unchanged_can_still_be_changed_afterwards(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _baseline(clinic, patient)
    visit = clinic.start_visit(patient, date(2026, 6, 1), "End of induction", "patient")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.show()
    page.open_visit(visit.id)
    qtbot.keyClick(page, "1")  # Katz: all unchanged
    assert _on(page) == ("lawton" + CONFIRM, "unchanged")
    assert clinic.visit(visit.id).instruments["katz"].answers == {c: "independent" for c in katz.SPEC.item_codes}
    qtbot.keyClick(page, Qt.Key.Key_Backspace)  # back: Katz's last item, its last answer shown and selected
    assert _on(page) == ("katz", "feeding") and page.last_time.text() == "Last time (2026-03-10): Independent"
    assert [b.objectName() for b in page.group.buttons() if b.isChecked()] == ["katz.feeding.independent"]
    qtbot.keyClick(page, "2")
    assert clinic.visit(visit.id).instruments["katz"].answers["feeding"] == "dependent"
    assert _on(page) == ("lawton" + CONFIRM, "unchanged")
    page.steps.linkActivated.emit("katz")  # a click on "Katz ADL" in the steps: its list, the change marked
    assert _on(page) == ("katz" + CONFIRM, "unchanged")
    assert page.carry_list.text().count("◆ changed") == 1 and "Feeding" in page.carry_list.text()
    qtbot.keyClick(page, "a")  # bathing
    qtbot.keyClick(page, "2")
    assert _on(page) == ("katz" + CONFIRM, "unchanged") and page.carry_list.text().count("◆ changed") == 2
    qtbot.keyClick(page, "1")  # "unchanged" fills only what is not answered: both changes stay
    answers = clinic.visit(visit.id).instruments["katz"].answers
    assert (answers["feeding"], answers["bathing"], answers["dressing"]) == ("dependent", "dependent", "independent")


def test_a_first_visit_has_no_last_time(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    visit = clinic.start_visit(patient, date(2026, 3, 10), "Baseline", "patient")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.show()
    page.open_visit(visit.id)
    assert _on(page) == ("katz", "bathing")
    assert not page.last_time.isVisibleTo(page) and not page.carry_list.isVisibleTo(page)
    assert not any(q.step.endswith(CONFIRM) for q in page.questions)
