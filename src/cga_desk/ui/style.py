"""Presentation helpers: the colour of each severity (never colour alone), directions, fonts that scale,
the keyboard focus frame.

Which categories exist, their order and severity belong to forms.categories; their words to the
forms.messages catalogue. This module only says how a severity looks, and checks it can be read:
a category colour is written on the palette's own background with a WCAG 2 contrast of at least 4.5:1
(text), in light and dark palettes alike; the focus frame reaches 3:1 (a non-text indicator)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit, QTextEdit, QWidget

from ..forms import categories, messages

TEXT_CONTRAST = 4.5  # WCAG 2.1 1.4.3, normal text
FRAME_CONTRAST = 3.0  # WCAG 2.1 1.4.11, a focus indicator against what surrounds it

# The colours charts draw on their white background, and text on a light palette.
SEVERITY_COLOURS = {
    categories.LOW: "#1b5e20",
    categories.MODERATE: "#8a4b00",
    categories.HIGH: "#b71c1c",
    categories.UNKNOWN: "#555555",
}
# Text on a dark palette (a dark desktop theme): the same hues, light enough to read.
DARK_SEVERITY_COLOURS = {
    categories.LOW: "#81c784",
    categories.MODERATE: "#ffb74d",
    categories.HIGH: "#ef9a9a",
    categories.UNKNOWN: "#bdbdbd",
}
# The IMWG categories' colours, for charts keyed by category (None: incomplete); charts are drawn on white.
CATEGORY_COLOURS = {c: SEVERITY_COLOURS[categories.severity(c)] for c in (*categories.IMWG, None)}
# The keyboard focus frame: a colour no default button, selection or category uses (Qt's default button
# and selection are the palette's blue highlight), so the focused control never looks like the default one.
FOCUS_COLOUR = "#6a1b9a"
DARK_FOCUS_COLOUR = "#ffd54f"
DIRECTIONS = {
    "katz_adl": "higher = more independent",
    "lawton_iadl": "higher = more independent",
    "cci": "higher = more comorbidity",
    "imwg": "higher = frailer",
    "ecog": "higher = worse",
}
# The backgrounds text is written on: tables (Base, AlternateBase) and pages (Window).
TEXT_BACKGROUNDS = (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Window)


def category_text(category: str | None, score: int | None = None) -> str:
    return messages.category_words(category, score)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour (0 black .. 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2.x contrast ratio of two colours, 1 to 21."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_dark(palette: QPalette) -> bool:
    """A dark palette: its window is darker than its text (a dark desktop theme)."""
    window, text = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText)
    return relative_luminance(window) < relative_luminance(text)


def readable(colour: QColor, backgrounds: list[QColor], ratio: float = TEXT_CONTRAST) -> QColor:
    """`colour`, or the nearest shade of its hue (darker on light backgrounds, lighter on dark ones) that
    reaches `ratio` against every background: a palette nobody tested still gets readable words."""
    darker = sum(relative_luminance(b) for b in backgrounds) / len(backgrounds) >= 0.18
    hue, saturation, lightness = colour.hslHueF(), colour.hslSaturationF(), colour.lightnessF()
    shade = QColor(colour)
    for _ in range(100):
        if min(contrast(shade, b) for b in backgrounds) >= ratio:
            return shade
        lightness = max(0.0, lightness - 0.01) if darker else min(1.0, lightness + 0.01)
        shade = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
    return QColor("#000000") if darker else QColor("#ffffff")


def palette_backgrounds(palette: QPalette) -> list[QColor]:
    return [palette.color(QPalette.ColorGroup.Active, role) for role in TEXT_BACKGROUNDS]


def category_colour(category: str | None, palette: QPalette | None = None) -> QColor:
    """The category's colour for text on `palette` (the application's by default): the light or dark
    variant, checked against the palette's backgrounds (4.5:1). Words always accompany it."""
    palette = palette if palette is not None else QGuiApplication.palette()
    table = DARK_SEVERITY_COLOURS if is_dark(palette) else SEVERITY_COLOURS
    return readable(QColor(table[categories.severity(category)]), palette_backgrounds(palette))


