"""The one-page visit summary: identity, answers in words with points, totals, IMWG provenance, signature."""

from __future__ import annotations

import io
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table
from reportlab.platypus.flowables import _listWrapOn

from ..forms import messages, vocabulary
from ..i18n import QT_TRANSLATE_NOOP, translate
from .changes import baseline_sentence, previous_sentence
from .data import ReportSettings, VisitSummaryData, check_texts
from .layout import (
    Styles,
    build,
    frame_height,
    frame_width,
    grid_style,
    para,
    pct,
    standard_footer,
    styles,
    text,
    title_block,
    wording_notice,
)
from .wording import InstrumentSection, ItemLine, item_change_words

TITLE = QT_TRANSLATE_NOOP("visit_summary", "Geriatric assessment — visit summary")
SIZES = (8.5, 8, 7.5, 7, 6.5, 6)  # type sizes tried, largest first, to keep the visit on one page
IMWG_CATEGORIES = QT_TRANSLATE_NOOP("visit_summary", "0 fit, 1 intermediate, ≥ 2 frail; higher = frailer")


def render_visit_summary(data: VisitSummaryData, settings: ReportSettings, stream: BinaryIO) -> None:
    """Write the one-page PDF summary of one visit to `stream` (refuses unprintable text first)."""
    check_texts(settings.texts(), data.texts())
    left = translate("visit_summary", "Patient {study_id} · visit {fmt} ({timepoint})").format(
        study_id=data.patient.study_id,
        fmt=settings.fmt(data.visit.visit_date),
        timepoint=vocabulary.timepoint(data.visit.timepoint),
    )
    footer = standard_footer(settings, left, settings.fmt(data.generated_on))
    build(
        stream,
        [_one_page(data, settings)],
        footer,
        f"{translate('visit_summary', TITLE)}: {data.patient.study_id} {settings.fmt(data.visit.visit_date)}",
    )


