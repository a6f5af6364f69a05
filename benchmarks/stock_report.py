"""The longitudinal PDF's baseline: the same report content built with stock reportlab platypus.

What a developer would write without optimising anything: a SimpleDocTemplate, ParagraphStyles made
on each call, a Paragraph for every piece of text and every table cell that may wrap, Tables with a
plain TableStyle, and reportlab's "Page X of Y" canvas recipe. Same content as the report prints since
issue 17 (the identity table, milestones, legend, charts, the visits table with the same columns and
cells, the grid of item answers × visits in the same blocks, the signatures, the trend reviews and the
versions line), same font (DejaVu Sans, embedded: the report must print names in any European script),
same charts (the report's own drawings, which were already made cheap: that only makes this baseline
faster). The cell texts come from the report's own data functions (`reports.longitudinal`), so both
sides print the same words; none of the project's layout helpers (`reports.layout`) is used. It takes
the report's data as gathered by the service, so the application's time also includes reading the
history; the layout alone is in the benchmark's notes.
"""

from __future__ import annotations

import io
import math
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from cga_desk.forms import messages, registry, vocabulary
from cga_desk.i18n import translate
from cga_desk.reports import longitudinal as lr
from cga_desk.reports.changes import COMPARED, NO_BASELINE, delta_cell, watermark
from cga_desk.reports.charts import Axis, TrendPoint, date_range, trend_chart, trend_legend
from cga_desk.reports.data import LongitudinalData, ReportSettings
from cga_desk.reports.fonts import FONT, FONT_BOLD, register_fonts
from cga_desk.version import __version__

WIDTH = landscape(A4)[0] - 28 * mm  # the frame's width


def _p(value: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape("—" if value is None else str(value)), style)


