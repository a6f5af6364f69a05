"""`cga-desk --exit-when-ready` (start-up benchmarks): the window opens on the sign-in page, or signed in
with --user and --password-file on the patient list, then exits 0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cga_desk.app import open_store
from cga_desk.services.clinic import Clinic
from tests.ui.conftest import PASSWORDS, add_accounts


def _start(url: str, *options: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", "--db", url, *options, "--exit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("signed_in", [False, True], ids=["sign-in page", "signed in"])
def test_exit_when_ready_opens_the_window_and_quits(tmp_path: Path, signed_in: bool) -> None:
    url = f"sqlite:///{tmp_path / 'start.sqlite3'}"
    db = open_store(url)
    add_accounts(Clinic(db))
    db.close()
    secret = tmp_path / "password"
    secret.write_text(PASSWORDS["ada"] + "\n")
    secret.chmod(0o600)
    proc = _start(url, *(["--user", "ada", "--password-file", str(secret)] if signed_in else []))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    stamps = json.loads(proc.stdout.strip().splitlines()[-1])
    assert stamps["first_paint"] <= stamps["ready"]  # the frame first, then the sign-in page or the list


def test_a_refused_password_file_sign_in_exits_3_with_the_generic_message(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'start.sqlite3'}"
    db = open_store(url)
    add_accounts(Clinic(db))
    db.close()
    secret = tmp_path / "password"
    secret.write_text("not the password\n")
    secret.chmod(0o600)
    proc = _start(url, "--user", "ada", "--password-file", str(secret))
    assert proc.returncode == 3 and "The user name or password is not right" in proc.stderr
    secret.chmod(0o644)
    proc = _start(url, "--user", "ada", "--password-file", str(secret))
    assert proc.returncode == 2 and "chmod 600" in proc.stderr


def test_the_frame_paints_before_the_database_layer_is_loaded() -> None:
    """The first frame needs no SQLAlchemy, services or pages: they load while it is on screen."""
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
        "from cga_desk.ui.main_window import MainWindow; w = MainWindow(); w.show(); app.processEvents(); "
        "print(w.stack.currentWidget().text(), sorted(m for m in ('sqlalchemy', 'pandas', 'reportlab', "
        "'pyqtgraph', 'cga_desk.services.clinic') if m in sys.modules))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "Opening the database… []"


def test_the_frame_takes_its_pages_when_the_store_is_attached(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from cga_desk.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.register_patient()  # menus work before there is a store: they do nothing
    window.show_list()
    assert window.stack.currentWidget() is window.opening
    db = open_store(f"sqlite:///{tmp_path / 'attach.sqlite3'}")
    try:
        window.attach(Clinic(db), "test database")
        assert window.stack.currentWidget() is window.signin
    finally:
        db.close()


def test_run_off_thread_hands_the_result_or_the_error_to_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """What start-up opens the store with: no dialog, the callbacks run on the GUI thread."""
    import threading

    from PySide6.QtCore import QObject, QThreadPool

    from cga_desk.ui.worker import run_off_thread

    owner, seen = QObject(), []

    def work(_progress: object) -> str:
        return threading.current_thread().name

    def fail(_progress: object) -> None:
        raise OSError("disk gone")

    run_off_thread(owner, work, lambda r: seen.append((r, threading.current_thread())), seen.append)
    qtbot.waitUntil(lambda: len(seen) == 1)
    run_off_thread(owner, fail, seen.append, lambda e: seen.append((e, threading.current_thread())))
    qtbot.waitUntil(lambda: len(seen) == 2)
    QThreadPool.globalInstance().waitForDone()
    (worker_name, on), (error, on_error) = seen
    assert worker_name != threading.main_thread().name and on is threading.main_thread()
    assert isinstance(error, OSError) and on_error is threading.main_thread()


def _encrypted_database(path: Path) -> str:
    """An encrypted database (as the window's first run makes it) with the administrator, nurse and physician."""
    from cga_desk.services.vault import UnlockingStore, needs_unlocking

    url = f"sqlite:///{path}"
    assert needs_unlocking(url)
    store = UnlockingStore(url, open_store)
    try:
        add_accounts(Clinic(store))
    finally:
        store.close()
    return url


# Run in a subprocess: records, at the sign-in page's first paint, whether the database layer is loaded.
_WATCH_THE_SIGN_IN_PAGE = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
seen = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and type(watched).__name__ == "SignInPage" and not seen:
            seen.update(
                sqlalchemy="sqlalchemy" in sys.modules,
                clinic="cga_desk.services.clinic" in sys.modules,
                store=watched.clinic is not None,
                title=watched.title.text(),
                user_name=watched.user_name.text(),
            )
        return False

watch = Watch()
app.installEventFilter(watch)
from cga_desk.app import run_gui

signing_in = len(sys.argv) > 2  # with a password file: signed in as ada (ready: the patient list painted)
code = run_gui(sys.argv[1], exit_when_ready=True, user="ada" if signing_in else None, password_file=sys.argv[2] if signing_in else None)
print(json.dumps({**seen, "exit": code}))
"""


@pytest.mark.usefixtures("encrypt_new")
def test_an_encrypted_databases_sign_in_page_paints_before_the_database_layer_loads(tmp_path: Path) -> None:
    """Issue 15, start-up ≤ 4× a bare window: an existing encrypted database's sign-in page needs no store,
    so it paints before SQLAlchemy and the services are imported; they load behind it, and signing in
    (here with --user/--password-file, ready once the patient list has painted) then works."""
    url = _encrypted_database(tmp_path / "clinic" / "cga.sqlite3")
    secret = tmp_path / "password"
    secret.write_text(PASSWORDS["ada"] + "\n")
    secret.chmod(0o600)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", _WATCH_THE_SIGN_IN_PAGE, url, str(secret)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == {
        "sqlalchemy": False,
        "clinic": False,
        "store": False,
        "title": "Sign in to CGA Desk",
        "user_name": "ada",
        "exit": 0,  # 3 had the sign-in been refused
    }


def test_a_plain_databases_sign_in_page_is_built_on_its_open_store(tmp_path: Path) -> None:
    """A plain (or new) database's page depends on its accounts (first run, upgrade, sign in): it waits for
    the store, as before."""
    url = f"sqlite:///{tmp_path / 'plain.sqlite3'}"
    db = open_store(url)
    add_accounts(Clinic(db))
    db.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", _WATCH_THE_SIGN_IN_PAGE, url], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["sqlalchemy"] and seen["store"] and seen["exit"] == 0


@pytest.mark.usefixtures("encrypt_new")
@pytest.mark.parametrize("right", [True, False], ids=["right password", "wrong password"])
def test_sign_in_pressed_before_the_store_is_attached_goes_on_once_it_is(qtbot, tmp_path: Path, right: bool) -> None:  # type: ignore[no-untyped-def]
    from cga_desk.services.users import WRONG
    from cga_desk.services.vault import UnlockingStore
    from cga_desk.ui.main_window import MainWindow

    url = _encrypted_database(tmp_path / "clinic" / "cga.sqlite3")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    page = window.show_sign_in_before_store("ada", "test database")
    assert window.stack.currentWidget() is page and page.clinic is None
    assert page.recover.isVisible() and not page.recover.isEnabled()  # recovering needs the store
    page.password.setText(PASSWORDS["ada"] if right else "Not-the-password-at-all")
    page.go.click()
    assert page.busy and page.waiting and page.opening.isVisible() and not page.go.isEnabled()
    page.go.click()  # pressed again while waiting: nothing more
    store = UnlockingStore(url, open_store)
    clinic = Clinic(store)
    try:
        window.attach(clinic, "test database")  # what start-up does once the store is open
        assert window.signin is page and not page.opening.isVisible() and page.recover.isEnabled()
        qtbot.waitUntil(lambda: not page.busy, timeout=30_000)  # the press went on: unlocked off the thread
        if right:
            assert not store.locked and clinic.user is not None and clinic.user.name == "ada"
            assert window.stack.currentWidget() is window.patients
        else:
            assert store.locked and clinic.user is None and page.error.text() == WRONG
            assert window.stack.currentWidget() is page and page.user_name.text() == "ada"
            assert page.password.text() == "" and page.go.isEnabled()
    finally:
        window.close()
        store.close()
