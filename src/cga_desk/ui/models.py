"""Qt table models with named columns: the patient register and a patient's visits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QTableView

from ..domain.records import VisitView
from ..forms import categories, messages, registry, vocabulary
from ..forms.instrument import Instrument
from ..i18n import QT_TRANSLATE_NOOP, format_date
from ..services.register import PatientRow
from .language import translate
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
    title: str  # the English heading: a catalogue source text (context 'models')
    text: Callable[[R], str]
    sort: Callable[[R], Any]
    colour: Callable[[R], Any] | None = None
    tip: str = ""
    words: Callable[[], str] | None = None  # the heading in the window's language, when not a catalogue entry


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of frozen records shown through named columns; set_rows() resets once.

    SORT_ROLE is the row's rank by its column's natural key (`Column.sort`: dates as dates, numbers as
    numbers, missing values last), computed in Python once per column after each reset: a
    QSortFilterProxyModel (`sortable()`) then sorts by comparing integers in C++, and keys Qt could not
    compare (tuples, dates beside None) need no QVariant conversion."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []
        self._ranks: dict[int, list[int]] = {}

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._ranks = {}
        self.endResetModel()

    def _sort_value(self, column: int, position: int) -> Any:
        ranks = self._ranks.get(column)
        if ranks is None:
            ranks = self._ranks[column] = _ranks([self.columns[column].sort(r) for r in self.rows])
        return ranks[position]

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
            return self._sort_value(index.column(), index.row())
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and col.colour is not None:
            return col.colour(row)
        if role == Qt.ItemDataRole.ToolTipRole and col.tip:
            return translate("models", col.tip)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            column = self.columns[section]
            return column.words() if column.words is not None else translate("models", column.title)
        if role == Qt.ItemDataRole.InitialSortOrderRole:  # a first click on a header sorts ascending
            return Qt.SortOrder.AscendingOrder
        return None

    def row_at(self, index: AnyIndex) -> R | None:
        return self._row(index.row()) if index.isValid() and 0 <= index.row() < self._count() else None


def _ranks(keys: list[Any]) -> list[int]:
    """Each key's rank in sorted order; equal keys share a rank, so a stable sort keeps their order."""
    ranks = [0] * len(keys)
    rank, previous = -1, None
    for n, i in enumerate(sorted(range(len(keys)), key=keys.__getitem__)):
        if n == 0 or keys[i] != previous:
            rank, previous = rank + 1, keys[i]
        ranks[i] = rank
    return ranks


def sortable(
    table: QTableView, model: RowsModel[Any], column: int = 0, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
) -> QSortFilterProxyModel:
    """Show `model` in `table` through a proxy that sorts by SORT_ROLE when a header is clicked, sorted
    by `column` to begin with. Views hand out proxy indexes: read rows with `index.data(ROW_ROLE)`."""
    proxy = QSortFilterProxyModel(table)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table.setModel(proxy)
    table.horizontalHeader().setSortIndicator(column, order)
    table.setSortingEnabled(True)  # sorts by the indicator just set
    table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it), issue 18
    return proxy


# Shown for an id read with the list whose patient is no longer in the store when its row is fetched.
_GONE = PatientRow(
    "—", "(no longer in the register: reopen the list)", 0, None, None, None, None, None, None, None, False
)


class RegisterModel(RowsModel[PatientRow]):
    """The patient list: holds only the ordered ids of the register and fetches the rows on screen in
    blocks (`fetch(ids)`), so 50,000 patients cost a list of integers. Sorting is asked of the
    database: a header click emits `sort_requested(key, descending)` and the page fetches new ids.

    The one table with no QSortFilterProxyModel, on purpose: a proxy sorts by reading the sort role of
    every row, which would fetch the whole register (50,000 rows) at each sort and reset, the very cost
    on-demand fetching avoids; the database sorts it with an index instead (services.register)."""

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

    def _sort_value(self, column: int, position: int) -> Any:
        return self.columns[column].sort(self._row(position))  # never ranked: that would read every row

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.sort_keys):
            self.sort_requested.emit(self.sort_keys[column], order == Qt.SortOrder.DescendingOrder)


def _key(value: Any) -> tuple[int, Any]:
    return (1, "") if value is None else (0, value)


def missing_last(value: Any) -> tuple[int, Any]:
    """A sort key that puts a missing value (None) after every other."""
    return _key(value)


def _due(r: PatientRow) -> str:
    if not r.next_timepoint:
        return "—"
    when = f" {format_date(r.next_date)}" if r.next_date else ""
    return f"{vocabulary.timepoint(r.next_timepoint)} ({vocabulary.word(r.next_status)}{when})"


def category_key(category: str | None) -> tuple[int, Any]:
    """IMWG categories in the order forms.categories gives (fit to frail), then none."""
    return _key(categories.rank(category))