ALERT_COLOUR, DARK_ALERT_COLOUR = "#b71c1c", "#ef9a9a"  # "signature invalid" and other warnings in words


def alert_colour(palette: QPalette | None = None) -> QColor:
    """The red of a warning written in words ("signature invalid"), readable (4.5:1) on `palette`."""
    palette = palette if palette is not None else QGuiApplication.palette()
    chosen = QColor(DARK_ALERT_COLOUR if is_dark(palette) else ALERT_COLOUR)
    return readable(chosen, palette_backgrounds(palette))


def alert_style(bold: bool = False) -> str:
    """The style sheet of a label that warns in words (a refusal, "signature invalid"): alert_colour() of the
    application's palette, never a fixed red (#c62828 read at 2.3-2.8:1 on a dark palette)."""
    return f"color: {alert_colour().name()}" + ("; font-weight: bold" if bold else "")


def focus_colour(palette: QPalette | None = None) -> QColor:
    palette = palette if palette is not None else QGuiApplication.palette()
    chosen = QColor(DARK_FOCUS_COLOUR if is_dark(palette) else FOCUS_COLOUR)
    return readable(chosen, palette_backgrounds(palette), FRAME_CONTRAST)


FOCUS_MARK = "/* cga-desk focus frame */"


def focus_style_sheet(palette: QPalette | None = None) -> str:
    """The application style sheet's focus rules: a 2 px frame in the focus colour around the control
    that has the keyboard focus (buttons, fields, lists, tables, check boxes, the current tab). Qt's
    default button keeps its own look (the palette's highlight), so the two never look alike."""
    c = focus_colour(palette).name()
    return f"""{FOCUS_MARK}
QPushButton:focus, QToolButton:focus {{
    border: 2px solid {c}; border-radius: 3px; background-color: palette(button); padding: 3px 8px;
}}
QLineEdit:focus, QAbstractSpinBox:focus, QComboBox:focus, QPlainTextEdit:focus, QTextEdit:focus,
QAbstractItemView:focus {{
    border: 2px solid {c};
}}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {c}; border-radius: 3px; }}
QTabBar::tab:focus {{
    border: 2px solid {c}; border-radius: 3px; padding: 4px 10px; background-color: palette(window);
}}
{FOCUS_MARK}"""


W = TypeVar("W", bound=QWidget)


def keyboard_friendly(root: W) -> W:
    """Tab leaves every table, list and text box under `root` (and `root` itself): Qt's tables move between
    cells on Tab, which trapped the focus and left the controls after a table unreachable (the patient
    page's Trends tab, issue 18); a text box would insert a tab. Arrow keys still move inside them. Called
    by whoever builds a page or dialog with such a control (explicit calls: a Python style proxy hooking
    every widget's polish made PySide abort at interpreter exit)."""
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QAbstractItemView):
            w.setTabKeyNavigation(False)
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            w.setTabChangesFocus(True)
    return root


def install(app: QObject | None = None) -> None:
    """The focus frame for the application's palette (light or dark), again whenever the palette changes
    (the desktop turned dark while CGA Desk runs). An application style sheet set elsewhere is kept; only
    the focus rules are replaced."""
    app = app if app is not None else QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if not getattr(app, "_cga_focus_follows_palette", False):
        # The signal, not the ApplicationPaletteChange event: with a style sheet, widgets do not see it.
        app.paletteChanged.connect(lambda _palette: install(app))
        app._cga_focus_follows_palette = True  # type: ignore[attr-defined]
    sheet = app.styleSheet()
    if FOCUS_MARK in sheet:
        start, end = sheet.index(FOCUS_MARK), sheet.rindex(FOCUS_MARK) + len(FOCUS_MARK)
        sheet = sheet[:start] + sheet[end:]
    new = sheet.strip() + "\n" + focus_style_sheet(app.palette())
    if new != app.styleSheet():
        app.setStyleSheet(new)


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
