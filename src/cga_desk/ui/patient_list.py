"""The patient list: search as you type, sortable columns, a due/overdue filter."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from ..services.clinic import Clinic
from ..services.register import PatientRow
from .models import PATIENT_COLUMNS, ROW_ROLE, PatientFilterProxy, RowsModel

FILTERS = (("All patients", ()), ("Assessment due or overdue", ("due", "overdue")), ("Overdue only", ("overdue",)))


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
        self.model: RowsModel[PatientRow] = RowsModel(PATIENT_COLUMNS, self)
        self.proxy = PatientFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()

    def _build(self) -> None:
        self.search = SearchBox(self)
        self.search.setPlaceholderText("Search by name or ID (Ctrl+F)")
        self.search.setAccessibleName("patients.search")
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.returnPressed.connect(self._on_search_return)
        self.search.down.connect(self._focus_table)
        self.filter = QComboBox(self)
        self.filter.setAccessibleName("patients.filter")
        for label, _ in FILTERS:
            self.filter.addItem(label)
        self.filter.currentIndexChanged.connect(lambda i: self.proxy.set_status_filter(FILTERS[i][1]))
        self.new_button = QPushButton("Register patient… (Ctrl+N)", self)
        self.new_button.setAccessibleName("patients.register")
        self.new_button.clicked.connect(self.register_requested)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.filter, 1)
        top.addWidget(self.new_button)
        self.table = QTableView(self)
        self.table.setAccessibleName("patients.table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._on_row_activated)
        self.count = QLabel(self)
        self.count.setAccessibleName("patients.count")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def reload(self) -> None:
        self.model.set_rows(self.clinic.patient_rows())
        self._update_count()

    def _update_count(self, *_: object) -> None:
        self.count.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} patients shown. "
                           "Enter opens the selected patient.")

    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _on_search_return(self) -> None:
        index = self.table.currentIndex() if self.table.currentIndex().isValid() else self.proxy.index(0, 0)
        self._on_row_activated(index)

    def _on_row_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.proxy.data(index, ROW_ROLE)
        if row is not None:
            self.open_patient.emit(row.study_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
