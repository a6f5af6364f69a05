"""Composition root: the database chosen by --db / CGA_DESK_DB / the default, migrated and seeded."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from .persistence.database import Database


def open_store(url: str | None = None, role: str | None = None, key: bytes | None = None) -> Database:
    """Open (create, migrate) the database and make sure the default protocol schedule exists."""
    from .persistence.database import Database
    from .services.schedules import ensure_default_schedule

    if key is None:
        from .persistence.engine import resolve_url, sqlite_path
        from .services.encryption import is_encrypted

        if is_encrypted(sqlite_path(resolve_url(url))):
            from .domain.errors import SignInError

            raise SignInError(
                "This database is encrypted: sign in to unlock it (on the command line: --user NAME --password-file FILE)."
            )
    db = Database.open(url, role, key)
    with db.unit_of_work(write=False) as uow:  # no write lock at every start: only a new database needs it
        seeded = uow.schedules.default() is not None
    if not seeded:
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


def run_gui(
    url: str | None = None,
    argv: list[str] | None = None,
    exit_when_ready: bool = False,
    user: str | None = None,
    password_file: str | None = None,
    language: str | None = None,
) -> int:
    """Paint the window's frame first (no SQLAlchemy needed), then open the database on the thread pool
    (`ui.worker.run_off_thread`), so the window stays responsive through a long upgrade; the pages are
    built when it is open (an existing encrypted database's sign-in page before that: it needs no store,
    issue 15). Environment problems are shown plainly, then exit 1. (Opening from the very
    start, to overlap SQLAlchemy's import with Qt's, delayed the first paint and gained nothing
    measurable: both imports hold the GIL.)

    `user` fills in the sign-in page's user name; with `password_file` (a private file, as for the
    sub-commands) the window signs in by itself (scripts, benchmarks)."""
    import sys
    from pathlib import Path

    from platformdirs import user_log_dir
    from PySide6.QtWidgets import QApplication

    from .domain.privacy import private_umask
    from .ui.binding_guard import guard
    from .ui.errors import install_crash_handler
    from .ui.main_window import MainWindow
    from .ui.window_state import name_application

    private_umask()
    guard()  # before any window: a Qt binding that drops references to None would abort the program
    app = cast(QApplication, QApplication.instance() or QApplication(argv or sys.argv[:1]))
    name_application(app)  # organisation and application: where QSettings keeps the window's state
    from .ui.language import install_translators, missing_catalogue, window_language

    chosen = window_language(language)
    if missing_catalogue(chosen):  # a source tree where `make` has not built the .qm: say why it is English
        print(
            f"cga-desk: no window catalogue for {chosen} (run `make translations`); the window stays English",
            file=sys.stderr,
        )
    app._cga_translators = install_translators(app, chosen)  # type: ignore[attr-defined]
    icon = Path(__file__).with_name("resources") / "icons" / "cga-desk.svg"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    install_crash_handler(Path(user_log_dir("cga-desk", appauthor=False)) / "cga-desk.log")
    password = None
    if password_file:
        from .commands.auth import UsageError, read_secret_file

        try:
            password = read_secret_file(password_file, "--password-file")
        except UsageError as error:
            print(f"cga-desk: {error}", file=sys.stderr)
            return 2
    window = MainWindow()
    opened: list[Database] = []  # closed at exit, even if the window quit before it was handed over

    def open_store_now() -> None:
        from .ui.worker import run_off_thread

        def opening(_progress: object) -> Database:
            from .services.vault import UnlockingStore, needs_unlocking

            if needs_unlocking(url):  # encrypted (or new, to be encrypted): opened by signing in (issue 15)
                opened.append(cast("Database", UnlockingStore(url, open_store)))
            else:
                opened.append(open_store(url))
            return opened[-1]

        run_off_thread(
            window,
            opening,
            lambda db: _attach(app, window, db, exit_when_ready, user, password, early),
            lambda error: _open_failed(app, window, error),
        )

    def sign_in_page_first() -> None:
        """An existing encrypted database (issue 15): its sign-in page needs no store, so it is shown at once
        and the store opens once it has painted (SQLAlchemy, the services and the pages load while the user
        types); any other database opens first, its page built on the open store."""
        from .persistence.location import is_encrypted_file, resolve_url, sqlite_path

        try:
            resolved = resolve_url(url)
            encrypted = is_encrypted_file(sqlite_path(resolved))
        except OSError:  # said plainly by the opening itself
            encrypted = False
        if encrypted:
            early.append(True)
            _after_paint(window.show_sign_in_before_store(user or "", resolved), open_store_now)
        else:
            open_store_now()

    early: list[bool] = []
    _after_paint(window, sign_in_page_first)
    window.show()
    try:
        return int(app.exec())
    finally:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone()
        for db in opened:
            db.close()


def _attach(
    app: object,
    window: object,
    db: Database,
    exit_when_ready: bool,
    user: str | None,
    password: str | None,
    early: list[bool] | None = None,
) -> None:
    from .services.clinic import Clinic

    window.attach(Clinic(db), db.display_url)  # type: ignore[attr-defined]
    window.auto_backups = not exit_when_ready  # type: ignore[attr-defined]
    if user and password is not None:
        window.sign_in(user, password)  # type: ignore[attr-defined]
    elif user and not early:  # (the page shown before the store has the name already, and what was typed)
        window.signin.refresh(user)  # type: ignore[attr-defined]
    if exit_when_ready:  # an encrypted database is unlocked off the window's thread: ready once it settles
        _when_settled(window, lambda: _quit_when_ready(app, window))
    else:
        _load_numpy_later()


def _when_settled(window: object, then: Callable[[], object]) -> None:
    from PySide6.QtCore import QTimer

    def poll() -> None:
        if window.signin.busy:  # type: ignore[attr-defined]
            QTimer.singleShot(20, poll)
        else:
            then()

    poll()


def _load_numpy_later(delay_ms: int = 1000) -> None:
    """Import numpy on a thread a moment after the window is ready: the clinical rules of forms/ (change
    from baseline, schedule statuses) run on numpy arrays and import it at first use, which would add
    about 0.1 s to the first patient opened; importing it before the list is ready would delay start-up."""
    import importlib
    import threading

    from PySide6.QtCore import QTimer

    def start() -> None:
        threading.Thread(target=importlib.import_module, args=("numpy",), name="load-numpy", daemon=True).start()

    QTimer.singleShot(delay_ms, start)


def _open_failed(app: object, window: object, error: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    from .ui.errors import is_expected

    if is_expected(error):  # the environment's (unreadable folder, locked or newer database): in words
        from .ui.language import translate

        message = translate("app", "CGA Desk could not open its database.")
        QMessageBox.critical(window, "CGA Desk", f"{message}\n\n{error}")  # type: ignore[arg-type]
    else:  # a bug: the crash dialog and the log
        import sys

        sys.excepthook(type(error), error, error.__traceback__)
    app.exit(1)  # type: ignore[attr-defined]


def _after_paint(widget: object, then: Callable[[], object]) -> None:
    """Call `then()` once, from the event loop, after `widget` has painted for the first time
    (noted as `widget.first_paint_at`, seconds since the epoch)."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class _FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                widget.first_paint_at = time.time()  # type: ignore[attr-defined]
                watched.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    watcher = _FirstPaint(widget)  # type: ignore[arg-type]
    widget._first_paint = watcher  # type: ignore[attr-defined]
    widget.installEventFilter(watcher)  # type: ignore[attr-defined]


def _quit_when_ready(app: object, window: object) -> None:
    """--exit-when-ready: quit once the window is ready, printing when the first frame and the ready page
    were painted (seconds since the epoch, JSON) so that benchmarks/run.py can time both from outside.
    Ready is the sign-in page painted, or, signed in with --user and --password-file, the patient list
    loaded and painted (the password's check included). A refused sign-in prints its message: exit 3."""
    import json
    import sys

    signed_in = window.clinic.user is not None  # type: ignore[attr-defined]
    if not signed_in and window.signin.error.text():  # type: ignore[attr-defined]
        print(f"cga-desk: {window.signin.error.text()}", file=sys.stderr)  # type: ignore[attr-defined]
        app.exit(3)  # type: ignore[attr-defined]
        return
    shown = window.patients.table.viewport() if signed_in else window.stack.currentWidget()  # type: ignore[attr-defined]

    def ready() -> None:
        print(json.dumps({"first_paint": window.first_paint_at, "ready": shown.first_paint_at}), flush=True)  # type: ignore[attr-defined]
        app.quit()  # type: ignore[attr-defined]

    if getattr(shown, "first_paint_at", None) is not None:  # the sign-in page shown before the store opened
        ready()
    else:
        _after_paint(shown, ready)
