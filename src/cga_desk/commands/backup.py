"""`cga-desk backup` and `cga-desk restore` (issue 15): SQLite backups that are checked before they are trusted."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TextIO

from ..domain import access
from ..domain.errors import CgaDeskError
from ..domain.limits import one_line
from .auth import Credentials, refusal, signed_in_store, unlock_key

EXIT_OK, EXIT_ENVIRONMENT, EXIT_REFUSED = 0, 1, 2
POSTGRES = (
    "backups of a PostgreSQL database are made with pg_dump and restored with pg_restore "
    "(docs/security.md); run `cga-desk audit verify` after a restore"
)


def _sqlite_file(db_url: str | None) -> Path | None:
    from ..persistence.engine import resolve_url, sqlite_path

    return sqlite_path(resolve_url(db_url))


def run_backup(
    db_url: str | None,
    out: str | None,
    verify: str | None,
    auto: bool,
    stdout: TextIO,
    stderr: TextIO,
    creds: Credentials | None = None,
) -> int:
    from ..services.backup import check_backup

    if verify is not None:
        try:
            key = _backup_key(db_url, Path(verify), creds or Credentials(None, None))
        except CgaDeskError as error:
            if (status := refusal("backup", error, stderr)) is not None:
                return status
            print(f"cga-desk backup: {one_line(str(error))}", file=stderr)
            return EXIT_ENVIRONMENT
        check = check_backup(Path(verify), key)
        print(check.describe(), file=stdout if check.ok else stderr)
        return EXIT_OK if check.ok else EXIT_ENVIRONMENT
    if (out is None) == (not auto):
        print("cga-desk backup: give --out FILE, --verify FILE or --auto", file=stderr)
        return EXIT_REFUSED
    path = _sqlite_file(db_url)
    if path is None:
        print(f"cga-desk backup: {POSTGRES}", file=stderr)
        return EXIT_REFUSED
    try:
        return _backup(db_url, path, Path(out) if out else None, stdout, creds or Credentials(None, None))
    except CgaDeskError as error:
        if (status := refusal("backup", error, stderr)) is not None:
            return status
        print(f"cga-desk backup: {one_line(str(error))}", file=stderr)
        return EXIT_ENVIRONMENT


def _backup_key(db_url: str | None, backup: Path, creds: Credentials) -> bytes | None:
    """The key to read an encrypted backup with: the encrypted database's (--db), unlocked by signing in
    (its backups are encrypted with the same key). None for a plain backup: no sign-in needed to check it."""
    from ..persistence.engine import is_plain_sqlite
    from ..services.encryption import is_encrypted

    if not backup.is_file() or is_plain_sqlite(backup) or not is_encrypted(_sqlite_file(db_url)):
        return None  # plain, or unreadable: check_backup says what it is
    key, _password, _missed = unlock_key(db_url, creds)
    return key


def _backup(db_url: str | None, path: Path, out: Path | None, stdout: TextIO, creds: Credentials) -> int:
    from ..persistence.database import require_database
    from ..services.backup import auto_backup, backup_folder, make_backup, record_backup

    require_database(db_url)
    with signed_in_store(db_url, creds) as (db, signed_in):
        user = access.require(signed_in, access.BACKUP)
        if out is None:  # --auto: what the window does at start, for a scheduled task
            with db.unit_of_work(write=False) as uow:
                folder = backup_folder(uow, path)
            auto = auto_backup(path, folder, datetime.now(), key=db.key)
            if auto.made is None:
                print(f"Today's automatic backup is already in {folder}.", file=stdout)
                return EXIT_OK
            out, manifest = auto.made, auto.manifest
            gone = f"; {len(auto.removed)} older automatic backups removed (7 daily, 4 weekly, 12 monthly kept)"
        else:
            manifest, gone = make_backup(path, out, db.key), ""
        with db.unit_of_work() as uow:
            record_backup(uow, user, out, manifest)
    counts = ", ".join(f"{manifest[k]} {k.replace('_', ' ')}" for k in ("patients", "visits", "audit_events"))
    print(f"Backed up {counts} to {out} (audit chain {manifest['audit_chain_head'][:16]}){gone}.", file=stdout)
    return EXIT_OK


def run_restore(db_url: str | None, file: str, stdout: TextIO, stderr: TextIO, creds: Credentials | None = None) -> int:
    """Restore FILE into the SQLite database: checked, copied, checked again, the old database kept beside.
    An administrator of the database being replaced signs in first."""
    from ..app import open_store
    from ..services.backup import record_backup, restore

    path = _sqlite_file(db_url)
    if path is None:
        print(f"cga-desk restore: {POSTGRES}", file=stderr)
        return EXIT_REFUSED
    try:
        with signed_in_store(db_url, creds or Credentials(None, None)) as (db, signed_in):
            user, key = access.require(signed_in, access.BACKUP), db.key
        result = restore(path, Path(file), key)
        db = open_store(db_url, key=key)  # migrated if the backup is older
        try:
            with db.unit_of_work() as uow:
                record_backup(uow, user, Path(file), result.check.manifest, what="restore")
        finally:
            db.close()
    except CgaDeskError as error:
        if (status := refusal("restore", error, stderr)) is not None:
            return status
        print(f"cga-desk restore: {one_line(str(error))}", file=stderr)
        return EXIT_ENVIRONMENT
    kept = f" The database it replaced is kept at {result.kept}." if result.kept else ""
    print(f"Restored {path} from {file}: {result.check.describe()}.{kept}", file=stdout)
    return EXIT_OK
