"""scripts/check_system.py runs `ldd` on the right files, and as `make run` runs it agrees with the loader."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.unit.test_check_system import FRESH_DEBIAN, check_system


def test_missing_libraries_runs_ldd_on_every_checked_file(tmp_path: Path) -> None:
    pyside = tmp_path / "PySide6"
    for rel in check_system.CHECKED[:2]:
        (pyside / rel).parent.mkdir(parents=True, exist_ok=True)
        (pyside / rel).write_bytes(b"")
    fake_ldd = tmp_path / "ldd"
    fake_ldd.write_text(f"#!/bin/sh\ncat <<'OUT'\n{FRESH_DEBIAN}OUT\n")
    fake_ldd.chmod(0o755)
    missing = check_system.missing_libraries(pyside, str(fake_ldd))
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libmystery.so.7"]


def test_on_this_machine_the_script_agrees_with_the_loader() -> None:
    """The script as `make run` runs it: exit 0 and silent when the loader finds everything the checked Qt
    files need (or the platform is offscreen), else exit 1 with the apt-get line (CI may lack the xcb libraries)."""
    pyside = check_system.pyside_dir()
    assert pyside is not None
    assert all((pyside / rel).exists() for rel in check_system.CHECKED), "a checked Qt file moved: update CHECKED"
    missing = check_system.missing_libraries(pyside)
    script = [sys.executable, str(ROOT / "scripts" / "check_system.py")]
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    proc = subprocess.run(script, capture_output=True, text=True, env=env, timeout=60)
    if sys.platform.startswith("linux") and missing:
        assert proc.returncode == 1 and "sudo apt-get install" in proc.stderr, proc.stderr
    else:
        assert (proc.returncode, proc.stderr) == (0, "")
    offscreen = subprocess.run(script, capture_output=True, text=True, env={**env, "QT_QPA_PLATFORM": "offscreen"})
    assert (offscreen.returncode, offscreen.stderr) == (0, "")
