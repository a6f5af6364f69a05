"""The audit hash chain (issue 15): every kind of tampering by plain SQL is detected by `audit verify`,
on SQLite and PostgreSQL; the chain stays one line when writers race; the migration chains old events."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from cga_desk.app import open_store
from cga_desk.cli import main
from cga_desk.domain.audit_chain import GENESIS
from cga_desk.domain.records import PatientInput, User
from cga_desk.interop.jsonl import read_jsonl
from cga_desk.persistence.database import Database
from cga_desk.persistence.engine import make_engine
from cga_desk.persistence.migrate import alembic_config
from cga_desk.services import audit, importing, visits
from cga_desk.services.patients import register_patient
from tests.conftest import VECTORS
from tests.integration.cli_helpers import password_file, sign_in_args
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, PASSWORD, TODAY, drop_signed_visit_guards


def _register(db: Database, n: int, prefix: str = "P") -> None:
    for i in range(n):
        with db.unit_of_work() as uow:
            register_patient(
                uow, NURSE_USER, PatientInput(f"{prefix}{i:03d}", TODAY.replace(year=1945), f"Name {i}"), TODAY
            )


def _verify(db: Database, **kwargs: object) -> audit.Verification:
    with db.unit_of_work(write=False) as uow:
        return audit.verify(uow, **kwargs)  # type: ignore[arg-type]


def _tamper(db: Database, *statements: str) -> None:
    """Plain SQL with the append-only triggers lifted, as someone with the file (or the owner role) can."""
    postgres = db.engine.dialect.name == "postgresql"
    with db.engine.begin() as conn:
        if postgres:
            conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER IF EXISTS audit_events_no_update"))
            conn.execute(text("DROP TRIGGER IF EXISTS audit_events_no_delete"))
        for statement in statements:
            conn.execute(text(statement))
        if postgres:
            conn.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))


def _as(user: User, tmp_path: Path) -> list[str]:
    """`--user NAME --password-file FILE` for one of the fixture's accounts (`audit verify` needs an admin)."""
    return sign_in_args(user, password_file(tmp_path / "secrets"))


def _ids(db: Database) -> list[int]:
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT id FROM audit_events ORDER BY id"))]


def test_an_untouched_trail_is_intact_and_the_cli_says_so(db: Database, db_url: str, tmp_path: Path, capsys) -> None:
    _register(db, 3)
    result = _verify(db)
    assert result.ok and result.events == len(_ids(db)) > 10
    assert main(["--db", db_url, "audit", "verify", *_as(ADMIN_USER, tmp_path)]) == 0
    out = capsys.readouterr().out
    after = _verify(db)  # the admin's sign-in is audited (and chained) before the walk
    assert after.ok and after.events == result.events + 1
    assert out.startswith(f"audit trail intact: {after.events} events, last {after.last_hash[:16]}")


