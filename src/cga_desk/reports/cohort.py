"""The cohort summary: what is counted and how it is compared, IMWG categories and change from baseline per
timepoint, the worklist and overdue timepoints.

A summary, not a listing (docs/clinical-decisions.md, "Cohort summary"): landscape A4; the timepoint
tables have one row per timepoint; each list of patients prints its counts and at most `LISTED` patients,
and says where the others are (the window's cohort view, the analysis dataset). So the page count depends
on the number of timepoints, never on the number of patients (`page_bound`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any, BinaryIO

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..forms import messages, registry, vocabulary
from ..forms.change import CHANGE_SCORES
from ..i18n import translate
from .changes import MINUS, is_decline
from .charts import CATEGORY_COLOURS, FAINT, GRIDLINE
from .data import CategoryRow, CohortReportData, MeanChangeRow, ReportSettings, WorklistRow, check_texts
from .fonts import FONT, string_width
from .layout import Styles, build, frame_width, grid_style, para, pct, standard_footer, styles

CATEGORIES = ("fit", "intermediate", "frail", "incomplete")
LISTED = 20  # patients printed per list (worklist, overdue, no due date); the rest are counted
LAST_SEEN_MONTHS = 6  # "not seen for more than six months", said of patients without due dates
CHART_HEIGHT = 170
LABEL_SIZE = 6.5  # points, the chart's axis labels and counts
WIDE_SLOT = 48  # a bar slot at least this wide carries its timepoint's name; narrower ones a number


def page_bound(timepoints: int) -> int:
    """The most pages the summary takes for this many timepoints, whatever the number of patients: four
    for the title, the chart and the three lists of at most LISTED patients (each kept whole with its
    heading, so each may start a page), plus the three timepoint tables (categories, change, overdue per
    timepoint) at 25 rows a page (a row is one line; a landscape page holds about 40)."""
    return 4 + math.ceil(3 * max(timepoints, 1) / 25)


def render_cohort(data: CohortReportData, settings: ReportSettings, stream: BinaryIO) -> None:
    """Write the cohort summary PDF to `stream` (landscape A4, at most `page_bound` pages)."""
    from .layout import title_block

    check_texts(settings.texts(), data.texts())
    st = styles(8.5)
    st.h2.keepWithNext = 1  # a heading never ends a page (this report's own styles object)
    story: list[Flowable] = [
        title_block(settings, data.title, st),
        Spacer(1, 4),
        para(
            translate(
                "cohort", "Filters: {filters} · {n_patients} patients · {n_visits} visits · printed {fmt}"
            ).format(
                filters=data.filters,
                n_patients=data.n_patients,
                n_visits=data.n_visits,
                fmt=settings.fmt(data.generated_on),
            ),
            st.body,
        ),
        *_policy(data, st),
        *_categories(data, st),
        *_mean_changes(data, st),
        *_worklist(data, settings, st),
        *_overdue(data, settings, st),
        *[para(note, st.small) for note in data.notes],
        Spacer(1, 4),
        para(
            translate(
                "cohort",
                "A summary: each list prints at most {listed} patients. Every patient is in the window's cohort "
                "view (File > Cohort view) and in the analysis dataset.",
            ).format(listed=LISTED),
            st.small,
        ),
    ]
    build(
        stream,
        story,
        standard_footer(settings, data.title, settings.fmt(data.generated_on)),
        data.title,
        wide=True,
        subject=f"{data.title}: {data.filters}; {baseline_words(data)}; {drafts_words(data)}",
    )


# -- what is counted ----------------------------------------------------------------------------------


def drafts_words(data: CohortReportData) -> str:
    """Which visits are counted, said the same way on the page and in the PDF's subject."""
    if data.include_drafts:
        return translate("cohort", "Draft visits included (on request): their scores are not final.")
    return translate(
        "cohort",
        "Complete and signed visits only; draft visits left out (neither counted nor used as a baseline): {n}.",
    ).format(n=data.drafts_left_out)


def baseline_words(data: CohortReportData) -> str:
    """The baseline policy in one sentence."""
    if data.first_baseline:
        return translate(
            "cohort",
            "Change from the first baseline: every visit is compared with the patient's first baseline, the protocol's comparator, also after a re-baselining (patients re-baselined: {n}).",
        ).format(n=data.rebaselined)
    return translate(
        "cohort",
        "Change from the latest baseline: every visit is compared with the patient's most recent baseline on or before it (patients re-baselined, compared with their new baseline from then on: {n}).",
    ).format(n=data.rebaselined)