def _numbered(footer_left: str, printed: str, mark: str | None) -> type[canvas.Canvas]:
    """reportlab's well-known "Page X of Y" recipe: keep each page's state, draw the footers at save()."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            width, height = landscape(A4)
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                self.setFont(FONT, 7)
                self.drawString(14 * mm, 8 * mm, footer_left)
                self.drawRightString(
                    width - 14 * mm,
                    8 * mm,
                    f"Printed {printed} · CGA Desk {__version__} · Page {number} of {len(self._saved)}",
                )
                if mark:  # a draft: the words across the page
                    self.saveState()
                    self.setFillColor(colors.HexColor("#B00020"))
                    self.setFillAlpha(0.16)
                    self.translate(width / 2, height / 2)
                    self.rotate(math.degrees(math.atan2(height, width)))
                    self.setFont(FONT_BOLD, 54)
                    self.drawCentredString(0, -18, mark)
                    self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def stock_longitudinal(data: LongitudinalData, settings: ReportSettings) -> bytes:
    """The longitudinal report of one patient in stock platypus (landscape A4)."""
    register_fonts()  # DejaVu Sans and its bold, registered once per process
    body = ParagraphStyle("body", fontName=FONT, fontSize=8, leading=10)
    small = ParagraphStyle("small", parent=body, fontSize=7, leading=8.75)
    cell = ParagraphStyle("cell", parent=body, fontSize=7, leading=8.4)
    bold = ParagraphStyle("bold", parent=cell, fontName=FONT_BOLD)
    faint = ParagraphStyle("faint", parent=cell, textColor=colors.HexColor("#777777"))
    h1 = ParagraphStyle("h1", parent=body, fontName=FONT_BOLD, fontSize=13, leading=16, spaceAfter=2)
    h2 = ParagraphStyle(
        "h2", parent=body, fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceBefore=5, spaceAfter=2, keepWithNext=1
    )
    grid = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#B0B0B0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), FONT, 7),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    header_bg = ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E8EE"))
    p, fmt = data.patient, settings.fmt
    na = translate("longitudinal", "not recorded")
    story: list[Any] = [_p(settings.clinic_name, h1)] if settings.clinic_name else []
    story += [_p(translate("longitudinal", lr.TITLE), h1), Spacer(1, 4)]

    identity = [
        ("Patient ID", p.study_id),
        ("Name", p.name or na),
        ("Birth date", fmt(p.birth_date)),
        ("Sex", vocabulary.word(p.sex) or na),
        ("Index disease", vocabulary.disease(p.index_disease) or na),
        ("Diagnosis date", fmt(p.diagnosis_date) if p.diagnosis_date else na),
    ]
    rows = [sum(([_p(k, bold), _p(v, cell)] for k, v in identity[i : i + 3]), []) for i in (0, 3)]
    table = Table(rows, colWidths=["10%", "23%", "10%", "23%", "10%", "24%"])
    table.setStyle(TableStyle(grid))
    story.append(table)

    marks = lr.milestones(p)
    items = [
        f"{n} {vocabulary.milestone(m.kind)} {fmt(m.date)}" + (f" ({m.note})" if m.note else "")
        for n, m in enumerate(marks, start=1)
    ]
    story += [_p("Treatment milestones: " + (" · ".join(items) or "none recorded"), body), Spacer(1, 3)]
    story.append(_p(lr.legend(), small))

    if data.rows:
        # the charts, drawn as before issue 17: the report's own drawings, two or three a row
        start, end = date_range([v.visit_date for v, _ in data.rows] + [m.date for m in p.milestones])
        shown = set(lr._shown(data))
        per_row = 2 if len(shown) <= 4 else 3
        width = WIDTH / per_row - 6
        drawings: list[Any] = []
        for key, y_max, bands in lr.CHART_KEYS:
            if key not in shown:
                continue
            inst = registry.instrument_of(key)
            points = [
                TrendPoint(v.visit_date, registry.change_value(v.scores, key), c.is_baseline, v.status == "signed")
                for v, c in data.rows
                if inst is None or inst.recorded(v.scores)
            ]
            top = max([y_max] + [pt.value for pt in points if pt.value is not None])
            axis = Axis(start, end, top)
            drawings.append(trend_chart(lr._chart_title(key), points, axis, [m.date for m in marks], width, 150, bands))
        chart_rows = [drawings[i : i + per_row] for i in range(0, len(drawings), per_row)]
        chart_rows[-1] += [""] * (per_row - len(chart_rows[-1]))
        story += [Spacer(1, 5), KeepTogether([trend_legend(WIDTH), Spacer(1, 2), Table(chart_rows)])]

        # the visits table: the report's columns and cell texts
        optional = lr._optional_shown(data)
        visits: list[list[Any]] = [[_p(h, bold) for h in lr._header(optional)]]
        styles: list[Any] = [*grid, header_bg]
        marked = [v.id for v, c in data.rows if c.is_baseline and v.is_baseline]
        first_delta = lr.FIRST_VALUES + len(optional)
        for i, (v, c) in enumerate(data.rows, start=1):
            cells: list[Any] = [
                _p(fmt(v.visit_date), cell),
                _p(vocabulary.timepoint(v.timepoint), cell),
                vocabulary.word(v.status),
                _p(vocabulary.word(v.respondent) or lr.NOT_RECORDED, cell),
                "—" if c.months_from_baseline is None else f"{c.months_from_baseline:.1f}",
                *(_p(lr._value(v, k), cell) for k in lr.VALUE_KEYS[:-1]),
                _p(lr._imwg(v), cell),
                *(_p(lr._optional(v, code), cell) for code in optional),
            ]
            if c.change_from_baseline is None:
                cells += [_p(messages.words(NO_BASELINE), cell)] + [""] * (len(lr.VALUE_KEYS) - 1)
                styles.append(("SPAN", (first_delta, i), (first_delta + len(lr.VALUE_KEYS) - 1, i)))
            else:
                cells += [_p(delta_cell(k, c.change_from_baseline.get(k)), cell) for k in lr.VALUE_KEYS]
            cells += [
                _p(lr.since_previous(c), cell),
                _p(lr.baseline_note(v, c, marked[0] if marked else None, settings), cell),
            ]
            visits.append(cells)
        table = Table(visits, colWidths=lr._widths(optional), repeatRows=1)
        table.setStyle(TableStyle(styles))
        story += [_p("Visits", h2), table]

        # the grid of item answers × visits, in the report's blocks
        vs = [v for v, _ in data.rows]
        forms = [i for i in COMPARED if i.required or any(i.recorded(v.scores) for v in vs)]
        same = translate("longitudinal", lr.SAME)
        story += [
            _p(translate("longitudinal", "Item answers at each visit"), h2),
            _p(translate("longitudinal", lr.GRID_LEGEND).format(same=same), small),
            Spacer(1, 2),
        ]
        content = [(inst, *lr._grid_rows(inst, vs)) for inst in forms]
        unchanged = [(inst, constant) for inst, _, constant in content if constant]
        if unchanged:
            story.append(_p(translate("longitudinal", lr.EVERY_VISIT if len(vs) > 1 else lr.ONLY_VISIT), bold))
        for inst, constant in unchanged:
            by_answer: dict[str, list[str]] = {}
            for label, words in constant:
                by_answer.setdefault(words, []).append(label)
            said = "; ".join(f"{', '.join(labels)}: {a}" for a, labels in by_answer.items())
            story.append(_p(f"{vocabulary.short_title(inst)} — {said}.", cell))
        content = [c for c in content if c[1]]
        if not content:
            story.append(_p(lr._no_grid(vs, forms), body))
        per_block = max(1, int(WIDTH * (1 - lr.GRID_LABEL) // lr.GRID_COLUMN))
        per_block = -(-len(vs) // -(-len(vs) // per_block))
        for start_at in range(0, len(vs) if content else 0, per_block):
            block = range(start_at, min(start_at + per_block, len(vs)))
            rows = [[_p("Item", bold)] + [_p(lr._visit_head(*data.rows[i], settings), bold) for i in block]]
            styles = [*grid, header_bg]
            for inst, changing, _ in content:
                styles.append(("SPAN", (0, len(rows)), (-1, len(rows))))
                rows.append([_p(vocabulary.short_title(inst), bold)] + [""] * len(block))
                for label, grid_cells in changing:
                    line: list[Any] = [_p(label, cell)]
                    for j, i in enumerate(block, start=1):
                        gc = grid_cells[i]
                        if gc.changed:
                            line.append(_p(gc.words + (f" {gc.mark}" if gc.mark else ""), bold))
                            styles.append(("BACKGROUND", (j, len(rows)), (j, len(rows)), lr.CHANGED))
                        elif j == 1 or i == 0:
                            line.append(_p(gc.words, cell))
                        else:
                            line.append(_p(same, faint))
                    rows.append(line)
            share = WIDTH * (1 - lr.GRID_LABEL) / per_block
            table = Table(rows, colWidths=[WIDTH * lr.GRID_LABEL] + [share] * len(block), repeatRows=1, hAlign="LEFT")
            table.setStyle(TableStyle(styles))
            story += [Spacer(1, 4), table]

        story.append(_p(translate("longitudinal", "Signatures"), h2))
        signed = [(v, sig) for v, _ in data.rows if (sig := messages.signature_line(v)) is not None]
        for v, sig in signed:
            story.append(_p(f"{fmt(v.visit_date)} {vocabulary.timepoint(v.timepoint)}: {sig}", cell))
        if not signed:
            story.append(_p(translate("longitudinal", "No visit is signed."), body))
    else:
        story.append(_p("No visits recorded.", h2))

    closing: list[Any] = [_p(translate("longitudinal", "Trend reviews"), h2)]
    for r in data.reviews:
        who = f"{r.full_name} ({r.author})" if r.full_name else r.author
        said = f"{fmt(r.note_date)}: trend reviewed by {who}, recorded {messages.local_time(r.recorded_at)}"
        closing.append(_p(said + (f" — {r.text}" if r.text else ""), body))
    if not data.reviews:
        closing.append(_p("No trend review has been recorded for this patient.", body))
    versions = "; ".join(data.scoring_versions) or "no visit scored"
    closing += [
        Spacer(1, 6),
        _p(
            f"Scoring version: {versions}. Scores as stored with each visit; forms Katz (Hartford 0-6), "
            "Lawton-Brody (0-8, all domains for every sex), Charlson 1987 (index disease excluded).",
            small,
        ),
    ]
    story.append(KeepTogether(closing))

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=landscape(A4), leftMargin=14 * mm, rightMargin=14 * mm, topMargin=14 * mm, bottomMargin=20 * mm
    )
    left = f"Patient {p.study_id}" + (f" ({p.name})" if p.name else "") + " · longitudinal report"
    mark = watermark([v for v, _ in data.rows])
    doc.build(story, canvasmaker=_numbered(left, fmt(data.generated_on), mark))
    return out.getvalue()
