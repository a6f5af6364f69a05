"""The analysis dataset (docs/clinical-rules.md section 12) equals the shared reference histories value by value, as a
DataFrame and as CSV and XLSX files read back from disk; de-identified exports; `cga-desk export` as a process."""

from __future__ import annotations

import errno
import io
import math
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import event

from cga_desk.domain.records import PatientInput
from cga_desk.forms import charlson
from cga_desk.interop.export import ExportError, codebook_path, write_export
from cga_desk.interop.jsonl import read_jsonl
from cga_desk.persistence.database import Database
from cga_desk.services import patients, visits
from cga_desk.services.dataset import CohortFilter, analysis_frame, codebook_frame
from cga_desk.services.importing import import_records
from tests.conftest import VECTORS, load_jsonl
from tests.integration.cli_helpers import create_admin
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, TODAY

# docs/clinical-rules.md section 12, typed out here rather than taken from the code under test.
SPEC_COLUMNS = [
    "patient_id",
    "visit_date",
    "timepoint",
    "status",
    "is_baseline",
    "baseline_date",
    "days_from_baseline",
    "age_years",
    "katz_adl",
    "lawton_iadl",
    "cci",
    "cci_age_adjusted",
    "ecog",
    "imwg_score",
    "imwg_category",
    "imwg_points_age",
    "imwg_points_cci",
    "imwg_points_adl",
    "imwg_points_iadl",
    "simplified_frailty_score",
    "simplified_frailty_category",
    "adl_dependency",
    "iadl_dependency",
    "change_katz_adl",
    "change_lawton_iadl",
    "change_cci",
    "change_imwg_score",
    "imwg_category_change",
]
KATZ_ITEMS = ["bathing", "dressing", "toileting", "transferring", "continence", "feeding"]
LAWTON_ITEMS = [
    "telephone",
    "shopping",
    "food_preparation",
    "housekeeping",
    "laundry",
    "transportation",
    "medications",
    "finances",
]
ITEM_COLUMNS = (
    [f"katz_{c}" for c in KATZ_ITEMS]
    + [f"lawton_{c}" for c in LAWTON_ITEMS]
    + [f"charlson_{c}" for c in charlson.SPEC.item_codes]
)
# docs/clinical-rules.md 13: G8, appended after the original columns (its total, verdict, change, then its items).
G8_ITEMS = ["food_intake", "weight_loss", "mobility", "neuropsychological", "bmi", "polypharmacy", "self_rated_health"]
G8_COLUMNS = ["g8_total", "g8_abnormal", "change_g8"] + [f"g8_{c}" for c in G8_ITEMS]
# Issue 19: what a statistician asked for, appended after everything above.
SCORES_FOLLOWED = ["katz_adl", "lawton_iadl", "cci", "imwg_score", "g8"]
EXTENSION_COLUMNS = (
    [
        "visit_number",
        "respondent",
        "sex",
        "index_disease",
        "diagnosis_date",
        "first_baseline_date",
        "days_from_first_baseline",
    ]
    + [f"{p}{k}" for k in SCORES_FOLLOWED for p in ("baseline_", "first_baseline_", "change_first_")]
    + [f"{i}_{w}" for i in ["katz", "lawton", "charlson", "ecog", "g8"] for w in ("not_assessable", "form_version")]
    + [
        "charlson_both_diabetes_end_organ_damage",
        "charlson_both_moderate_severe_liver_disease",
        "charlson_both_metastatic_solid_tumor",
        "scoring_version",
    ]
)
DEIDENTIFIED_COLUMNS = SPEC_COLUMNS + ITEM_COLUMNS + G8_COLUMNS + EXTENSION_COLUMNS
FULL_COLUMNS = DEIDENTIFIED_COLUMNS + ["patient_name", "birth_date", "mrn"]
REFERENCE_COLUMNS = SPEC_COLUMNS + ITEM_COLUMNS + G8_COLUMNS  # those the shared vectors give values for
HISTORIES = {h["patient"]["id"]: h for h in load_jsonl("histories.jsonl")}
RECORDS = load_jsonl("visits.jsonl")


def import_vectors(db: Database, text: str | None = None) -> None:
    with db.unit_of_work() as uow:
        import_records(
            uow, ADMIN_USER, read_jsonl(io.StringIO(text or (VECTORS / "visits.jsonl").read_text())), today=TODAY
        )


