"""Issue 17: the printed record read back from the PDF. Type never below 8 pt in the body (7 pt in
footnotes and the footer), a second page that names its patient, the DRAFT watermark on every page of an
unsigned visit and never on a signed one, the signature line, the MRN beside the study ID, and every
sentence true for its data (one counter-example per kind of statement). Pages are rendered to PNG."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cga_desk.domain.records import PatientInput
from cga_desk.interop.jsonl import read_jsonl
from cga_desk.persistence.database import Database
from cga_desk.reports.data import ReportSettings
from cga_desk.reports.visit_summary import render_visit_summary
from cga_desk.services import patients, visits
from cga_desk.services.history import patient_history
from cga_desk.services.importing import import_records
from cga_desk.services.report_data import visit_report_data
from tests.integration.report_helpers import (
    LONG_ID,
    build_long_patient,
    flat,
    lines_of,
    pdf_chars,
    pdf_pages,
    write_and_render,
)
from tests.integration.report_helpers import _answers as report_answers
from tests.integration.test_reports import import_vectors
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, PASSWORD, TODAY

SETTINGS = ReportSettings(clinic_name="Haematology day unit", audit_anchor="audit chain 1a2b3c4d")
DRAFT = "DRAFT — not signed"
FOOTNOTE_STARTS = ("Versions: ", "版本：")


def _summary(db: Database, visit_id: int) -> bytes:
    with db.unit_of_work(write=False) as uow:
        data = visit_report_data(uow, NURSE_USER, visit_id, TODAY)
    stream = io.BytesIO()
    render_visit_summary(data, SETTINGS, stream)
    return stream.getvalue()


def _visit_ids(db: Database, study_id: str) -> list[int]:
    with db.unit_of_work(write=False) as uow:
        return [r.visit.id for r in patient_history(uow, NURSE_USER, study_id).rows]


def _diagonal(page: list[tuple[str, float, float, float]]) -> str:
    return "".join(c for c, _, angle, _ in page if 0.3 < angle % 3.1416 < 2.8)


def check_type_sizes(pdf: bytes) -> None:
    """Every upright line at 8 pt or more, except the footer (below the bottom margin, 7 pt) and the
    versions footnote (7.5 pt); nothing anywhere under 7 pt."""
    for number, page in enumerate(pdf_chars(pdf), start=1):
        assert min(size for c, size, _, _ in page if c.strip()) >= 7, number
        in_footnote = False
        for y, line, size in lines_of(page):
            in_footnote = line.startswith(FOOTNOTE_STARTS) or (in_footnote and size < 8)
            if size < 8:
                assert y < 40 or in_footnote, (number, line, size)


def _all_vector_visits(db: Database) -> list[tuple[str, int]]:
    import_vectors(db)
    build_long_patient(db, n=4)
    with db.unit_of_work(write=False) as uow:
        ids = sorted({r.visit.study_id for pid in _patient_ids() for r in patient_history(uow, NURSE_USER, pid).rows})
    return [(pid, vid) for pid in ids + [LONG_ID] for vid in _visit_ids(db, pid)]


def _patient_ids() -> list[str]:
    from tests.integration.test_reports import PATIENT_IDS

    return PATIENT_IDS


def _check_continued(db: Database, pid: str, pages: list[str]) -> None:
    """Every page numbered; a second page repeats who it is about: ID, name, birth date, page X of Y."""
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    if len(pages) == 2:
        with db.unit_of_work(write=False) as uow:
            p = patients.get_patient(uow, NURSE_USER, pid)
        head = pages[1][: pages[1].index("(continued)") + 40]
        assert pid in head and (p.name or "name not recorded") in head and p.birth_date.isoformat() in head
        assert "page 2 of 2" in head


def test_every_visit_summary_keeps_its_type_and_names_its_patient_on_a_second_page(
    db: Database, tmp_path: Path
) -> None:
    pages_seen = set()
    for pid, vid in _all_vector_visits(db):
        pdf = _summary(db, vid)
        check_type_sizes(pdf)
        pages = [flat(p) for p in pdf_pages(pdf)]
        pages_seen.add(len(pages))
        _check_continued(db, pid, pages)
    assert pages_seen == {1}  # every shared patient's visit summary is one page (issue 17 follow-up)
    # a visit that cannot fit (a long amendment reason) runs on to a second page that names its patient
    with db.unit_of_work() as uow:
        visits.amend_visit(uow, DOCTOR, _visit_ids(db, LONG_ID)[0], "corrected after the case review: " * 35)
    pdf = _summary(db, _visit_ids(db, LONG_ID)[0])
    check_type_sizes(pdf)
    pages = [flat(p) for p in pdf_pages(pdf)]
    assert len(pages) == 2
    _check_continued(db, LONG_ID, pages)
    assert write_and_render(pdf, tmp_path / "summary.pdf")


def test_a_draft_is_watermarked_on_every_page_and_a_signed_visit_is_not(db: Database, tmp_path: Path) -> None:
    ids = build_long_patient(db, n=2)  # the first visit signed, the second complete and not signed
    with db.unit_of_work() as uow:
        draft = visits.start_visit(uow, NURSE_USER, LONG_ID, date(2022, 2, 1), "Unscheduled", "patient", today=TODAY)
    signed, unsigned = _summary(db, ids[0]), _summary(db, ids[1])
    signed_text = flat(" ".join(pdf_pages(signed)))
    assert "Electronically signed by Dr Bea (Dr Bea)" in signed_text
    assert DRAFT not in signed_text and all(_diagonal(p) == "" for p in pdf_chars(signed))
    for pdf in (unsigned, _summary(db, draft.id)):
        chars = pdf_chars(pdf)
        assert all(_diagonal(page) == DRAFT for page in chars), [_diagonal(p) for p in chars]
        assert "Not signed (status:" in flat(" ".join(pdf_pages(pdf)))
    assert len(write_and_render(unsigned, tmp_path / "draft.pdf")) == len(pdf_chars(unsigned))


def test_the_mrn_is_printed_beside_the_study_id(db: Database) -> None:
    ids = build_long_patient(db, n=1)
    with db.unit_of_work() as uow:
        p = patients.get_patient(uow, NURSE_USER, LONG_ID)
        data = PatientInput(p.study_id, p.birth_date, p.name, p.sex, p.index_disease, p.diagnosis_date, "H 004711")
        patients.edit_patient(uow, NURSE_USER, LONG_ID, data, today=TODAY)
    assert f"Patient ID {LONG_ID} · MRN H 004711" in flat(pdf_pages(_summary(db, ids[0]))[0])


# -- honest statements: each kind with the data that would make a careless sentence false ------------


def _import(db: Database, *records: dict[str, Any]) -> None:
    import json

    with db.unit_of_work() as uow:
        import_records(uow, ADMIN_USER, read_jsonl(io.StringIO("\n".join(json.dumps(r) for r in records))), today=TODAY)


PATIENT = {"id": "HON-1", "birth_date": "1944-02-03", "sex": "female", "index_disease": "primary_plasma_cell_leukemia"}
KATZ = {c: "independent" for c in ("bathing", "dressing", "toileting", "transferring", "continence", "feeding")}
LAWTON = {
    c: 1
    for c in (
        "telephone",
        "shopping",
        "food_preparation",
        "housekeeping",
        "laundry",
        "transportation",
        "medications",
        "finances",
    )
}


def _record(day: str, katz: Any, lawton: Any, charlson: Any, baseline: bool = False) -> dict[str, Any]:
    visit = {"date": day, "timepoint": "Unscheduled"} | ({"baseline": True} if baseline else {})
    return {"patient": PATIENT, "visit": visit, "assessment": {"katz": katz, "lawton": lawton, "charlson": charlson}}


def _text(db: Database, index: int, study_id: str = "HON-1") -> str:
    return flat(" ".join(pdf_pages(_summary(db, _visit_ids(db, study_id)[index]))))


def test_no_baseline_is_never_no_item_changed(db: Database) -> None:
    """Visits before the first marked baseline have none: nothing was compared, and the report says so."""
    _import(db, _record("2024-01-10", KATZ, LAWTON, []), _record("2024-03-10", KATZ, LAWTON, [], baseline=True))
    text = _text(db, 0)
    assert "Item answers: not compared (no baseline)." in text
    assert "No item answer" not in text and "changed since baseline" not in text


def test_a_baseline_of_totals_only_is_never_no_item_changed(db: Database) -> None:
    """A baseline entered from paper (totals only) cannot be compared item by item: the report names the
    instruments it could not compare instead of saying that no item changed."""
    _import(db, _record("2024-01-10", 6, 8, 0, baseline=True), _record("2024-03-10", KATZ, LAWTON, []))
    text = _text(db, 1)
    assert "No item answer" not in text
    assert "Not compared item by item: Katz ADL, Lawton IADL, Charlson CCI" in text
    both = _record("2024-05-10", KATZ, LAWTON, [])  # an itemised visit against an itemised baseline: compared
    _import(db, replace_baseline(_record("2024-04-10", KATZ, LAWTON, [])), both)
    text = _text(db, 3)
    assert "No item answer of Katz ADL, Lawton IADL, Charlson CCI changed since baseline." in text
    assert "Not compared item by item" not in text


def replace_baseline(record: dict[str, Any]) -> dict[str, Any]:
    return record | {"visit": record["visit"] | {"baseline": True}}


def test_an_imported_complete_visit_never_says_not_completed(db: Database) -> None:
    """Imported visits are complete without a completion record: "Status complete" beside "Completion:
    Not completed" was false; the report says who and when is not recorded."""
    _import(db, _record("2024-01-10", KATZ, LAWTON, []))
    text = _text(db, 0)
    assert "Status complete" in text and "Not completed" not in text
    assert "Completion Status complete; who completed it and when is not recorded" in text
    with db.unit_of_work() as uow:  # a draft entered here is "Not completed (a draft)"
        draft = visits.start_visit(uow, NURSE_USER, "HON-1", date(2024, 2, 1), "Unscheduled", "patient", today=TODAY)
    assert "Completion Not completed (a draft)" in flat(" ".join(pdf_pages(_summary(db, draft.id))))


