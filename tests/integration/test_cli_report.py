"""`cga-desk report` as a real subprocess: the three reports, exit statuses, no half-written PDF."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cga_desk.app import open_store
from cga_desk.services import visits
from tests.integration.cli_helpers import password_file, sign_in_args
from tests.integration.report_helpers import flat, pdf_pages
from tests.integration.test_reports import import_vectors
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, TODAY, add_accounts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-report") / "store.sqlite3"
    db = open_store(f"sqlite:///{path}")
    try:
        add_accounts(db, NURSE_USER, DOCTOR, ADMIN_USER)
        import_vectors(db)  # type: ignore[arg-type]
        with db.unit_of_work() as uow:  # a second visit on the baseline's date
            visits.start_visit(uow, NURSE_USER, "DEMO-004", date(2024, 12, 4), "Unscheduled", today=TODAY)
    finally:
        db.close()
    return path


def nurse(store: Path) -> list[str]:
    """The nurse's sign-in arguments (printing is a nurse's or a physician's right), the password file
    beside the store (each test's tmp_path must hold only what the report wrote)."""
    return sign_in_args(NURSE_USER, password_file(store.parent / "secrets"))


def cli(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--db", str(store), "report", *args, *nurse(store)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )


def test_longitudinal_report(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "DEMO-004.pdf"
    proc = cli(store, "DEMO-004", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "longitudinal report of DEMO-004 (9 visits)" in proc.stdout
    pages = pdf_pages(out.read_bytes())
    assert all(f"Page {i} of {len(pages)}" in flat(p) for i, p in enumerate(pages, start=1))
    assert list(tmp_path.iterdir()) == [out]


def test_visit_summary_of_a_date_with_two_visits_prints_the_first_and_says_so(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "visit.pdf"
    proc = cli(store, "DEMO-004", "--visit", "2024-12-04", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "2 visits on 2024-12-04: printing the first (Baseline); not printed: Unscheduled" in proc.stdout
    pages = pdf_pages(out.read_bytes())
    assert len(pages) == 1 and "Timepoint Baseline" in flat(pages[0])


def test_cohort_report(store: Path, tmp_path: Path) -> None:
    """By default complete and signed visits against the first baseline; --include-drafts and --baseline
    latest change what is counted and compared, and the report says which."""
    out, drafts = tmp_path / "cohort.pdf", tmp_path / "drafts.pdf"
    proc = cli(store, "--cohort", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    text = flat(" ".join(pdf_pages(out.read_bytes())))
    assert "5 patients · 19 visits" in text  # seven drafts left out: six imported, one started
    assert (
        "draft visits left out (neither counted nor used as a baseline): 7." in text
        and "Change from the first baseline" in text
    )
    proc = cli(store, "--cohort", "--include-drafts", "--baseline", "latest", "--out", str(drafts))
    assert proc.returncode == 0, proc.stderr
    text = flat(" ".join(pdf_pages(drafts.read_bytes())))
    assert "6 patients · 26 visits" in text
    assert "Draft visits included" in text and "Change from the latest baseline" in text


def test_cohort_options_without_cohort_are_refused(store: Path, tmp_path: Path) -> None:
    proc = cli(store, "DEMO-004", "--include-drafts", "--out", str(tmp_path / "x.pdf"))
    assert proc.returncode == 2 and "options of the cohort summary" in proc.stderr
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["NOPE-1"], "No patient with ID 'NOPE-1'"),
        (["DEMO-004", "--visit", "2020-01-01"], "DEMO-004 has no visit on 2020-01-01"),
    ],
)
def test_unknown_patient_or_date_exits_1_and_writes_nothing(
    store: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    proc = cli(store, *args, "--out", str(tmp_path / "x.pdf"))
    assert proc.returncode == 1 and message in proc.stderr and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["--out", "x.pdf"],
        ["DEMO-004", "--cohort", "--out", "x.pdf"],
        ["--cohort", "--visit", "2024-12-04", "--out", "x.pdf"],
        ["DEMO-004", "--visit", "2024-13-04", "--out", "x.pdf"],
        ["DEMO-004"],
    ],
)
def test_bad_arguments_exit_2(store: Path, tmp_path: Path, args: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--db", str(store), "report", *args, *nurse(store)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert proc.returncode == 2 and proc.stderr and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_exits_1(store: Path, tmp_path: Path) -> None:
    proc = cli(store, "DEMO-004", "--out", str(tmp_path / "missing" / "x.pdf"))
    assert proc.returncode == 1 and "cannot write" in proc.stderr


def test_a_failed_render_leaves_no_partial_file(tmp_path: Path) -> None:
    from cga_desk.commands.report import write_atomically

    target = tmp_path / "r.pdf"
    target.write_bytes(b"the previous report")

    def broken(stream: object) -> None:
        stream.write(b"%PDF-half")  # type: ignore[attr-defined]
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)  # type: ignore[arg-type]
    assert target.read_bytes() == b"the previous report" and list(tmp_path.iterdir()) == [target]
