"""The physician's review in the window: signing (a nurse refused), trends with and without a baseline,
re-baselining from the page, the cohort view and the export from the File menu."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cga_desk.domain.records import PatientInput
from cga_desk.forms import katz, lawton
from cga_desk.services.clinic import Clinic
from cga_desk.services.users import WRONG
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.patient_page import PatientPage
from cga_desk.ui.signoff import SignDialog
from tests.ui.conftest import PASSWORDS, cohort_loaded, sign_in_as, when_modal


def _visit(clinic: Clinic, day: date, timepoint: str, dependent: tuple[str, ...] = (), complete: bool = True) -> int:
    v = clinic.start_visit("PCL-001", day, timepoint, "patient")
    clinic.save_answers(
        v.id, "katz", {c: "dependent" if c in dependent else "independent" for c in katz.SPEC.item_codes}
    )
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [])
    if complete:
        clinic.complete_visit(v.id)
    return v.id


def _page(qtbot: QtBot, clinic: Clinic) -> PatientPage:
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.show_patient("PCL-001")
    return page


def _select(page: PatientPage, rows: list[int]) -> None:
    sm = page.table.selectionModel()
    sm.clearSelection()
    for r in rows:
        sm.select(
            page.table.model().index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_physician_signs_several_visits_and_a_nurse_is_refused(
    qtbot: QtBot, clinic: Clinic, patient: str, monkeypatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr("cga_desk.ui.signoff.show_error", lambda parent, error: errors.append(str(error)))
    _visit(clinic, date(2026, 3, 10), "Baseline")
    _visit(clinic, date(2026, 6, 1), "End of induction", ("bathing",))
    page = _page(qtbot, clinic)
    assert not page.sign_button.isVisible() and not page.amend_button.isVisible()  # a nurse's page
    _select(page, [0, 1])
    page.sign_button.click()  # the service refuses a nurse whatever the buttons show
    assert errors and "only a physician may sign visits" in errors[0]
    assert [v.status for v in clinic.visits("PCL-001")] == ["complete", "complete"]
    sign_in_as(clinic, "bea")
    page.show_patient("PCL-001")
    assert not page.sign_button.isHidden()
    seen: list[str] = []

    def sign(dialog: QWidget) -> None:
        assert isinstance(dialog, SignDialog)
        assert dialog.meaning.currentText() == "Reviewed and approved"  # the default meaning
        assert (
            "• PCL-001 · Baseline · 2026-03-10" in dialog.what.text() and "Dr Bea signs 2 visits" in dialog.what.text()
        )
        dialog.password.setText("not my password")
        dialog._on_ok_clicked()
        seen.append(dialog.error.text())
        assert [v.status for v in clinic.visits("PCL-001")] == ["complete", "complete"]  # nothing signed
        dialog.meaning.setCurrentText("Reviewed")
        dialog.password.setText(PASSWORDS["bea"])
        dialog._on_ok_clicked()

    _select(page, [0, 1])
    when_modal(qtbot, sign)
    page.sign_button.click()
    assert seen == [WRONG]  # the service's words, which never say what was wrong
    stored = clinic.visits("PCL-001")
    assert [v.status for v in stored] == ["signed", "signed"] and {v.signed_by for v in stored} == {"bea"}
    assert {(v.signature.full_name, v.signature.meaning) for v in stored} == {("Dr Bea", "Reviewed")}
    assert [v.status for v in page.model.rows] == ["signed", "signed"]
    line = page.signature.text()
    assert "Electronically signed by Dr Bea (bea) on " in line and line.endswith("— Reviewed")


def test_a_visit_changed_after_the_physician_saw_it_is_not_signed_and_the_page_reloads(
    qtbot: QtBot, clinic: Clinic, patient: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14: the signature covers what the physician saw. A nurse re-opens the visit on another
    workstation after the page was shown: signing is refused with who and when. Trying again could only
    be refused again, so the signing dialog closes itself, the page shows the visit as stored now (a
    draft again), and only then is the refusal said, over the reloaded page ("— reloaded" is true)."""
    vid = _visit(clinic, date(2026, 3, 10), "Baseline")
    sign_in_as(clinic, "bea")
    page = _page(qtbot, clinic)
    shown = page.model.rows[0]
    elsewhere = Clinic(clinic.store, today=clinic.today)  # the nurse, signed in on another workstation
    sign_in_as(elsewhere, "ada")
    elsewhere.save_answer(vid, "katz", "bathing", "dependent", expected=shown.version)
    errors: list[str] = []
    said: list[tuple[str, list[str]]] = []  # the message, and the page's rows when it was said
    monkeypatch.setattr(
        "cga_desk.ui.signoff.show_error",
        lambda parent, error: said.append((str(error), [v.status for v in page.model.rows])),
    )
    dialogs: list[SignDialog] = []

    def sign(dialog: QWidget) -> None:
        assert isinstance(dialog, SignDialog)
        dialogs.append(dialog)
        dialog.password.setText(PASSWORDS["bea"])
        dialog._on_ok_clicked()  # the right password: refused all the same, the visit changed since
        errors.append(dialog.error.text())
        if dialog.isVisible():  # it should have closed itself; closed here so that the test fails, not hangs
            dialogs.append(dialog)
            dialog.reject()

    _select(page, [0])
    assert [v.status for v in page.model.rows] == ["complete"]
    when_modal(qtbot, sign)
    page.sign_button.click()  # returns once the dialog has closed itself
    assert errors and "changed by ada at " in errors[0] and "reloaded" in errors[0]
    assert len(dialogs) == 1  # it closed itself
    assert said == [(errors[0], ["draft"])]  # said once, over the page as stored now
    assert clinic.visit(vid).status == "draft" and clinic.visit(vid).signed_by is None
    assert [v.status for v in page.model.rows] == ["draft"]