def _last_visit(r: PatientRow) -> str:
    """The latest completed visit (drafts never count, persistence/summaries.py), and a draft marker."""
    last = format_date(r.last_visit) or "—"
    if not r.open_draft:
        return last
    return translate("models", "{last} · ✎ draft").format(last=last)


PATIENT_COLUMNS: list[Column[PatientRow]] = [
    Column(QT_TRANSLATE_NOOP("models", "ID"), lambda r: r.study_id, lambda r: r.study_id),
    Column(QT_TRANSLATE_NOOP("models", "Name"), lambda r: r.name or "", lambda r: (r.name or "").casefold()),
    Column(QT_TRANSLATE_NOOP("models", "Age"), lambda r: str(r.age), lambda r: r.age),
    Column(
        QT_TRANSLATE_NOOP("models", "Index disease"),
        lambda r: vocabulary.disease(r.index_disease),
        lambda r: r.index_disease or "",
    ),
    Column(
        QT_TRANSLATE_NOOP("models", "Last visit"),
        lambda r: _last_visit(r),
        lambda r: _key(r.last_visit),
        None,
        QT_TRANSLATE_NOOP("models", "The latest completed or signed visit; ✎ draft: a visit is started, not completed"),
    ),
    Column(
        QT_TRANSLATE_NOOP("models", "IMWG (higher = frailer)"),
        lambda r: category_text(r.imwg_category, r.imwg_score),
        lambda r: category_key(r.imwg_category),
        lambda r: category_colour(r.imwg_category),
        QT_TRANSLATE_NOOP("models", "Category of the latest visit with a complete IMWG frailty score"),
    ),
    Column(QT_TRANSLATE_NOOP("models", "Next due"), _due, lambda r: _key(r.next_date)),
]
PATIENT_SORT_KEYS = ("study_id", "name", "age", "index_disease", "last_visit", "imwg", "next_due")  # services.register


def _instrument_column(inst: Instrument) -> Column[VisitView]:
    """One column per instrument of the registry: its total, with its range and direction in the heading."""
    out_of = f" /{inst.spec.max_total}" if inst.shows_out_of else ""
    return Column(
        f"{inst.short_title}{out_of}\n({inst.spec.direction})",
        lambda v: fmt(inst.total_of(v.scores)),
        lambda v: _key(inst.total_of(v.scores)),
        words=lambda: f"{vocabulary.short_title(inst)}{out_of}\n({vocabulary.direction(inst)})",
    )


def signature_text(v: VisitView) -> str:
    """The visit's signature as every screen shows it (services.signatures.signature_line), or ""."""
    from ..services.signatures import signature_line

    return signature_line(v) or ""


def signature_invalid(v: VisitView) -> bool:
    """Signed, and the stored content no longer matches what was signed."""
    return v.signature is not None and v.signature_valid is False


def _signature_cell(v: VisitView) -> str:
    if v.signature is None:
        return signature_text(v) if v.signed_by else ""
    if signature_invalid(v):
        return f"{v.signature.full_name} — {messages.signature_invalid()}"
    return f"{v.signature.full_name} — {messages.meaning_word(v.signature.meaning)}"


def _signature_colour(v: VisitView) -> Any:
    from .style import alert_colour

    return alert_colour() if signature_invalid(v) else None


VISIT_COLUMNS: list[Column[VisitView]] = [
    Column(QT_TRANSLATE_NOOP("models", "Date"), lambda v: format_date(v.visit_date), lambda v: v.visit_date),
    Column(
        QT_TRANSLATE_NOOP("models", "Timepoint"),
        lambda v: vocabulary.timepoint(v.timepoint) + (translate("models", "  [baseline]") if v.is_baseline else ""),
        lambda v: v.timepoint,
    ),
    Column(QT_TRANSLATE_NOOP("models", "Status"), lambda v: vocabulary.word(v.status), lambda v: v.status),
    *(_instrument_column(i) for i in registry.INSTRUMENTS),
    Column(
        QT_TRANSLATE_NOOP("models", "IMWG (higher = frailer)"),
        lambda v: category_text(v.imwg_category, (v.scores.get("imwg") or {}).get("score")),
        lambda v: _key((v.scores.get("imwg") or {}).get("score")),
        lambda v: category_colour(v.imwg_category),
    ),
    Column(
        QT_TRANSLATE_NOOP("models", "Signature"),
        _signature_cell,
        lambda v: (not signature_invalid(v), _signature_cell(v).casefold()),
        _signature_colour,
        QT_TRANSLATE_NOOP(
            "models",
            "Who signed and what the signature means; 'signature invalid' when the visit changed after signing",
        ),
    ),
]
