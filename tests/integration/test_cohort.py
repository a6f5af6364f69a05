"""The cohort summary agrees with an independent computation: plain loops over each patient's history
document (services.history, one patient at a time); filters change the counts; overdue timepoints."""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from cga_desk.domain.records import PatientInput
from cga_desk.persistence.database import Database
from cga_desk.services import notes, patients, visits
from cga_desk.services.cohort import (
    FIRST_BASELINE,
    LATEST_BASELINE,
    CohortOptions,
    CohortSummary,
    cohort_summary,
)
from cga_desk.services.dataset import CohortFilter
from cga_desk.services.history import history_document, patient_history
from tests.conftest import VECTORS
from tests.integration.test_dataset_export import RECORDS, import_vectors
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, TODAY

RANK = {"fit": 0, "intermediate": 1, "frail": 2}
SCORES = ("katz_adl", "lawton_iadl", "cci", "imwg_score")
DISEASE = {r["patient"]["id"]: r["patient"]["index_disease"] for r in RECORDS}
Keep = Callable[[str, dict[str, Any]], bool]
# The history document's rule: every visit, drafts included, each compared with its most recent baseline.
AS_HISTORY = CohortOptions(include_drafts=True, baseline=LATEST_BASELINE)


def documents(db: Database) -> dict[str, dict[str, Any]]:
    with db.unit_of_work(write=False) as uow:
        return {pid: history_document(patient_history(uow, NURSE_USER, pid)) for pid in sorted(DISEASE)}


def expected_categories(docs: dict[str, Any], keep: Keep) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for pid, doc in docs.items():
        for v in doc["visits"]:
            if keep(pid, v):
                counts = out.setdefault(v["timepoint"], [0, 0, 0, 0, 0])
                imwg = v["scores"]["imwg"]
                counts[0] += 1
                counts[1 + RANK[imwg["category"]] if imwg else 4] += 1
    return out


def expected_mean_change(docs: dict[str, Any], keep: Keep) -> dict[tuple[str, str], tuple[int, float]]:
    values: dict[tuple[str, str], list[int]] = {}
    for pid, doc in docs.items():
        for v in doc["visits"]:
            if keep(pid, v):
                for score in SCORES:
                    change = (v["change_from_baseline"] or {}).get(score)
                    values.setdefault((v["timepoint"], score), [])
                    if change is not None:
                        values[(v["timepoint"], score)].append(change)
    return {k: (len(x), sum(x) / len(x) if x else math.nan) for k, x in values.items()}


def expected_worklist(docs: dict[str, Any], keep: Keep) -> list[tuple[str, str, str | None, str | None, str]]:
    out = []
    for pid, doc in docs.items():
        kept = [v for v in doc["visits"] if keep(pid, v)]
        if not kept:
            continue
        scored = [v for v in kept if v["scores"]["imwg"]]
        base_cat = latest_cat = None
        reasons = []
        if scored:
            last = scored[-1]
            latest_cat = last["scores"]["imwg"]["category"]
            base = [v for v in doc["visits"] if v["is_baseline"] and v["date"] == last["baseline_date"]]
            base_cat = base[0]["scores"]["imwg"]["category"] if base and base[0]["scores"]["imwg"] else None
            if base_cat and RANK[latest_cat] > RANK[base_cat]:
                reasons.append(f"worsened since baseline: {base_cat} -> {latest_cat}")
        if kept[-1]["declined"]:
            reasons.append("latest visit declined: " + ", ".join(kept[-1]["declined"]))
        if reasons:
            out.append((pid, kept[-1]["date"], base_cat, latest_cat, "; ".join(reasons)))
    return out


def assert_agrees(summary: CohortSummary, docs: dict[str, Any], keep: Keep) -> None:
    cats = expected_categories(docs, keep)
    assert {tp: list(row) for tp, row in summary.categories.iterrows()} == cats
    assert list(summary.categories.columns) == ["n", "fit", "intermediate", "frail", "incomplete"]
    assert summary.n_visits == sum(c[0] for c in cats.values())
    assert summary.n_patients == len({pid for pid, d in docs.items() for v in d["visits"] if keep(pid, v)})
    means = expected_mean_change(docs, keep)
    assert len(summary.mean_change) == len(means)
    for row in summary.mean_change.itertuples(index=False):
        n, mean = means[(row.timepoint, row.score)]
        assert row.n == n, (row.timepoint, row.score)
        assert (math.isnan(row.mean_change) and math.isnan(mean)) or row.mean_change == pytest.approx(mean)
        assert row.direction == (
            "negative = decline" if row.score in ("katz_adl", "lawton_iadl") else "positive = decline"
        )
    got = [
        (w.study_id, w.latest_visit_date.isoformat(), w.baseline_category, w.latest_category, w.reason)
        for w in summary.worklist
    ]
    assert got == expected_worklist(docs, keep)


