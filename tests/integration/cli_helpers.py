"""Signing in on the command line in tests: a private password file, the administrator created as on a
clinic's first day (`cga-desk user add admin --role admin`), more accounts added by that administrator,
and the `--user NAME --password-file FILE` arguments every command that opens the database needs."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from cga_desk.cli import main
from cga_desk.domain.records import NURSE, PHYSICIAN, User
from tests.store_fixtures import ADMIN_USER, PASSWORD

# Accounts made through `cga-desk user add` (a user name there has no spaces, unlike the fixtures' upgraded ones).
CLI_NURSE = User("nurse.ada", NURSE, "Nurse Ada")
CLI_DOCTOR = User("dr.bea", PHYSICIAN, "Dr Bea")


def password_file(folder: Path, password: str = PASSWORD) -> Path:
    """PASSWORD in `folder`/password.txt, private to its owner (the CLI refuses any other mode)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "password.txt"
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def sign_in_args(user: User, secret: Path) -> list[str]:
    return ["--user", user.name, "--password-file", str(secret)]


def _cli(argv: list[str]) -> None:
    """One `cga-desk` command in this process (cheap password hashes): it must succeed."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(argv)
    assert status == 0, f"cga-desk {' '.join(argv)}: {status}\n{out.getvalue()}{err.getvalue()}"


def _db(db: str | Path | None) -> list[str]:
    return [] if db is None else ["--db", str(db)]


def create_admin(db: str | Path | None, folder: Path) -> list[str]:
    """Create the administrator of a new or empty database through the CLI (db None: the one CGA_DESK_DB
    names); the database is created if absent. Returns the administrator's sign-in arguments."""
    secret = password_file(folder)
    _cli(
        _db(db)
        + ["user", "add", ADMIN_USER.name, "--role", "admin", "--full-name", ADMIN_USER.full_name]
        + ["--new-password-file", str(secret)]
    )
    return sign_in_args(ADMIN_USER, secret)


def add_user(db: str | Path | None, admin: list[str], user: User) -> list[str]:
    """One more account, created by the administrator (`admin`: their sign-in arguments) with the same
    password file. Returns the new user's sign-in arguments."""
    secret = Path(admin[admin.index("--password-file") + 1])
    _cli(
        _db(db)
        + ["user", "add", user.name, "--role", user.role, "--full-name", user.full_name]
        + ["--new-password-file", str(secret), *admin]
    )
    return sign_in_args(user, secret)
