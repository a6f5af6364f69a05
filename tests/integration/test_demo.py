"""Demo data: loaded through the services (real scores, audit, statuses), the trajectories really there,
deterministic, loaded once only, and `cga-desk demo` as a user runs it."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cga_desk.app import open_store
from cga_desk.demo.course import HELPED
from cga_desk.demo.load import DEMO_NURSE, DEMO_PHYSICIAN, DemoSummary, load_demo
from cga_desk.domain.errors import ValidationError
from cga_desk.domain.records import NURSE, VisitView
from cga_desk.forms.document import score_document
from cga_desk.forms.schedule import PPCL_SCHEDULE, occurrences
from cga_desk.persistence.database import Database
from cga_desk.services import users, visits
from cga_desk.services.history import PatientHistory, patient_history
from cga_desk.services.schedules import timepoint_statuses
from tests.integration.cli_helpers import create_admin, password_file, sign_in_args
from tests.store_fixtures import ADMIN_USER, NURSE_USER, TODAY

RANK = {"fit": 0, "intermediate": 1, "frail": 2}


def demo_ids(db: Database) -> list[str]:
    with db.unit_of_work(write=False) as uow:
        return [p.study_id for p in uow.patients.all() if p.study_id.startswith("DEMO-P")]


def histories(db: Database) -> dict[str, PatientHistory]:
    with db.unit_of_work(write=False) as uow:
        return {pid: patient_history(uow, NURSE_USER, pid) for pid in demo_ids(db)}


def fresh_score(h: PatientHistory, v: VisitView) -> dict[str, Any]:
    """The visit's answers scored afresh by the clinical core (authoritative)."""
    doc: dict[str, Any] = {"birth_date": h.patient.birth_date.isoformat(), "assessment_date": v.visit_date.isoformat()}
    for name, state in v.instruments.items():
        if state.not_assessable_reason:
            continue
        value = state.total if name == "ecog" or state.answers is None else state.answers
        if value is not None:
            doc[name] = value
    return score_document(doc)


@pytest.fixture
def loaded(db: Database) -> tuple[Database, DemoSummary, list[tuple[int, int]]]:
    calls: list[tuple[int, int]] = []
    summary = load_demo(db.unit_of_work, ADMIN_USER, TODAY, progress=lambda done, total: calls.append((done, total)))
    return db, summary, calls


def test_forty_patients_with_real_scores_and_a_realistic_mix(loaded: tuple[Database, DemoSummary, list]) -> None:
    db, summary, calls = loaded
    hs = histories(db)
    rows = [(h, r) for h in hs.values() for r in h.rows]
    assert (summary.patients, summary.visits, summary.users) == (40, len(rows), 2) and len(hs) == 40
    assert sorted(summary.passwords) == sorted([DEMO_NURSE.name, DEMO_PHYSICIAN.name])  # shown once, to sign in
    assert calls == [(i, 40) for i in range(1, 41)]
    assert 250 <= len(rows) <= 500
    for h, r in rows:
        assert r.visit.visit_date <= TODAY
        assert r.visit.scores == fresh_score(h, r.visit), (h.patient.study_id, r.visit.timepoint)
    _assert_patients(hs)
    _assert_trajectories(hs)
    _assert_statuses([r.visit for _, r in rows])
    _assert_answers([r.visit for _, r in rows])
    _assert_windows(hs)
    with db.unit_of_work(write=False) as uow:
        st = [s.status for pid in hs for s in timepoint_statuses(uow, NURSE_USER, pid, TODAY)]
        names = {u.name: u.role for u in users.accounts(uow, ADMIN_USER)}
        signed = next(r.visit for _, r in rows if r.visit.status == "signed")
        trail = {(e.user_name, e.action) for e in visits.visit_trail(uow, NURSE_USER, signed.id)}
    assert st.count("overdue") >= 1, "an overdue timepoint"
    assert names[DEMO_PHYSICIAN.name] == "physician" and names[DEMO_NURSE.name] == NURSE
    assert {
        (DEMO_NURSE.name, "start"),
        (DEMO_NURSE.name, "answers"),
        (DEMO_NURSE.name, "complete"),
        (DEMO_PHYSICIAN.name, "sign"),
    } <= trail


