"""Vector charts for the reports: a score against date (category bands, milestones). The cohort report draws its own category bars (reports/cohort.py)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.graphics.shapes import Drawing, Path, PolyLine, Rect, String
from reportlab.lib import colors

from ..forms import messages
from ..forms.schedule import add_months
from ..i18n import translate
from .fonts import FONT, FONT_BOLD

INK, FAINT, GRIDLINE = colors.HexColor("#1F3A5F"), colors.HexColor("#777777"), colors.HexColor("#DDDDDD")
MILESTONE = colors.HexColor("#6A3D9A")
CATEGORY_COLOURS = {
    "fit": colors.HexColor("#4C9A4C"),
    "intermediate": colors.HexColor("#E0A526"),
    "frail": colors.HexColor("#C0392B"),
    "incomplete": colors.HexColor("#A0A0A0"),
}
IMWG_BANDS = (
    ("fit", -0.45, 0.5, colors.HexColor("#DCEFDC")),
    ("intermediate", 0.5, 1.5, colors.HexColor("#FBEFCF")),
    ("frail", 1.5, 5.45, colors.HexColor("#F7DADA")),
)
PAD_LEFT, PAD_RIGHT, PAD_BOTTOM, PAD_TOP = 26, 10, 18, 30
INCOMPLETE_BAND = 18  # under the axis: incomplete visits marked there (upper row), its label below them
CHART_TYPE = 7  # the smallest type of a chart (tick labels); titles 8
BAND_LABELS = 50  # room right of the plot for the names of the IMWG bands
MARKER_R, HALO = 1.8, 0.4  # a visit's dot: radius, and the white ring around it (centred on the edge)
Segment = tuple[float, float, float, float]


@dataclass(frozen=True)
class TrendPoint:
    day: date
    value: int | None  # None: incomplete at this visit (a gap, and a × in the band under the axis)
    baseline: bool = False
    signed: bool = True  # False: a draft or a complete visit not signed, drawn hollow


@dataclass(frozen=True)
class Axis:
    start: date
    end: date
    y_max: float


def date_range(days: Sequence[date]) -> tuple[date, date]:
    """The x range of every chart of a report: all visits and milestones, padded a little."""
    lo, hi = min(days), max(days)
    pad = max(15, (hi - lo).days // 25)
    return lo - timedelta(days=pad), hi + timedelta(days=pad)


def _month_ticks(start: date, end: date, most: int) -> list[date]:
    """First days of months inside the range, every 1, 2, 3, 6, 12... months: at most `most` of them."""
    months, day = [], add_months(date(start.year, start.month, 1), 1)
    while day <= end:
        months.append(day)
        day = add_months(day, 1)
    for step in (1, 2, 3, 6, 12, 24, 60):
        ticks = [t for t in months if (t.year * 12 + t.month - 1) % step == 0]
        if len(ticks) <= most:
            return ticks
    return []


class _Plot:
    """Coordinates of one plot area inside a drawing."""

    def __init__(self, width: float, height: float, axis: Axis, right: float = PAD_RIGHT, band: float = 0) -> None:
        self.x0, self.y0 = PAD_LEFT, PAD_BOTTOM + band
        self.w, self.h = width - PAD_LEFT - right, height - PAD_BOTTOM - PAD_TOP - band
        self.band = band  # the strip under the plot where incomplete visits are marked
        self.axis, self.lo, self.hi = axis, -0.45, axis.y_max + 0.45

    def x(self, day: date) -> float:
        span = max(1, (self.axis.end - self.axis.start).days)
        return self.x0 + (day - self.axis.start).days / span * self.w

    def y(self, value: float) -> float:
        return self.y0 + (value - self.lo) / (self.hi - self.lo) * self.h


def _segments(d: Drawing, segments: Sequence[Segment], colour: colors.Color, width: float, **style: object) -> None:
    """Straight segments of one stroke style, added as one path. Why: reportlab.graphics draws each shape
    with its own graphics state; a chart's grid, ticks and milestone lines as a few paths cost far less."""
    if not segments:
        return
    path = Path(strokeColor=colour, strokeWidth=width, fillColor=None, **style)
    for x1, y1, x2, y2 in segments:
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
    d.add(path)


