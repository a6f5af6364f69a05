"""Register or edit a patient: dates validated, a duplicate ID refused with a clear message."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain.errors import CgaDeskError, ValidationError
from ..domain.records import INDEX_DISEASES, SEXES, PatientInput, PatientView
from ..forms import vocabulary
from ..i18n import QT_TRANSLATE_NOOP
from ..services.clinic import Clinic
from .language import translate

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
    """Keyboard: type, Tab between fields, Enter saves, Escape cancels."""

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
        self.birth = self._line(
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
        self.diagnosis = self._line(
            "patient.diagnosis_date",
            patient.diagnosis_date.isoformat() if patient and patient.diagnosis_date else "",
            translate("PatientDialog", "YYYY-MM-DD (optional)"),
        )
        self.mrn = self._line(
            "patient.mrn", patient.mrn or "" if patient else "", translate("PatientDialog", "optional")
        )
        self.mrn.setMaxLength(40)
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
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName("patient.error")
        self.error.setStyleSheet("color: #c62828")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _line(self, name: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setAccessibleName(name)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _combo(
        self, name: str, codes: list[str], current: str | None, words: dict[str, str] | None = None
    ) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setObjectName(name)
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

    def _on_save_clicked(self) -> None:
        try:
            data = self.collect()
            self.result_patient = (
                self.clinic.edit_patient(self.editing.study_id, data)
                if self.editing
                else self.clinic.register_patient(data)
            )
        except ValidationError as error:
            self.error.setText(f"{field_label(error.field)}: {error.message}")
            widget = {
                "study_id": self.study_id,
                "birth_date": self.birth,
                "diagnosis_date": self.diagnosis,
                "mrn": self.mrn,
            }.get(error.field)
            if widget is not None:
                widget.setFocus()
            return
        except CgaDeskError as error:
            self.error.setText(str(error))
            return
        self.accept()
