"""Presentation helpers: category words and colours (never colour alone), directions, fonts that scale."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

CATEGORY_WORDS = {"fit": "Fit", "intermediate": "Intermediate fitness", "frail": "Frail", None: "Incomplete"}
CATEGORY_COLOURS = {"fit": "#2e7d32", "intermediate": "#b26a00", "frail": "#c62828", None: "#616161"}
DIRECTIONS = {
    "katz_adl": "higher = more independent",
    "lawton_iadl": "higher = more independent",
    "cci": "higher = more comorbidity",
    "imwg": "higher = frailer",
    "ecog": "higher = worse",
}


def category_text(category: str | None, score: int | None = None) -> str:
    words = CATEGORY_WORDS.get(category, category or "Incomplete")
    return f"{words} ({score})" if score is not None else words


def category_colour(category: str | None) -> QColor:
    return QColor(CATEGORY_COLOURS.get(category, "#616161"))


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    """A font relative to the system font, so text follows the user's font size setting."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def fmt(value: object) -> str:
    return "—" if value is None else str(value)


def signed(value: float | None) -> str:
    """+2, -1, +0, +0.5 (G8 has half points)."""
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:+d}" if isinstance(value, int) else f"{value:+g}"
