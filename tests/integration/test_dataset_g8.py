"""G8 in the analysis dataset (docs/clinical-rules.md 12-13): the shared G8 cases imported as visits give their
total, verdict and item points in the columns appended after the spec's, with the change from baseline."""

from __future__ import annotations

import io
import json
from typing import Any

import pandas as pd

from cga_desk.interop.jsonl import read_jsonl
from cga_desk.persistence.database import Database
from cga_desk.services.dataset import analysis_frame, codebook_frame
from cga_desk.services.importing import import_records
from tests.conftest import load_jsonl
from tests.integration.test_dataset_export import G8_COLUMNS, G8_ITEMS
from tests.store_fixtures import ADMIN_USER, DOCTOR, TODAY

CASES = [c for c in load_jsonl("g8.jsonl") if "refuse_field" not in c]
VISIT_DATE = "2026-06-01"


def _birth(day: str, age: int) -> str:
    return f"{int(day[:4]) - age - 1}-12-31"  # `age` completed years on `day`


def _record(pid: str, day: str, birth: str, assessment: dict[str, Any], baseline: bool = False) -> str:
    return json.dumps(
        {
            "patient": {"id": pid, "birth_date": birth},
            "visit": {"date": day, "timepoint": "Baseline" if baseline else "Follow-up", "baseline": baseline},
            "assessment": assessment,
        }
    )


def _case_record(case: dict[str, Any]) -> str:
    given = case["input"]
    day = given.get("assessment_date", VISIT_DATE)
    birth = given.get("birth_date") or _birth(day, given["age_years"])
    dates = ("birth_date", "assessment_date", "age_years")
    return _record(case["id"], day, birth, {k: v for k, v in given.items() if k not in dates})


def _import(db: Database, lines: list[str]) -> pd.DataFrame:
    with db.unit_of_work() as uow:
        import_records(uow, ADMIN_USER, read_jsonl(io.StringIO("\n".join(lines))), today=TODAY)
    with db.unit_of_work(write=False) as uow:
        return analysis_frame(uow, DOCTOR, deidentified=True)


def _cell(value: Any) -> Any:
    return None if pd.isna(value) else value


def test_g8_cases_give_their_total_verdict_and_points(db: Database) -> None:
    frame = _import(db, [_case_record(c) for c in CASES]).set_index("patient_id")
    columns = list(frame.columns)
    at = columns.index(G8_COLUMNS[0])  # after the spec's columns and items, before issue 19's additions
    assert columns[at : at + len(G8_COLUMNS)] == G8_COLUMNS and columns[at + len(G8_COLUMNS)] == "visit_number"
    for case in CASES:
        row, expect = frame.loc[case["id"]], case["expect"]["g8"] or {}
        abnormal = expect.get("abnormal")
        assert _cell(row["g8_total"]) == expect.get("total"), case["id"]
        assert _cell(row["g8_abnormal"]) == (None if abnormal is None else int(abnormal)), case["id"]
        for item in G8_ITEMS:
            given = (case["input"].get("g8") or {}).get(item)
            assert _cell(row[f"g8_{item}"]) == given, (case["id"], item)
    assert frame["g8_total"].dtype == float and frame["g8_self_rated_health"].dtype == float  # half points
    assert str(frame["g8_abnormal"].dtype) == "Int64" and str(frame["g8_bmi"].dtype) == "Int64"


def test_change_g8_follows_the_marked_baseline(db: Database) -> None:
    best = {c: 2 for c in G8_ITEMS} | {"weight_loss": 3, "bmi": 3, "polypharmacy": 1}  # 15 + age 2 = 17
    worse = best | {"bmi": 0, "self_rated_health": 0.5}  # 17 - 3 - 1.5 = 12.5
    frame = _import(
        db,
        [
            _record("P-G8", "2026-01-10", _birth("2026-01-10", 70), {"g8": best}, baseline=True),
            _record("P-G8", "2026-04-10", _birth("2026-01-10", 70), {"g8": worse}),
        ],
    )
    assert frame["g8_total"].tolist() == [17.0, 12.5]
    assert frame["change_g8"].tolist() == [0.0, -4.5]
    assert frame["g8_abnormal"].tolist() == [0, 1]


def test_the_codebook_describes_the_g8_columns() -> None:
    book = codebook_frame().set_index("column")
    assert book.at["g8_total", "range"] == "0-17 in steps of 0.5"
    assert book.at["g8_total", "direction"] == "higher = better"
    assert book.at["change_g8", "direction"] == "negative = decline"
    assert "0.5 = Does not know" in book.at["g8_self_rated_health", "meaning"]
    assert book.at["g8_bmi", "range"] == "0-3"
