"""The cohort summary: IMWG categories and mean change per timepoint, the worklist and overdue timepoints."""

from __future__ import annotations

from typing import Any, BinaryIO

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..forms import messages, registry, vocabulary
from ..forms.change import CHANGE_SCORES
from ..i18n import translate
from .changes import MINUS, is_decline
from .charts import StackedBar, stacked_bars
from .data import CohortReportData, MeanChangeRow, ReportSettings, WorklistRow, check_texts
from .layout import Styles, build, frame_width, grid_style, para, pct, standard_footer, styles

CATEGORIES = ("fit", "intermediate", "frail", "incomplete")


def render_cohort(data: CohortReportData, settings: ReportSettings, stream: BinaryIO) -> None:
    """Write the cohort summary PDF to `stream` (portrait A4, usually one or two pages)."""
    from .layout import title_block

    check_texts(settings.texts(), data.texts())
    st = styles(8.5)
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
        *_categories(data, st),
        *_mean_changes(data, st),
        *_worklist(data, settings, st),
        *_overdue(data, settings, st),
        *[para(note, st.small) for note in data.notes],
    ]
    build(stream, story, standard_footer(settings, data.title, settings.fmt(data.generated_on)), data.title)


def _categories(data: CohortReportData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(translate("cohort", "IMWG frailty category per timepoint"), st.h2)]
    if not data.categories:
        return out + [para(translate("cohort", "No visits."), st.body)]
    bars = [StackedBar(c.timepoint, tuple((k, getattr(c, k)) for k in CATEGORIES)) for c in data.categories]
    out.append(stacked_bars(bars, frame_width(), 190))
    heads = (
        translate("cohort", "Timepoint"),
        "n",
        *(messages.category_code_words(k) or messages.words(messages.INCOMPLETE) for k in CATEGORIES),
    )
    rows: list[list[Any]] = [[para(h, st.cell_bold) for h in heads]]
    for c in data.categories:
        rows.append(
            [para(vocabulary.timepoint(c.timepoint), st.cell), str(c.n)]
            + [_share(getattr(c, k), c.n) for k in CATEGORIES]
        )
    table = Table(rows, colWidths=pct(0.3, 0.1, 0.15, 0.15, 0.15, 0.15), repeatRows=1)
    table.setStyle(grid_style(extra=[("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    return out + [Spacer(1, 4), table]


def _share(count: int, n: int) -> str:
    return f"{count} ({round(100 * count / n)} %)" if n else "0"


def mean_text(row: MeanChangeRow | None) -> str:
    """ "−0.50 ▼ (n=4)"; "no data" when no visit had a baseline and a complete score."""
    if row is None or row.mean is None:
        return translate("cohort", "no data")
    sign = "+" if row.mean > 0 else MINUS if row.mean < 0 else ""
    mark = " ▼" if is_decline(row.score, 1 if row.mean > 0 else -1 if row.mean < 0 else 0) else ""
    return f"{sign}{abs(row.mean):.2f}{mark} (n={row.n})"


def _direction(key: str) -> str:
    """ "0-6, higher = more independent" in the report's language."""
    inst = registry.instrument_of(key)
    if inst is None:
        return "0-5, " + translate("directions", "higher = frailer")
    return f"{inst.spec.min_total}-{inst.spec.max_total}, {vocabulary.direction(inst)}"


def _mean_changes(data: CohortReportData, st: Styles) -> list[Flowable]:
    head = [para(translate("cohort", "Mean change from baseline per timepoint"), st.h2)]
    if not data.mean_changes:
        return head + [para(translate("cohort", "No visit with a baseline yet."), st.body)]
    by = {(r.timepoint, r.score): r for r in data.mean_changes}
    timepoints = list(dict.fromkeys(r.timepoint for r in data.mean_changes))
    rows: list[list[Any]] = [
        [para(translate("cohort", "Timepoint"), st.cell_bold)]
        + [para(f"Δ {messages.score_label(k)} ({_direction(k)})", st.cell_bold) for k in CHANGE_SCORES]
    ]
    rows += [
        [para(vocabulary.timepoint(tp), st.cell)] + [mean_text(by.get((tp, k))) for k in CHANGE_SCORES]
        for tp in timepoints
    ]
    table = Table(rows, colWidths=pct(0.24, 0.19, 0.19, 0.19, 0.19), repeatRows=1)
    table.setStyle(grid_style(extra=[("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    note = para(
        translate(
            "cohort",
            "Mean of (visit − its baseline) over the visits of that timepoint with a baseline and both scores "
            "complete (n). ▼ = the mean moved in the direction of decline.",
        ),
        st.small,
    )
    return head + [table, Spacer(1, 2), note]


def _why(w: WorklistRow, settings: ReportSettings) -> str:
    return w.reason + (
        translate("cohort", " (trend reviewed {fmt})").format(fmt=settings.fmt(w.reviewed_on)) if w.reviewed_on else ""
    )


def _worklist(data: CohortReportData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    head = para(translate("cohort", "Worklist"), st.h2)
    if not data.worklist:
        return [head, para(translate("cohort", "Nothing on the worklist."), st.body)]
    rows: list[list[Any]] = [
        [para(translate("cohort", "Patient"), st.cell_bold), para(translate("cohort", "Why"), st.cell_bold)]
    ]
    rows += [[para(w.study_id, st.cell), para(_why(w, settings), st.cell)] for w in data.worklist]
    table = Table(rows, colWidths=pct(0.2, 0.8), repeatRows=1)
    table.setStyle(grid_style())
    return [KeepTogether([head, table]) if len(rows) < 15 else head, *([] if len(rows) < 15 else [table])]


def _overdue(data: CohortReportData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    head = para(translate("cohort", "Overdue timepoints"), st.h2)
    if not data.overdue:
        return [head, para(translate("cohort", "No timepoint is overdue."), st.body)]
    rows: list[list[Any]] = [
        [
            para(h, st.cell_bold)
            for h in (
                translate("cohort", "Patient"),
                translate("cohort", "Timepoint"),
                translate("cohort", "Due date"),
                translate("cohort", "Days overdue"),
            )
        ]
    ]
    rows += [
        [
            para(o.study_id, st.cell),
            para(vocabulary.timepoint(o.timepoint), st.cell),
            settings.fmt(o.due),
            str(o.days_overdue),
        ]
        for o in data.overdue
    ]
    table = Table(rows, colWidths=pct(0.2, 0.4, 0.2, 0.2), repeatRows=1)
    table.setStyle(grid_style(extra=[("ALIGN", (3, 1), (3, -1), "RIGHT")]))
    return [head, table]
