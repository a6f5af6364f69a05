"""PDF hygiene of every report the program writes (issue 17): only embedded fonts are referenced (no bare
Helvetica or Times), the document information names the report, its subject, its author (the signed-in
user who printed it) and its creation date, its language is set, and the file is its owner's alone
(0600), whatever the umask and whatever file it replaced. Read back with pypdf and poppler's pdffonts."""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from cga_desk.app import open_store
from tests.integration.cli_helpers import password_file, sign_in_args
from tests.integration.test_reports import import_vectors
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, add_accounts

ROOT = Path(__file__).resolve().parents[2]
STANDARD_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
REPORTS = {
    "visit": ["DEMO-004", "--visit", "2024-12-04"],
    "longitudinal": ["DEMO-004"],
    "cohort": ["--cohort"],
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hygiene") / "store.sqlite3"
    db = open_store(f"sqlite:///{path}")
    try:
        add_accounts(db, NURSE_USER, DOCTOR, ADMIN_USER)
        import_vectors(db)  # type: ignore[arg-type]
    finally:
        db.close()
    return path


def write_report(store: Path, out: Path, args: list[str], lang: str = "en") -> None:
    """`cga-desk report` as the physician, in a process whose umask would leave a file world-readable."""
    secret = password_file(store.parent / "secrets")
    proc = subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--db", str(store), "--lang", lang, "report", *args]
        + ["--out", str(out), *sign_in_args(DOCTOR, secret)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        cwd=ROOT,
        preexec_fn=lambda: os.umask(0o022),  # noqa: PLW1509 - the test's point: a permissive umask
    )
    assert proc.returncode == 0, proc.stderr


def _resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def fonts_of(reader: PdfReader) -> dict[str, bool]:
    """BaseFont -> embedded?, for every font any page (or form on it) refers to."""
    found: dict[str, bool] = {}

    def walk(resources: Any) -> None:
        resources = _resolve(resources)
        if not isinstance(resources, DictionaryObject):
            return
        for font in _resolve(resources.get("/Font", DictionaryObject())).values():
            font = _resolve(font)
            descendants = [_resolve(d) for d in _resolve(font.get("/DescendantFonts", []))] or [font]
            embedded = all(
                any(
                    k in _resolve(d.get("/FontDescriptor", DictionaryObject()))
                    for k in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                for d in descendants
            )
            found[str(font["/BaseFont"])] = embedded
        for xobject in _resolve(resources.get("/XObject", DictionaryObject())).values():
            walk(_resolve(xobject).get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return found


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("kind", list(REPORTS))
def test_every_report_references_only_embedded_fonts_and_names_its_author(
    store: Path, tmp_path: Path, kind: str, lang: str
) -> None:
    out = tmp_path / f"{kind}.pdf"
    before = datetime.now(UTC).replace(microsecond=0)
    write_report(store, out, REPORTS[kind], lang)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    fonts = fonts_of(reader)
    assert fonts and all(fonts.values()), fonts
    assert not [f for f in fonts if f.lstrip("/").split("+")[-1].startswith(STANDARD_14)], fonts
    if lang == "zh_CN":
        assert any("DroidSansFallback" in f for f in fonts), fonts  # the Chinese face, embedded
    pdffonts = shutil.which("pdffonts")
    assert pdffonts, "pdffonts (poppler-utils) is required by the report tests"
    listing = subprocess.run([pdffonts, str(out)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all(" yes " in f" {row} " for row in rows), listing  # the emb column
    info = reader.metadata
    assert info is not None
    assert info.author == DOCTOR.full_name  # the signed-in user who printed it
    assert info.title and info.subject and info.creator.startswith("CGA Desk")
    if kind == "cohort":
        assert "first baseline" in info.subject or "首" in info.subject
    else:
        assert "DEMO-004" in info.title and "DEMO-004" in info.subject
    created = info.creation_date
    assert created is not None
    created = created if created.tzinfo else created.replace(tzinfo=UTC)
    assert before - timedelta(minutes=2) <= created <= datetime.now(UTC) + timedelta(minutes=2)
    assert reader.trailer["/Root"]["/Lang"] == ("zh-CN" if lang == "zh_CN" else "en")


@pytest.mark.parametrize("kind", list(REPORTS))
def test_a_report_file_is_private_even_when_it_replaces_a_readable_one(store: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    out.write_bytes(b"an older report")
    out.chmod(0o644)
    write_report(store, out, REPORTS[kind])
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b"%PDF")


def test_the_windows_save_as_pdf_is_private_too(tmp_path: Path) -> None:
    from cga_desk.ui.report_preview import save_pdf

    target = tmp_path / "saved.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    before = os.umask(0o022)
    try:
        save_pdf(b"%PDF-1.4 a report", target)
        save_pdf(b"%PDF-1.4 a report", tmp_path / "new.pdf")
    finally:
        os.umask(before)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_bytes() == b"%PDF-1.4 a report"
    assert stat.S_IMODE((tmp_path / "new.pdf").stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary twin left
