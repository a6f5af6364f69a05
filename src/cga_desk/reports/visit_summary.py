"""The visit summary: identity, answers in words with points, totals, IMWG provenance, signature.

One A4 page when the visit fits at the report's type sizes (body 9 pt, table text 8 pt, footnotes
7.5 pt; the footer 7 pt); otherwise the story runs on to a second page whose header repeats the patient
ID, MRN, name and birth date with "page X of Y". The type never shrinks to make a visit fit (issue 17).
A visit that is not signed carries a diagonal "DRAFT — not signed" on every page."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from ..forms import messages, registry, vocabulary
from ..i18n import QT_TRANSLATE_NOOP, translate
from .changes import baseline_sentence, item_sentence, previous_sentence, watermark
from .data import ReportSettings, VisitSummaryData, check_texts
from .fonts import FONT, string_width
from .layout import (
    CELL_PADDING,
    MARGIN,
    Styles,
    build,
    continued_header,
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
from .wording import InstrumentSection, ItemLine, entry_words

TITLE = QT_TRANSLATE_NOOP("visit_summary", "Geriatric assessment — visit summary")
SIZE = 9  # body type; table cells 8 pt, footnotes 7.5 pt (layout.styles): never smaller (issue 17)
MIN_BODY, MIN_FOOTNOTE = 8, 7  # the floors the tests read back from the PDF
CELLS = ("cell", "cell_bold", "indented")  # the 8 pt styles of the tables, set 8/9.2 (solid enough for a form)
BOTTOM = MARGIN + 1 * mm  # the frame's foot: 3 mm above the footer's rule (other reports keep 8 mm)
CONTINUED = 16  # points kept at the top of a second page for the header naming the patient
IMWG_CATEGORIES = QT_TRANSLATE_NOOP("visit_summary", "0 fit, 1 intermediate, ≥ 2 frail; higher = frailer")


def summary_styles() -> Styles:
    """The report's styles, headings kept with what follows them (never stranded at a page's foot)."""
    st = styles(SIZE)
    tight = {name: ParagraphStyle(f"{name}-vs", parent=getattr(st, name), leading=8 * 1.15) for name in CELLS}
    return replace(st, h2=ParagraphStyle("h2k", parent=st.h2, keepWithNext=1, spaceBefore=3, spaceAfter=1.5), **tight)


def render_visit_summary(data: VisitSummaryData, settings: ReportSettings, stream: BinaryIO) -> None:
    """Write the PDF summary of one visit to `stream` (refuses unprintable text first)."""
    check_texts(settings.texts(), data.texts())
    p, v = data.patient, data.visit
    left = translate("visit_summary", "Patient {study_id} · visit {fmt} ({timepoint})").format(
        study_id=p.study_id,
        fmt=settings.fmt(v.visit_date),
        timepoint=vocabulary.timepoint(v.timepoint),
    )
    footer = standard_footer(settings, left, settings.fmt(data.generated_on))

    def header(number: int, total: int) -> str:
        return translate(
            "visit_summary", "{patient} · {name} · born {birth} · visit {fmt} (continued) · page {number} of {total}"
        ).format(
            patient=patient_id(p),
            name=p.name or translate("visit_summary", "name not recorded"),
            birth=settings.fmt(p.birth_date),
            fmt=settings.fmt(v.visit_date),
            number=number,
            total=total,
        )

    build(
        stream,
        _story(data, settings, summary_styles()),
        watermarked(continued_header(footer, header), watermark([v])),
        f"{translate('visit_summary', TITLE)}: {p.study_id} {settings.fmt(v.visit_date)}",
        later_top=CONTINUED,
        bottom=BOTTOM,
        settings=settings,
        subject=left,
    )


def patient_id(p: Any) -> str:
    """The study ID, with the hospital record number beside it when recorded: "PCL-001 · MRN H0012"."""
    return p.study_id + (translate("visit_summary", " · MRN {mrn}").format(mrn=p.mrn) if p.mrn else "")


def _story(data: VisitSummaryData, settings: ReportSettings, st: Styles) -> list[Flowable]:
    return [
        title_block(settings, translate("visit_summary", TITLE), st),
        Spacer(1, 3),
        _identity(data, settings, st),
        *_scores(data, st),
        *_change(data, settings, st),
        *_answers(data, st),
        Spacer(1, 3),
        KeepTogether([_signature(data, settings, st)]),  # signature and completion never split over pages
    ]


def _identity(data: VisitSummaryData, settings: ReportSettings, st: Styles) -> Table:
    p, v = data.patient, data.visit
    age = p.age_on(v.visit_date)
    status = vocabulary.word(v.status)
    if data.amendments:  # who amended it, when and why: in the signature block
        status += translate("visit_summary", " (revision {revision})").format(revision=v.revision)
    elif v.amendment_reason:  # an amendment without its kept version (imported)
        status += translate("visit_summary", " (revision {revision}; amended: {amendment_reason})").format(
            revision=v.revision, amendment_reason=v.amendment_reason
        )
    pairs = [
        (
            translate("visit_summary", "Patient ID"),
            patient_id(p),
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
    table.setStyle(grid_style(header_rows=0, extra=TIGHT))
    return table


def _imwg_lines(data: VisitSummaryData) -> tuple[str, list[str]]:
    imwg = data.imwg
    if not imwg:
        entries = data.visit.scores.get("incomplete", [])
        missing = "; ".join(entry_words(e) for e in entries) or translate("visit_summary", "no scores")
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
                *TIGHT,
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
    items = item_sentence(data.change, data.visit, data.baseline)
    if items:  # a list, set like the tables' text (8 pt): a visit with many changes keeps to one page longer
        out.append(para(items, st.cell))
    return out


def _points(line: ItemLine) -> str:
    return "—" if line.points is None else str(line.points)


TIGHT = [("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]


def _label_share(labels: list[str], st: Styles, width: float | None = None) -> float:
    """The item column's share of `width` (the frame's by default): its longest label on one line where it
    can (a Katz item is one word, a Lawton domain four), so the answers get the rest and seldom wrap."""
    longest = max([string_width(t, FONT, st.cell.fontSize) for t in labels] + [40.0])
    return min(0.3 if width is None else 0.36, (longest + 2 * CELL_PADDING + 2) / (width or frame_width()))


def _section_rows(section: InstrumentSection, st: Styles) -> list[list[Any]]:
    head = f"{section.title} — {section.total_text}"
    rows: list[list[Any]] = [[para(head, st.cell_bold), "", ""]]
    if len(section.lines) > 1:
        rows.append(
            [
                para(translate("visit_summary", "Item"), st.cell_bold),
                para(translate("visit_summary", "Answer"), st.cell_bold),
                para(translate("visit_summary", "Points"), st.cell_bold),
            ]
        )
    elif len(section.lines) == 1:  # one item (ECOG): its answer on the title's row
        line = section.lines[0]
        rows[0] = [para(head, st.cell_bold), para(line.answer, st.cell), para(_points(line), st.cell)]
        return rows + [[para(note, st.cell), "", ""] for note in section.notes]
    rows += [[para(ln.label, st.cell), para(ln.answer, st.cell), para(_points(ln), st.cell)] for ln in section.lines]
    rows += [[para(note, st.cell), "", ""] for note in section.notes]
    return rows


def _points_share(st: Styles, width: float) -> float:
    """The points column in a half-width table: its heading on one line, no wider."""
    heading = string_width(translate("visit_summary", "Points"), st.cell_bold.fontName, st.cell_bold.fontSize)
    return (heading + 2 * CELL_PADDING + 1) / width


def _section_table(section: InstrumentSection, st: Styles, width: float | None = None) -> Table:
    """One instrument's answers; `width`: the column it is set in (half the frame beside another), else the frame."""
    rows = _section_rows(section, st)
    first_note = len(rows) - len(section.notes)
    single = len(section.lines) == 1
    spans = [] if single else [("SPAN", (0, 0), (-1, 0))]
    spans += [("SPAN", (0, i), (-1, i)) for i in range(first_note, len(rows))]
    label = 0.3 if single else _label_share([ln.label for ln in section.lines], st, width)
    points = 0.07 if width is None else _points_share(st, width)
    table = Table(rows, colWidths=pct(label, 1 - label - points, points), repeatRows=2 if len(section.lines) > 1 else 1)
    table.setStyle(grid_style(extra=spans + TIGHT))
    return table


