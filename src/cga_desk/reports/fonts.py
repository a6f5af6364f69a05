"""The bundled DejaVu Sans fonts: registered with reportlab once, and a check that a text can be printed."""

from __future__ import annotations

import functools
import unicodedata
from importlib import resources

from ..domain.errors import ValidationError

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_IGNORED = {"\t", "\n", "\r"}  # layout whitespace: printed as a space, never as a glyph


@functools.cache
def _faces() -> dict[str, object]:
    """Load the two TTF files from the package data (resources/fonts)."""
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources.files("cga_desk").joinpath("resources", "fonts")
    faces: dict[str, object] = {}
    for name, filename in _FILES.items():
        with resources.as_file(folder.joinpath(filename)) as path:
            faces[name] = TTFont(name, str(path))
    return faces


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular, bold) with reportlab; returns (regular, bold) font names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    for face in _faces().values():
        pdfmetrics.registerFont(face)  # type: ignore[arg-type]
    for bold, italic in ((0, 0), (0, 1), (1, 0), (1, 1)):
        addMapping(FONT, bold, italic, FONT_BOLD if bold else FONT)
    return FONT, FONT_BOLD


@functools.cache
def _coverage() -> frozenset[int]:
    """Code points both faces can draw (text may be printed in either weight)."""
    maps = [set(face.face.charToGlyph) for face in _faces().values()]  # type: ignore[attr-defined]
    return frozenset(set.intersection(*maps))


def unprintable(text: str) -> str | None:
    """The first character of `text` the report font cannot draw, or None."""
    covered = _coverage()
    for char in text:
        if char not in _IGNORED and ord(char) not in covered:
            return char
    return None


def check_printable(text: str | None, field: str) -> None:
    """Refuse a text the font would print as empty boxes, naming the field and the character."""
    if not text:
        return
    char = unprintable(text)
    if char is not None:
        name = unicodedata.name(char, "unnamed character").lower()
        raise ValidationError(field, f"the report font cannot print the character '{char}' (U+{ord(char):04X}, {name})")
