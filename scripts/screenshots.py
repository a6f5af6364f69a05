"""Screenshots for docs/: the app in a real X window (Xvfb) on demo data.

Run: .venv/bin/python scripts/screenshots.py [zh_CN]   (needs Debian's xvfb; starts it when DISPLAY is unset)
Writes docs/screenshots/{sign-in,patient-list,patient-page,trends,cohort,preview,wizard,review}.png: a
fresh database, its administrator, the demo data loaded by them, then the demo nurse signed in with the
password the demo load made; or the same names ending -zh_CN.png for the window in Simplified Chinese
(with a patient named 王秀英 at the top of the list). `make screenshots` runs both.

The window is 1366×768, a common clinic laptop's screen (issue 18): its own Xvfb screen is that size, and
the window fills it. The pictures are committed (the README shows them) and are also the user manual's
(ui/manual.py finds them in docs/screenshots; installer/build.sh copies them into the package).
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
WIDTH, HEIGHT = 1366, 768  # the screen of the README's and the manual's pictures


def ensure_display() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY"):
        return None
    if not shutil.which("Xvfb"):
        sys.exit("Xvfb is not installed (apt-get install xvfb), and no DISPLAY is set.")
    proc = subprocess.Popen(["Xvfb", ":97", "-screen", "0", f"{WIDTH}x{HEIGHT}x24"], stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = ":97"
    time.sleep(1.0)
    return proc


def settle(app: object, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def shot(widget: object, name: str) -> None:
    """The part of `widget` on the 1366x768 screen (a window taller than the screen is cut where it is)."""
    from PySide6.QtCore import QRect

    size = widget.size()  # type: ignore[attr-defined]
    on_screen = QRect(0, 0, min(size.width(), WIDTH), min(size.height(), HEIGHT))
    widget.grab(on_screen).save(str(OUT / name))  # type: ignore[attr-defined]


def main() -> None:
    xvfb = ensure_display()
    try:
        shoot(sys.argv[1] if len(sys.argv) > 1 else "en")
    finally:
        if xvfb is not None:
            xvfb.terminate()
    # Python's last garbage collection after the trends' plots aborted here ("none_dealloc") until
    # ui/binding_guard.guard() (called in shoot) gave None, True and False the immortality the binding expects.


def shoot(language: str) -> None:
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtWidgets import QApplication

    from cga_desk.app import open_store
    from cga_desk.demo.load import DEMO_NURSE, load_demo
    from cga_desk.domain.records import PatientInput
    from cga_desk.services.clinic import Clinic
    from cga_desk.ui.binding_guard import guard
    from cga_desk.ui.language import install_translators
    from cga_desk.ui.main_window import MainWindow

    guard()  # the trends chart's painting would abort the script (ui/binding_guard.py)
    app = QApplication([])
    translators = install_translators(app, language)  # noqa: F841 - kept referenced while the window lives
    suffix = "" if language == "en" else f"-{language}"
    folder = Path(tempfile.mkdtemp())
    os.environ["CGA_DESK_SETTINGS_DIR"] = str(folder)  # the pictures never depend on the user's saved layout
    db = open_store(f"sqlite:///{folder / 'demo.sqlite3'}")
    clinic = Clinic(db, today=lambda: TODAY)
    admin = clinic.set_up_administrator("admin", "Clinic Administrator", secrets.token_urlsafe(16))
    summary = load_demo(db.unit_of_work, admin, TODAY)
    clinic.sign_out()
    if suffix:
        clinic.sign_in(DEMO_NURSE.name, summary.passwords[DEMO_NURSE.name])
        clinic.register_patient(
            PatientInput(
                "AAA-001", date(1948, 3, 2), "王秀英", "female", "primary_plasma_cell_leukemia", date(2026, 6, 1)
            )
        )
        clinic.sign_out()
    window = MainWindow(clinic, "demo database")
    screen = window.screen().availableGeometry()
    window.setGeometry(screen.x(), screen.y(), min(WIDTH, screen.width()), min(HEIGHT, screen.height()))
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    window.signin.user_name.setText(DEMO_NURSE.name)
    window.signin.password.setFocus()
    settle(app)
    shot(window, f"sign-in{suffix}.png")
    window.sign_in(DEMO_NURSE.name, summary.passwords[DEMO_NURSE.name])
    settle(app)
    shot(window, f"patient-list{suffix}.png")

    rows = clinic.patient_rows()
    chosen = next(r for r in rows if r.imwg_category == "frail" and not r.open_draft)
    window.show_patient(chosen.study_id)
    settle(app)
    shot(window, f"patient-page{suffix}.png")
    from cga_desk.ui.language import translate
    from cga_desk.ui.report_preview import ReportPreview

    preview = ReportPreview(
        translate("PatientPage", "longitudinal report of {study_id}").format(study_id=chosen.study_id),
        clinic.report_pdf("longitudinal", chosen.study_id),
        "report.pdf",
        lambda *_: None,
        window,
    )
    preview.setGeometry(window.geometry().adjusted(40, 20, -40, -20))
    preview.show()
    settle(app, 1.0)
    shot(preview, f"preview{suffix}.png")
    preview.close()
    visit = clinic.start_visit(chosen.study_id, TODAY, "Unscheduled", "patient")
    window.show_visit(visit.id)
    for ch in "121111" + "121":  # Katz, then three Lawton domains
        window.wizard.answer(
            next(i for i, c in enumerate(window.wizard.questions[window.wizard.index].choices) if c.key == ch)
        )
    settle(app)
    shot(window, f"wizard{suffix}.png")
    wizard = window.wizard
    for _ in range(len(wizard.questions)):  # the first option of each remaining question, to the review
        question = wizard.questions[wizard.index]
        if question.step == "review":
            break
        print("answering", question.key, file=sys.stderr)
        wizard.answer(0)
    settle(app)
    shot(window, f"review{suffix}.png")
    window.show_cohort()
    settle(app, 1.5)
    shot(window, f"cohort{suffix}.png")
    window.show_patient(chosen.study_id)
    window.select_tab(1)  # Ctrl+2: the trends tab
    settle(app, 1.5)
    shot(window, f"trends{suffix}.png")
    window.close()
    db.close()
    print(f"wrote {', '.join(p.name for p in sorted(OUT.glob(f'*{suffix}.png')))} to {OUT}")


if __name__ == "__main__":
    main()
