"""Hostile input never produces a traceback (issue 14, item 3): `cga-desk score` and `cga-desk import`
through `main()`, with named cases and a hypothesis fuzz of documents and lines (types, nesting,
sizes, encodings). Refused input exits 2 with one line naming the field; a refused import writes
nothing. Bounded: 200 examples per fuzz test, 2,000 with CGA_FUZZ_FULL=1."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cga_desk.cli import main
from cga_desk.domain import limits
from cga_desk.persistence import tables
from tests.conftest import load_jsonl
from tests.integration.cli_helpers import CLI_NURSE, add_user, create_admin, sign_in_args
from tests.store_fixtures import ADMIN_USER

FUZZ_EXAMPLES = 2000 if os.environ.get("CGA_FUZZ_FULL") == "1" else 200
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

BASE_RECORD: dict[str, Any] = {
    "patient": {
        "id": "FZ-1",
        "birth_date": "1950-03-13",
        "name": "Ada Lovelace",
        "sex": "female",
        "index_disease": "multiple_myeloma",
        "diagnosis_date": "2024-01-10",
    },
    "visit": {"date": "2024-09-07", "timepoint": "Baseline", "assessor": "Nurse", "respondent": "patient"},
    "assessment": {"katz": 6, "lawton": 8, "charlson": [], "ecog": 1},
}
BASE_DOCUMENT: dict[str, Any] = {
    "birth_date": "1950-03-13",
    "assessment_date": "2024-09-07",
    "katz": {"bathing": "independent"},
    "lawton": 8,
    "charlson": [],
    "ecog": 1,
}
# JSON texts Python's json module or the database would fail on, written by hand: json.dumps cannot
# even write an integer of 5,000 digits.
SPECIAL_VALUES = [
    "9" * 5000,
    "-" + "9" * 5000,
    "1" * 400 + ".5",
    "1e99999",
    "-1e400",
    "NaN",
    "Infinity",
    "[" * 1000 + "]" * 1000,
    '{"a":' * 100 + "1" + "}" * 100,
    '"\\ud800"',
    '"x\\udfff"',
    '"a\\u0000b"',
    json.dumps("x" * 5000),
    json.dumps("ß" * 150),
    json.dumps("   "),
    '""',
    "{}",
    "[]",
    "[{}]",
    "true",
    "0",
    "-1",
    "2147483648",
    "99999999999999999999",
    '"9998-01-01"',
    '"2999-01-01"',
    '"1800-02-30"',
]
PLACEHOLDER = "@@hostile@@"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
fragments = json_values.map(json.dumps) | st.sampled_from(SPECIAL_VALUES)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a document a value can be put: each existing key and one unknown key per object."""
    if isinstance(value, dict):
        yield (*prefix, "unknown_key")
        for key, inner in value.items():
            yield (*prefix, key)
            yield from paths(inner, (*prefix, key))
    elif prefix:
        yield prefix


def with_hostile(base: dict[str, Any], path: tuple[Any, ...], fragment: str) -> str:
    """The base document as JSON text with the value at `path` replaced by the raw fragment."""
    doc = copy.deepcopy(base)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = PLACEHOLDER
    return json.dumps(doc).replace(json.dumps(PLACEHOLDER), fragment)


