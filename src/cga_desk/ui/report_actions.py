"""Open a report's print preview: the PDF is built off the GUI thread, then previewed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from ..services.clinic import Clinic
from .errors import show_error
from .language import translate
from .naming import named
from .visit_dialogs import FormDialog
from .worker import run_in_background


def open_report(parent: QWidget, clinic: Clinic, kind: str, key: Any, title: str, suggested: str) -> None:
    def show(pdf: bytes) -> None:
        from .report_preview import ReportPreview

        audit = lambda action, target: clinic.record_report(f"{kind} report {action}", target)  # noqa: E731
        preview = ReportPreview(title, pdf, suggested, audit, parent)
        named(preview, "report.preview")
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.open()  # window-modal without a nested event loop: nothing can be left blocking

    run_in_background(
        parent,
        translate("report_actions", "Preparing the {title}…").format(title=title),
        lambda progress: clinic.report_pdf(kind, key),
        show,
        lambda error: show_error(parent, error),
    )


class ReportSettingsDialog(FormDialog):
    """Clinic name, logo and date format printed on every report."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(translate("ReportSettingsDialog", "Report settings"), parent)
        self.clinic = clinic
        current = clinic.report_settings()
        self.name = self._edit("settings.clinic_name", current.clinic_name)
        self.logo = self._edit(
            "settings.logo_path",
            current.logo_path or "",
            translate("ReportSettingsDialog", "optional: a PNG or JPEG file"),
        )
        self.date_format = self._edit(
            "settings.date_format", current.date_format, translate("ReportSettingsDialog", "e.g. %Y-%m-%d (ISO 8601)")
        )
        self.form.addRow(translate("ReportSettingsDialog", "Clinic name"), self.name)
        self.form.addRow(translate("ReportSettingsDialog", "Logo file"), self.logo)
        self.form.addRow(translate("ReportSettingsDialog", "Date format"), self.date_format)

    def _edit(self, name: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        named(edit, name)
        edit.setPlaceholderText(placeholder)
        return edit

    def validate(self) -> None:
        from ..services.settings import CLINIC_NAME, DATE_FORMAT, LOGO_PATH

        for key, edit in ((CLINIC_NAME, self.name), (LOGO_PATH, self.logo), (DATE_FORMAT, self.date_format)):
            self.clinic.set_setting(key, edit.text().strip())