def test_items_and_options_are_named_in_words_never_codes(db: Database) -> None:
    """An incomplete Lawton names the missing item by its label (not `lawton.transportation`); a Charlson
    pair ticked twice is explained with the conditions' names (not their codes)."""
    lawton = {k: v for k, v in LAWTON.items() if k != "transportation"}
    _import(db, _record("2024-01-10", KATZ, lawton, ["mild_liver_disease", "moderate_severe_liver_disease"]))
    text = _text(db, 0)
    assert "lawton.transportation" not in text, text[text.index("lawton.transportation") - 200 :][:300]
    assert "Lawton IADL, Mode of transportation" in text
    assert "mild_liver_disease" not in text
    assert "Mild liver disease and Moderate or severe liver disease both ticked; only Moderate or severe" in text


def test_the_arrow_goes_the_way_of_the_number_and_the_word_says_what_it_means(db: Database) -> None:
    """CCI rising is a decline: "+2 ▲ declined", never "+2 ▼"; Katz rising is "+1 ▲ improved"."""
    worse_katz = KATZ | {"bathing": "dependent"}
    _import(
        db,
        _record("2024-01-10", worse_katz, LAWTON, [], baseline=True),
        _record("2024-03-10", KATZ, LAWTON, ["dementia", "chronic_pulmonary_disease"]),
    )
    text = _text(db, 1)
    assert "Katz ADL +1 ▲ improved" in text and "CCI +2 ▲ declined" in text
    assert "▼" not in text.split("Change from baseline", 1)[1].split("Answers", 1)[0]