def _charlson_table(section: InstrumentSection, st: Styles, width: float | None = None) -> Table:
    """The conditions present (with their weights) and any not answered, one row each; the absent ones
    named together in one row: all nineteen conditions are on the page, in a third of the height."""
    inst = registry.BY_CODE[section.code]
    first = inst.spec.items[0]
    no = inst.to_option(first, False)
    absent_words = translate(inst.code, inst.answer_text(first, no)) if no else ""  # "No"
    absent = [ln for ln in section.lines if ln.points == 0 and ln.answer == absent_words]
    shown = [ln for ln in section.lines if ln not in absent]
    head = [
        para(t, st.cell_bold)
        for t in (
            translate("visit_summary", "Condition"),
            translate("visit_summary", "Answer"),
            translate("visit_summary", "Points"),
        )
    ]
    rows: list[list[Any]] = [[para(f"{section.title} — {section.total_text}", st.cell_bold), "", ""]]
    if shown:
        rows.append(head)
        rows += [[para(ln.label, st.cell), para(ln.answer, st.cell), para(_points(ln), st.cell)] for ln in shown]
    if absent:
        names = ", ".join(ln.label for ln in absent)
        rows.append(
            [
                para(
                    translate("visit_summary", "{answer} (0 points), {count} conditions: {names}.").format(
                        answer=absent_words, count=len(absent), names=names
                    ),
                    st.cell,
                ),
                "",
                "",
            ]
        )
    rows += [[para(note, st.cell), "", ""] for note in section.notes]
    spanned = range(2 + len(shown) if shown else 1, len(rows))
    spans = [("SPAN", (0, 0), (-1, 0))] + [("SPAN", (0, i), (-1, i)) for i in spanned]
    label = _label_share([ln.label for ln in shown], st, width)
    points = 0.07 if width is None else _points_share(st, width)
    table = Table(rows, colWidths=pct(label, 1 - label - points, points), repeatRows=1)
    table.setStyle(grid_style(extra=spans + TIGHT))
    return table