def _assert_patients(hs: dict[str, PatientHistory]) -> None:
    pats = [h.patient for h in hs.values()]
    assert sorted(hs) == [f"DEMO-P{i:03d}" for i in range(1, 41)]
    assert {p.sex for p in pats} == {"female", "male"}
    pcl = sum(p.index_disease == "primary_plasma_cell_leukemia" for p in pats)
    assert 24 <= pcl < 40 and all(p.index_disease in ("primary_plasma_cell_leukemia", "multiple_myeloma") for p in pats)
    assert all(66 <= p.age_on(p.diagnosis_date) <= 88 for p in pats if p.diagnosis_date)
    assert all(0 < (TODAY - p.diagnosis_date).days <= 4 * 366 for p in pats if p.diagnosis_date)
    scripts = {unicodedata.name(ch).split()[0] for p in pats for ch in (p.name or "") if ch.isalpha()}
    assert {"GREEK", "CYRILLIC", "LATIN"} <= scripts
    assert any(not ch.isascii() and unicodedata.name(ch).startswith("LATIN") for p in pats for ch in p.name or "")
    assert len({p.name for p in pats}) == 40


def _transitions(h: PatientHistory) -> list[int]:
    out = []
    for r in h.rows:
        change = r.change.imwg_category_change
        if change:
            before, after = change.split(" -> ")
            out.append(RANK[after] - RANK[before])
    return out


def _assert_trajectories(hs: dict[str, PatientHistory]) -> None:
    assert any(d > 0 for h in hs.values() for d in _transitions(h)), "a patient whose IMWG category worsened"
    assert any(d < 0 for h in hs.values() for d in _transitions(h)), "a patient whose IMWG category improved"
    assert any(sum(r.visit.is_baseline for r in h.rows) >= 2 for h in hs.values()), "a re-baselined patient"
    first_marked = sum(h.rows[0].visit.is_baseline for h in hs.values())
    assert 5 <= first_marked <= 12  # about 20 %


def _assert_statuses(vs: list[VisitView]) -> None:
    status = [v.status for v in vs]
    assert status.count("signed") >= 0.4 * len(vs) and status.count("complete") >= 5
    assert 3 <= status.count("draft") <= 20
    assert all(v.signed_by == DEMO_PHYSICIAN.name for v in vs if v.status == "signed")
    assert any(v.status == "draft" and v.scores["incomplete"] for v in vs), "a draft with items unanswered"
    assert any(s.not_assessable_reason for v in vs for s in v.instruments.values()), "an instrument not assessable"
    assert any(v.status != "draft" and v.scores["imwg"] is None for v in vs), (
        "complete with an instrument not assessable"
    )
    assert sum("ecog" in v.instruments for v in vs) >= 0.7 * len(vs)
    assert {v.respondent for v in vs} >= {"patient", "both"}


def _assert_answers(vs: list[VisitView]) -> None:
    lawton = [s.answers for v in vs if (s := v.instruments.get("lawton")) and s.answers]
    assert any(opt in HELPED[code] for a in lawton for code, opt in a.items()), "a 'helped' option scoring 1"
    assert any(opt != 1 for a in lawton for opt in a.values())
    ch = [s.answers for v in vs if (s := v.instruments.get("charlson")) and s.answers]
    assert any(a.get("diabetes_end_organ_damage") and a.get("diabetes_uncomplicated") is False for a in ch)
    assert not any(a.get("diabetes_end_organ_damage") and a.get("diabetes_uncomplicated") for a in ch)
    katz = [s.answers for v in vs if (s := v.instruments.get("katz")) and s.answers]
    assert any("dependent" in a.values() for a in katz) and any(set(a.values()) == {"independent"} for a in katz)


def _assert_windows(hs: dict[str, PatientHistory]) -> None:
    """Every visit stands within its timepoint's window, after diagnosis."""
    for h in hs.values():
        p = h.patient
        anchors = {"diagnosis": p.diagnosis_date, **{m.kind: m.date for m in p.milestones}}
        assert all(m.date <= TODAY for m in p.milestones)
        windows = {o.label: o for o in occurrences(PPCL_SCHEDULE.rules, anchors)[0]}
        for r in h.rows:
            o = windows[r.visit.timepoint]
            assert o.opens <= r.visit.visit_date <= o.closes and p.diagnosis_date <= r.visit.visit_date


def _snapshot(db: Database) -> list[Any]:
    out: list[Any] = []
    for h in histories(db).values():
        out.append(h.patient)
        out += [
            (
                v.visit_date,
                v.timepoint,
                v.respondent,
                v.status,
                v.is_baseline,
                v.scores,
                {k: (s.answers, s.total, s.not_assessable_reason) for k, s in v.instruments.items()},
            )
            for v in (r.visit for r in h.rows)
        ]
    return out


