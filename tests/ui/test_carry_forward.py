"""Carry-forward with eyes open (issue 18): a nurse's follow-up from the patient page, keys counted; the
"last time" hints and list; the review page listing every answer with the changed ones marked."""

from __future__ import annotations

from datetime import date

import pytest
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


# The completer's popup under the offscreen platform of the tests (a desktop grabs and raises it).
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore("does not support grabbing the keyboard", "does not support raise")


@OFFSCREEN_POPUP
def test_amending_one_answer_goes_straight_to_it_and_says_who_amended(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    """Issue 18 item 4: the physician amends one answer of a signed visit: the search box finds the
    question by its words, its answer brings the review back, and the visit says who amended it; the
    earlier versions list which answer changed, in words."""
    from cga_desk.ui import signoff
    from tests.ui.conftest import PASSWORDS, sign_in_as, when_modal

    first = _baseline(clinic, patient)
    sign_in_as(clinic, "bea")
    clinic.sign_visits([first], PASSWORDS["bea"], clinic.signature_meanings()[0])
    window = _window(qtbot, clinic)
    window.show_patient(patient)
    page = window.patient
    page.table.selectRow(0)

    def give_reason(dialog: object) -> None:
        qtbot.keyClicks(QApplication.focusWidget(), "dressing was mis-keyed")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    when_modal(qtbot, give_reason)
    page.amend_button.click()
    wizard = window.wizard
    qtbot.waitUntil(lambda: window.stack.currentWidget() is wizard, timeout=3000)
    window.windowHandle().requestActivate()  # offscreen, the window is active again only on request
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard, timeout=3000)
    assert wizard.questions[wizard.index].step == "review"  # everything is answered: the review first
    assert "Amended by bea on 2026-" in wizard.review.summary.text()
    assert "dressing was mis-keyed" in wizard.review.summary.text()
    keys = Keys(qtbot)
    keys.type("/")
    assert QApplication.focusWidget() is wizard.search
    keys.type("dressing")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard, timeout=3000)
    assert _on(wizard) == ("katz", "dressing")
    keys.type("2")  # dependent: back to the review, where the jump came from
    assert wizard.questions[wizard.index].step == "review"
    keys.press(Qt.Key.Key_Return)  # complete
    assert keys.count <= 13, keys.count  # was about 44 through the steps
    visit = clinic.visit(first)
    assert visit.status == "complete" and visit.instruments["katz"].answers["dressing"] == "dependent"
    text = signoff.versions_text(clinic, visit)
    assert "replaced on" in text and "by bea" in text
    assert "Answers changed since revision 1:" in text
    changed = [line for line in text.splitlines() if line.strip().startswith("•")]
    assert len(changed) == 1 and "Katz ADL" in changed[0] and "Dressing" in changed[0]
    assert changed[0].index("Independent") < changed[0].index("→") < changed[0].index("Dependent")


@OFFSCREEN_POPUP
def test_a_search_without_a_match_says_so_and_esc_returns_to_the_question(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    visit = clinic.start_visit(patient, date(2026, 3, 10), "Baseline", "patient")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.show()
    page.open_visit(visit.id)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=3000)
    qtbot.keyClick(page, "/")
    qtbot.keyClicks(page.search, "xylophone")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "xylophone" in page.banner.text(), timeout=3000)
    assert _on(page) == ("katz", "bathing")
    qtbot.keyClick(page, "/")
    qtbot.keyClicks(page.search, "shop")
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)  # leaves the box, does not close the wizard
    assert page.search.text() == "" and QApplication.focusWidget() is page and _on(page) == ("katz", "bathing")
    qtbot.keyClick(page, "/")
    qtbot.keyClicks(page.search, "shop")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _on(page) == ("lawton", "shopping"), timeout=3000)
