"""A patient's page: identity and milestones, the visits in date order, start the next due visit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import access
from ..domain.errors import CgaDeskError
from ..domain.records import PatientView, VisitView
from ..forms import vocabulary
from ..forms.schedule import UNSCHEDULED
from ..i18n import QT_TRANSLATE_NOOP, format_date
from ..services.clinic import Clinic
from ..services.patient_file import PatientFile
from . import shortcuts, signoff
from .errors import show_error
from .language import isolate, translate
from .models import ROW_ROLE, VISIT_COLUMNS, RowsModel, signature_invalid, signature_text, sortable
from .naming import named
from .patient_dialog import PatientDialog
from .points_panel import PointsPanel
from .report_actions import open_report
from .screen_fit import ElidedLabel
from .style import alert_style, scaled_font
from .visit_dialogs import MilestoneDialog, StartVisitDialog

if TYPE_CHECKING:
    from .trends import TrendsView  # pyqtgraph: imported when the tab is first shown


# The next visit's status and due date on the start button, each status in its own words ("due: due 6 Dec"
# said "due" twice).
DUE_WORDS = {
    "due": QT_TRANSLATE_NOOP("PatientPage", " (due {date})"),
    "upcoming": QT_TRANSLATE_NOOP("PatientPage", " (upcoming: due {date})"),
    "overdue": QT_TRANSLATE_NOOP("PatientPage", " (overdue: it was due {date})"),
    "missed": QT_TRANSLATE_NOOP("PatientPage", " (missed: it was due {date})"),
}


class PatientPage(QWidget):
    open_visit = Signal(int)
    back = Signal()

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.file: PatientFile | None = None
        self.patient: PatientView | None = None
        self.visit_rows: list[VisitView] = []
        self.model: RowsModel[VisitView] = RowsModel(VISIT_COLUMNS, self)
        self._build()

    def _build(self) -> None:
        self.title = ElidedLabel(self)  # a long name is cut with "…" (full text in the tooltip), never widening
        self.title.setFont(scaled_font(self, 1.4, bold=True))
        named(self.title, "patient.title")
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        named(self.details, "patient.details")
        self.primary = QPushButton(self)
        named(self.primary, "patient.start_next")
        self.primary.setDefault(True)  # Enter presses it while it has the focus, as when the page opens
        self.primary.setToolTip(
            translate("PatientPage", "Enter presses this button while it has the focus (as when the page opens)")
        )
        self.primary.clicked.connect(self._on_primary_clicked)
        self.other = self._button(
            translate("PatientPage", "Start another visit…"), "patient.start_other", self._on_other_clicked
        )
        self.milestone = self._button(
            translate("PatientPage", "Add milestone…"), "patient.add_milestone", self._on_milestone_clicked
        )
        self.edit = self._button(translate("PatientPage", "Edit patient…"), "patient.edit", self._on_edit_clicked)
        self.back_action = shortcuts.action(
            self,
            translate("PatientPage", "Back to the list"),
            shortcuts.BACK_TO_LIST,
            self.back.emit,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.back_button = QPushButton(translate("PatientPage", "Back to the list"), self)
        named(self.back_button, "patient.back")
        shortcuts.bind_button(self.back_button, self.back_action)
        self.report_button = self._button(
            translate("PatientPage", "Longitudinal report…"), "patient.report", self._on_report_clicked
        )
        self.correct_button = QPushButton(translate("PatientPage", "&Correct…"), self)  # Space or Alt+C opens it
        named(self.correct_button, "patient.correct")
        self.correct_menu = self._corrections_menu()
        self.correct_button.setMenu(self.correct_menu)
        first = QHBoxLayout()  # the primary action alone on its row: its long words (Chinese too) are never cut
        first.addWidget(self.primary)
        first.addStretch(1)
        actions = QVBoxLayout()
        actions.addLayout(first)
        others = QHBoxLayout()
        for b in (self.other, self.milestone, self.edit, self.correct_button, self.report_button, self.back_button):
            others.addWidget(b)
        others.addStretch(1)
        actions.addLayout(others)
        self.table = QTableView(self)
        named(self.table, "patient.visits", translate("PatientPage", "Visits of this patient"))
        self.sorted = sortable(self.table, self.model)  # by date to begin with; any column by its header
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._on_visit_activated)
        self.tabs = QTabWidget(self)
        named(self.tabs, "patient.tabs")
        self.tabs.addTab(self._visits_tab(), translate("PatientPage", "Visits"))
        self.trends_holder = QWidget(self)
        holder = QVBoxLayout(self.trends_holder)
        holder.setContentsMargins(0, 0, 0, 0)
        self.trends: TrendsView | None = None
        self.tabs.addTab(self.trends_holder, translate("PatientPage", "Trends and change from baseline"))
        self.tabs.currentChanged.connect(lambda _: self._refresh_trends())
        self.schedule = QLabel(self)
        self.schedule.setWordWrap(True)
        named(self.schedule, "patient.schedule")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.schedule)
        layout.addLayout(actions)
        layout.addWidget(self.tabs)

    def _visits_tab(self) -> QWidget:
        tab = QWidget(self)
        self.sign_button = self._button(
            translate("PatientPage", "Sign selected visits…"), "patient.sign", self._on_sign_clicked
        )
        self.amend_button = self._button(
            translate("PatientPage", "Amend signed visit…"), "patient.amend", self._on_amend_clicked
        )
        self.versions_button = self._button(
            translate("PatientPage", "Earlier versions…"), "patient.versions", self._on_versions_clicked
        )
        self.summary_button = self._button(
            translate("PatientPage", "Visit summary report…"), "patient.visit_report", self._on_summary_clicked
        )
        row = QHBoxLayout()
        for b in (self.sign_button, self.amend_button, self.versions_button, self.summary_button):
            row.addWidget(b)
        self.signature = QLabel(tab)
        self.signature.setWordWrap(True)
        self.signature.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        named(self.signature, "patient.signature")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_signatures())
        self.points = PointsPanel(tab)  # the IMWG points of baseline and the selected visit (issue 18)
        self.points.setMaximumHeight(self.fontMetrics().lineSpacing() * 14)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_points())
        layout = QVBoxLayout(tab)
        layout.addWidget(
            QLabel(
                translate(
                    "PatientPage", "Visits (Enter opens the selected visit; select several to sign them at once):"
                ),
                tab,
            )
        )
        layout.addWidget(self.table, 2)
        layout.addWidget(self.points, 1)
        layout.addWidget(self.signature)
        layout.addLayout(row)
        return tab

    def _show_signatures(self) -> None:
        """The signatures of the selected visits (else of the latest signed visit), in full, and who amended
        them, when and why (as the wizard's review says it); red when a signature is invalid."""
        amendments = self.file.amendments if self.file is not None else {}
        chosen = [v for v in self.selected_visits() if v.status == "signed" or v.id in amendments]
        if not chosen:
            signed = [v for v in self.visit_rows if v.status == "signed"]
            chosen = signed[-1:]
        lines = []
        for v in chosen:
            said = [signature_text(v)] if v.status == "signed" else []
            amended = amendments.get(v.id)
            if amended is not None:
                said.append(
                    translate("PatientPage", "Amended by {who} on {date}: {reason}").format(
                        who=amended.by, date=format_date(amended.at.date()), reason=amended.reason
                    )
                )
            lines.append(f"{vocabulary.timepoint(v.timepoint)} {format_date(v.visit_date)}: {' · '.join(said)}")
        self.signature.setText("\n".join(lines))
        invalid = any(signature_invalid(v) for v in chosen)
        self.signature.setStyleSheet(alert_style(bold=True) if invalid else "")

    def _show_points(self) -> None:
        """The IMWG points of the selected visit (else the latest with a score) beside its baseline's."""
        if self.file is None:
            return
        rows = self.file.history.rows
        by_id = {r.visit.id: r for r in rows}
        chosen = [by_id[v.id] for v in self.selected_visits() if v.id in by_id]
        scored = [r for r in rows if r.visit.scores.get("imwg")]
        row = chosen[-1] if chosen else (scored[-1] if scored else None)
        index = row.change.baseline_index if row is not None else None
        self.points.show_rows(row, rows[index] if index is not None else None, selected=bool(chosen))

    def apply_rights(self) -> None:
        """Show only what the signed-in user's role may do (the services refuse the rest anyway)."""
        user = self.clinic.user
        for widget, action in (
            (self.primary, access.RECORD_VISITS),
            (self.other, access.RECORD_VISITS),
            (self.milestone, access.EDIT_PATIENTS),
            (self.edit, access.EDIT_PATIENTS),
            (self.correct_button, access.EDIT_PATIENTS),
            (self.report_button, access.PRINT),
            (self.summary_button, access.PRINT),
            (self.sign_button, access.SIGN),
            (self.amend_button, access.AMEND),
        ):
            widget.setVisible(access.may(user, action))
        if self.trends is not None:
            self.trends.apply_rights(user)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        named(button, name)
        button.clicked.connect(slot)
        return button

    def show_patient(self, study_id: str, disclose: bool = True) -> None:
        """Read everything the page shows in one call (one unit of work; issue 8), then fill it. Opening the
        page is audited (issue 15); the page's own refreshes after a change are not (`disclose=False`)."""
        self.file = self.clinic.open_patient(study_id, disclose=disclose)
        self.patient = p = self.file.patient
        self.visit_rows = list(self.file.visits)
        self.model.set_rows(self.visit_rows)
        age = p.age_on(self.clinic.today())
        name = isolate(p.name) if p.name else translate("PatientPage", "(no name)")
        study_id = p.study_id  # the hospital record number beside it when recorded, as on the reports
        if p.mrn:
            study_id = translate("PatientPage", "{study_id} · MRN {mrn}").format(
                study_id=p.study_id, mrn=isolate(p.mrn)
            )
        self.title.setText(
            translate("PatientPage", "{study_id} · {name} · {age} years").format(study_id=study_id, name=name, age=age)
        )
        milestones = ", ".join(f"{vocabulary.milestone(m.kind)} {format_date(m.date)}" for m in p.milestones)
        self.details.setText(
            translate(
                "PatientPage", "Born {birth_date} · {sex} · {disease} · diagnosis {diagnosis}\nMilestones: {milestones}"
            ).format(
                birth_date=format_date(p.birth_date),
                sex=vocabulary.word(p.sex) if p.sex else translate("PatientPage", "sex not recorded"),
                disease=vocabulary.disease(p.index_disease)
                if p.index_disease
                else translate("PatientPage", "index disease not recorded"),
                diagnosis=format_date(p.diagnosis_date)
                if p.diagnosis_date
                else translate("PatientPage", "date not recorded"),
                milestones=milestones or translate("PatientPage", "none recorded"),
            )
        )
        self.schedule.setText(
            translate("PatientPage", "Schedule: {name} — {timepoints}").format(
                name=self.file.schedule or translate("PatientPage", "none"),
                timepoints=", ".join(vocabulary.timepoint(r.label.replace("{month}", "…")) for r in self.file.rules),
            )
        )
        self._update_primary()
        self.apply_rights()
        self._show_signatures()
        self._show_points()
        self._refresh_trends()
        (self.table if self.primary.isHidden() else self.primary).setFocus()

    def _reload(self) -> None:
        """After a change made from this page: read the patient again (one call) and refill it."""
        if self.patient is not None:
            focus = self.focusWidget()
            self.show_patient(self.patient.study_id, disclose=False)
            if focus is not None:
                focus.setFocus()

    def _refresh_trends(self) -> None:
        """Fill the trends tab from the patient already read, once it is shown (pyqtgraph loads then)."""
        if self.file is None or self.tabs.currentWidget() is not self.trends_holder:
            return
        if self.trends is None:
            from .trends import TrendsView

            self.trends = TrendsView(self.trends_holder)
            self.trends.baseline_requested.connect(self._on_baseline_requested)
            self.trends.review_requested.connect(self._on_review_requested)
            holder_layout = self.trends_holder.layout()
            assert holder_layout is not None
            holder_layout.addWidget(self.trends)
            self.trends.apply_rights(self.clinic.user)
        notes = self.file.notes
        text = "; ".join(
            translate("PatientPage", "trend reviewed {date} by {author}").format(
                date=format_date(n.note_date), author=n.author
            )
            + (f": {n.text}" if n.text else "")
            for n in notes[-3:]
        ) or translate("PatientPage", "The trend has not been reviewed yet.")
        self.trends.show_history(self.file.history, text)

    def selected_visits(self) -> list[VisitView]:
        """The selected visits in date order, whatever order the table is sorted in."""
        chosen = [i.data(ROW_ROLE) for i in self.table.selectionModel().selectedRows()]
        return sorted(chosen, key=lambda v: (v.visit_date, v.id))

    def _on_sign_clicked(self) -> None:
        signoff.sign(self, self.clinic, self.selected_visits(), reload=self._show_stored)

    def _show_stored(self) -> None:
        """The patient's visits as stored now (after signing, or a refusal because one changed elsewhere)."""
        if self.patient:
            self.show_patient(self.patient.study_id, disclose=False)

    def _on_amend_clicked(self) -> None:
        chosen = self.selected_visits()
        visit = signoff.amend(self, self.clinic, chosen[0] if len(chosen) == 1 else None)
        if visit is not None:
            self.open_visit.emit(visit.id)
        elif self.patient:  # cancelled or refused: show what is stored now
            self.show_patient(self.patient.study_id)

    def _on_report_clicked(self) -> None:
        if self.patient is not None:
            open_report(
                self,
                self.clinic,
                "longitudinal",
                self.patient.study_id,
                translate("PatientPage", "longitudinal report of {study_id}").format(study_id=self.patient.study_id),
                f"{self.patient.study_id}-longitudinal.pdf",
            )

    def _on_summary_clicked(self) -> None:
        chosen = self.selected_visits()
        if len(chosen) != 1:
            show_error(
                self, CgaDeskError(translate("PatientPage", "Select the one visit whose summary you want to print."))
            )
            return
        v = chosen[0]
        open_report(
            self,
            self.clinic,
            "visit",
            v.id,
            translate("PatientPage", "visit summary of {study_id}, {timepoint} {visit_date}").format(
                study_id=v.study_id, timepoint=vocabulary.timepoint(v.timepoint), visit_date=format_date(v.visit_date)
            ),
            f"{v.study_id}-{v.visit_date.isoformat()}-visit.pdf",
        )

    def print_shown(self) -> None:
        """Ctrl+P (issue 18): the selected visit's summary when one visit is selected, else the longitudinal report."""
        if len(self.selected_visits()) == 1:
            self._on_summary_clicked()
        else:
            self._on_report_clicked()

    def _on_versions_clicked(self) -> None:
        chosen = self.selected_visits()
        signoff.show_versions(self, self.clinic, chosen[0] if chosen else None)

    def _on_baseline_requested(self, visit_id: int, mark: bool, version: int) -> None:
        try:
            self.clinic.set_baseline(visit_id, mark, expected=version)
        except CgaDeskError as error:
            show_error(self, error)
        self._reload()

    def _on_review_requested(self) -> None:
        if self.patient and signoff.trend_review(self, self.clinic, self.patient.study_id):
            self._reload()

    def _draft(self) -> VisitView | None:
        drafts = [v for v in self.visit_rows if v.status == "draft"]
        return drafts[-1] if drafts else None

    def _update_primary(self) -> None:
        draft = self._draft()
        if draft:
            self.primary.setText(
                translate("PatientPage", "Continue the draft {timepoint} visit of {visit_date}").format(
                    timepoint=vocabulary.timepoint(draft.timepoint), visit_date=format_date(draft.visit_date)
                )
            )
            return
        assert self.file is not None
        nxt = self.file.next_timepoint
        label = vocabulary.timepoint(nxt.label if nxt else UNSCHEDULED)
        when = (
            translate("PatientPage", DUE_WORDS.get(nxt.status, DUE_WORDS["due"])).format(date=format_date(nxt.due))
            if nxt and nxt.due
            else (
                translate("PatientPage", " (not scheduled yet: its treatment milestone is not recorded)") if nxt else ""
            )
        )
        self.primary.setText(
            translate("PatientPage", "Start the {label} visit today{when}").format(label=label, when=when)
        )

    def _on_primary_clicked(self) -> None:
        assert self.patient is not None
        draft = self._draft()
        if draft:
            self.open_visit.emit(draft.id)
            return
        nxt = self.clinic.next_timepoint(self.patient.study_id)
        self._start(self.clinic.today(), nxt.label if nxt else UNSCHEDULED)

    def _start(self, day: object, timepoint: str) -> None:
        assert self.patient is not None
        try:
            visit = self.clinic.start_visit(self.patient.study_id, day, timepoint)  # type: ignore[arg-type]
        except CgaDeskError as error:
            show_error(self, error)
            return
        self.open_visit.emit(visit.id)

    def _on_other_clicked(self) -> None:
        assert self.patient is not None
        nxt = self.clinic.next_timepoint(self.patient.study_id)
        dialog = StartVisitDialog(
            self.clinic.timepoint_labels(self.patient.study_id), nxt.label if nxt else None, self.clinic.today(), self
        )
        if dialog.exec() and dialog.day is not None:
            self._start(dialog.day, dialog.chosen_timepoint())

    def _on_milestone_clicked(self) -> None:
        assert self.patient is not None
        dialog = MilestoneDialog(self)
        if dialog.exec() and dialog.day is not None:
            try:
                self.clinic.add_milestone(
                    self.patient.study_id, dialog.kind.currentData(), dialog.day, dialog.note.text()
                )
            except CgaDeskError as error:
                show_error(self, error)
            self.show_patient(self.patient.study_id, disclose=False)

    def _on_edit_clicked(self) -> None:
        assert self.patient is not None
        if PatientDialog(self.clinic, self.patient, self).exec():
            self.show_patient(self.patient.study_id, disclose=False)

    # corrections (issue 18 item 4) and the patient's schedule (item 8) ------------------------------
    def _corrections_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("patient.correct_menu")
        self.discard_action = menu.addAction(
            translate("PatientPage", "&Discard the draft visit…"), self._on_discard_triggered
        )
        self.correct_id_action = menu.addAction(
            translate("PatientPage", "Correct the study &ID…"), self._on_correct_id_triggered
        )
        self.correct_details_action = menu.addAction(
            translate("PatientPage", "Correct the patient's de&tails…"), self._on_edit_clicked
        )
        self.move_schedule_action = menu.addAction(
            translate("PatientPage", "Move to another &schedule…"), self._on_move_schedule_triggered
        )
        menu.addSeparator()
        self.in_error_action = menu.addAction(
            translate("PatientPage", "Registered in &error…"), self._on_in_error_triggered
        )
        return menu

    def _on_discard_triggered(self) -> None:
        from .corrections import discard_draft_dialog

        draft = self._chosen_draft()
        if draft is None:
            show_error(self, CgaDeskError(translate("PatientPage", "This patient has no draft visit to discard.")))
            return
        if discard_draft_dialog(self.clinic, draft, self).exec():
            self._reload()

    def _chosen_draft(self) -> VisitView | None:
        """The selected draft, else the draft the primary button continues."""
        chosen = [v for v in self.selected_visits() if v.status == "draft"]
        return chosen[0] if len(chosen) == 1 else self._draft()

    def _on_correct_id_triggered(self) -> None:
        from .corrections import CorrectIdDialog

        assert self.patient is not None
        dialog = CorrectIdDialog(self.clinic, self.patient, self)
        if dialog.exec() and dialog.result_patient is not None:
            self.show_patient(dialog.result_patient.study_id, disclose=False)

    def _on_move_schedule_triggered(self) -> None:
        from .schedules_dialog import MoveScheduleDialog

        assert self.patient is not None and self.file is not None
        if MoveScheduleDialog(self.clinic, self.patient.study_id, self.file.schedule, self).exec():
            self._reload()

    def _on_in_error_triggered(self) -> None:
        from .corrections import registered_in_error_dialog

        assert self.patient is not None
        if registered_in_error_dialog(self.clinic, self.patient, self).exec():
            self.back.emit()  # the patient has left the lists

    def _on_visit_activated(self, index: QModelIndex) -> None:
        visit = index.data(ROW_ROLE)
        if visit is not None:
            self.open_visit.emit(visit.id)
