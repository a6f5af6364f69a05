"""`cga-desk --self-test`: prove an installation works, end to end, on a throw-away database.

Migrations, import of the built-in sample (package data: resources/selftest), its scores and history
against answers worked out by hand, both PDF reports, the PostgreSQL driver and the main window
(offscreen unless QT_QPA_PLATFORM asks for a display). Everything is read from the package, never
from the working directory, so the frozen bundle tests itself the same way. Heavy imports are lazy.
"""

from __future__ import annotations

import io
import json
import os
import platform
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from ..domain.records import ADMIN, NURSE, User

if TYPE_CHECKING:
    from ..persistence.database import Database

EXIT_OK, EXIT_FAILED = 0, 1
# The checks run on a throwaway database, as the services' roles require (no account is signed in).
SELF_TEST_ADMIN = User("self-test", ADMIN, "Self-test")
SELF_TEST_NURSE = User("self-test", NURSE, "Self-test")
MIN_PDF_BYTES = 4000  # an empty one-page reportlab PDF is ~1 KB; a report with embedded fonts is far larger


class CheckFailed(Exception):
    """A check's own verdict (printed without a traceback)."""


def sample_file(name: str) -> str:
    return resources.files("cga_desk").joinpath("resources", "selftest", name).read_text(encoding="utf-8")


def expected_answers() -> dict[str, Any]:
    return json.loads(sample_file("expected.json"))