def test_trends_for_a_patient_without_baseline(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    v = clinic.start_visit("PCL-001", date(2026, 3, 10), "Baseline", "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})  # Lawton, Charlson missing
    page = _page(qtbot, clinic)
    page.tabs.setCurrentIndex(1)
    trends = page.trends
    assert trends is not None and trends.model.rowCount() == 1
    cells = [trends.model.index(0, c).data() for c in range(trends.model.columnCount())]
    assert cells[2] == "no baseline" and cells[3:7] == ["no baseline"] * 4
    assert "no baseline" in trends.items.text()
    assert all(chart.plotItem.titleLabel.text for chart in trends.charts.plots)


def test_rebaseline_from_the_trends_page(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _visit(clinic, date(2026, 3, 10), "Baseline")
    second = _visit(clinic, date(2026, 6, 1), "End of induction", ("bathing", "dressing"))
    _visit(clinic, date(2026, 9, 1), "CAR-T + 1 month", ("bathing", "dressing", "feeding"))
    page = _page(qtbot, clinic)
    page.tabs.setCurrentIndex(1)
    trends = page.trends
    assert trends.model.index(2, 3).data() == "−3 ▼ declined"  # against the earliest complete visit
    assert "Bathing: Independent: bathes self completely" in trends.items.text()
    trends.table.selectRow(1)
    trends.mark.click()
    rows = trends.model.rows
    assert [r.change.is_baseline for r in rows] == [False, True, False]
    assert trends.model.index(0, 3).data() == "no baseline"
    assert trends.model.index(2, 3).data() == "−1 ▼ declined"  # against the new baseline of 2026-06-01
    assert [(c.item, c.from_answer, c.to_answer) for c in rows[2].change.item_changes] == [
        ("feeding", "independent", "dependent")
    ]
    assert clinic.visit(second).is_baseline


def test_cohort_view_and_opening_a_worklist_patient(qtbot: QtBot, clinic: Clinic, patient: str, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    _visit(clinic, date(2026, 3, 10), "Baseline")
    _visit(clinic, date(2026, 6, 1), "End of induction", ("bathing", "dressing"))
    clinic.register_patient(PatientInput("PCL-002", date(1950, 1, 1), "Other", index_disease="multiple_myeloma"))
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    cohort = window.cohort
    cohort_loaded(qtbot, cohort, window.show_cohort)
    assert cohort.summary.n_patients == 1 and cohort.summary.n_visits == 2
    assert [r.study_id for r in cohort.work_model.rows] == ["PCL-001"]
    assert "fit" in cohort.work_model.rows[0].reason or "declined" in cohort.work_model.rows[0].reason
    qtmodeltester.check(cohort.work_model)
    qtmodeltester.check(cohort.overdue_model)
    cohort.disease.setCurrentIndex(cohort.disease.findData("multiple_myeloma"))
    cohort_loaded(qtbot, cohort, cohort.reload)
    assert cohort.summary.n_visits == 0 and cohort.work_model.rowCount() == 0
    cohort.disease.setCurrentIndex(0)
    cohort_loaded(qtbot, cohort, cohort.reload)
    with qtbot.waitSignal(cohort.open_patient) as opened:
        cohort.work.activated.emit(cohort.work_model.index(0, 0))
    assert opened.args == ["PCL-001"] and window.stack.currentWidget() is window.patient


def test_export_from_the_file_menu_runs_off_the_gui_thread(
    qtbot: QtBot, clinic: Clinic, patient: str, tmp_path: Path, monkeypatch
) -> None:
    _visit(clinic, date(2026, 3, 10), "Baseline")
    sign_in_as(clinic, "bea")  # a nurse does not export
    out = tmp_path / "dataset.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window._on_export_triggered()
    qtbot.waitUntil(lambda: "Exported 1 visits" in window.statusBar().currentMessage(), timeout=20000)
    frame = pd.read_csv(out)
    assert list(frame["patient_id"]) == ["PCL-001"] and "birth_date" not in frame.columns
    assert (tmp_path / "dataset.codebook.csv").exists()


@pytest.mark.parametrize(
    ("chosen", "name", "expect"),
    [
        ("ADaM datasets: ADSL, ADQS as CSV and SAS XPT (folder) (*)", "adam", "adam/adqs.xpt"),
        ("REDCap project: dictionary, events, data (folder) (*)", "project", "project/data_dictionary.csv"),
        ("FHIR R4 bundle (*.json)", "bundle", "bundle.json"),
        ("CDISC ODM 1.3.2 (*.xml)", "study.xml", "study.xml"),
    ],
)
def test_export_an_exchange_format_with_a_progress_bar(
    qtbot: QtBot, clinic: Clinic, patient: str, tmp_path: Path, monkeypatch, chosen: str, name: str, expect: str
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    _visit(clinic, date(2026, 3, 10), "Baseline")
    sign_in_as(clinic, "bea")  # a nurse does not export
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / name), chosen)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    values: list[tuple[int, int]] = []
    monkeypatch.setattr(QProgressDialog, "setValue", lambda self, v: values.append((v, self.maximum())))
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window._on_export_triggered()
    qtbot.waitUntil(lambda: "Exported 1 visits" in window.statusBar().currentMessage(), timeout=20000)
    assert (tmp_path / expect).exists()
    assert values and values[-1] == (1, 1)  # one patient of one: the bar reached its end


def test_trends_arrows_follow_the_sign_and_words_say_what_it_means(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    """A CCI rise is a decline: "+1 ▲ declined" (the arrow goes the number's way, never "+1 ▼"); a Katz
    fall "−1 ▼ declined"; a Lawton rise "+1 ▲ improved" (the reports' rule, reports/changes.delta_cell)."""
    base = clinic.start_visit("PCL-001", date(2026, 3, 10), "Baseline", "patient")
    clinic.save_answers(base.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(base.id, "lawton", {c: 2 if c == "shopping" else 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(base.id, "charlson", [])
    clinic.complete_visit(base.id)
    later = clinic.start_visit("PCL-001", date(2026, 6, 1), "End of induction", "patient")
    clinic.save_answers(
        later.id, "katz", {c: "dependent" if c == "bathing" else "independent" for c in katz.SPEC.item_codes}
    )
    clinic.save_answers(later.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(later.id, "charlson", ["dementia"])
    clinic.complete_visit(later.id)
    page = _page(qtbot, clinic)
    page.tabs.setCurrentIndex(1)
    trends = page.trends
    assert trends is not None
    cells = [trends.model.index(1, c).data() for c in range(3, 7)]
    assert cells[:3] == ["−1 ▼ declined", "+1 ▲ improved", "+1 ▲ declined"]  # Katz, Lawton, CCI


def test_a_refusal_in_the_signing_dialog_grows_it_instead_of_squeezing_its_words(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    """Seen in a real window: after a wrong password the refusal (three lines) took its room from the
    wrapped words above it, which were cut off at the top. The dialog grows to fit what it says."""
    from PySide6.QtWidgets import QApplication, QLabel

    _visit(clinic, date(2026, 3, 10), "Baseline")
    sign_in_as(clinic, "bea")
    dialog = SignDialog(clinic, clinic.visits("PCL-001"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def squeezed() -> list[str]:
        QApplication.processEvents()
        return [
            label.text()[:30]
            for label in dialog.findChildren(QLabel)
            if label.isVisible() and label.wordWrap() and label.height() < label.heightForWidth(label.width())
        ]

    assert squeezed() == []
    assert QApplication.focusWidget() is dialog.password  # typed straight away, as on the sign-in page
    before = dialog.height()
    dialog.password.setText("not my password")
    dialog._on_ok_clicked()
    assert dialog.error.text() == WRONG and dialog.isVisible()
    assert squeezed() == [] and dialog.height() > before