# -- the longitudinal report ---------------------------------------------------------------------------


def _longitudinal(db: Database, study_id: str = LONG_ID, lang: str = "en") -> bytes:
    from cga_desk import i18n
    from cga_desk.reports.longitudinal import render_longitudinal
    from cga_desk.services.report_data import longitudinal_report_data

    with i18n.use_language(lang), db.unit_of_work(write=False) as uow:
        data = longitudinal_report_data(uow, NURSE_USER, study_id, TODAY)
        stream = io.BytesIO()
        render_longitudinal(data, SETTINGS, stream)
    return stream.getvalue()


def test_the_longitudinal_report_is_a_draft_while_any_visit_is_unsigned(db: Database, tmp_path: Path) -> None:
    ids = build_long_patient(db, n=3)  # visits 0 and 2 signed, 1 complete and not signed
    pdf = _longitudinal(db)
    chars = pdf_chars(pdf)
    assert all(_diagonal(page) == DRAFT for page in chars)
    text = flat(" ".join(pdf_pages(pdf)))
    assert (
        "2021-12-01 Follow-up visit 1: Electronically" not in text and "2021-12-01 Follow-up visit 1 complete" in text
    )
    with db.unit_of_work() as uow:
        visits.sign_visits(uow, DOCTOR, [ids[1]], PASSWORD)
    signed = _longitudinal(db)
    assert all(_diagonal(page) == "" for page in pdf_chars(signed))
    assert flat(" ".join(pdf_pages(signed))).count("Electronically signed by Dr Bea (Dr Bea)") == 3
    assert len(write_and_render(pdf, tmp_path / "long.pdf")) == len(chars)


