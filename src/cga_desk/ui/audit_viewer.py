"""File > Audit trail (administrators; issue 15): the events filtered by patient, user, action and days,
old → new values and reasons, fetched a page at a time as the table scrolls (a million events cost one
page), and "Export shown…" to CSV with the same filters (`cga-desk audit export`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP, format_date
from ..services.audit import AuditFilter
from ..services.clinic import Clinic
from .errors import show_error
from .language import translate
from .naming import named
from .screen_fit import fit_resize

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = (
    QT_TRANSLATE_NOOP("AuditViewer", "Time (UTC)"),
    QT_TRANSLATE_NOOP("AuditViewer", "User"),
    QT_TRANSLATE_NOOP("AuditViewer", "Action"),
    QT_TRANSLATE_NOOP("AuditViewer", "Entity"),
    QT_TRANSLATE_NOOP("AuditViewer", "What"),
    QT_TRANSLATE_NOOP("AuditViewer", "Old"),
    QT_TRANSLATE_NOOP("AuditViewer", "New"),
    QT_TRANSLATE_NOOP("AuditViewer", "Reason"),
)  # the events themselves stay as recorded (codes, English): they are the record
PAGE = 500


class AuditModel(QAbstractTableModel):
    """Rows come from `fetch(after_id, limit)` as the view asks for more (canFetchMore/fetchMore)."""

    def __init__(self, fetch: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self.rows: list[tuple[Any, ...]] = []
        self._more = True

    def reset(self, fetch: Any) -> None:
        self.beginResetModel()
        self._fetch, self.rows, self._more = fetch, [], True
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return len(HEADERS)

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802 - Qt's name
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802 - Qt's name
        if parent.isValid() or not self._more:
            return
        after = int(self.rows[-1][0]) if self.rows else 0
        page = self._fetch(after, PAGE)
        self._more = len(page) == PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if role not in shown or not index.isValid():
            return None
        # (id, at, user, action, entity, entity_id, field, old, new, reason, hash)
        r = self.rows[index.row()]
        what = f"{r[6]}" if r[6] else ""
        cells = (r[1].replace("T", " ")[:19], r[2], r[3], f"{r[4]} {r[5]}", what, r[7] or "", r[8] or "", r[9] or "")
        return cells[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("AuditViewer", HEADERS[section])
        return None


class AuditViewer(QDialog):
    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.setWindowTitle(translate("AuditViewer", "Audit trail"))
        fit_resize(self, 1100, 600)
        self.edits: dict[str, QLineEdit] = {}
        row = QHBoxLayout()
        for key, label, hint in (
            ("patient", QT_TRANSLATE_NOOP("AuditViewer", "Patient"), QT_TRANSLATE_NOOP("AuditViewer", "study ID")),
            ("user", QT_TRANSLATE_NOOP("AuditViewer", "User"), QT_TRANSLATE_NOOP("AuditViewer", "name")),
            ("action", QT_TRANSLATE_NOOP("AuditViewer", "Action"), QT_TRANSLATE_NOOP("AuditViewer", "e.g. sign")),
            ("since", QT_TRANSLATE_NOOP("AuditViewer", "From"), "YYYY-MM-DD"),
            ("until", QT_TRANSLATE_NOOP("AuditViewer", "To"), "YYYY-MM-DD"),
        ):
            edit = QLineEdit(self)
            edit.setPlaceholderText(translate("AuditViewer", hint))
            named(edit, f"audit.{key}", translate("AuditViewer", label))
            edit.returnPressed.connect(self.apply)
            row.addWidget(QLabel(translate("AuditViewer", label), self))
            row.addWidget(edit)
            self.edits[key] = edit
        show = QPushButton(translate("AuditViewer", "Show"), self)
        show.clicked.connect(self.apply)
        export = QPushButton(translate("AuditViewer", "Export shown…"), self)
        named(export, "audit.export")
        export.clicked.connect(self.export)
        row.addWidget(show)
        row.addWidget(export)
        self.model = AuditModel(lambda after, limit: [], self)
        self.table = QTableView(self)
        named(self.table, "audit.table", translate("AuditViewer", "Entries of the audit trail"))
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.apply()

    def filters(self) -> AuditFilter:
        from ..forms.document import parse_date

        text = {k: e.text().strip() or None for k, e in self.edits.items()}
        since = parse_date(text["since"], "from") if text["since"] else None
        until = parse_date(text["until"], "to") if text["until"] else None
        return AuditFilter(text["patient"], text["user"], text["action"], since, until)

    def apply(self) -> None:
        try:
            chosen = self.filters()
        except ValidationError as error:
            show_error(self, error)
            return
        self.shown = chosen
        self.model.reset(lambda after, limit: self.clinic.audit_page(chosen, after, limit))
        self.table.resizeColumnsToContents()
        for column in range(len(HEADERS) - 1):  # long values (answers as JSON) are cut, shown whole on hover
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self.status.setText(
            translate("AuditViewer", "{filters}: more rows are read as you scroll").format(filters=chosen.describe())
        )

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, translate("AuditViewer", "Export the audit events shown"), "audit.csv", "CSV (*.csv)"
        )
        if not name:
            return
        try:
            count = self.clinic.export_audit(self.shown, Path(name))
        except Exception as error:  # noqa: BLE001 - a refused folder, a full disk: said plainly
            show_error(self, error)
            return
        self.status.setText(
            translate("AuditViewer", "Exported {count} events to {name} ({date})").format(
                count=count, name=name, date=format_date(date.today())
            )
        )