def _story(data: VisitSummaryData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    return [
        title_block(settings, translate("visit_summary", TITLE), st),
        Spacer(1, 4),
        _identity(data, settings, st),
        *_scores(data, st),
        *_change(data, settings, st),
        *_answers(data, st),
        _signature(data, settings, st),
    ]


def _one_page(data: VisitSummaryData, settings: ReportSettings) -> Flowable:
    """The largest type size at which the whole visit fits one page (a fresh story is laid out each time)."""
    from reportlab.pdfgen.canvas import Canvas

    width, height = frame_width(), frame_height()
    for size in SIZES:
        _, needed = _listWrapOn(_story(data, settings, styles(size)), width, Canvas(io.BytesIO()))
        if needed <= height:
            return KeepInFrame(width, height, _story(data, settings, styles(size)), mode="shrink")
    return KeepInFrame(width, height, _story(data, settings, styles(SIZES[-1])), mode="shrink")


def _identity(data: VisitSummaryData, settings: ReportSettings, st: Styles) -> Table:
    p, v = data.patient, data.visit
    age = p.age_on(v.visit_date)
    status = vocabulary.word(v.status) + (
        translate("visit_summary", " (revision {revision}; amended: {amendment_reason})").format(
            revision=v.revision, amendment_reason=v.amendment_reason
        )
        if v.amendment_reason
        else ""
    )
    pairs = [
        (
            translate("visit_summary", "Patient ID"),
            p.study_id,
            translate("visit_summary", "Visit date"),
            settings.fmt(v.visit_date),
        ),
        (
            translate("visit_summary", "Name"),
            p.name or translate("visit_summary", "not recorded"),
            translate("visit_summary", "Timepoint"),
            vocabulary.timepoint(v.timepoint),
        ),
        (
            translate("visit_summary", "Birth date"),
            translate("visit_summary", "{fmt} (age {age} at the visit)").format(
                fmt=settings.fmt(p.birth_date), age=age
            ),
            translate("visit_summary", "Assessor"),
            v.assessor or translate("visit_summary", "not recorded"),
        ),
        (
            translate("visit_summary", "Sex"),
            vocabulary.word(p.sex) or translate("visit_summary", "not recorded"),
            translate("visit_summary", "Respondent"),
            vocabulary.word(v.respondent) or translate("visit_summary", "not recorded"),
        ),
        (
            translate("visit_summary", "Index disease"),
            vocabulary.disease(p.index_disease) or translate("visit_summary", "not recorded"),
            translate("visit_summary", "Status"),
            status,
        ),
    ]
    rows = [[para(a, st.cell_bold), para(b, st.cell), para(c, st.cell_bold), para(d, st.cell)] for a, b, c, d in pairs]
    table = Table(rows, colWidths=pct(0.14, 0.36, 0.13, 0.37))
    table.setStyle(grid_style(header_rows=0))
    return table


def _imwg_lines(data: VisitSummaryData) -> tuple[str, list[str]]:
    imwg = data.imwg
    if not imwg:
        missing = ", ".join(data.visit.scores.get("incomplete", [])) or translate("visit_summary", "no scores")
        return translate(
            "visit_summary", "IMWG frailty score: incomplete (not computed from an incomplete instrument: "
        ) + missing + ")", []
    head = translate("visit_summary", "IMWG frailty score {imwg}/5 — {imwg2} ({IMWG_CATEGORIES})").format(
        imwg=imwg["score"],
        imwg2=messages.category_code_words(imwg["category"]),
        IMWG_CATEGORIES=translate("visit_summary", IMWG_CATEGORIES),
    )
    return head, [messages.provenance_line(line) for line in data.visit.scores.get("imwg_provenance", [])]


def _simplified_lines(data: VisitSummaryData) -> tuple[str, list[str]]:
    s = data.simplified
    if s is None:
        return translate("visit_summary", "Simplified frailty score (Facon 2020): not shown — ECOG not recorded"), []
    head = translate(
        "visit_summary",
        "Simplified frailty score (Facon 2020) {score}/5 — {category} (0-1 non-frail, ≥ 2 frail). A different score from IMWG, which it agrees with only moderately.",
    ).format(score=s.score, category=messages.category_code_words(s.category))
    return head, list(s.provenance)


def _scores(data: VisitSummaryData, st: Styles) -> list[Flowable]:
    """Totals on the left, the IMWG score with each point's provenance on the right, the simplified score below."""
    totals = [s.total_text for s in data.sections]
    cci_adj = data.visit.scores.get("cci_age_adjusted")
    if cci_adj is not None:
        totals[2] += translate(
            "visit_summary", "; age-adjusted CCI {cci_adj} (information only, not used by IMWG)"
        ).format(cci_adj=cci_adj)
    head, lines = _imwg_lines(data)
    imwg = [para(head, st.cell_bold)] + [para("• " + line, st.indented) for line in lines]
    rows: list[list[Any]] = [[para(t, st.cell), imwg if i == 0 else ""] for i, t in enumerate(totals)]
    head, lines = _simplified_lines(data)
    rows.append(
        [
            [para(head, st.cell_bold), para("   ·   ".join(lines), st.indented)] if lines else para(head, st.cell_bold),
            "",
        ]
    )
    table = Table(rows, colWidths=pct(0.5, 0.5))
    table.setStyle(
        grid_style(
            header_rows=0,
            extra=[
                ("SPAN", (1, 0), (1, len(totals) - 1)),
                ("SPAN", (0, len(totals)), (1, len(totals))),
                ("BACKGROUND", (1, 0), (1, len(totals) - 1), colors.HexColor("#F1F3F6")),
            ],
        )
    )
    return [para(translate("visit_summary", "Scores"), st.h2), table]


def _change(data: VisitSummaryData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [
        para(translate("visit_summary", "Change from baseline"), st.h2),
        para(baseline_sentence(data.change, settings.fmt), st.body),
    ]
    previous = previous_sentence(data.change)
    if previous:
        out.append(para(previous, st.body))
    if data.change.item_changes:
        words = "; ".join(item_change_words(c) for c in data.change.item_changes)
        out.append(
            para(translate("visit_summary", "Items changed since baseline: {words}.").format(words=words), st.body)
        )
    return out


def _points(line: ItemLine) -> str:
    return "—" if line.points is None else str(line.points)


def _section_rows(section: InstrumentSection, st: Styles) -> list[list[Any]]:
    head = f"{section.title} — {section.total_text}"
    rows: list[list[Any]] = [[para(head, st.cell_bold), "", ""]]
    if section.lines:
        rows.append(
            [
                para(translate("visit_summary", "Item"), st.cell_bold),
                para(translate("visit_summary", "Answer"), st.cell_bold),
                para(translate("visit_summary", "Points"), st.cell_bold),
            ]
        )
    rows += [[para(ln.label, st.cell), para(ln.answer, st.cell), para(_points(ln), st.cell)] for ln in section.lines]
    rows += [[para(note, st.cell), "", ""] for note in section.notes]
    return rows


def _section_table(section: InstrumentSection, st: Styles) -> Table:
    rows = _section_rows(section, st)
    first_note = len(rows) - len(section.notes)
    spans = [("SPAN", (0, 0), (-1, 0))] + [("SPAN", (0, i), (-1, i)) for i in range(first_note, len(rows))]
    table = Table(rows, colWidths=pct(0.25, 0.67, 0.08))
    table.setStyle(grid_style(extra=spans))
    return table


def _charlson_table(section: InstrumentSection, st: Styles) -> Table:
    """Nineteen conditions in two columns, so the whole visit fits one page."""
    half = (len(section.lines) + 1) // 2
    cells = [[para(ln.label, st.cell), para(ln.answer, st.cell), para(_points(ln), st.cell)] for ln in section.lines]
    head = [
        para(t, st.cell_bold)
        for t in (
            translate("visit_summary", "Condition"),
            translate("visit_summary", "Answer"),
            translate("visit_summary", "Points"),
        )
    ]
    rows: list[list[Any]] = [[para(f"{section.title} — {section.total_text}", st.cell_bold)] + [""] * 5, head + head]
    for i in range(half):
        rows.append(cells[i] + (cells[i + half] if i + half < len(cells) else ["", "", ""]))
    rows += [[para(note, st.cell)] + [""] * 5 for note in section.notes]
    table = Table(rows, colWidths=pct(0.24, 0.18, 0.08, 0.24, 0.18, 0.08))
    spans = [("SPAN", (0, 0), (-1, 0))] + [("SPAN", (0, i), (-1, i)) for i in range(2 + half, len(rows))]
    table.setStyle(grid_style(extra=spans))
    return table


def _answers(data: VisitSummaryData, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(translate("visit_summary", "Answers (in the words of each form) and points"), st.h2)]
    for section in data.sections:
        if section.code == "charlson" and section.lines:
            out.append(_charlson_table(section, st))
        else:
            out.append(_section_table(section, st))
        out.append(Spacer(1, 3))
    versions = ", ".join(f"{s.code} {s.version}" for s in data.sections)
    line = translate("visit_summary", "Form versions: {versions}. Scoring: {get}.").format(
        versions=versions, get=data.visit.scores.get("scoring_version", "—")
    )
    line += wording_notice()
    out.append(para(line, st.small))
    return out


def _signature(data: VisitSummaryData, settings: ReportSettings, st: Styles) -> Table:
    v = data.visit
    line = messages.signature_line(v) or translate("visit_summary", "Not signed (status: {status})").format(
        status=vocabulary.word(v.status)
    )
    done = (
        translate("visit_summary", "Completed by {completed_by} on {fmt}").format(
            completed_by=v.completed_by, fmt=settings.fmt(v.completed_at)
        )
        if v.completed_by
        else translate("visit_summary", "Not completed")
    )
    rows = [
        [para(translate("visit_summary", "Signature"), st.cell_bold), Paragraph(f"<b>{text(line)}</b>", st.cell)],
        [para(translate("visit_summary", "Completion"), st.cell_bold), para(done, st.cell)],
    ]
    table = Table(rows, colWidths=pct(0.14, 0.86))
    table.setStyle(grid_style(header_rows=0, extra=[("TOPPADDING", (0, 0), (-1, -1), 4)]))
    return table
