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
