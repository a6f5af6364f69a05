"""The longitudinal report of one patient: trend charts, the visits table, one grid of item answers ×
visits, the signatures and the physician's trend reviews (issue 17).

The grid replaces the paragraphs that repeated each visit's whole cumulative list of changed items: each
item the visits answered differently has one row, its answer at every visit in words, a change since the
previous visit in bold on a shaded ground with ▲/▼ and a word; the items whose answer never changed are
said in one line under their form. Pages grow with the visits, not with their square.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from .. import i18n
from ..domain.records import PatientView, VisitView
from ..forms import messages, registry, vocabulary
from ..forms.change import VisitChange
from ..forms.instrument import Instrument
from ..i18n import QT_TRANSLATE_NOOP, translate
from .changes import COMPARED, INCOMPLETE, NO_BASELINE, delta_cell, is_decline, watermark
from .charts import Axis, TrendPoint, date_range, trend_chart, trend_legend
from .data import LongitudinalData, ReportSettings, check_texts
from .fonts import FONT, FONT_BOLD, string_width
from .layout import (
    DECLINE,
    Styles,
    build,
    frame_width,
    grid_style,
    para,
    pct,
    standard_footer,
    styles,
    text,
    title_block,
    watermarked,
    wording_notice,
)
from .visit_summary import patient_id
from .wording import short_answer

TITLE = QT_TRANSLATE_NOOP("longitudinal", "Geriatric assessment — longitudinal report")
LEGEND = QT_TRANSLATE_NOOP(
    "longitudinal",
    "How to read this report. Katz ADL (0-6) and Lawton IADL (0-8): higher = more independent, so a fall is a "
    "decline. Charlson CCI (unadjusted) and the IMWG frailty score (0-5): higher = worse, so a rise is a decline. "
    "IMWG categories: 0 fit, 1 intermediate, ≥ 2 frail (shaded bands). Change (Δ) = this visit − its baseline, "
    "the most recent baseline on or before the visit; ▲ marks a rise and ▼ a fall, followed by what it means for "
    "that score: “{declined}” or “{improved}”. “{no_baseline}” and “{incomplete}” are never counted as 0. "
    "Months since baseline = days ÷ 30.44. Baseline column: the date of the baseline a visit is compared with; "
    "a marked baseline was chosen by the clinic; a re-marked baseline is a later marked one, the comparator of "
    "the visits after it; a derived baseline is the earliest visit with Katz, Lawton and Charlson complete, "
    "when no visit is marked. Numbered dashed lines on the charts = treatment milestones.",
)
GRID_LEGEND = QT_TRANSLATE_NOOP(
    "longitudinal",
    "Each column is a visit. A cell gives the answer in the words of the form where it changed since the "
    "previous visit (in bold on a shaded ground, with ▲/▼ and a word for the way its points moved and what "
    "that means) and in each block's first column; “{same}” where the answer is the one in the cell to its "
    "left. Items whose answer never changed are listed once, above the grid.",
)
SAME = QT_TRANSLATE_NOOP("longitudinal", "same")
EVERY_VISIT = QT_TRANSLATE_NOOP("longitudinal", "The same answer at every visit:")
ONLY_VISIT = QT_TRANSLATE_NOOP("longitudinal", "Answers at the only visit:")
# "incomplete" broken where a narrow score column needs it (a hyphen, never mid-word without one); a
# language whose word fits leaves it whole.
INCOMPLETE_BROKEN = QT_TRANSLATE_NOOP("longitudinal", "incom-|plete")
NARROW = 0.041  # the share of the Katz and CCI columns: "incom-" on one line
IMWG_CHART = QT_TRANSLATE_NOOP("longitudinal", "IMWG frailty score (0-5, higher = frailer)")
# (score key, y axis top, IMWG bands?): the IMWG score, then every score the registry follows; an optional
# instrument (G8) is charted only for a patient who has it.
CHART_KEYS = (("imwg_score", 5, True),) + tuple(
    (k.key, i.y_range[1], False) for k in registry.CHANGE_KEYS if (i := registry.instrument_of(k.key)) is not None
)
IDENTITY_COLUMNS = pct(0.1, 0.23, 0.1, 0.23, 0.1, 0.24)
CELL_SIZE = 7  # type of the table cells (points): the `cell` style of styles(8)
NOT_RECORDED = "—"  # an optional instrument not asked at the visit
GRID_LABEL = 0.19  # the item column's share of the grid's width
GRID_COLUMN = 64.0  # the narrowest visit column of the grid (points): blocks of about ten visits
CHANGED = colors.HexColor("#FFF1C7")
BASELINE_ROW = colors.HexColor("#EAF0F8")
FORM_ROW = colors.HexColor("#F1F3F6")
Row = tuple[VisitView, VisitChange]


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
        declined=messages.words(messages.DECLINED),
        improved=messages.words(messages.IMPROVED),
        no_baseline=messages.words(NO_BASELINE),
        incomplete=messages.words(INCOMPLETE),
    )


def report_styles() -> Styles:
    """styles(8), headings kept with what follows them (never stranded at the foot of a page)."""
    st = styles(8)
    small = ParagraphStyle("small7", parent=st.small, fontSize=7, leading=8.75)  # never under 7 pt
    return replace(st, h2=ParagraphStyle("h2k", parent=st.h2, keepWithNext=1), small=small)


def render_longitudinal(data: LongitudinalData, settings: ReportSettings, stream: BinaryIO) -> None:
    """Write the longitudinal PDF of one patient to `stream` (landscape A4, any number of pages)."""
    check_texts(settings.texts(), data.texts())
    st, p = report_styles(), data.patient
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
            Spacer(1, 5),
            _charts(data),
            para(translate("longitudinal", "Visits"), st.h2),
            _visit_table(data, settings, st),
            *_item_grid(data, settings, st),
        ]
    else:
        story.append(para(translate("longitudinal", "No visits recorded."), st.h2))
    story += _signatures(data, settings, st)
    story.append(
        KeepTogether([*_reviews(data, settings, st), Spacer(1, 6), _versions(data, st)])
    )  # never a page of footnote alone
    left = (
        translate("longitudinal", "Patient {study_id}").format(study_id=patient_id(p))
        + (f" ({p.name})" if p.name else "")
        + translate("longitudinal", " · longitudinal report")
    )
    footer = standard_footer(settings, left, settings.fmt(data.generated_on))
    build(
        stream,
        story,
        watermarked(footer, watermark([v for v, _ in data.rows])),
        f"{translate('longitudinal', TITLE)}: {p.study_id}",
        wide=True,
        settings=settings,
        subject=left,
    )


def _identity(p: PatientView, settings: ReportSettings, st: Styles) -> Table:
    """Who the report is about, in three label/value pairs per row."""
    disease = vocabulary.disease(p.index_disease) or translate("longitudinal", "not recorded")
    cells = [
        (translate("longitudinal", "Patient ID"), patient_id(p)),
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


# -- charts ------------------------------------------------------------------------------------------


def _charts(data: LongitudinalData) -> Flowable:
    days = [v.visit_date for v, _ in data.rows] + [m.date for m in data.patient.milestones]
    start, end = date_range(days)
    marks = [m.date for m in milestones(data.patient)]
    shown = set(_shown(data))
    per_row = 2 if len(shown) <= 4 else 3  # two rows of charts always fit under the first page's header
    width = frame_width(wide=True) / per_row - 6
    drawings = []
    for key, y_max, bands in CHART_KEYS:
        if key not in shown:
            continue
        inst = registry.instrument_of(key)
        points = [
            TrendPoint(v.visit_date, registry.change_value(v.scores, key), c.is_baseline, v.status == "signed")
            for v, c in data.rows
            if inst is None or inst.recorded(v.scores)  # an optional instrument not asked is no point at all
        ]
        top = max([y_max] + [pt.value for pt in points if pt.value is not None])
        drawings.append(trend_chart(_chart_title(key), points, Axis(start, end, top), marks, width, 150, bands))
    grid = [drawings[i : i + per_row] + [""] * (i + per_row - len(drawings)) for i in range(0, len(drawings), per_row)]
    table = Table(grid, colWidths=pct(*[1 / per_row] * per_row))
    table.setStyle(grid_style(header_rows=0, extra=[("GRID", (0, 0), (-1, -1), 0, colors.white)]))
    return KeepTogether([trend_legend(frame_width(wide=True)), Spacer(1, 2), table])


def _shown(data: LongitudinalData) -> tuple[str, ...]:
    """The followed scores this report charts: every required one, an optional one only when recorded."""
    out = []
    for k in registry.CHANGE_KEYS:
        inst = registry.instrument_of(k.key)
        if inst is None or inst.required or any(inst.recorded(v.scores) for v, _ in data.rows):
            out.append(k.key)
    return tuple(out)


# -- the visits table --------------------------------------------------------------------------------

VALUE_KEYS = tuple(
    k for k in (c.key for c in registry.CHANGE_KEYS) if (i := registry.instrument_of(k)) is None or i.required
)
OPTIONAL = ("ecog", "g8")  # an optional instrument's column: its value, or — when not asked


def _optional_shown(data: LongitudinalData) -> tuple[str, ...]:
    """ECOG always (the simplified score needs it); G8 when any visit recorded it."""
    return tuple(
        c for c in OPTIONAL if c == "ecog" or any(registry.BY_CODE[c].recorded(v.scores) for v, _ in data.rows)
    )


def _header(optional: tuple[str, ...]) -> list[str]:
    names = [_short(k) for k in VALUE_KEYS]
    return [
        translate("longitudinal", "Date"),
        translate("longitudinal", "Timepoint"),
        translate("longitudinal", "Status"),
        translate("longitudinal", "Answered by"),
        translate("longitudinal", "Months since baseline"),
        *names[:-1],
        translate("longitudinal", "IMWG score and category"),
        *(vocabulary.short_title(registry.BY_CODE[c]) for c in optional),
        *(f"Δ {_short(k)}" for k in VALUE_KEYS),
        translate("longitudinal", "Since the previous visit"),
        translate("longitudinal", "Baseline"),
    ]


FIRST_VALUE = 5  # the columns before the scores: date, timepoint, status, respondent, months
FIRST_VALUES = FIRST_VALUE + len(VALUE_KEYS)  # after the scores (the IMWG one with its category)


def _delta_share() -> float:
    """The share of a change column: its widest cell ("+2 ▲ improved", "−2 ▼ 下降") on one line."""
    widest = max(
        [
            string_width(f"−2 {messages.FALL} {messages.words(w)}", FONT, CELL_SIZE)
            for w in (messages.DECLINED, messages.IMPROVED)
        ]
        + [string_width(f"Δ {word}", FONT_BOLD, CELL_SIZE) for k in VALUE_KEYS for word in _short(k).split()[:1]]
    )
    return (widest + 2 * 3 + 1) / frame_width(wide=True)


def _widths(optional: tuple[str, ...]) -> list[str]:
    """Each column as wide as its longest word needs (7 pt), so nothing breaks inside a word; a change
    fits its cell on one line. What is left goes to the changes since the previous visit."""
    date = 0.075 if i18n.is_chinese() else 0.063  # "2021年12月31日" is wider than "2021-12-31"
    own = [date, 0.076, 0.057, 0.063, 0.054]
    values = (
        [NARROW, 0.047, NARROW][: len(VALUE_KEYS) - 1] + [0.07] + [0.037 if c == "ecog" else 0.028 for c in optional]
    )
    deltas = [_delta_share()] * len(VALUE_KEYS)
    baseline = date
    since = 1 - sum(own) - sum(values) - sum(deltas) - baseline
    return pct(*own, *values, *deltas, since, baseline)


def _value(v: VisitView, key: str) -> str:
    value, inst = registry.change_value(v.scores, key), registry.instrument_of(key)
    if inst is not None and not inst.recorded(v.scores):
        return NOT_RECORDED
    return messages.words(INCOMPLETE) if value is None else _number(value)


def _narrow(value: str, st: Styles) -> Paragraph:
    """A score cell: "incomplete" hyphenated when the narrow column cannot hold it on one line."""
    if value != messages.words(INCOMPLETE) or string_width(value, FONT, CELL_SIZE) < NARROW * frame_width(True) - 6:
        return para(value, st.cell)
    head, _, tail = translate("longitudinal", INCOMPLETE_BROKEN).partition("|")
    return Paragraph(f"{text(head)}<br/>{text(tail)}" if tail else text(value), st.cell)


def _imwg(v: VisitView) -> str:
    """The IMWG score with its category: "3 frail"; "incomplete" once, never a score of 0."""
    imwg = v.scores.get("imwg")
    if not imwg:
        return messages.words(INCOMPLETE)
    return f"{imwg['score']} {messages.category_code_words(imwg['category'])}"


def _optional(v: VisitView, code: str) -> str:
    inst = registry.BY_CODE[code]
    if not inst.recorded(v.scores):
        return NOT_RECORDED
    value = inst.total_of(v.scores)
    return messages.words(INCOMPLETE) if value is None else _number(value)


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def since_previous(c: VisitChange) -> str:
    """The scores that moved since the previous visit, each with its arrow and meaning; "no change" when
    none moved; an incomplete side said so; "—" at the first visit."""
    if c.change_from_previous is None:
        return "—"
    parts, missing = [], []
    for key in VALUE_KEYS:
        value = c.change_from_previous.get(key)
        if value is None:
            missing.append(_short(key))
        elif value != 0:
            parts.append(f"{_short(key)} {delta_cell(key, value)}")
    if missing:
        parts.append(
            translate("longitudinal", "{names}: {incomplete}").format(
                names=", ".join(missing), incomplete=messages.words(INCOMPLETE)
            )
        )
    return "; ".join(parts) or translate("longitudinal", "no change")


def baseline_note(v: VisitView, c: VisitChange, first_marked: int | None, settings: ReportSettings) -> str:
    """The baseline a row is compared with (its date), or how a baseline row came to be one: marked,
    re-marked (a later marked baseline replacing the earlier one) or derived (none marked)."""
    if c.is_baseline and v.is_baseline:
        if first_marked is not None and v.id != first_marked:
            return translate("longitudinal", "re-marked baseline")
        return translate("longitudinal", "marked baseline")
    if c.is_baseline:
        return translate("longitudinal", "derived baseline")
    if c.change_from_baseline is None:
        return messages.words(NO_BASELINE)
    return settings.fmt(c.baseline_date)


def _row_styles(i: int, c: VisitChange, first_delta: int) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    if c.is_baseline:
        out.append(("BACKGROUND", (0, i), (-1, i), BASELINE_ROW))
    if c.change_from_baseline is None:
        out.append(("SPAN", (first_delta, i), (first_delta + len(VALUE_KEYS) - 1, i)))
        return out
    for j, key in enumerate(VALUE_KEYS):
        if is_decline(key, c.change_from_baseline.get(key)):
            out.append(("TEXTCOLOR", (first_delta + j, i), (first_delta + j, i), DECLINE))
    return out


def _visit_table(data: LongitudinalData, settings: ReportSettings, st: Styles) -> Table:
    """Every visit; the header row repeats on each page."""
    optional = _optional_shown(data)
    rows: list[list[Any]] = [[para(h, st.cell_bold) for h in _header(optional)]]
    extra: list[tuple[Any, ...]] = []
    marked = [v.id for v, c in data.rows if c.is_baseline and v.is_baseline]
    for i, (v, c) in enumerate(data.rows, start=1):
        months = "—" if c.months_from_baseline is None else f"{c.months_from_baseline:.1f}"
        cells: list[Any] = [
            para(settings.fmt(v.visit_date), st.cell),
            para(vocabulary.timepoint(v.timepoint), st.cell),
            vocabulary.word(v.status),
            para(vocabulary.word(v.respondent) or NOT_RECORDED, st.cell),
            months,
            *(_narrow(_value(v, k), st) for k in VALUE_KEYS[:-1]),
            para(_imwg(v), st.cell),
            *(para(_optional(v, code), st.cell) for code in optional),
        ]
        if c.change_from_baseline is None:
            cells += [para(messages.words(NO_BASELINE), st.cell)] + [""] * (len(VALUE_KEYS) - 1)
        else:
            cells += [para(delta_cell(k, c.change_from_baseline.get(k)), st.cell) for k in VALUE_KEYS]
        cells += [
            para(since_previous(c), st.cell),
            para(baseline_note(v, c, marked[0] if marked else None, settings), st.cell),
        ]
        rows.append(cells)
        extra += _row_styles(i, c, FIRST_VALUES + len(optional))
    table = Table(rows, colWidths=_widths(optional), repeatRows=1)
    table.setStyle(grid_style(extra=[("FONT", (0, 1), (-1, -1), FONT, CELL_SIZE), *extra]))
    return table


# -- the grid of item answers × visits ---------------------------------------------------------------


@dataclass(frozen=True)
class GridCell:
    words: str
    changed: bool  # differs from the previous visit's cell
    mark: str = ""  # "▼ declined" / "▲ improved" when the item's points moved


def _cell_words(inst: Instrument, v: VisitView, item_code: str) -> tuple[str, Any]:
    """(the answer in words, the option's points or None) of one item at one visit."""
    state = v.instruments.get(inst.code)
    if state is None or (state.answers is None and state.total is None):
        return (messages.words(messages.NOT_ANSWERED) if inst.required else NOT_RECORDED), None
    if state.not_assessable_reason:
        return translate("longitudinal", "not assessable"), None
    if state.answers is None:
        return translate("longitudinal", "total only"), None
    item = inst.spec.item(item_code)
    option = inst.to_option(item, state.answers.get(item_code))
    if option is None:
        return messages.words(messages.NOT_ANSWERED), None
    return short_answer(inst, item, option), option.points


def _grid_rows(
    inst: Instrument, visits: list[VisitView]
) -> tuple[list[tuple[str, list[GridCell]]], list[tuple[str, str]]]:
    """(items whose answer changed: label and one cell per visit; items that never changed: label, answer)."""
    changing, constant = [], []
    sign = -registry.DECLINE_SIGN[inst.change.key] if inst.change else 1  # points up = better for Katz
    for item in inst.spec.items:
        label = translate(inst.code, item.label)
        answers = [_cell_words(inst, v, item.code) for v in visits]
        if len({w for w, _ in answers}) == 1:
            constant.append((label, answers[0][0]))
            continue
        cells, before = [], None
        for words, points in answers:
            changed = before is not None and words != before[0]
            mark = ""
            if changed and points is not None and before is not None and before[1] is not None and points != before[1]:
                better = (points - before[1]) * sign > 0
                arrow = messages.RISE if points > before[1] else messages.FALL
                mark = f"{arrow} {messages.words(messages.IMPROVED if better else messages.DECLINED)}"
            cells.append(GridCell(words, changed, mark))
            before = (words, points)
        changing.append((label, cells))
    return changing, constant


def _visit_head(v: VisitView, c: VisitChange, settings: ReportSettings) -> str:
    head = f"{settings.fmt(v.visit_date)} {vocabulary.timepoint(v.timepoint)}"
    if c.is_baseline:
        head += " · " + translate("longitudinal", "baseline")
    return head


def _item_grid(data: LongitudinalData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    """The grid, in blocks of visits side by side; a block's header row repeats on a new page."""
    visits = [v for v, _ in data.rows]
    forms = [i for i in COMPARED if i.required or any(i.recorded(v.scores) for v in visits)]
    same = translate("longitudinal", SAME)
    out: list[Flowable] = [
        para(translate("longitudinal", "Item answers at each visit"), st.h2),
        para(translate("longitudinal", GRID_LEGEND).format(same=same), st.small),
        Spacer(1, 2),
    ]
    content = [(inst, *_grid_rows(inst, visits)) for inst in forms]
    unchanged = [(inst, constant) for inst, _, constant in content if constant]
    if unchanged:
        out.append(para(translate("longitudinal", EVERY_VISIT if len(visits) > 1 else ONLY_VISIT), st.cell_bold))
    for inst, constant in unchanged:
        by_answer: dict[str, list[str]] = {}
        for label, words in constant:
            by_answer.setdefault(words, []).append(label)
        said = "; ".join(
            translate("longitudinal", "{items}: {answer}").format(answer=a, items=", ".join(items))
            for a, items in by_answer.items()
        )
        out.append(para(f"{vocabulary.short_title(inst)} — {said}.", st.cell))
    if not any(c[1] for c in content):
        out.append(para(_no_grid(visits, forms), st.body))
        return out
    content = [c for c in content if c[1]]
    width = frame_width(wide=True)
    per_block = max(1, int(width * (1 - GRID_LABEL) // GRID_COLUMN))
    per_block = -(-len(visits) // -(-len(visits) // per_block))  # blocks of even size: 60 visits → 6 × 10
    for start in range(0, len(visits), per_block):
        block = range(start, min(start + per_block, len(visits)))
        out += [Spacer(1, 4), _grid_block(content, data, block, per_block, settings, st)]
    return out


def _no_grid(visits: list[VisitView], forms: list[Instrument]) -> str:
    """Why there is no grid, true for the data: one visit, no answer given item by item, or none changed."""
    if len(visits) == 1:
        return translate("longitudinal", "One visit: no answer to compare with another visit.")
    itemised = any(
        (state := v.instruments.get(i.code)) is not None and state.answers and not state.not_assessable_reason
        for v in visits
        for i in forms
    )
    if not itemised:
        return translate(
            "longitudinal",
            "No visit has answers item by item (totals from paper records, or not answered): items cannot be compared.",
        )
    return translate("longitudinal", "No item answer changed from one visit to the next.")


def _grid_block(
    content: list[tuple[Instrument, list[tuple[str, list[GridCell]]], list[tuple[str, str]]]],
    data: LongitudinalData,
    block: range,
    per_block: int,
    settings: ReportSettings,
    st: Styles,
) -> Table:
    n = len(block)
    head = [para(translate("longitudinal", "Item"), st.cell_bold)] + [
        para(_visit_head(*data.rows[i], settings), st.cell_bold) for i in block
    ]
    rows: list[list[Any]] = [head]
    extra: list[tuple[Any, ...]] = []
    for i in block:
        if data.rows[i][1].is_baseline:
            extra.append(("BACKGROUND", (i - block.start + 1, 0), (i - block.start + 1, 0), BASELINE_ROW))
    bold = ParagraphStyle("gridchanged", parent=st.cell, fontName=FONT_BOLD)
    faint = ParagraphStyle("gridsame", parent=st.cell, textColor=colors.HexColor("#777777"))
    same = translate("longitudinal", SAME)
    for inst, changing, _ in content:
        r = len(rows)
        rows.append([para(vocabulary.short_title(inst), st.cell_bold)] + [""] * n)
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), FORM_ROW)]
        for label, cells in changing:
            r = len(rows)
            line: list[Any] = [para(label, st.cell)]
            for j, i in enumerate(block, start=1):
                cell = cells[i]
                if cell.changed:
                    line.append(para(cell.words + (f" {cell.mark}" if cell.mark else ""), bold))
                    extra.append(("BACKGROUND", (j, r), (j, r), CHANGED))
                elif j == 1 or i == 0:
                    line.append(para(cell.words, st.cell))
                else:
                    line.append(para(same, faint))
            rows.append(line)
    width = frame_width(wide=True)  # a last, shorter block keeps the columns of the others
    share = width * (1 - GRID_LABEL) / per_block
    table = Table(rows, colWidths=[width * GRID_LABEL] + [share] * n, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style(extra=extra))
    return table


# -- sign-off --------------------------------------------------------------------------------------


def _signatures(data: LongitudinalData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    """Each signed visit's electronic signature (or that it is no longer valid), in visit order; the
    visits table's Status column says which are not signed."""
    lines = [(v, line) for v, _ in data.rows if (line := messages.signature_line(v)) is not None]
    if not data.rows:
        return []
    out: list[Flowable] = [para(translate("longitudinal", "Signatures"), st.h2)]
    if not lines:
        out.append(para(translate("longitudinal", "No visit is signed."), st.body))
    for v, line in lines:
        out.append(para(f"{settings.fmt(v.visit_date)} {vocabulary.timepoint(v.timepoint)}: {line}", st.cell))
    return out


def _reviews(data: LongitudinalData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    """The physician's trend reviews close the report: who reviewed the trend, on what date, recorded when."""
    out: list[Flowable] = [para(translate("longitudinal", "Trend reviews"), st.h2)]
    if not data.reviews:
        out.append(para(translate("longitudinal", "No trend review has been recorded for this patient."), st.body))
        return out
    for r in data.reviews:
        who = f"{r.full_name} ({r.author})" if r.full_name else r.author
        line = translate("longitudinal", "{fmt}: trend reviewed by {who}, recorded {time}").format(
            fmt=settings.fmt(r.note_date), who=who, time=messages.local_time(r.recorded_at)
        )
        out.append(para(line + (f" — {r.text}" if r.text else ""), st.body))
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
