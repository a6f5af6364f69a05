"""Screenshots for docs/: the app in a real X window (Xvfb) on demo data.

Run: .venv/bin/python scripts/screenshots.py   (needs Debian's xvfb; starts it when DISPLAY is unset)
Writes docs/screenshots/{sign-in,patient-list,wizard,review}.png: a fresh database, its administrator,
the demo data loaded by them, then the demo nurse signed in with the password the demo load made.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
TODAY = date(2026, 11, 24)  # fixed, so the pictures do not change from day to day


def ensure_display() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY"):
        return None
    if not shutil.which("Xvfb"):
        sys.exit("Xvfb is not installed (apt-get install xvfb), and no DISPLAY is set.")
    proc = subprocess.Popen(["Xvfb", ":97", "-screen", "0", "1400x900x24"], stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = ":97"
    time.sleep(1.0)
    return proc


def settle(app: object, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def main() -> None:
    xvfb = ensure_display()
    try:
        shoot()
    finally:
        if xvfb is not None:
            xvfb.terminate()


def shoot() -> None:
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtWidgets import QApplication

    from cga_desk.app import open_store
    from cga_desk.demo.load import DEMO_NURSE, load_demo
    from cga_desk.services.clinic import Clinic
    from cga_desk.ui.main_window import MainWindow

    app = QApplication([])
    folder = Path(tempfile.mkdtemp())
    os.environ["CGA_DESK_SETTINGS_DIR"] = str(folder)  # the pictures never depend on the user's saved layout
    db = open_store(f"sqlite:///{folder / 'demo.sqlite3'}")
    clinic = Clinic(db, today=lambda: TODAY)
    admin = clinic.set_up_administrator("admin", "Clinic Administrator", secrets.token_urlsafe(16))
    summary = load_demo(db.unit_of_work, admin, TODAY)
    clinic.sign_out()
    window = MainWindow(clinic, "demo database")
    window.resize(1360, 820)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    window.signin.user_name.setText(DEMO_NURSE.name)
    window.signin.password.setFocus()
    settle(app)
    window.grab().save(str(OUT / "sign-in.png"))
    window.sign_in(DEMO_NURSE.name, summary.passwords[DEMO_NURSE.name])
    settle(app)
    window.grab().save(str(OUT / "patient-list.png"))

    rows = clinic.patient_rows()
    chosen = next(r for r in rows if r.imwg_category == "frail" and not r.open_draft)
    window.show_patient(chosen.study_id)
    visit = clinic.start_visit(chosen.study_id, TODAY, "Unscheduled", "patient")
    window.show_visit(visit.id)
    for ch in "121111" + "121":  # Katz, then three Lawton domains
        window.wizard.answer(
            next(i for i, c in enumerate(window.wizard.questions[window.wizard.index].choices) if c.key == ch)
        )
    settle(app)
    window.grab().save(str(OUT / "wizard.png"))
    wizard = window.wizard
    for _ in range(len(wizard.questions)):  # the first option of each remaining question, to the review
        question = wizard.questions[wizard.index]
        if question.step == "review":
            break
        print("answering", question.key, file=sys.stderr)
        wizard.answer(0)
    settle(app)
    window.grab().save(str(OUT / "review.png"))
    window.close()
    db.close()
    print(f"wrote {', '.join(p.name for p in sorted(OUT.glob('*.png')))} to {OUT}")


if __name__ == "__main__":
    main()