@pytest.mark.parametrize(
    ("tampering", "why"),
    [
        ("UPDATE audit_events SET user_name = 'Impostor' WHERE id = {mid}", "changed"),
        ("UPDATE audit_events SET new_value = 'tampered' WHERE id = {last}", "changed"),
        ("DELETE FROM audit_events WHERE id = {mid}", "missing"),
        ("DELETE FROM audit_events WHERE id = {first}", "missing"),
        (
            "UPDATE audit_events SET id = -id WHERE id IN ({mid}, {next}); "
            "UPDATE audit_events SET id = {mid} WHERE id = -{next}; "
            "UPDATE audit_events SET id = {next} WHERE id = -{mid}",
            "reordered",
        ),
        # Far past the end: on PostgreSQL the id sequence hands {last} + 1 to the admin's sign-in next.
        ("UPDATE audit_events SET id = {last} + 1000 WHERE id = {mid}", "reordered"),
        (
            "INSERT INTO audit_events (at, user_name, action, entity, entity_id, app_version) "
            "VALUES ('2026-01-01 00:00:00', 'x', 'sign', 'visit', '1', '0')",
            "not chained",
        ),
    ],
    ids=["changed-middle", "changed-last", "deleted-middle", "deleted-first", "swapped", "moved-to-end", "inserted"],
)
def test_tampering_by_plain_sql_is_detected(
    db: Database, db_url: str, tampering: str, why: str, tmp_path: Path, capsys
) -> None:
    _register(db, 3)
    ids = _ids(db)
    marks = {"first": ids[0], "mid": ids[len(ids) // 2], "next": ids[len(ids) // 2 + 1], "last": ids[-1]}
    _tamper(db, *[s.strip().format(**marks) for s in tampering.split(";")])
    result = _verify(db)
    assert not result.ok and result.failure is not None
    assert result.failure.why == why, result.failure
    assert main(["--db", db_url, "audit", "verify", *_as(ADMIN_USER, tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f": {why} (" in err and "audit event" in err


def test_events_cut_off_the_end_are_caught_by_a_printed_anchor(db: Database, db_url: str, tmp_path: Path) -> None:
    _register(db, 2)
    with db.unit_of_work(write=False) as uow:
        anchor = audit.latest_hash(uow)[:16]
    _register(db, 1, prefix="Q")
    assert _verify(db, anchor=anchor).ok
    _tamper(db, f"DELETE FROM audit_events WHERE id >= (SELECT id FROM audit_events WHERE hash LIKE '{anchor}%')")
    assert _verify(db).ok  # a chain alone cannot see its end cut off ...
    result = _verify(db, anchor=anchor)  # ... the hash printed on paper can
    assert result.failure is not None and result.failure.why == "missing"
    assert main(["--db", db_url, "audit", "verify", "--anchor", anchor, *_as(ADMIN_USER, tmp_path)]) == 1


def _signed_visit(db: Database) -> tuple[str, int]:
    """The shared visits imported, and one complete visit signed by the physician: (its patient, its id)."""
    with db.unit_of_work() as uow:
        importing.import_records(uow, ADMIN_USER, read_jsonl((VECTORS / "visits.jsonl").open()), TODAY)
    with db.unit_of_work(write=False) as uow:
        study_id, visit_id = next(
            (f"DEMO-00{n}", v.id)
            for n in range(1, 7)
            for v in visits.patient_visits(uow, DOCTOR, f"DEMO-00{n}")
            if v.status == "complete"
        )
    with db.unit_of_work() as uow:
        visits.sign_visits(uow, DOCTOR, [visit_id], PASSWORD)
    return study_id, visit_id


def test_an_edited_signed_visit_breaks_audit_verify(db: Database, db_url: str, tmp_path: Path, capsys) -> None:
    """The audit chain itself is untouched here: the signature hash is what catches the edit (issue 15, 8)."""
    study_id, visit_id = _signed_visit(db)
    admin = _as(ADMIN_USER, tmp_path)
    assert main(["--db", db_url, "audit", "verify", *admin]) == 0  # signed and untouched: intact
    assert capsys.readouterr().out.startswith("audit trail intact: ")
    with db.engine.begin() as conn:  # plain SQL, the database's guard dropped: one answer of the signed visit
        drop_signed_visit_guards(conn)
        row = conn.execute(
            text("SELECT id, answers FROM visit_instruments WHERE visit_id = :v ORDER BY id LIMIT 1"), {"v": visit_id}
        ).one()
        answers = row.answers if isinstance(row.answers, dict) else json.loads(row.answers)
        item = sorted(answers)[0]
        answers[item] = 0 if answers[item] != 0 else 1
        conn.execute(
            text("UPDATE visit_instruments SET answers = :a WHERE id = :i"), {"a": json.dumps(answers), "i": row.id}
        )
    assert main(["--db", db_url, "audit", "verify", *admin]) == 1
    err = capsys.readouterr().err
    assert f"signed visit {visit_id} ({study_id} " in err and "signature invalid" in err, err
    assert "audit event" not in err  # the chain is intact: the visit is what is named


def test_the_newest_events_alone_can_be_checked(db: Database) -> None:
    _register(db, 3)
    ids = _ids(db)
    assert _verify(db, newest=5) == audit.Verification(5, _verify(db).last_hash, None, partial=True)
    _tamper(db, f"UPDATE audit_events SET reason = 'x' WHERE id = {ids[-2]}")
    assert _verify(db, newest=5).failure is not None
    _tamper(db, f"UPDATE audit_events SET reason = 'x' WHERE id = {ids[-3]}")
    assert _verify(db, newest=5).failure.where == f"audit event {ids[-3]}"  # type: ignore[union-attr]


def test_the_further_checks_run_after_the_chain(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from cga_desk.domain.audit_chain import Break

    _register(db, 1)
    monkeypatch.setattr(audit, "CHECKS", [lambda uow: iter([Break("signed visit 7", "changed", "test")])])
    result = _verify(db)
    assert result.failure == Break("signed visit 7", "changed", "test")


def test_racing_writers_keep_one_chain(db: Database) -> None:
    """Four threads appending at once (SQLite: the write lock; PostgreSQL: the advisory lock)."""
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            _register(db, 5, prefix=f"T{k}-")
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = _verify(db)
    assert result.ok, result.failure
    assert result.events == len(_ids(db))


def test_the_migration_chains_the_events_recorded_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        for i in range(5):
            conn.execute(
                text(
                    "INSERT INTO audit_events (at, user_name, action, entity, entity_id, field, new_value, app_version)"
                    f" VALUES ('2025-01-0{i + 1} 10:00:00.000000', 'Nurse Ada', 'register', 'patient', 'OLD-{i}',"
                    " 'name', 'Zoë', '0.9')"
                )
            )
    engine.dispose()
    db = open_store(f"sqlite:///{path}")
    try:
        result = _verify(db)
        assert result.ok and result.events == 5
        _register(db, 1)  # new events chain on
        assert _verify(db).ok
        with sqlite3.connect(path) as conn:
            first_prev = conn.execute("SELECT prev_hash FROM audit_events ORDER BY id LIMIT 1").fetchone()[0]
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):  # the triggers are back
                conn.execute("UPDATE audit_events SET hash = NULL")
        assert first_prev == GENESIS
    finally:
        db.close()


def test_every_report_page_prints_the_chain_anchor(db: Database, db_url: str, tmp_path: Path) -> None:
    import pypdfium2

    _register(db, 2)
    with db.unit_of_work(write=False) as uow:
        anchor = audit.latest_hash(uow)[:16]
    out = tmp_path / "cohort.pdf"
    assert main(["--db", db_url, "report", "--cohort", "--out", str(out), *_as(NURSE_USER, tmp_path)]) == 0
    pdf = pypdfium2.PdfDocument(str(out))
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    printed = re.search(r"audit chain ([0-9a-f]{16})", pages[0] if pages else "")
    assert printed is not None and all(f"audit chain {printed[1]}" in page for page in pages)
    with db.engine.connect() as conn:
        hashes = [r[0] for r in conn.execute(text("SELECT hash FROM audit_events ORDER BY id"))]
    # The chain's head when the report was made (after the nurse's sign-in, newer than `anchor`): only the
    # report's own disclosure event follows it.
    assert printed[1] != anchor and hashes[-2].startswith(printed[1])
    assert _verify(db, anchor=printed[1]).ok
