"""QSettings: the window's geometry, its splitters and the last folders of the file dialogs survive
closing the window and opening a new one; everything is kept in the test's own settings folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cga_desk.forms import katz, lawton
from cga_desk.services.clinic import Clinic
from cga_desk.ui import window_state
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.report_preview import ReportPreview


def _visit(clinic: Clinic, day: date, timepoint: str) -> int:
    v = clinic.start_visit("PCL-001", day, timepoint, "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [])
    clinic.complete_visit(v.id)
    return v.id


def _window_on_trends(qtbot: QtBot, clinic: Clinic) -> MainWindow:
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_patient("PCL-001")
    window.patient.tabs.setCurrentIndex(1)  # builds the trends view, and its splitter
    qtbot.waitUntil(lambda: window.patient.trends.splitter.sizes()[0] > 100)  # laid out in the shown window
    return window


def test_geometry_survives_closing_and_reopening(qtbot: QtBot, settings_dir: Path) -> None:
    first = MainWindow()  # the frame alone is small enough for the offscreen screen (800 x 800)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(720, 540)
    first.close()
    assert (settings_dir / window_state.INI_NAME).exists()  # the test's own folder, not the user's settings
    again = MainWindow()  # a new run: its size comes from nothing but the settings
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (720, 540)


def test_splitter_position_survives_closing_and_reopening(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _visit(clinic, date(2026, 3, 10), "Baseline")
    first = _window_on_trends(qtbot, clinic)
    splitter = first.patient.trends.splitter
    splitter.setSizes([300, 900])
    share = splitter.sizes()[0] / sum(splitter.sizes())
    assert share < 0.3  # the charts start with about half the width
    first.close()
    again = _window_on_trends(qtbot, clinic)
    sizes = again.patient.trends.splitter.sizes()
    assert abs(sizes[0] / sum(sizes) - share) < 0.01  # restored as a share of the width (Qt's way)


def test_the_export_and_report_dialogs_start_in_the_folder_last_used(
    qtbot: QtBot, clinic: Clinic, patient: str, tmp_path: Path, monkeypatch
) -> None:
    exports, reports = tmp_path / "exports", tmp_path / "reports"
    exports.mkdir()
    reports.mkdir()
    asked: list[str] = []
    answers = iter([str(exports / "a.csv"), str(reports / "r.pdf"), "", ""])

    def dialog(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    assert window_state.save_file_name(window, "export", "Export", "cga-dataset.csv", "*.csv")[0]
    visit_id = _visit(clinic, date(2026, 3, 10), "Baseline")
    preview = ReportPreview("visit summary", clinic.report_pdf("visit", visit_id), "v.pdf", lambda *a: None)
    qtbot.addWidget(preview)
    preview._on_save_clicked()
    assert (reports / "r.pdf").exists()
    window.close()
    preview.close()

    # a new window and a new preview: each kind of file starts where it was last saved
    window_state.save_file_name(MainWindow(clinic, "test"), "export", "Export", "cga-dataset.csv", "*.csv")
    again = ReportPreview("visit summary", clinic.report_pdf("visit", visit_id), "v2.pdf", lambda *a: None)
    qtbot.addWidget(again)
    again._on_save_clicked()
    assert asked == ["cga-dataset.csv", "v.pdf", str(exports / "cga-dataset.csv"), str(reports / "v2.pdf")]


def test_a_folder_that_is_gone_is_forgotten(settings_dir: Path, tmp_path: Path) -> None:
    window_state.remember_folder("export", str(tmp_path / "gone" / "x.csv"))
    assert window_state.last_folder("export") == ""
    window_state.remember_folder("export", str(tmp_path / "x.csv"))
    assert window_state.last_folder("export") == str(tmp_path)


def test_without_the_variable_the_settings_are_the_applications_own(monkeypatch) -> None:
    monkeypatch.delenv(window_state.SETTINGS_DIR_ENV)
    store = window_state.settings()  # made, never written: the user's own settings
    assert (store.organizationName(), store.applicationName()) == ("CGA Desk", "CGA Desk")
    assert store.format() == QSettings.Format.NativeFormat