FILTERS: list[tuple[CohortFilter | None, Keep]] = [
    (None, lambda pid, v: True),
    (CohortFilter(index_disease="multiple_myeloma"), lambda pid, v: DISEASE[pid] == "multiple_myeloma"),
    (
        CohortFilter(date_from=date(2024, 1, 1), date_to=date(2025, 6, 30)),
        lambda pid, v: "2024-01-01" <= v["date"] <= "2025-06-30",
    ),
    (
        CohortFilter(timepoints=("Baseline", "End of induction"), study_ids=("DEMO-001", "DEMO-003", "DEMO-005")),
        lambda pid, v: (
            v["timepoint"] in ("Baseline", "End of induction") and pid in ("DEMO-001", "DEMO-003", "DEMO-005")
        ),
    ),
]


@pytest.mark.parametrize(("filters", "keep"), FILTERS, ids=["all", "myeloma", "dates", "timepoints+patients"])
def test_summary_agrees_with_history_documents(db: Database, filters: CohortFilter | None, keep: Keep) -> None:
    import_vectors(db)
    with db.unit_of_work(write=False) as uow:
        summary = cohort_summary(uow, NURSE_USER, filters, TODAY, AS_HISTORY)
    assert summary.filters == (filters or CohortFilter()) and summary.today == TODAY
    assert_agrees(summary, documents(db), keep)


def test_summary_known_values_and_protocol_order(db: Database) -> None:
    import_vectors(db)
    with db.unit_of_work(write=False) as uow:
        everything = cohort_summary(uow, NURSE_USER, None, TODAY, AS_HISTORY)
        myeloma = cohort_summary(uow, NURSE_USER, CohortFilter(index_disease="multiple_myeloma"), TODAY, AS_HISTORY)
        year_2024 = cohort_summary(
            uow, NURSE_USER, CohortFilter(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)), TODAY, AS_HISTORY
        )
    assert list(everything.categories.index) == [
        "Baseline",
        "End of induction",
        "CAR-T + 1 month",
        "End of consolidation",
        "Follow-up month 9",
        "Follow-up month 12",
        "Follow-up month 15",
        "Follow-up month 18",
    ]
    assert list(everything.categories.loc["Baseline"]) == [6, 0, 2, 2, 2]
    assert (everything.n_patients, everything.n_visits) == (6, 25)
    assert (myeloma.n_patients, myeloma.n_visits) == (2, 11)
    assert (year_2024.n_patients, year_2024.n_visits) == (3, 9)  # DEMO-001 (4), DEMO-003 (4), DEMO-004 (1)
    demo3 = next(w for w in everything.worklist if w.study_id == "DEMO-003")
    assert demo3.reason == "worsened since baseline: intermediate -> frail; latest visit declined: katz_adl, imwg_score"
    assert "DEMO-001" not in [w.study_id for w in everything.worklist]  # no baseline: nothing to compare with
    induction = everything.mean_change.set_index(["timepoint", "score"]).loc[("End of induction", "cci")]
    assert (induction["n"], induction["mean_change"]) == (4, pytest.approx(0.75))


def _register(db: Database, study_id: str, disease: str, diagnosed: date) -> None:
    with db.unit_of_work() as uow:
        patients.register_patient(
            uow,
            NURSE_USER,
            PatientInput(
                study_id, date(1948, 1, 1), f"Name {study_id}", index_disease=disease, diagnosis_date=diagnosed
            ),
            TODAY,
        )


def _visit(db: Database, study_id: str, day: date, timepoint: str) -> None:
    with db.unit_of_work() as uow:
        visits.start_visit(uow, NURSE_USER, study_id, day, timepoint, "patient", today=TODAY)


