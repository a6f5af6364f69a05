"""Printed reports read back with pypdf and checked against the history service, for every shared patient;
a 60-visit history paginates; every report rasterises with pdftoppm; names in Greek and Cyrillic print."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

from cga_desk.domain.errors import ValidationError
from cga_desk.domain.records import PatientInput
from cga_desk.interop.jsonl import read_jsonl
from cga_desk.persistence.database import Database
from cga_desk.reports.cohort import render_cohort
from cga_desk.reports.data import ReportSettings
from cga_desk.reports.longitudinal import render_longitudinal
from cga_desk.reports.visit_summary import render_visit_summary
from cga_desk.services import patients, visits
from cga_desk.services.audit import full_trail
from cga_desk.services.history import history_document, patient_history
from cga_desk.services.importing import import_records
from cga_desk.services.report_data import cohort_report_data, longitudinal_report_data, visit_report_data
from cga_desk.services.settings import DATE_FORMAT, get_report_settings, set_setting
from tests.conftest import VECTORS, load_jsonl
from tests.integration.report_helpers import LONG_ID, build_long_patient, flat, pdf_pages, render_png
from tests.store_fixtures import ADMIN_USER, NURSE_USER, TODAY

PATIENT_IDS = sorted({r["patient"]["id"] for r in load_jsonl("visits.jsonl")})
LABELS = {"katz_adl": "Katz ADL", "lawton_iadl": "Lawton IADL", "cci": "CCI", "imwg_score": "IMWG score"}
SETTINGS = ReportSettings(clinic_name="Haematology day unit")


def import_vectors(db: Database) -> None:
    with db.unit_of_work() as uow:
        import_records(uow, ADMIN_USER, read_jsonl(io.StringIO((VECTORS / "visits.jsonl").read_text())), today=TODAY)


def _pdf(render: Any, data: Any, settings: ReportSettings = SETTINGS) -> bytes:
    stream = io.BytesIO()
    render(data, settings, stream)
    return stream.getvalue()


# The way a score goes when the patient declines (docs/clinical-rules.md 8): ADL and IADL fall, CCI and IMWG rise.
DECLINE_WAY = {"katz_adl": -1, "lawton_iadl": -1, "cci": 1, "imwg_score": 1}


def _signed(value: int | None, key: str) -> str:
    """ "−1 ▼ declined" (Katz), "+2 ▲ declined" (CCI), "+1 ▲ improved" (Lawton): the arrow goes the number's way."""
    if value is None:
        return "incomplete"
    if value == 0:
        return "0"
    text = f"+{value} ▲" if value > 0 else f"−{-value} ▼"
    return text + (" declined" if value * DECLINE_WAY[key] > 0 else " improved")


def _expected_change(v: dict[str, Any]) -> list[str]:
    cfb = v["change_from_baseline"]
    if cfb is None:
        return ["no baseline"]
    if v["is_baseline"]:
        return ["This visit is the baseline"]
    return [f"{LABELS[k]} {_signed(cfb[k], k)}" for k in LABELS]


def _expected_scores(s: dict[str, Any]) -> list[str]:
    out = [
        f"Katz ADL {s['katz_adl']}/6, higher = more independent" if s["katz_adl"] is not None else "Katz ADL ",
        f"Lawton IADL {s['lawton_iadl']}/8, higher = more independent"
        if s["lawton_iadl"] is not None
        else "Lawton IADL ",
        f"Charlson CCI {s['cci']}, higher = more comorbidity" if s["cci"] is not None else "Charlson CCI ",
    ]
    imwg = s["imwg"]
    out.append(
        f"IMWG frailty score {imwg['score']}/5 — {imwg['category']}" if imwg else "IMWG frailty score: incomplete"
    )
    out += list(s.get("imwg_provenance", []))
    sf = s["simplified_frailty"]
    out.append(
        f"Simplified frailty score (Facon 2020) {sf['score']}/5 — {sf['category']}"
        if sf
        else "Simplified frailty score (Facon 2020): not shown"
    )
    return out


