"""The wizard's last step: what was recorded, what is missing, and Complete."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ...domain.records import VisitVersionView, VisitView
from ...forms import messages, registry, vocabulary
from ...i18n import format_date
from ..language import translate
from ..models import signature_invalid, signature_text
from ..naming import named
from ..style import alert_style, category_text
from .questions import Question, answer_lines


class ReviewView(QWidget):
    complete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        named(self.summary, "review.summary")
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        named(self.missing, "review.missing")
        self.button = QPushButton(translate("ReviewView", "Complete visit"), self)
        self.button.setToolTip(
            translate("ReviewView", "Complete visit (Enter, on this last step)")
        )  # the wizard's own key, not a shortcut
        named(self.button, "review.complete")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.complete_requested)
        self.signature = QLabel(self)
        self.signature.setWordWrap(True)
        named(self.signature, "review.signature")
        # Every answer, those that differ from the last visit highlighted and marked "◆ changed" (issue 18).
        self.answers = QTextBrowser(self)
        named(self.answers, "review.answers", translate("ReviewView", "Every answer of this visit"))
        self.answers.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the wizard's keys stay with the wizard
        self.answers.setMinimumHeight(120)
        for w in (self.summary, self.answers, self.signature, self.missing, self.button):
            layout.addWidget(w, 1 if w is self.answers else 0)

    def show_visit(
        self,
        v: VisitView,
        questions: list[Question] | None = None,
        previous: dict[str, VisitView] | None = None,
        amended: VisitVersionView | None = None,
    ) -> None:
        s = v.scores
        lines = [
            translate("ReviewView", "Respondent: {respondent} · assessor: {assessor} · status: {status}").format(
                respondent=vocabulary.word(v.respondent) if v.respondent else translate("ReviewView", "not recorded"),
                assessor=v.assessor or "—",
                status=vocabulary.word(v.status),
            )
        ]
        if amended is not None:
            lines.append(
                translate("ReviewView", "Amended by {who} on {date}: {reason}").format(
                    who=amended.superseded_by, date=format_date(amended.superseded_at.date()), reason=amended.reason
                )
            )
        for inst in registry.INSTRUMENTS:
            state = v.instruments.get(inst.code)
            if state is not None and state.not_assessable_reason:
                lines.append(
                    translate("ReviewView", "{title}: not assessable ({reason})").format(
                        title=vocabulary.instrument_text(inst.code, inst.spec.title), reason=state.not_assessable_reason
                    )
                )
            else:
                lines.append(inst.score_text(s))
        imwg = s.get("imwg")
        lines.append(
            translate("ReviewView", "IMWG frailty score: {score}/5, {category}").format(
                score=imwg["score"], category=category_text(imwg["category"])
            )
            if imwg
            else translate("ReviewView", "IMWG frailty score: incomplete")
        )
        lines += [f"   {messages.provenance_line(p)}" for p in s.get("imwg_provenance", [])]
        self.summary.setText("\n".join(lines))
        self.answers.setHtml(self._answers_html(v, questions or [], previous or {}))
        self.missing.setText(
            translate("ReviewView", "Still missing: ") + "; ".join(v.missing)
            if v.missing
            else translate("ReviewView", "Everything needed is recorded. Press Enter to complete the visit.")
        )
        self.button.setEnabled(v.status == "draft")
        self.signature.setText(signature_text(v))
        self.signature.setVisible(bool(self.signature.text()))
        invalid = signature_invalid(v)
        self.signature.setStyleSheet(alert_style(bold=True) if invalid else "")

    def _answers_html(self, v: VisitView, questions: list[Question], previous: dict[str, VisitView]) -> str:
        palette = self.palette()
        back = palette.color(QPalette.ColorRole.Highlight).name()
        fore = palette.color(QPalette.ColorRole.HighlightedText).name()
        parts: list[str] = []
        for inst in registry.INSTRUMENTS:
            prev = previous.get(inst.code)
            lines = answer_lines(questions, inst.code, v, prev)
            if not lines or all(line.now is None for line in lines):
                continue
            title = html.escape(vocabulary.short_title(inst))
            since = (
                translate("ReviewView", " (compared with {date})").format(date=format_date(prev.visit_date))
                if prev is not None
                else ""
            )
            rows = []
            for line in lines:
                now = html.escape(line.now or translate("ReviewView", "not answered"))
                q = html.escape(line.question.title)
                if line.changed:
                    text = translate("ReviewView", "◆ changed — {question}: {now} (last time: {last})").format(
                        question=q, now=now, last=html.escape(line.last or "")
                    )
                    rows.append(f'<tr><td style="background-color:{back}; color:{fore}"><b>{text}</b></td></tr>')
                else:
                    same = translate("ReviewView", "{question}: {answer}").format(question=q, answer=now)
                    rows.append(f"<tr><td>{same}</td></tr>")
            parts.append(f"<p><b>{title}</b>{html.escape(since)}</p><table cellspacing='0'>{''.join(rows)}</table>")
        return "".join(parts)
