"""Fault tests (issue 14, item 6), run as real processes: workstations racing on the same visits on
SQLite and PostgreSQL, and SIGKILL at random moments while saving, importing, exporting and upgrading.

Short by default (make test); the full run, with ten times the operations and kills, when
CGA_FAULT_FULL=1 (.ci/run). Each test prints a `FAULT` line with its figures (pytest -s shows them;
docs/reliability.md quotes the last full run)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cga_desk.app import open_store
from cga_desk.domain.records import NURSE, PHYSICIAN, PatientInput, User
from cga_desk.forms import katz, lawton
from cga_desk.persistence.database import Database
from cga_desk.persistence.migrate import HEAD, current_revision
from cga_desk.services.audit import full_trail
from cga_desk.services.clinic import Clinic
from tests.conftest import VECTORS
from tests.integration.cli_helpers import create_admin
from tests.integration.fault_worker import content
from tests.integration.test_visit_versions import old_signed_store
from tests.store_fixtures import ADMIN_USER, NURSE_USER, add_accounts

pytestmark = pytest.mark.fault

FULL = os.environ.get("CGA_FAULT_FULL") == "1"
ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("fault_worker.py")
RACE_OPS = 250 if FULL else 25  # operations per process
KILLS = 25 if FULL else 2  # SIGKILLs per kind of work
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]), "PYTHONUNBUFFERED": "1"}


def figures(name: str, **values: Any) -> None:
    print(f"\nFAULT {name}: " + ", ".join(f"{k}={v}" for k, v in values.items()))


def _events(out: str) -> list[dict[str, Any]]:
    """The JSON lines a worker printed whole (a line cut by a kill is not an acknowledgement)."""
    lines = out.split("\n")
    return [json.loads(line) for line in lines[:-1] if line.strip()]


def _stored(view: Any, instrument: str, item: str) -> Any:
    state = view.instruments.get(instrument)
    if state is None:
        return None
    return state.total if instrument == "ecog" else (state.answers or {}).get(item)


def _accounts(db_url: str, *names: str) -> None:
    """The workers' accounts (password PASSWORD): each worker signs in, and a physician signs with it."""
    db = open_store(db_url)
    try:
        add_accounts(db, *(User(n, PHYSICIAN if n.startswith("physician") else NURSE, n.title()) for n in names))
    finally:
        db.close()


def _shared_visits(db: Database, count: int) -> list[int]:
    """`count` complete visits of one patient, as the race starts from."""
    clinic = Clinic(db, User("Nurse Setup", NURSE))
    clinic.register_patient(PatientInput("RACE-1", date(1945, 1, 1)))
    ids = []
    for day in range(count):
        v = clinic.start_visit("RACE-1", date(2024, 1, 1 + day), "Unscheduled", "patient")
        clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
        clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
        clinic.save_answers(v.id, "charlson", [])
        clinic.save_answer(v.id, "ecog", "ecog", 1)
        ids.append(clinic.complete_visit(v.id).id)
    return ids


def _snapshot_content(snapshot: dict[str, Any]) -> dict[str, Any]:
    return {
        name: {"answers": s["answers"], "total": s["total"], "na": s["not_assessable_reason"]}
        for name, s in sorted(snapshot["instruments"].items())
    }


# -- workstations racing on the same visits ---------------------------------------------------------