@pytest.mark.parametrize("pid", PATIENT_IDS)
def test_every_visit_summary_agrees_with_the_history(db: Database, pid: str) -> None:
    import_vectors(db)
    with db.unit_of_work(write=False) as uow:
        history = patient_history(uow, NURSE_USER, pid)
        doc = history_document(history)
        datas = [visit_report_data(uow, NURSE_USER, r.visit.id, TODAY) for r in history.rows]
    for v, data, row in zip(doc["visits"], datas, history.rows):
        pages = pdf_pages(_pdf(render_visit_summary, data))
        text = flat(" ".join(pages))
        assert len(pages) <= 2 and f"Page 1 of {len(pages)}" in text  # a second page only on overflow
        assert (
            f"Patient ID {pid}" in text and f"Visit date {v['date']}" in text and f"Timepoint {v['timepoint']}" in text
        )
        for expected in _expected_scores(v["scores"]) + _expected_change(v):
            assert expected in text, (pid, v["date"], expected)
        for incomplete in ("katz_adl", "lawton_iadl"):
            if v["scores"][incomplete] is None:  # incomplete is said so, never printed as 0
                assert f"{LABELS[incomplete]} incomplete" in text
        for code, answer in (
            (row.visit.instruments["katz"].answers or {}).items() if "katz" in row.visit.instruments else ()
        ):
            assert f"{code.capitalize()} {answer.capitalize()}:" in text
        assert "Not signed" in text and "Haematology day unit" in text


def _row_cells(v: dict[str, Any]) -> re.Pattern[str]:
    """A visit's row of the visits table as read back, from its date to its IMWG score and category (the
    respondent, one word, between its status and its months since baseline)."""
    s, days = v["scores"], v["days_from_baseline"]
    head = re.escape(f"{v['date']} {v['timepoint']} {v['status']}") + r" \S+ "
    cells = ["—" if days is None else f"{days / (365.25 / 12):.1f}"]  # months since baseline
    cells += ["incomplete" if s[k] is None else str(s[k]) for k in ("katz_adl", "lawton_iadl", "cci")]
    cells += [str(s["imwg"]["score"]), s["imwg"]["category"]] if s["imwg"] else ["incomplete"]
    # a narrow score column breaks "incomplete" after "incom-": read back as one line of the row
    return re.compile(head + re.escape(" ".join(cells)).replace("incomplete", "incom-? ?plete"))


def _change_cells(v: dict[str, Any]) -> str:
    cfb = v["change_from_baseline"]
    return "no baseline" if cfb is None else " ".join(_signed(cfb[k], k) for k in LABELS)


@pytest.mark.parametrize("pid", PATIENT_IDS)
def test_every_longitudinal_report_agrees_with_the_history(db: Database, pid: str) -> None:
    import_vectors(db)
    with db.unit_of_work(write=False) as uow:
        doc = history_document(patient_history(uow, NURSE_USER, pid))
        data = longitudinal_report_data(uow, NURSE_USER, pid, TODAY)
    pages = pdf_pages(_pdf(render_longitudinal, data))
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in flat(page) and f"Patient {pid}" in flat(page)
    text = flat(" ".join(pages))
    for v in doc["visits"]:
        assert _row_cells(v).search(text), (pid, v["date"])
        assert _change_cells(v) in text, (pid, v["date"])
        for change in v["item_changes"]:  # the item is named in the grid by its label, never its code
            assert change.split(": ", 1)[0].split(", ")[-1] in text
    assert "Scoring version: cga-desk-scoring/" in text and "higher = more independent" in text
    assert "Item answers at each visit" in text and "Trend reviews" in text


