"""Small dialogs of the patient page: start a visit on a chosen date and timepoint; add a milestone."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain.errors import CgaDeskError, ValidationError
from ..forms import vocabulary
from ..forms.schedule import MILESTONE_KINDS
from .language import translate
from .patient_dialog import field_label, parse_day


class FormDialog(QDialog):
    """A form with a red error line under it; OK runs validate(), and a ValidationError keeps the dialog open."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setAccessibleName("dialog.error")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)  # a long refusal wraps instead of widening the dialog
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _on_ok_clicked(self) -> None:
        try:
            self.validate()
        except ValidationError as error:
            self.error.setText(f"{field_label(error.field)}: {error.message}")
            return
        except CgaDeskError as error:
            self.error.setText(str(error))
            return
        self.accept()

    def validate(self) -> None:
        raise NotImplementedError


class StartVisitDialog(FormDialog):
    def __init__(
        self, labels: list[str], default_label: str | None, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(translate("StartVisitDialog", "Start a visit"), parent)
        self.day_edit = QLineEdit(today.isoformat(), self)
        self.day_edit.setAccessibleName("visit.date")
        self.timepoint = QComboBox(self)
        self.timepoint.setEditable(True)
        self.timepoint.setAccessibleName("visit.timepoint")
        for label in labels:  # shown in the window's language, stored as the schedule's label
            self.timepoint.addItem(vocabulary.timepoint(label), label)
        if default_label:
            self.timepoint.setCurrentText(vocabulary.timepoint(default_label))
        self.form.addRow(translate("StartVisitDialog", "Visit date (YYYY-MM-DD)"), self.day_edit)
        self.form.addRow(translate("StartVisitDialog", "Timepoint"), self.timepoint)
        self.day: date | None = None

    def chosen_timepoint(self) -> str:
        """The schedule's label of the timepoint chosen, or the text typed for one of the clinic's own."""
        text = self.timepoint.currentText().strip()
        index = self.timepoint.findText(text)
        return str(self.timepoint.itemData(index)) if index >= 0 and self.timepoint.itemData(index) else text

    def validate(self) -> None:
        self.day = parse_day(self.day_edit.text(), "visit_date", True)
        if not self.timepoint.currentText().strip():
            raise ValidationError("timepoint", translate("StartVisitDialog", "choose a timepoint, or Unscheduled"))


class MilestoneDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("MilestoneDialog", "Add a treatment milestone"), parent)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("milestone.kind")
        for kind in MILESTONE_KINDS:
            self.kind.addItem(vocabulary.milestone(kind), kind)
        self.day_edit = QLineEdit(self)
        self.day_edit.setAccessibleName("milestone.date")
        self.day_edit.setPlaceholderText(translate("MilestoneDialog", "YYYY-MM-DD"))
        self.note = QLineEdit(self)
        self.note.setAccessibleName("milestone.note")
        self.form.addRow(translate("MilestoneDialog", "Milestone"), self.kind)
        self.form.addRow(translate("MilestoneDialog", "Date"), self.day_edit)
        self.form.addRow(translate("MilestoneDialog", "Note"), self.note)
        self.day: date | None = None

    def validate(self) -> None:
        self.day = parse_day(self.day_edit.text(), "date", True)
