"""Register or edit a patient: dates validated, a duplicate ID refused with a clear message."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CgaDeskError, ValidationError
from ..domain.records import INDEX_DISEASES, SEXES, PatientInput, PatientView
from ..forms import vocabulary
from ..forms.patient_age import ADULT_AGE, CONFIRM, age_check, age_in_years
from ..i18n import QT_TRANSLATE_NOOP
from .language import translate
from .naming import named
from .screen_fit import available
from .style import alert_colour, alert_style

if TYPE_CHECKING:
    from ..services.clinic import Clinic

FIELD_LABELS = {  # catalogue context "patient_dialog"; shown through field_label()
    "study_id": QT_TRANSLATE_NOOP("patient_dialog", "Study / record ID"),
    "name": QT_TRANSLATE_NOOP("patient_dialog", "Name"),
    "birth_date": QT_TRANSLATE_NOOP("patient_dialog", "Birth date"),
    "sex": QT_TRANSLATE_NOOP("patient_dialog", "Sex"),
    "index_disease": QT_TRANSLATE_NOOP("patient_dialog", "Index disease"),
    "diagnosis_date": QT_TRANSLATE_NOOP("patient_dialog", "Diagnosis date"),
    "mrn": QT_TRANSLATE_NOOP("patient_dialog", "Hospital record number (MRN)"),
    "visit_date": QT_TRANSLATE_NOOP("patient_dialog", "Visit date"),
    "timepoint": QT_TRANSLATE_NOOP("patient_dialog", "Timepoint"),
    "date": QT_TRANSLATE_NOOP("patient_dialog", "Date"),
    "date_from": QT_TRANSLATE_NOOP("patient_dialog", "From"),
    "date_to": QT_TRANSLATE_NOOP("patient_dialog", "To"),
    "user_name": QT_TRANSLATE_NOOP("patient_dialog", "User name"),
    "full_name": QT_TRANSLATE_NOOP("patient_dialog", "Full name"),
    "password": QT_TRANSLATE_NOOP("patient_dialog", "Password"),
    "new_password": QT_TRANSLATE_NOOP("patient_dialog", "New password"),
    "role": QT_TRANSLATE_NOOP("patient_dialog", "Role"),
    "meaning": QT_TRANSLATE_NOOP("patient_dialog", "Meaning"),
    "reason": QT_TRANSLATE_NOOP("patient_dialog", "Reason"),
}


def field_label(field: str) -> str:
    return translate("patient_dialog", FIELD_LABELS[field]) if field in FIELD_LABELS else field.replace("_", " ")


DATE_CHARACTERS = QRegularExpression(r"[0-9]{0,4}(-[0-9]{0,2}(-[0-9]{0,2})?)?")


def date_edit(parent: QWidget, name: str, text: str = "", placeholder: str = "") -> QLineEdit:
    """A date typed as YYYY-MM-DD: only digits and dashes in that shape can be typed; the date itself is
    checked by parse_day() when the dialog is confirmed (the message names the field)."""
    edit = QLineEdit(text, parent)
    named(edit, name)
    edit.setValidator(QRegularExpressionValidator(DATE_CHARACTERS, edit))
    edit.setPlaceholderText(placeholder or translate("patient_dialog", "YYYY-MM-DD"))
    return edit


def parse_day(text: str, field: str, required: bool) -> date | None:
    text = text.strip()
    if not text:
        if required:
            raise ValidationError(field, translate("patient_dialog", "is required (YYYY-MM-DD)"))
        return None
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            field,
            translate("patient_dialog", "{text!r} is not a date; write it as YYYY-MM-DD, e.g. 1949-05-02").format(
                text=text
            ),
        ) from None


class PatientDialog(QDialog):
    """Keyboard: type, Tab between fields, Enter saves, Escape cancels. Focus starts in the first field
    (the name when editing: the ID is corrected with its own dialog). Editing is a correction: a reason is
    required and kept in the audit trail with each old value."""

    def __init__(self, clinic: Clinic, patient: PatientView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.editing = patient
        self.result_patient: PatientView | None = None
        self.setWindowTitle(
            translate("PatientDialog", "Edit patient") if patient else translate("PatientDialog", "Register a patient")
        )
        form = QFormLayout()
        self.study_id = self._line("patient.study_id", patient.study_id if patient else "")
        self.study_id.setReadOnly(patient is not None)
        self.name = self._line("patient.name", patient.name or "" if patient else "")
        self.birth = date_edit(
            self,
            "patient.birth_date",
            patient.birth_date.isoformat() if patient else "",
            translate("PatientDialog", "YYYY-MM-DD"),
        )
        self.sex = self._combo(
            "patient.sex", ["", *SEXES], patient.sex if patient else "", {c: vocabulary.word(c) for c in SEXES}
        )
        self.disease = self._combo(
            "patient.index_disease",
            ["", *INDEX_DISEASES],
            patient.index_disease if patient else "primary_plasma_cell_leukemia",
            {code: vocabulary.disease(code) for code in INDEX_DISEASES},
        )
        self.diagnosis = date_edit(
            self,
            "patient.diagnosis_date",
            patient.diagnosis_date.isoformat() if patient and patient.diagnosis_date else "",
            translate("PatientDialog", "YYYY-MM-DD (optional)"),
        )
        self.mrn = self._line(
            "patient.mrn", patient.mrn or "" if patient else "", translate("PatientDialog", "optional")
        )
        self.mrn.setMaxLength(40)
        self.reason = self._line(
            "patient.reason", "", translate("PatientDialog", "why the details are corrected (kept in the audit)")
        )
        self.young_confirmed: str | None = None  # the birth date the user confirmed for an age under 18
        for key, widget in (
            ("study_id", self.study_id),
            ("name", self.name),
            ("birth_date", self.birth),
            ("sex", self.sex),
            ("index_disease", self.disease),
            ("diagnosis_date", self.diagnosis),
            ("mrn", self.mrn),
        ):
            form.addRow(field_label(key), widget)
        if patient is not None:
            form.addRow(field_label("reason"), self.reason)
        else:
            self.reason.hide()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        named(self.error, "patient.error")
        self.error.setStyleSheet(alert_style())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(min(460, available(self).width() - 40))  # the longest field and its placeholder
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.name if patient else self.study_id).setFocus()

    def fields(self) -> dict[str, QWidget]:
        return {
            "study_id": self.study_id,
            "name": self.name,
            "birth_date": self.birth,
            "diagnosis_date": self.diagnosis,
            "mrn": self.mrn,
            "reason": self.reason,
        }

    def _line(self, name: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        named(edit, name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _combo(
        self, name: str, codes: list[str], current: str | None, words: dict[str, str] | None = None
    ) -> QComboBox:
        combo = QComboBox(self)
        named(combo, name)
        for code in codes:
            combo.addItem((words or {}).get(code, code) if code else "—", code)
        combo.setCurrentIndex(max(0, codes.index(current)) if current in codes else 0)
        return combo

    def collect(self) -> PatientInput:
        return PatientInput(
            study_id=self.study_id.text().strip(),
            birth_date=parse_day(self.birth.text(), "birth_date", True),  # type: ignore[arg-type]
            name=self.name.text().strip() or None,
            sex=self.sex.currentData() or None,
            index_disease=self.disease.currentData() or None,
            diagnosis_date=parse_day(self.diagnosis.text(), "diagnosis_date", False),
            mrn=self.mrn.text().strip() or None,
        )

    def confirm_young(self, birth: date) -> bool:
        """An age under 18 (forms/patient_age.py) is asked about once per birth date typed."""
        if age_check(birth, self.clinic.today()) != CONFIRM or self.young_confirmed == birth.isoformat():
            return True
        answer = QMessageBox.question(
            self,
            translate("PatientDialog", "A patient under {adult}?").format(adult=ADULT_AGE),
            translate(
                "PatientDialog",
                "The birth date {birth_date} gives an age of {age} years. CGA Desk is for adults: is the birth "
                "date right?",
            ).format(birth_date=birth.isoformat(), age=age_in_years(birth, self.clinic.today())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.young_confirmed = birth.isoformat()
        return True

    def _show_refusal(self, error: ValidationError) -> None:
        """The message under the form, naming the field; the field framed in red and given the focus."""
        self.error.setText(f"{field_label(error.field)}: {error.message}")
        widget = self.fields().get(error.field)
        if widget is not None:
            widget.setStyleSheet(f"border: 2px solid {alert_colour().name()}")
            widget.setToolTip(error.message)
            widget.setFocus()

    def _on_save_clicked(self) -> None:
        for widget in self.fields().values():
            widget.setStyleSheet("")
        try:
            data = self.collect()
            if self.editing and not self.reason.text().strip():
                raise ValidationError(
                    "reason", translate("PatientDialog", "say why the details are corrected (kept in the audit trail)")
                )
            if not self.confirm_young(data.birth_date):
                self.birth.setFocus()
                return
            self.result_patient = (
                self.clinic.edit_patient(self.editing.study_id, data, self.reason.text().strip())
                if self.editing
                else self.clinic.register_patient(data)
            )
        except ValidationError as error:
            self._show_refusal(error)
            return
        except CgaDeskError as error:
            self.error.setText(str(error))
            return
        self.accept()