def test_unknown_timepoints_after_the_protocol_numbers_as_numbers_and_unscheduled_last(db: Database) -> None:
    """Known timepoints in the schedule's order; the others in natural order (month 63 before month 102,
    which a text sort puts first); 'Unscheduled' last. Drafts counted here (include_drafts)."""
    _register(db, "P-1", "multiple_myeloma", date(2016, 1, 5))
    for day, timepoint in (
        (date(2026, 1, 6), "Unscheduled"),
        (date(2025, 2, 1), "Follow-up month 102"),
        (date(2016, 1, 7), "Baseline"),
        (date(2021, 3, 1), "Follow-up month 63"),
        (date(2020, 12, 1), "Follow-up month 60"),
        (date(2021, 6, 1), "Follow-up month 66"),
        (date(2026, 3, 1), "Another study visit"),
    ):
        _visit(db, "P-1", day, timepoint)
    with db.unit_of_work(write=False) as uow:
        summary = cohort_summary(uow, NURSE_USER, None, TODAY, CohortOptions(include_drafts=True))
        default = cohort_summary(uow, NURSE_USER, None, TODAY)
    assert list(summary.categories.index) == [
        "Baseline",
        "Follow-up month 60",
        "Another study visit",
        "Follow-up month 63",
        "Follow-up month 66",
        "Follow-up month 102",
        "Unscheduled",
    ]
    assert summary.categories["incomplete"].tolist() == [1] * 7 and summary.worklist == []
    # by default the seven drafts are left out, and said to be
    assert (default.n_visits, default.drafts_left_out, list(default.categories.index)) == (0, 7, [])


def test_overdue_timepoints(db: Database) -> None:
    _register(db, "OD-1", "multiple_myeloma", date(2026, 6, 1))
    with db.unit_of_work() as uow:
        patients.add_milestone(uow, NURSE_USER, "OD-1", "induction_start", date(2026, 6, 10))
    _visit(db, "OD-1", date(2026, 6, 2), "Baseline")
    _register(db, "OD-2", "primary_plasma_cell_leukemia", date(2026, 6, 1))  # baseline never done
    _register(db, "OD-3", "primary_plasma_cell_leukemia", date(2026, 11, 20))  # baseline due now, not overdue
    with db.unit_of_work(write=False) as uow:
        everyone = cohort_summary(uow, NURSE_USER, None, TODAY).overdue
        myeloma = cohort_summary(uow, NURSE_USER, CohortFilter(index_disease="multiple_myeloma"), TODAY).overdue
        baseline = cohort_summary(uow, NURSE_USER, CohortFilter(timepoints=("Baseline",)), TODAY).overdue
    # induction start 2026-06-10 + 63 days = 2026-08-12 (window 7 days): 104 days before 2026-11-24
    assert [(o.study_id, o.name, o.timepoint, o.due, o.days_overdue) for o in everyone] == [
        ("OD-1", "Name OD-1", "End of induction", date(2026, 8, 12), 104),
        ("OD-2", "Name OD-2", "Baseline", date(2026, 6, 1), 176),
    ]
    assert [o.study_id for o in myeloma] == ["OD-1"] and [o.study_id for o in baseline] == ["OD-2"]


def test_trend_review_date_shown_on_the_worklist(db: Database) -> None:
    import_vectors(db)
    with db.unit_of_work() as uow:
        notes.add_trend_review(uow, DOCTOR, "DEMO-003", date(2026, 11, 20), "Discussed at MDT", today=TODAY)
    with db.unit_of_work(write=False) as uow:
        rows = {w.study_id: w for w in cohort_summary(uow, NURSE_USER, None, TODAY, AS_HISTORY).worklist}
    assert rows["DEMO-003"].reviewed_on == date(2026, 11, 20) and rows["DEMO-002"].reviewed_on is None


def _summary_queries(db: Database) -> int:
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731 - (conn, cursor, statement, ...)
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        with db.unit_of_work(write=False) as uow:
            cohort_summary(uow, NURSE_USER, None, TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    return sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))


def test_summary_query_count_does_not_grow_with_patients(db: Database) -> None:
    import_vectors(db)
    six = _summary_queries(db)
    import_vectors(db, (VECTORS / "visits.jsonl").read_text().replace('"DEMO-', '"MORE-'))
    assert _summary_queries(db) == six


def _complete(v: dict[str, Any]) -> bool:
    """Imported visits are complete when Katz, Lawton and Charlson are complete, else drafts."""
    return all(v["scores"][k] is not None for k in ("katz_adl", "lawton_iadl", "cci"))


def _score(v: dict[str, Any], key: str) -> int | None:
    imwg = v["scores"]["imwg"]
    return (imwg or {}).get("score") if key == "imwg_score" else v["scores"][key]


def expected_first_baseline_changes(docs: dict[str, Any]) -> dict[tuple[str, str], list[int]]:
    """Per (timepoint, score), the change of each complete visit from the patient's FIRST baseline (the
    earliest visit the history document marks as a baseline), from the documents alone."""
    out: dict[tuple[str, str], list[int]] = {}
    for doc in docs.values():
        bases = [v for v in doc["visits"] if v["is_baseline"]]
        for v in doc["visits"]:
            if not _complete(v):
                continue
            for key in SCORES:
                values = out.setdefault((v["timepoint"], key), [])
                if bases and v["baseline_date"] is not None:
                    now, then = _score(v, key), _score(bases[0], key)
                    if now is not None and then is not None:
                        values.append(now - then)
    return out


