"""The trend chart as drawn (reportlab shapes, read back from the Drawing): incomplete visits marked in a
band under the axis, never at 0 inside the value range; drafts hollow, signed points filled (issue 17)."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Drawing, Path, Rect, String

from cga_desk.reports.charts import INCOMPLETE_BAND, PAD_BOTTOM, Axis, TrendPoint, trend_chart, trend_legend
from cga_desk.reports.fonts import register_fonts

register_fonts()
AXIS = Axis(date(2024, 1, 1), date(2024, 12, 31), 5)


def _strings(d: Drawing) -> list[String]:
    return [s for s in d.contents if isinstance(s, String)]


def _zero_label(d: Drawing) -> String:
    return next(s for s in _strings(d) if s.text == "0" and s.textAnchor == "end")


def test_an_incomplete_visit_is_marked_under_the_axis_not_at_zero() -> None:
    points = [TrendPoint(date(2024, 2, 1), 0), TrendPoint(date(2024, 5, 1), None), TrendPoint(date(2024, 8, 1), 2)]
    d = trend_chart("IMWG", points, AXIS, [], 300, 150, bands=True)
    crosses = [s for s in _strings(d) if s.text == "×"]
    assert len(crosses) == 1
    zero = _zero_label(d)
    assert crosses[0].y < zero.y - 4  # below the 0 gridline's label, outside the value range
    assert crosses[0].y >= PAD_BOTTOM - 1  # inside the band, above the date labels
    band = [s for s in _strings(d) if s.text == "incomplete"]
    assert band and band[0].y < zero.y
    fit = next(r for r in d.contents if isinstance(r, Rect) and r.fillColor is not None and r.y > 0)
    assert crosses[0].y < fit.y  # never inside the green "fit" band


def test_without_incomplete_visits_there_is_no_band() -> None:
    d = trend_chart("Katz", [TrendPoint(date(2024, 2, 1), 6)], AXIS, [], 300, 150)
    assert not [s for s in _strings(d) if s.text == "incomplete"]
    with_band = trend_chart(
        "Katz", [TrendPoint(date(2024, 2, 1), 6), TrendPoint(date(2024, 3, 1), None)], AXIS, [], 300, 150
    )
    assert _zero_label(with_band).y - _zero_label(d).y > 0.8 * INCOMPLETE_BAND  # the plot rises over the band


def _dot_widths(d: Drawing) -> list[float]:
    """The stroke widths of the dot paths (zero-length round-capped strokes: the discs)."""
    return [p.strokeWidth for p in d.contents if isinstance(p, Path) and p.strokeLineCap == 1]


def test_drafts_are_hollow_and_signed_points_filled() -> None:
    signed = trend_chart("Katz", [TrendPoint(date(2024, 2, 1), 6, signed=True)], AXIS, [], 300, 150)
    draft = trend_chart("Katz", [TrendPoint(date(2024, 2, 1), 6, signed=False)], AXIS, [], 300, 150)
    # filled: a white halo, then an ink disc; hollow: an ink disc, then a white one inside it (a ring)
    s_paths = [p for p in signed.contents if isinstance(p, Path) and p.strokeLineCap == 1]
    d_paths = [p for p in draft.contents if isinstance(p, Path) and p.strokeLineCap == 1]
    assert [str(p.strokeColor) for p in s_paths][-1] != "Color(1,1,1,1)"  # the last disc drawn is ink
    assert [str(p.strokeColor) for p in d_paths][-1] == "Color(1,1,1,1)"  # the last disc is white: a ring
    assert _dot_widths(draft)[0] > _dot_widths(draft)[1]


def test_the_legend_names_every_symbol_in_words() -> None:
    words = " ".join(s.text for s in _strings(trend_legend(700)))
    for expected in ("signed visit", "not signed", "baseline", "incomplete", "treatment milestone"):
        assert expected in words
