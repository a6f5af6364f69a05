"""The cohort view counts what it says: drafts left out unless the box is ticked, the first baseline
unless the latest is chosen (and the printed report follows the same choice), the patients without due
dates named under the overdue list, and the timepoint labels thinned so that none touches another."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from cga_desk.domain.records import PatientInput
from cga_desk.forms import katz, lawton
from cga_desk.services.clinic import Clinic
from cga_desk.services.cohort import LATEST_BASELINE, CohortOptions
from cga_desk.ui.cohort_page import CohortPage
from cga_desk.ui.main_window import MainWindow
from tests.integration.report_helpers import flat, pdf_pages
from tests.ui.conftest import cohort_loaded, sign_in_as


def _visit(clinic: Clinic, day: date, timepoint: str, lost: int = 0, complete: bool = True) -> int:
    v = clinic.start_visit("PCL-001", day, timepoint, "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    worse = set(lawton.SPEC.item_codes[:lost])
    clinic.save_answers(v.id, "lawton", {c: 2 if c in worse else 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [])
    if complete:
        clinic.complete_visit(v.id)
    return v.id


def test_drafts_box_and_baseline_choice_change_the_summary_and_the_report(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    first = _visit(clinic, date(2026, 3, 10), "Baseline")
    _visit(clinic, date(2026, 6, 1), "End of induction", lost=2)
    second = _visit(clinic, date(2026, 9, 1), "CAR-T + 1 month", lost=2)
    clinic.set_baseline(first, True)
    clinic.set_baseline(second, True)  # re-baselined
    third = _visit(clinic, date(2026, 10, 1), "End of consolidation", lost=5)
    _visit(clinic, date(2026, 11, 1), "Follow-up month 9", lost=4, complete=False)  # a draft
    clinic.register_patient(PatientInput("NODATES-1", date(1950, 1, 1), "No Dates"))  # no diagnosis date
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    cohort = window.cohort
    cohort_loaded(qtbot, cohort, window.show_cohort)
    s = cohort.summary
    assert (s.n_visits, s.drafts_left_out, s.rebaselined) == (4, 1, 1)
    assert "Follow-up month 9" not in list(s.categories.index)
    assert "drafts left out: 1" in cohort.heading.text() and "first baseline" in cohort.heading.text()
    assert "NODATES-1" in cohort.unchecked.text() and "never seen: 1" in cohort.unchecked.text()
    iadl = {v: clinic.visit(v).scores["lawton_iadl"] for v in (first, second, third)}
    assert iadl[first] > iadl[second] > iadl[third]
    lawton_change = s.mean_change.set_index(["timepoint", "score"])["mean_change"]
    assert lawton_change[("End of consolidation", "lawton_iadl")] == iadl[third] - iadl[first]
    cohort_loaded(qtbot, cohort, lambda: cohort.drafts.setChecked(True))  # reloads
    assert (cohort.summary.n_visits, cohort.summary.drafts_left_out) == (5, 0)
    assert "Follow-up month 9" in list(cohort.summary.categories.index)
    cohort_loaded(qtbot, cohort, lambda: cohort.baseline.setCurrentIndex(cohort.baseline.findData(LATEST_BASELINE)))
    assert cohort.options() == CohortOptions(include_drafts=True, baseline=LATEST_BASELINE)
    latest = cohort.summary.mean_change.set_index(["timepoint", "score"])["mean_change"]
    assert latest[("End of consolidation", "lawton_iadl")] == iadl[third] - iadl[second]  # the re-baseline
    sign_in_as(clinic, "bea")
    pdf = clinic.report_pdf("cohort", (cohort.filters(), cohort.options()))
    text = flat(" ".join(pdf_pages(pdf)))
    assert "Draft visits included" in text and "Change from the latest baseline" in text
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None and info.author == "Dr Bea"  # the physician signed in, not the program


def test_sixty_timepoints_get_labels_that_never_touch(qtbot: QtBot) -> None:
    import pandas as pd
    from PySide6.QtGui import QFontMetrics

    from cga_desk.ui.charts import short_timepoint
    from cga_desk.ui.cohort_chart import CategoryChart
    from cga_desk.ui.style import CATEGORY_COLOURS

    labels = ["Baseline", "End of induction"] + [f"Follow-up month {m}" for m in range(3, 175, 3)]
    frame = pd.DataFrame({"n": 50, "fit": 20, "intermediate": 15, "frail": 10, "incomplete": 5}, index=pd.Index(labels))
    chart = CategoryChart()
    qtbot.addWidget(chart)
    chart.resize(700, 320)
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_counts(frame, CATEGORY_COLOURS)
    axis = chart.plot.getAxis("bottom")
    ticks = axis._tickLevels[0]  # what setTicks gave the axis
    assert 1 < len(ticks) < len(labels)
    metrics = QFontMetrics(axis.style.get("tickFont") or chart.font())
    per_bar = axis.width() / len(labels)
    for (x1, t1), (x2, t2) in zip(ticks, ticks[1:]):
        room = (x2 - x1) * per_bar
        assert room >= (metrics.horizontalAdvance(t1) + metrics.horizontalAdvance(t2)) / 2, (t1, t2)
    assert ticks[0][1] == short_timepoint("Baseline")


def test_the_summary_is_computed_off_the_gui_thread_and_the_page_stays_responsive(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    """reload() returns before the summary exists, with the busy bar showing; the summary is computed on
    another thread and arrives by the `loaded` signal, the same summary as computed directly."""
    import threading

    _visit(clinic, date(2026, 3, 10), "Baseline")
    _visit(clinic, date(2026, 6, 1), "End of induction", lost=2)
    threads: list[int] = []
    compute = clinic.cohort_summary

    def recording(*args: Any) -> Any:  # the real computation, noting the thread it runs on
        threads.append(threading.get_ident())
        return compute(*args)

    clinic.cohort_summary = recording  # type: ignore[method-assign]
    page = CohortPage(clinic)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=30000):
        page.reload()
        assert page.summary is None and not page.busy.isHidden()  # returned at once, still computing
        assert page.heading.text() == "Computing the cohort summary…"
    assert threads and threads[0] != threading.get_ident()
    assert page.busy.isHidden()
    direct = compute(page.filters(), page.options())
    assert (page.summary.n_patients, page.summary.n_visits) == (direct.n_patients, direct.n_visits) == (1, 2)
    assert page.summary.mean_change.equals(direct.mean_change)
    assert page.summary.categories.equals(direct.categories)
    assert "2 visits" in page.heading.text()
