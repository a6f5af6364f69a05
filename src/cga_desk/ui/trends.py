"""Per-patient trends: charts beside the change-from-baseline table (docs/clinical-rules.md section 8)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain import access
from ..domain.records import User
from ..forms import messages, registry, vocabulary
from ..forms.instrument import ScoreKey
from ..i18n import QT_TRANSLATE_NOOP, format_date
from ..reports.changes import delta_cell
from ..services.history import HistoryRow, PatientHistory
from .language import translate
from .models import (
    ROW_ROLE,
    Column,
    RowsModel,
    category_key,
    missing_last,
    signature_invalid,
    signature_text,
    sortable,
)
from .naming import named
from .screen_fit import scrolling
from .style import alert_style, category_colour, signed
from .window_state import restore_splitter


def _score_words(key: str) -> str:
    """A score's short name ("Katz ADL") in the window's language."""
    return messages.score_label(key)


def _delta(key: str) -> Callable[[HistoryRow], str]:
    def text(r: HistoryRow) -> str:
        change = r.change.change_from_baseline
        if change is None:
            return translate("trends", "no baseline")
        value = change.get(key)
        if value is None:
            return translate("trends", "incomplete")
        return delta_cell(key, value)  # "+2 ▲ declined" for CCI: the reports' rule (reports/changes.py)

    return text


def _previous(r: HistoryRow) -> str:
    c = r.change.change_from_previous
    if c is None:
        return translate("trends", "first visit")
    return ", ".join(f"{_score_words(k)} {signed(v) if v is not None else '—'}" for k, v in c.items())


def _since(r: HistoryRow) -> str:
    c = r.change
    if c.baseline_date is None:
        return translate("trends", "no baseline")
    return translate("trends", "{days} d ({months} mo) since {date}").format(
        days=c.days_from_baseline, months=c.months_from_baseline, date=format_date(c.baseline_date)
    )


def _delta_heading(k: ScoreKey) -> str:
    return translate("trends", "Δ {label} ({sign} = decline)").format(
        label=_score_words(k.key), sign="−" if k.decline_sign < 0 else "+"
    )


def _delta_key(key: str) -> Callable[[HistoryRow], tuple[int, object]]:
    """The change as a number; no baseline or an incomplete score last."""
    return lambda r: missing_last((r.change.change_from_baseline or {}).get(key))


def _when(r: HistoryRow) -> tuple[object, int]:
    return (r.visit.visit_date, r.visit.id)


CHANGE_COLUMNS: list[Column[HistoryRow]] = [
    Column(QT_TRANSLATE_NOOP("models", "Date"), lambda r: format_date(r.visit.visit_date), _when),
    Column(
        QT_TRANSLATE_NOOP("models", "Timepoint"),
        lambda r: (
            vocabulary.timepoint(r.visit.timepoint)
            + (translate("trends", " [BASELINE]") if r.change.is_baseline else "")
        ),
        lambda r: r.visit.timepoint.casefold(),
    ),
    Column(QT_TRANSLATE_NOOP("models", "Since baseline"), _since, lambda r: missing_last(r.change.days_from_baseline)),
    *(
        Column(
            f"Δ {k.label}",
            _delta(k.key),
            _delta_key(k.key),
            words=functools.partial(_delta_heading, k),
        )
        for k in registry.CHANGE_KEYS
    ),
    Column(
        QT_TRANSLATE_NOOP("models", "Category change"),
        lambda r: messages.category_transition(r.change.category_transition) if r.change.category_transition else "",
        # by the category reached, fit to frail; visits whose category did not change last
        lambda r: category_key(r.visit.imwg_category if r.change.category_transition else None),
        lambda r: category_colour(r.visit.imwg_category) if r.change.category_transition else None,
    ),
    Column(
        QT_TRANSLATE_NOOP("models", "vs previous visit"), _previous, _when
    ),  # each visit against the one before it: in date order
]


class TrendsView(QWidget):
    baseline_requested = Signal(int, bool, int)  # visit id, mark?, the visit version shown
    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from .charts import TrendCharts  # pyqtgraph loads only when a trend is first shown

        self.history: PatientHistory | None = None
        self.charts = TrendCharts(self)
        self.model: RowsModel[HistoryRow] = RowsModel(CHANGE_COLUMNS, self)
        self.table = QTableView(self)
        named(self.table, "trends.changes", translate("TrendsView", "Scores and change from baseline at each visit"))
        self.sorted = sortable(self.table, self.model)  # by date to begin with
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_items())
        self.items = QLabel(self)
        self.items.setWordWrap(True)
        named(self.items, "trends.item_changes")
        self.signature = QLabel(self)
        self.signature.setWordWrap(True)
        named(self.signature, "trends.signature")
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        named(self.notes, "trends.notes")
        self.mark = self._button(
            translate("TrendsView", "Mark selected visit as baseline"),
            "trends.mark_baseline",
            lambda: self._baseline(True),
        )
        self.unmark = self._button(
            translate("TrendsView", "Unmark baseline"), "trends.unmark_baseline", lambda: self._baseline(False)
        )
        self.review = self._button(
            translate("TrendsView", "Trend reviewed…"), "trends.review", self.review_requested.emit
        )
        right = QWidget(self)
        rl = QVBoxLayout(right)
        legend = QLabel(
            translate(
                "TrendsView",
                "Change = visit − baseline. Katz and Lawton: a fall is a decline. CCI and IMWG: a rise is a "
                "decline. Each visit is compared with the latest baseline on or before its date.",
            ),
            right,
        )
        legend.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.mark, self.unmark, self.review):
            buttons.addWidget(b)
        # The table keeps five rows and the item changes scroll: a long list of changed answers (every item
        # of a frail patient) squeezed the table to one row and ran over it and off the page at 1366x768.
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5 + 40)
        said = QWidget(right)
        said_layout = QVBoxLayout(said)
        said_layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.items, self.signature, self.notes):
            said_layout.addWidget(w)
        said_layout.addStretch(1)
        rl.addWidget(legend)
        rl.addWidget(self.table, 3)
        rl.addWidget(
            scrolling(
                said,
                right,
                "trends.item_changes_scroll",
                translate("TrendsView", "Answers changed since the baseline"),
            ),
            2,
        )
        rl.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(
            scrolling(
                self.charts, split, "trends.charts_scroll", translate("TrendsView", "Charts of the scores over time")
            )
        )  # fits a 720 px screen
        split.addWidget(right)
        split.setSizes([640, 700])
        restore_splitter(split, "trends")  # where the user last left it (saved as the window closes)
        self.splitter = split
        QVBoxLayout(self).addWidget(split)

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(text, self)
        named(b, name)
        b.clicked.connect(slot)
        return b

    def show_history(self, history: PatientHistory, notes_text: str) -> None:
        self.history = history
        self.model.set_rows(history.rows)
        self.charts.show_history(history)
        self.notes.setText(notes_text)
        if history.rows:  # the latest visit, wherever the sort put it
            self.table.selectRow(self.sorted.mapFromSource(self.model.index(len(history.rows) - 1, 0)).row())
        self._show_items()

    def selected(self) -> HistoryRow | None:
        return self.table.currentIndex().data(ROW_ROLE) if self.table.currentIndex().isValid() else None

    def apply_rights(self, user: User | None) -> None:
        """Only what the signed-in user's role may do (the services refuse the rest anyway)."""
        self.review.setVisible(access.may(user, access.REVIEW))
        for b in (self.mark, self.unmark):
            b.setVisible(access.may(user, access.RECORD_VISITS))

    def _show_signature(self, row: HistoryRow | None) -> None:
        text = signature_text(row.visit) if row is not None else ""
        self.signature.setText(text)
        invalid = row is not None and signature_invalid(row.visit)
        self.signature.setStyleSheet(alert_style(bold=True) if invalid else "")

    def _show_items(self) -> None:
        row = self.selected()
        self._show_signature(row)
        if row is None:
            self.items.setText("")
            return
        if row.change.baseline_date is None:
            self.items.setText(
                translate("TrendsView", "{timepoint} {visit_date}: no baseline, so no change is shown.").format(
                    timepoint=vocabulary.timepoint(row.visit.timepoint), visit_date=format_date(row.visit.visit_date)
                )
            )
            return
        changes = row.change.item_changes
        what = "; ".join(messages.item_changes(changes)) if changes else translate("TrendsView", "no answer changed")
        self.items.setText(
            translate("TrendsView", "Items changed since the baseline of {baseline_date}: {what}.").format(
                baseline_date=format_date(row.change.baseline_date), what=what
            )
        )

    def _baseline(self, mark: bool) -> None:
        row = self.selected()
        if row is not None:
            self.baseline_requested.emit(row.visit.id, mark, row.visit.version)
