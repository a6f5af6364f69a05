"""The printed cohort summary: read back with pypdf. Timepoints in protocol order (numbers as numbers),
median and quartiles beside the mean with n, drafts left out by default and said to be, a baseline policy
stated, no false "No timepoint is overdue", labels under the bars that never touch, and a page count
bounded by the number of timepoints whatever the number of patients (a summary, not a listing)."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing, String

from cga_desk.domain.records import PatientInput
from cga_desk.persistence.database import Database
from cga_desk.reports.cohort import LISTED, axis_labels, category_chart, page_bound, render_cohort
from cga_desk.reports.data import (
    CategoryRow,
    CohortReportData,
    MeanChangeRow,
    OverdueRow,
    ReportSettings,
    UncheckedRow,
    WorklistRow,
)
from cga_desk.reports.fonts import string_width
from cga_desk.services import patients, visits
from cga_desk.services.cohort import LATEST_BASELINE, CohortOptions
from cga_desk.services.report_data import cohort_report_data
from tests.integration.report_helpers import flat, pdf_pages, render_png
from tests.integration.test_dataset_export import import_vectors
from tests.store_fixtures import NURSE_USER, TODAY

SCORES = ("katz_adl", "lawton_iadl", "cci", "imwg_score")


def _pdf(data: CohortReportData) -> bytes:
    stream = io.BytesIO()
    render_cohort(data, ReportSettings(clinic_name="Haematology day unit"), stream)
    return stream.getvalue()


def _complete_visit(db: Database, study_id: str, day: date, timepoint: str) -> None:
    from cga_desk.forms import katz, lawton

    with db.unit_of_work() as uow:
        vid = visits.start_visit(uow, NURSE_USER, study_id, day, timepoint, "patient", today=TODAY).id
    for instrument, answers in (
        ("katz", {c: "independent" for c in katz.SPEC.item_codes}),
        ("lawton", {c: 1 for c in lawton.SPEC.item_codes}),
        ("charlson", []),
    ):
        with db.unit_of_work() as uow:
            visits.save_answers(uow, NURSE_USER, vid, instrument, answers)  # type: ignore[arg-type]
    with db.unit_of_work() as uow:
        visits.complete_visit(uow, NURSE_USER, vid)


def test_timepoints_print_in_protocol_order_with_median_and_quartiles(db: Database) -> None:
    with db.unit_of_work() as uow:
        patients.register_patient(
            uow, NURSE_USER, PatientInput("LONG-1", date(1946, 1, 1), "Name", diagnosis_date=date(2016, 1, 4)), TODAY
        )
    for day, timepoint in (
        (date(2016, 1, 5), "Baseline"),
        (date(2024, 7, 1), "Follow-up month 102"),
        (date(2021, 4, 1), "Follow-up month 63"),
        (date(2021, 1, 4), "Follow-up month 60"),
        (date(2016, 4, 4), "Follow-up month 3"),
    ):
        _complete_visit(db, "LONG-1", day, timepoint)
    with db.unit_of_work() as uow:  # a draft: left out by default
        visits.start_visit(uow, NURSE_USER, "LONG-1", date(2024, 10, 1), "Follow-up month 105", today=TODAY)
    with db.unit_of_work(write=False) as uow:
        data = cohort_report_data(uow, NURSE_USER, today=TODAY)
    text = flat(" ".join(pdf_pages(_pdf(data))))
    table = text[text.index("IMWG frailty category per timepoint") :]
    found = [m.group(1) for m in re.finditer(r"\d+ (Baseline|Follow-up month \d+) \d+ ", table)]
    assert found == ["Baseline", "Follow-up month 3", "Follow-up month 60", "Follow-up month 63", "Follow-up month 102"]
    assert "Follow-up month 105" not in text and "(neither counted nor used as a baseline): 1." in text
    assert "median [IQR]" in text and "Change from the first baseline" in text


def test_vectors_report_states_its_policies_and_every_median(db: Database) -> None:
    import_vectors(db)
    with db.unit_of_work(write=False) as uow:
        default = cohort_report_data(uow, NURSE_USER, today=TODAY)
        chosen = cohort_report_data(
            uow, NURSE_USER, today=TODAY, options=CohortOptions(include_drafts=True, baseline=LATEST_BASELINE)
        )
    text = flat(" ".join(pdf_pages(_pdf(default))))
    assert f"used as a baseline): {default.drafts_left_out}." in text and default.drafts_left_out == 6
    assert "Change from the first baseline" in text and "(patients re-baselined: 1)" in text
    for r in default.mean_changes:
        if r.median is not None:  # "0 [−1, +1]" per timepoint and score, the figures of the data
            assert re.search(re.escape(f"{_n(r.median)} [{_n(r.q1)}, {_n(r.q3)}]"), text), r
    other = flat(" ".join(pdf_pages(_pdf(chosen))))
    assert "Draft visits included" in other and "Change from the latest baseline" in other
    assert f"{chosen.n_patients} patients · {chosen.n_visits} visits" in other and chosen.n_visits == 25


def _n(v: float | None) -> str:
    from cga_desk.reports.cohort import number

    return number(v)


def test_no_overdue_sentence_is_only_true_and_unscheduled_patients_are_named(db: Database) -> None:
    """The counter-example of the review: imported patients without a schedule's dates, one not seen
    since 2022, and nothing overdue for the others. The report no longer says "No timepoint is overdue."
    alone: it says for how many patients that holds, and names the others with their last visit."""
    from cga_desk.interop.jsonl import read_jsonl
    from cga_desk.services.importing import import_records
    from tests.store_fixtures import ADMIN_USER

    records = '{"patient": {"id": "IMP-1", "birth_date": "1950-01-01"}, "visit": {"date": "2022-03-01", "timepoint": "Baseline"}}'
    with db.unit_of_work() as uow:
        import_records(uow, ADMIN_USER, read_jsonl(io.StringIO(records)), today=TODAY)
    with db.unit_of_work() as uow:  # on schedule: baseline due now, nothing overdue
        patients.register_patient(
            uow, NURSE_USER, PatientInput("NEW-1", date(1948, 1, 1), "N", diagnosis_date=TODAY - timedelta(3)), TODAY
        )
    with db.unit_of_work(write=False) as uow:
        data = cohort_report_data(uow, NURSE_USER, today=TODAY)
    text = flat(" ".join(pdf_pages(_pdf(data))))
    assert "No timepoint is overdue on 2026-11-24 among the patients whose due dates can be computed (1)." in text
    assert "No timepoint is overdue." not in text
    assert "Patients who cannot be checked: 1." in text and "last seen more than 6 months ago: 1." in text
    assert re.search(r"IMP-1 2022-03-01", text)


def _at_scale(timepoints: int, patients: int) -> CohortReportData:
    """A clinic of `patients` with long follow-up: every list far longer than the report prints."""
    labels = ["Baseline", "End of induction", "CAR-T + 1 month", "End of consolidation"] + [
        f"Follow-up month {m}" for m in range(3, 3 * (timepoints - 4) + 1, 3)
    ]
    cats = tuple(CategoryRow(t, patients, patients // 2, patients // 4, patients // 5, patients // 20) for t in labels)
    means = tuple(MeanChangeRow(t, k, patients, -0.55, -0.5, -1.25, 0.25) for t in labels for k in SCORES)
    work = tuple(
        WorklistRow(f"BM-{i:06d}", "latest visit declined: Katz ADL, Lawton IADL, CCI, IMWG score", None, i % 3 == 0)
        for i in range(patients // 3)
    )
    late = tuple(
        OverdueRow(f"BM-{i:06d}", labels[i % len(labels)], date(2024, 1, 1), 700 + i % 400)
        for i in range(patients // 2)
    )
    lost = tuple(UncheckedRow(f"IMP-{i:05d}", None if i % 7 == 0 else date(2022, 1, 1)) for i in range(patients // 50))
    return CohortReportData(
        "Cohort summary", "all visits", patients, patients * 20, cats, means, work, late, TODAY,
        drafts_left_out=patients // 10, rebaselined=patients // 100, n_scheduled=patients, unchecked=lost,
    )  # fmt: skip


@pytest.mark.parametrize(("timepoints", "patients"), [(12, 2_000), (44, 50_000), (60, 50_000), (90, 50_000)])
def test_page_count_is_bounded_by_timepoints_not_patients(timepoints: int, patients: int, tmp_path: Path) -> None:
    data = _at_scale(timepoints, patients)
    pdf = _pdf(data)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages <= page_bound(timepoints), (pages, page_bound(timepoints))
    text = flat(" ".join(pdf_pages(pdf)))
    assert f"The first {LISTED} (not yet reviewed first" in text and f"The {LISTED} longest overdue:" in text
    assert f"Patients on the worklist: {len(data.worklist)} " in text
    assert sum(text.count(f"BM-{i:06d} ") for i in range(patients)) <= 2 * LISTED + 1
    (tmp_path / "scale.pdf").write_bytes(pdf)
    assert len(render_png(tmp_path / "scale.pdf", tmp_path)) == pages


def _axis_strings(d: Drawing, y_max: float) -> list[String]:
    return [s for s in d.contents if isinstance(s, String) and s.y < y_max]


@pytest.mark.parametrize("timepoints", [4, 12, 20, 44, 60, 120])
def test_axis_labels_never_overlap(timepoints: int) -> None:
    labels = [f"Follow-up month {m}" for m in range(3, 3 * timepoints + 1, 3)]
    rows = [CategoryRow(t, 50_000, 20_000, 15_000, 10_000, 5_000) for t in labels]
    d, numbered = category_chart(rows, 770, 170)
    assert numbered == (timepoints > 14)
    strings = _axis_strings(d, 20)  # under the bars (the value axis starts at 26 - 2.3)
    assert strings and all(s.textAnchor == "middle" for s in strings)  # never turned
    boxes = sorted(
        (
            s.x - string_width(s.text, s.fontName, s.fontSize) / 2,
            s.x + string_width(s.text, s.fontName, s.fontSize) / 2,
            s.y,
        )
        for s in strings
    )
    lines = {}
    for left, right, y in boxes:
        lines.setdefault(y, []).append((left, right))
    for line in lines.values():
        for (_, r1), (l2, _) in zip(line, line[1:]):
            assert l2 >= r1 + 1, (timepoints, line)
    if numbered:  # every printed number is a row of the table, from 1
        got = [x for x, _ in axis_labels(labels, 28, (770 - 34) / timepoints)]
        assert len(got) >= min(timepoints, 20) // 2 and strings[0].text == "1"


@pytest.mark.parametrize(
    ("score", "mean", "expected"),
    [
        ("cci", 0.55, "+0.55 ▲ worse"),  # a CCI rise: the arrow goes up, the word says worse
        ("imwg_score", -0.34, "−0.34 ▼ better"),
        ("katz_adl", -1.0, "−1 ▼ worse"),  # a Katz fall is a decline
        ("lawton_iadl", 0.25, "+0.25 ▲ better"),
        ("cci", 0.003, "0"),  # printed as 0: no arrow saying it rose, no "+0"
        ("katz_adl", -0.004, "0"),
    ],
)
def test_mean_arrows_follow_the_printed_number(score: str, mean: float, expected: str) -> None:
    from cga_desk.reports.cohort import MeanChangeRow, mean_text

    assert mean_text(MeanChangeRow("Month 12", score, 40, mean, 0.0, 0.0, 1.0)) == expected
