"""Every page, dialog and the print preview fit a 1280x720 screen (and a 1366x768 one), and a long name
never widens the window (issue 18 item 2). The walk (tests/ui/screen_walk.py, a pytest-qt test) runs in a
pytest process of its own whose offscreen screen has that size: this session's offscreen screen is 800x800."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cga_desk.ui.screen_fit import ElidedLabel, fit_size
from tests.ui.screen_walk import LONG_NAME, WALK_SCREEN

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("size", ["1280x720", "1366x768"])
def test_every_page_and_dialog_fits_the_screen(tmp_path: Path, size: str) -> None:
    width, height = (int(n) for n in size.split("x"))
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height}]}), encoding="utf-8"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", WALK_SCREEN: size}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/ui/screen_walk.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0 and "1 passed" in proc.stdout, proc.stdout[-4000:]


def test_a_long_name_is_elided_with_the_full_text_in_the_tooltip(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText(f"PCL-001 · {LONG_NAME} · 77 years")
    label.resize(600, 30)
    label.show()
    assert (
        label.is_elided() and label.text().endswith("…") and label.fontMetrics().horizontalAdvance(label.text()) <= 600
    )
    assert label.toolTip() == label.full_text() == f"PCL-001 · {LONG_NAME} · 77 years"
    assert label.minimumSizeHint().width() <= 40  # it never asks the window for the name's width
    label.resize(5000, 30)
    assert not label.is_elided()


def test_sizes_come_from_the_screen(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    room = label.screen().availableGeometry()
    wanted = fit_size(label, 1500, 5000)
    assert wanted.width() <= room.width() and wanted.height() < room.height()
