"""Small dialogs of the patient page: start a visit on a chosen date and timepoint; add a milestone."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CgaDeskError, ValidationError
from ..forms import vocabulary
from ..forms.schedule import MILESTONE_KINDS, UNSCHEDULED
from .language import translate
from .naming import named
from .patient_dialog import date_edit, field_label, parse_day
from .screen_fit import FRAME_MARGIN, available
from .style import alert_style

FORM_WIDTH = 460  # a form dialog's least width, when the screen has it


class FormDialog(QDialog):
    """A form with a red error line under it; OK runs validate(), and a ValidationError keeps the dialog open."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel(self)
        named(self.error, "dialog.error")
        self.error.setStyleSheet(alert_style())
        self.error.setWordWrap(True)  # a long refusal wraps instead of widening the dialog
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons = buttons
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(min(FORM_WIDTH, available(self).width() - 40))  # room for a reason or a date
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Focus starts in the first field (not on OK, where typing a date went nowhere)."""
        super().showEvent(event)
        self.fit_words()
        fields = self.form_fields()
        for before, after in zip(fields, [*fields[1:], self.buttons]):  # Tab follows the rows, then OK
            QWidget.setTabOrder(before, after)
        if fields:
            fields[0].setFocus()

    def form_fields(self) -> list[QWidget]:
        """The form's focusable fields, row by row."""
        out = []
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                out.append(widget)
        return out

    def field_widgets(self) -> dict[str, QWidget]:
        """The field names of ValidationError mapped to their widgets (the refused field gets the focus)."""
        return {}

    def fit_words(self) -> None:
        """Tall enough for every wrapped line at the dialog's width, within the screen: a word-wrapped label's
        height depends on its width, which a window's minimum size does not follow, so a refusal shown
        under the form took its lines from the words above it, cut off at the top (seen in a real window)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        need = (
            layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        )
        need = min(need, available(self).height() - FRAME_MARGIN)
        if need > self.height():
            self.resize(self.width(), need)

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.fit_words()

    def _on_ok_clicked(self) -> None:
        try:
            self.validate()
        except ValidationError as error:
            self._refuse(f"{field_label(error.field)}: {error.message}")
            widget = self.field_widgets().get(error.field)
            if widget is not None:
                widget.setFocus()
            return
        except CgaDeskError as error:
            self._refuse(str(error))
            return
        self.accept()

    def validate(self) -> None:
        raise NotImplementedError


class StartVisitDialog(FormDialog):
    """The date typed (focus starts there), the timepoint chosen from the patient's schedule's timepoints
    and "Unscheduled" (a list, not free text: a typed timepoint matched no schedule)."""

    def __init__(
        self, labels: list[str], default_label: str | None, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(translate("StartVisitDialog", "Start a visit"), parent)
        self.day_edit = date_edit(self, "visit.date", today.isoformat())
        self.timepoint = QComboBox(self)
        self.timepoint.setEditable(False)
        named(self.timepoint, "visit.timepoint")
        if UNSCHEDULED not in labels:
            labels = [*labels, UNSCHEDULED]
        for label in labels:  # shown in the window's language, stored as the schedule's label
            self.timepoint.addItem(vocabulary.timepoint(label), label)
        chosen = self.timepoint.findData(default_label) if default_label else -1
        self.timepoint.setCurrentIndex(chosen if chosen >= 0 else self.timepoint.count() - 1)
        self.form.addRow(translate("StartVisitDialog", "Visit date (YYYY-MM-DD)"), self.day_edit)
        self.form.addRow(translate("StartVisitDialog", "Timepoint"), self.timepoint)
        self.day: date | None = None

    def chosen_timepoint(self) -> str:
        """The schedule's label of the timepoint chosen (stored as the schedule names it)."""
        return str(self.timepoint.currentData() or UNSCHEDULED)

    def field_widgets(self) -> dict[str, QWidget]:
        return {"visit_date": self.day_edit, "timepoint": self.timepoint}

    def validate(self) -> None:
        self.day = parse_day(self.day_edit.text(), "visit_date", True)
        if self.timepoint.currentIndex() < 0:
            raise ValidationError("timepoint", translate("StartVisitDialog", "choose a timepoint, or Unscheduled"))


class MilestoneDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("MilestoneDialog", "Add a treatment milestone"), parent)
        self.kind = QComboBox(self)
        named(self.kind, "milestone.kind")
        for kind in MILESTONE_KINDS:
            self.kind.addItem(vocabulary.milestone(kind), kind)
        self.day_edit = date_edit(self, "milestone.date")
        self.note = QLineEdit(self)
        named(self.note, "milestone.note")
        self.form.addRow(translate("MilestoneDialog", "Milestone"), self.kind)
        self.form.addRow(translate("MilestoneDialog", "Date"), self.day_edit)
        self.form.addRow(translate("MilestoneDialog", "Note"), self.note)
        self.day: date | None = None

    def field_widgets(self) -> dict[str, QWidget]:
        return {"date": self.day_edit}

    def validate(self) -> None:
        self.day = parse_day(self.day_edit.text(), "date", True)
