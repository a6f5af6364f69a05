"""Shared page furniture: styles, the header, "Page X of Y" (two-pass canvas), building a document.

PDF hygiene (issue 17): `build` writes the document information every report carries — title, subject,
author (the signed-in user who printed it, given by the calling service or command through
`ReportSettings.author`, never invented here), creator and creation date — and the document's language.
The file references only the embedded fonts: the canvas starts in DejaVu Sans instead of reportlab's
Helvetica, and any request for one of the 14 standard PDF fonts (reportlab's defaults, e.g. Times-Roman
for a drawing's initial graphics state, selected though nothing is drawn with it) gets the bundled face of
the same weight (`STANDARD_FONTS`). The PDF is not tagged: reportlab (the open-source library) writes no
structure tree or marked content; see docs/architecture.md, "Reports".
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from .. import i18n
from ..forms.messages import demo_banner
from ..i18n import translate
from ..version import __version__
from .data import ReportSettings
from .fonts import FONT, FONT_BOLD, fallback_markup, has_fallback, has_rtl, register_fonts, runs, string_width, visual

MARGIN = 14 * mm
GRID = colors.HexColor("#B0B0B0")
HEAD_BG = colors.HexColor("#E4E8EE")
DECLINE = colors.HexColor("#A01818")
CELL_PADDING = 3  # left and right padding of a grid cell (points)
MAX_RUN_IN = 100  # characters of a run-in head drawn as bullet text (a line holds far more)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    indented: ParagraphStyle
    item: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    clinic: ParagraphStyle


def styles(size: float = 8.5) -> Styles:
    register_fonts()
    # Chinese breaks between any two characters (reportlab's CJK word wrap), Latin words still whole.
    wrap = {"wordWrap": "CJK"} if i18n.is_chinese() else {}
    body = ParagraphStyle("body", fontName=FONT, fontSize=size, leading=size * 1.25, **wrap)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=size - 1.5, leading=(size - 1.5) * 1.25),
        cell=ParagraphStyle("cell", parent=body, fontSize=size - 1, leading=(size - 1) * 1.2),
        cell_bold=ParagraphStyle("cellb", parent=body, fontName=FONT_BOLD, fontSize=size - 1, leading=(size - 1) * 1.2),
        indented=ParagraphStyle("indented", parent=body, fontSize=size - 1, leading=(size - 1) * 1.2, leftIndent=10),
        item=ParagraphStyle(  # hanging indent; a bold run-in head is the paragraph's bullet text (run_in)
            "item",
            parent=body,
            spaceAfter=2.5,
            leftIndent=10,
            firstLineIndent=-10,
            bulletFontName=FONT_BOLD,
            bulletFontSize=size,
            bulletIndent=0,
        ),
        h1=ParagraphStyle(
            "h1", parent=body, fontName=FONT_BOLD, fontSize=size + 5, leading=(size + 5) * 1.25, spaceAfter=2
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=size + 1.5,
            leading=(size + 1.5) * 1.3,
            spaceBefore=5,
            spaceAfter=2,
        ),
        clinic=ParagraphStyle("clinic", parent=body, fontName=FONT_BOLD, fontSize=size + 2, leading=(size + 2) * 1.25),
    )


def text(value: object) -> str:
    """User or clinical text made safe for Paragraph markup: right-to-left runs shaped and in display
    order, characters DejaVu cannot draw set in the CJK face (reports.fonts)."""
    return fallback_markup(escape(visual("—" if value is None else str(value))))


def wording_notice() -> str:
    """Appended to a report's versions line in a language other than English (docs/clinical-rules.md 14):
    the instruments' wording is a translation written for CGA Desk, with its version; '' in English."""
    if i18n.is_english():
        return ""
    return " " + translate(
        "layout",
        "Instrument wording: a translation written for CGA Desk, not a validated translation of the "
        "instruments (version {version}).",
    ).format(version=i18n.wording_version())


def pct(*fractions: float) -> list[str]:
    """Column widths as percentages of the space given, so a table follows a shrinking frame."""
    return [f"{f * 100:.3f}%" for f in fractions]


