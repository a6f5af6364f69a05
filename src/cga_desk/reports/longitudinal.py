"""The longitudinal report of one patient: trend charts, every visit with change from baseline, item changes."""

from __future__ import annotations

from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from .. import i18n
from ..domain.records import PatientView, VisitView
from ..forms import messages, registry, vocabulary
from ..forms.change import VisitChange
from ..i18n import QT_TRANSLATE_NOOP, translate
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
    wording_notice,
)
from .wording import item_change_words

TITLE = QT_TRANSLATE_NOOP("longitudinal", "Geriatric assessment — longitudinal report")
LEGEND = QT_TRANSLATE_NOOP(
    "longitudinal",
    "How to read this report. Katz ADL (0-6) and Lawton IADL (0-8): higher = more independent, so a fall is a "
    "decline. Charlson CCI (unadjusted) and the IMWG frailty score (0-5): higher = worse, so a rise is a decline. "
    "IMWG categories: 0 fit, 1 intermediate, ≥ 2 frail (shaded bands). Change (Δ) = this visit − its baseline, "
    "the most recent baseline on or before the visit; “{decline}” marks a decline. “{no_baseline}” and "
    "“{incomplete}” are never counted as 0. Charts: ■ baseline visit, ● other visit, × incomplete (not scored), "
    "numbered dashed lines = treatment milestones.",
)
IMWG_CHART = QT_TRANSLATE_NOOP("longitudinal", "IMWG frailty score (0-5, higher = frailer)")
# (score key, chart title with its direction, y axis top, IMWG bands?): the IMWG score, then every score the
# registry follows; an optional instrument (G8) is charted and tabled only for a patient who has it.
CHART_KEYS = (("imwg_score", 5, True),) + tuple(
    (k.key, i.y_range[1], False) for k in registry.CHANGE_KEYS if (i := registry.instrument_of(k.key)) is not None
)


def _chart_title(key: str) -> str:
    """A chart's title with its direction, in the report's language."""
    inst = registry.instrument_of(key)
    if inst is None:
        return translate("longitudinal", IMWG_CHART)
    span = "" if inst.chart_range else f"{inst.spec.min_total}-{inst.spec.max_total}, "
    return f"{vocabulary.short_title(inst)} ({span}{vocabulary.direction(inst)})"


def _short(key: str) -> str:
    return messages.score_label(key)


def legend() -> str:
    return translate("longitudinal", LEGEND).format(
        decline=messages.words(DECLINE_MARK),
        no_baseline=messages.words(NO_BASELINE),
        incomplete=messages.words(INCOMPLETE),
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
        title_block(settings, translate("longitudinal", TITLE), st),
        Spacer(1, 4),
        _identity(p, settings, st),
        _milestone_list(p, settings, st),
        Spacer(1, 3),
        para(legend(), st.small),
    ]
    if data.rows:
        story += [
            Spacer(1, 6),
            _charts(data),
            para(translate("longitudinal", "Visits"), st.h2),
            _visit_table(data, settings, st),
        ]
    else:
        story.append(para(translate("longitudinal", "No visits recorded."), st.h2))
    story += _signatures(data, settings, st)
    story += _item_changes(data, settings, st) + [Spacer(1, 6), _versions(data, st)]
    left = (
        translate("longitudinal", "Patient {study_id}").format(study_id=p.study_id)
        + (f" ({p.name})" if p.name else "")
        + translate("longitudinal", " · longitudinal report")
    )
    build(
        stream,
        story,
        standard_footer(settings, left, settings.fmt(data.generated_on)),
        f"{translate('longitudinal', TITLE)}: {p.study_id}",
        wide=True,
    )


def _identity(p: PatientView, settings: ReportSettings, st: Styles) -> Table:
    """Who the report is about, in three label/value pairs per row."""
    disease = vocabulary.disease(p.index_disease) or translate("longitudinal", "not recorded")
    cells = [
        (translate("longitudinal", "Patient ID"), p.study_id),
        (translate("longitudinal", "Name"), p.name or translate("longitudinal", "not recorded")),
        (translate("longitudinal", "Birth date"), settings.fmt(p.birth_date)),
        (translate("longitudinal", "Sex"), vocabulary.word(p.sex) or translate("longitudinal", "not recorded")),
        (translate("longitudinal", "Index disease"), disease),
        (
            translate("longitudinal", "Diagnosis date"),
            settings.fmt(p.diagnosis_date) if p.diagnosis_date else translate("longitudinal", "not recorded"),
        ),
    ]
    rows = [sum(([para(k, st.cell_bold), para(v, st.cell)] for k, v in cells[i : i + 3]), []) for i in (0, 3)]
    table = Table(rows, colWidths=IDENTITY_COLUMNS)
    table.setStyle(grid_style(header_rows=0))
    return table


def milestones(p: PatientView) -> list[Any]:
    return sorted(p.milestones, key=lambda m: m.date)


