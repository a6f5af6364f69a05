"""Accounts on a real database (SQLite and PostgreSQL): argon2id hashes, password rules, lock-out with
words that never say whether a name exists, admin actions, and the upgrade from users without passwords."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from cga_desk.domain.errors import NotFoundError, PermissionDenied, SignInError, StateError, ValidationError
from cga_desk.domain.records import NURSE, PHYSICIAN
from cga_desk.persistence.database import Database
from cga_desk.services import users
from tests.store_fixtures import ADMIN_USER, DOCTOR, NURSE_USER, PASSWORD

NEW = "a long new secret 42"


def _events(db: Database, action: str) -> list[tuple[str, str]]:
    with db.unit_of_work(write=False) as uow:
        return [(e.user_name, e.entity_id) for e in uow.audit.all() if e.action == action]


def _sign_in(db: Database, name: str, password: str, **kw: object) -> users.SignedIn:
    with db.unit_of_work() as uow:
        return users.sign_in(uow, name, password, **kw)  # type: ignore[arg-type]


def _hash_of(db: Database, name: str) -> str:
    with db.unit_of_work(write=False) as uow:
        row = uow.users.get(name)
        assert row is not None and row.password_hash is not None
        return row.password_hash


def test_a_password_is_stored_only_as_an_argon2id_hash_and_rehashed_when_parameters_change(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.unit_of_work() as uow:
        users.create_user(uow, ADMIN_USER, "liwei", "Dr Li Wei", PHYSICIAN, NEW)
    stored = _hash_of(db, "liwei")
    assert stored.startswith("$argon2id$") and NEW not in stored
    with db.engine.connect() as conn:  # nowhere in the users table
        assert all(NEW not in str(cell) for row in conn.execute(text("SELECT * FROM users")) for cell in row)
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    assert _sign_in(db, "liwei", NEW).user.full_name == "Dr Li Wei"
    rehashed = _hash_of(db, "liwei")
    assert rehashed != stored and "m=16,t=2,p=1" in rehashed
    assert _sign_in(db, "liwei", NEW).user.name == "liwei"  # the new hash verifies


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("short9pass", None),  # 10 characters: accepted
        ("nine char", "at least 10 characters"),
        ("my-liwei-password", "must not contain the user name"),
        (next(p for p in FREQUENCY_LISTS["passwords"] if len(p) >= 10), "most common passwords"),
        ("x" * 257, "at most 256"),
    ],
)
def test_password_rules_are_refused_by_name(db: Database, password: str, why: str | None) -> None:
    with db.unit_of_work() as uow:
        if why is None:
            users.create_user(uow, ADMIN_USER, "liwei", "Dr Li Wei", NURSE, password)
            return
        with pytest.raises(ValidationError, match=why) as refused:
            users.create_user(uow, ADMIN_USER, "liwei", "Dr Li Wei", NURSE, password)
    assert refused.value.field == "new_password"
    with db.unit_of_work(write=False) as uow:
        assert uow.users.get("liwei") is None


def test_user_names_are_unique_ignoring_case_and_have_no_spaces(db: Database) -> None:
    with db.unit_of_work() as uow:
        users.create_user(uow, ADMIN_USER, "liwei", "Dr Li Wei", NURSE, NEW)
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="already exists"):
        users.create_user(uow, ADMIN_USER, "LiWei", "Someone Else", NURSE, NEW)
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="no spaces"):
        users.create_user(uow, ADMIN_USER, "li wei", "Dr Li Wei", NURSE, NEW)


def test_five_failures_lock_the_account_for_fifteen_minutes_in_words_that_never_say_who_exists(db: Database) -> None:
    with pytest.raises(SignInError) as unknown:
        _sign_in(db, "nobody-here", PASSWORD)
    messages = []
    for _ in range(5):
        with pytest.raises(SignInError) as wrong:
            _sign_in(db, "Dr Bea", "not the password")
        messages.append(str(wrong.value))
    with pytest.raises(SignInError) as locked:  # the right password, during the lock
        _sign_in(db, "Dr Bea", PASSWORD)
    assert set(messages) == {str(unknown.value)} == {str(locked.value)}  # the same words every time
    assert "Dr Bea" not in str(locked.value) and "nobody" not in str(unknown.value)
    assert len([e for e in _events(db, "sign_in_failed") if e[1] == "Dr Bea"]) == 5
    assert _events(db, "lock_out") == [("Dr Bea", "Dr Bea")]
    assert ("Dr Bea", "Dr Bea") in _events(db, "sign_in_refused")
    later = users.now_utc() + timedelta(minutes=15, seconds=5)
    assert _sign_in(db, "Dr Bea", PASSWORD, now=later).user == DOCTOR


def test_an_admin_unlocks_a_locked_account_and_a_success_resets_the_count(db: Database) -> None:
    for _ in range(5):
        with pytest.raises(SignInError):
            _sign_in(db, "Nurse Ada", "wrong wrong wrong")
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied, match="only an admin may manage users"):
        users.unlock(uow, NURSE_USER, "Nurse Ada")
    with db.unit_of_work() as uow:
        users.unlock(uow, ADMIN_USER, "Nurse Ada")
    assert _events(db, "unlock") == [("admin", "Nurse Ada")]
    for _ in range(4):
        with pytest.raises(SignInError):
            _sign_in(db, "Nurse Ada", "wrong wrong wrong")
    _sign_in(db, "Nurse Ada", PASSWORD)  # the fifth would have locked; a success starts the count again
    for _ in range(4):
        with pytest.raises(SignInError):
            _sign_in(db, "Nurse Ada", "wrong wrong wrong")
    assert _sign_in(db, "Nurse Ada", PASSWORD).user == NURSE_USER


def test_a_reset_gives_a_one_time_password_that_must_be_replaced(db: Database) -> None:
    with db.unit_of_work() as uow:
        once = users.reset_password(uow, ADMIN_USER, "Nurse Ada")
    with pytest.raises(SignInError):
        _sign_in(db, "Nurse Ada", PASSWORD)  # the old password is gone
    first = _sign_in(db, "Nurse Ada", once)
    assert first.must_change_password
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="different"):
        users.change_password(uow, "Nurse Ada", once, once)
    with db.unit_of_work() as uow:
        users.change_password(uow, "Nurse Ada", once, NEW)
    assert not _sign_in(db, "Nurse Ada", NEW).must_change_password
    assert _events(db, "reset_password") == [("admin", "Nurse Ada")]


def test_deactivated_users_cannot_sign_in_and_the_last_admin_stays(db: Database) -> None:
    with db.unit_of_work() as uow:
        users.deactivate(uow, ADMIN_USER, "Dr Bea")
    with pytest.raises(SignInError):
        _sign_in(db, "Dr Bea", PASSWORD)
    with db.unit_of_work() as uow, pytest.raises(StateError, match="last active administrator"):
        users.deactivate(uow, ADMIN_USER, "admin")
    with db.unit_of_work() as uow, pytest.raises(NotFoundError):
        users.deactivate(uow, ADMIN_USER, "ghost")
    with db.unit_of_work(write=False) as uow:  # nobody is deleted: the account is kept, inactive
        bea = next(a for a in users.accounts(uow, ADMIN_USER) if a.name == "Dr Bea")
    assert not bea.active and bea.has_password


def test_only_an_admin_manages_accounts(db: Database) -> None:
    for who in (NURSE_USER, DOCTOR):
        with db.unit_of_work() as uow:
            for call in (
                lambda w: users.create_user(uow, w, "eve", "Eve", NURSE, NEW),
                lambda w: users.reset_password(uow, w, "admin"),
                lambda w: users.deactivate(uow, w, "admin"),
                lambda w: users.accounts(uow, w),
            ):
                with pytest.raises(PermissionDenied):
                    call(who)
    with db.unit_of_work(write=False) as uow:
        assert uow.users.get("eve") is None and [a.name for a in users.accounts(uow, ADMIN_USER)] == [
            "Dr Bea",
            "Nurse Ada",
            "admin",
        ]


def test_an_empty_database_starts_with_its_administrator(tmp_path: Path) -> None:
    from cga_desk.app import open_store

    db = open_store(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    try:
        with db.unit_of_work(write=False) as uow:
            assert users.accounts_state(uow) == "empty"
        with db.unit_of_work() as uow:
            admin = users.set_up_administrator(uow, "liwei", "Dr Li Wei", NEW)
        assert admin.role == "admin"
        with db.unit_of_work() as uow:
            assert users.accounts_state(uow) == "ready"
            with pytest.raises(StateError):  # once an administrator can sign in, nobody else claims it
                users.set_up_administrator(uow, "mallory", "Mallory", NEW)
    finally:
        db.close()


def test_upgrading_users_without_passwords_neither_locks_out_nor_leaves_accounts_open(tmp_path: Path) -> None:
    """A database at revision 0004 (users by name, no passwords) opened by this version."""
    from alembic import command

    from cga_desk.app import open_store
    from cga_desk.persistence.migrate import alembic_config

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        conn.execute(
            text(
                "INSERT INTO users (name, role, active, created_at) VALUES "
                "('Dr Old', 'physician', 1, '2025-01-01'), ('Head Nurse', 'admin', 1, '2025-01-01')"
            )
        )
    engine.dispose()
    db = open_store(url)
    try:
        with db.unit_of_work(write=False) as uow:
            assert users.accounts_state(uow) == "no_admin"
            assert uow.users.get("Dr Old").full_name == "Dr Old"  # type: ignore[union-attr]
        with pytest.raises(SignInError):  # no password yet: nobody signs in as them
            _sign_in(db, "Dr Old", "")
        with db.unit_of_work() as uow:
            with pytest.raises(ValidationError, match="not an administrator"):
                users.set_up_administrator(uow, "Dr Old", "Dr Old", NEW)
        with db.unit_of_work() as uow:
            admin = users.set_up_administrator(uow, "Head Nurse", "Head Nurse Wang", NEW)
        assert admin.full_name == "Head Nurse Wang"
        with db.unit_of_work() as uow:
            once = users.reset_password(uow, admin, "Dr Old")
        assert _sign_in(db, "Dr Old", once).must_change_password
    finally:
        db.close()
