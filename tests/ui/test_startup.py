"""`cga-desk --exit-when-ready` (start-up benchmarks): the window opens with the list loaded, then exits 0."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cga_desk.app import open_store
from cga_desk.domain.records import NURSE
from cga_desk.services.clinic import Clinic


def test_exit_when_ready_opens_the_window_and_quits(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'start.sqlite3'}"
    db = open_store(url)
    Clinic(db).create_user("Ada", NURSE)
    db.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "cga_desk.cli", "--db", url, "--exit-when-ready"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
