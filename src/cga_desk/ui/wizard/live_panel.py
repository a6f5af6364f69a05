"""The live score panel: every total with its direction, and the IMWG score with each point's provenance."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from ..style import category_colour, category_text, fmt, scaled_font


def _line(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setObjectName(name)
    return label


class LivePanel(QGroupBox):
    """Shows the authoritative scores returned by the last save (the clinical core's result)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Scores, updated at every answer", parent)
        self.setAccessibleName("live scores")
        layout = QVBoxLayout(self)
        self.katz = _line(self, "live.katz")
        self.lawton = _line(self, "live.lawton")
        self.cci = _line(self, "live.cci")
        self.ecog = _line(self, "live.ecog")
        self.imwg = _line(self, "live.imwg")
        self.imwg.setFont(scaled_font(self, 1.3, bold=True))
        self.provenance = _line(self, "live.provenance")
        self.simplified = _line(self, "live.simplified")
        self.flags = _line(self, "live.flags")
        for w in (self.katz, self.lawton, self.cci, self.ecog, self.imwg, self.provenance, self.simplified, self.flags):
            layout.addWidget(w)
        layout.addStretch(1)

    def show_scores(self, s: dict[str, Any]) -> None:
        self.katz.setText(f"Katz ADL {self._total(s, 'katz_adl', 6)} — higher = more independent")
        self.lawton.setText(f"Lawton IADL {self._total(s, 'lawton_iadl', 8)} — higher = more independent")
        adjusted = (
            f" (age-adjusted {s['cci_age_adjusted']}, for information)" if s.get("cci_age_adjusted") is not None else ""
        )
        self.cci.setText(
            f"Charlson CCI {fmt(s.get('cci')) if s.get('cci') is not None else 'incomplete'}{adjusted} — higher = more comorbidity"
        )
        self.ecog.setText(
            f"ECOG {fmt(s.get('ecog'))} — higher = worse" if s.get("ecog") is not None else "ECOG not recorded"
        )
        imwg = s.get("imwg")
        if imwg:
            self.imwg.setText(f"IMWG frailty score {imwg['score']}/5: {category_text(imwg['category'])}")
            self.imwg.setStyleSheet(f"color: {category_colour(imwg['category']).name()}")
        else:
            self.imwg.setText("IMWG frailty score: incomplete (every instrument must be complete)")
            self.imwg.setStyleSheet("")
        self.provenance.setText("\n".join(s.get("imwg_provenance", [])))
        simp = s.get("simplified_frailty")
        self.simplified.setText(
            f"Simplified frailty score (Facon 2020, not the IMWG score): {simp['score']}/5, {simp['category']}"
            if simp
            else ""
        )
        self.flags.setText("\n".join(s.get("flags", [])))

    @staticmethod
    def _total(s: dict[str, Any], key: str, out_of: int) -> str:
        return "incomplete" if s.get(key) is None else f"{s[key]}/{out_of}"
