"""Every table but the patient register sorts through a QSortFilterProxyModel, by each column's natural
key (dates as dates, numbers as numbers, missing values last), and rows are read through the proxy."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from cga_desk.forms import katz, lawton
from cga_desk.services.clinic import Clinic
from cga_desk.ui.cohort_page import OVERDUE_COLUMNS, WORK_COLUMNS
from cga_desk.ui.models import ROW_ROLE, RowsModel, _ranks, sortable
from cga_desk.ui.patient_page import PatientPage


def _visit(clinic: Clinic, day: date, timepoint: str, dependent: tuple[str, ...] = ()) -> int:
    v = clinic.start_visit("PCL-001", day, timepoint, "patient")
    clinic.save_answers(
        v.id, "katz", {c: "dependent" if c in dependent else "independent" for c in katz.SPEC.item_codes}
    )
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [])
    clinic.complete_visit(v.id)
    return v.id


def _column(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _click_header(qtbot: QtBot, table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _page(qtbot: QtBot, clinic: Clinic) -> PatientPage:
    _visit(clinic, date(2026, 3, 10), "Baseline")
    _visit(clinic, date(2026, 6, 1), "End of induction", ("bathing", "dressing"))
    _visit(clinic, date(2026, 9, 1), "CAR-T + 1 month", ("bathing", "dressing", "feeding"))
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitExposed(page)
    page.show_patient("PCL-001")
    return page


def test_ranks_follow_the_keys_and_equal_keys_share_one() -> None:
    assert _ranks([date(2026, 3, 1), date(2025, 12, 31), date(2026, 3, 1)]) == [1, 0, 1]
    assert _ranks([(0, 10), (1, ""), (0, 9)]) == [1, 2, 0]  # missing (1, "") after every number
    assert _ranks([]) == []


def test_visits_sort_by_a_header_click_and_rows_are_read_through_the_proxy(
    qtbot: QtBot, clinic: Clinic, patient: str, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, clinic)
    assert isinstance(page.table.model(), QSortFilterProxyModel)
    assert _column(page.table, 0) == ["2026-03-10", "2026-06-01", "2026-09-01"]  # by date to begin with
    katz_col = next(i for i, c in enumerate(page.model.columns) if c.title.startswith("Katz"))
    _click_header(qtbot, page.table, katz_col)  # ascending first: the lowest Katz score (most dependent)
    assert _column(page.table, katz_col) == ["3", "4", "6"]
    _click_header(qtbot, page.table, katz_col)
    assert _column(page.table, katz_col) == ["6", "4", "3"]
    page.table.selectRow(0)  # the top row is now the baseline: what is read is what is shown
    assert [v.timepoint for v in page.selected_visits()] == ["Baseline"]
    with qtbot.waitSignal(page.open_visit) as opened:
        page.table.activated.emit(page.table.model().index(2, 0))
    assert opened.args == [page.model.rows[2].id]  # the bottom row: the CAR-T visit
    qtmodeltester.check(page.table.model())


def test_change_from_baseline_sorts_numbers_as_numbers(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    page = _page(qtbot, clinic)
    page.tabs.setCurrentIndex(1)
    trends = page.trends
    since = 2
    trends.table.sortByColumn(since, Qt.SortOrder.DescendingOrder)  # 175 d, 83 d, 0 d (as text: 83, 175, 0)
    assert [s.split(" d ")[0] for s in _column(trends.table, since)] == ["175", "83", "0"]
    trends.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # Δ Katz: -3, -2, +0 (as text: +0, -2, -3)
    assert _column(trends.table, 3) == ["−3 ▼ declined", "−2 ▼ declined", "0"]
    trends.table.selectRow(0)
    assert trends.selected().visit.timepoint == "CAR-T + 1 month"  # the row shown is the row read


def test_the_latest_visit_is_selected_whatever_the_sort(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    page = _page(qtbot, clinic)
    page.tabs.setCurrentIndex(1)
    page.trends.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    page.show_patient("PCL-001")  # read again: the selection goes to the latest visit, now the top row
    assert page.trends.table.currentIndex().row() == 0
    assert page.trends.selected().visit.visit_date == date(2026, 9, 1)


def test_cohort_lists_sort_by_days_dates_and_categories(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    overdue = RowsModel(OVERDUE_COLUMNS)
    overdue.set_rows(
        [
            SimpleNamespace(study_id="A", name="b", timepoint="Day 100", due=date(2026, 8, 16), days_overdue=100),
            SimpleNamespace(study_id="B", name="A", timepoint="Baseline", due=date(2026, 11, 15), days_overdue=9),
            SimpleNamespace(study_id="C", name=None, timepoint="Day 30", due=date(2026, 10, 30), days_overdue=25),
        ]
    )
    table = QTableView()
    qtbot.addWidget(table)
    sortable(table, overdue)
    assert _column(table, 0) == ["A", "B", "C"]
    table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    assert _column(table, 4) == ["9", "25", "100"]
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert _column(table, 3) == ["2026-11-15", "2026-10-30", "2026-08-16"]
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # names whatever their case; none first (empty)
    assert _column(table, 1) == ["", "A", "b"]
    assert table.model().index(0, 0).data(ROW_ROLE).study_id == "C"
    qtmodeltester.check(table.model())

    work = RowsModel(WORK_COLUMNS)
    row = dict(name=None, latest_visit_date=date(2026, 6, 1), latest_timepoint="X", reason="declined")
    work.set_rows(
        [
            SimpleNamespace(study_id="F", baseline_category="fit", latest_category="frail", reviewed_on=None, **row),
            SimpleNamespace(
                study_id="I",
                baseline_category="fit",
                latest_category="intermediate",
                reviewed_on=date(2026, 7, 1),
                **row,
            ),
            SimpleNamespace(study_id="N", baseline_category=None, latest_category=None, reviewed_on=None, **row),
        ]
    )
    table = QTableView()
    qtbot.addWidget(table)
    sortable(table, work)
    table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # by the latest category, fit to frail, then none
    assert _column(table, 0) == ["I", "F", "N"]
    table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # reviewed first, by date; "not yet" last
    assert _column(table, 0)[0] == "I"