def _policy(data: CohortReportData, st: Styles) -> list[Flowable]:
    how = translate(
        "cohort",
        "Chosen with --include-drafts and --baseline first|latest (cga-desk report --cohort), or in the "
        "window's cohort view.",
    )
    return [Spacer(1, 2), para(drafts_words(data), st.body), para(baseline_words(data), st.body), para(how, st.small)]


# -- categories ---------------------------------------------------------------------------------------


def _categories(data: CohortReportData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(translate("cohort", "IMWG frailty category per timepoint"), st.h2)]
    if not data.categories:
        return out + [para(translate("cohort", "No visits."), st.body)]
    chart, numbered = category_chart(data.categories, frame_width(wide=True), CHART_HEIGHT)
    out.append(chart)
    if numbered:
        out.append(
            para(
                translate(
                    "cohort",
                    "Too many timepoints to name under the bars: they are numbered as the rows of the table "
                    "below (every bar is drawn; a number is left out where it would touch its neighbour).",
                ),
                st.small,
            )
        )
    heads = (
        translate("cohort", "No."),
        translate("cohort", "Timepoint"),
        "n",
        *(messages.category_code_words(k) or messages.words(messages.INCOMPLETE) for k in CATEGORIES),
    )
    rows: list[list[Any]] = [[para(h, st.cell_bold) for h in heads]]
    for number, c in enumerate(data.categories, start=1):
        rows.append(
            [str(number), para(vocabulary.timepoint(c.timepoint), st.cell), str(c.n)]
            + [_share(getattr(c, k), c.n) for k in CATEGORIES]
        )
    table = Table(rows, colWidths=pct(0.05, 0.35, 0.08, 0.13, 0.13, 0.13, 0.13), repeatRows=1)
    table.setStyle(grid_style(extra=[("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "RIGHT")]))
    return out + [Spacer(1, 4), table]


def _share(count: int, n: int) -> str:
    return f"{count} ({round(100 * count / n)} %)" if n else "0"


def category_chart(rows: Sequence[CategoryRow], width: float, height: float) -> tuple[Drawing, bool]:
    """Stacked bars of the IMWG categories per timepoint, with n above a bar and a count inside a segment
    where it fits across. Under a wide bar its timepoint's name (wrapped); under narrow ones the row
    number of the table, thinned to every k-th bar so that no two labels touch (True is returned: the
    bars are numbered). Nothing is turned or slanted."""
    x0, right, legend_h, label_h = 28.0, 6.0, 14.0, 26.0
    plot_w = width - x0 - right
    slot = plot_w / max(1, len(rows))
    numbered = slot < WIDE_SLOT
    d = Drawing(width, height)
    y0, top = label_h, height - legend_h - 10
    most = max([c.n for c in rows] + [1])
    scale = (top - y0) / most
    step = _nice_step(most)
    for v in range(0, most + 1, step):
        y = y0 + v * scale
        d.add(Line(x0, y, x0 + plot_w, y, strokeColor=GRIDLINE, strokeWidth=0.3))
        d.add(String(x0 - 3, y - 2.3, str(v), fontName=FONT, fontSize=6, textAnchor="end"))
    for i, c in enumerate(rows):
        x, w = x0 + i * slot + slot * 0.15, slot * 0.7
        y = y0
        for category in CATEGORIES:
            count = getattr(c, category)
            if not count:
                continue
            h = count * scale
            d.add(Rect(x, y, w, h, fillColor=CATEGORY_COLOURS[category], strokeColor=colors.white, strokeWidth=0.3))
            text = str(count)
            if h >= 8 and string_width(text, FONT, LABEL_SIZE) <= w - 1:  # colour is never the only cue
                d.add(_label(x + w / 2, y + h / 2 - 2.3, text, colors.white))
            y += h
        n = f"n={c.n}"
        if string_width(n, FONT, LABEL_SIZE) <= slot - 2:
            d.add(_label(x + w / 2, y + 2, n, colors.black))
    for x, lines in axis_labels([c.timepoint for c in rows], x0, slot):
        for j, line in enumerate(lines):
            d.add(_label(x, y0 - 8 - 7 * j, line, colors.black, size=LABEL_SIZE if numbered else 5.8))
    _legend(d, x0, height - legend_h + 4)
    return d, numbered


def axis_labels(timepoints: Sequence[str], x0: float, slot: float) -> list[tuple[float, list[str]]]:
    """(centre x, lines) of each label under the bars: the timepoint's name wrapped under a wide slot;
    else its row number under every k-th bar, k the smallest step at which the widest number fits with a
    gap of two points (so at 50,000 patients and sixty timepoints nothing overlaps)."""
    centres = [x0 + (i + 0.5) * slot for i in range(len(timepoints))]
    if slot >= WIDE_SLOT:
        return [(x, _wrap(vocabulary.timepoint(t), slot - 4)) for x, t in zip(centres, timepoints)]
    widest = max(string_width(str(i), FONT, LABEL_SIZE) for i in range(1, len(timepoints) + 1))
    every = max(1, math.ceil((widest + 2) / slot))
    return [(centres[i], [str(i + 1)]) for i in range(0, len(timepoints), every)]


def _wrap(label: str, room: float) -> list[str]:
    """Words on at most three lines of `room` points (5.8 pt); a word too long for a line is cut."""
    lines: list[str] = []
    for word in label.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and string_width(joined, FONT, 5.8) <= room:
            lines[-1] = joined
        else:
            lines.append(word)
    out = lines[:3]
    return [_cut(line, room) for line in out]


def _cut(line: str, room: float) -> str:
    while len(line) > 1 and string_width(line, FONT, 5.8) > room:
        line = line[:-2] + "…"
    return line


def _label(x: float, y: float, text: str, colour: object, size: float = LABEL_SIZE) -> String:
    return String(x, y, text, fontName=FONT, fontSize=size, fillColor=colour, textAnchor="middle")


def _nice_step(most: int) -> int:
    """A grid step of 1, 2 or 5 times a power of ten giving at most five lines."""
    step = 1
    while most / step > 5:
        for factor in (2, 5, 10):
            if most / (step * factor) <= 5 or factor == 10:
                step *= factor
                break
    return step


def _legend(d: Drawing, x: float, y: float) -> None:
    for category in CATEGORIES:
        words = messages.category_code_words(category) or messages.words(messages.INCOMPLETE)
        d.add(Rect(x, y, 7, 7, fillColor=CATEGORY_COLOURS[category], strokeColor=None))
        d.add(String(x + 10, y + 1, words, fontName=FONT, fontSize=7))
        x += 18 + string_width(words, FONT, 7)
    d.add(
        String(
            x + 6,
            y + 1,
            translate("cohort", "(IMWG categories: 0 fit, 1 intermediate, ≥ 2 frail; number of visits)"),
            fontName=FONT,
            fontSize=6.5,
            fillColor=FAINT,
        )
    )


# -- change from baseline -----------------------------------------------------------------------------


def number(value: float | None) -> str:
    """0.55 → "+0.55", −1 → "−1"; integers without decimals. Rounded before its sign is chosen: 0.003
    prints "0", never "+0" (nor "−0" for −0.004)."""
    if value is None:
        return "—"
    value = round(value, 2)
    text = f"{abs(value):.2f}".rstrip("0").rstrip(".")
    return ("+" if value > 0 else MINUS if value < 0 else "") + text


def mean_text(row: MeanChangeRow | None) -> str:
    """ "+0.55 ▲ worse": the sign, an arrow that goes the way of the number, and "worse" or "better" when
    the mean moved in the direction of decline or away from it; "no data" without a visit to compare."""
    if row is None or row.mean is None:
        return translate("cohort", "no data")
    mean = round(row.mean, 2)  # as printed: a mean of 0.003 is "0", with no arrow that says it rose
    if mean == 0:
        return "0"
    arrow = "▲" if mean > 0 else "▼"
    verdict = (
        translate("cohort", "worse") if is_decline(row.score, 1 if mean > 0 else -1) else translate("cohort", "better")
    )
    return f"{number(mean)} {arrow} {verdict}"


def median_text(row: MeanChangeRow | None) -> str:
    """ "0 [−1, 1]": the median, then the first and third quartiles."""
    if row is None or row.median is None:
        return "—"
    return f"{number(row.median)} [{number(row.q1)}, {number(row.q3)}]"


def _direction(key: str) -> str:
    """ "0-6, higher = more independent" in the report's language."""
    inst = registry.instrument_of(key)
    if inst is None:
        return "0-5, " + translate("directions", "higher = frailer")
    return f"{inst.spec.min_total}-{inst.spec.max_total}, {vocabulary.direction(inst)}"


def _mean_changes(data: CohortReportData, st: Styles) -> list[Flowable]:
    head = [para(translate("cohort", "Change from baseline per timepoint"), st.h2)]
    if not data.mean_changes:
        return head + [para(translate("cohort", "No visit with a baseline yet."), st.body)]
    by = {(r.timepoint, r.score): r for r in data.mean_changes}
    timepoints = list(dict.fromkeys(r.timepoint for r in data.mean_changes))
    scores = list(CHANGE_SCORES)
    first: list[Any] = [para(translate("cohort", "Timepoint"), st.cell_bold)]
    second: list[Any] = [""]
    for k in scores:
        first += [para(f"Δ {messages.score_label(k)} ({_direction(k)})", st.cell_bold), "", ""]
        second += [
            para("n", st.cell_bold),
            para(translate("cohort", "mean"), st.cell_bold),
            para(translate("cohort", "median [IQR]"), st.cell_bold),
        ]
    rows: list[list[Any]] = [first, second]
    for tp in timepoints:
        row: list[Any] = [para(vocabulary.timepoint(tp), st.cell)]
        for k in scores:
            r = by.get((tp, k))
            row += [str(r.n if r else 0), mean_text(r), median_text(r)]
        rows.append(row)
    widths = [0.134] + [0.036, 0.085, 0.108] * len(scores)
    table = Table(rows, colWidths=pct(*(w / sum(widths) for w in widths)), repeatRows=2)
    spans = [("SPAN", (1 + 3 * i, 0), (3 + 3 * i, 0)) for i in range(len(scores))]
    table.setStyle(
        grid_style(
            header_rows=2,
            extra=[
                *spans,
                ("SPAN", (0, 0), (0, 1)),
                ("ALIGN", (1, 2), (-1, -1), "RIGHT"),
                ("FONT", (1, 2), (-1, -1), FONT, 6.5),
                ("LEFTPADDING", (1, 2), (-1, -1), 2),
                ("RIGHTPADDING", (1, 2), (-1, -1), 2),
            ],
        )
    )
    note = para(
        translate(
            "cohort",
            "n: visits of that timepoint with a baseline and both scores complete. Mean, median and quartiles "
            "[first, third] of (visit − its baseline); quartiles by linear interpolation between the ordered "
            "values. ▲ the mean rose, ▼ it fell; worse: it moved in the direction of decline, better: away from it.",
        ),
        st.small,
    )
    return head + [table, Spacer(1, 2), note]


# -- worklist -----------------------------------------------------------------------------------------


def _why(w: WorklistRow, settings: ReportSettings) -> str:
    return w.reason + (
        translate("cohort", " (trend reviewed {fmt})").format(fmt=settings.fmt(w.reviewed_on)) if w.reviewed_on else ""
    )


def worklist_printed(rows: Sequence[WorklistRow]) -> list[WorklistRow]:
    """The worklist rows printed: not yet trend-reviewed first, then those whose category worsened, in
    study ID order within each; at most LISTED."""
    return sorted(rows, key=lambda w: (w.reviewed_on is not None, not w.worsened, w.study_id))[:LISTED]


def _worklist(data: CohortReportData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    head = para(translate("cohort", "Worklist"), st.h2)
    if not data.worklist:
        return [head, para(translate("cohort", "Nothing on the worklist."), st.body)]
    total = len(data.worklist)
    worsened = sum(w.worsened for w in data.worklist)
    reviewed = sum(w.reviewed_on is not None for w in data.worklist)
    count = translate(
        "cohort",
        "Patients on the worklist: {total} (IMWG category worse than at baseline: {worsened}; latest visit declined, category not worse: {declined}; with a trend-review note: {reviewed}).",
    ).format(total=total, worsened=worsened, declined=total - worsened, reviewed=reviewed)
    printed = worklist_printed(data.worklist)
    intro = (
        translate(
            "cohort", "The first {listed} (not yet reviewed first, then worsened categories, by study ID):"
        ).format(listed=len(printed))
        if total > len(printed)
        else ""
    )
    rows: list[list[Any]] = [
        [para(translate("cohort", "Patient"), st.cell_bold), para(translate("cohort", "Why"), st.cell_bold)]
    ]
    rows += [[para(w.study_id, st.cell), para(_why(w, settings), st.cell)] for w in printed]
    table = Table(rows, colWidths=pct(0.2, 0.8), repeatRows=1)
    table.setStyle(grid_style())
    lead = [head, para(count, st.body)] + ([para(intro, st.body)] if intro else [])
    return [KeepTogether([*lead, table])]  # at most LISTED rows: never a heading alone at a page's foot


# -- overdue ------------------------------------------------------------------------------------------


def _overdue(data: CohortReportData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    """Blocks each kept whole (never one inside another: reportlab then moves a block that would fit to
    the next page), the heading with the first."""
    head = para(translate("cohort", "Overdue timepoints"), st.h2)
    blocks: list[list[Flowable]] = []
    asof = settings.fmt(data.generated_on)
    if not data.overdue:
        if data.n_scheduled:
            blocks.append(
                [
                    para(
                        translate(
                            "cohort",
                            "No timepoint is overdue on {date} among the patients whose due dates can be computed ({n}).",
                        ).format(date=asof, n=data.n_scheduled),
                        st.body,
                    )
                ]
            )
        elif not data.unchecked:
            blocks.append([para(translate("cohort", "No patient in this selection."), st.body)])
    else:
        blocks += _overdue_tables(data, settings, st)
    blocks += _unchecked(data, settings, st)
    blocks = [[head, *blocks[0]], *blocks[1:]] if blocks else [[head]]
    return [KeepTogether(b) for b in blocks]


def _overdue_tables(data: CohortReportData, settings: ReportSettings, st: Styles) -> list[list[Flowable]]:
    patients = len({o.study_id for o in data.overdue})
    sentence = para(
        translate(
            "cohort",
            "Timepoints overdue on {date}: {k}; patients concerned: {p}, of the {n} whose due dates can be computed.",
        ).format(k=len(data.overdue), date=settings.fmt(data.generated_on), p=patients, n=data.n_scheduled),
        st.body,
    )
    per = Counter(o.timepoint for o in data.overdue)
    longest: dict[str, int] = {}
    for o in data.overdue:
        longest[o.timepoint] = max(longest.get(o.timepoint, 0), o.days_overdue)
    known = [c.timepoint for c in data.categories]
    order = [t for t in known if t in per] + sorted(set(per) - set(known))
    rows: list[list[Any]] = [
        [
            para(h, st.cell_bold)
            for h in (
                translate("cohort", "Timepoint"),
                translate("cohort", "Patients overdue"),
                translate("cohort", "Longest, days"),
            )
        ]
    ]
    rows += [[para(vocabulary.timepoint(t), st.cell), str(per[t]), str(longest[t])] for t in order]
    table = Table(rows, colWidths=pct(0.5, 0.25, 0.25), repeatRows=1)
    table.setStyle(grid_style(extra=[("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    printed = sorted(data.overdue, key=lambda o: (-o.days_overdue, o.study_id))[:LISTED]
    intro = (
        [para(translate("cohort", "The {listed} longest overdue:").format(listed=len(printed)), st.body)]
        if len(printed) < len(data.overdue)
        else []
    )
    heads = (
        translate("cohort", "Patient"),
        translate("cohort", "Timepoint"),
        translate("cohort", "Due date"),
        translate("cohort", "Days overdue"),
    )
    rows = [[para(h, st.cell_bold) for h in heads]]
    rows += [
        [
            para(o.study_id, st.cell),
            para(vocabulary.timepoint(o.timepoint), st.cell),
            settings.fmt(o.due),
            str(o.days_overdue),
        ]
        for o in printed
    ]
    listing = Table(rows, colWidths=pct(0.2, 0.4, 0.2, 0.2), repeatRows=1)
    listing.setStyle(grid_style(extra=[("ALIGN", (3, 1), (3, -1), "RIGHT")]))
    return [[sentence, table], [Spacer(1, 4), *intro, listing]]


def _months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, 28))


def _unchecked(data: CohortReportData, settings: ReportSettings, st: Styles) -> list[list[Flowable]]:
    """Patients none of whose timepoints has a due date: named, never counted as on time."""
    if not data.unchecked:
        return []
    cutoff = _months_before(data.generated_on, LAST_SEEN_MONTHS)
    never = sum(u.last_visit is None for u in data.unchecked)
    stale = sum(u.last_visit is not None and u.last_visit < cutoff for u in data.unchecked)
    text = translate(
        "cohort",
        "Patients who cannot be checked: {n}. No diagnosis date and no treatment milestone the schedule needs is recorded for them, so none of their timepoints has a due date and none can be overdue. Without a visit: {never}; last seen more than {months} months ago: {stale}.",
    ).format(n=len(data.unchecked), never=never, stale=stale, months=LAST_SEEN_MONTHS)
    printed = list(data.unchecked[:LISTED])
    rows: list[list[Any]] = [
        [para(translate("cohort", "Patient"), st.cell_bold), para(translate("cohort", "Last visit"), st.cell_bold)]
    ]
    rows += [
        [para(u.study_id, st.cell), settings.fmt(u.last_visit) if u.last_visit else translate("cohort", "never seen")]
        for u in printed
    ]
    table = Table(rows, colWidths=pct(0.3, 0.3), repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    intro = (
        translate("cohort", "The first {listed} (never seen first, then the longest unseen):").format(
            listed=len(printed)
        )
        if len(printed) < len(data.unchecked)
        else ""
    )
    return [[Spacer(1, 4), para(text, st.body), *([para(intro, st.body)] if intro else []), table]]
