"""The wizard's last step: what was recorded, what is missing, and Complete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.records import VisitView
from ...forms import messages, registry, vocabulary
from ..language import translate
from ..models import INVALID_COLOUR, signature_invalid, signature_text
from ..style import category_text


class ReviewView(QWidget):
    complete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("review.summary")
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        self.missing.setAccessibleName("review.missing")
        self.button = QPushButton(translate("ReviewView", "Complete visit"), self)
        self.button.setToolTip(
            translate("ReviewView", "Complete visit (Enter, on this last step)")
        )  # the wizard's own key, not a shortcut
        self.button.setAccessibleName("review.complete")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.complete_requested)
        self.signature = QLabel(self)
        self.signature.setWordWrap(True)
        self.signature.setAccessibleName("review.signature")
        for w in (self.summary, self.signature, self.missing, self.button):
            layout.addWidget(w)

    def show_visit(self, v: VisitView) -> None:
        s = v.scores
        lines = [
            translate("ReviewView", "Respondent: {respondent} · assessor: {assessor} · status: {status}").format(
                respondent=vocabulary.word(v.respondent) if v.respondent else translate("ReviewView", "not recorded"),
                assessor=v.assessor or "—",
                status=vocabulary.word(v.status),
            )
        ]
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
        self.missing.setText(
            translate("ReviewView", "Still missing: ") + "; ".join(v.missing)
            if v.missing
            else translate("ReviewView", "Everything needed is recorded. Press Enter to complete the visit.")
        )
        self.button.setEnabled(v.status == "draft")
        self.signature.setText(signature_text(v))
        self.signature.setVisible(bool(self.signature.text()))
        invalid = signature_invalid(v)
        self.signature.setStyleSheet(f"color: {INVALID_COLOUR}; font-weight: bold" if invalid else "")