@pytest.mark.parametrize("processes", [2, 4])
def test_workstations_racing_on_the_same_visits_lose_nothing_and_never_change_signed_content(
    db_url: str, processes: int
) -> None:
    db = open_store(db_url)
    try:
        visit_ids = _shared_visits(db, 3)
    finally:
        db.close()
    roles = ["nurse", "physician"] * (processes // 2)
    _accounts(db_url, *(f"{role} {1000 + n}" for n, role in enumerate(roles)))
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                "race",
                db_url,
                role,
                str(1000 + n),
                str(RACE_OPS),
                ",".join(map(str, visit_ids)),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        for n, role in enumerate(roles)
    ]
    outputs = [p.communicate(timeout=900) for p in procs]
    for p, (_out, err) in zip(procs, outputs):
        assert p.returncode == 0 and "Traceback" not in err, err  # 0 tracebacks
    events = [e for out, _err in outputs for e in _events(out)]
    assert not [e for e in events if e["kind"] == "violation"]  # each signature covers what was read

    db = open_store(db_url)
    try:
        clinic = Clinic(db, NURSE_USER)
        final = {vid: clinic.visit(vid) for vid in visit_ids}
        # Every acknowledged write made its own version: two never committed from the same one.
        versions: dict[int, list[int]] = defaultdict(list)
        for e in events:
            if "version" in e:
                versions[e["visit"]].append(e["version"])
        for vid, seen in versions.items():
            assert len(seen) == len(set(seen)), f"visit {vid}: two writes from one version"
            assert max(seen) <= final[vid].version
        # 0 lost acknowledged answers: the last one acknowledged for each item is the one stored.
        answers = [e for e in events if e["kind"] == "answer"]
        last: dict[tuple[int, str, str], dict[str, Any]] = {}
        for e in answers:
            key = (e["visit"], e["instrument"], e["item"])
            if key not in last or e["version"] > last[key]["version"]:
                last[key] = e
        lost = [e for (vid, ins, item), e in last.items() if _stored(final[vid], ins, item) != e["value"]]
        assert lost == []
        # The audit trail holds exactly the acknowledged answers (a refused write records nothing).
        with db.unit_of_work(write=False) as uow:
            audited = [
                a for a in full_trail(uow, ADMIN_USER) if a.action == "answer" and a.user_name.startswith("nurse ")
            ]
        assert len(audited) == len(answers)
        # 0 changes to signed content: what each signature covered is still what its revision holds.
        signs = [e for e in events if e["kind"] == "sign"]
        changed = 0
        for e in signs:
            now = final[e["visit"]]
            if now.revision == e["revision"]:
                assert now.status == "signed"
                changed += content(now) != e["content"]
            else:
                kept = {v.revision: v for v in clinic.visit_versions(e["visit"])}[e["revision"]]
                changed += _snapshot_content(kept.snapshot) != e["content"]
        assert changed == 0
    finally:
        db.close()
    done = [e for e in events if e["kind"] == "done"]
    assert len(done) == processes and answers and signs  # the race did race: saves and signatures landed
    figures(
        f"race {db_url.split(':')[0]} x{processes}",
        acknowledged_answers=len(answers),
        lost=len(lost),
        completions=sum(e["kind"] == "complete" for e in events),
        signatures=len(signs),
        amendments=sum(e["kind"] == "amend" for e in events),
        signed_content_changed=changed,
        refused_as_changed_elsewhere=sum(e["conflict"] for e in done),
        refused_signed_or_state=sum(e["state"] for e in done),
        busy_or_unreachable=sum(e["storage"] for e in done),
        tracebacks=0,
    )


# -- SIGKILL at random moments ------------------------------------------------------------------------


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def _kill_after(proc: subprocess.Popen[str], delay: float) -> str:
    """SIGKILL `proc` after `delay` seconds (unless it ended before); its whole stdout so far."""
    try:
        out, _ = proc.communicate(timeout=delay)
        return out
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        return out


def _cli(db: Path | str, *args: str, signed_in: Sequence[str] = ()) -> subprocess.Popen[str]:
    """`cga-desk --db DB ARGS`; `signed_in`: the --user/--password-file arguments of an account."""
    return subprocess.Popen(
        [sys.executable, "-m", "cga_desk.cli", "--db", str(db), *args, *signed_in],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        cwd=ROOT,
    )


def _timed(proc: subprocess.Popen[str]) -> float:
    start = time.monotonic()
    _out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return time.monotonic() - start


def test_sigkill_while_saving_loses_no_acknowledged_answer(db_url: str) -> None:
    db = open_store(db_url)
    try:
        visit_ids = _shared_visits(db, 2)
    finally:
        db.close()
    _accounts(db_url, *(f"nurse {n}" for n in range(KILLS)))
    rng = random.Random(14)
    acknowledged = unacknowledged_commits = 0
    for n in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), "save", db_url, str(n), ",".join(map(str, visit_ids))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        out = _kill_after(proc, rng.uniform(1.0, 4.0))
        events = [e for e in _events(out) if e["kind"] == "answer"]
        acknowledged += len(events)
        db = open_store(db_url)
        try:
            clinic = Clinic(db, NURSE_USER)
            final = {vid: clinic.visit(vid) for vid in visit_ids}
        finally:
            db.close()
        # One writer: after its last acknowledged save, at most the one in flight can have committed.
        extra = 0
        for vid in visit_ids:
            mine = [e for e in events if e["visit"] == vid]
            acked = max((e["version"] for e in mine), default=None)
            if acked is None:
                continue
            extra += final[vid].version - acked
            last: dict[tuple[str, str], Any] = {}
            for e in sorted(mine, key=lambda e: e["version"]):
                last[(e["instrument"], e["item"])] = e["value"]
            differ = sum(_stored(final[vid], ins, item) != value for (ins, item), value in last.items())
            assert differ <= final[vid].version - acked, f"visit {vid}: an acknowledged answer was lost"
        assert extra <= 1
        unacknowledged_commits += extra
        if db_url.startswith("sqlite"):
            assert _integrity(Path(db_url.split(":///", 1)[1])) == "ok"
    figures(
        f"sigkill saving {db_url.split(':')[0]}",
        kills=KILLS,
        acknowledged_answers=acknowledged,
        lost=0,
        committed_but_not_acknowledged=unacknowledged_commits,
    )