def run_in(head: str, body: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph opening with a bold head (the `item` style). The head is the bullet text, drawn in
    the style's bullet face, so the body stays a one-face Paragraph: reportlab breaks a single-fragment
    paragraph on a fast path, four times faster than the same words after a <b> run (the longitudinal
    report's item changes: 12 ms instead of 43 ms). The only visible difference is the gap after the
    head, 0.6 em (Paragraph's bullet gap) instead of a space. A head too long for the first line falls
    back to markup."""
    if len(head) > MAX_RUN_IN or has_fallback(head) or has_rtl(head):  # bullet text has no font fallback
        return Paragraph(f"<b>{text(head)}</b> {text(body)}", style)
    return Paragraph(text(body), style, bulletText=head)


def para(value: object, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    body = text(value)
    return Paragraph(f"<b>{body}</b>" if bold else body, style)


def grid_style(header_rows: int = 1, extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 7.5),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
            ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, 7.5),
        ]
    return TableStyle(commands + list(extra))


def logo(settings: ReportSettings, height: float = 14 * mm) -> Flowable | None:
    """The clinic's logo scaled to `height`; an unreadable file is left out (the clinical content is unaffected)."""
    if not settings.logo_path:
        return None
    try:
        from reportlab.lib.utils import ImageReader

        width, tall = ImageReader(settings.logo_path).getSize()
        return Image(settings.logo_path, width=height * width / tall, height=height)
    except Exception:  # noqa: BLE001 - any unreadable image: print without it
        return None


def title_block(settings: ReportSettings, title: str, st: Styles) -> Table:
    """Clinic name and report title on the left, the logo (if any) on the right."""
    left = [para(settings.clinic_name, st.clinic)] if settings.clinic_name else []
    left.append(para(title, st.h1))
    image = logo(settings)
    table = Table([[left, image or ""]], colWidths=["*", 45 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ]
        )
    )
    return table


Footer = Callable[[canvas.Canvas, int, int], None]
# The 14 standard PDF fonts reportlab may select by default, and the embedded face that replaces each.
STANDARD_FONTS = {
    f"{family}{style}": FONT_BOLD if "Bold" in style else FONT
    for family, styles_ in (
        ("Helvetica", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Courier", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Times", ("-Roman", "-Bold", "-Italic", "-BoldItalic")),
    )
    for style in styles_
} | {"Symbol": FONT, "ZapfDingbats": FONT}
_SAVING = threading.Lock()


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Page streams deflated but not also ASCII85-encoded while a report is written. ASCII85 only makes
    binary data 7-bit safe (a quarter larger) and, in pure Python, took ~5 % of the longitudinal report.
    reportlab reads the switch (`rl_config.useA85`) as it writes each page stream, and it is process-wide:
    set for the save only, under a lock, so two reports saved at once cannot restore it under each other."""
    with _SAVING:
        before = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = before


def numbered_canvas(footer: Footer) -> type[canvas.Canvas]:
    """A canvas that keeps every page until the end, so each footer can say "Page X of Y"."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = FONT  # not reportlab's Helvetica, which would be referenced unembedded
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:  # noqa: N802
            """A standard PDF font (never embedded) is replaced by the bundled face of its weight."""
            super().setFont(STANDARD_FONTS.get(psfontname, psfontname), size, leading)

        def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:  # noqa: N802
            """Right-to-left text shaped, and each run in a font that has its glyphs (reports.fonts)."""
            text = visual(text)
            if not has_fallback(text):
                super().drawString(x, y, text, *args, **kwargs)
                return
            font, size = self._fontname, self._fontsize
            for face, piece in runs(text, font):
                self.setFont(face, size)
                super().drawString(x, y, piece, *args, **kwargs)
                x += stringWidth(piece, face, size)
            self.setFont(font, size)

        def drawRightString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:  # noqa: N802
            self.drawString(x - string_width(visual(text), self._fontname, self._fontsize), y, text, *args, **kwargs)

        def drawCentredString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:  # noqa: N802
            width = string_width(visual(text), self._fontname, self._fontsize)
            self.drawString(x - width / 2, y, text, *args, **kwargs)

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            with _binary_streams():
                for number, state in enumerate(self._pages, start=1):
                    self.__dict__.update(state)
                    footer(self, number, total)
                    super().showPage()
                super().save()

    return NumberedCanvas


@dataclass(frozen=True)
class StandardFooter:
    """A footer that knows the report's settings and what the report is about (its left text): `build`
    takes the PDF's author and, unless given one, its subject from them."""

    settings: ReportSettings
    left: str
    draw: Footer

    def __call__(self, c: canvas.Canvas, number: int, total: int) -> None:
        self.draw(c, number, total)


def standard_footer(settings: ReportSettings, left: str, generated: str) -> StandardFooter:
    """Footer on every page: who/what on the left, the print date and "Page X of Y" on the right."""

    def draw(c: canvas.Canvas, number: int, total: int) -> None:
        width, _ = c._pagesize  # noqa: SLF001 - the page size of this page
        c.saveState()
        c.setStrokeColor(GRID)
        c.line(MARGIN, MARGIN - 2 * mm, width - MARGIN, MARGIN - 2 * mm)
        c.setFont(FONT, 7)
        c.drawString(MARGIN, MARGIN - 6 * mm, left)
        c.drawRightString(
            width - MARGIN,
            MARGIN - 6 * mm,
            translate("layout", "Printed {generated} · CGA Desk {__version__} · Page {number} of {total}").format(
                generated=generated, __version__=__version__, number=number, total=total
            ),
        )
        if settings.demo:  # a demo database: said at the top of every page, in red
            _, height = c._pagesize  # noqa: SLF001
            c.setFillColor(colors.HexColor("#c62828"))
            c.setFont(FONT_BOLD, 10)
            c.drawCentredString(width / 2, height - MARGIN + 3 * mm, demo_banner())
        if settings.audit_anchor:
            c.setFont(FONT, 7)  # the smallest type of any printed page (issue 17: footnotes >= 7 pt)
            c.drawRightString(width - MARGIN, MARGIN - 9 * mm, settings.audit_anchor)
        c.restoreState()

    return StandardFooter(settings, left, draw)


def build(
    stream: BinaryIO,
    story: list[Flowable],
    footer: Footer,
    title: str,
    wide: bool = False,
    later_top: float = 0,
    settings: ReportSettings | None = None,
    subject: str | None = None,
    bottom: float = MARGIN + 6 * mm,
) -> None:
    """Lay out `story` on A4 (landscape when `wide`) and write the PDF to `stream`. `later_top`: room kept
    at the top of every page after the first, for a continuation header drawn there (continued_header);
    its frames have no top and bottom padding (the visit summary: every point of the page is used).
    `bottom`: the bottom margin (the footer's rule is at MARGIN - 2 mm, so at least MARGIN).
    The document's author is `settings.author` (the settings default to the footer's, see StandardFooter),
    its subject `subject` or the footer's left text, its language the report's."""
    register_fonts()
    settings = settings or getattr(footer, "settings", None)
    if subject is None:
        subject = getattr(footer, "left", None) or title
    size = landscape(A4) if wide else A4
    continued = {"later_top": later_top} if later_top else {}
    doc = (_LaterTop if later_top else SimpleDocTemplate)(
        stream,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=bottom,
        title=title,
        author=settings.author if settings is not None else "",
        subject=subject,
        creator=f"CGA Desk {__version__}",
        lang="zh-CN" if i18n.is_chinese() else "en",
        **continued,
    )
    doc.build(story, canvasmaker=numbered_canvas(footer))


class _LaterTop(SimpleDocTemplate):
    """SimpleDocTemplate whose pages after the first have a frame `later_top` points lower."""

    def __init__(self, *args: Any, later_top: float = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.later_top = later_top

    def build(self, flowables: list[Flowable], **kwargs: Any) -> None:  # type: ignore[override]
        self._calc()
        tight = {"topPadding": 0, "bottomPadding": 0}
        first = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="first", **tight)
        later = Frame(self.leftMargin, self.bottomMargin, self.width, self.height - self.later_top, id="later", **tight)
        self.addPageTemplates(
            [
                PageTemplate(id="First", frames=[first], pagesize=self.pagesize),
                PageTemplate(id="Later", frames=[later], pagesize=self.pagesize),
            ]
        )
        BaseDocTemplate.build(self, flowables, canvasmaker=kwargs["canvasmaker"])


def continued_header(footer: Footer, line: Callable[[int, int], str], size: float = 8) -> Footer:
    """`footer`, and on every page after the first `line(number, total)` (who the page is about, "page X
    of Y") at the top, ruled off: a loose second page still names its patient."""

    def draw(c: canvas.Canvas, number: int, total: int) -> None:
        footer(c, number, total)
        if number == 1:
            return
        width, height = c._pagesize  # noqa: SLF001
        c.saveState()
        c.setFont(FONT_BOLD, size)
        c.drawString(MARGIN, height - MARGIN - size, line(number, total))
        c.setStrokeColor(GRID)
        c.line(MARGIN, height - MARGIN - size - 3, width - MARGIN, height - MARGIN - size - 3)
        c.restoreState()

    return draw


def watermarked(footer: Footer, words: str | None) -> Footer:
    """`footer`, then `words` across every page diagonally in light grey (e.g. DRAFT — not signed); drawn
    over the page's content, translucent, so nothing under it is hidden. None: `footer` unchanged."""
    if not words:
        return footer

    def draw(c: canvas.Canvas, number: int, total: int) -> None:
        footer(c, number, total)
        width, height = c._pagesize  # noqa: SLF001
        size = min(54.0, 0.85 * math.hypot(width, height) / max(1.0, string_width(words, FONT_BOLD, 1)))
        c.saveState()
        c.setFillColor(colors.HexColor("#B00020"))
        c.setFillAlpha(0.16)
        c.translate(width / 2, height / 2)
        c.rotate(math.degrees(math.atan2(height, width)))
        c.setFont(FONT_BOLD, size)
        c.drawCentredString(0, -size / 3, words)
        c.restoreState()

    return draw


def frame_width(wide: bool = False) -> float:
    """The width a flowable may take (the page less the margins and the frame's 6 pt paddings)."""
    width = landscape(A4)[0] if wide else A4[0]
    return width - 2 * MARGIN - 12


def frame_height(wide: bool = False) -> float:
    height = landscape(A4)[1] if wide else A4[1]
    return height - 2 * MARGIN - 6 * mm - 12