# Forms set side by side, each in half the frame, when both have items: Katz (6 items) beside Lawton (8),
# Charlson (the conditions present, the absent ones in one row) beside G8 (7 items). Issue 17 follow-up:
# A4 portrait holds a typical follow-up visit on one page at 8 pt that way. Where a pair does not fit the
# space left on the page, its two forms are set one after the other at full width instead (SideBySide).
PAIRS = (("katz", "lawton"), ("charlson", "g8"))
GUTTER = 6  # points between the two columns
PADDINGS = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")


class SideBySide(Flowable):
    """Two tables side by side, tops aligned, where the pair fits the space left on the page; where it
    does not, the same forms as full-width tables one after the other, which split over pages row by row
    (a table row cannot split: the pair would move whole to the next page and leave a hole)."""

    def __init__(self, left: Table, right: Table, stacked: list[Flowable]) -> None:
        super().__init__()
        half = (frame_width() - GUTTER) / 2
        self.pair = Table([[left, "", right]], colWidths=[half, GUTTER, half])
        self.pair.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *[(k, (0, 0), (-1, -1), 0) for k in PADDINGS]])
        self.stacked = stacked

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = self.pair.wrap(aw, ah)
        return self.width, self.height

    def draw(self) -> None:
        self.pair.drawOn(self.canv, 0, 0)

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return list(self.stacked)