def _items(assessment: dict[str, Any]) -> dict[str, Any]:
    """Item columns expected from one visits.jsonl assessment (absent instrument: every item empty)."""
    k, lw, ch = assessment.get("katz"), assessment.get("lawton"), assessment.get("charlson")
    out: dict[str, Any] = {f"katz_{c}": None if k is None else int(k[c] == "independent") for c in KATZ_ITEMS}
    out |= {f"lawton_{c}": None if lw is None else lw[c] for c in LAWTON_ITEMS}
    out |= {f"charlson_{c}": None if ch is None else int(c in ch) for c in charlson.SPEC.item_codes}
    g8 = assessment.get("g8") or {}
    out |= {f"g8_{c}": g8.get(c) for c in G8_ITEMS}  # the option's points, as given
    return out


def _expected_row(pid: str, v: dict[str, Any], assessment: dict[str, Any]) -> dict[str, Any]:
    s, imwg, simple, cfb = (
        v["scores"],
        v["scores"]["imwg"] or {},
        v["scores"]["simplified_frailty"] or {},
        v["change_from_baseline"] or {},
    )
    complete = all(s[k] is not None for k in ("katz_adl", "lawton_iadl", "cci"))
    row = {
        "patient_id": pid,
        "visit_date": v["date"],
        "timepoint": v["timepoint"],
        "status": "complete" if complete else "draft",  # import completes a visit whose instruments are complete
        "is_baseline": int(v["is_baseline"]),
        "baseline_date": v["baseline_date"],
        "days_from_baseline": v["days_from_baseline"],
        **{
            k: s[k]
            for k in (
                "age_years",
                "katz_adl",
                "lawton_iadl",
                "cci",
                "cci_age_adjusted",
                "ecog",
                "adl_dependency",
                "iadl_dependency",
            )
        },
        "imwg_score": imwg.get("score"),
        "imwg_category": imwg.get("category"),
        **{f"imwg_points_{p}": (imwg.get("points") or {}).get(p) for p in ("age", "cci", "adl", "iadl")},
        "simplified_frailty_score": simple.get("score"),
        "simplified_frailty_category": simple.get("category"),
        **{f"change_{k}": cfb.get(k) for k in ("katz_adl", "lawton_iadl", "cci", "imwg_score")},
        "imwg_category_change": v["imwg_category_change"],
        "g8_total": (s.get("g8") or {}).get("total"),
        "g8_abnormal": (s.get("g8") or {}).get("abnormal"),
        "change_g8": cfb.get("g8"),
    }
    return row | _items(assessment)


def expected_rows() -> list[dict[str, Any]]:
    """The reference dataset: histories.jsonl for scores and changes, visits.jsonl for the items."""
    answers = {
        (r["patient"]["id"], r["visit"]["date"], r["visit"]["timepoint"]): r.get("assessment", {}) for r in RECORDS
    }
    return [
        _expected_row(pid, v, answers[(pid, v["date"], v["timepoint"])])
        for pid in sorted(HISTORIES)
        for v in HISTORIES[pid]["visits"]
    ]


