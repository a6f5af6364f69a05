"""The program quits with status 0 after a trends chart was shown: the Qt binding of this machine
(PySide6 6.12.0 on Python 3.11) drops a reference to None at every void call, and pyqtgraph's painting
drops references to True; before ui/binding_guard.py the interpreter aborted at exit ("Fatal Python
error: none_dealloc / bool_dealloc", 134), or while the chart was repainted."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from cga_desk.app import open_store
from cga_desk.domain.records import PatientInput
from cga_desk.forms import charlson, katz, lawton
from cga_desk.services.clinic import Clinic
from tests.ui.conftest import PASSWORDS, TODAY, add_accounts, sign_in_as

# The real window through app.run_gui, signed in by --password-file; once the list is shown, the patient
# page's Trends tab, its charts repainted as a physician resizing the window would, then File > Quit.
DRIVER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from cga_desk.app import run_gui

    def drive():
        window = next((w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"), None)
        if window is None or getattr(window, "clinic", None) is None or window.clinic.user is None:
            QTimer.singleShot(50, drive)
            return
        window.show_patient("PCL-001")
        window.patient.tabs.setCurrentWidget(window.patient.trends_holder)
        charts = window.patient.trends.charts
        while not charts.isVisible():  # shown by the event loop
            QApplication.processEvents()
        for step in range(int(sys.argv[4])):
            window.resize(1000 + step % 200, 700)
            charts.repaint()
            QApplication.processEvents()
        print("trends shown", len(charts.plots), flush=True)
        from PySide6.QtGui import QAction
        window.findChild(QAction, "action.quit").trigger()

    QTimer.singleShot(0, drive)
    sys.exit(run_gui(sys.argv[1], user=sys.argv[2], password_file=sys.argv[3]))
    """
)


def _patient_with_two_visits(url: str) -> None:
    db = open_store(url)
    clinic = Clinic(db, today=lambda: TODAY)
    add_accounts(clinic)
    sign_in_as(clinic, "ada")
    clinic.register_patient(PatientInput("PCL-001", date(1949, 5, 2), "Maria Rossi"))
    for day, timepoint, katz_answer in (
        (date(2026, 3, 1), "Baseline", "independent"),
        (date(2026, 6, 1), "Unscheduled", "dependent"),
    ):
        v = clinic.start_visit("PCL-001", day, timepoint, "patient")
        clinic.save_answers(
            v.id, "katz", {c: katz_answer if c == "bathing" else "independent" for c in katz.SPEC.item_codes}
        )
        clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
        clinic.save_answers(v.id, "charlson", [charlson.SPEC.item_codes[0]])
        clinic.complete_visit(v.id)
    db.close()


def test_quit_after_the_trends_charts_exits_0(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'exit.sqlite3'}"
    _patient_with_two_visits(url)
    secret = tmp_path / "password"
    secret.write_text(PASSWORDS["bea"] + "\n")
    secret.chmod(0o600)
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, url, "bea", str(secret), "400"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert "trends shown" in proc.stdout, proc.stderr[-2000:]
    assert "Fatal Python error" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 0, proc.stderr[-2000:]
