"""The assessment wizard page: one question at a time, keyboard first, every answer saved as given."""

from __future__ import annotations

import html
import textwrap
from typing import Any

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import CgaDeskError, ConflictError
from ...domain.records import VisitVersionView, VisitView
from ...forms import carry, registry, vocabulary
from ...i18n import format_date
from ...services.clinic import Clinic
from .. import shortcuts
from ..errors import show_error
from ..language import translate, translation_notice
from ..naming import named
from ..style import scaled_font
from .live_panel import LivePanel
from .questions import (
    ASK,
    CONFIRM,
    ITEM_KEYS,
    SKIPS,
    STEPS,
    Question,
    answer_label,
    answer_lines,
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
        self.previous: dict[str, VisitView] = {}  # instrument -> the last visit its "last time" list shows
        self.amended: VisitVersionView | None = None  # the version an amendment superseded (who, when, why)
        # After an answer given by jumping to a question (a letter on the "last time" list, the search box),
        # the page the jump came from is shown again.
        self.return_to: int | None = None
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
        named(self.header, "wizard.header")
        self.steps = QLabel(self)
        named(self.steps, "wizard.steps")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setToolTip(translate("WizardPage", "Click a step to go to its first question"))
        self.steps.linkActivated.connect(self._on_step_clicked)
        self.search = ItemSearch(self)
        named(self.search, "wizard.search", translate("WizardPage", "Find a question by its words"))
        self.search.setPlaceholderText(translate("WizardPage", "Find a question by its words (/)"))
        self.search.setToolTip(
            translate("WizardPage", "Type words of a question, Enter goes to it; Esc returns to the question")
        )
        self.search.found.connect(self._on_search)
        self.search.left.connect(self.setFocus)
        self.last_time = QLabel(self)
        self.last_time.setWordWrap(True)
        named(self.last_time, "wizard.last_time")
        self.carry_list = QLabel(self)
        self.carry_list.setWordWrap(True)
        self.carry_list.setTextFormat(Qt.TextFormat.RichText)
        named(self.carry_list, "wizard.last_answers")
        self.header.setWordWrap(True)
        self.title = QLabel(self)
        self.title.setFont(scaled_font(self, 1.5, bold=True))
        self.title.setWordWrap(True)
        named(self.title, "wizard.question")
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        named(self.help, "wizard.help")
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        named(self.banner, "wizard.banner")
        self.options = QWidget(self)
        self.options_layout = QVBoxLayout(self.options)
        self.group = QButtonGroup(self)
        self.group.idClicked.connect(self._on_option_clicked)
        self.review = ReviewView(self)
        self.review.complete_requested.connect(self.complete)
        self.hint = QLabel(
            translate(
                "WizardPage",
                "Keys: a digit answers and moves on · a letter changes that item of a “last time” list · "
                "/: find a question · Enter or Tab: next · Backspace: back · Esc: close",
            ),
            self,
        )
        named(self.hint, "wizard.keys")
        self.hint.setWordWrap(True)
        self.notice = QLabel(self)  # the wording is a translation written for CGA Desk (clinical-rules.md 14)
        named(self.notice, "wizard.translation_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #616161")
        top = QHBoxLayout()
        top.addWidget(self.steps, 3)
        top.addWidget(self.search, 1)
        left.addWidget(self.header)
        left.addLayout(top)
        for w in (self.title, self.help, self.last_time, self.banner, self.carry_list, self.options, self.review):
            left.addWidget(w, 4 if w is self.review else 0)  # the review's list of answers takes the room
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
        named(self.na_button, "wizard.not_assessable")
        self.na_button.clicked.connect(self._on_not_assessable_clicked)
        self.reapply_button = QPushButton(translate("WizardPage", "Apply my answer again (R)"), self)
        named(self.reapply_button, "wizard.reapply")
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
        self.return_to = None
        self.previous = self.clinic.previous_answers(visit_id)
        versions = self.clinic.visit_versions(visit_id) if visit.revision > 1 else []
        self.amended = versions[-1] if versions else None
        self.questions = build_questions(self.previous)
        self.search.set_questions([self._search_text(q) for q in self.questions])
        self._show_header(visit)
        self.notice.setText(translation_notice())
        self.notice.setVisible(bool(self.notice.text()))
        self.panel.show_scores(visit.scores)
        self.show_question(self._first_unanswered())

    def _first_unanswered(self) -> int:
        assert self.visit is not None
        if self.visit.status != "draft":  # complete or signed: open on the review, read-only for signed
            return len(self.questions) - 1
        if self.visit.revision > 1 and not self.visit.missing:  # an amendment: the review, where "/" finds
            return len(self.questions) - 1  # the one answer to change (its answer brings the review back)
        for i, q in enumerate(self.questions):
            if q.step == "review":
                return i
            if q.step.endswith(CONFIRM):  # the "last time" list, unless this visit has answers to it already
                state = self.visit.instruments.get(q.instrument)
                if state is None or not (state.answers or state.not_assessable_reason):
                    return i
                continue
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
        self.steps.setText(
            "  ›  ".join(
                f"<b>[{html.escape(step_short(s))}]</b>"
                if s == self._step(q)
                else f'<a href="{s}">{html.escape(step_short(s))}</a>'
                for s in STEPS
            )
        )
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
        self._show_last_time(q)
        self.reapply_button.setVisible(pending)
        self.na_button.setVisible(q.step in registry.BY_CODE)
        self._show_options(q)
        self.review.setVisible(q.step == "review")
        self.options.setVisible(q.step != "review")
        if q.step == "review":
            self.review.show_visit(self.visit, self.questions, self.previous, self.amended)
        self.setFocus()

    def _show_last_time(self, q: Question) -> None:
        """On an item: the last visit's answer. On the "last time" page: the list of every item's last answer,
        this visit's changes marked with a word and a symbol as well as a highlight."""
        assert self.visit is not None
        prev = self.previous.get(q.instrument)
        last = answer_label(q, prev) if prev is not None and q.step == q.instrument else None
        self.last_time.setText(
            translate("WizardPage", "Last time ({date}): {answer}").format(
                date=format_date(prev.visit_date), answer=last
            )
            if prev is not None and last is not None
            else ""
        )
        self.last_time.setVisible(bool(self.last_time.text()))
        confirm = q.step.endswith(CONFIRM) and prev is not None
        self.carry_list.setVisible(confirm)
        if not confirm:
            self.carry_list.clear()
            return
        palette = self.palette()
        mark = (
            palette.color(QPalette.ColorRole.Highlight).name(),
            palette.color(QPalette.ColorRole.HighlightedText).name(),
        )
        rows = []
        for line in answer_lines(self.questions, q.instrument, self.visit, prev):
            title = html.escape(line.question.title)
            was = html.escape(line.last or translate("WizardPage", "not answered"))
            if line.changed:
                text = translate("WizardPage", "{title}: last time {last} → now {now} ◆ changed").format(
                    title=title, last=was, now=html.escape(line.now or "")
                )
                cell = f'<td style="background-color:{mark[0]}; color:{mark[1]}"><b>{text}</b></td>'
            else:
                cell = "<td>" + translate("WizardPage", "{title}: {last}").format(title=title, last=was) + "</td>"
            rows.append(f"<tr><td><b>{line.key}</b>&nbsp;</td>{cell}</tr>")
        self.carry_list.setText(f"<table cellspacing='0' cellpadding='1'>{''.join(rows)}</table>")

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
        if advance and self.return_to is not None:  # reached by a jump: back where the jump came from
            back, self.return_to = self.return_to, None
            self.show_question(back)
        elif advance:
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
        if q.step.endswith(CONFIRM):  # both answers keep the last ones: 'changed' then reviews each item
            return self._keep_last(q.instrument)
        return self.clinic.save_answer(vid, q.step, q.item, value, expected=seen)

    def _keep_last(self, code: str) -> VisitView:
        """Store the last visit's answers for every item of `code` not answered at this visit yet (an item
        already changed stays changed; forms.carry.kept)."""
        assert self.visit is not None
        state = self.visit.instruments.get(code)
        current = state.answers if state is not None else None
        answers = carry.kept(registry.BY_CODE[code], self.previous[code].instruments[code].answers or {}, current)
        if current == answers:
            return self.visit
        return self.clinic.save_answers(self.visit.id, code, answers, expected=self.visit.version)

    def change_item(self, letter: str) -> bool:
        """On the "last time" list: keep the last answers, then go to the item of `letter`; its answer
        brings the list back."""
        q = self.questions[self.index]
        assert self.visit is not None
        lines = answer_lines(self.questions, q.instrument, self.visit, self.previous.get(q.instrument))
        chosen = [line.question for line in lines if line.key == letter]
        if not chosen:
            return False
        try:
            self.visit = self._keep_last(q.instrument)
        except CgaDeskError as error:
            self._refused(error)
            return True
        self.panel.show_scores(self.visit.scores)
        self.return_to = self.index
        self.show_question(self.questions.index(chosen[0]))
        return True

    def jump(self, index: int, come_back: bool) -> None:
        """Go straight to a question (amending one answer); with `come_back`, its answer returns here."""
        self.return_to = self.index if come_back and index != self.index else None
        self.show_question(index)

    def _search_text(self, q: Question) -> str:
        if q.step == "review" or is_gate(q):
            return step_title(q.step) if q.step == "review" else q.title
        return f"{step_short(self._step(q))} · {q.title}"

    def _on_search(self, text: str) -> None:
        words = text.casefold().split()
        texts = [self._search_text(q).casefold() for q in self.questions]
        exact = [i for i, t in enumerate(texts) if t == text.casefold()]
        found = exact or [i for i, t in enumerate(texts) if words and all(w in t for w in words)]
        self.setFocus()
        if found:
            self.jump(found[0], come_back=True)
        else:
            self.banner.setText(translate("WizardPage", "No question has the words “{words}”.").format(words=text))

    def _on_step_clicked(self, step: str) -> None:
        first = [i for i, q in enumerate(self.questions) if self._step(q) == step]
        if first:
            self.jump(first[0], come_back=False)

    def _after_gate(self, q: Question, value: str) -> bool:
        """'Unchanged' or 'not at this visit' passes over the instrument's questions; otherwise they follow."""
        after = [i for i, x in enumerate(self.questions) if i > self.index and x.step != q.instrument]
        self.show_question(after[0] if value in SKIPS else self.index + 1)
        return True

    def go(self, delta: int) -> None:
        self.return_to = None
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
        elif q is not None and q.step.endswith(CONFIRM) and text and text in ITEM_KEYS and self.change_item(text):
            return
        elif q is not None and q.step == "review" and key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            bar = self.review.answers.verticalScrollBar()  # the list of answers scrolls from the keyboard too
            bar.setValue(bar.value() + (bar.pageStep() if key == Qt.Key.Key_PageDown else -bar.pageStep()))
        elif text == "/":
            self.search.setFocus()
            self.search.selectAll()
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


class ItemSearch(QLineEdit):
    """The wizard's search box: finds a question by words of its title (amending one answer goes straight to
    it). Enter goes to the best match; Esc returns to the question without closing the wizard."""

    found = Signal(str)
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = QStringListModel(self)
        completer = QCompleter(self.words, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._go)
        self.setCompleter(completer)
        self.returnPressed.connect(lambda: self._go(self.text()))

    def set_questions(self, texts: list[str]) -> None:
        self.words.setStringList(texts)

    def _go(self, text: str) -> None:
        """Once the Enter that chose it is handled (the completer's popup passes it on to the box), so
        that it never reaches the wizard as its own Enter."""
        words = text.strip()
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.hide()
        self.clear()
        if words:
            QTimer.singleShot(0, lambda: self.found.emit(words))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:  # the wizard's Esc (close) waits: Esc leaves the box first
                event.accept()
                return True
        return super().event(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        self.left.emit()  # Tab leaves the box for the question (the wizard's Tab would move on)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.left.emit()
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # QLineEdit passes Enter on to its parent: the wizard would take it as its own
