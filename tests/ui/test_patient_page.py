"""Opening a patient in the window reads the store once (issue 8), whichever tab is showing, and a
change made from the page (re-baselining) reads it once more."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from cga_desk.forms import katz, lawton
from cga_desk.services.clinic import Clinic
from cga_desk.ui.patient_page import PatientPage


def _visit(clinic: Clinic, day: date, timepoint: str, complete: bool = True) -> int:
    v = clinic.start_visit("PCL-001", day, timepoint, "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [])
    if complete:
        clinic.complete_visit(v.id)
    return v.id


@pytest.fixture
def units(clinic: Clinic, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The `write` flag of every unit of work the clinic opens from now on."""
    opened: list[bool] = []
    real = clinic.store.unit_of_work

    def counting(write: bool = True) -> Any:
        opened.append(write)
        return real(write)

    monkeypatch.setattr(clinic.store, "unit_of_work", counting)
    return opened


@pytest.mark.parametrize("tab", [0, 1])
def test_opening_a_patient_is_one_read(qtbot: QtBot, clinic: Clinic, patient: str, units: list[bool], tab: int) -> None:
    _visit(clinic, date(2026, 3, 10), "Baseline")
    _visit(clinic, date(2026, 6, 1), "End of induction", complete=False)
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(tab)
    units.clear()
    page.show_patient("PCL-001")
    assert units == [False, True]  # one read, then the disclosure recorded (issue 15)
    assert [v.timepoint for v in page.model.rows] == ["Baseline", "End of induction"]
    assert "Continue the draft End of induction visit" in page.primary.text()
    if tab == 1:
        assert page.trends is not None and page.trends.model.rowCount() == 2


def test_the_next_timepoint_comes_with_the_patient(
    qtbot: QtBot, clinic: Clinic, patient: str, units: list[bool]
) -> None:
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.show_patient("PCL-001")
    assert units == [False, True]  # one read, then the disclosure recorded (issue 15)
    assert page.primary.text().startswith(f"Start the {clinic.next_timepoint('PCL-001').label} visit today")


def test_rebaselining_reads_the_patient_once_more(
    qtbot: QtBot, clinic: Clinic, patient: str, units: list[bool]
) -> None:
    _visit(clinic, date(2026, 3, 10), "Baseline")
    second = _visit(clinic, date(2026, 6, 1), "End of induction")
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(1)
    page.show_patient("PCL-001")
    units.clear()
    page.trends.table.selectRow(1)
    page.trends.mark.click()
    assert units == [True, False]  # set the baseline, then read the page again
    assert [r.change.is_baseline for r in page.trends.model.rows] == [False, True]
    assert [v.is_baseline for v in page.model.rows] == [False, True] and page.file.visits[1].id == second


def test_the_start_button_says_due_once_with_the_status_in_words(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    """ "Start the Baseline visit today (due: due 6 Dec 2026)" said "due" twice: each status has its words."""
    import re
    from datetime import timedelta

    from cga_desk.domain.records import PatientInput
    from cga_desk.i18n import format_date
    from tests.ui.conftest import TODAY

    diagnosed = TODAY - timedelta(days=2)  # the baseline is due now (its window is open)
    clinic.register_patient(PatientInput("PCL-002", date(1950, 1, 1), "Ana Lima", None, None, diagnosed))
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.show_patient("PCL-002")
    assert page.file is not None and page.file.next_timepoint is not None
    assert page.file.next_timepoint.status == "due"
    text = page.primary.text()
    assert text.endswith(f"(due {format_date(page.file.next_timepoint.due)})"), text
    page.show_patient(patient)  # diagnosed in February: its baseline's window has closed
    assert page.file is not None and page.file.next_timepoint is not None
    status = page.file.next_timepoint.status
    text = page.primary.text()
    assert status in ("overdue", "missed") and f"({status}: it was due " in text, text
    assert len(re.findall(r"\bdue\b", text)) == 1, text


def test_the_selected_visit_says_who_amended_it_when_and_why(
    qtbot: QtBot, clinic: Clinic, patient: str, units: list[bool]
) -> None:
    """The wizard's review and Earlier versions said "Amended by …"; the patient page's line under the
    visits said only "assessor: Nurse Ada". It now says who reopened the signed visit, when and why, read
    with the rest of the patient (one unit of work)."""
    from cga_desk.i18n import format_date
    from tests.ui.conftest import PASSWORDS, sign_in_as

    visit_id = _visit(clinic, date(2026, 3, 10), "Baseline")
    sign_in_as(clinic, "bea")
    clinic.sign_visits([visit_id], PASSWORDS["bea"])
    clinic.amend_visit(visit_id, "bathing was mis-keyed")
    (version,) = clinic.visit_versions(visit_id)
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    units.clear()
    page.show_patient("PCL-001")
    assert units == [False, True]  # still one read (then the disclosure's audit event)
    page.table.selectRow(0)
    said = f"Amended by bea on {format_date(version.superseded_at.date())}: bathing was mis-keyed"
    assert said in page.signature.text(), page.signature.text()
    clinic.complete_visit(visit_id)
    clinic.sign_visits([visit_id], PASSWORDS["bea"])
    page.show_patient("PCL-001")  # signed again: the signature and the amendment, nothing selected
    assert "Electronically signed by Dr Bea" in page.signature.text() and said in page.signature.text()


def test_the_header_shows_the_mrn_beside_the_study_id(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    from cga_desk.domain.records import PatientInput

    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.show_patient("PCL-001")
    assert "MRN" not in page.title.full_text()  # none recorded: nothing printed
    p = clinic.open_patient("PCL-001").patient
    clinic.edit_patient(
        "PCL-001", PatientInput(p.study_id, p.birth_date, p.name, p.sex, p.index_disease, p.diagnosis_date, "H 004711")
    )
    page.show_patient("PCL-001")
    title = page.title.full_text().replace("\u2068", "").replace("\u2069", "")  # the bidi isolates
    assert title.startswith("PCL-001 · MRN H 004711 · Maria Rossi · ")
