"""Issue 19's columns of the wide dataset: appended after every instrument's, values checked against the
history documents, the ADaM export and hand-made cases; the codebook's types and value labels."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import VECTORS, load_jsonl
from tests.integration.cli_helpers import create_admin


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--db", str(db), *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    folder = tmp_path_factory.mktemp("extension")
    db = folder / "v.sqlite3"
    records = [json.loads(line) for line in (VECTORS / "visits.jsonl").read_text().splitlines() if line.strip()]
    both = {  # a patient with both grades of two Charlson pairs ticked, a proxy and a not-assessable Katz
        "patient": {"id": "PAIR-1", "birth_date": "1940-02-03", "sex": "male", "diagnosis_date": "2024-01-10"},
        "visit": {"date": "2024-03-01", "timepoint": "Baseline", "baseline": True, "respondent": "proxy"},
        "assessment": {
            "katz": 6,
            "lawton": 5,
            "charlson": [
                "diabetes_uncomplicated",
                "diabetes_end_organ_damage",
                "solid_tumor",
                "metastatic_solid_tumor",
            ],
        },
    }
    lines = folder / "visits.jsonl"
    lines.write_text("\n".join(json.dumps(r) for r in [*records, both]) + "\n")
    admin = create_admin(db, folder / "secrets")  # importing and exporting are an administrator's rights
    assert cli(db, "import", str(lines), *admin).returncode == 0
    assert cli(db, "export", "--out", str(folder / "all.csv"), *admin).returncode == 0
    assert cli(db, "export", "--format", "adam", "--out", str(folder / "adam"), *admin).returncode == 0
    return {
        "data": pd.read_csv(folder / "all.csv", dtype=str, keep_default_na=False),
        "codebook": pd.read_csv(folder / "all.codebook.csv", dtype=str, keep_default_na=False),
        "adqs": pd.read_csv(folder / "adam" / "adqs.csv", dtype=str, keep_default_na=False),
    }


def test_spec_columns_keep_their_places_and_the_new_ones_follow(exported: dict[str, pd.DataFrame]) -> None:
    from tests.integration.test_dataset_export import EXTENSION_COLUMNS, REFERENCE_COLUMNS

    columns = list(exported["data"].columns)
    assert columns == REFERENCE_COLUMNS + EXTENSION_COLUMNS + ["patient_name", "birth_date", "mrn"]


def test_values_agree_with_the_histories_and_adam(exported: dict[str, pd.DataFrame]) -> None:
    data = exported["data"].set_index(["patient_id", "visit_date"])
    for history in load_jsonl("histories.jsonl"):
        pid = history["patient"]["id"]
        for n, visit in enumerate(history["visits"], start=1):
            row = data.loc[(pid, visit["date"])]
            assert row["visit_number"] == str(n)
            change = visit["change_from_baseline"] or {}
            for key in ("katz_adl", "lawton_iadl", "cci", "imwg_score"):
                got = row[f"change_{key}"]
                assert got == ("" if change.get(key) is None else str(change[key]))
                if row["baseline_date"] and row["baseline_date"] == row["first_baseline_date"]:
                    assert row[f"change_first_{key}"] == got  # one baseline: both changes agree
    adqs = exported["adqs"]
    first = adqs[(adqs["PARAMCD"] == "KATZADL") & (adqs["BASETYPE"] == "FIRST")]
    for r in first.itertuples():
        row = data.reset_index().query("patient_id == @r.USUBJID and visit_date == @r.ADT").iloc[0]
        assert row["first_baseline_katz_adl"] == (r.BASE.removesuffix(".0") if r.BASE else "")
        assert row["change_first_katz_adl"] == (r.CHG.removesuffix(".0") if r.CHG else "")
        ady = int(r.ADY) if r.ADY else None  # CDISC: baseline day 1, no day 0; before it negative
        expected = "" if ady is None or ady < 0 else str(ady - 1)  # the dataset: empty before the first baseline
        assert row["days_from_first_baseline"] == expected


def test_patient_level_respondent_pairs_and_versions(exported: dict[str, pd.DataFrame]) -> None:
    row = exported["data"].set_index("patient_id").loc["PAIR-1"]
    assert (row["sex"], row["diagnosis_date"], row["respondent"]) == ("male", "2024-01-10", "proxy")
    assert row["charlson_both_diabetes_end_organ_damage"] == "1"
    assert row["charlson_both_metastatic_solid_tumor"] == "1"
    assert row["charlson_both_moderate_severe_liver_disease"] == "0"
    assert row["katz_form_version"] == "katz-hartford-0-6/1" and row["ecog_form_version"] == ""
    assert row["scoring_version"].startswith("cga-desk-scoring/")


def test_codebook_types_and_value_labels(exported: dict[str, pd.DataFrame]) -> None:
    book = exported["codebook"].set_index("column")
    assert list(exported["codebook"].columns) == ["column", "meaning", "range", "direction", "type", "value_labels"]
    assert book.at["katz_adl", "type"] == "integer" and book.at["visit_date", "type"] == "date"
    bathing = json.loads(book.at["katz_bathing", "value_labels"])
    assert list(bathing) == ["1", "0"] and bathing["1"].startswith("Independent")
    assert list(json.loads(book.at["g8_self_rated_health", "value_labels"])) == ["0", "0.5", "1", "2"]
    assert json.loads(book.at["imwg_category", "value_labels"])["frail"] == "score 2 or more"
    assert json.loads(book.at["respondent", "value_labels"])["proxy"] == "a proxy"
    columns = book[~book.index.str.startswith("(")]  # the rows about the file itself (protect) are no columns
    assert set(columns["type"]) <= {"integer", "number", "boolean", "text", "date"}
