"""The live score panel: every total with its direction, and the IMWG score with each point's provenance."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from ...forms import messages, registry
from ..language import translate
from ..naming import named
from ..style import category_colour, category_text, scaled_font


def _line(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    named(label, name)
    return label


class LivePanel(QGroupBox):
    """Shows the authoritative scores returned by the last save (the clinical core's result)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("LivePanel", "Scores, updated at every answer"), parent)
        named(self, "live scores")
        layout = QVBoxLayout(self)
        self.lines = {i.code: _line(self, f"live.{i.code}") for i in registry.INSTRUMENTS}
        self.imwg = _line(self, "live.imwg")
        self.imwg.setFont(scaled_font(self, 1.3, bold=True))
        self.provenance = _line(self, "live.provenance")
        self.simplified = _line(self, "live.simplified")
        self.flags = _line(self, "live.flags")
        for w in (*self.lines.values(), self.imwg, self.provenance, self.simplified, self.flags):
            layout.addWidget(w)
        layout.addStretch(1)

    def show_scores(self, s: dict[str, Any]) -> None:
        for inst in registry.INSTRUMENTS:
            self.lines[inst.code].setText(inst.score_text(s))
        imwg = s.get("imwg")
        if imwg:
            self.imwg.setText(
                translate("LivePanel", "IMWG frailty score {imwg}/5: {category_text}").format(
                    imwg=imwg["score"], category_text=category_text(imwg["category"])
                )
            )
            self.imwg.setStyleSheet(f"color: {category_colour(imwg['category']).name()}")
        else:
            self.imwg.setText(
                translate("LivePanel", "IMWG frailty score: incomplete (every instrument must be complete)")
            )
            self.imwg.setStyleSheet("")
        self.provenance.setText("\n".join(messages.provenance_line(p) for p in s.get("imwg_provenance", [])))
        simp = s.get("simplified_frailty")
        self.simplified.setText(
            translate(
                "LivePanel", "Simplified frailty score (Facon 2020, not the IMWG score): {score}/5, {category}"
            ).format(score=simp["score"], category=messages.category_words(simp["category"]))
            if simp
            else ""
        )
        self.flags.setText("\n".join(s.get("flags", [])))  # codes, as in the result document
