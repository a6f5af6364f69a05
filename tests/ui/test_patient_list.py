"""Patient list: models pass qtmodeltester; search as you type; due filter; sorting by category."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cga_desk.domain.records import PatientInput
from cga_desk.forms import katz, lawton
from cga_desk.services.clinic import Clinic
from cga_desk.ui.models import PATIENT_COLUMNS, ROW_ROLE, VISIT_COLUMNS, PatientFilterProxy, RowsModel
from cga_desk.ui.patient_list import PatientListPage


def _populate(clinic: Clinic) -> None:
    clinic.register_patient(PatientInput("PCL-002", date(1940, 1, 1), "Ivan Petrov", "male",
                                         "multiple_myeloma", date(2026, 10, 1)))
    clinic.register_patient(PatientInput("PCL-003", date(1960, 6, 1), "Zoë Martin", "female",
                                         "primary_plasma_cell_leukemia", date(2024, 1, 1)))
    v = clinic.start_visit("PCL-003", date(2024, 1, 5), "Baseline", "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [])


def test_models_pass_qtmodeltester(qtmodeltester, clinic: Clinic, patient: str) -> None:  # type: ignore[no-untyped-def]
    _populate(clinic)
    patients: RowsModel = RowsModel(PATIENT_COLUMNS)
    patients.set_rows(clinic.patient_rows())
    qtmodeltester.check(patients)
    proxy = PatientFilterProxy()
    proxy.setSourceModel(patients)
    proxy.set_search("pcl")
    qtmodeltester.check(proxy)
    visits: RowsModel = RowsModel(VISIT_COLUMNS)
    visits.set_rows(clinic.visits("PCL-003"))
    qtmodeltester.check(visits)


def test_search_as_you_type_by_name_or_id(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _populate(clinic)
    page = PatientListPage(clinic)
    qtbot.addWidget(page)
    page.reload()
    assert page.proxy.rowCount() == 3
    qtbot.keyClicks(page.search, "mart")
    assert page.proxy.rowCount() == 1 and page.proxy.index(0, 0).data() == "PCL-003"
    page.search.setText("ZOË")  # QTest cannot synthesise non-ASCII keys; accents and case still match
    assert page.proxy.rowCount() == 1 and page.proxy.index(0, 0).data() == "PCL-003"
    page.search.clear()
    qtbot.keyClicks(page.search, "002")
    assert [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())] == ["Ivan Petrov"]
    with qtbot.waitSignal(page.open_patient) as opened:
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened.args == ["PCL-002"]


def test_due_filter_and_words_for_category(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _populate(clinic)
    page = PatientListPage(clinic)
    qtbot.addWidget(page)
    page.reload()
    rows = {r.study_id: r for r in page.model.rows}
    assert rows["PCL-003"].imwg_category == "fit" and rows["PCL-003"].last_visit == date(2024, 1, 5)
    imwg_col = next(i for i, c in enumerate(PATIENT_COLUMNS) if c.title.startswith("IMWG"))
    texts = {page.proxy.index(r, 0).data(): page.proxy.index(r, imwg_col).data() for r in range(page.proxy.rowCount())}
    assert texts["PCL-003"] == "Fit (0)" and texts["PCL-001"] == "Incomplete"
    page.filter.setCurrentIndex(2)  # overdue only: baselines of 2026-02-20 and 2026-10-01 are past their windows
    shown = {page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())}
    assert shown == {"PCL-001", "PCL-002"}
    assert all(page.proxy.data(page.proxy.index(r, 0), ROW_ROLE).next_status == "overdue" for r in range(page.proxy.rowCount()))


def test_sorting_by_age_column(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _populate(clinic)
    page = PatientListPage(clinic)
    qtbot.addWidget(page)
    page.reload()
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    ages = [int(page.proxy.index(r, 2).data()) for r in range(page.proxy.rowCount())]
    assert ages == sorted(ages, reverse=True) and ages[0] == 86
