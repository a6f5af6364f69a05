"""The assessment wizard page: one question at a time, keyboard first, every answer saved as given."""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import CgaDeskError, ConflictError
from ...domain.records import VisitView
from ...forms import registry, vocabulary
from ...i18n import format_date
from ...services.clinic import Clinic
from .. import shortcuts
from ..errors import show_error
from ..language import translate, translation_notice
from ..style import scaled_font
from .live_panel import LivePanel
from .questions import (
    ASK,
    CONFIRM,
    SKIPS,
    STEPS,
    Question,
    build_questions,
    current_value,
    is_gate,
    not_assessable,
    step_short,
    step_title,
)
from .review import ReviewView


class WizardPage(QWidget):
    completed = Signal(int)  # visit id
    leave = Signal(str)  # study id: back to the patient page

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.visit: VisitView | None = None
        self.previous: dict[str, VisitView] = {}  # instrument -> the earlier visit its "unchanged?" offer copies
        self.questions: list[Question] = []
        self.index = 0
        # An answer refused because the visit changed on another workstation: (question index, choice
        # index). Shown under the reloaded question; R (or the button) applies it again.
        self.pending: tuple[int, int] | None = None
        self._build()

    # layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.header = QLabel(self)
        self.header.setAccessibleName("wizard.header")
        self.steps = QLabel(self)
        self.steps.setAccessibleName("wizard.steps")
        self.steps.setWordWrap(True)
        self.header.setWordWrap(True)
        self.title = QLabel(self)
        self.title.setFont(scaled_font(self, 1.5, bold=True))
        self.title.setWordWrap(True)
        self.title.setAccessibleName("wizard.question")
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setAccessibleName("wizard.help")
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("wizard.banner")
        self.options = QWidget(self)
        self.options_layout = QVBoxLayout(self.options)
        self.group = QButtonGroup(self)
        self.group.idClicked.connect(self._on_option_clicked)
        self.review = ReviewView(self)
        self.review.complete_requested.connect(self.complete)
        self.hint = QLabel(
            translate(
                "WizardPage", "Keys: a digit answers and moves on · Enter or Tab: next · Backspace: back · Esc: close"
            ),
            self,
        )
        self.hint.setAccessibleName("wizard.keys")
        self.notice = QLabel(self)  # the wording is a translation written for CGA Desk (clinical-rules.md 14)
        self.notice.setAccessibleName("wizard.translation_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #616161")
        for w in (self.header, self.steps, self.title, self.help, self.banner, self.options, self.review):
            left.addWidget(w)
        left.addStretch(1)
        left.addLayout(self._nav())
        left.addWidget(self.notice)
        left.addWidget(self.hint)
        outer.addLayout(left, 3)
        self.panel = LivePanel(self)
        self.panel.setMinimumWidth(320)
        self.panel.setMaximumWidth(460)
        outer.addWidget(self.panel, 2)

    def _nav(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back_button = QPushButton(translate("WizardPage", "Back"), self)
        self.back_button.setToolTip(translate("WizardPage", "Back to the previous question (Backspace, or Shift+Tab)"))
        self.back_button.clicked.connect(lambda: self.go(-1))
        self.na_button = QPushButton(translate("WizardPage", "Not assessable…"), self)
        self.na_button.setAccessibleName("wizard.not_assessable")
        self.na_button.clicked.connect(self._on_not_assessable_clicked)
        self.reapply_button = QPushButton(translate("WizardPage", "Apply my answer again (R)"), self)
        self.reapply_button.setAccessibleName("wizard.reapply")
        self.reapply_button.clicked.connect(self.reapply)
        self.reapply_button.setVisible(False)
        self.next_button = QPushButton(translate("WizardPage", "Next"), self)
        self.next_button.setToolTip(translate("WizardPage", "Next question (Enter or Tab)"))
        self.next_button.clicked.connect(lambda: self.go(+1))
        self.close_action = shortcuts.action(
            self,
            translate("WizardPage", "Close (the draft is kept)"),
            shortcuts.CLOSE_WIZARD,
            self._on_close_clicked,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.close_button = QPushButton(translate("WizardPage", "Close (the draft is kept)"), self)
        shortcuts.bind_button(self.close_button, self.close_action)
        for b in (self.back_button, self.na_button, self.reapply_button, self.next_button, self.close_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys drive the wizard; buttons are for the mouse
            row.addWidget(b)
        return row

    # opening -------------------------------------------------------------------------------
    def open_visit(self, visit_id: int) -> None:
        visit = self.clinic.visit(visit_id)
        self.visit = visit
        self.pending = None
        self.previous = {
            i.code: prev
            for i in registry.INSTRUMENTS
            if i.offer_unchanged and (prev := self._previous_with(i.code, visit))
        }
        self.questions = build_questions(self.previous)
        self._show_header(visit)
        self.notice.setText(translation_notice())
        self.notice.setVisible(bool(self.notice.text()))
        self.panel.show_scores(visit.scores)
        self.show_question(self._first_unanswered())

    def _previous_with(self, code: str, visit: VisitView) -> VisitView | None:
        """Offer 'unchanged' when this visit has no answers to the instrument and an earlier visit has them all."""
        state = visit.instruments.get(code)
        if state is not None and (state.answers or state.total is not None or state.not_assessable_reason):
            return None
        inst = registry.BY_CODE[code]
        earlier = [
            v
            for v in self.clinic.visits(visit.study_id)
            if (v.visit_date, v.id) < (visit.visit_date, visit.id)
            and inst.total_of(v.scores) is not None
            and v.instruments.get(code)
            and v.instruments[code].answers
        ]
        return earlier[-1] if earlier else None

    def _first_unanswered(self) -> int:
        assert self.visit is not None
        if self.visit.status != "draft":  # complete or signed: open on the review, read-only for signed
            return len(self.questions) - 1
        for i, q in enumerate(self.questions):
            if q.step == "review" or q.step.endswith(CONFIRM):
                return i
            if q.step.endswith(ASK) and current_value(q, self.visit) is None:
                return i
            if current_value(q, self.visit) is None and not not_assessable(q, self.visit):
                return i
        return len(self.questions) - 1

    # showing -------------------------------------------------------------------------------
    def show_question(self, index: int) -> None:
        assert self.visit is not None
        self.index = max(0, min(index, len(self.questions) - 1))
        q = self.questions[self.index]
        self.steps.setText("  ›  ".join(f"[{step_short(s)}]" if s == self._step(q) else step_short(s) for s in STEPS))
        in_step = [x for x in self.questions if x.step == q.step]
        where = translate("WizardPage", "{step} · question {number} of {count}").format(
            step=step_title(self._step(q)), number=in_step.index(q) + 1, count=len(in_step)
        )
        self.title.setText(q.title if q.step == "review" else f"{q.title}")
        self.help.setText(
            "" if q.step == "review" else translate("WizardPage", "{where}. {help}").format(where=where, help=q.help)
        )
        reason = not_assessable(q, self.visit) if q.step in registry.BY_CODE else None
        banner = [translate("WizardPage", "Marked not assessable: {reason}").format(reason=reason)] if reason else []
        pending = self.pending is not None and self.pending[0] == self.index
        if pending:
            assert self.pending is not None
            mine = q.choices[self.pending[1]]
            banner.append(
                translate(
                    "WizardPage",
                    "Your answer “{key} {label}” was NOT saved: the visit changed on another "
                    "workstation and is shown as stored now. Press R to apply your answer again.",
                ).format(key=mine.key, label=mine.label)
            )
        self.banner.setText("\n".join(banner))
        self.reapply_button.setVisible(pending)
        self.na_button.setVisible(q.step in registry.BY_CODE)
        self._show_options(q)
        self.review.setVisible(q.step == "review")
        self.options.setVisible(q.step != "review")
        if q.step == "review":
            self.review.show_visit(self.visit)
        self.setFocus()

    def _step(self, q: Question) -> str:
        return q.instrument or q.step

    def _show_options(self, q: Question) -> None:
        for button in self.group.buttons():  # detach now: deleteLater alone waits for the event loop
            self.group.removeButton(button)
            self.options_layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        assert self.visit is not None
        value = current_value(q, self.visit)
        for i, choice in enumerate(q.choices):
            text = "\n      ".join(textwrap.wrap(f"{choice.key}   {choice.label}", 90))
            button = QRadioButton(text, self.options)
            button.setFont(scaled_font(self, 1.15))
            button.setAccessibleName(choice.name)
            button.setObjectName(choice.name)
            button.setAccessibleDescription(choice.label)
            button.setChecked(value is not None and value == choice.value)
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            self.group.addButton(button, i)
            self.options_layout.addWidget(button)

    # answering ----------------------------------------------------------------------------
    def answer(self, choice_index: int, advance: bool = True) -> bool:
        q = self.questions[self.index]
        choice = q.choices[choice_index]
        assert self.visit is not None
        try:
            self.visit = self._save(q, choice.value)
        except ConflictError as error:  # changed elsewhere: reload, keep this answer to apply again
            self.pending = (self.index, choice_index)
            self._refused(error)
            return False
        except CgaDeskError as error:  # refused, busy or unreachable: the stored value is shown again
            self._refused(error)
            return False
        reapplied, self.pending = self.pending is not None, None
        self.panel.show_scores(self.visit.scores)
        if is_gate(q):
            return self._after_gate(q, choice.value)
        if advance:
            self.show_question(self.index + 1)
        elif reapplied:  # the banner about the refused answer goes
            self.show_question(self.index)
        else:
            self._show_options(q)
        return True

    def _refused(self, error: CgaDeskError) -> None:
        """A save that did not happen: reload the visit (what another workstation stored, or the value
        that was in fact committed before a connection was lost), say why, show the stored value."""
        self._reload()
        show_error(self, error)
        self.show_question(self.index)

    def _reload(self) -> None:
        assert self.visit is not None
        try:
            self.visit = self.clinic.visit(self.visit.id)
        except CgaDeskError:  # the database is out of reach: the last stored state read stays shown
            return
        self._show_header(self.visit)
        self.panel.show_scores(self.visit.scores)

    def _show_header(self, visit: VisitView) -> None:
        self.header.setText(
            f"{visit.study_id} · {vocabulary.timepoint(visit.timepoint)} · {format_date(visit.visit_date)} · "
            f"{vocabulary.word(visit.status)}"
        )

    def reapply(self) -> None:
        """Apply again the answer a conflict refused, to the visit as reloaded."""
        if self.pending is None:
            return
        index, choice_index = self.pending
        if index != self.index:
            self.show_question(index)
        self.answer(choice_index, advance=False)

    def _save(self, q: Question, value: Any) -> VisitView:
        assert self.visit is not None
        vid, seen = self.visit.id, self.visit.version
        if q.step == "visit":
            return self.clinic.set_respondent(vid, value, expected=seen)
        if q.step.endswith(ASK):
            return self.visit
        if q.step.endswith(CONFIRM):  # both answers prefill: 'changed' then reviews each item
            code = q.instrument
            return self.clinic.save_answers(vid, code, self.previous[code].instruments[code].answers, expected=seen)
        return self.clinic.save_answer(vid, q.step, q.item, value, expected=seen)

    def _after_gate(self, q: Question, value: str) -> bool:
        """'Unchanged' or 'not at this visit' passes over the instrument's questions; otherwise they follow."""
        after = [i for i, x in enumerate(self.questions) if i > self.index and x.step != q.instrument]
        self.show_question(after[0] if value in SKIPS else self.index + 1)
        return True

    def go(self, delta: int) -> None:
        self.show_question(self.index + delta)

    def complete(self) -> None:
        assert self.visit is not None
        try:
            self.visit = self.clinic.complete_visit(self.visit.id, expected=self.visit.version)
        except ConflictError as error:
            self._refused(error)
            return
        except CgaDeskError as error:
            show_error(self, error)
            return
        self.completed.emit(self.visit.id)

    # events --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        q = self.questions[self.index] if self.questions else None
        key, text = event.key(), event.text()
        if q is not None and text and text.isdigit():
            match = [i for i, c in enumerate(q.choices) if c.key == text]
            if match:
                self.answer(match[0])
                return
        if key == Qt.Key.Key_R and self.pending is not None:
            self.reapply()
        elif key == Qt.Key.Key_Backspace:
            self.go(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if q is not None and q.step == "review":
                self.complete()
            else:
                self.go(+1)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        """Tab and Shift+Tab move between questions (each question is one group of options)."""
        self.go(+1 if next else -1)
        return True

    def _on_option_clicked(self, index: int) -> None:
        self.answer(index, advance=False)

    def _on_not_assessable_clicked(self) -> None:
        q = self.questions[self.index]
        assert self.visit is not None
        reason, ok = QInputDialog.getText(
            self,
            translate("WizardPage", "Not assessable"),
            translate("WizardPage", "Why can {step} not be assessed at this visit?").format(step=step_title(q.step)),
        )
        if not ok:
            return
        try:
            self.visit = self.clinic.set_not_assessable(self.visit.id, q.step, reason, expected=self.visit.version)
        except CgaDeskError as error:
            self._refused(error)
            return
        self.panel.show_scores(self.visit.scores)
        following = [i for i, x in enumerate(self.questions) if i > self.index and x.step != q.step]
        self.show_question(following[0] if following else self.index)

    def _on_close_clicked(self) -> None:
        if self.visit is not None:
            self.leave.emit(self.visit.study_id)