def _form_table(section: InstrumentSection, st: Styles, width: float | None = None) -> Table:
    if section.code == "charlson" and section.lines:
        return _charlson_table(section, st, width)
    return _section_table(section, st, width)


def _answers(data: VisitSummaryData, st: Styles) -> list[Flowable]:
    """Each form's answers, the PAIRS side by side when both forms of a pair have items."""
    out: list[Flowable] = [para(translate("visit_summary", "Answers (in the words of each form) and points"), st.h2)]
    shown = {
        s.code: s for s in data.sections if not (s.state == "not recorded" and not registry.BY_CODE[s.code].required)
    }  # an optional form not asked: the Scores table says so
    partner = {}
    for a, b in PAIRS:
        if all(len(shown[c].lines) > 1 if c in shown else False for c in (a, b)):
            partner[a], partner[b] = b, ""
    half = (frame_width() - GUTTER) / 2
    for code, section in shown.items():
        if partner.get(code):
            other = shown[partner[code]]
            stacked = [_form_table(section, st), Spacer(1, 2), _form_table(other, st)]
            out.append(SideBySide(_form_table(section, st, half), _form_table(other, st, half), stacked))
        elif code not in partner:
            out.append(_form_table(section, st))
        else:
            continue  # set beside its pair's first form
        out.append(Spacer(1, 2))
    out.append(para(versions_line(data), ParagraphStyle("versions", parent=st.small, fontSize=7, leading=8.4)))
    return out


def versions_line(data: VisitSummaryData) -> str:
    """The versions footnote on one line: the scoring version's name (it fixes the scoring rules, whose
    sources the stored string adds in brackets), then each form's version once (the stored string also
    lists them, which printed them twice over two lines)."""
    scoring = str(data.visit.scores.get("scoring_version", "—")).partition(" (")[0]
    return (
        translate("visit_summary", "Versions: {scoring}; {forms}.").format(
            scoring=scoring, forms=", ".join(s.version for s in data.sections)
        )
        + wording_notice()
    )


def completion_words(v: Any, fmt: Any) -> str:
    """Who completed the visit and when; a visit complete or signed without that record (imported, or
    from before completions were recorded) says so, never "Not completed" beside "Status complete"."""
    if v.completed_by:
        return translate("visit_summary", "Completed by {completed_by} on {fmt}").format(
            completed_by=v.completed_by, fmt=fmt(v.completed_at)
        )
    if v.status != "draft":
        return translate(
            "visit_summary", "Status {status}; who completed it and when is not recorded (an imported or older record)"
        ).format(status=vocabulary.word(v.status))
    return translate("visit_summary", "Not completed (a draft)")


def _signature(data: VisitSummaryData, settings: ReportSettings, st: Styles) -> Table:
    v = data.visit
    line = messages.signature_line(v) or translate("visit_summary", "Not signed (status: {status})").format(
        status=vocabulary.word(v.status)
    )
    rows = [
        [para(translate("visit_summary", "Signature"), st.cell_bold), Paragraph(f"<b>{text(line)}</b>", st.cell)],
        *[
            [
                para(translate("visit_summary", "Amended"), st.cell_bold),
                para(
                    translate("visit_summary", "Amended by {full_name} on {date}: {reason}").format(
                        full_name=a.full_name, date=settings.fmt(a.on), reason=a.reason
                    ),
                    st.cell,
                ),
            ]
            for a in data.amendments
        ],
        [
            para(translate("visit_summary", "Completion"), st.cell_bold),
            para(completion_words(v, settings.fmt), st.cell),
        ],
    ]
    table = Table(rows, colWidths=pct(0.14, 0.86))
    table.setStyle(grid_style(header_rows=0, extra=TIGHT))
    return table
