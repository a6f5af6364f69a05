"""Backups that restore (issue 15): a round trip gives back every table row for row; a damaged backup is
refused with the database untouched; the automatic backups keep 7 daily + 4 weekly + 12 monthly."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cga_desk.app import open_store
from cga_desk.cli import main
from cga_desk.demo.load import load_demo
from cga_desk.domain.backup_rotation import to_keep
from cga_desk.domain.records import PatientInput
from cga_desk.persistence.backup import BackupError
from cga_desk.services import backup
from cga_desk.services.patients import register_patient
from tests.integration.cli_helpers import password_file, sign_in_args
from tests.store_fixtures import ADMIN_USER, NURSE_USER, TODAY, add_accounts


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "cga.sqlite3"
    db = open_store(str(path))
    try:
        add_accounts(db, ADMIN_USER, NURSE_USER)
        load_demo(db.unit_of_work, ADMIN_USER, TODAY, n_patients=4, seed=7)
    finally:
        db.close()
    return path


@pytest.fixture
def live(demo_database: Path, tmp_path: Path) -> Path:
    """A copy of the demo database in a folder of its own."""
    path = tmp_path / "clinic" / "cga.sqlite3"
    path.parent.mkdir()
    with sqlite3.connect(demo_database) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    return path


@pytest.fixture
def admin(tmp_path: Path) -> list[str]:
    """The administrator's `--user/--password-file` (backup, restore and audit verify are an admin's)."""
    return sign_in_args(ADMIN_USER, password_file(tmp_path / "secrets"))


def _tables(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}


def _digest(path: Path) -> tuple[str, list[tuple]]:
    """The database's content as SQLite sees it (the file bytes can move on a checkpoint): a digest of
    everything but the audit trail, and the audit trail's rows (signing in appends to it)."""
    with sqlite3.connect(path) as conn:
        dump = [line for line in conn.iterdump() if '"audit_events"' not in line]
        events = conn.execute("SELECT * FROM audit_events ORDER BY id").fetchall()
    return hashlib.sha256("\n".join(dump).encode()).hexdigest(), events


def _add_patient(path: Path, study_id: str) -> None:
    db = open_store(str(path))
    try:
        with db.unit_of_work() as uow:
            register_patient(uow, NURSE_USER, PatientInput(study_id, TODAY.replace(year=1941), "Later"), TODAY)
    finally:
        db.close()


def test_backup_then_restore_gives_back_every_table(live: Path, tmp_path: Path, admin: list[str], capsys) -> None:
    out = tmp_path / "b.sqlite3"
    assert main(["--db", str(live), "backup", "--out", str(out), *admin]) == 0
    assert "Backed up 4 patients" in capsys.readouterr().out
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = _tables(live)
    before.pop("audit_events")  # the backup's own event follows; compared below
    with sqlite3.connect(live) as conn:
        events_at_backup = conn.execute("SELECT * FROM audit_events ORDER BY id").fetchall()[:-1]
    _add_patient(live, "AFTER-1")  # changes after the backup are undone by the restore
    assert main(["--db", str(live), "backup", "--verify", str(out)]) == 0
    assert main(["--db", str(live), "restore", str(out), *admin]) == 0
    restored = _tables(live)
    events = restored.pop("audit_events")
    assert restored == before
    assert events[:-1] == events_at_backup and events[-1][3] == "restore"  # action
    kept = [p for p in live.parent.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1 and "AFTER-1" in str(_tables(kept[0])["patients"])
    assert main(["--db", str(live), "audit", "verify", *admin]) == 0
    assert not [p for p in live.parent.iterdir() if p.name.endswith(".part")]


def _flip_bytes(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    path.write_bytes(bytes(data))


def _edit(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
        for statement in statements:
            conn.execute(statement)


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (_flip_bytes, "integrity check failed|cannot be read|malformed"),
        (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 3]), "integrity|cannot be read|malformed"),
        (lambda p: p.write_bytes(b"not a database at all" * 100), "cannot be read"),
        (
            lambda p: _edit(p, "DELETE FROM patient_summaries", "DELETE FROM patients WHERE id = 1"),
            "patients: the backup",
        ),
        (lambda p: _edit(p, "UPDATE audit_events SET user_name = 'x' WHERE id = 3"), "audit event 3: changed"),
        (lambda p: _edit(p, "DROP TABLE backup_manifest"), "not a CGA Desk backup"),
        (lambda p: _edit(p, "UPDATE alembic_version SET version_num = '9999'"), "newer version of CGA Desk"),
        (lambda p: p.unlink(), "there is no file"),
    ],
    ids=["bytes-zeroed", "truncated", "garbage", "row-deleted", "audit-edited", "no-manifest", "newer", "missing"],
)
def test_a_damaged_backup_is_refused_and_the_database_untouched(
    live: Path, tmp_path: Path, admin: list[str], damage, said, capsys
) -> None:  # type: ignore[no-untyped-def]
    import re

    out = tmp_path / "b.sqlite3"
    assert main(["--db", str(live), "backup", "--out", str(out), *admin]) == 0
    damage(out)
    before, files = _digest(live), sorted(p.name for p in live.parent.iterdir())
    capsys.readouterr()
    assert main(["--db", str(live), "backup", "--verify", str(out)]) == 1
    assert re.search(said, capsys.readouterr().err)
    assert main(["--db", str(live), "restore", str(out), *admin]) == 1
    err = capsys.readouterr().err
    assert "Not restored" in err or "there is no file" in err
    after = _digest(live)
    assert after[0] == before[0]  # no row of any table changed; the trail only gained the admin's sign-in
    assert after[1][: len(before[1])] == before[1]
    assert [(e[2], e[3]) for e in after[1][len(before[1]) :]] == [(ADMIN_USER.name, "sign_in")]
    assert sorted(p.name for p in live.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        f for f in files if not f.endswith(("-wal", "-shm"))
    ]
    with pytest.raises(BackupError):
        backup.restore(live, out)


