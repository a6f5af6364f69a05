"""The patient list: search as you type, sortable columns, a due/overdue filter.

Search, filter and sort are queries (services.register); the table holds the ordered ids and fetches
the rows on screen, so the list opens as fast with 50,000 patients as with 50."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain import access
from ..i18n import QT_TRANSLATE_NOOP
from ..services.clinic import Clinic
from ..services.register import RegisterQuery
from . import shortcuts
from .language import translate
from .models import PATIENT_COLUMNS, PATIENT_SORT_KEYS, RegisterModel
from .naming import named

SIZED_ROWS = 30  # columns fit the first rows (about a screenful); long names further down are elided
FILTERS = (
    (QT_TRANSLATE_NOOP("PatientListPage", "All patients"), ()),
    (QT_TRANSLATE_NOOP("PatientListPage", "Assessment due or overdue"), ("due", "overdue")),
    (QT_TRANSLATE_NOOP("PatientListPage", "Overdue only"), ("overdue",)),
)


class SearchBox(QLineEdit):
    """Down arrow moves into the table; Enter opens the first match."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
        else:
            super().keyPressEvent(event)


class PatientListPage(QWidget):
    open_patient = Signal(str)
    register_requested = Signal()

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.model = RegisterModel(PATIENT_COLUMNS, PATIENT_SORT_KEYS, clinic.patient_rows_for, self)
        self.query = RegisterQuery()
        self.total = 0
        self._loaded = False  # nothing is read before the list is first shown (after signing in)
        self._build()

    def _build(self) -> None:
        self.search = SearchBox(self)
        self.search.setPlaceholderText(translate("PatientListPage", "Search by name or ID"))
        self.search.setToolTip(
            shortcuts.with_key(translate("PatientListPage", "Search by name or ID"), shortcuts.FIND_PATIENT)
        )
        named(self.search, "patients.search", translate("PatientListPage", "Search by name or ID"))
        self.search.textChanged.connect(lambda text: self._requery(search=text))
        self.search.returnPressed.connect(self._on_search_return)
        self.search.down.connect(self._focus_table)
        self.filter = QComboBox(self)
        named(self.filter, "patients.filter", translate("PatientListPage", "Patients shown"))
        for label, _ in FILTERS:
            self.filter.addItem(translate("PatientListPage", label))
        self.filter.currentIndexChanged.connect(lambda i: self._requery(only=FILTERS[i][1]))
        self.new_button = QPushButton(translate("PatientListPage", "Register patient…"), self)
        self.new_button.setToolTip(
            shortcuts.with_key(translate("PatientListPage", "Register patient…"), shortcuts.REGISTER_PATIENT)
        )
        named(self.new_button, "patients.register")
        self.new_button.clicked.connect(self.register_requested)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.filter, 1)
        top.addWidget(self.new_button)
        self.table = QTableView(self)
        named(self.table, "patients.table", translate("PatientListPage", "Patients"))
        self.table.setModel(self.model)
        self.model.sort_requested.connect(lambda key, descending: self._requery(sort=key, descending=descending))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)  # not Qt's default of 1,000 rows
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._on_row_activated)
        self.count = QLabel(self)
        named(self.count, "patients.count")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.count)

    def reload(self) -> None:
        """Read the register again (after signing in, or when a patient or visit has changed)."""
        self._loaded = True
        self.new_button.setVisible(access.may(self.clinic.user, access.EDIT_PATIENTS))
        self.model.set_ids(self.clinic.patient_ids(self.query))
        self.total = self.clinic.patient_count()
        self._update_count()

    def _requery(self, **change: object) -> None:
        self.query = replace(self.query, **change)  # type: ignore[arg-type]
        if self._loaded:
            self.model.set_ids(self.clinic.patient_ids(self.query))
            self.table.scrollToTop()  # a new order or filter starts from its first row
            self._update_count()

    def _update_count(self) -> None:
        self.count.setText(
            translate(
                "PatientListPage", "{rowCount} of {total} patients shown. Enter opens the selected patient."
            ).format(rowCount=self.model.rowCount(), total=self.total)
        )

    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _on_search_return(self) -> None:
        index = self.table.currentIndex() if self.table.currentIndex().isValid() else self.model.index(0, 0)
        self._on_row_activated(index)

    def _on_row_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.open_patient.emit(row.study_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
