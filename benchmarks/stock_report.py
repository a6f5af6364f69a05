"""The longitudinal PDF's baseline: the same report content built with stock reportlab platypus.

What a developer would write without optimising anything: a SimpleDocTemplate, ParagraphStyles made
on each call, a Paragraph (with <b> markup) for every piece of text and every table cell that may
wrap, Tables, and reportlab's "Page X of Y" canvas recipe. Same words, same order, same font
(DejaVu Sans, embedded: the report must print names in any European script), same charts (the
report's own drawings, which were already made cheap: that only makes this baseline faster). It takes
the report's data as gathered by the service, so the application's time also includes reading the
history; the layout alone is in the benchmark's notes.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from cga_desk.domain.records import INDEX_DISEASES
from cga_desk.forms.change import CHANGE_SCORES
from cga_desk.forms.schedule import MILESTONE_LABELS
from cga_desk.reports.changes import DECLINE_MARK, INCOMPLETE, NO_BASELINE, delta_cell, score_value
from cga_desk.reports.charts import Axis, TrendPoint, date_range, trend_chart
from cga_desk.reports.data import LongitudinalData, ReportSettings
from cga_desk.reports.fonts import FONT, FONT_BOLD, register_fonts
from cga_desk.reports.longitudinal import CHART_KEYS, LEGEND, TITLE, _chart_title
from cga_desk.reports.wording import item_change_words

# The benchmark's patients have no optional instrument (G8), so the report shows the original four scores.
CORE_KEYS = tuple(CHANGE_SCORES)
# The visits table as the report had it before issue 17 (its grid of item answers replaced the paragraphs this
# baseline still builds): the stock baseline keeps that content, so its figures stay comparable over time.
SHORT = {"katz_adl": "Katz ADL", "lawton_iadl": "Lawton IADL", "cci": "CCI", "imwg_score": "IMWG score"}


def _header(keys: tuple[str, ...]) -> list[str]:
    names = [SHORT[k] for k in keys]
    return [
        "Date",
        "Timepoint",
        "Status",
        "Days from baseline",
        *names,
        "IMWG category",
        *(f"Δ {n}" for n in names),
        "Notes",
    ]


def _p(value: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape("—" if value is None else str(value)), style)


def _numbered(footer_left: str, printed: str) -> type[canvas.Canvas]:
    """reportlab's well-known "Page X of Y" recipe: keep each page's state, draw the footers at save()."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                self.setFont(FONT, 7)
                self.drawString(14 * mm, 8 * mm, footer_left)
                self.drawRightString(
                    landscape(A4)[0] - 14 * mm, 8 * mm, f"Printed {printed} · Page {number} of {len(self._saved)}"
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def stock_longitudinal(data: LongitudinalData, settings: ReportSettings) -> bytes:
    """The longitudinal report of one patient in stock platypus (landscape A4)."""
    register_fonts()  # DejaVu Sans and its bold, registered once per process
    body = ParagraphStyle("body", fontName=FONT, fontSize=8, leading=10)
    small = ParagraphStyle("small", parent=body, fontSize=6.5, leading=8.1)
    cell = ParagraphStyle("cell", parent=body, fontSize=7, leading=8.4)
    bold = ParagraphStyle("bold", parent=cell, fontName=FONT_BOLD)
    item = ParagraphStyle("item", parent=body, spaceAfter=2.5, leftIndent=10, firstLineIndent=-10)
    h1 = ParagraphStyle("h1", parent=body, fontName=FONT_BOLD, fontSize=13, leading=16, spaceAfter=2)
    h2 = ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceBefore=5, spaceAfter=2)
    grid = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#B0B0B0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), FONT, 7),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    p, fmt = data.patient, settings.fmt
    story: list[Any] = [_p(settings.clinic_name, h1) if settings.clinic_name else Spacer(1, 1), _p(TITLE, h1)]

    identity = [
        ("Patient ID", p.study_id),
        ("Name", p.name or "not recorded"),
        ("Birth date", fmt(p.birth_date)),
        ("Sex", p.sex or "not recorded"),
        ("Index disease", INDEX_DISEASES.get(p.index_disease or "", p.index_disease or "not recorded")),
        ("Diagnosis date", fmt(p.diagnosis_date) if p.diagnosis_date else "not recorded"),
    ]
    rows = [sum(([_p(k, bold), _p(v, cell)] for k, v in identity[i : i + 3]), []) for i in (0, 3)]
    table = Table(rows, colWidths=["10%", "23%", "10%", "23%", "10%", "24%"])
    table.setStyle(TableStyle(grid))
    story.append(table)

    marks = sorted(p.milestones, key=lambda m: m.date)
    items = [
        f"{n} {MILESTONE_LABELS.get(m.kind, m.kind)} {fmt(m.date)}" + (f" ({m.note})" if m.note else "")
        for n, m in enumerate(marks, start=1)
    ]
    story += [_p("Treatment milestones: " + (" · ".join(items) or "none recorded"), body), _p(LEGEND, small)]

    if data.rows:
        start, end = date_range([v.visit_date for v, _ in data.rows] + [m.date for m in marks])
        width = (landscape(A4)[0] - 28 * mm - 12) / 2 - 6
        drawings = []
        for key, y_max, bands in CHART_KEYS:  # the titles in the report's words, as the report has them
            if key not in CORE_KEYS:
                continue
            title = _chart_title(key)
            points = [TrendPoint(v.visit_date, score_value(v.scores, key), c.is_baseline) for v, c in data.rows]
            top = max([y_max] + [pt.value for pt in points if pt.value is not None])
            drawings.append(
                trend_chart(title, points, Axis(start, end, top), [m.date for m in marks], width, 150, bands)
            )
        story.append(KeepTogether([Table([drawings[:2], drawings[2:]])]))

        visits: list[list[Any]] = [[_p(h, bold) for h in _header(CORE_KEYS)]]
        for v, c in data.rows:
            cells: list[Any] = [_p(fmt(v.visit_date), cell), _p(v.timepoint, cell), v.status]
            cells.append("—" if c.days_from_baseline is None else str(c.days_from_baseline))
            for key in ("katz_adl", "lawton_iadl", "cci", "imwg_score"):
                value = score_value(v.scores, key)
                cells.append(INCOMPLETE if value is None else str(value))
            cells.append(v.imwg_category or INCOMPLETE)
            if c.change_from_baseline is None:
                cells += [NO_BASELINE, "", "", ""]
            else:
                cells += [delta_cell(k, c.change_from_baseline.get(k)) for k in CHANGE_SCORES]
            note = ["baseline"] if c.is_baseline else []
            if c.declined:
                note.append(f"{DECLINE_MARK}: " + ", ".join(SHORT[k] for k in c.declined))
            if c.imwg_category_change:
                note.append("IMWG " + c.imwg_category_change.replace(" -> ", " → "))
            visits.append(cells + [_p("; ".join(note), cell)])
        widths = ["7%", "9.5%", "5.2%", "6%", "6%", "6%", "6%", "6%", "7%", "6%", "6%", "6%", "6%", "18.3%"]
        table = Table(visits, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([*grid, ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E8EE"))]))
        story += [_p("Visits", h2), table]
    else:
        story.append(_p("No visits recorded.", h2))

    story.append(_p("Items changed since baseline", h2))
    for v, c in data.rows:
        if c.item_changes:
            head = f"{fmt(v.visit_date)} {v.timepoint} (baseline {fmt(c.baseline_date)}):"
            words = "; ".join(item_change_words(x) for x in c.item_changes)
            story.append(Paragraph(f"<b>{escape(head)}</b> {escape(words)}", item))
    versions = "; ".join(data.scoring_versions) or "no visit scored"
    story.append(
        _p(
            f"Scoring version: {versions}. Scores as stored with each visit; forms Katz (Hartford 0-6), "
            "Lawton-Brody (0-8, all domains for every sex), Charlson 1987 (index disease excluded).",
            small,
        )
    )

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=landscape(A4), leftMargin=14 * mm, rightMargin=14 * mm, topMargin=14 * mm, bottomMargin=20 * mm
    )
    doc.build(story, canvasmaker=_numbered(f"Patient {p.study_id} · longitudinal report", fmt(data.generated_on)))
    return out.getvalue()
