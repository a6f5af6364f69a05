"""G8 end to end, with no G8-specific code outside forms/g8.py: the wizard asks it (one key passes over it),
the live panel and the review page show it, the visit summary prints it, import and the history document
carry it, and `cga-desk score` scores it."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from datetime import date

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from cga_desk.services.clinic import Clinic
from cga_desk.ui.wizard.page import WizardPage
from cga_desk.ui.wizard.questions import ASK
from tests.ui.conftest import PASSWORDS

# Per G8 item, the digit of the option chosen, and its points (options are listed worst first).
G8_KEYS = (
    "3" + "3" + "3" + "2" + "4" + "1" + "2"
)  # no decline, 1-3 kg, goes out, mild dementia, BMI>=23, >3 drugs, don't know
G8_POINTS = 2 + 2 + 2 + 1 + 3 + 0 + 0.5  # 10.5, plus 1 for age 77 -> 2 points: 12.5


def _pdf_text(data: bytes) -> str:
    """All pages' text, whitespace as single spaces (G8 may be set in half the page, where answers wrap)."""
    return re.sub(r"\s+", " ", " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages))


def _at_the_g8_gate(qtbot: QtBot, clinic: Clinic, patient: str) -> tuple[WizardPage, int]:
    """A baseline visit answered by keyboard up to the G8's one-key offer: respondent, Katz, Lawton,
    Charlson (nothing present) and ECOG 0."""
    visit = clinic.start_visit(patient, date(2026, 3, 10), "Baseline")
    page = WizardPage(clinic)
    qtbot.addWidget(page)
    page.open_visit(visit.id)
    for ch in "1" + "111111" + "11111111" + "1" * 16 + "0":
        qtbot.keyClick(page, ch)
    assert page.questions[page.index].step == "g8" + ASK
    return page, visit.id


def test_g8_in_the_wizard_the_panel_the_review_and_the_printed_summary(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    page, visit_id = _at_the_g8_gate(qtbot, clinic, patient)
    qtbot.keyClick(page, "1")  # yes: ask the G8
    for ch in G8_KEYS:
        assert page.questions[page.index].step == "g8"
        qtbot.keyClick(page, ch)
    assert page.questions[page.index].step == "review"
    total = G8_POINTS + 2  # age 76 at the visit: under 80 -> 2 points
    assert page.panel.lines["g8"].text().startswith(f"G8 {total}/17 — higher = better; abnormal")
    assert f"G8 {total}/17" in page.review.summary.text()
    stored = clinic.visit(visit_id)
    assert stored.instruments["g8"].answers["self_rated_health"] == 0.5
    assert stored.scores["g8"] == {"total": total, "abnormal": True}
    text = _pdf_text(clinic.report_pdf("visit", visit_id))
    assert "G8 geriatric screening tool" in text and f"G8 {total}/17" in text
    assert "Does not know" in text and "Age (scored from the visit date, not asked)" in text


def test_one_key_passes_over_the_g8_and_the_visit_completes_without_it(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    page, visit_id = _at_the_g8_gate(qtbot, clinic, patient)
    qtbot.keyClick(page, "2")  # not at this visit
    assert page.questions[page.index].step == "review"
    assert clinic.complete_visit(visit_id).status == "complete"
    assert clinic.visit(visit_id).scores["g8"] is None


def test_import_history_and_score_carry_the_g8(clinic: Clinic, tmp_path) -> None:  # type: ignore[no-untyped-def]
    g8 = {"food_intake": 2, "weight_loss": 3, "mobility": 2, "neuropsychological": 2, "bmi": 3}
    lines = [
        {
            "patient": {"id": "G8-001", "birth_date": "1950-01-01"},
            "visit": {"date": "2026-01-10", "timepoint": "Baseline"},
            "assessment": {
                "katz": 6,
                "lawton": 8,
                "charlson": [],
                "g8": {**g8, "polypharmacy": 1, "self_rated_health": 2},
            },
        },
        {
            "patient": {"id": "G8-001", "birth_date": "1950-01-01"},
            "visit": {"date": "2026-04-10", "timepoint": "End of induction"},
            "assessment": {
                "katz": 6,
                "lawton": 8,
                "charlson": [],
                "g8": {**g8, "polypharmacy": 0, "self_rated_health": 0},
            },
        },
    ]
    path = tmp_path / "g8.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    db = tmp_path / "ui.sqlite3"
    secret = tmp_path / "admin.password"
    secret.write_text(PASSWORDS["admin"] + "\n")
    secret.chmod(0o600)
    run = subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--db", f"sqlite:///{db}", "--user", "admin"]
        + ["--password-file", str(secret), "import", str(path)],  # importing is the administrator's
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    rows = clinic.history("G8-001").rows
    assert [r.visit.scores["g8"] for r in rows] == [{"total": 17, "abnormal": False}, {"total": 14, "abnormal": True}]
    score = subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "score", "-"],
        input=json.dumps({"age_years": 90, "g8": {**g8, "polypharmacy": 1, "self_rated_health": 2}}),
        capture_output=True,
        text=True,
    )
    assert score.returncode == 0, score.stderr
    assert json.loads(score.stdout)["g8"] == {"total": 15, "abnormal": False}
