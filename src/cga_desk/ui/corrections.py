"""Correcting mistakes, audited (issue 18 item 4): discard a draft visit, correct a study ID, mark a
patient registered in error and an administrator's undo. Every dialog asks for a reason (kept in the audit
trail with the old value); the services check the role, and a refusal is shown in the dialog in words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from ..domain.errors import ValidationError
from ..domain.records import PatientView, VisitView
from ..forms import vocabulary
from ..i18n import format_date
from ..services.clinic import Clinic
from .language import translate
from .naming import named
from .visit_dialogs import FormDialog


class ReasonDialog(FormDialog):
    """What is about to change, in words, then the reason (required); OK runs `apply(reason)`, whose
    refusal (a ValidationError naming the field, or a role the services refuse) stays in the dialog."""

    def __init__(self, title: str, what: str, apply: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.what = QLabel(what, self)
        self.what.setWordWrap(True)
        named(self.what, "correction.what")
        self.apply = apply
        self.reason = QLineEdit(self)
        named(self.reason, "correction.reason")
        self.reason.setPlaceholderText(translate("corrections", "required; kept in the audit trail"))
        layout = self.layout()
        assert layout is not None
        layout.insertWidget(0, self.what)  # type: ignore[attr-defined]

    def add_reason_row(self) -> None:
        self.form.addRow(translate("corrections", "Reason"), self.reason)

    def field_widgets(self) -> dict[str, QWidget]:
        return {"reason": self.reason}

    def required_reason(self) -> str:
        text = self.reason.text().strip()
        if not text:
            raise ValidationError("reason", translate("corrections", "say why (kept in the audit trail)"))
        return text

    def validate(self) -> None:
        self.apply(self.required_reason())


def discard_draft_dialog(clinic: Clinic, visit: VisitView, parent: QWidget | None = None) -> ReasonDialog:
    dialog = ReasonDialog(
        translate("corrections", "Discard a draft visit"),
        translate(
            "corrections",
            "Discard the draft {timepoint} visit of {visit_date}? Its answers are removed; the audit trail keeps "
            "what it held and why it was discarded.",
        ).format(timepoint=vocabulary.timepoint(visit.timepoint), visit_date=format_date(visit.visit_date)),
        lambda reason: clinic.discard_draft(visit.id, reason),
        parent,
    )
    dialog.add_reason_row()
    return dialog


class CorrectIdDialog(ReasonDialog):
    """A mistyped study ID corrected: the patient keeps every visit; the old ID stays in the audit trail."""

    def __init__(self, clinic: Clinic, patient: PatientView, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("corrections", "Correct the study ID"),
            translate(
                "corrections",
                "The study ID {study_id} is corrected; the patient keeps every visit and the audit trail keeps "
                "the old ID.",
            ).format(study_id=patient.study_id),
            self._apply,
            parent,
        )
        self.clinic, self.patient = clinic, patient
        self.new_id = QLineEdit(patient.study_id, self)
        named(self.new_id, "correction.study_id")
        self.new_id.selectAll()
        self.form.addRow(translate("corrections", "New study ID"), self.new_id)
        self.add_reason_row()
        self.result_patient: PatientView | None = None

    def field_widgets(self) -> dict[str, QWidget]:
        return {"study_id": self.new_id, "reason": self.reason}

    def _apply(self, reason: str) -> None:
        self.result_patient = self.clinic.correct_study_id(self.patient.study_id, self.new_id.text().strip(), reason)


def registered_in_error_dialog(clinic: Clinic, patient: PatientView, parent: QWidget | None = None) -> ReasonDialog:
    dialog = ReasonDialog(
        translate("corrections", "Registered in error"),
        translate(
            "corrections",
            "Mark {study_id} as registered in error (a duplicate, the wrong person)? The patient leaves the "
            "lists, the cohort and the exports; the record and its audit trail are kept, and an administrator "
            "can undo the mark.",
        ).format(study_id=patient.study_id),
        lambda reason: clinic.mark_registered_in_error(patient.study_id, reason),
        parent,
    )
    dialog.add_reason_row()
    return dialog


class RegisteredInErrorDialog(ReasonDialog):
    """An administrator's list of the patients marked registered in error; undo a mark with a reason."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("corrections", "Patients registered in error"),
            translate(
                "corrections",
                "These patients are hidden from the lists and exports. Choose one and give the reason to bring "
                "it back.",
            ),
            self._apply,
            parent,
        )
        self.clinic = clinic
        self.patients = QListWidget(self)
        named(self.patients, "correction.patients")
        self.patients.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.form.addRow(translate("corrections", "Patient"), self.patients)
        self.add_reason_row()
        self.restored: str | None = None
        self.refresh()

    def refresh(self) -> None:
        self.patients.clear()
        for p in self.clinic.registered_in_error():
            item = QListWidgetItem(f"{p.study_id} · {p.name or ''}".rstrip(" ·"), self.patients)
            item.setData(256, p.study_id)  # Qt.UserRole
        if self.patients.count():
            self.patients.setCurrentRow(0)

    def field_widgets(self) -> dict[str, QWidget]:
        return {"study_id": self.patients, "reason": self.reason}

    def _apply(self, reason: str) -> None:
        item = self.patients.currentItem()
        if item is None:
            raise ValidationError("study_id", translate("corrections", "no patient is marked registered in error"))
        study_id = str(item.data(256))
        self.clinic.undo_registered_in_error(study_id, reason)
        self.restored = study_id