def test_postgres_is_pointed_to_pg_dump(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", "postgresql://nobody@127.0.0.1:1/x", "backup", "--out", "x"]) == 2
    assert "pg_dump" in capsys.readouterr().err


def test_automatic_backups_daily_then_rotated(live: Path, tmp_path: Path) -> None:
    folder = tmp_path / "share"
    start = datetime(2026, 1, 1, 8, 0)
    first = backup.auto_backup(live, folder, start)
    assert first.made is not None and backup.check_backup(first.made).ok
    assert backup.auto_backup(live, folder, start + timedelta(hours=3)).made is None  # one a day at start
    assert backup.auto_backup(live, folder, start + timedelta(hours=9), force=True).made is not None  # on close
    day = start
    for _ in range(400):  # a year and more of daily backups (earlier ones stand in as empty files)
        day += timedelta(days=1)
        (folder / f"cga-desk-{day.strftime(backup.AUTO_FORMAT)}.sqlite3").touch()
    day += timedelta(days=1)
    made = backup.auto_backup(live, folder, day)
    assert made.made is not None and len(made.removed) > 350
    kept = sorted(backup.automatic_backups(folder))
    assert kept == sorted(to_keep(kept)) and 7 <= len(kept) <= 7 + 4 + 12
    assert kept[-7:] == [day - timedelta(days=d) for d in range(6, -1, -1)]
    assert len({(k.year, k.month) for k in kept}) == 12


def test_the_rotation_rule() -> None:
    days = [datetime(2026, 1, 1) + timedelta(days=d, hours=h) for d in range(100) for h in (8, 18)]
    kept = to_keep(days)
    newest_per_day = {max(s for s in days if s.date() == d.date()) for d in days}
    assert kept <= newest_per_day  # only the newest of a day is ever kept
    assert sorted(kept)[-7:] == sorted(newest_per_day)[-7:]
    assert len({k.isocalendar()[:2] for k in kept}) >= 4 and len({(k.year, k.month) for k in kept}) == 4  # 100 days
    assert to_keep([]) == set()


def test_the_backup_folder_setting(live: Path, tmp_path: Path, admin: list[str]) -> None:
    from cga_desk.domain.errors import ValidationError

    db = open_store(str(live))
    try:
        with db.unit_of_work() as uow:
            assert backup.backup_folder(uow, live) == live.parent / "backups"
            backup.set_backup_folder(uow, ADMIN_USER, str(tmp_path / "net"))
        with db.unit_of_work() as uow:
            assert backup.backup_folder(uow, live) == tmp_path / "net"
            with pytest.raises(ValidationError):
                backup.set_backup_folder(uow, ADMIN_USER, "relative/path")
    finally:
        db.close()
    assert main(["--db", str(live), "backup", "--auto", *admin]) == 0
    assert len(backup.automatic_backups(tmp_path / "net")) == 1
