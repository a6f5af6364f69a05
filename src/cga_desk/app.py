"""Composition root: the database chosen by --db / CGA_DESK_DB / the default, migrated and seeded."""
from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .domain.records import ADMIN, User

if TYPE_CHECKING:
    from .persistence.database import Database


def open_store(url: str | None = None) -> Database:
    """Open (create, migrate) the database and make sure the default protocol schedule exists."""
    from .persistence.database import Database
    from .services.schedules import ensure_default_schedule

    db = Database.open(url)
    with db.unit_of_work() as uow:
        ensure_default_schedule(uow)
    return db


@contextmanager
def opened_store(url: str | None = None) -> Iterator[Database]:
    """open_store() for the length of a `with` block (the command-line sub-commands)."""
    db = open_store(url)
    try:
        yield db
    finally:
        db.close()


def command_line_user() -> User:
    """Changes made from the command line are recorded under the operating-system account."""
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no account name available (some containers)
        name = "unknown"
    return User(f"{name} (command line)", ADMIN)


def run_gui(url: str | None = None, argv: list[str] | None = None, exit_when_ready: bool = False) -> int:
    """Start the window on the chosen database. Environment problems are shown plainly, then exit 1."""
    import sys
    from pathlib import Path

    from platformdirs import user_log_dir
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .domain.errors import CgaDeskError
    from .services.clinic import Clinic
    from .ui.errors import install_crash_handler
    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("CGA Desk")
    icon = Path(__file__).with_name("resources") / "icons" / "cga-desk.svg"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    install_crash_handler(Path(user_log_dir("cga-desk", appauthor=False)) / "cga-desk.log")
    try:
        db = open_store(url)
    except CgaDeskError as error:
        QMessageBox.critical(None, "CGA Desk", f"CGA Desk could not open its database.\n\n{error}")
        return 1
    window = MainWindow(Clinic(db), db.display_url)
    if exit_when_ready:
        _quit_when_painted(app, window)
    window.show()
    try:
        return int(app.exec())
    finally:
        db.close()


def _quit_when_painted(app: object, window: object) -> None:
    """--exit-when-ready: sign in as the first user (patient list loaded), quit after the first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    users = window.clinic.users()  # type: ignore[attr-defined]
    if users:
        window.open_for(users[0].name)  # type: ignore[attr-defined]

    class _FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, app.quit)  # type: ignore[attr-defined]
            return False

    window._first_paint = _FirstPaint(window)  # type: ignore[attr-defined]
    window.installEventFilter(window._first_paint)  # type: ignore[attr-defined]