def test_sixty_visits_paginate_with_header_and_patient_id_on_every_page(db: Database, tmp_path: Path) -> None:
    ids = build_long_patient(db)
    with db.unit_of_work(write=False) as uow:
        doc = history_document(patient_history(uow, NURSE_USER, LONG_ID))
        data = longitudinal_report_data(uow, NURSE_USER, LONG_ID, TODAY)
    pdf = _pdf(render_longitudinal, data)
    pages = [flat(p) for p in pdf_pages(pdf)]
    assert len(ids) == 60 and 4 <= len(pages) <= 12
    header = (
        "Date Timepoint Status Answered by Months since baseline Katz ADL Lawton IADL CCI IMWG score and category "
        "ECOG Δ Katz ADL"
    )
    table_pages = 0
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page and LONG_ID in page and "Ελένη Παπαδοπούλου" in page
        if any(f"{v['date']} {v['timepoint']} {v['status']}" in page for v in doc["visits"]):
            table_pages += 1
            assert header in page, number
    assert table_pages >= 2
    text = " ".join(pages)
    positions = [m.start() for v in doc["visits"] if (m := _row_cells(v).search(text))]
    assert len(positions) == len(doc["visits"])
    assert positions == sorted(positions)  # every visit, in date order
    (tmp_path / "long.pdf").write_bytes(pdf)
    assert len(render_png(tmp_path / "long.pdf", tmp_path)) == len(pages)


def test_every_report_rasterises(db: Database, tmp_path: Path) -> None:
    import_vectors(db)
    with db.unit_of_work(write=False) as uow:
        first = patient_history(uow, NURSE_USER, "DEMO-004").rows[0].visit.id
        reports = {
            "visit": _pdf(render_visit_summary, visit_report_data(uow, NURSE_USER, first, TODAY)),
            "longitudinal": _pdf(render_longitudinal, longitudinal_report_data(uow, NURSE_USER, "DEMO-004", TODAY)),
            "cohort": _pdf(render_cohort, cohort_report_data(uow, NURSE_USER, today=TODAY)),
        }
    for name, pdf in reports.items():
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        assert render_png(tmp_path / f"{name}.pdf", tmp_path)


def test_cohort_report_agrees_with_the_cohort_data(db: Database) -> None:
    import_vectors(db)
    with db.unit_of_work(write=False) as uow:
        data = cohort_report_data(uow, NURSE_USER, today=TODAY)
    text = flat(" ".join(pdf_pages(_pdf(render_cohort, data))))
    assert f"{data.n_patients} patients · {data.n_visits} visits" in text and (data.n_patients, data.n_visits) == (
        5,
        19,
    )  # the six drafts (one patient's only visit among them) are left out by default
    for c in data.categories:
        assert f"{c.timepoint} {c.n} " in text and f"n={c.n}" in text
    for w in data.worklist:
        assert f"{w.study_id} {w.reason}" in text


@pytest.mark.parametrize(
    "name", ["Ελένη Παπαδοπούλου", "Наталья Сергеевна Иванова", "Zoë Ørsted-Łukasik", "王秀英", "Zoë 王-Łukasik"]
)
def test_greek_cyrillic_and_accented_names_print(db: Database, name: str) -> None:
    vid = build_long_patient(db, n=1, name=name)[0]
    with db.unit_of_work(write=False) as uow:
        summary = _pdf(render_visit_summary, visit_report_data(uow, NURSE_USER, vid, TODAY))
        longitudinal = _pdf(render_longitudinal, longitudinal_report_data(uow, NURSE_USER, LONG_ID, TODAY))
    assert name in flat(pdf_pages(summary)[0]) and name in flat(pdf_pages(longitudinal)[0])


@pytest.mark.parametrize(("name", "char"), [("Ana 🧑 Lee", "U+1F9D1"), ("王 󰀁", "U+F0001")])
def test_a_name_the_font_cannot_draw_is_refused(db: Database, name: str, char: str) -> None:
    vid = build_long_patient(db, n=1, name=name)[0]
    with db.unit_of_work(write=False) as uow:
        data = visit_report_data(uow, NURSE_USER, vid, TODAY)
    stream = io.BytesIO()
    with pytest.raises(ValidationError, match=f"cannot print the character .*{re.escape(char)}") as info:
        render_visit_summary(data, SETTINGS, stream)
    assert info.value.field == "name" and stream.getvalue() == b""


