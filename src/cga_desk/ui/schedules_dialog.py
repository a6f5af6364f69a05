"""Schedules as data, editable (issue 18 item 8): an administrator defines a clinic's schedules in a
dialog (timepoints with an anchor milestone, offset and window), validated by forms.schedule
.validate_schedule (the message names the row and the field) and audited by the service; the default
schedule is marked. A patient is moved to another schedule from the patient page (MoveScheduleDialog)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CgaDeskError, ValidationError
from ..forms import vocabulary
from ..forms.schedule import (
    ANCHORS,
    MAX_OFFSET_DAYS,
    MAX_REPEAT_MONTHS,
    MAX_WINDOW_DAYS,
    ScheduleDefinition,
    TimepointRule,
)
from ..i18n import QT_TRANSLATE_NOOP
from ..services.clinic import Clinic
from .language import translate
from .naming import named
from .screen_fit import fit_fraction
from .style import alert_style
from .visit_dialogs import FormDialog

COLUMNS = (  # the timepoint table's columns; the ValidationError field names of forms.schedule
    ("label", QT_TRANSLATE_NOOP("schedules", "Timepoint name")),
    ("anchor", QT_TRANSLATE_NOOP("schedules", "Anchor milestone")),
    ("offset_days", QT_TRANSLATE_NOOP("schedules", "Offset (days)")),
    ("window_days", QT_TRANSLATE_NOOP("schedules", "Window ± (days)")),
    ("repeat_every_months", QT_TRANSLATE_NOOP("schedules", "Every (months; 0 = once)")),
    ("repeat_until_months", QT_TRANSLATE_NOOP("schedules", "Until month")),
    ("not_before_anchor", QT_TRANSLATE_NOOP("schedules", "Not before")),
)
FIELDS = [key for key, _ in COLUMNS]
ALIASES = {"not_before": "not_before_anchor"}  # forms.schedule's field name for that column


def field_words(field: str) -> str:
    """'timepoint 2.window_days' -> 'Timepoint 2, Window ± (days)'; 'name' -> 'Schedule name'."""
    if field == "name":
        return translate("schedules", "Schedule name")
    if field == "timepoints":
        return translate("schedules", "Timepoints")
    row, _, key = field.partition(".")
    number = row.removeprefix("timepoint ").strip()
    column = dict(COLUMNS).get(ALIASES.get(key, key))
    return translate("schedules", "Timepoint {number}, {column}").format(
        number=number, column=translate("schedules", column) if column else key
    )


class SchedulesDialog(QDialog):
    """The stored schedules on the left; the chosen one's name, description and timepoints on the right."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.setWindowTitle(translate("schedules", "Schedules"))
        self.list = QListWidget(self)
        named(self.list, "schedules.list", translate("schedules", "Schedules of the clinic"))
        self.list.currentRowChanged.connect(self._on_schedule_chosen)
        self.new_button = QPushButton(translate("schedules", "&New schedule"), self)
        named(self.new_button, "schedules.new")
        self.new_button.clicked.connect(self.new_schedule)
        self.name = QLineEdit(self)
        named(self.name, "schedules.name")
        self.description = QLineEdit(self)
        named(self.description, "schedules.description")
        self.default = QCheckBox(translate("schedules", "The clinic's &default schedule"), self)
        named(self.default, "schedules.default")
        self.table = QTableWidget(0, len(COLUMNS), self)
        named(self.table, "schedules.timepoints", translate("schedules", "Timepoints of this schedule"))
        self.table.setHorizontalHeaderLabels([translate("schedules", words) for _, words in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab moves between the row's fields, not the cells
        self.add_row_button = QPushButton(translate("schedules", "&Add timepoint"), self)
        named(self.add_row_button, "schedules.add_timepoint")
        self.add_row_button.clicked.connect(lambda: self.add_row(TimepointRule("", "diagnosis", 0, 14)))
        self.remove_row_button = QPushButton(translate("schedules", "&Remove timepoint"), self)
        named(self.remove_row_button, "schedules.remove_timepoint")
        self.remove_row_button.clicked.connect(self._on_remove_row)
        self.error = QLabel(self)
        named(self.error, "schedules.error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(alert_style())
        self.save_button = QPushButton(translate("schedules", "&Save schedule"), self)
        named(self.save_button, "schedules.save")
        self.save_button.clicked.connect(self.save)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.close_buttons = close
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        form = QFormLayout()
        form.addRow(translate("schedules", "Schedule name"), self.name)
        form.addRow(translate("schedules", "Description"), self.description)
        form.addRow("", self.default)
        rows = QHBoxLayout()
        rows.addWidget(self.add_row_button)
        rows.addWidget(self.remove_row_button)
        rows.addStretch(1)
        rows.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.table, 1)
        right.addLayout(rows)
        right.addWidget(self.error)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(right, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(close)
        self.editing: str | None = None  # the stored name of the schedule shown; None: a new one
        fit_fraction(self, 0.9, 0.8)
        self.reload()

    # the stored schedules ------------------------------------------------------------------
    def reload(self, chosen: str | None = None) -> None:
        self.stored = self.clinic.schedules()
        self.list.blockSignals(True)
        self.list.clear()
        for definition, is_default in self.stored:
            suffix = translate("schedules", " (default)") if is_default else ""
            self.list.addItem(definition.name + suffix)
        self.list.blockSignals(False)
        names = [d.name for d, _ in self.stored]
        row = names.index(chosen) if chosen in names else (0 if names else -1)
        self.list.setCurrentRow(row)
        if row < 0:
            self.new_schedule()
        else:
            self._on_schedule_chosen(row)

    def _on_schedule_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.stored):
            return
        definition, is_default = self.stored[row]
        self.show_definition(definition, is_default)
        self.editing = definition.name

    def new_schedule(self) -> None:
        self.editing = None
        self.list.clearSelection()
        self.show_definition(ScheduleDefinition("", "", (TimepointRule("Baseline", "diagnosis", 0, 14),)), False)
        self.name.setFocus()

    def show_definition(self, definition: ScheduleDefinition, is_default: bool) -> None:
        self.name.setText(definition.name)
        self.description.setText(definition.description)
        self.description.setCursorPosition(0)  # a long description shows its beginning, not its end
        self.default.setChecked(is_default)
        self.default.setEnabled(not is_default)  # another schedule becomes the default by ticking its own
        self.table.setRowCount(0)
        for rule in definition.rules:
            self.add_row(rule)
        self._fit_columns()
        self.error.clear()

    def _fit_columns(self) -> None:
        """Each column as wide as its heading or its widest field (cell widgets are not measured by Qt)."""
        header = self.table.horizontalHeader()
        self.table.setColumnWidth(0, max(header.sectionSizeHint(0), self.fontMetrics().averageCharWidth() * 26))
        for column in range(1, len(COLUMNS)):
            widths = [header.sectionSizeHint(column)]
            widths += [
                w.sizeHint().width()
                for row in range(self.table.rowCount())
                if (w := self.table.cellWidget(row, column)) is not None
            ]
            self.table.setColumnWidth(column, max(widths) + 4)

    # the timepoint table -------------------------------------------------------------------
    def add_row(self, rule: TimepointRule) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        label = QLineEdit(rule.label, self.table)
        label.setCursorPosition(0)  # "Follow-up month {month}" from its beginning in a narrow column
        anchor = self._anchor_combo(rule.anchor, with_none=False)
        offset = self._spin(rule.offset_days, 0, MAX_OFFSET_DAYS)
        window = self._spin(rule.window_days, 0, MAX_WINDOW_DAYS)
        every = self._spin(rule.repeat_every_months or 0, 0, MAX_REPEAT_MONTHS)
        until = self._spin(rule.repeat_until_months or 0, 0, 1200)
        floor = self._anchor_combo(rule.not_before_anchor, with_none=True)
        for column, widget in enumerate((label, anchor, offset, window, every, until, floor)):
            self.table.setCellWidget(row, column, widget)
        self._name_row(row)
        self.table.resizeRowToContents(row)
        self._chain_tab_order()
        if not rule.label:
            label.setFocus()

    def _name_row(self, row: int) -> None:
        """The row's fields named by their place ("Timepoint 3, days after the anchor"): again for the rows
        below a removed one, which move up, so a screen reader never says the number of a row that moved."""
        for column, key in enumerate(FIELDS):
            widget = self.table.cellWidget(row, column)
            if widget is not None:
                named(widget, f"schedules.row{row + 1}.{key}", field_words(f"timepoint {row + 1}.{key}"))

    def _chain_tab_order(self) -> None:
        """Tab in reading order: the list, the schedule's fields, the table's rows field by field, then the
        buttons under the table (cell widgets made after the buttons would otherwise come last)."""
        cells = [
            w
            for row in range(self.table.rowCount())
            for column in range(len(COLUMNS))
            if (w := self.table.cellWidget(row, column)) is not None
        ]
        chain = [self.list, self.new_button, self.name, self.description, self.default, self.table, *cells]
        chain += [self.add_row_button, self.remove_row_button, self.save_button, *self.close_buttons.buttons()]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _anchor_combo(self, current: str | None, with_none: bool) -> QComboBox:
        combo = QComboBox(self.table)
        if with_none:
            combo.addItem("—", None)
        for code in ANCHORS:
            combo.addItem(vocabulary.milestone(code), code)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        return combo

    def _spin(self, value: int, low: int, high: int) -> QSpinBox:
        spin = QSpinBox(self.table)
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def _on_remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            for below in range(row, self.table.rowCount()):
                self._name_row(below)

    def cell(self, row: int, key: str) -> QWidget:
        widget = self.table.cellWidget(row, FIELDS.index(key))
        assert widget is not None
        return widget

    def definition(self) -> ScheduleDefinition:
        rules = []
        for row in range(self.table.rowCount()):
            every = self.cell(row, "repeat_every_months").value()  # type: ignore[attr-defined]
            until = self.cell(row, "repeat_until_months").value()  # type: ignore[attr-defined]
            rules.append(
                TimepointRule(
                    self.cell(row, "label").text().strip(),  # type: ignore[attr-defined]
                    self.cell(row, "anchor").currentData(),  # type: ignore[attr-defined]
                    self.cell(row, "offset_days").value(),  # type: ignore[attr-defined]
                    self.cell(row, "window_days").value(),  # type: ignore[attr-defined]
                    every or None,
                    (until or None) if every else None,
                    self.cell(row, "not_before_anchor").currentData(),  # type: ignore[attr-defined]
                )
            )
        return ScheduleDefinition(self.name.text().strip(), self.description.text().strip(), tuple(rules))

    def save(self) -> bool:
        """Validated and stored by the service (audited old -> new); a refusal names the row and field."""
        try:
            saved = self.clinic.define_schedule(
                self.definition(), replaces=self.editing, make_default=self.default.isChecked()
            )
        except ValidationError as error:
            self.error.setText(f"{field_words(error.field)}: {error.message}")
            self._focus_field(error.field)
            return False
        except CgaDeskError as error:
            self.error.setText(str(error))
            return False
        self.reload(saved.name)
        self.error.setText(translate("schedules", "Saved {name}.").format(name=saved.name))
        return True

    def _focus_field(self, field: str) -> None:
        if field == "name":
            self.name.setFocus()
            return
        row, _, key = field.partition(".")
        key = ALIASES.get(key, key)
        number = row.removeprefix("timepoint ").strip()
        if number.isdigit() and key in FIELDS and 0 < int(number) <= self.table.rowCount():
            self.cell(int(number) - 1, key).setFocus()


class MoveScheduleDialog(FormDialog):
    """Move a patient to another schedule (or back to the clinic's default); audited by the service."""

    def __init__(self, clinic: Clinic, study_id: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("schedules", "Move to another schedule"), parent)
        self.clinic, self.study_id = clinic, study_id
        self.choice = QComboBox(self)
        named(self.choice, "schedules.choice")
        for definition, is_default in clinic.schedules():
            words = definition.name + (translate("schedules", " (default)") if is_default else "")
            self.choice.addItem(words, definition.name)
        index = self.choice.findData(current)
        self.choice.setCurrentIndex(max(index, 0))
        self.form.addRow(translate("schedules", "Schedule"), self.choice)
        self.current = QLabel(translate("schedules", "Now: {name}").format(name=current), self)
        named(self.current, "schedules.current")
        self.form.addRow("", self.current)

    def validate(self) -> None:
        self.clinic.assign_schedule(self.study_id, self.choice.currentData())
