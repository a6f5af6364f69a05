"""Issue 17: the printed record read back from the PDF. Type never below 8 pt in the body (7 pt in
footnotes and the footer), a second page that names its patient, the DRAFT watermark on every page of an
unsigned visit and never on a signed one, the signature line, the MRN beside the study ID, and every
sentence true for its data (one counter-example per kind of statement). Pages are rendered to PNG."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

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
from tests.integration.test_reports import import_vectors
from tests.store_fixtures import ADMIN_USER, NURSE_USER, TODAY

SETTINGS = ReportSettings(clinic_name="Haematology day unit", audit_anchor="audit chain 1a2b3c4d")
DRAFT = "DRAFT — not signed"
FOOTNOTE_STARTS = ("Scoring and form versions", "Form versions")


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


def test_every_visit_summary_keeps_its_type_and_names_its_patient_on_a_second_page(
    db: Database, tmp_path: Path
) -> None:
    pages_seen = set()
    for pid, vid in _all_vector_visits(db):
        pdf = _summary(db, vid)
        check_type_sizes(pdf)
        pages = [flat(p) for p in pdf_pages(pdf)]
        pages_seen.add(len(pages))
        assert len(pages) <= 2
        for number, page in enumerate(pages, start=1):
            assert f"Page {number} of {len(pages)}" in page
        if len(pages) == 2:  # the second page repeats who it is about: ID, name, birth date, page X of Y
            with db.unit_of_work(write=False) as uow:
                p = patients.get_patient(uow, NURSE_USER, pid)
            head = pages[1][: pages[1].index("(continued)") + 40]
            assert pid in head and (p.name or "name not recorded") in head and p.birth_date.isoformat() in head
            assert "page 2 of 2" in head
    assert pages_seen == {1, 2}  # the shared patients have visits that fit one page and visits that do not
    assert write_and_render(_summary(db, vid), tmp_path / "summary.pdf")


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