def test_defaults_count_complete_visits_against_the_first_baseline_with_median_and_quartiles(db: Database) -> None:
    """The default summary: drafts left out (and counted as left out), change from the first baseline
    (DEMO-004 was re-baselined at month 12), n, mean, median and quartiles as statistics.quantiles
    computes them (method 'inclusive' = linear interpolation)."""
    import statistics

    import_vectors(db)
    docs = documents(db)
    with db.unit_of_work(write=False) as uow:
        summary = cohort_summary(uow, NURSE_USER, None, TODAY)
        latest = cohort_summary(uow, NURSE_USER, None, TODAY, CohortOptions(baseline=LATEST_BASELINE))
    assert summary.options == CohortOptions(include_drafts=False, baseline=FIRST_BASELINE)
    every = [v for d in docs.values() for v in d["visits"]]
    assert summary.n_visits == sum(map(_complete, every)) and summary.drafts_left_out == len(every) - summary.n_visits
    assert summary.drafts_left_out > 0 and summary.categories["incomplete"].sum() == 0
    assert summary.rebaselined == latest.rebaselined == 1  # DEMO-004
    expected = expected_first_baseline_changes(docs)
    checked_quartiles = 0
    for row in summary.mean_change.itertuples(index=False):
        values = expected[(row.timepoint, row.score)]
        assert row.n == len(values), (row.timepoint, row.score)
        if not values:
            assert math.isnan(row.mean_change) and math.isnan(row.median) and math.isnan(row.q1)
            continue
        assert row.mean_change == pytest.approx(statistics.fmean(values))
        assert row.median == pytest.approx(statistics.median(values))
        if len(values) >= 2:
            q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
            assert (row.q1, row.q3) == (pytest.approx(q1), pytest.approx(q3))
            checked_quartiles += 1
        else:
            assert row.q1 == row.q3 == values[0]
    assert checked_quartiles >= 5
    # the month-18 visit of DEMO-004 is compared with its first baseline by default, its month-12 one under
    # "latest": the two policies give different numbers for that timepoint
    month18 = summary.mean_change.set_index(["timepoint", "score"]).loc[("Follow-up month 18", "lawton_iadl")]
    month18_latest = latest.mean_change.set_index(["timepoint", "score"]).loc[("Follow-up month 18", "lawton_iadl")]
    doc4 = {v["timepoint"]: v for v in docs["DEMO-004"]["visits"]}
    assert month18["mean_change"] == _score(doc4["Follow-up month 18"], "lawton_iadl") - _score(
        doc4["Baseline"], "lawton_iadl"
    )
    assert month18_latest["mean_change"] == doc4["Follow-up month 18"]["change_from_baseline"]["lawton_iadl"]


def test_patients_whose_due_dates_cannot_be_computed_are_named_not_counted_as_on_time(db: Database) -> None:
    """An imported patient without a diagnosis date or milestones, last seen in 2022: no timepoint has a
    due date, so none is overdue; the summary says so by naming them (oldest last visit first), not by
    counting them among the patients checked."""
    from cga_desk.interop.jsonl import read_jsonl
    from cga_desk.services.importing import import_records

    records = "\n".join(
        json.dumps(
            {"patient": {"id": pid, "birth_date": "1950-01-01"}, "visit": {"date": day, "timepoint": "Baseline"}}
        )
        for pid, day in (("OLD-2", "2023-05-01"), ("OLD-1", "2022-03-01"))
    )
    with db.unit_of_work() as uow:
        import_records(uow, ADMIN_USER, read_jsonl(io.StringIO(records)), today=TODAY)
    _register(db, "OD-2", "primary_plasma_cell_leukemia", date(2026, 6, 1))  # baseline never done: overdue
    with db.unit_of_work() as uow:  # registered without a diagnosis date and never seen
        patients.register_patient(
            uow,
            NURSE_USER,
            PatientInput("NEW-1", date(1948, 1, 1), "Name NEW-1", index_disease="multiple_myeloma"),
            TODAY,
        )
    with db.unit_of_work(write=False) as uow:
        summary = cohort_summary(uow, NURSE_USER, None, TODAY)
    assert [(o.study_id, o.timepoint) for o in summary.overdue] == [("OD-2", "Baseline")]
    assert summary.n_scheduled == 1
    assert [(u.study_id, u.last_visit) for u in summary.unchecked] == [
        ("NEW-1", None),
        ("OLD-1", date(2022, 3, 1)),
        ("OLD-2", date(2023, 5, 1)),
    ]
