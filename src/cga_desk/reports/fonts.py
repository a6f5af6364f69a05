"""The bundled fonts: DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew, symbols) and Droid Sans Fallback
(Chinese, Japanese, Korean), registered with reportlab once; per-character fallback from the first to the
second; right-to-left text shaped and put in visual order; a check that a text can be printed at all.

- Paragraph text gets the fallback as markup (`fallback_markup`: runs DejaVu cannot draw are wrapped in
  `<font name="DroidSansFallback">`), through `reports.layout.text`.
- Strings drawn on the canvas (table cells that are plain strings, footers, chart labels) get it from
  `draw_runs`, which the reports' canvas (`layout.numbered_canvas`) uses for drawString and its variants.
- Right-to-left runs (Arabic, Hebrew) are shaped (arabic-reshaper: the joined presentation forms) and
  reordered for display (python-bidi, the Unicode bidirectional algorithm) by `visual`, because a PDF
  draws glyphs left to right as given. A PDF reader (pypdf) extracts such a run in logical order again;
  `logical` turns the presentation forms back into letters (tests read names back with it).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from importlib import resources

from ..domain.errors import ValidationError

FONT, FONT_BOLD, FONT_CJK = "DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf", FONT_CJK: "DroidSansFallbackFull.ttf"}
_IGNORED = {"\t", "\n", "\r"}  # layout whitespace: printed as a space, never as a glyph
_RTL = ("R", "AL")


@functools.cache
def _faces() -> dict[str, object]:
    """Load the TTF files from the package data (resources/fonts)."""
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources.files("cga_desk").joinpath("resources", "fonts")
    faces: dict[str, object] = {}
    for name, filename in _FILES.items():
        with resources.as_file(folder.joinpath(filename)) as path:
            faces[name] = TTFont(name, str(path))
    return faces


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register the fonts with reportlab; returns (regular, bold) font names of the Latin face."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    for face in _faces().values():
        pdfmetrics.registerFont(face)  # type: ignore[arg-type]
    for bold, italic in ((0, 0), (0, 1), (1, 0), (1, 1)):
        addMapping(FONT, bold, italic, FONT_BOLD if bold else FONT)
        addMapping(FONT_CJK, bold, italic, FONT_CJK)  # one weight: bold CJK prints regular
    return FONT, FONT_BOLD


def _charmap(name: str) -> frozenset[int]:
    return frozenset(_faces()[name].face.charToGlyph)  # type: ignore[attr-defined]


@functools.cache
def _latin() -> frozenset[int]:
    """Code points both DejaVu faces can draw (text may be printed in either weight)."""
    return _charmap(FONT) & _charmap(FONT_BOLD)


@functools.cache
def _cjk() -> frozenset[int]:
    return _charmap(FONT_CJK)


def _needs_cjk(char: str) -> bool:
    code = ord(char)
    return code not in _latin() and code in _cjk() and char not in _IGNORED


def unprintable(text: str) -> str | None:
    """The first character of `text` no bundled font can draw, or None."""
    latin, cjk = _latin(), _cjk()
    for char in text:
        if char not in _IGNORED and ord(char) not in latin and ord(char) not in cjk:
            return char
    return None


def check_printable(text: str | None, field: str) -> None:
    """Refuse a text the fonts would print as empty boxes, naming the field and the character."""
    if not text:
        return
    char = unprintable(text)
    if char is not None:
        name = unicodedata.name(char, "unnamed character").lower()
        raise ValidationError(field, f"the report font cannot print the character '{char}' (U+{ord(char):04X}, {name})")


def runs(text: str, font: str) -> Iterator[tuple[str, str]]:
    """(font, piece) runs of `text`: `font` where it has the glyphs, Droid Sans Fallback where only it has."""
    current, piece = font, ""
    for char in text:
        chosen = FONT_CJK if _needs_cjk(char) else font
        if chosen != current and piece:
            yield current, piece
            piece = ""
        current = chosen
        piece += char
    if piece:
        yield current, piece


def has_fallback(text: str) -> bool:
    return any(_needs_cjk(c) for c in text)


def fallback_markup(escaped: str) -> str:
    """Paragraph markup (already escaped) with the runs DejaVu cannot draw set in the CJK face."""
    if not has_fallback(escaped):
        return escaped
    return "".join(
        piece if face != FONT_CJK else f'<font name="{FONT_CJK}">{piece}</font>' for face, piece in runs(escaped, FONT)
    )


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _RTL for c in text)


def visual(text: str) -> str:
    """Right-to-left text shaped and in display order (left to right as drawn); other text unchanged."""
    if not has_rtl(text):
        return text
    from bidi import get_display  # type: ignore[import-untyped]

    return str(get_display(_reshaper().reshape(text)))  # type: ignore[attr-defined]


@functools.cache
def _reshaper() -> object:
    """Arabic joining forms only: no ligatures (DejaVu Sans lacks some, e.g. U+FDF2 for "الله")."""
    from arabic_reshaper import ArabicReshaper  # type: ignore[import-untyped]

    return ArabicReshaper(configuration={"support_ligatures": False})


def logical(extracted: str) -> str:
    """A line read back from a PDF's text layer as typed: pypdf already puts right-to-left runs back in
    logical order; the joined presentation forms become the letters again (NFKC)."""
    return unicodedata.normalize("NFKC", extracted) if has_rtl(extracted) else extracted


def string_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(piece, face, size) for face, piece in runs(text, font))