def test_trend_reviews_close_the_report_with_who_signed_them(db: Database) -> None:
    from cga_desk.services.notes import add_trend_review

    build_long_patient(db, n=2)
    before = flat(" ".join(pdf_pages(_longitudinal(db))))
    assert "Trend reviews No trend review has been recorded for this patient." in before
    with db.unit_of_work() as uow:
        add_trend_review(uow, DOCTOR, LONG_ID, date(2022, 1, 5), "Stable; continue maintenance", today=TODAY)
    pages = [flat(p) for p in pdf_pages(_longitudinal(db))]
    text = " ".join(pages)
    review = "2022-01-05: trend reviewed by Dr Bea (Dr Bea), recorded "
    assert review in pages[-1] and "— Stable; continue maintenance" in text
    assert text.index("Signatures") < text.index("Trend reviews") < text.index(review)


def _table(pdf: bytes) -> str:
    """The visits table's text (the legend above it explains the same words)."""
    text = flat(" ".join(pdf_pages(pdf)))
    return text[text.index("Visits Date Timepoint") : text.index("Item answers at each visit")]


def test_the_visits_table_says_how_each_baseline_came_to_be(db: Database) -> None:
    """Derived (none marked: the earliest complete visit), marked, and re-marked (a later marked baseline,
    the comparator of the visits after it): each said in the Baseline column, the compared date otherwise."""
    _import(db, _record("2024-01-10", KATZ, LAWTON, []), _record("2024-03-10", KATZ, LAWTON, ["dementia"]))
    derived = _table(_longitudinal(db, "HON-1"))
    assert "derived baseline" in derived and "marked baseline" not in derived
    assert re.search(r"2024-03-10 Unscheduled complete \S+ 2\.0 6 8 1 .* 2024-01-10", derived)
    other = dict(PATIENT, id="HON-2")
    _import(
        db,
        *(
            {**_record(day, KATZ, LAWTON, [], baseline=mark), "patient": other}
            for day, mark in (("2024-01-10", True), ("2024-02-10", False), ("2024-06-10", True), ("2024-07-10", False))
        ),
    )
    text = _table(_longitudinal(db, "HON-2"))
    assert "marked baseline" in text and "re-marked baseline" in text and "derived baseline" not in text
    assert re.search(r"2024-07-10 Unscheduled complete \S+ 1\.0 .* 2024-06-10", text)  # the new comparator


def test_the_grid_shows_each_answer_in_words_and_marks_what_changed(db: Database) -> None:
    build_long_patient(db, n=13)  # Katz bathing dependent from visit 12; Lawton shopping, food from visit 9
    text = flat(" ".join(pdf_pages(_longitudinal(db))))
    grid = text[text.index("Item answers at each visit") :]
    assert "The same answer at every visit:" in grid
    assert "Katz ADL — Dressing, Toileting, Transferring, Continence, Feeding: Independent." in grid
    assert "Ability to use the telephone: 1. Operates the telephone on own initiative" in grid
    assert "Dependent ▼ declined" in grid  # bathing, visit 12: points fell, a decline
    assert "Bathing Independent same same" in grid  # the first column in words, then "same"
    for code in ("bathing", "katz.", "lawton.", "food_preparation", "option 1", "→ 3"):
        assert code not in grid
    assert "Items changed since baseline" not in text  # the repeated cumulative paragraphs are gone


def test_no_item_changed_is_said_only_when_items_were_compared(db: Database) -> None:
    _import(db, _record("2024-01-10", 6, 8, 0), _record("2024-03-10", 5, 8, 0))  # totals only
    text = flat(" ".join(pdf_pages(_longitudinal(db, "HON-1"))))
    assert "No visit has answers item by item" in text and "No item answer changed" not in text
    other = dict(PATIENT, id="HON-2")
    _import(db, *({**_record(d, KATZ, LAWTON, []), "patient": other} for d in ("2024-01-10", "2024-03-10")))
    assert "No item answer changed from one visit to the next." in flat(" ".join(pdf_pages(_longitudinal(db, "HON-2"))))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_longitudinal_type_is_never_below_7_pt(db: Database, lang: str, tmp_path: Path) -> None:
    import_vectors(db)
    build_long_patient(db, n=14)
    for pid in [*_patient_ids(), LONG_ID]:
        pdf = _longitudinal(db, pid, lang)
        for page in pdf_chars(pdf):
            upright = [size for c, size, angle, _ in page if c.strip() and abs(angle) < 0.01]
            assert min(upright) >= 7, (pid, lang)
    assert write_and_render(pdf, tmp_path / f"{lang}.pdf")
    if lang == "zh_CN":
        assert all(_diagonal(p) == "草稿 — 未签署" for p in pdf_chars(pdf))


