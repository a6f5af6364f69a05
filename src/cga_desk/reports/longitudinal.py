"""The longitudinal report of one patient: trend charts, every visit with change from baseline, item changes."""

from __future__ import annotations

from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from ..domain.records import INDEX_DISEASES, PatientView, VisitView
from ..forms.change import CHANGE_SCORES, VisitChange
from ..forms.schedule import MILESTONE_LABELS
from .changes import DECLINE_MARK, INCOMPLETE, NO_BASELINE, delta_cell, is_decline, score_value
from .charts import Axis, TrendPoint, date_range, trend_chart
from .data import LongitudinalData, ReportSettings, check_texts
from .fonts import FONT
from .layout import (
    DECLINE,
    Styles,
    build,
    frame_width,
    grid_style,
    para,
    pct,
    run_in,
    standard_footer,
    styles,
    title_block,
)
from .wording import item_change_words

TITLE = "Geriatric assessment — longitudinal report"
LEGEND = (
    "How to read this report. Katz ADL (0-6) and Lawton IADL (0-8): higher = more independent, so a fall is a "
    "decline. Charlson CCI (unadjusted) and the IMWG frailty score (0-5): higher = worse, so a rise is a decline. "
    "IMWG categories: 0 fit, 1 intermediate, ≥ 2 frail (shaded bands). Change (Δ) = this visit − its baseline, "
    f"the most recent baseline on or before the visit; “{DECLINE_MARK}” marks a decline. “{NO_BASELINE}” and "
    f"“{INCOMPLETE}” are never counted as 0. Charts: ■ baseline visit, ● other visit, × incomplete (not scored), "
    "numbered dashed lines = treatment milestones."
)
CHART_KEYS = (
    ("imwg_score", "IMWG frailty score (0-5, higher = frailer)", 5, True),
    ("katz_adl", "Katz ADL (0-6, higher = more independent)", 6, False),
    ("lawton_iadl", "Lawton IADL (0-8, higher = more independent)", 8, False),
    ("cci", "Charlson CCI (higher = more comorbidity)", 6, False),
)
HEADER = (
    "Date",
    "Timepoint",
    "Status",
    "Days from baseline",
    "Katz ADL",
    "Lawton IADL",
    "CCI",
    "IMWG score",
    "IMWG category",
    "Δ Katz",
    "Δ Lawton",
    "Δ CCI",
    "Δ IMWG",
    "Notes",
)
VISIT_COLUMNS = pct(0.07, 0.095, 0.052, 0.06, 0.06, 0.06, 0.06, 0.06, 0.07, 0.06, 0.06, 0.06, 0.06, 0.183)
IDENTITY_COLUMNS = pct(0.1, 0.23, 0.1, 0.23, 0.1, 0.24)
CELL_SIZE = 7  # type size of the plain-string table cells (points), that of the `cell` style
SHORT = {"katz_adl": "Katz", "lawton_iadl": "Lawton", "cci": "CCI", "imwg_score": "IMWG"}
FIRST_DELTA = 9
Row = tuple[VisitView, VisitChange]


def render_longitudinal(data: LongitudinalData, settings: ReportSettings, stream: BinaryIO) -> None:
    """Write the longitudinal PDF of one patient to `stream` (landscape A4, any number of pages)."""
    check_texts(settings.texts(), data.texts())
    st, p = styles(8), data.patient
    story: list[Flowable] = [
        title_block(settings, TITLE, st),
        Spacer(1, 4),
        _identity(p, settings, st),
        _milestone_list(p, settings, st),
        Spacer(1, 3),
        para(LEGEND, st.small),
    ]
    if data.rows:
        story += [Spacer(1, 6), _charts(data), Paragraph("Visits", st.h2), _visit_table(data, settings, st)]
    else:
        story.append(Paragraph("No visits recorded.", st.h2))
    story += _item_changes(data, settings, st) + [Spacer(1, 6), _versions(data, st)]
    left = f"Patient {p.study_id}" + (f" ({p.name})" if p.name else "") + " · longitudinal report"
    build(
        stream,
        story,
        standard_footer(settings, left, settings.fmt(data.generated_on)),
        f"{TITLE}: {p.study_id}",
        wide=True,
    )


def _identity(p: PatientView, settings: ReportSettings, st: Styles) -> Table:
    """Who the report is about, in three label/value pairs per row."""
    disease = INDEX_DISEASES.get(p.index_disease or "", p.index_disease or "not recorded")
    cells = [
        ("Patient ID", p.study_id),
        ("Name", p.name or "not recorded"),
        ("Birth date", settings.fmt(p.birth_date)),
        ("Sex", p.sex or "not recorded"),
        ("Index disease", disease),
        ("Diagnosis date", settings.fmt(p.diagnosis_date) if p.diagnosis_date else "not recorded"),
    ]
    rows = [sum(([para(k, st.cell_bold), para(v, st.cell)] for k, v in cells[i : i + 3]), []) for i in (0, 3)]
    table = Table(rows, colWidths=IDENTITY_COLUMNS)
    table.setStyle(grid_style(header_rows=0))
    return table


