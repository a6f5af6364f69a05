"""The longitudinal report of one patient: trend charts, every visit with change from baseline, item changes."""

from __future__ import annotations

from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from ..domain.records import INDEX_DISEASES, PatientView, VisitView
from ..forms import messages, registry
from ..forms.change import VisitChange
from ..forms.schedule import MILESTONE_LABELS
from .changes import DECLINE_MARK, INCOMPLETE, NO_BASELINE, delta_cell, is_decline
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
# (score key, chart title with its direction, y axis top, IMWG bands?): the IMWG score, then every score the
# registry follows; an optional instrument (G8) is charted and tabled only for a patient who has it.
CHART_KEYS = (("imwg_score", "IMWG frailty score (0-5, higher = frailer)", 5, True),) + tuple(
    (
        k.key,
        f"{i.short_title} ({'' if i.chart_range else f'{i.spec.min_total}-{i.spec.max_total}, '}{i.spec.direction})",
        i.y_range[1],
        False,
    )
    for k in registry.CHANGE_KEYS
    if (i := registry.instrument_of(k.key)) is not None
)
IDENTITY_COLUMNS = pct(0.1, 0.23, 0.1, 0.23, 0.1, 0.24)
CELL_SIZE = 7  # type size of the plain-string table cells (points), that of the `cell` style
SHORT = {k.key: k.label for k in registry.CHANGE_KEYS}
NOT_RECORDED = "—"  # an optional instrument not asked at the visit
FIRST_DELTA = 4  # the columns before the scores: date, timepoint, status, days from baseline
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
    story += _signatures(data, settings, st)
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
    shown = set(_shown(data))
    per_row = 2 if len(shown) <= 4 else 3  # two rows of charts always fit under the first page's header
    width = frame_width(wide=True) / per_row - 6
    drawings = []
    for key, title, y_max, bands in CHART_KEYS:
        if key not in shown:
            continue
        inst = registry.instrument_of(key)
        points = [
            TrendPoint(v.visit_date, registry.change_value(v.scores, key), c.is_baseline)
            for v, c in data.rows
            if inst is None or inst.recorded(v.scores)  # an optional instrument not asked is no point at all
        ]
        top = max([y_max] + [pt.value for pt in points if pt.value is not None])
        drawings.append(trend_chart(title, points, Axis(start, end, top), marks, width, 150, bands))
    grid = [drawings[i : i + per_row] + [""] * (i + per_row - len(drawings)) for i in range(0, len(drawings), per_row)]
    table = Table(grid, colWidths=pct(*[1 / per_row] * per_row))
    table.setStyle(grid_style(header_rows=0, extra=[("GRID", (0, 0), (-1, -1), 0, colors.white)]))
    return KeepTogether([table])


def _shown(data: LongitudinalData) -> tuple[str, ...]:
    """The followed scores this report shows: every required one, an optional one only when recorded."""
    out = []
    for k in registry.CHANGE_KEYS:
        inst = registry.instrument_of(k.key)
        if inst is None or inst.required or any(inst.recorded(v.scores) for v, _ in data.rows):
            out.append(k.key)
    return tuple(out)


def _deltas(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The changes the table prints: the required instruments' and the IMWG score's (optional ones: trends page)."""
    return tuple(k for k in keys if (i := registry.instrument_of(k)) is None or i.required)


def _header(keys: tuple[str, ...]) -> list[str]:
    names = [SHORT[k] for k in keys]
    return [
        "Date",
        "Timepoint",
        "Status",
        "Days from baseline",
        *names,
        "IMWG category",
        *(f"Δ {SHORT[k]}" for k in _deltas(keys)),
        "Notes",
    ]


def _widths(keys: tuple[str, ...]) -> list[str]:
    """Fixed shares for the visit's own columns; the scores and their changes share the rest."""
    fixed = [0.08, 0.095, 0.06, 0.065]  # a date and "complete" never wrap
    category, notes = 0.07, 0.163 if len(keys) <= 4 else 0.14
    deltas = len(_deltas(keys))
    each = (1 - sum(fixed) - category - notes) / (len(keys) + deltas)
    return pct(*fixed, *[each] * len(keys), category, *[each] * deltas, notes)


def _values(v: VisitView, c: VisitChange, keys: tuple[str, ...], settings: ReportSettings, st: Styles) -> list[Any]:
    """A visit's cells: Paragraphs where the text may wrap, plain strings for the short values."""
    scores = v.scores
    cells: list[Any] = [
        para(settings.fmt(v.visit_date), st.cell),
        para(v.timepoint, st.cell),
        v.status,
        "—" if c.days_from_baseline is None else str(c.days_from_baseline),
    ]
    for key in keys:
        value, inst = registry.change_value(scores, key), registry.instrument_of(key)
        recorded = inst is None or inst.recorded(scores)
        cells.append(NOT_RECORDED if not recorded else INCOMPLETE if value is None else _number(value))
    cells.append(v.imwg_category or INCOMPLETE)
    deltas = _deltas(keys)
    if c.change_from_baseline is None:
        return cells + [NO_BASELINE] + [""] * (len(deltas) - 1)
    return cells + [delta_cell(k, c.change_from_baseline.get(k)) for k in deltas]


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _note(c: VisitChange) -> str:
    parts = ["baseline"] if c.is_baseline else []
    if c.declined:
        parts.append(f"{DECLINE_MARK}: " + ", ".join(SHORT[k] for k in c.declined))
    if c.category_transition:
        parts.append("IMWG " + messages.category_transition(c.category_transition))
    return "; ".join(parts)


def _row_styles(i: int, c: VisitChange, keys: tuple[str, ...]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    if c.is_baseline:
        out.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#EAF0F8")))
    first = FIRST_DELTA + len(keys) + 1  # after the scores and the IMWG category
    deltas = _deltas(keys)
    if c.change_from_baseline is None:
        out.append(("SPAN", (first, i), (first + len(deltas) - 1, i)))
        return out
    for j, key in enumerate(deltas):
        if is_decline(key, c.change_from_baseline.get(key)):
            out.append(("TEXTCOLOR", (first + j, i), (first + j, i), DECLINE))
    return out


def _visit_table(data: LongitudinalData, settings: ReportSettings, st: Styles) -> Table:
    """Every visit; the header row repeats on each page."""
    keys = _shown(data)
    rows: list[list[Any]] = [[para(h, st.cell_bold) for h in _header(keys)]]
    extra: list[tuple[Any, ...]] = []
    for i, (v, c) in enumerate(data.rows, start=1):
        rows.append(_values(v, c, keys, settings, st) + [para(_note(c), st.cell)])
        extra += _row_styles(i, c, keys)
    table = Table(rows, colWidths=_widths(keys), repeatRows=1)
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


def _signatures(data: LongitudinalData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    """Each signed visit's electronic signature (or that it is invalid), in visit order."""
    lines = [(v, line) for v, _ in data.rows if (line := messages.signature_line(v)) is not None]
    if not lines:
        return []
    out: list[Flowable] = [Paragraph("Signatures", st.h2)]
    for v, line in lines:
        out.append(para(f"{settings.fmt(v.visit_date)} {v.timepoint}: {line}", st.cell))
    return out


def _versions(data: LongitudinalData, st: Styles) -> Flowable:
    versions = "; ".join(data.scoring_versions) or "no visit scored"
    return para(
        f"Scoring version: {versions}. Scores as stored with each visit; forms "
        "Katz (Hartford 0-6), Lawton-Brody (0-8, all domains for every sex), Charlson 1987 (index disease "
        "excluded).",
        st.small,
    )
