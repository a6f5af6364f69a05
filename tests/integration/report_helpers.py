"""Helpers of the report tests: a long history built through the services, PDF text and rendering."""

from __future__ import annotations

import ctypes
import io
import math
import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader

from cga_desk.domain.records import PatientInput
from cga_desk.forms import katz, lawton
from cga_desk.persistence.database import Database
from cga_desk.services import patients, visits
from tests.store_fixtures import DOCTOR, NURSE_USER, PASSWORD, TODAY

LONG_ID = "LONG-060"
LONG_START = date(2021, 11, 1)
MILESTONES = (
    ("induction_start", date(2021, 11, 8)),
    ("car_t_infusion", date(2022, 2, 14)),
    ("consolidation_start", date(2022, 3, 20)),
    ("maintenance_start", date(2022, 7, 1)),
)


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """All whitespace as single spaces (cell text wraps differently from one layout to another)."""
    return re.sub(r"\s+", " ", text).strip()


def render_png(pdf: Path, out_dir: Path) -> list[Path]:
    """Rasterise every page with poppler's pdftoppm; its absence fails (README: poppler-utils)."""
    exe = shutil.which("pdftoppm")
    assert exe, "pdftoppm (poppler-utils) is required by the report tests: apt-get install poppler-utils"
    proc = subprocess.run(
        [exe, "-png", "-r", "40", str(pdf), str(out_dir / pdf.stem)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    pages = sorted(out_dir.glob(f"{pdf.stem}*.png"))
    assert pages and all(p.stat().st_size > 1000 for p in pages)
    return pages


def _answers(i: int) -> tuple[dict[str, str], dict[str, int], list[str]]:
    """Answers that drift over time so every score moves (and some visits decline)."""
    dependent = set(katz.SPEC.item_codes[: (i // 12) % 4])
    k = {code: "dependent" if code in dependent else "independent" for code in katz.SPEC.item_codes}
    worse = (i // 9) % 3
    law = {code: (worse + 1 if code in ("shopping", "food_preparation") else 1) for code in lawton.SPEC.item_codes}
    charlson = ["diabetes_uncomplicated"] + (["chronic_pulmonary_disease"] if i % 20 >= 10 else [])
    return k, law, charlson


def build_long_patient(
    db: Database, n: int = 60, study_id: str = LONG_ID, name: str = "Ελένη Παπαδοπούλου"
) -> list[int]:
    """A patient with `n` monthly visits entered through the services; visit ids in date order."""
    with db.unit_of_work() as uow:
        patients.register_patient(
            uow,
            NURSE_USER,
            PatientInput(study_id, date(1946, 6, 1), name, "female", "primary_plasma_cell_leukemia", LONG_START),
            today=TODAY,
        )
    for kind, day in MILESTONES:
        with db.unit_of_work() as uow:
            patients.add_milestone(uow, NURSE_USER, study_id, kind, day)
    return [_visit(db, study_id, i) for i in range(n)]


def _visit(db: Database, study_id: str, i: int) -> int:
    day = LONG_START + timedelta(days=30 * i)
    timepoint = "Baseline" if i == 0 else f"Follow-up visit {i}"
    k, law, charlson = _answers(i)
    with db.unit_of_work() as uow:
        vid = visits.start_visit(uow, NURSE_USER, study_id, day, timepoint, "patient", today=TODAY).id
    for instrument, answers in (("katz", k), ("lawton", law), ("charlson", charlson), ("ecog", i % 3)):
        with db.unit_of_work() as uow:
            visits.save_answers(uow, NURSE_USER, vid, instrument, answers)  # type: ignore[arg-type]
    with db.unit_of_work() as uow:
        visits.complete_visit(uow, NURSE_USER, vid)
    if i % 2 == 0:
        with db.unit_of_work() as uow:
            visits.sign_visits(uow, DOCTOR, [vid], PASSWORD)
    return vid


def pdf_chars(data: bytes) -> list[list[tuple[str, float, float, float]]]:
    """Per page, every drawn character as (character, type size in points, angle in radians, baseline y)
    as pdfium reads them back (the size includes any scaling of the text matrix). Spaces pdfium inserts
    between words read back at 1 pt: only the sizes of printing characters mean anything."""
    import pypdfium2
    import pypdfium2.raw as pdfium

    pages = []
    for page in pypdfium2.PdfDocument(data):
        text = page.get_textpage()
        chars = []
        for i in range(text.count_chars()):
            char = chr(pdfium.FPDFText_GetUnicode(text.raw, i))
            if char in "\r\n\x00\ufffe":
                continue
            origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
            pdfium.FPDFText_GetCharOrigin(text.raw, i, origin_x, origin_y)
            size = pdfium.FPDFText_GetFontSize(text.raw, i)
            chars.append((char, round(size, 2), pdfium.FPDFText_GetCharAngle(text.raw, i), origin_y.value))
        pages.append(chars)
    return pages


def lines_of(chars: list[tuple[str, float, float, float]]) -> list[tuple[float, str, float]]:
    """Upright characters grouped into lines, top first: (baseline y, text, smallest size on the line)."""
    rows: dict[float, list[tuple[str, float]]] = {}
    for char, size, angle, y in chars:
        if abs(angle) < 0.01 or abs(angle - 2 * math.pi) < 0.01:
            rows.setdefault(round(y, 0), []).append((char, size))
    return [
        (y, "".join(c for c, _ in row), min([s for c, s in row if c.strip()] or [99.0]))
        for y, row in sorted(rows.items(), reverse=True)
    ]


def write_and_render(pdf: bytes, path: Path) -> list[Path]:
    path.write_bytes(pdf)
    out = path.parent / f"{path.stem}-png"
    out.mkdir(exist_ok=True)
    return render_png(path, out)
