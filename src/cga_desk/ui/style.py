"""Presentation helpers: the colour of each severity (never colour alone), directions, fonts that scale.

Which categories exist, their order and severity belong to forms.categories; their words to the
forms.messages catalogue. This module only says how a severity looks."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from ..forms import categories, messages

SEVERITY_COLOURS = {
    categories.LOW: "#2e7d32",
    categories.MODERATE: "#b26a00",
    categories.HIGH: "#c62828",
    categories.UNKNOWN: "#616161",
}
# The IMWG categories' colours, for charts keyed by category (None: incomplete).
CATEGORY_COLOURS = {c: SEVERITY_COLOURS[categories.severity(c)] for c in (*categories.IMWG, None)}
DIRECTIONS = {
    "katz_adl": "higher = more independent",
    "lawton_iadl": "higher = more independent",
    "cci": "higher = more comorbidity",
    "imwg": "higher = frailer",
    "ecog": "higher = worse",
}


def category_text(category: str | None, score: int | None = None) -> str:
    return messages.category_words(category, score)


def category_colour(category: str | None) -> QColor:
    return QColor(SEVERITY_COLOURS[categories.severity(category)])


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