def _dots(d: Drawing, centres: Sequence[tuple[float, float]], radius: float, colour: colors.Color) -> None:
    """Filled discs as zero-length strokes with round caps (PDF paints such a subpath as a disc the width
    of the line): one path, 4 numbers per dot, where a Circle is 4 Bézier curves with its own state."""
    _segments(d, [(x, y, x, y) for x, y in centres], colour, 2 * radius, strokeLineCap=1)


def _frame(d: Drawing, p: _Plot, title: str, bands: bool) -> None:
    d.add(String(0, p.y0 + p.h + 20, title, fontName=FONT_BOLD, fontSize=8, fillColor=INK))
    if bands:
        for label, lo, hi, colour in IMWG_BANDS:
            d.add(Rect(p.x0, p.y(lo), p.w, p.y(hi) - p.y(lo), fillColor=colour, strokeColor=None))
            words = messages.category_code_words(label)
            d.add(
                String(
                    p.x0 + p.w + 3,
                    p.y((lo + hi) / 2) - 2.5,
                    words,
                    fontName=FONT,
                    fontSize=CHART_TYPE,
                    fillColor=FAINT,
                )
            )
    step = 1 if p.axis.y_max <= 8 else 2 if p.axis.y_max <= 16 else 5
    values = range(0, math.ceil(p.axis.y_max) + 1, step)
    _segments(d, [(p.x0, p.y(v), p.x0 + p.w, p.y(v)) for v in values], GRIDLINE, 0.3)
    for v in values:
        d.add(String(p.x0 - 3, p.y(v) - 2.5, str(v), fontName=FONT, fontSize=CHART_TYPE, textAnchor="end"))
    bottom = p.y0 - p.band
    if p.band:  # the incomplete band: grey, under the value range, labelled in words
        d.add(Rect(p.x0, bottom, p.w, p.band, fillColor=colors.HexColor("#EEEEEE"), strokeColor=None))
        d.add(
            String(
                p.x0 + 2,
                bottom + 1.5,
                messages.words(messages.INCOMPLETE),
                fontName=FONT,
                fontSize=CHART_TYPE,
                fillColor=FAINT,
            )
        )
    ticks = _month_ticks(p.axis.start, p.axis.end, int(p.w // 44))
    _segments(d, [(p.x(t), bottom, p.x(t), bottom - 3) for t in ticks], FAINT, 0.5)
    for t in ticks:
        d.add(String(p.x(t), bottom - 10, t.strftime("%Y-%m"), fontName=FONT, fontSize=CHART_TYPE, textAnchor="middle"))
    d.add(Rect(p.x0, p.y0, p.w, p.h, fillColor=None, strokeColor=FAINT, strokeWidth=0.5))


def _milestones(d: Drawing, p: _Plot, milestones: Sequence[date]) -> None:
    """Numbered dashed verticals; numbers that would touch are raised to a second row."""
    last_x, row = -100.0, 0
    lines: list[Segment] = []
    for number, day in enumerate(milestones, start=1):
        x = p.x(day)
        row = 1 - row if x - last_x < 12 else 0
        last_x = x
        lines.append((x, p.y0, x, p.y0 + p.h + 2 + 8 * row))
        d.add(
            String(
                x,
                p.y0 + p.h + 3 + 8 * row,
                str(number),
                fontName=FONT_BOLD,
                fontSize=CHART_TYPE,
                fillColor=MILESTONE,
                textAnchor="middle",
            )
        )
    _segments(d, lines, MILESTONE, 0.7, strokeDashArray=[2, 1.5])


def _series(d: Drawing, p: _Plot, points: Sequence[TrendPoint]) -> None:
    run: list[float] = []
    for pt in [*points, None]:
        if pt is not None and pt.value is not None:
            run += [p.x(pt.day), p.y(pt.value)]
            continue
        if len(run) >= 4:
            d.add(PolyLine(run, strokeColor=INK, strokeWidth=1))
        run = []
    filled: list[tuple[float, float]] = []
    hollow: list[tuple[float, float]] = []
    for pt in points:
        if pt.value is None:  # in the band under the axis, never at 0 inside the value range
            x = p.x(pt.day)
            d.add(String(x, p.y0 - p.band + 9, "×", fontName=FONT_BOLD, fontSize=8, fillColor=INK, textAnchor="middle"))
        elif pt.baseline:
            fill = INK if pt.signed else colors.white
            x, y = p.x(pt.day), p.y(pt.value)
            d.add(Rect(x - 2.6, y - 2.6, 5.2, 5.2, fillColor=fill, strokeColor=INK, strokeWidth=0.9))
        else:
            (filled if pt.signed else hollow).append((p.x(pt.day), p.y(pt.value)))
    _dots(d, filled, MARKER_R + HALO / 2, colors.white)  # the ring, then the dot inside it
    _dots(d, filled, MARKER_R - HALO / 2, INK)
    _dots(d, hollow, MARKER_R + 0.5, INK)  # a ring: a dark disc, then a white one inside it
    _dots(d, hollow, MARKER_R - 0.5, colors.white)


def trend_legend(width: float) -> Drawing:
    """The charts' symbols in words, drawn as the charts draw them (one legend above the charts)."""
    from .fonts import register_fonts, string_width

    register_fonts()
    d = Drawing(width, 12)
    x, y = 0.0, 3.5
    entries = (
        ("filled", translate("charts", "signed visit")),
        ("hollow", translate("charts", "not signed (draft or awaiting signature)")),
        ("square", translate("charts", "baseline (filled when signed)")),
        ("cross", translate("charts", "incomplete: not scored, marked in the grey band under the axis")),
        ("milestone", translate("charts", "treatment milestone (numbered)")),
    )
    for kind, words in entries:
        if kind == "filled":
            _dots(d, [(x + 3, y)], MARKER_R, INK)
        elif kind == "hollow":
            _dots(d, [(x + 3, y)], MARKER_R + 0.5, INK)
            _dots(d, [(x + 3, y)], MARKER_R - 0.5, colors.white)
        elif kind == "square":
            d.add(Rect(x + 0.4, y - 2.6, 5.2, 5.2, fillColor=INK, strokeColor=INK, strokeWidth=0.9))
        elif kind == "cross":
            d.add(String(x + 3, y - 2.8, "×", fontName=FONT_BOLD, fontSize=8, fillColor=INK, textAnchor="middle"))
        else:
            _segments(d, [(x + 3, y - 4, x + 3, y + 4)], MILESTONE, 0.7, strokeDashArray=[2, 1.5])
        d.add(String(x + 9, y - 2.5, words, fontName=FONT, fontSize=CHART_TYPE))
        x += 20 + string_width(words, FONT, CHART_TYPE)
    return d


def trend_chart(
    title: str,
    points: Sequence[TrendPoint],
    axis: Axis,
    milestones: Sequence[date],
    width: float,
    height: float,
    bands: bool = False,
) -> Drawing:
    """One score against visit date: gaps where incomplete, squares at baselines, numbered milestones."""
    d = Drawing(width, height)
    incomplete = INCOMPLETE_BAND if any(pt.value is None for pt in points) else 0
    p = _Plot(width, height, axis, BAND_LABELS if bands else PAD_RIGHT, incomplete)
    _frame(d, p, title, bands)
    _milestones(d, p, milestones)
    _series(d, p, points)
    if all(pt.value is None for pt in points):
        d.add(
            String(
                p.x0 + p.w / 2,
                p.y0 + p.h / 2,
                translate("charts", "no complete value to plot"),
                fontName=FONT,
                fontSize=CHART_TYPE,
                fillColor=FAINT,
                textAnchor="middle",
            )
        )
    return d