def _milestone_list(p: PatientView, settings: ReportSettings, st: Styles) -> Flowable:
    items = [
        f"{n} {vocabulary.milestone(m.kind)} {settings.fmt(m.date)}" + (f" ({m.note})" if m.note else "")
        for n, m in enumerate(milestones(p), start=1)
    ]
    return para(
        translate("longitudinal", "Treatment milestones: ")
        + (" · ".join(items) if items else translate("longitudinal", "none recorded")),
        st.body,
    )


def _charts(data: LongitudinalData) -> Flowable:
    days = [v.visit_date for v, _ in data.rows] + [m.date for m in data.patient.milestones]
    start, end = date_range(days)
    marks = [m.date for m in milestones(data.patient)]
    shown = set(_shown(data))
    per_row = 2 if len(shown) <= 4 else 3  # two rows of charts always fit under the first page's header
    width = frame_width(wide=True) / per_row - 6
    drawings = []
    for key, y_max, bands in CHART_KEYS:
        title = _chart_title(key)
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
    names = [_short(k) for k in keys]
    return [
        translate("longitudinal", "Date"),
        translate("longitudinal", "Timepoint"),
        translate("longitudinal", "Status"),
        translate("longitudinal", "Days from baseline"),
        *names,
        translate("longitudinal", "IMWG category"),
        *(f"Δ {_short(k)}" for k in _deltas(keys)),
        translate("longitudinal", "Notes"),
    ]


def _widths(keys: tuple[str, ...]) -> list[str]:
    """Fixed shares for the visit's own columns; the scores and their changes share the rest."""
    fixed = [0.08, 0.095, 0.06, 0.065]  # a date and "complete" never wrap
    if i18n.is_chinese():  # "2021年12月31日" is wider than "2021-12-31"; the timepoint column gives way
        fixed = [0.095, 0.08, 0.06, 0.065]
    category, notes = 0.07, 0.163 if len(keys) <= 4 else 0.14
    deltas = len(_deltas(keys))
    each = (1 - sum(fixed) - category - notes) / (len(keys) + deltas)
    return pct(*fixed, *[each] * len(keys), category, *[each] * deltas, notes)


def _values(v: VisitView, c: VisitChange, keys: tuple[str, ...], settings: ReportSettings, st: Styles) -> list[Any]:
    """A visit's cells: Paragraphs where the text may wrap, plain strings for the short values."""
    scores = v.scores
    cells: list[Any] = [
        para(settings.fmt(v.visit_date), st.cell),
        para(vocabulary.timepoint(v.timepoint), st.cell),
        vocabulary.word(v.status),
        "—" if c.days_from_baseline is None else str(c.days_from_baseline),
    ]
    for key in keys:
        value, inst = registry.change_value(scores, key), registry.instrument_of(key)
        recorded = inst is None or inst.recorded(scores)
        cells.append(NOT_RECORDED if not recorded else messages.words(INCOMPLETE) if value is None else _number(value))
    cells.append(messages.category_code_words(v.imwg_category) or messages.words(INCOMPLETE))
    deltas = _deltas(keys)
    if c.change_from_baseline is None:
        return cells + [messages.words(NO_BASELINE)] + [""] * (len(deltas) - 1)
    return cells + [delta_cell(k, c.change_from_baseline.get(k)) for k in deltas]


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _note(c: VisitChange) -> str:
    parts = [translate("longitudinal", "baseline")] if c.is_baseline else []
    if c.declined:
        parts.append(f"{messages.words(DECLINE_MARK)}: " + ", ".join(_short(k) for k in c.declined))
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
    out: list[Flowable] = [para(translate("longitudinal", "Items changed since baseline"), st.h2)]
    for v, c in data.rows:
        if c.item_changes:
            head = translate("longitudinal", "{fmt} {timepoint} (baseline {fmt2}):").format(
                fmt=settings.fmt(v.visit_date),
                timepoint=vocabulary.timepoint(v.timepoint),
                fmt2=settings.fmt(c.baseline_date),
            )
            words = "; ".join(item_change_words(x) for x in c.item_changes)
            out.append(run_in(head, words, st.item))
    if len(out) == 1:
        out.append(para(translate("longitudinal", "No item changed from baseline at any visit."), st.body))
    return out


def _signatures(data: LongitudinalData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    """Each signed visit's electronic signature (or that it is invalid), in visit order."""
    lines = [(v, line) for v, _ in data.rows if (line := messages.signature_line(v)) is not None]
    if not lines:
        return []
    out: list[Flowable] = [para(translate("longitudinal", "Signatures"), st.h2)]
    for v, line in lines:
        out.append(para(f"{settings.fmt(v.visit_date)} {vocabulary.timepoint(v.timepoint)}: {line}", st.cell))
    return out


def _versions(data: LongitudinalData, st: Styles) -> Flowable:
    versions = "; ".join(data.scoring_versions) or translate("longitudinal", "no visit scored")
    line = translate(
        "longitudinal",
        "Scoring version: {versions}. Scores as stored with each visit; forms Katz (Hartford 0-6), Lawton-Brody "
        "(0-8, all domains for every sex), Charlson 1987 (index disease excluded).",
    ).format(versions=versions)
    line += wording_notice()
    return para(line, st.small)