# -- one page in the ordinary case -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_typical_signed_follow_up_visit_is_one_page(db: Database, tmp_path: Path, lang: str) -> None:
    """Month 12 of the monthly history: Katz, Lawton, Charlson and ECOG answered (G8, optional, not asked,
    as in the demo cohort), items changed since baseline in all three indices (a Katz item, two Lawton
    domains, a Charlson condition), signed."""
    from cga_desk import i18n

    ids = build_long_patient(db, n=12)
    with db.unit_of_work() as uow:
        vid = visits.start_visit(uow, NURSE_USER, LONG_ID, date(2022, 11, 1), "Month 12", "patient", today=TODAY).id
    k, law, charlson = report_answers(12)
    for instrument, answers in (("katz", k), ("lawton", law), ("charlson", charlson), ("ecog", 1)):
        with db.unit_of_work() as uow:
            visits.save_answers(uow, NURSE_USER, vid, instrument, answers)  # type: ignore[arg-type]
    with db.unit_of_work() as uow:
        visits.complete_visit(uow, NURSE_USER, vid)
    with db.unit_of_work() as uow:
        visits.sign_visits(uow, DOCTOR, [vid], PASSWORD)
    assert ids
    with i18n.use_language(lang):
        pdf = _summary(db, vid)
    text = flat(" ".join(pdf_pages(pdf)))
    check_type_sizes(pdf)
    assert len(pdf_pages(pdf)) == 1, text[-600:]
    assert all(_diagonal(p) == "" for p in pdf_chars(pdf))
    if lang == "en":
        assert "Electronically signed by Dr Bea" in text and "ECOG performance status" in text
        assert "Items changed since baseline" in text
    assert write_and_render(pdf, tmp_path / f"typical-{lang}.pdf")


def test_an_amended_visit_says_who_amended_it_when_and_why(db: Database) -> None:
    """The kept version's superseded_by (as the account's full name), superseded_at and reason, near the
    signature; a visit never amended prints no such line."""
    ids = build_long_patient(db, n=3)  # visits 0 and 2 signed
    with db.unit_of_work() as uow:
        visits.amend_visit(uow, DOCTOR, ids[2], "Lawton shopping was recorded for the wrong week")
    with db.unit_of_work() as uow:
        visits.complete_visit(uow, NURSE_USER, ids[2])
    with db.unit_of_work() as uow:
        visits.sign_visits(uow, DOCTOR, [ids[2]], PASSWORD)
    with db.unit_of_work(write=False) as uow:
        kept = visits.visit_versions(uow, NURSE_USER, ids[2])
    assert len(kept) == 1
    pages = pdf_pages(_summary(db, ids[2]))
    assert len(pages) == 1  # an amended visit is still one page in the ordinary case
    text = flat(" ".join(pages))
    assert "Status signed (revision 2) " in text  # the reason once, in the signature block
    line = f"Amended by Dr Bea on {kept[0].superseded_at.date().isoformat()}: Lawton shopping was recorded for the wrong week"
    assert line in text
    assert text.index("Electronically signed by Dr Bea") < text.index(line)  # beside the signature block
    assert "Amended by" not in flat(" ".join(pdf_pages(_summary(db, ids[0]))))


def test_charlson_and_g8_side_by_side_where_they_fit_and_one_after_the_other_where_not(db: Database) -> None:
    """Month 12 with G8 answered too (eight more rows). In Chinese, Charlson and G8 fit side by side and
    the visit is one page; in English they do not fit what is left of the page: they are set at full
    width one after the other and split over the pages (both begin on page 1), never moved whole to
    page 2 leaving a hole."""
    from cga_desk import i18n
    from cga_desk.forms import g8

    build_long_patient(db, n=12)
    with db.unit_of_work() as uow:
        vid = visits.start_visit(uow, NURSE_USER, LONG_ID, date(2022, 11, 1), "Month 12", "patient", today=TODAY).id
    k, law, charlson = report_answers(12)
    g8_answers = {it.code: it.options[-1].points for it in g8.SPEC.items if it.code != "age"}
    for instrument, answers in (("katz", k), ("lawton", law), ("charlson", charlson), ("ecog", 1), ("g8", g8_answers)):
        with db.unit_of_work() as uow:
            visits.save_answers(uow, NURSE_USER, vid, instrument, answers)  # type: ignore[arg-type]
    with i18n.use_language("zh_CN"):
        chinese = _summary(db, vid)
    assert len(pdf_pages(chinese)) == 1
    check_type_sizes(chinese)
    pages = [flat(p) for p in pdf_pages(_summary(db, vid))]
    assert len(pages) == 2
    assert "Charlson Comorbidity Index" in pages[0] and "G8 geriatric screening tool" in pages[0]
    assert "Mobility" in pages[1] and "Not signed (status: draft)" in pages[1]