def norm(value: Any) -> str | None:
    """One spelling for a cell whatever carried it (DataFrame, CSV text, Excel cell): empty is None."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


SHIFTED_COLUMNS = ("visit_date", "baseline_date")  # de-identified: moved back by a secret per-patient shift


def _days_back(actual: Any, expected: Any) -> int | None:
    a, e = norm(actual), norm(expected)
    return None if a is None or e is None else (date.fromisoformat(e) - date.fromisoformat(a)).days


def assert_matches_reference(
    header: list[str], rows: list[list[Any]], columns: list[str], deidentified: bool = False
) -> None:
    assert header == columns
    expected = expected_rows()
    assert len(rows) == len(expected) == 25
    shifts: dict[str, set[int | None]] = {}
    for i, (row, exp) in enumerate(zip(rows, expected)):
        actual = dict(zip(header, row))
        if deidentified:  # every date of a patient moves back by the same 365-730 days; the rest is equal
            days = {_days_back(actual[c], exp[c]) for c in SHIFTED_COLUMNS} - {None}
            shifts.setdefault(exp["patient_id"], set()).update(days)
            assert all(365 <= d <= 730 for d in days), (exp["patient_id"], days)
        for column in REFERENCE_COLUMNS:
            if deidentified and column in SHIFTED_COLUMNS:
                continue
            if deidentified and column == "age_years" and int(exp[column]) >= 90:
                assert actual[column] == "90+"  # HIPAA Safe Harbor
                continue
            assert norm(actual[column]) == norm(exp[column]), (
                f"row {i} ({exp['patient_id']} {exp['visit_date']}) {column}"
            )
    if deidentified:
        assert all(len(days) == 1 for days in shifts.values()), shifts  # one shift per patient


def frame_rows(frame: pd.DataFrame) -> tuple[list[str], list[list[Any]]]:
    return list(frame.columns), [list(r) for r in frame.itertuples(index=False)]


def csv_rows(path: Path) -> tuple[list[str], list[list[Any]]]:
    text = pd.read_csv(path, dtype=str, keep_default_na=False)
    return list(text.columns), text.values.tolist()


def xlsx_rows(path: Path, sheet: str = "dataset") -> tuple[list[str], list[list[Any]]]:
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    return [str(h) for h in values[0]], values[1:]


def test_frame_equals_reference_histories_value_by_value(db: Database) -> None:
    import_vectors(db)
    with db.unit_of_work(write=False) as uow:
        frame = analysis_frame(uow, DOCTOR)
    assert_matches_reference(*frame_rows(frame), FULL_COLUMNS)
    for column in (
        "days_from_baseline",
        "katz_adl",
        "change_imwg_score",
        "katz_bathing",
        "lawton_finances",
        "is_baseline",
    ):
        assert str(frame[column].dtype) == "Int64", column  # integers stay integers, empty stays empty (never 0)
    first = frame.iloc[0]  # DEMO-001: no baseline anywhere, so every change is empty, not 0
    assert first["patient_id"] == "DEMO-001" and pd.isna(first["change_lawton_iadl"]) and pd.isna(first["katz_adl"])
    assert list(frame.loc[frame["patient_id"] == "DEMO-004", "is_baseline"]) == [1, 0, 0, 0, 0, 1, 0, 0]


def test_csv_and_xlsx_read_back_equal_the_reference(db: Database, tmp_path: Path) -> None:
    import_vectors(db)
    out = tmp_path / "out"
    out.mkdir()
    with db.unit_of_work(write=False) as uow:
        frame = analysis_frame(uow, DOCTOR)
    written = write_export(frame, codebook_frame(), out / "cga.csv", "csv")
    assert written == (out / "cga.csv", out / "cga.codebook.csv")
    assert_matches_reference(*csv_rows(out / "cga.csv"), FULL_COLUMNS)
    codebook = pd.read_csv(out / "cga.codebook.csv", dtype=str, keep_default_na=False)
    assert list(codebook.columns) == ["column", "meaning", "range", "direction", "type", "value_labels"]
    assert list(codebook["column"]) == FULL_COLUMNS
    assert write_export(frame, codebook_frame(), out / "cga.xlsx", "xlsx") == (out / "cga.xlsx",)
    assert openpyxl.load_workbook(out / "cga.xlsx", read_only=True).sheetnames == ["dataset", "codebook"]
    assert_matches_reference(*xlsx_rows(out / "cga.xlsx"), FULL_COLUMNS)
    book = pd.read_excel(out / "cga.xlsx", sheet_name="codebook")
    assert list(book["column"]) == FULL_COLUMNS
    assert sorted(p.name for p in out.iterdir()) == ["cga.codebook.csv", "cga.csv", "cga.xlsx"]  # no temporaries


def test_codebook_states_direction_and_item_wording() -> None:
    book = codebook_frame().set_index("column")
    assert book.at["katz_adl", "direction"] == "higher = more independent"
    assert book.at["cci", "direction"] == "higher = more comorbidity"
    assert book.at["imwg_score", "range"] == "0-5" and book.at["imwg_score", "direction"] == "higher = frailer"
    assert book.at["change_lawton_iadl", "direction"] == "negative = decline"
    assert book.at["change_imwg_score", "direction"] == "positive = decline"
    assert book.at["adl_dependency", "direction"] == "higher = more dependent"
    assert "uses a bedpan or commode" in book.at["katz_toileting", "meaning"]
    assert "4 = Does not use the telephone at all (0 points)" in book.at["lawton_telephone", "meaning"]
    assert book.at["lawton_housekeeping", "range"] == "1-5"
    assert "weight 6" in book.at["charlson_aids", "meaning"] and book.at["charlson_aids", "range"] == "0-1"
    assert list(codebook_frame(deidentified=True)["column"]) == DEIDENTIFIED_COLUMNS


def _named_patient(db: Database) -> None:
    with db.unit_of_work() as uow:
        patients.register_patient(
            uow,
            NURSE_USER,
            PatientInput("PCL-900", date(1949, 5, 2), "Maria Rossi", "female", "primary_plasma_cell_leukemia"),
            TODAY,
        )
    with db.unit_of_work() as uow:
        visit_id = visits.start_visit(
            uow, NURSE_USER, "PCL-900", date(2026, 3, 10), "Baseline", "patient", today=TODAY
        ).id
    with db.unit_of_work() as uow:
        visits.save_answers(uow, NURSE_USER, visit_id, "katz", 5)  # a total from paper: no item answers
    with db.unit_of_work() as uow:
        visits.save_answer(uow, NURSE_USER, visit_id, "lawton", "shopping", 3)  # one domain of eight
    with db.unit_of_work() as uow:
        visits.set_not_assessable(uow, NURSE_USER, visit_id, "charlson", "records unavailable")


def test_identifying_columns_at_the_end_and_dropped_when_deidentified(db: Database, tmp_path: Path) -> None:
    _named_patient(db)
    with db.unit_of_work(write=False) as uow:
        full, deid = analysis_frame(uow, DOCTOR), analysis_frame(uow, DOCTOR, deidentified=True)
    assert list(full.columns) == FULL_COLUMNS and list(deid.columns) == DEIDENTIFIED_COLUMNS
    row = full.iloc[0]
    assert (row["patient_name"], row["birth_date"], row["age_years"]) == ("Maria Rossi", date(1949, 5, 2), 76)
    assert row["katz_adl"] == 5 and all(pd.isna(row[f"katz_{c}"]) for c in KATZ_ITEMS)
    assert row["lawton_shopping"] == 3 and pd.isna(row["lawton_telephone"]) and pd.isna(row["lawton_iadl"])
    assert all(pd.isna(row[f"charlson_{c}"]) for c in charlson.SPEC.item_codes) and pd.isna(row["cci"])
    assert pd.isna(row["imwg_score"]) and row["adl_dependency"] == 1 and row["status"] == "draft"
    write_export(deid, codebook_frame(deidentified=True), tmp_path / "sponsor.csv", "csv")
    write_export(deid, codebook_frame(deidentified=True), tmp_path / "sponsor.xlsx", "xlsx")
    text = (tmp_path / "sponsor.csv").read_text()
    assert "Rossi" not in text and "1949-05-02" not in text and "PCL-900" in text
    header, rows = xlsx_rows(tmp_path / "sponsor.xlsx")
    assert header == DEIDENTIFIED_COLUMNS and "Maria Rossi" not in rows[0]
    assert "patient_name" not in (tmp_path / "sponsor.codebook.csv").read_text()


def test_filters_select_visits_after_the_changes_are_computed(db: Database) -> None:
    import_vectors(db)
    myeloma = sorted({r["patient"]["id"] for r in RECORDS if r["patient"]["index_disease"] == "multiple_myeloma"})
    with db.unit_of_work(write=False) as uow:
        by_disease = analysis_frame(uow, DOCTOR, CohortFilter(index_disease="multiple_myeloma"))
        late = analysis_frame(uow, DOCTOR, CohortFilter(study_ids=("DEMO-003",), date_from=date(2024, 9, 1)))
        window = analysis_frame(
            uow,
            DOCTOR,
            CohortFilter(
                date_from=date(2024, 1, 1),
                date_to=date(2024, 12, 31),
                timepoints=("End of induction", "CAR-T + 1 month"),
            ),
        )
        nobody = analysis_frame(uow, DOCTOR, CohortFilter(assessor="Nobody"))
    assert sorted(set(by_disease["patient_id"])) == myeloma == ["DEMO-002", "DEMO-004"]
    assert len(by_disease) == sum(len(HISTORIES[p]["visits"]) for p in myeloma)
    ref = [v for v in HISTORIES["DEMO-003"]["visits"] if v["date"] >= "2024-09-01"]
    assert [d.isoformat() for d in late["visit_date"]] == [v["date"] for v in ref] == ["2024-09-22", "2024-12-20"]
    # the baseline (2024-04-26) is outside the window, yet the changes are those of the full history
    assert [norm(x) for x in late["baseline_date"]] == ["2024-04-26", "2024-04-26"]
    assert list(late["change_katz_adl"]) == [v["change_from_baseline"]["katz_adl"] for v in ref] == [-2, -2]
    expected = sorted(
        (pid, v["date"])
        for pid, h in HISTORIES.items()
        for v in h["visits"]
        if "2024-01-01" <= v["date"] <= "2024-12-31" and v["timepoint"] in ("End of induction", "CAR-T + 1 month")
    )
    assert list(zip(window["patient_id"], (d.isoformat() for d in window["visit_date"]))) == expected
    assert len(nobody) == 0 and list(nobody.columns) == FULL_COLUMNS


def _count_queries(db: Database) -> int:
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731 - (conn, cursor, statement, ...)
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        with db.unit_of_work(write=False) as uow:
            analysis_frame(uow, DOCTOR)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    return sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))


def test_dataset_is_built_with_a_fixed_number_of_queries(db: Database) -> None:
    import_vectors(db)
    six = _count_queries(db)
    import_vectors(db, (VECTORS / "visits.jsonl").read_text().replace('"DEMO-', '"MORE-'))
    assert _count_queries(db) == six <= 4  # twelve patients cost what six cost


def test_failed_write_leaves_the_previous_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "cga.csv"
    target.write_text("previous export\n")
    frame = pd.DataFrame({"patient_id": ["A"] * 1000})

    def disk_full(self: pd.DataFrame, path: Any, **kwargs: Any) -> None:
        Path(path).write_text("patient_id\nA\nA")  # half written, then the disk fills up
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_csv", disk_full)
    with pytest.raises(ExportError, match="disk is full"):
        write_export(frame, codebook_frame(), target, "csv")
    assert target.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["cga.csv"] and not codebook_path(target).exists()


def test_missing_folder_is_a_plain_message(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist. Nothing was written"):
        write_export(pd.DataFrame({"a": [1]}), codebook_frame(), tmp_path / "absent" / "cga.xlsx", "xlsx")


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--db", str(db), *args], capture_output=True, text=True, timeout=120
    )


def test_cli_export_csv_xlsx_and_deidentified(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    admin = create_admin(db, tmp_path / "secrets")  # who imports and exports (both are an admin's rights)
    assert cli(db, "import", str(VECTORS / "visits.jsonl"), *admin).returncode == 0
    proc = cli(db, "export", "--format", "csv", "--out", str(tmp_path / "all.csv"), *admin)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == (
        f"Exported 25 visits of 6 patients (with names and birth dates) to "
        f"{tmp_path / 'all.csv'} and {tmp_path / 'all.codebook.csv'}"
    )
    assert_matches_reference(*csv_rows(tmp_path / "all.csv"), FULL_COLUMNS)
    proc = cli(db, "export", "--format", "xlsx", "--out", str(tmp_path / "sponsor.xlsx"), "--deidentified", *admin)
    assert proc.returncode == 0 and "(de-identified)" in proc.stdout, proc.stderr
    assert_matches_reference(*xlsx_rows(tmp_path / "sponsor.xlsx"), DEIDENTIFIED_COLUMNS, deidentified=True)
    assert xlsx_rows(tmp_path / "sponsor.xlsx", "codebook")[0] == [
        "column",
        "meaning",
        "range",
        "direction",
        "type",
        "value_labels",
    ]


def test_cli_export_errors(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    db = tmp_path / "clinic.sqlite3"
    assert cli(db, "init", "--plain").returncode == 0  # export never creates a database (issue 14)
    admin = create_admin(db, tmp_path_factory.mktemp("secrets"))  # not in tmp_path: it must hold only the db
    proc = cli(db, "export", "--out", str(tmp_path / "data.txt"), *admin)
    assert proc.returncode == 2 and "give --format csv or xlsx" in proc.stderr
    proc = cli(db, "export", "--format", "csv", "--out", str(tmp_path / "data.xlsx"), *admin)
    assert proc.returncode == 2 and "ends in .xlsx" in proc.stderr
    assert cli(db, "export", "--format", "pdf", "--out", str(tmp_path / "x.pdf"), *admin).returncode == 2
    assert cli(db, "export", "--format", "csv", *admin).returncode == 2  # --out is required
    proc = cli(db, "export", "--out", str(tmp_path / "no-such-folder" / "data.csv"), *admin)
    assert proc.returncode == 1 and "does not exist" in proc.stderr and "Traceback" not in proc.stderr
    (tmp_path / "afile").write_text("")
    proc = cli(db, "export", "--out", str(tmp_path / "afile" / "data.csv"), *admin)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "Nothing was written" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "clinic.sqlite3"]


def test_text_starting_with_equals_stays_text_in_xlsx(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"patient_id": ['=HYPERLINK("http://x")', "P-2"], "katz_adl": pd.array([None, 4], dtype="Int64")}
    )
    write_export(frame, codebook_frame(), tmp_path / "cga.xlsx", "xlsx")
    ws = openpyxl.load_workbook(tmp_path / "cga.xlsx")["dataset"]
    assert (ws["A2"].value, ws["A2"].data_type) == ('\'=HYPERLINK("http://x")', "s")  # neutralised (issue 15)
    assert ws["B2"].value is None and ws["B3"].value == 4
    write_export(frame, codebook_frame(), tmp_path / "exact.xlsx", "xlsx", exact=True)
    ws = openpyxl.load_workbook(tmp_path / "exact.xlsx")["dataset"]
    assert (ws["A2"].value, ws["A2"].data_type) == ('=HYPERLINK("http://x")', "s")  # raw, still never a formula
