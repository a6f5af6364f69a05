"""Reports in the window: preview from the patient page, print to a real QPrinter, save as PDF (audited)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from cga_desk.forms import katz, lawton
from cga_desk.services.clinic import Clinic
from cga_desk.ui.patient_page import PatientPage
from cga_desk.ui.report_preview import ReportPreview, print_pdf, render_pages
from tests.ui.conftest import sign_in_as


def _two_visits(clinic: Clinic) -> int:
    ids = []
    for day, tp in ((date(2026, 3, 10), "Baseline"), (date(2026, 6, 1), "End of induction")):
        v = clinic.start_visit("PCL-001", day, tp, "patient")
        clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
        clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
        clinic.save_answers(v.id, "charlson", ["dementia"])
        ids.append(v.id)
    return ids[-1]


def test_preview_opens_from_the_patient_page_with_every_page(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _two_visits(clinic)
    page = PatientPage(clinic)
    qtbot.addWidget(page)
    page.show_patient("PCL-001")
    page.report_button.click()  # builds the PDF off the GUI thread, then opens the preview (not blocking)
    qtbot.waitUntil(lambda: bool(page.findChildren(ReportPreview)), timeout=60000)
    preview = page.findChildren(ReportPreview)[0]
    seen = [len(preview.page_labels)]
    assert preview.isVisible() and preview.isModal()
    preview.reject()
    pdf = clinic.report_pdf("longitudinal", "PCL-001")
    assert seen == [len(PdfReader(io.BytesIO(pdf)).pages)]


def test_print_to_a_pdf_printer_and_save_as(qtbot: QtBot, clinic: Clinic, patient: str, tmp_path: Path) -> None:
    visit_id = _two_visits(clinic)
    pdf = clinic.report_pdf("visit", visit_id)
    assert len(render_pages(pdf, 50)) == len(PdfReader(io.BytesIO(pdf)).pages) == 1
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_pdf(pdf, printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 1
    events: list[tuple[str, str]] = []
    preview = ReportPreview("visit summary", pdf, "v.pdf", lambda action, target: events.append((action, target)))
    qtbot.addWidget(preview)
    assert preview.save_to(tmp_path / "saved.pdf")
    assert (tmp_path / "saved.pdf").read_bytes() == pdf and events == [
        ("saved", str((tmp_path / "saved.pdf").resolve()))
    ]
    assert "PCL-001" in PdfReader(tmp_path / "saved.pdf").pages[0].extract_text()


def test_saving_into_a_missing_folder_is_a_plain_message(
    qtbot: QtBot, clinic: Clinic, patient: str, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("cga_desk.ui.report_preview.show_error", lambda parent, error: shown.append(str(error)))
    visit_id = _two_visits(clinic)
    preview = ReportPreview("visit summary", clinic.report_pdf("visit", visit_id), "v.pdf", lambda *a: None)
    qtbot.addWidget(preview)
    assert not preview.save_to(tmp_path / "no-such-folder" / "x.pdf")
    assert shown and "Nothing was saved" in shown[0]


def test_report_settings_dialog_refuses_a_bad_date_format_by_name(qtbot: QtBot, clinic: Clinic) -> None:
    from cga_desk.ui.report_actions import ReportSettingsDialog

    sign_in_as(clinic, "admin")  # the settings are the administrator's
    dialog = ReportSettingsDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.name.setText("Haematology day unit")
    dialog.date_format.setText("%Y")  # no day, no month
    dialog._on_ok_clicked()
    assert dialog.result() == 0 and "date_format" in dialog.error.text().replace(" ", "_")
    dialog.date_format.setText("%d %b %Y")
    dialog._on_ok_clicked()
    settings = clinic.report_settings()
    assert (settings.clinic_name, settings.date_format) == ("Haematology day unit", "%d %b %Y")