def test_same_seed_gives_the_same_data(db: Database, tmp_path: Path) -> None:
    load_demo(db.unit_of_work, ADMIN_USER, TODAY, n_patients=6, seed=11)
    other = open_store(f"sqlite:///{tmp_path / 'second.sqlite3'}")
    third = open_store(f"sqlite:///{tmp_path / 'third.sqlite3'}")
    try:
        load_demo(other.unit_of_work, ADMIN_USER, TODAY, n_patients=6, seed=11)
        load_demo(third.unit_of_work, ADMIN_USER, TODAY, n_patients=6, seed=12)
        assert _snapshot(db) == _snapshot(other)
        assert _snapshot(db) != _snapshot(third)
    finally:
        other.close()
        third.close()


def test_loading_twice_is_refused(db: Database) -> None:
    assert load_demo(db.unit_of_work, ADMIN_USER, TODAY, n_patients=3).users == 2
    with pytest.raises(ValidationError) as refused:
        load_demo(db.unit_of_work, ADMIN_USER, TODAY, n_patients=3, seed=5)
    assert refused.value.field == "demo" and "already loaded" in str(refused.value)
    assert demo_ids(db) == ["DEMO-P001", "DEMO-P002", "DEMO-P003"]
    with pytest.raises(ValidationError):
        load_demo(db.unit_of_work, ADMIN_USER, TODAY, n_patients=0)


def test_existing_demo_users_are_refused_and_nothing_is_written(db: Database) -> None:
    """Demo users left from an earlier load are not reused (issue 13): their passwords were shown once
    and are not known here, so the demo could not sign its visits."""
    with db.unit_of_work() as uow:
        users.create_user(uow, ADMIN_USER, DEMO_NURSE.name, DEMO_NURSE.full_name, NURSE, "an earlier demo password")
    with pytest.raises(ValidationError) as refused:
        load_demo(db.unit_of_work, ADMIN_USER, TODAY, n_patients=3)
    assert refused.value.field == "demo" and "exist already" in str(refused.value)
    assert demo_ids(db) == []
    with db.unit_of_work(write=False) as uow:
        assert DEMO_PHYSICIAN.name not in {u.name for u in users.accounts(uow, ADMIN_USER)}


def test_recent_today_keeps_every_visit_on_or_before_it(db: Database) -> None:
    today = date(2025, 2, 3)
    load_demo(db.unit_of_work, ADMIN_USER, today, n_patients=8, seed=3)
    for h in histories(db).values():
        assert all(r.visit.visit_date <= today for r in h.rows) and h.rows[0].visit.timepoint == "Baseline"
        assert h.patient.diagnosis_date is not None and h.patient.diagnosis_date <= today


def cli(db: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--db", str(db), *args], capture_output=True, text=True, timeout=120
    )


def test_cli_demo_loads_once_then_refuses(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    admin = create_admin(db, tmp_path / "secrets")  # demo data is offered once the administrator exists
    proc = cli(db, "demo", "--patients", "4", "--seed", "7", *admin)
    assert proc.returncode == 0, proc.stderr
    summary, *shown = proc.stdout.splitlines()
    assert "4 patients" in summary and "visits" in summary
    passwords = dict(re.fullmatch(r"  demo user (\S+): password (\S+)  \(.*\)", line).groups() for line in shown)  # type: ignore[union-attr]
    assert sorted(passwords) == sorted([DEMO_NURSE.name, DEMO_PHYSICIAN.name])
    again = cli(db, "demo", "--patients", "4", *admin)
    assert again.returncode == 1 and "already loaded" in again.stderr and "Traceback" not in again.stderr
    demo_nurse = sign_in_args(DEMO_NURSE, password_file(tmp_path / "demo-nurse", passwords[DEMO_NURSE.name]))
    assert cli(db, "history", "DEMO-P004", *demo_nurse).returncode == 0  # the password shown signs in
    assert cli(db, "demo", "--patients", "0", *admin).returncode == 2


def test_cli_demo_database_unavailable(tmp_path: Path) -> None:
    proc = cli("postgresql+psycopg://nobody@127.0.0.1:1/none", "demo", "--patients", "2")
    assert proc.returncode == 1 and proc.stderr.startswith("cga-desk demo:") and "Traceback" not in proc.stderr
