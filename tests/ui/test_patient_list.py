"""Patient list: models pass qtmodeltester; search as you type; due filter; sorting by category."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cga_desk.domain.records import PatientInput
from cga_desk.forms import katz, lawton
from cga_desk.services.clinic import Clinic
from cga_desk.services.register import RegisterQuery
from cga_desk.ui.models import PATIENT_COLUMNS, PATIENT_SORT_KEYS, VISIT_COLUMNS, RegisterModel, RowsModel
from cga_desk.ui.patient_list import PatientListPage


def _populate(clinic: Clinic) -> None:
    clinic.register_patient(
        PatientInput("PCL-002", date(1940, 1, 1), "Ivan Petrov", "male", "multiple_myeloma", date(2026, 10, 1))
    )
    clinic.register_patient(
        PatientInput(
            "PCL-003", date(1960, 6, 1), "Zoë Martin", "female", "primary_plasma_cell_leukemia", date(2024, 1, 1)
        )
    )
    v = clinic.start_visit("PCL-003", date(2024, 1, 5), "Baseline", "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [])
    clinic.complete_visit(v.id)  # the register's "last visit" counts completed visits, not drafts


def _shown(page: PatientListPage, column: int = 0) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_models_pass_qtmodeltester(qtmodeltester, clinic: Clinic, patient: str) -> None:  # type: ignore[no-untyped-def]
    _populate(clinic)
    patients = RegisterModel(PATIENT_COLUMNS, PATIENT_SORT_KEYS, clinic.patient_rows_for)
    patients.set_ids(clinic.patient_ids(RegisterQuery()))
    qtmodeltester.check(patients)
    patients.set_ids(clinic.patient_ids(RegisterQuery(search="pcl", sort="name", descending=True)))
    qtmodeltester.check(patients)
    visits: RowsModel = RowsModel(VISIT_COLUMNS)
    visits.set_rows(clinic.visits("PCL-003"))
    qtmodeltester.check(visits)


def test_rows_are_fetched_in_blocks_as_they_are_shown(clinic: Clinic) -> None:
    for n in range(250):
        clinic.register_patient(PatientInput(f"BLK-{n:03d}", date(1950, 1, 1), None, None, None, None))
    asked: list[list[int]] = []
    model = RegisterModel(
        PATIENT_COLUMNS, PATIENT_SORT_KEYS, lambda ids: asked.append(ids) or clinic.patient_rows_for(ids)
    )
    model.set_ids(clinic.patient_ids(RegisterQuery()))
    assert model.rowCount() == 250 and asked == []  # the ids alone: no row is built before it is shown
    assert model.index(0, 0).data() == "BLK-000" and model.index(99, 0).data() == "BLK-099"
    assert model.index(249, 0).data() == "BLK-249"
    assert [len(ids) for ids in asked] == [100, 50]  # two blocks read; rows 100-199 never were


def test_search_as_you_type_by_name_or_id(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _populate(clinic)
    page = PatientListPage(clinic)
    qtbot.addWidget(page)
    page.reload()
    assert page.model.rowCount() == 3 and page.count.text().startswith("3 of 3 patients")
    qtbot.keyClicks(page.search, "mart")
    assert _shown(page) == ["PCL-003"] and page.count.text().startswith("1 of 3 patients")
    page.search.setText("ZOË")  # QTest cannot synthesise non-ASCII keys; accents and case still match
    assert _shown(page) == ["PCL-003"]
    page.search.setText("100%_")  # LIKE's wildcards are searched for as text
    assert _shown(page) == []
    page.search.clear()
    qtbot.keyClicks(page.search, "002")
    assert _shown(page, 1) == ["Ivan Petrov"]
    with qtbot.waitSignal(page.open_patient) as opened:
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened.args == ["PCL-002"]


def test_due_filter_and_words_for_category(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _populate(clinic)
    page = PatientListPage(clinic)
    qtbot.addWidget(page)
    page.reload()
    rows = {r.study_id: r for r in clinic.patient_rows()}
    assert rows["PCL-003"].imwg_category == "fit" and rows["PCL-003"].last_visit == date(2024, 1, 5)
    imwg_col = next(i for i, c in enumerate(PATIENT_COLUMNS) if c.title.startswith("IMWG"))
    texts = dict(zip(_shown(page), _shown(page, imwg_col)))
    assert texts["PCL-003"] == "Fit (0)" and texts["PCL-001"] == "Incomplete"
    page.filter.setCurrentIndex(2)  # overdue only: baselines of 2026-02-20 and 2026-10-01 are past their windows
    assert set(_shown(page)) == {"PCL-001", "PCL-002"}
    assert all(page.model.row_at(page.model.index(r, 0)).next_status == "overdue" for r in range(page.model.rowCount()))


def test_sorting_by_each_column_asks_the_database(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _populate(clinic)
    page = PatientListPage(clinic)
    qtbot.addWidget(page)
    page.reload()
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    ages = [int(a) for a in _shown(page, 2)]
    assert ages == sorted(ages, reverse=True) and ages[0] == 86
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _shown(page, 1) == ["Ivan Petrov", "Maria Rossi", "Zoë Martin"]
    page.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # IMWG: the one with a score first, the rest by ID
    assert _shown(page) == ["PCL-003", "PCL-001", "PCL-002"]
    page.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # patients without a score stay last
    assert _shown(page) == ["PCL-003", "PCL-002", "PCL-001"]
    page.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # next due date
    dues = [r.next_date for r in clinic.patient_rows(RegisterQuery(sort="next_due"))]
    assert dues == sorted(d for d in dues if d) + [None] * dues.count(None)
    assert _shown(page) == [r.study_id for r in clinic.patient_rows(RegisterQuery(sort="next_due"))]


def test_a_patient_gone_since_the_list_was_read_does_not_shift_the_rows(clinic: Clinic, patient: str) -> None:
    _populate(clinic)
    ids = clinic.patient_ids(RegisterQuery())
    model = RegisterModel(
        PATIENT_COLUMNS,
        PATIENT_SORT_KEYS,
        lambda block: {i: r for i, r in clinic.patient_rows_for(block).items() if i != ids[1]},
    )
    model.set_ids(ids)
    shown = [model.index(r, 0).data() for r in range(3)]
    assert shown == ["PCL-001", "—", "PCL-003"]  # the gone one is marked, the others keep their places
