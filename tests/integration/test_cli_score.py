"""`cga-desk score` as a user runs it: a real process, real files, exit statuses and no Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import load_jsonl


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", *args], input=stdin, capture_output=True, text=True, timeout=60
    )


def test_jsonl_results_match_every_vector_in_order(tmp_path: Path) -> None:
    cases = load_jsonl("cases.jsonl")
    src = tmp_path / "cases.jsonl"
    src.write_text("".join(json.dumps(c["input"]) + "\n" for c in cases))
    proc = run("score", str(src))
    assert proc.returncode == 0, proc.stderr
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(results) == len(cases)
    for case, result in zip(cases, results):
        assert {k: result[k] for k in case["expect"]} == case["expect"], case["id"]


def test_single_json_file_and_stdin(tmp_path: Path) -> None:
    doc = {"age_years": 78, "katz": 5, "lawton": 7, "charlson": 2, "ecog": 1}
    src = tmp_path / "one.json"
    src.write_text(json.dumps(doc))
    for proc in (run("score", str(src)), run("score", "-", stdin=json.dumps(doc))):
        assert proc.returncode == 0
        result = json.loads(proc.stdout)
        assert result["imwg"]["score"] == 2 and result["simplified_frailty"] == {"score": 3, "category": "frail"}


def test_refused_line_named_and_good_lines_still_scored(tmp_path: Path) -> None:
    refused = load_jsonl("refused.jsonl")[1]
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        json.dumps({"age_years": 70, "katz": 6, "lawton": 8, "charlson": 0})
        + "\n"
        + json.dumps(refused["input"])
        + "\n{oops\n"
    )
    proc = run("score", str(src))
    assert proc.returncode == 2
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert out[0]["imwg"]["score"] == 0
    assert out[1]["line"] == 2 and refused["refused_naming"] in out[1]["error"]
    assert out[2]["line"] == 3 and "JSON" in out[2]["error"]
    assert "line 2" in proc.stderr and "Traceback" not in proc.stderr


def test_refused_json_exits_2_naming_field(tmp_path: Path) -> None:
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(load_jsonl("refused.jsonl")[0]["input"]))
    proc = run("score", str(src))
    assert proc.returncode == 2 and "katz" in proc.stderr and "Traceback" not in proc.stderr and proc.stdout == ""


def test_unreadable_file_is_a_plain_message(tmp_path: Path) -> None:
    proc = run("score", str(tmp_path / "missing.json"))
    assert proc.returncode == 1 and "cannot read" in proc.stderr and "Traceback" not in proc.stderr


def test_score_never_imports_qt_or_the_database(tmp_path: Path) -> None:
    src = tmp_path / "one.json"
    src.write_text(json.dumps({"age_years": 70, "katz": 6}))
    code = (
        f"import sys, cga_desk.cli as c; rc = c.main(['score', {str(src)!r}]);"
        "heavy = [m for m in ('PySide6', 'sqlalchemy', 'pandas', 'reportlab', 'pyqtgraph') if m in sys.modules];"
        "print('HEAVY', heavy, file=sys.stderr); sys.exit(rc)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "HEAVY []" in proc.stderr
