"""The cohort view: IMWG categories per timepoint (stacked bars with n), mean change from baseline,
the worklist of worsening patients and the overdue assessments. A row opens the patient."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CgaDeskError
from ..domain.records import INDEX_DISEASES
from ..forms import vocabulary
from ..i18n import QT_TRANSLATE_NOOP, format_date
from ..services.clinic import Clinic
from ..services.cohort import FIRST_BASELINE, LATEST_BASELINE, CohortOptions
from ..services.dataset import CohortFilter
from .errors import show_error
from .language import translate
from .models import ROW_ROLE, Column, RowsModel, category_key, missing_last, sortable
from .naming import named
from .patient_dialog import parse_day
from .style import CATEGORY_COLOURS, category_text
from .worker import run_off_thread

WORK_COLUMNS: list[Column[Any]] = [
    Column(QT_TRANSLATE_NOOP("models", "ID"), lambda r: r.study_id, lambda r: r.study_id),
    Column(QT_TRANSLATE_NOOP("models", "Name"), lambda r: r.name or "", lambda r: (r.name or "").casefold()),
    Column(
        QT_TRANSLATE_NOOP("models", "Latest visit"),
        lambda r: f"{format_date(r.latest_visit_date)} {vocabulary.timepoint(r.latest_timepoint)}",
        lambda r: r.latest_visit_date,
    ),
    Column(
        QT_TRANSLATE_NOOP("models", "IMWG baseline → latest"),
        lambda r: f"{category_text(r.baseline_category)} → {category_text(r.latest_category)}",
        lambda r: (category_key(r.latest_category), category_key(r.baseline_category)),  # by where they are now
    ),
    Column(QT_TRANSLATE_NOOP("models", "Why listed"), lambda r: r.reason, lambda r: r.reason.casefold()),
    Column(
        QT_TRANSLATE_NOOP("models", "Trend reviewed"),
        lambda r: format_date(r.reviewed_on) if r.reviewed_on else translate("models", "not yet"),
        lambda r: missing_last(r.reviewed_on),
    ),
]
OVERDUE_COLUMNS: list[Column[Any]] = [
    Column(QT_TRANSLATE_NOOP("models", "ID"), lambda r: r.study_id, lambda r: r.study_id),
    Column(QT_TRANSLATE_NOOP("models", "Name"), lambda r: r.name or "", lambda r: (r.name or "").casefold()),
    Column(
        QT_TRANSLATE_NOOP("models", "Timepoint"),
        lambda r: vocabulary.timepoint(r.timepoint),
        lambda r: r.timepoint.casefold(),
    ),
    Column(QT_TRANSLATE_NOOP("models", "Due"), lambda r: format_date(r.due), lambda r: r.due),
    Column(QT_TRANSLATE_NOOP("models", "Days overdue"), lambda r: str(r.days_overdue), lambda r: r.days_overdue),
]


def _signed(value: float) -> str:
    """+0.55, −1, 0: as the printed report writes a change, to two decimals (no "+0" or "−0")."""
    value = round(value, 2)
    if value == 0:
        return "0"
    return ("+" if value > 0 else "−") + f"{abs(value):.2f}".rstrip("0").rstrip(".")


def _table(parent: QWidget, name: str, words: str, model: RowsModel[Any]) -> QTableView:
    table = QTableView(parent)
    named(table, name, words)
    sortable(table, model)  # in study ID order, as the summary lists them, until a header is clicked
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CohortPage(QWidget):
    """The summary is computed on the thread pool (ui/worker.py; ~10 s at 50,000 patients): the window
    stays responsive, a busy bar shows while it runs, and `loaded` is emitted once the page shows it.
    Only the newest request is shown (a filter changed meanwhile supersedes an earlier one)."""

    open_patient = Signal(str)
    loaded = Signal()

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.summary: Any = None
        self._request = 0  # the number of the newest summary asked for
        self.work_model: RowsModel[Any] = RowsModel(WORK_COLUMNS, self)
        self.overdue_model: RowsModel[Any] = RowsModel(OVERDUE_COLUMNS, self)
        self.chart: Any = None
        self._build()

    def _build(self) -> None:
        self.disease = QComboBox(self)
        named(self.disease, "cohort.index_disease", translate("CohortPage", "Index disease"))
        self.disease.addItem(translate("CohortPage", "All index diseases"), None)
        for code in INDEX_DISEASES:
            self.disease.addItem(vocabulary.disease(code), code)
        self.timepoint = QComboBox(self)
        named(self.timepoint, "cohort.timepoint", translate("CohortPage", "Timepoint"))
        self.date_from = self._edit(
            "cohort.date_from", translate("CohortPage", "Visits from"), translate("CohortPage", "from YYYY-MM-DD")
        )
        self.date_to = self._edit(
            "cohort.date_to", translate("CohortPage", "Visits to"), translate("CohortPage", "to YYYY-MM-DD")
        )
        self.assessor = self._edit(
            "cohort.assessor", translate("CohortPage", "Assessor"), translate("CohortPage", "assessor (any)")
        )
        self.drafts = QCheckBox(translate("CohortPage", "Include draft visits"), self)
        named(self.drafts, "cohort.include_drafts")
        self.drafts.setToolTip(
            translate("CohortPage", "By default only complete and signed visits are counted; drafts are not final.")
        )
        self.drafts.toggled.connect(self.reload)
        self.baseline = QComboBox(self)
        named(self.baseline, "cohort.baseline", translate("CohortPage", "Change from which baseline"))
        self.baseline.addItem(translate("CohortPage", "Change from the first baseline (protocol)"), FIRST_BASELINE)
        self.baseline.addItem(translate("CohortPage", "Change from the latest baseline"), LATEST_BASELINE)
        self.baseline.currentIndexChanged.connect(self.reload)
        self.apply = QPushButton(translate("CohortPage", "Apply filters"), self)
        self.apply.setToolTip(translate("CohortPage", "Apply filters (Enter in any filter field)"))
        named(self.apply, "cohort.apply")
        self.apply.clicked.connect(self.reload)
        self.report = QPushButton(translate("CohortPage", "Cohort report…"), self)
        named(self.report, "cohort.report")
        self.report.clicked.connect(self._on_report_clicked)
        self.busy = QProgressBar(self)  # no range: Qt's busy indicator, while the summary is computed
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        named(self.busy, "cohort.busy", translate("CohortPage", "Computing the cohort summary…"))
        self.busy.setAccessibleDescription(translate("CohortPage", "Computing the cohort summary…"))
        self.busy.setToolTip(translate("CohortPage", "Computing the cohort summary…"))
        self.busy.hide()
        filters = QHBoxLayout()
        for w in (
            self.disease,
            self.timepoint,
            self.date_from,
            self.date_to,
            self.assessor,
            self.drafts,
            self.baseline,
            self.apply,
            self.report,
            self.busy,
        ):
            filters.addWidget(w)
        self.heading = QLabel(self)
        named(self.heading, "cohort.heading")
        self.chart_holder = QWidget(self)
        QVBoxLayout(self.chart_holder)
        self.means = QLabel(self)
        named(self.means, "cohort.mean_change")
        self.means.setWordWrap(True)
        self.means.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Scrolled: a clinic's sixty timepoints make a long text, which must not push the lists off the page.
        self.means_area = QScrollArea(self)
        named(self.means_area, "cohort.mean_change_area", translate("CohortPage", "Change from baseline"))
        self.means_area.setWidgetResizable(True)
        self.means_area.setFrameShape(QFrame.Shape.NoFrame)
        self.means_area.setWidget(self.means)
        self.means_area.setMaximumHeight(320)
        self.work = _table(self, "cohort.worklist", translate("CohortPage", "Worklist"), self.work_model)
        self.work.activated.connect(self._open)
        self.overdue = _table(
            self, "cohort.overdue", translate("CohortPage", "Overdue assessments"), self.overdue_model
        )
        self.overdue.activated.connect(self._open)
        self.unchecked = QLabel(self)
        named(self.unchecked, "cohort.unchecked")
        self.unchecked.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self.chart_holder, 0, 0)
        grid.addWidget(self.means_area, 0, 1)
        grid.addWidget(
            QLabel(
                translate("CohortPage", "Worklist: IMWG category worse than at baseline, or the latest visit declined"),
                self,
            ),
            1,
            0,
        )
        grid.addWidget(QLabel(translate("CohortPage", "Overdue assessments"), self), 1, 1)
        grid.addWidget(self.work, 2, 0)
        grid.addWidget(self.overdue, 2, 1)
        grid.addWidget(self.unchecked, 3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.heading)
        layout.addLayout(grid)

    def _edit(self, name: str, words: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        named(edit, name, words)
        edit.setPlaceholderText(placeholder)
        edit.returnPressed.connect(self.reload)
        return edit

    def filters(self) -> CohortFilter:
        tp = self.timepoint.currentData()
        return CohortFilter(
            index_disease=self.disease.currentData(),
            timepoints=(tp,) if tp else None,
            date_from=parse_day(self.date_from.text(), "date_from", False),
            date_to=parse_day(self.date_to.text(), "date_to", False),
            assessor=self.assessor.text().strip() or None,
        )

    def options(self) -> CohortOptions:
        return CohortOptions(include_drafts=self.drafts.isChecked(), baseline=self.baseline.currentData())

    def reload(self) -> None:
        if self.timepoint.count() == 0:
            self.timepoint.addItem(translate("CohortPage", "All timepoints"), None)
            for label in self.clinic.timepoint_labels():
                self.timepoint.addItem(vocabulary.timepoint(label), label)
        try:
            filters, options = self.filters(), self.options()
        except CgaDeskError as error:  # a filter that cannot be read: said at once, nothing computed
            show_error(self, error)
            return
        self._request += 1
        request = self._request
        self.busy.show()
        if self.summary is None:  # the first time: say why the page is empty
            self.heading.setText(translate("CohortPage", "Computing the cohort summary…"))
        run_off_thread(
            self,
            lambda _progress: self.clinic.cohort_summary(filters, options),
            lambda summary: self._computed(request, summary),
            lambda error: self._failed(request, error),
        )

    def _computed(self, request: int, summary: Any) -> None:
        if request != self._request:
            return  # superseded by a newer request, whose result follows
        self.busy.hide()
        self.summary = summary
        self._show(summary)
        self.loaded.emit()

    def _failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        self.busy.hide()
        if not isinstance(error, CgaDeskError):
            raise error  # a bug: to the crash handler, as when it ran on this thread
        show_error(self, error)

    def _show(self, s: Any) -> None:
        self.heading.setText(
            translate(
                "CohortPage",
                "{n_patients} patients, {n_visits} visits · {describe} · IMWG categories: fit 0, intermediate 1, frail ≥ 2 (higher score = frailer)",
            ).format(n_patients=s.n_patients, n_visits=s.n_visits, describe=s.filters.describe())
            + "\n"
            + self._counted_text(s)
        )
        self.work_model.set_rows(s.worklist)
        self.overdue_model.set_rows(s.overdue)
        self.means.setText(self._means_text(s.mean_change))
        self.unchecked.setText(self._overdue_text(s))
        self._draw(s.categories)

    @staticmethod
    def _counted_text(s: Any) -> str:
        """What is counted and how it is compared, as the printed report says it."""
        drafts = (
            translate("CohortPage", "Draft visits included: their scores are not final.")
            if s.options.include_drafts
            else translate("CohortPage", "Complete and signed visits only (drafts left out: {n}).").format(
                n=s.drafts_left_out
            )
        )
        base = (
            translate("CohortPage", "Change from each patient's first baseline (patients re-baselined: {n}).")
            if s.options.baseline == FIRST_BASELINE
            else translate("CohortPage", "Change from each visit's latest baseline (patients re-baselined: {n}).")
        ).format(n=s.rebaselined)
        return f"{drafts} {base}"

    @staticmethod
    def _overdue_text(s: Any) -> str:
        """What the overdue list covers, and who it cannot cover (never counted as on time)."""
        text = translate("CohortPage", "Patients checked against the schedule: {n}.").format(n=s.n_scheduled)
        if s.unchecked:
            named = [
                f"{u.study_id} ({format_date(u.last_visit) if u.last_visit else translate('CohortPage', 'never seen')})"
                for u in s.unchecked[:10]
            ]
            more = len(s.unchecked) - len(named)
            text += " " + translate(
                "CohortPage",
                "Patients who cannot be checked (no diagnosis date or treatment milestone recorded: no due dates): {n}; never seen: {never}. Never seen first, then the longest unseen: {named}",
            ).format(n=len(s.unchecked), never=sum(u.last_visit is None for u in s.unchecked), named=", ".join(named))
            if more:
                text += " " + translate("CohortPage", "and {more} more.").format(more=more)
        return text

    @staticmethod
    def _means_text(frame: Any) -> str:
        if frame is None or len(frame) == 0:
            return translate("CohortPage", "Mean change from baseline: no visit with a baseline in this selection.")
        lines = [
            translate(
                "CohortPage",
                "Change from baseline: mean, median [quartiles] (n visits) — Katz ADL and Lawton IADL: "
                "negative = decline; CCI and IMWG: positive = decline",
            )
        ]
        names = {"katz_adl": "ADL", "lawton_iadl": "IADL", "cci": "CCI", "imwg_score": "IMWG"}
        for tp, group in frame.groupby("timepoint", sort=False):
            parts = [
                f"{names.get(r.score, r.score)} {_signed(r.mean_change)}, {_signed(r.median)} "
                f"[{_signed(r.q1)}, {_signed(r.q3)}] (n={int(r.n)})"
                for r in group.itertuples()
                if int(r.n) > 0
            ]
            if parts:
                lines.append(f"{vocabulary.timepoint(tp)}: " + ", ".join(parts))
        return "\n".join(lines)

    def _draw(self, categories: Any) -> None:
        if self.chart is None:
            from .cohort_chart import CategoryChart

            self.chart = CategoryChart(self.chart_holder)
            holder_layout = self.chart_holder.layout()
            assert holder_layout is not None
            holder_layout.addWidget(self.chart)
        self.chart.show_counts(categories, CATEGORY_COLOURS)

    def _on_report_clicked(self) -> None:
        from .report_actions import open_report

        try:
            filters = self.filters()
        except CgaDeskError as error:
            show_error(self, error)
            return
        open_report(
            self,
            self.clinic,
            "cohort",
            (filters, self.options()),
            translate("CohortPage", "cohort summary"),
            "cohort-summary.pdf",
        )

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_patient.emit(row.study_id)