def hostile_documents(base: dict[str, Any]) -> st.SearchStrategy[str]:
    return (
        st.tuples(st.sampled_from(list(paths(base))), fragments).map(lambda pf: with_hostile(base, *pf))
        | fragments
        | st.text(max_size=200).filter(lambda t: "\n" not in t and "\r" not in t)
    )


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def counts(path: Path) -> tuple[int, ...]:
    """Patients, visits and audit events (but the command's own sign-in, which is audited whatever follows)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("patients", "visits", "audit_events WHERE action <> 'sign_in'")
        )


@pytest.fixture(scope="module")
def clinic() -> Iterator[Path]:
    """A database made by `init`, with its administrator (who imports) and a nurse (who prints)."""
    with tempfile.TemporaryDirectory(prefix="cga-fuzz-") as folder:
        path = Path(folder) / "clinic.sqlite3"
        assert run("--db", str(path), "init")[0] == 0
        add_user(path, create_admin(path, Path(folder) / "secrets"), CLI_NURSE)
        yield path


def admin(clinic: Path) -> list[str]:
    return sign_in_args(ADMIN_USER, clinic.parent / "secrets" / "password.txt")


def nurse(clinic: Path) -> list[str]:
    return sign_in_args(CLI_NURSE, clinic.parent / "secrets" / "password.txt")


def assert_refused_plainly(status: int, err: str, command: str) -> None:
    assert status in (0, 2), err
    assert "Traceback" not in err
    for line in err.split("\n")[:-1]:
        assert line.startswith(f"cga-desk {command}: "), line


# -- the fuzz ---------------------------------------------------------------------------------------------


@FUZZ
@given(lines=st.lists(hostile_documents(BASE_DOCUMENT), min_size=1, max_size=3))
def test_score_never_gives_a_traceback(lines: list[str], tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("score")
    one = folder / "doc.json"
    one.write_text(lines[0], encoding="utf-8")
    status, _, err = run("score", str(one))
    assert_refused_plainly(status, err, "score")
    if status == 2:
        assert err.count("\n") == 1
    many = folder / "docs.jsonl"
    many.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = run("score", str(many))
    assert_refused_plainly(status, err, "score")
    assert out.count("\n") == sum(1 for line in lines if line.strip())  # one result per line


@FUZZ
@given(lines=st.lists(hostile_documents(BASE_RECORD), min_size=1, max_size=3))
def test_import_never_gives_a_traceback_and_a_refused_file_writes_nothing(
    lines: list[str], clinic: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    source = tmp_path_factory.mktemp("import") / "visits.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = counts(clinic)
    status, out, err = run("--db", str(clinic), "import", str(source), *admin(clinic))
    assert_refused_plainly(status, err, "import")
    if status == 2:
        assert err.count("\n") == 1 and "Nothing from this file was imported" in err
        assert counts(clinic) == before
    else:
        assert out.startswith("Imported ")


# -- named cases --------------------------------------------------------------------------------------------


def record_with(path: tuple[str, ...], fragment: str) -> str:
    return with_hostile(BASE_RECORD, path, fragment)


@pytest.mark.parametrize(
    ("line", "named"),
    [
        (record_with(("patient", "index_disease"), "{}"), "line 1: patient.index_disease: an object is not one of"),
        (record_with(("patient", "name"), '"\\ud800"'), "line 1: patient.name: contains a lone surrogate"),
        (record_with(("patient", "name"), '"a\\u0000b"'), "line 1: patient.name: contains a NUL character"),
        (record_with(("patient", "id"), json.dumps("x" * 65)), "line 1: patient.id: is 65 characters long"),
        (record_with(("patient", "name"), json.dumps("y" * 201)), "line 1: patient.name: is 201 characters long"),
        (record_with(("visit", "timepoint"), json.dumps("t" * 81)), "line 1: visit.timepoint: is 81 characters"),
        (record_with(("visit", "assessor"), json.dumps("a" * 121)), "line 1: visit.assessor: is 121 characters"),
        (record_with(("visit", "assessor"), "[1]"), "line 1: visit.assessor: expected a text, got a list"),
        (
            record_with(("patient", "diagnosis_date"), '"2999-01-01"'),
            "line 1: patient.diagnosis_date: 2999-01-01 is in",
        ),
        (record_with(("patient", "diagnosis_date"), '"1940-01-01"'), "line 1: patient.diagnosis_date: is before the"),
        (
            record_with(("assessment", "ecog"), "9" * 5000),
            "line 1: assessment.ecog: expected a whole number 0-4, got a number of 5000",
        ),
        (record_with(("patient", "sex"), "[]"), "line 1: patient.sex: a list is not one of"),
        ("[" * 1000 + "]" * 1000, "line 1: json: nested more than 64 levels deep"),
        (json.dumps("x" * 1_100_000), "line 1: json: the line is longer than 1,000,000 bytes"),
    ],
)
def test_hostile_import_lines_are_refused_by_name(clinic: Path, tmp_path: Path, line: str, named: str) -> None:
    source = tmp_path / "visits.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    before = counts(clinic)
    status, out, err = run("--db", str(clinic), "import", str(source), *admin(clinic))
    assert (status, out) == (2, "") and named in err and err.count("\n") == 1, err
    assert counts(clinic) == before


@pytest.mark.parametrize(
    ("document", "named"),
    [
        ('{"age_years": 9998}', "age_years: 9998 is out of range 0-120"),
        ('{"age_years": 121}', "age_years: 121 is out of range 0-120"),
        ('{"birth_date": "1800-01-01", "assessment_date": "2024-01-01"}', "birth_date: 1800-01-01 makes an age of 224"),
        ('{"age_years": ' + "9" * 5000 + "}", "age_years: expected a whole number 0-120, got a number of 5000"),
        ('{"katz": ' + "[" * 100 + "]" * 100 + "}", "document: nested more than 64 levels deep"),
        ('{"ecog": NaN}', "document: not valid JSON"),
        ('{"lawton": {"telephone": {}}}', "lawton.telephone"),
    ],
)
def test_hostile_score_documents_are_refused_by_name(tmp_path: Path, document: str, named: str) -> None:
    source = tmp_path / "doc.json"
    source.write_text(document, encoding="utf-8")
    status, out, err = run("score", str(source))
    assert (status, out) == (2, "") and named in err and err.count("\n") == 1, err


def test_an_age_of_120_is_still_scored(tmp_path: Path) -> None:
    source = tmp_path / "doc.json"
    source.write_text('{"age_years": 120, "katz": 6, "lawton": 8, "charlson": 0}', encoding="utf-8")
    status, out, _ = run("score", str(source))
    assert status == 0 and json.loads(out)["imwg"]["category"] == "frail"


def test_the_text_limits_are_the_column_sizes() -> None:
    columns = {
        limits.STUDY_ID_MAX: tables.Patient.__table__.c.study_id,
        limits.NAME_MAX: tables.Patient.__table__.c.name,
        limits.TIMEPOINT_MAX: tables.Visit.__table__.c.timepoint,
        limits.ASSESSOR_MAX: tables.Visit.__table__.c.assessor,
    }
    for limit, column in columns.items():
        assert column.type.length == limit, column
    assert tables.PatientSummary.__table__.c.name_key.type.length >= limits.NAME_MAX


def test_a_name_that_grows_when_casefolded_is_refused_within_the_register_column(clinic: Path, tmp_path: Path) -> None:
    source = tmp_path / "visits.jsonl"
    source.write_text(record_with(("patient", "name"), json.dumps("ß" * 150)) + "\n", encoding="utf-8")
    status, _, err = run("--db", str(clinic), "import", str(source), *admin(clinic))
    assert status == 2 and "patient.name: is 300 characters long in lower case; at most 200" in err


# -- output a console cannot encode ---------------------------------------------------------------------------


def test_output_a_console_cannot_encode_is_escaped(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    source = tmp_path / "visits.jsonl"
    record = copy.deepcopy(load_jsonl("visits.jsonl")[0])
    record["patient"]["id"] = "PAT-Zoë-李"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    bad_doc = tmp_path / "doc.json"
    bad_doc.write_text('{"lawton": {"telephone": "Zoë"}}', encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "cga_desk.cli", *args],
            capture_output=True,
            text=True,
            encoding="ascii",
            env=env,
            timeout=120,
        )

    signed_in = create_admin(db, tmp_path / "secrets")
    assert cli("--db", str(db), "import", str(source), *signed_in).returncode == 0
    for args in (("history", "PAT-Zoë-李"), ("history", "PAT-Zoë-李", "--json")):
        proc = cli("--db", str(db), *args, *signed_in)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
        assert "PAT-Zo\\xeb-\\u674e" in proc.stdout
    proc = cli("score", str(bad_doc))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "Zo\\xeb" in proc.stderr


# -- the same limits on both databases --------------------------------------------------------------------------


def test_texts_at_the_limits_are_stored_and_one_over_is_refused_on_both_databases(db_url: str, tmp_path: Path) -> None:
    """SQLite would store any length; PostgreSQL refuses one character over its VARCHAR size with an
    error. Both take the longest allowed texts (non-ASCII included) and refuse one more by name."""
    longest = copy.deepcopy(BASE_RECORD)
    longest["patient"].update(id="Ü" * limits.STUDY_ID_MAX, name="é" * limits.NAME_MAX)
    longest["visit"].update(timepoint="T" * limits.TIMEPOINT_MAX, assessor="李" * limits.ASSESSOR_MAX)
    source = tmp_path / "longest.jsonl"
    source.write_text(json.dumps(longest) + "\n", encoding="utf-8")
    assert run("--db", db_url, "init")[0] == 0
    signed_in = create_admin(db_url, tmp_path / "secrets")
    status, out, err = run("--db", db_url, "import", str(source), *signed_in)
    assert status == 0 and "1 new patients, 1 new visits" in out, err
    for path, field in ((("patient", "id"), "patient.id"), (("visit", "assessor"), "visit.assessor")):
        over = copy.deepcopy(longest)
        over[path[0]][path[1]] += "x"
        source.write_text(json.dumps(over) + "\n", encoding="utf-8")
        status, out, err = run("--db", db_url, "import", str(source), *signed_in)
        assert status == 2 and f"line 1: {field}: is " in err and "at most" in err, err


@pytest.mark.parametrize(
    "args",
    [
        ("history", "\udcff"),  # what Python makes of a byte that is not UTF-8 in argv
        ("history", "x" * 100_000),
        ("report", "\udcff", "--out", "{tmp}/r.pdf"),
        ("report", "P-1\x00", "--out", "{tmp}/r.pdf"),
        ("report", "P-1", "--visit", "\udcff", "--out", "{tmp}/r.pdf"),
    ],
)
def test_hostile_patient_ids_on_the_command_line_are_refused_by_name(
    clinic: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    status, out, err = run("--db", str(clinic), *(a.replace("{tmp}", str(tmp_path)) for a in args), *nurse(clinic))
    assert (status, out) == (2, "") and err.count("\n") == 1, err
    assert "PATIENT_ID: " in err or "--visit: " in err
    assert list(tmp_path.iterdir()) == []