@pytest.mark.parametrize("name", ["محمد عبد الله", "ليلى"])
def test_a_right_to_left_name_is_shaped_and_reads_back_in_logical_order(db: Database, name: str) -> None:
    """Arabic is printed joined (presentation forms) and in display order; the text layer, read with the
    bidirectional algorithm (fonts.logical), gives the name as typed."""
    from cga_desk.reports.fonts import logical

    vid = build_long_patient(db, n=1, name=name)[0]
    with db.unit_of_work(write=False) as uow:
        summary = _pdf(render_visit_summary, visit_report_data(uow, NURSE_USER, vid, TODAY))
        longitudinal = _pdf(render_longitudinal, longitudinal_report_data(uow, NURSE_USER, LONG_ID, TODAY))
    for pdf in (summary, longitudinal):
        lines = pdf_pages(pdf)[0].splitlines()
        assert any(name in logical(line) for line in lines), lines[:8]
        assert not any(name in line for line in lines)  # printed shaped (joined forms), not as the raw letters


def test_settings_are_stored_audited_and_used(db: Database) -> None:
    import_vectors(db)
    with db.unit_of_work() as uow:
        set_setting(uow, ADMIN_USER, "report.clinic_name", "Клиника гематологии")
    with db.unit_of_work() as uow:
        settings = set_setting(uow, ADMIN_USER, DATE_FORMAT, "%d/%m/%Y")
    assert settings == ReportSettings("Клиника гематологии", None, "%d/%m/%Y")
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="day"):
        set_setting(uow, ADMIN_USER, DATE_FORMAT, "%Y-%m")
    with db.unit_of_work() as uow, pytest.raises(ValidationError) as info:
        set_setting(uow, ADMIN_USER, "report.colour", "red")
    assert info.value.field == "key"
    with db.unit_of_work(write=False) as uow:
        assert get_report_settings(uow) == settings
        assert [e.field for e in full_trail(uow, ADMIN_USER) if e.action == "setting"] == [
            "report.clinic_name",
            DATE_FORMAT,
        ]
        text = flat(  # the charts fill the first page; the visits table follows
            " ".join(
                pdf_pages(
                    _pdf(render_longitudinal, longitudinal_report_data(uow, NURSE_USER, "DEMO-004", TODAY), settings)
                )
            )
        )
    assert "Клиника гематологии" in text and "04/12/2024 Baseline" in text and "Birth date 06/03/1930" in text


def test_not_assessable_and_multiple_visits_on_one_day(db: Database) -> None:
    vid = build_long_patient(db, n=1)[0]
    with db.unit_of_work() as uow:
        other = visits.start_visit(
            uow, NURSE_USER, LONG_ID, visits.get_visit(uow, NURSE_USER, vid).visit_date, "Unscheduled", today=TODAY
        ).id
    with db.unit_of_work() as uow:
        visits.set_not_assessable(uow, NURSE_USER, other, "katz", "patient in intensive care")
    with db.unit_of_work(write=False) as uow:
        text = flat(pdf_pages(_pdf(render_visit_summary, visit_report_data(uow, NURSE_USER, other, TODAY)))[0])
    assert "Katz ADL not assessable: patient in intensive care" in text
    assert "Lawton IADL incomplete" in text and "IMWG frailty score: incomplete" in text
    with db.unit_of_work() as uow:
        patients.register_patient(uow, NURSE_USER, PatientInput("EMPTY-1", TODAY.replace(year=1940)), today=TODAY)
    with db.unit_of_work(write=False) as uow:
        text = flat(
            pdf_pages(_pdf(render_longitudinal, longitudinal_report_data(uow, NURSE_USER, "EMPTY-1", TODAY)))[0]
        )
    assert "No visits recorded." in text and "Page 1 of 1" in text
