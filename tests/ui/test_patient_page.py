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
