"""The assessment wizard driven with the keyboard: keystrokes counted, live panel, drafts kept."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from cga_desk.domain.records import User
from cga_desk.forms import charlson, katz, lawton
from cga_desk.forms.document import score_document
from cga_desk.services.clinic import Clinic
from cga_desk.ui.wizard.page import WizardPage
from cga_desk.ui.wizard.questions import ASK


class Keys:
    """Sends keys to the wizard and counts them."""

    def __init__(self, qtbot: QtBot, widget: WizardPage) -> None:
        self.qtbot, self.widget, self.count = qtbot, widget, 0

    def type(self, text: str) -> None:
        for ch in text:
            self.qtbot.keyClick(self.widget, ch)
            self.count += 1

    def skip_optional(self) -> None:
        while self.widget.questions[self.widget.index].step.endswith(ASK):
            self.type("2")

    def press(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.widget, key)
        self.count += 1


def _complete_baseline(clinic: Clinic, study_id: str) -> None:
    v = clinic.start_visit(study_id, date(2026, 3, 10), "Baseline", "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", ["diabetes_uncomplicated", "chronic_pulmonary_disease"])
    clinic.complete_visit(v.id)


def test_follow_up_with_unchanged_comorbidities_in_at_most_30_keystrokes(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    _complete_baseline(clinic, patient)
    visit = clinic.start_visit(patient, date(2026, 6, 1), "End of induction")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.show()
    page.open_visit(visit.id)
    keys = Keys(qtbot, page)
    keys.type("1")  # respondent: the patient
    keys.type("2" + "121111")  # Katz: "changed, go through each item", dressing dependent
    keys.type("2" + "12141231")  # Lawton: every item again
    keys.type("1")  # Charlson: unchanged since the baseline visit
    keys.type("1")  # ECOG 1
    keys.skip_optional()  # instruments asked only when wanted (G8): one key each
    assert page.questions[page.index].step == "review"
    keys.press(Qt.Key.Key_Return)  # complete
    assert keys.count <= 30
    stored = clinic.visit(visit.id)
    assert stored.status == "complete" and stored.respondent == "patient"
    expected = score_document(
        {
            "birth_date": "1949-05-02",
            "assessment_date": "2026-06-01",
            "katz": {**{c: "independent" for c in katz.SPEC.item_codes}, "dressing": "dependent"},
            "lawton": dict(zip(lawton.SPEC.item_codes, [1, 2, 1, 4, 1, 2, 3, 1])),
            "charlson": ["diabetes_uncomplicated", "chronic_pulmonary_disease"],
            "ecog": 1,
        }
    )
    for key in ("katz_adl", "lawton_iadl", "cci", "imwg", "simplified_frailty"):
        assert stored.scores[key] == expected[key]


def test_live_panel_agrees_with_the_core_at_every_answer(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    visit = clinic.start_visit(patient, date(2026, 3, 10), "Baseline")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.open_visit(visit.id)
    keys = Keys(qtbot, page)
    keys.type("1" + "111111")
    assert (
        page.panel.lines["katz"].text().startswith("Katz ADL 6/6")
        and "higher = more independent" in page.panel.lines["katz"].text()
    )
    assert "incomplete" in page.panel.imwg.text()
    keys.type("22222222")  # Lawton: option 2 everywhere
    assert (
        page.panel.lines["lawton"].text().startswith("Lawton IADL 5/8")
    )  # telephone, housekeeping, laundry, transport, finances
    keys.type("1" * 16)  # Charlson: nothing present (first visit, so no "unchanged" question)
    keys.type("0")
    core = score_document(
        {
            "birth_date": "1949-05-02",
            "assessment_date": "2026-03-10",
            "katz": {c: "independent" for c in katz.SPEC.item_codes},
            "lawton": {c: 2 for c in lawton.SPEC.item_codes},
            "charlson": [],
            "ecog": 0,
        }
    )
    assert core["imwg"] == {"score": 2, "category": "frail", "points": {"age": 1, "cci": 0, "adl": 0, "iadl": 1}}
    assert page.panel.imwg.text() == "IMWG frailty score 2/5: Frail"
    assert page.panel.provenance.text().splitlines() == core["imwg_provenance"]
    assert "IADL 5/8 ≤ 5 → +1" in page.panel.provenance.text()


def test_draft_survives_closing_mid_visit_and_reopens_where_it_stopped(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    visit = clinic.start_visit(patient, date(2026, 3, 10), "Baseline")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.open_visit(visit.id)
    Keys(qtbot, page).type("1" + "1211")  # respondent + four Katz items
    page.close()
    page.deleteLater()
    again = WizardPage(clinic)
    qtbot.addWidget(again)
    again.open_visit(visit.id)
    q = again.questions[again.index]
    assert (q.step, q.item) == ("katz", "continence")
    assert clinic.visit(visit.id).instruments["katz"].answers == {
        "bathing": "independent",
        "dressing": "dependent",
        "toileting": "independent",
        "transferring": "independent",
    }


def test_backspace_goes_back_and_a_new_digit_changes_the_answer(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    visit = clinic.start_visit(patient, date(2026, 3, 10), "Baseline")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.open_visit(visit.id)
    keys = Keys(qtbot, page)
    keys.type("11")
    keys.press(Qt.Key.Key_Backspace)
    assert page.questions[page.index].item == "bathing"
    keys.type("2")
    assert clinic.visit(visit.id).instruments["katz"].answers["bathing"] == "dependent"
    assert page.questions[page.index].item == "dressing"


def test_completing_too_early_is_refused_with_the_list(qtbot: QtBot, clinic: Clinic, patient: str, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("cga_desk.ui.wizard.page.show_error", lambda parent, error: shown.append(str(error)))
    visit = clinic.start_visit(patient, date(2026, 3, 10), "Baseline")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.open_visit(visit.id)
    page.show_question(len(page.questions) - 1)
    assert "Still missing" in page.review.missing.text() and "respondent" in page.review.missing.text()
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert shown and "Lawton" in shown[0] and clinic.visit(visit.id).status == "draft"


def test_only_the_current_question_options_are_shown(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    visit = clinic.start_visit(patient, date(2026, 3, 10), "Baseline")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.open_visit(visit.id)
    for _index in range(3):
        page.answer(0)  # answers faster than the event loop turns, as a scanner or a script would
    shown = [b for b in page.options.findChildren(QRadioButton) if not b.isHidden()]
    assert [b.objectName() for b in shown] == ["katz.toileting.independent", "katz.toileting.dependent"]


def test_option_controls_are_named_for_code_and_spoken_by_their_words(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    """Each option is found by its identifier (objectName); a screen reader says its key and words, as
    shown, never the identifier (issue 18 item 9)."""
    visit = clinic.start_visit(patient, date(2026, 3, 10), "Baseline")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.open_visit(visit.id)
    seen: set[str] = set()
    for i in range(len(page.questions) - 1):
        page.show_question(i)
        for b in page.findChildren(QRadioButton):
            seen.add(b.objectName())
            if b.isVisibleTo(page):
                said = QAccessible.queryAccessibleInterface(b).text(QAccessible.Text.Name)
                assert said == b.text() and b.objectName() not in said, (b.objectName(), said)
    for name in (
        "katz.bathing.dependent",
        "lawton.shopping.2",
        "charlson.diabetes.end_organ_damage",
        "charlson.dementia.yes",
        "ecog.ecog.1",
        "visit.respondent.proxy",
    ):
        assert name in seen
    assert {f"charlson.{g.code}.none" for g in charlson.GRADED} <= seen


def test_an_answer_refused_by_a_change_elsewhere_is_kept_to_apply_again_with_r(
    qtbot: QtBot, clinic: Clinic, patient: str, monkeypatch
) -> None:
    """Issue 14: two workstations on one visit. The second save is refused ("changed by … — reloaded"),
    the page shows the stored answer, keeps the user's to apply again with one key."""
    shown: list[str] = []
    monkeypatch.setattr("cga_desk.ui.wizard.page.show_error", lambda parent, error: shown.append(str(error)))
    visit = clinic.start_visit(patient, date(2026, 3, 10), "Baseline", "patient")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.open_visit(visit.id)
    assert page.questions[page.index].item == "bathing"
    elsewhere = Clinic(clinic.store, User("Nurse Eve", "nurse"))
    elsewhere.save_answer(visit.id, "katz", "bathing", "independent", expected=visit.version)
    qtbot.keyClick(page, "2")  # dependent, on the version read before Eve's save
    assert shown and "changed by Nurse Eve at " in shown[0] and "reloaded" in shown[0]
    assert page.questions[page.index].item == "bathing"  # stays on the question
    checked = [b.objectName() for b in page.group.buttons() if b.isChecked()]
    assert checked and checked[0].endswith("independent")  # the stored value, reloaded
    assert "NOT saved" in page.banner.text() and "press r" in page.banner.text().lower()
    assert page.reapply_button.isVisible() or not page.isVisible()
    assert clinic.visit(visit.id).instruments["katz"].answers["bathing"] == "independent"
    qtbot.keyClick(page, "r")  # one key applies it to the reloaded visit
    assert clinic.visit(visit.id).instruments["katz"].answers["bathing"] == "dependent"
    assert page.pending is None and "NOT saved" not in page.banner.text()


def test_a_save_that_fails_shows_the_stored_value_again(
    qtbot: QtBot, clinic: Clinic, patient: str, monkeypatch
) -> None:
    from cga_desk.persistence.uow import StorageError

    shown: list[str] = []
    monkeypatch.setattr("cga_desk.ui.wizard.page.show_error", lambda parent, error: shown.append(str(error)))
    visit = clinic.start_visit(patient, date(2026, 3, 10), "Baseline", "patient")
    clinic.save_answer(visit.id, "katz", "bathing", "independent")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.open_visit(visit.id)
    page.show_question([q.item for q in page.questions].index("bathing"))

    def busy(*args, **kwargs):
        raise StorageError(
            "The database is busy (another workstation or program is writing). Nothing was saved; try again."
        )

    monkeypatch.setattr(clinic, "save_answer", busy)
    page.group.button(1).click()  # "dependent" clicked, never stored
    assert shown and "busy" in shown[0]
    checked = [b.objectName() for b in page.group.buttons() if b.isChecked()]
    assert checked and checked[0].endswith("independent")
