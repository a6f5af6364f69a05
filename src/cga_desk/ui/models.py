"""Qt table models with named columns: the patient register and a patient's visits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ..domain.records import VisitView
from ..services.register import PatientRow
from .style import category_colour, category_text, fmt

R = TypeVar("R")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        SORT_ROLE,
        ROW_ROLE,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any]
    colour: Callable[[R], Any] | None = None
    tip: str = ""


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of frozen records shown through named columns; set_rows() resets once."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._count()

    def _count(self) -> int:
        return len(self.rows)

    def _row(self, position: int) -> R:
        return self.rows[position]

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks about ten roles per cell (font, alignment, size hint, ...): answer the ones we do
        # not provide before touching the row, which is what sizing a 100-row block costs most.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < self._count():
            return None
        row, col = self._row(index.row()), self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return col.text(row)
        if role == SORT_ROLE:
            return col.sort(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and col.colour is not None:
            return col.colour(row)
        if role == Qt.ItemDataRole.ToolTipRole and col.tip:
            return col.tip
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def row_at(self, index: AnyIndex) -> R | None:
        return self._row(index.row()) if index.isValid() and 0 <= index.row() < self._count() else None


# Shown for an id read with the list whose patient is no longer in the store when its row is fetched.
_GONE = PatientRow(
    "—", "(no longer in the register: reopen the list)", 0, None, None, None, None, None, None, None, False
)


class RegisterModel(RowsModel[PatientRow]):
    """The patient list: holds only the ordered ids of the register and fetches the rows on screen in
    blocks (`fetch(ids)`), so 50,000 patients cost a list of integers. Sorting is asked of the
    database: a header click emits `sort_requested(key, descending)` and the page fetches new ids."""

    BLOCK = 100
    sort_requested = Signal(str, bool)

    def __init__(
        self,
        columns: Sequence[Column[PatientRow]],
        sort_keys: Sequence[str],
        fetch: Callable[[list[int]], dict[int, PatientRow]],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self.sort_keys = list(sort_keys)
        self.ids: list[int] = []
        self._fetch = fetch
        self._cache: dict[int, PatientRow] = {}

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self.ids, self._cache = list(ids), {}
        self.endResetModel()

    def _count(self) -> int:
        return len(self.ids)

    def _row(self, position: int) -> PatientRow:
        patient_id = self.ids[position]
        if patient_id not in self._cache:
            start = position - position % self.BLOCK
            block = self.ids[start : start + self.BLOCK]
            rows = self._fetch(block)
            self._cache.update({i: rows.get(i, _GONE) for i in block})
        return self._cache[patient_id]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.sort_keys):
            self.sort_requested.emit(self.sort_keys[column], order == Qt.SortOrder.DescendingOrder)


def _key(value: Any) -> tuple[int, Any]:
    return (1, "") if value is None else (0, value)


def _due(r: PatientRow) -> str:
    if not r.next_timepoint:
        return "—"
    when = f" {r.next_date.isoformat()}" if r.next_date else ""
    return f"{r.next_timepoint} ({r.next_status}{when})"


_CAT_ORDER = {"fit": 0, "intermediate": 1, "frail": 2}
PATIENT_COLUMNS: list[Column[PatientRow]] = [
    Column("ID", lambda r: r.study_id, lambda r: r.study_id),
    Column("Name", lambda r: r.name or "", lambda r: (r.name or "").casefold()),
    Column("Age", lambda r: str(r.age), lambda r: r.age),
    Column("Index disease", lambda r: r.index_disease or "", lambda r: r.index_disease or ""),
    Column("Last visit", lambda r: fmt(r.last_visit), lambda r: _key(r.last_visit)),
    Column(
        "IMWG (higher = frailer)",
        lambda r: category_text(r.imwg_category, r.imwg_score),
        lambda r: _key(_CAT_ORDER.get(r.imwg_category or "", None)),
        lambda r: category_colour(r.imwg_category),
        "Category of the latest visit with a complete IMWG frailty score",
    ),
    Column("Next due", _due, lambda r: _key(r.next_date)),
]
PATIENT_SORT_KEYS = ("study_id", "name", "age", "index_disease", "last_visit", "imwg", "next_due")  # services.register


def _scores(v: VisitView, key: str) -> str:
    return fmt(v.scores.get(key))


VISIT_COLUMNS: list[Column[VisitView]] = [
    Column("Date", lambda v: v.visit_date.isoformat(), lambda v: v.visit_date),
    Column("Timepoint", lambda v: v.timepoint + ("  [baseline]" if v.is_baseline else ""), lambda v: v.timepoint),
    Column("Status", lambda v: v.status, lambda v: v.status),
    Column(
        "Katz ADL /6 (higher = more independent)",
        lambda v: _scores(v, "katz_adl"),
        lambda v: _key(v.scores.get("katz_adl")),
    ),
    Column(
        "Lawton IADL /8 (higher = more independent)",
        lambda v: _scores(v, "lawton_iadl"),
        lambda v: _key(v.scores.get("lawton_iadl")),
    ),
    Column("CCI (higher = more comorbidity)", lambda v: _scores(v, "cci"), lambda v: _key(v.scores.get("cci"))),
    Column("ECOG", lambda v: _scores(v, "ecog"), lambda v: _key(v.scores.get("ecog"))),
    Column(
        "IMWG (higher = frailer)",
        lambda v: category_text(v.imwg_category, (v.scores.get("imwg") or {}).get("score")),
        lambda v: _key((v.scores.get("imwg") or {}).get("score")),
        lambda v: category_colour(v.imwg_category),
    ),
]
