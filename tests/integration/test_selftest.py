"""`cga-desk --self-test` passes on this installation, fails on a wrong known answer; the installer files are sound."""

from __future__ import annotations

import configparser
import copy
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from cga_desk.commands.selftest import differences, expected_answers, run_self_test, sample_file

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "installer" / "cga-desk.desktop"


def test_self_test_passes_in_a_fresh_process(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--self-test"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=240,
    )  # another working directory: package data only
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len(lines) >= 10
    assert all(line.startswith("[ok] ") for line in lines), proc.stdout
    assert "[ok] migrations to head" in proc.stdout and "[ok] main window opened and closed" in proc.stdout


def test_a_wrong_known_answer_fails_the_self_test() -> None:
    expected = copy.deepcopy(expected_answers())
    expected["histories"]["SELFTEST-01"][1]["scores"]["imwg"]["score"] = 2  # the right answer is 3
    out, err = io.StringIO(), io.StringIO()
    status = run_self_test(out, err, expected=expected, window=False)
    failed = [line for line in out.getvalue().splitlines() if line.startswith("[FAIL]")]
    assert status == 1
    assert failed == [
        "[FAIL] scores and change from baseline of SELFTEST-01: visits[1].scores.imwg.score is 3, expected 2"
    ]
    assert "1 check(s) FAILED" in err.getvalue()


def test_a_wrong_count_of_imported_visits_fails_the_self_test() -> None:
    expected = {**expected_answers(), "visits_created": 6}
    out = io.StringIO()
    assert run_self_test(out, io.StringIO(), expected=expected, window=False, today=date(2026, 1, 1)) == 1
    assert "[FAIL] imported the built-in sample: visits_created is 5, expected 6" in out.getvalue()


def test_known_answers_cover_every_sample_patient_and_visit() -> None:
    records = [json.loads(line) for line in sample_file("visits.jsonl").splitlines() if line.strip()]
    expected = expected_answers()
    assert sorted({r["patient"]["id"] for r in records}) == sorted(expected["histories"])
    assert len(records) == expected["visits_created"] == sum(len(v) for v in expected["histories"].values())


def test_differences_names_the_path_and_treats_expected_as_a_subset() -> None:
    actual = {"a": [{"x": 1, "y": 2}], "extra": True}
    assert list(differences({"a": [{"x": 1}]}, actual)) == []
    assert list(differences({"a": [{"x": 2}]}, actual)) == ["a[0].x is 1, expected 2"]
    assert list(differences({"a": [{"x": 1}, {"x": 1}]}, actual)) == ["a has 1 entries, expected 2"]
    assert list(differences({"b": 1}, actual)) == ["b is missing"]
    assert list(differences({"a": [{"x": True}]}, {"a": [{"x": 1}]})) == ["a[0].x is 1, expected true"]


def test_version_flag_prints_the_pyproject_version() -> None:
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    proc = subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--version"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0 and proc.stdout.strip() == f"cga-desk {version}"


def test_desktop_entry_has_the_required_keys() -> None:
    """What desktop-file-validate checks first (installer/build.sh runs the tool itself)."""
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert entry.sections() == ["Desktop Entry"]
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application" and d["Name"] == "CGA Desk"
    assert d["Exec"].split()[0] == "cga-desk" and d["Icon"] == "cga-desk" and d["Terminal"] == "false"
    assert d["Version"] in ("1.0", "1.1", "1.2", "1.3", "1.4", "1.5")
    assert d["Categories"].endswith(";") and "MedicalSoftware" in d["Categories"].split(";")
    assert all(value == value.strip() and value for value in d.values())


def test_icons_and_installer_inputs_exist() -> None:
    icons = ROOT / "src" / "cga_desk" / "resources" / "icons"
    assert (icons / "cga-desk.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    # The PNG and ICO are rendered from the SVG at build time (build.sh), as here, never committed.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "make_icons.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert (ROOT / "build" / "icons" / "cga-desk.png").read_bytes().startswith(b"\x89PNG")
    assert (ROOT / "build" / "icons" / "cga-desk.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    constraints = (ROOT / "installer" / "constraints.txt").read_text(encoding="utf-8")
    pins = [line for line in constraints.lower().splitlines() if line and not line.startswith("#")]
    assert "pyinstaller" in {pin.split("==")[0] for pin in pins} and all("cga-desk" not in pin for pin in pins)
    spec = (ROOT / "installer" / "cga-desk.spec").read_text(encoding="utf-8")
    assert 'copy_metadata("cga-desk")' in spec and "persistence/migrations/versions/*.py" in spec
