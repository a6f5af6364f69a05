"""Backups that restore (issue 15): make one, check one, restore one only after it is proved whole, and
the automatic daily backups kept 7 daily + 4 weekly + 12 monthly in the folder the clinic chose.

A backup is one SQLite file made by the online backup API, with a manifest (counts of patients, visits,
signed visits, signatures and audit events, the audit chain's head, the schema version). Checking it:
`PRAGMA integrity_check`, every count against the manifest, and the audit chain walked end to end with
its head equal to the manifest's. A restore checks the backup, copies it beside the database, checks the
copy again, keeps the database it replaces beside it, and only then writes the copy into the database.
PostgreSQL is backed up with pg_dump and pg_restore (docs/security.md); `cga-desk audit verify` is the
check after a restore there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from ..domain.backup_rotation import to_keep
from ..domain.errors import ValidationError
from ..domain.records import User
from ..persistence import backup as store
from ..persistence.backup import BackupError
from ..persistence.engine import is_plain_sqlite
from ..persistence.keys import key_file_of
from ..persistence.migrate import known_revisions
from ..persistence.uow import UnitOfWork
from ..version import __version__
from . import audit
from .settings import store_setting

FOLDER_SETTING = "backup.folder"
AUTO_NAME = re.compile(r"cga-desk-(\d{8}-\d{6})\.sqlite3")
AUTO_FORMAT = "%Y%m%d-%H%M%S"
__all__ = ["AutoBackup", "BackupCheck", "BackupError", "RestoreResult", "auto_backup", "check_backup", "restore"]


@dataclass(frozen=True)
class BackupCheck:
    """What checking a backup found: `problems` is empty when it can be restored."""

    path: Path
    manifest: dict[str, str]
    found: dict[str, int]
    chain: str  # audit.Verification.describe() of the copy
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems

    def describe(self) -> str:
        counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in self.found.items())
        if self.ok:
            return f"backup {self.path} is whole: integrity ok, {counts}; {self.chain}"
        return f"backup {self.path} cannot be restored: " + "; ".join(self.problems)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept: Path | None  # the replaced database, beside it (None: there was none)
    check: BackupCheck


def make_backup(db_path: Path, out: Path, key: bytes | None = None) -> dict[str, str]:
    """A backup of the live SQLite database at `out`; returns its manifest. The caller records it in the
    audit trail (`record_backup`): a backup carries every patient out of the program."""
    if out.resolve() == db_path.resolve():
        raise ValidationError("out", "the backup cannot be the database itself")
    return store.make_backup(db_path, out, __version__, key)


def record_backup(uow: UnitOfWork, by: User, out: Path, manifest: dict[str, str], what: str = "backup") -> None:
    counts = {k: manifest[k] for k in store.COUNTS if k in manifest}
    audit.record(uow, by, what, "database", str(out), "counts", None, counts)
    uow.commit()


def check_backup(path: Path, key: bytes | None = None) -> BackupCheck:
    """Integrity, the counts against the manifest and the audit chain (walked whole, its head against the
    manifest's), without changing the file. `key`: the database key, for a backup of an encrypted
    database (a plain backup is read as it is, whatever the key)."""
    problems: list[str] = []
    if key is not None and is_plain_sqlite(path):
        key = None
    try:
        with store.opened_readonly(path, key) as conn:
            verdict = store.integrity(conn)
            if verdict != "ok":
                return BackupCheck(path, {}, {}, "", (f"integrity check failed: {verdict}",))
            manifest = store.read_manifest(conn)
            found = store.counts(conn)
            revision = store.schema_revision(conn)
    except BackupError as error:
        return BackupCheck(path, {}, {}, "", (str(error),))
    except Exception as error:  # noqa: BLE001 - sqlite3 says "file is not a database" and the like
        return BackupCheck(path, {}, {}, "", (f"it cannot be read as a database ({error})",))
    if revision not in known_revisions():  # restoring it would leave a database this version cannot open
        return BackupCheck(
            path, manifest, found, "", (f"it was made by a newer version of CGA Desk (database version {revision})",)
        )
    for name, value in found.items():
        recorded = manifest.get(name)
        if recorded is not None and recorded != str(value):
            problems.append(f"{name.replace('_', ' ')}: the backup recorded {recorded}, it holds {value}")
    chain = check_chain(path, manifest, problems, key)
    return BackupCheck(path, manifest, found, chain, tuple(problems))


def check_chain(path: Path, manifest: dict[str, str], problems: list[str], key: bytes | None = None) -> str:
    with store.readonly_sessions(path, key) as sessions, UnitOfWork(sessions, write=False) as uow:
        result = audit.verify(uow)
    if not result.ok:
        problems.append(result.describe())
    elif manifest.get("audit_chain_head", result.last_hash) != result.last_hash:
        problems.append("the audit chain's newest event is not the one the backup recorded")
    return result.describe()


def restore(db_path: Path, backup: Path, key: bytes | None = None) -> RestoreResult:
    """Restore `backup` into the SQLite database at `db_path`: refused, with the database untouched,
    unless the backup and then its copy beside the database pass check_backup. `key`: the key of an
    encrypted database; its backups are encrypted with it (a plain backup is not restored into it)."""
    if key is not None and is_plain_sqlite(backup):
        raise BackupError(
            f"Not restored: {backup} is a plain (unencrypted) backup and this database is encrypted; restore it "
            "into a new file, then convert that with `cga-desk encrypt`. The database was not changed."
        )
    check = check_backup(backup, key)
    if not check.ok:
        raise BackupError(f"Not restored: {check.describe()}. The database was not changed.")
    staged = store.stage_restore(backup, db_path, key)
    try:
        with store.opened_readonly(staged, key) as conn:
            verdict, found = store.integrity(conn), store.counts(conn)
        problems = [] if verdict == "ok" else [f"integrity check failed: {verdict}"]
        if found != check.found:
            problems.append(f"the copy holds {found}, the backup {check.found}")
        check_chain(staged, check.manifest, problems, key)
        if problems:
            raise BackupError("Not restored: the copy of the backup is not whole (" + "; ".join(problems) + ").")
        kept = store.keep_replaced(db_path, key) if db_path.is_file() else None
        store.swap_in(staged, db_path, key)
    finally:
        staged.unlink(missing_ok=True)
    return RestoreResult(backup, kept, check)


# --- automatic backups -----------------------------------------------------------------------------


def backup_folder(uow: UnitOfWork, db_path: Path) -> Path:
    """The folder the clinic chose (setting backup.folder), else `backups` beside the database."""
    chosen = uow.settings.get(FOLDER_SETTING)
    return Path(chosen) if chosen else db_path.parent / "backups"


def set_backup_folder(uow: UnitOfWork, by: User, folder: str) -> Path:
    folder = folder.strip()
    if folder and not Path(folder).is_absolute():
        raise ValidationError("backup_folder", f"{folder} is not a full path (e.g. /mnt/share/cga-backups)")
    store_setting(uow, by, FOLDER_SETTING, folder)
    return Path(folder)


def automatic_backups(folder: Path) -> dict[datetime, Path]:
    found = {}
    if folder.is_dir():
        for path in folder.iterdir():
            match = AUTO_NAME.fullmatch(path.name)
            if match:
                found[datetime.strptime(match.group(1), AUTO_FORMAT)] = path
    return found


@dataclass(frozen=True)
class AutoBackup:
    made: Path | None  # None: today's backup was already there
    manifest: dict[str, str]
    removed: tuple[Path, ...]


def auto_backup(
    db_path: Path, folder: Path, now: datetime, force: bool = False, key: bytes | None = None
) -> AutoBackup:
    """At start (`force=False`: only when there is none from today) and on close (`force=True`): a backup
    named cga-desk-<stamp>.sqlite3 in `folder`, then the automatic backups beyond 7 daily + 4 weekly +
    12 monthly deleted."""
    existing = automatic_backups(folder)
    made, manifest = None, {}
    if force or not any(stamp.date() == now.date() for stamp in existing):
        stamp = now.replace(microsecond=0)
        while stamp in existing:  # two in one second (sign-in, then close): the names stay apart
            stamp += timedelta(seconds=1)
        made = folder / f"cga-desk-{stamp.strftime(AUTO_FORMAT)}.sqlite3"
        manifest = make_backup(db_path, made, key)
        existing[stamp] = made
    keep = to_keep(existing)
    removed = []
    for stamp, path in existing.items():
        if stamp not in keep:
            path.unlink(missing_ok=True)
            key_file_of(path).unlink(missing_ok=True)
            removed.append(path)
    return AutoBackup(made, manifest, tuple(removed))