@pytest.fixture
def big_import(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """The reference visits 40 times over under other study IDs: 1,000 records in one file."""
    lines = (VECTORS / "visits.jsonl").read_text(encoding="utf-8").splitlines()
    out = tmp_path / "big.jsonl"
    with out.open("w", encoding="utf-8") as stream:
        for copy in range(40):
            for line in lines:
                record = json.loads(line)
                record["patient"]["id"] = f"{record['patient']['id']}-{copy:02d}"
                stream.write(json.dumps(record) + "\n")
    yield out, 40 * len(lines)


def _visit_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM visits").fetchone()[0])


def test_sigkill_during_an_import_leaves_all_or_nothing(tmp_path: Path, big_import: tuple[Path, int]) -> None:
    source, records = big_import
    template = tmp_path / "template.sqlite3"
    assert _cli(template, "init", "--plain").wait(60) == 0
    admin = create_admin(template, tmp_path / "secret")  # the import is the administrator's
    probe = tmp_path / "probe.sqlite3"
    probe.write_bytes(template.read_bytes())
    duration = _timed(_cli(probe, "import", str(source), signed_in=admin))
    rng = random.Random(15)
    outcomes = {"nothing": 0, "all": 0}
    for _ in range(KILLS):
        db = tmp_path / "kill.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        db.write_bytes(template.read_bytes())
        out = _kill_after(_cli(db, "import", str(source), signed_in=admin), rng.uniform(0.2, duration))
        count = _visit_count(db)
        assert count in (0, records)  # one transaction per file
        if "Imported" in out or "imported" in out:
            assert count == records  # acknowledged, so kept
        assert _integrity(db) == "ok"
        outcomes["all" if count else "nothing"] += 1
    figures("sigkill import", kills=KILLS, records=records, partial=0, **outcomes)


def test_sigkill_during_an_export_leaves_no_partial_file_and_no_unaudited_file(
    tmp_path: Path, big_import: tuple[Path, int]
) -> None:
    store = tmp_path / "store.sqlite3"
    admin = create_admin(store, tmp_path / "secret")  # an administrator imports and exports
    assert _cli(store, "import", str(big_import[0]), signed_in=admin).wait(300) == 0
    reference = tmp_path / "reference.csv"
    duration = _timed(_cli(store, "export", "--out", str(reference), signed_in=admin))
    started = _timed(_cli(store, "history", "DEMO-001-00", signed_in=admin))  # the part spent starting and signing in
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "dataset.csv"
    rng = random.Random(16)
    whole = absent = 0

    def exports() -> int:
        with sqlite3.connect(store) as conn:
            return int(conn.execute("SELECT count(*) FROM audit_events WHERE action = 'export'").fetchone()[0])

    for _ in range(KILLS):
        out.unlink(missing_ok=True)
        before = exports()
        _kill_after(
            _cli(store, "export", "--out", str(out), signed_in=admin), rng.uniform(started * 0.8, duration * 1.05)
        )
        if out.exists():
            assert out.read_bytes() == reference.read_bytes()  # whole, never cut
            assert exports() > before  # and its disclosure recorded
            whole += 1
        else:
            absent += 1
        assert _integrity(store) == "ok"
    leftovers = sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))
    assert _cli(store, "export", "--out", str(out), signed_in=admin).wait(300) == 0  # the next export cleans up
    assert sorted(p.name for p in folder.iterdir()) == ["dataset.codebook.csv", "dataset.csv"]
    figures(
        "sigkill export",
        seconds=f"{started:.1f}-{duration:.1f}",
        kills=KILLS,
        whole=whole,
        absent=absent,
        partial=0,
        part_files_cleaned=len(leftovers),
    )


def test_sigkill_during_an_upgrade_leaves_the_old_or_the_new_schema_and_no_partial_copy(tmp_path: Path) -> None:
    from cga_desk.persistence.engine import make_engine

    template = tmp_path / "template.sqlite3"
    old_signed_store(template)
    folder = tmp_path / "clinic"
    folder.mkdir()
    db = folder / "clinic.sqlite3"
    db.write_bytes(template.read_bytes())
    # `init` brings a database up to date explicitly (0004 has no accounts: nobody could sign in to `history`).
    duration = _timed(_cli(db, "init"))
    rng = random.Random(17)
    seen = {"old": 0, "new": 0}
    for _ in range(KILLS):
        for p in folder.iterdir():
            p.unlink()
        db.write_bytes(template.read_bytes())
        _kill_after(_cli(db, "init"), rng.uniform(0.1, duration))
        assert _integrity(db) == "ok"
        engine = make_engine(f"sqlite:///{db}")
        try:
            revision = current_revision(engine)
        finally:
            engine.dispose()
        assert revision in ("0004", HEAD)
        seen["old" if revision == "0004" else "new"] += 1
        for copy in folder.glob("*before-upgrade*"):  # a copy under its final name is whole
            if ".part" not in copy.name:  # not one being written (`.part`, and its `.part-journal`)
                assert copy.stat().st_size > 0 and _integrity(copy) == "ok"
        reopened = Database.open(f"sqlite:///{db}")  # the next start finishes the upgrade
        try:
            assert current_revision(reopened.engine) == HEAD
            assert Clinic(reopened, NURSE_USER).visit(1).status == "signed"
        finally:
            reopened.close()
        assert not [p for p in folder.iterdir() if ".part" in p.name]
    figures("sigkill upgrade", kills=KILLS, left_old=seen["old"], left_new=seen["new"], partial=0)
