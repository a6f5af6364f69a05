"""An instrument appended to the registry (after G8) reaches every layer with no code of its own: its
visit_scores columns, import and scoring, the analysis dataset (its columns after the spec's, in
registry order, with its change from baseline and its items, half points kept) and the codebook.

The registry is read when the modules are imported (the tables, the document's fields), so the fake
instrument is registered in a fresh Python process before anything else is imported; the database gets
its columns as the instrument's migration would add them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store_fixtures import POSTGRES_ENV, create_postgres_database, drop_postgres_database, postgres_url

CHILD = r'''
import io, json, sys
from datetime import date
from typing import Any

from cga_desk.forms import registry
from cga_desk.forms.definitions import InstrumentSpec, Item, Option
from cga_desk.forms.instrument import Column, Instrument, ScoreKey


class _Fake(Instrument):
    """Answers are the options' points (as G8's)."""

    def to_answer(self, item: Item, option_code: str) -> Any:
        return next(o.points for o in item.options if o.code == option_code)

    def to_option(self, item: Item, answer: Any) -> Any:
        if isinstance(answer, bool) or not isinstance(answer, int | float):
            return None
        return next((o for o in item.options if o.points == answer), None)

    def stored_values(self, total: Any, age_years: Any) -> dict[str, Any]:
        return {"fake_total": total, "fake_low": None if total is None else total <= 1}


SPEC = InstrumentSpec(
    "fake", "Fake screen", "fake/1", "a test", "", "higher = better", 0, 3,
    items=(
        Item("walk", "Walks outside", (Option("0", "No", 0), Option("1", "Yes", 1))),
        Item("mood", "Mood", (Option("0", "Low", 0), Option("0.5", "Unsure", 0.5), Option("2", "Good", 2))),
    ),
)
FAKE = _Fake(
    spec=SPEC, short_title="Fake", required=False, total_key="fake_total", change=ScoreKey("fake", "Fake", -1),
    in_core_dataset=False,
    extra_columns=(
        Column("fake_total", "Fake total", "0-3 in steps of 0.5", "higher = better", "number"),
        Column("fake_low", "Fake total of 1 or less", "0, 1", "", "boolean"),
    ),
)
registry.INSTRUMENTS += (FAKE,)
registry.BY_CODE["fake"] = FAKE
registry.CODES += ("fake",)
registry.APPENDED += (FAKE,)
registry.CHANGE_KEYS += (FAKE.change,)
registry.DECLINE_SIGN["fake"] = -1

from pathlib import Path

from cga_desk.app import open_store
from cga_desk.domain.records import ADMIN, NURSE, PHYSICIAN, User
from cga_desk.interop.export import write_export
from cga_desk.interop.jsonl import read_jsonl
from cga_desk.services.dataset import analysis_frame, codebook_frame
from cga_desk.services.history import history_document, patient_history
from cga_desk.services.importing import import_records

db = open_store(sys.argv[1])
with db.engine.begin() as conn:  # what the instrument's migration does
    conn.exec_driver_sql("ALTER TABLE visit_scores ADD COLUMN fake_total FLOAT")
    conn.exec_driver_sql("ALTER TABLE visit_scores ADD COLUMN fake_low BOOLEAN")
core = {
    "katz": {c: "independent" for c in registry.BY_CODE["katz"].spec.item_codes},
    "lawton": {c: 1 for c in registry.BY_CODE["lawton"].spec.item_codes},
    "charlson": [],
}
visits = [
    ("2026-01-10", "Baseline", {"walk": 1, "mood": 0.5}),  # 1.5
    ("2026-03-10", "Follow-up", {"walk": 0, "mood": 0.5}),  # 0.5: low, change -1
    ("2026-05-10", "Follow-up 2", None),  # not asked
    ("2026-07-10", "Follow-up 3", {"walk": 1}),  # incomplete
]
lines = []
for day, timepoint, fake in visits:
    assessment = dict(core, **({} if fake is None else {"fake": fake}))
    lines.append(json.dumps({
        "patient": {"id": "P-1", "birth_date": "1950-02-01"},
        "visit": {"date": day, "timepoint": timepoint},
        "assessment": assessment,
    }))
with db.unit_of_work() as uow:
    import_records(uow, User("admin", ADMIN), read_jsonl(io.StringIO("\n".join(lines))), today=date(2026, 11, 24))
with db.unit_of_work(write=False) as uow:
    frame = analysis_frame(uow, User("Doctor", PHYSICIAN))
    history = history_document(patient_history(uow, User("Nurse", NURSE), "P-1"))
book = codebook_frame()
out = Path(sys.argv[2]) / "cga.csv"
write_export(frame, book, out, "csv")
lines = out.read_text().splitlines()
at = lines[0].split(",").index("fake_total")
db.close()
print(json.dumps({
    "csv": [line.split(",")[at:at + 5] for line in lines],
    "columns": list(frame.columns),
    "dtypes": {c: str(t) for c, t in frame.dtypes.items()},
    "rows": json.loads(frame.astype(object).where(frame.notna(), None).to_json(orient="records")),
    "codebook": book.to_dict(orient="records"),
    "history_scores": [v["scores"] for v in history["visits"]],
}))
'''


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def appended(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    folder = tmp_path_factory.mktemp("appended")
    if request.param == "postgresql":
        if postgres_url() is None:
            pytest.skip(f"{POSTGRES_ENV} is not set")
        url = create_postgres_database()
    else:
        url = f"sqlite:///{folder / 'cga.sqlite3'}"
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, url, str(folder)],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
            env=os.environ,
            timeout=120,
        )
    finally:
        if request.param == "postgresql":
            drop_postgres_database(url)
    assert done.returncode == 0, done.stderr
    yield json.loads(done.stdout.splitlines()[-1])


def test_its_columns_follow_the_spec_columns_in_registry_order(appended: dict) -> None:
    from tests.integration.test_dataset_export import EXTENSION_COLUMNS, REFERENCE_COLUMNS

    appended_columns = ["fake_total", "fake_low", "change_fake", "fake_walk", "fake_mood"]
    # issue 19's columns come after every instrument's own, and cover the new one too
    extension = list(EXTENSION_COLUMNS)
    at = extension.index("change_first_g8") + 1
    extension[at:at] = ["baseline_fake", "first_baseline_fake", "change_first_fake"]
    at = extension.index("g8_form_version") + 1
    extension[at:at] = ["fake_not_assessable", "fake_form_version"]
    expected = REFERENCE_COLUMNS + appended_columns + extension + ["patient_name", "birth_date", "mrn"]
    assert appended["columns"] == expected
    assert [r["column"] for r in appended["codebook"]] == appended["columns"]


def test_its_values_keep_half_points_and_leave_the_missing_empty(appended: dict) -> None:
    rows = [
        {k: r[k] for k in ("fake_total", "fake_low", "change_fake", "fake_walk", "fake_mood")} for r in appended["rows"]
    ]
    assert rows == [
        {"fake_total": 1.5, "fake_low": 0, "change_fake": 0.0, "fake_walk": 1, "fake_mood": 0.5},
        {"fake_total": 0.5, "fake_low": 1, "change_fake": -1.0, "fake_walk": 0, "fake_mood": 0.5},
        {"fake_total": None, "fake_low": None, "change_fake": None, "fake_walk": None, "fake_mood": None},
        {"fake_total": None, "fake_low": None, "change_fake": None, "fake_walk": 1, "fake_mood": None},
    ]
    dtypes = appended["dtypes"]
    assert (dtypes["fake_total"], dtypes["change_fake"], dtypes["fake_mood"]) == ("float64",) * 3  # never int-cast
    assert (dtypes["fake_low"], dtypes["fake_walk"]) == ("Int64", "Int64")
    assert [r["katz_adl"] for r in appended["rows"]] == [6] * 4  # the spec's columns are untouched
    assert [r["status"] for r in appended["rows"]] == ["complete"] * 4  # optional, like ECOG


def test_its_codebook_rows_come_from_the_registry(appended: dict) -> None:
    book = {r["column"]: r for r in appended["codebook"]}
    assert book["fake_total"] == {
        "column": "fake_total",
        "meaning": "Fake total",
        "range": "0-3 in steps of 0.5",
        "direction": "higher = better",
        "type": "number",
        "value_labels": "",
    }
    assert book["change_fake"]["direction"] == "negative = decline" and book["change_fake"]["range"] == "-3 to +3"
    assert book["change_fake"]["meaning"].startswith("fake_total at this visit - fake_total at baseline")
    assert book["fake_mood"]["meaning"].startswith("Fake item 'Mood': 0 = Low; 0.5 = Unsure; 2 = Good.")
    assert book["fake_mood"]["range"] == "0-2" and book["fake_mood"]["direction"] == "points: higher = better"


def test_import_stores_and_scores_it_and_the_history_carries_it(appended: dict) -> None:
    assert [s.get("fake_total") for s in appended["history_scores"]] == [1.5, 0.5, None, None]


def test_the_csv_writes_half_points_and_empty_cells(appended: dict) -> None:
    assert appended["csv"] == [
        ["fake_total", "fake_low", "change_fake", "fake_walk", "fake_mood"],
        ["1.5", "0", "0.0", "1", "0.5"],
        ["0.5", "1", "-1.0", "0", "0.5"],
        ["", "", "", "", ""],
        ["", "", "", "1", ""],
    ]
