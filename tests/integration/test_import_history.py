"""Importing tests/data/visits.jsonl reproduces tests/data/histories.jsonl, on SQLite and
PostgreSQL; refused files change nothing; importing twice duplicates nothing."""

from __future__ import annotations

import io
import json
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import func, select

from cga_desk.domain.errors import ValidationError
from cga_desk.interop.jsonl import read_jsonl
from cga_desk.persistence.database import Database
from cga_desk.persistence.tables import AuditEvent, Patient, Visit
from cga_desk.services.history import history_document, history_frame, patient_history
from cga_desk.services.importing import import_records
from tests.conftest import VECTORS, load_jsonl
from tests.store_fixtures import ADMIN_USER, NURSE_USER, TODAY

HISTORIES = {h["patient"]["id"]: h for h in load_jsonl("histories.jsonl")}


def assert_contains(actual: Any, expected: Any, path: str = "") -> None:
    """Every key the reference gives must match exactly; the program may carry more keys."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        for key, value in expected.items():
            assert key in actual, f"{path}.{key} missing"
            assert_contains(actual[key], value, f"{path}.{key}")
    elif isinstance(expected, list) and expected and isinstance(expected[0], dict):
        assert len(actual) == len(expected), path
        for i, (a, e) in enumerate(zip(actual, expected)):
            assert_contains(a, e, f"{path}[{i}]")
    else:
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"


def _import(db: Database, text: str) -> Any:
    with db.unit_of_work() as uow:
        return import_records(uow, ADMIN_USER, read_jsonl(io.StringIO(text)), today=TODAY)


def _counts(db: Database) -> tuple[int, int, int]:
    with db.engine.connect() as conn:
        return tuple(conn.scalar(select(func.count()).select_from(t)) for t in (Patient, Visit, AuditEvent))  # type: ignore[return-value]


def test_shared_visits_reproduce_shared_histories(db: Database) -> None:
    summary = _import(db, (VECTORS / "visits.jsonl").read_text())
    assert (summary.patients_created, summary.visits_created) == (6, 25)
    for pid, expected in HISTORIES.items():
        with db.unit_of_work(write=False) as uow:
            assert_contains(history_document(patient_history(uow, NURSE_USER, pid)), expected, pid)


def test_history_frame_agrees_with_the_document(db: Database) -> None:
    _import(db, (VECTORS / "visits.jsonl").read_text())
    with db.unit_of_work(write=False) as uow:
        frame = history_frame(patient_history(uow, NURSE_USER, "DEMO-004"))
    expected = HISTORIES["DEMO-004"]["visits"]
    assert list(frame["timepoint"]) == [v["timepoint"] for v in expected]
    assert [None if v is pd.NA else int(v) for v in frame["change_lawton_iadl"]] == [
        v["change_from_baseline"]["lawton_iadl"] if v["change_from_baseline"] else None for v in expected
    ]
    assert frame["is_baseline"].sum() == 2  # re-baselined at month 12


def test_importing_twice_creates_nothing_new(db: Database) -> None:
    text = (VECTORS / "visits.jsonl").read_text()
    _import(db, text)
    before = _counts(db)
    summary = _import(db, text)
    assert (summary.visits_created, summary.visits_unchanged, summary.patients_created) == (0, 25, 0)
    assert _counts(db)[:2] == before[:2]


def _with_bad_line(change: dict[str, Any], line: int = 4) -> str:
    records = load_jsonl("visits.jsonl")
    bad = json.loads(json.dumps(records[line - 1]))
    for dotted, value in change.items():
        target = bad
        *path, last = dotted.split(".")
        for key in path:
            target = target[key]
        target[last] = value
    records[line - 1] = bad
    return "".join(json.dumps(r) + "\n" for r in records)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"visit.date": "2027-01-01"}, "visit.date"),
        ({"visit.date": "1900-01-01"}, "visit.date"),
        ({"assessment.lawton.telephone": 7}, "assessment.lawton.telephone"),
        ({"assessment.charlson": ["gout"]}, "assessment.charlson"),
        ({"patient.birth_date": "1946-13-05"}, "patient.birth_date"),
        ({"visit.timepoint": ""}, "visit.timepoint"),
    ],
)
def test_refused_line_names_line_and_field_and_writes_nothing(db: Database, change: dict[str, Any], field: str) -> None:
    before = _counts(db)
    with pytest.raises(ValidationError) as info:
        _import(db, _with_bad_line(change))
    assert info.value.line == 4 and info.value.field == field and str(info.value).startswith("line 4: " + field)
    assert _counts(db) == before


def test_conflicting_reimport_is_refused_and_nothing_written(db: Database) -> None:
    _import(db, (VECTORS / "visits.jsonl").read_text())
    before = _counts(db)
    with pytest.raises(ValidationError, match="other answers") as info:
        _import(db, _with_bad_line({"assessment.ecog": 4}, line=2))
    assert info.value.line == 2 and _counts(db) == before


def test_patient_birth_date_conflict_is_refused(db: Database) -> None:
    records = load_jsonl("visits.jsonl")
    first = records[0]
    other = {
        **first,
        "visit": {"date": "2024-10-01", "timepoint": "Unscheduled"},
        "patient": {**first["patient"], "birth_date": "1951-03-13"},
    }
    with pytest.raises(ValidationError, match="differs from the stored birth date") as info:
        _import(db, json.dumps(first) + "\n" + json.dumps(other) + "\n")
    assert info.value.line == 2 and info.value.field == "patient.birth_date"
    assert _counts(db) == (0, 0, 0)