def milestones(p: PatientView) -> list[Any]:
    return sorted(p.milestones, key=lambda m: m.date)


def _milestone_list(p: PatientView, settings: ReportSettings, st: Styles) -> Flowable:
    items = [
        f"{n} {MILESTONE_LABELS.get(m.kind, m.kind)} {settings.fmt(m.date)}" + (f" ({m.note})" if m.note else "")
        for n, m in enumerate(milestones(p), start=1)
    ]
    return para("Treatment milestones: " + (" · ".join(items) if items else "none recorded"), st.body)


def _charts(data: LongitudinalData) -> Flowable:
    days = [v.visit_date for v, _ in data.rows] + [m.date for m in data.patient.milestones]
    start, end = date_range(days)
    marks = [m.date for m in milestones(data.patient)]
    width = frame_width(wide=True) / 2 - 6
    drawings = []
    for key, title, y_max, bands in CHART_KEYS:
        points = [TrendPoint(v.visit_date, score_value(v.scores, key), c.is_baseline) for v, c in data.rows]
        top = max([y_max] + [pt.value for pt in points if pt.value is not None])
        drawings.append(trend_chart(title, points, Axis(start, end, top), marks, width, 150, bands))
    table = Table([drawings[:2], drawings[2:]], colWidths=pct(0.5, 0.5))
    table.setStyle(grid_style(header_rows=0, extra=[("GRID", (0, 0), (-1, -1), 0, colors.white)]))
    return KeepTogether([table])


def _values(v: VisitView, c: VisitChange, settings: ReportSettings, st: Styles) -> list[Any]:
    """A visit's cells: Paragraphs where the text may wrap, plain strings for the short values."""
    scores = v.scores
    cells: list[Any] = [
        para(settings.fmt(v.visit_date), st.cell),
        para(v.timepoint, st.cell),
        v.status,
        "—" if c.days_from_baseline is None else str(c.days_from_baseline),
    ]
    for key in ("katz_adl", "lawton_iadl", "cci", "imwg_score"):
        value = score_value(scores, key)
        cells.append(INCOMPLETE if value is None else str(value))
    cells.append(v.imwg_category or INCOMPLETE)
    if c.change_from_baseline is None:
        return cells + [NO_BASELINE, "", "", ""]
    return cells + [delta_cell(k, c.change_from_baseline.get(k)) for k in CHANGE_SCORES]


def _note(c: VisitChange) -> str:
    parts = ["baseline"] if c.is_baseline else []
    if c.declined:
        parts.append(f"{DECLINE_MARK}: " + ", ".join(SHORT[k] for k in c.declined))
    if c.imwg_category_change:
        parts.append("IMWG " + c.imwg_category_change.replace(" -> ", " → "))
    return "; ".join(parts)


def _row_styles(i: int, v: VisitView, c: VisitChange) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    if c.is_baseline:
        out.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#EAF0F8")))
    if c.change_from_baseline is None:
        out.append(("SPAN", (FIRST_DELTA, i), (FIRST_DELTA + 3, i)))
        return out
    for j, key in enumerate(CHANGE_SCORES):
        if is_decline(key, c.change_from_baseline.get(key)):
            out.append(("TEXTCOLOR", (FIRST_DELTA + j, i), (FIRST_DELTA + j, i), DECLINE))
    return out


def _visit_table(data: LongitudinalData, settings: ReportSettings, st: Styles) -> Table:
    """Every visit; the header row repeats on each page."""
    rows: list[list[Any]] = [[para(h, st.cell_bold) for h in HEADER]]
    extra: list[tuple[Any, ...]] = []
    for i, (v, c) in enumerate(data.rows, start=1):
        rows.append(_values(v, c, settings, st) + [para(_note(c), st.cell)])
        extra += _row_styles(i, v, c)
    table = Table(rows, colWidths=VISIT_COLUMNS, repeatRows=1)
    table.setStyle(grid_style(extra=[("FONT", (0, 1), (-1, -1), FONT, CELL_SIZE), *extra]))
    return table


def _item_changes(data: LongitudinalData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    """One paragraph per visit with item changes: a bold head, then the changes in words."""
    out: list[Flowable] = [Paragraph("Items changed since baseline", st.h2)]
    for v, c in data.rows:
        if c.item_changes:
            head = f"{settings.fmt(v.visit_date)} {v.timepoint} (baseline {settings.fmt(c.baseline_date)}):"
            words = "; ".join(item_change_words(x) for x in c.item_changes)
            out.append(run_in(head, words, st.item))
    if len(out) == 1:
        out.append(Paragraph("No item changed from baseline at any visit.", st.body))
    return out


def _versions(data: LongitudinalData, st: Styles) -> Flowable:
    versions = "; ".join(data.scoring_versions) or "no visit scored"
    return para(
        f"Scoring version: {versions}. Scores as stored with each visit; forms "
        "Katz (Hartford 0-6), Lawton-Brody (0-8, all domains for every sex), Charlson 1987 (index disease "
        "excluded).",
        st.small,
    )