def differences(expected: Any, actual: Any, where: str = "") -> Iterator[str]:
    """Every place where `actual` does not carry an `expected` value (expected is a subset of actual)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key, value in expected.items():
            if key.startswith("_"):
                continue
            if key not in actual:
                yield f"{where}{key} is missing"
            else:
                yield from differences(value, actual[key], f"{where}{key}.")
    elif isinstance(expected, list) and isinstance(actual, list) and not all(isinstance(x, str) for x in expected):
        if len(expected) != len(actual):
            yield f"{where.rstrip('.')} has {len(actual)} entries, expected {len(expected)}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            yield from differences(e, a, f"{where.rstrip('.')}[{i}].")
    elif expected != actual or type(expected) is not type(actual):
        yield f"{where.rstrip('.')} is {json.dumps(actual, ensure_ascii=False)}, expected {json.dumps(expected, ensure_ascii=False)}"


def pdf_check(data: bytes, must_read: tuple[str, ...]) -> str:
    """%PDF header, a plausible size, and (when pypdf is importable) the given texts read back."""
    if not data.startswith(b"%PDF-"):
        raise CheckFailed(f"the output does not start with %PDF- (starts with {data[:8]!r})")
    if len(data) < MIN_PDF_BYTES:
        raise CheckFailed(f"only {len(data)} bytes")
    size = f"{len(data) / 1024:.0f} KB"
    try:
        from pypdf import PdfReader
    except ImportError:
        return f"{size}; pypdf is not installed, reading back skipped"
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    missing = [t for t in must_read if t not in text]
    if missing:
        raise CheckFailed(f"{size}, {len(reader.pages)} page(s), but pypdf cannot read {', '.join(map(repr, missing))}")
    return f"{len(reader.pages)} page(s), {size}; pypdf reads back {', '.join(map(repr, must_read))}"


class SelfTest:
    def __init__(self, folder: Path, expected: dict[str, Any], out: TextIO, today: date) -> None:
        self.folder, self.expected, self.out, self.today = folder, expected, out, today
        self.db: Database | None = None
        self.failures = 0

    def check(self, label: str, fn: Callable[[], str]) -> None:
        try:
            detail = fn()
        except CheckFailed as exc:
            self.failures += 1
            print(f"[FAIL] {label.rstrip(':')}: {exc}", file=self.out)
        except Exception as exc:  # noqa: BLE001 - a self-test reports every failure and goes on
            self.failures += 1
            print(f"[FAIL] {label.rstrip(':')}: {type(exc).__name__}: {exc}", file=self.out)
        else:
            print(f"[ok] {label}" + (f" {detail}" if detail else ""), file=self.out)
        self.out.flush()

    def store(self) -> Database:
        if self.db is None:
            raise CheckFailed("no database (the migrations check failed)")
        return self.db

    def version(self) -> str:
        from ..version import __version__

        if __version__.startswith("0+unknown"):
            raise CheckFailed("the package metadata of cga-desk was not found")
        how = "frozen bundle" if getattr(sys, "frozen", False) else f"Python {platform.python_version()}"
        return f"{__version__} ({how}, {platform.system()} {platform.machine()})"

    def migrations(self) -> str:
        from ..app import open_store
        from ..persistence.migrate import current_revision, head_revision

        self.db = open_store(f"sqlite:///{(self.folder / 'selftest.sqlite3').as_posix()}")
        current, head = current_revision(self.db.engine), head_revision()
        if current != head:
            raise CheckFailed(f"the database is at {current}, the head is {head}")
        return f"{head} (SQLite in a temporary folder)"

    def import_sample(self) -> str:
        from ..interop.jsonl import read_jsonl
        from ..services.importing import import_records

        with self.store().unit_of_work() as uow:
            summary = import_records(
                uow, SELF_TEST_ADMIN, read_jsonl(io.StringIO(sample_file("visits.jsonl"))), today=self.today
            )
        got = {"patients_created": summary.patients_created, "visits_created": summary.visits_created}
        wrong = list(differences({k: self.expected[k] for k in got}, got))
        if wrong:
            raise CheckFailed("; ".join(wrong))
        return f"{summary.patients_created} patients, {summary.visits_created} visits"

    def history(self, study_id: str) -> str:
        from ..services.history import history_document, patient_history

        expected = self.expected["histories"][study_id]
        with self.store().unit_of_work(write=False) as uow:
            doc = history_document(patient_history(uow, SELF_TEST_NURSE, study_id))
        wrong = list(differences(expected, doc["visits"], "visits"))
        if wrong:
            raise CheckFailed("; ".join(wrong[:5]) + (f" (and {len(wrong) - 5} more)" if len(wrong) > 5 else ""))
        values = sum(1 for _ in _leaves(expected))
        return f"{len(expected)} visits, {values} values as expected"

    def visit_summary(self, study_id: str) -> str:
        from ..reports.visit_summary import render_visit_summary
        from ..services.history import patient_history
        from ..services.report_data import visit_report_data
        from ..services.settings import get_report_settings
        from ..version import __version__

        with self.store().unit_of_work(write=False) as uow:
            last = patient_history(uow, SELF_TEST_NURSE, study_id).rows[-1].visit
            data, settings = visit_report_data(uow, SELF_TEST_NURSE, last.id, self.today), get_report_settings(uow)
        stream = io.BytesIO()
        render_visit_summary(data, settings, stream)
        return pdf_check(stream.getvalue(), (study_id, f"CGA Desk {__version__}"))

    def longitudinal(self, study_id: str) -> str:
        from ..reports.longitudinal import render_longitudinal
        from ..services.report_data import longitudinal_report_data
        from ..services.settings import get_report_settings

        with self.store().unit_of_work(write=False) as uow:
            data, settings = (
                longitudinal_report_data(uow, SELF_TEST_NURSE, study_id, self.today),
                get_report_settings(uow),
            )
        stream = io.BytesIO()
        render_longitudinal(data, settings, stream)
        return pdf_check(stream.getvalue(), (study_id,))

    def chinese(self, study_id: str) -> str:
        """The zh_CN catalogue is installed and complete, and a visit summary prints in Chinese with a
        Chinese name (the CJK report font is in the bundle)."""
        from dataclasses import replace

        from .. import i18n
        from ..reports.visit_summary import render_visit_summary
        from ..services.history import patient_history
        from ..services.report_data import visit_report_data
        from ..services.settings import get_report_settings

        entries = len(i18n.catalogue(i18n.CHINESE))
        if entries < 500:
            raise CheckFailed(f"the zh_CN catalogue has {entries} entries (resources/i18n/*.ts missing?)")
        with self.store().unit_of_work(write=False) as uow:
            last = patient_history(uow, SELF_TEST_NURSE, study_id).rows[-1].visit
            data, settings = visit_report_data(uow, SELF_TEST_NURSE, last.id, self.today), get_report_settings(uow)
        data = replace(data, patient=replace(data.patient, name="王秀英"))
        stream = io.BytesIO()
        with i18n.use_language(i18n.CHINESE):
            render_visit_summary(data, settings, stream)
        pdf_check(stream.getvalue(), (study_id, "王秀英", "访视小结"))
        return f"{entries} translations; a visit summary in Chinese reads back"

    def qt_translations(self) -> str:
        """Our .qm and Qt's own qtbase_zh_CN.qm load (the installer keeps them)."""
        from PySide6.QtCore import QLibraryInfo, QTranslator

        from ..ui.language import qm_folder

        found = []
        for name, folder in (
            ("cga_desk_zh_CN", str(qm_folder())),
            ("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ):
            if not QTranslator().load(name, folder):
                raise CheckFailed(f"{name}.qm is missing from {folder}")
            found.append(f"{name}.qm")
        return " and ".join(found) + " load"

    def modules(self) -> str:
        """Every module of the package imports: catches a module or library left out of the bundle."""
        import importlib
        import pkgutil

        import cga_desk

        names = [m.name for m in pkgutil.walk_packages(cga_desk.__path__, "cga_desk.")]
        broken = []
        for name in names:
            try:
                importlib.import_module(name)
            except Exception as exc:  # noqa: BLE001 - reported, not raised
                broken.append(f"{name} ({type(exc).__name__}: {exc})")
        if broken or not names:
            raise CheckFailed("cannot import " + "; ".join(broken) if broken else "no modules found")
        return f"all {len(names)} modules of cga_desk import"

    def postgres_driver(self) -> str:
        import psycopg
        from sqlalchemy.dialects import postgresql  # noqa: F401 - the dialect the --db postgresql:// URLs use

        return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__} implementation, libpq {_libpq(psycopg.pq.version())})"

    def window(self) -> str:
        """The real main window on the self-test database: built, shown, events processed, closed."""
        from PySide6.QtWidgets import QApplication

        from ..services.clinic import Clinic
        from ..ui.main_window import MainWindow
        from ..ui.window_state import SETTINGS_DIR_ENV

        app = cast(QApplication, QApplication.instance() or QApplication(["cga-desk"]))
        db = self.store()
        saved = os.environ.get(SETTINGS_DIR_ENV)
        os.environ[SETTINGS_DIR_ENV] = str(self.folder)  # the window's QSettings too: the user's stay untouched
        try:
            window = MainWindow(Clinic(db), db.display_url)
            window.show()
            app.processEvents()
            shown = window.isVisible()
            window.close()
            app.processEvents()
            window.deleteLater()
            app.processEvents()
        finally:
            if saved is None:
                os.environ.pop(SETTINGS_DIR_ENV, None)
            else:
                os.environ[SETTINGS_DIR_ENV] = saved
        if not shown:
            raise CheckFailed("the window did not become visible")
        return f"opened and closed ({app.platformName()} platform)"

    def run(self, window: bool = True) -> int:
        self.check("version", self.version)
        self.check("migrations to head", self.migrations)
        self.check("imported the built-in sample:", self.import_sample)
        for study_id in self.expected["histories"]:
            self.check(f"scores and change from baseline of {study_id}:", partial(self.history, study_id))
        first = next(iter(self.expected["histories"]))
        self.check(f"visit summary PDF of {first}:", lambda: self.visit_summary(first))
        self.check(f"longitudinal report PDF of {first}:", lambda: self.longitudinal(first))
        self.check("Simplified Chinese:", lambda: self.chinese(first))
        self.check("PostgreSQL driver:", self.postgres_driver)
        if window:
            self.check("modules:", self.modules)  # imports the ui too, hence Qt: only with the window
            self.check("main window", self.window)
            self.check("window translations:", self.qt_translations)
        if self.db is not None:
            self.db.close()
        return EXIT_OK if self.failures == 0 else EXIT_FAILED


def _libpq(number: int) -> str:
    """libpq's version number (180006) as people write it (18.6)."""
    return f"{number // 10000}.{number % 100}"


def _leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for k, v in value.items():
            if not k.startswith("_"):
                yield from _leaves(v)
    elif isinstance(value, list) and not all(isinstance(x, str) for x in value):
        for v in value:
            yield from _leaves(v)
    else:
        yield value


def run_self_test(
    out: TextIO, err: TextIO, expected: dict[str, Any] | None = None, window: bool = True, today: date | None = None
) -> int:
    """Print one `[ok] ...` or `[FAIL] ...` line per check; 0 if every check passed, else 1."""
    if window:  # before Qt loads: offscreen unless a platform (a display) was asked for explicitly
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="cga-desk-selftest-", ignore_cleanup_errors=True) as folder:
        test = SelfTest(
            Path(folder), expected if expected is not None else expected_answers(), out, today or date.today()
        )
        status = test.run(window)
    if status != EXIT_OK:
        print(f"cga-desk --self-test: {test.failures} check(s) FAILED", file=err)
    return status
