"""The audit hash chain (issue 15): every kind of tampering by plain SQL is detected by `audit verify`,
on SQLite and PostgreSQL; the chain stays one line when writers race; the migration chains old events."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from cga_desk.app import open_store
from cga_desk.cli import main
from cga_desk.domain.audit_chain import GENESIS
from cga_desk.domain.records import PatientInput
from cga_desk.persistence.database import Database
from cga_desk.persistence.engine import make_engine
from cga_desk.persistence.migrate import alembic_config
from cga_desk.services import audit
from cga_desk.services.patients import register_patient
from tests.store_fixtures import NURSE_USER, TODAY


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


def _ids(db: Database) -> list[int]:
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT id FROM audit_events ORDER BY id"))]


def test_an_untouched_trail_is_intact_and_the_cli_says_so(db: Database, db_url: str, capsys) -> None:
    _register(db, 3)
    result = _verify(db)
    assert result.ok and result.events == len(_ids(db)) > 10
    assert main(["--db", db_url, "audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"audit trail intact: {result.events} events, last {result.last_hash[:16]}")


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
        ("UPDATE audit_events SET id = {last} + 1 WHERE id = {mid}", "reordered"),
        (
            "INSERT INTO audit_events (at, user_name, action, entity, entity_id, app_version) "
            "VALUES ('2026-01-01 00:00:00', 'x', 'sign', 'visit', '1', '0')",
            "not chained",
        ),
    ],
    ids=["changed-middle", "changed-last", "deleted-middle", "deleted-first", "swapped", "moved-to-end", "inserted"],
)
def test_tampering_by_plain_sql_is_detected(db: Database, db_url: str, tampering: str, why: str, capsys) -> None:
    _register(db, 3)
    ids = _ids(db)
    marks = {"first": ids[0], "mid": ids[len(ids) // 2], "next": ids[len(ids) // 2 + 1], "last": ids[-1]}
    _tamper(db, *[s.strip().format(**marks) for s in tampering.split(";")])
    result = _verify(db)
    assert not result.ok and result.failure is not None
    assert result.failure.why == why, result.failure
    assert main(["--db", db_url, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert f": {why} (" in err and "audit event" in err


def test_events_cut_off_the_end_are_caught_by_a_printed_anchor(db: Database, db_url: str, capsys) -> None:
    _register(db, 2)
    with db.unit_of_work(write=False) as uow:
        anchor = audit.latest_hash(uow)[:16]
    _register(db, 1, prefix="Q")
    assert _verify(db, anchor=anchor).ok
    _tamper(db, f"DELETE FROM audit_events WHERE id >= (SELECT id FROM audit_events WHERE hash LIKE '{anchor}%')")
    assert _verify(db).ok  # a chain alone cannot see its end cut off ...
    result = _verify(db, anchor=anchor)  # ... the hash printed on paper can
    assert result.failure is not None and result.failure.why == "missing"
    assert main(["--db", db_url, "audit", "verify", "--anchor", anchor]) == 1


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
    assert main(["--db", db_url, "report", "--cohort", "--out", str(out)]) == 0
    pdf = pypdfium2.PdfDocument(str(out))
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    assert pages and all(f"audit chain {anchor}" in page for page in pages)
    assert _verify(db, anchor=anchor).ok
