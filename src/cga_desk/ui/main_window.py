"""The main window: composes the pages and the menus; keeps no logic of its own.

It can be shown before there is a database: `MainWindow()` paints its frame and menus with
"Opening the database…" (no SQLAlchemy, services or pages imported yet), and `attach(clinic)` builds
the pages once the store is open. That is how `cga-desk` paints its first frame in about the time
a bare Qt window takes (issue 8)."""

from __future__ import annotations

from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QMoveEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import access
from ..domain.errors import CgaDeskError
from ..forms import messages, vocabulary
from ..forms.messages import demo_banner
from ..i18n import QT_TRANSLATE_NOOP, format_date
from . import shortcuts, style
from .errors import show_error
from .language import translate
from .naming import named
from .screen_fit import fit_resize
from .window_state import restore_window, save_file_name, save_window

if TYPE_CHECKING:
    from ..services.clinic import Clinic
    from .cohort_page import CohortPage
    from .lock import Cover, IdleWatcher, LockScreen, NewWindowWatcher
    from .patient_page import PatientPage
    from .wizard.page import WizardPage


DEMO_BANNER = messages.DEMO_BANNER  # the English words; shown by demo_banner() in the language of the window
# File > Export's choices: the format follows the filter chosen (adam and redcap write a folder of that name).
EXPORT_FILTERS = (
    QT_TRANSLATE_NOOP("MainWindow", "CSV with codebook (*.csv)"),
    QT_TRANSLATE_NOOP("MainWindow", "Excel workbook (*.xlsx)"),
    QT_TRANSLATE_NOOP("MainWindow", "ADaM datasets: ADSL, ADQS as CSV and SAS XPT (folder) (*)"),
    QT_TRANSLATE_NOOP("MainWindow", "REDCap project: dictionary, events, data (folder) (*)"),
    QT_TRANSLATE_NOOP("MainWindow", "FHIR R4 bundle (*.json)"),
    QT_TRANSLATE_NOOP("MainWindow", "CDISC ODM 1.3.2 (*.xml)"),
)
_FILTER_FORMATS = dict(zip(EXPORT_FILTERS, ("csv", "xlsx", "adam", "redcap", "fhir", "odm")))


_SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx", "fhir": ".json", "odm": ".xml"}


def export_target(name: str, chosen_filter: str) -> tuple[Path, str | None]:
    """Where File > Export writes and in which format: a folder format (adam, redcap) from its filter; a
    file format from the name's suffix when it has one (the filter adds it when it has not)."""
    shown = {translate("MainWindow", f): code for f, code in _FILTER_FORMATS.items()}  # as the dialog shows them
    path, fmt = Path(name), shown.get(chosen_filter, _FILTER_FORMATS.get(chosen_filter))
    if fmt in ("adam", "redcap"):
        return path, fmt
    if not path.suffix and fmt in _SUFFIXES:
        path = path.with_name(path.name + _SUFFIXES[fmt])
    return path, None


class MainWindow(QMainWindow):
    def __init__(self, clinic: Clinic | None = None, database_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic: Clinic | None = None
        self.database_label = database_label
        # Automatic backups at sign-in and on close (issue 15): on in the program (app.run_gui), off for
        # windows made by tests and scripts unless they ask.
        self.auto_backups = False
        self.plain_notice: QWidget | None = None  # the "not encrypted" notice, once per plain database
        self.setWindowTitle("CGA Desk")
        style.install()  # the focus frame, for every window of the application
        # a small screen (1366x768, 1280x720): the whole window on it, frame and status bar included
        fit_resize(self, 1280, 820)
        central = QWidget(self)
        self.demo_banner = QLabel(demo_banner(), central)
        named(self.demo_banner, "banner.demo")
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_banner.setStyleSheet("background: #ffd54f; color: #000000; font-weight: bold; padding: 4px")
        self.demo_banner.hide()  # shown on a demo database, above every page
        self.stack = QStackedWidget(central)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.demo_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        from .notice import Notice

        self.notice = Notice(central, below=self.demo_banner)  # confirmations, over the top of the page
        self._manual: QWidget | None = None
        self.idle: IdleWatcher | None = None
        self.idle_ms: int | None = None  # the idle time in ms; None: the clinic's setting (tests set a short one)
        self.lock_screen: LockScreen | None = None
        self._covers: list[Cover] = []
        self._new_windows: NewWindowWatcher | None = None
        self._before_lock: tuple[QWidget | None, QWidget | None] = (None, None)
        self.opening = QLabel(translate("MainWindow", "Opening the database…"), self)
        named(self.opening, "status.opening")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening)
        self.who = QLabel(self)
        named(self.who, "status.user")
        self.where = QLabel(self)
        named(self.where, "status.database")
        self.statusBar().addPermanentWidget(self.who)
        self.statusBar().addPermanentWidget(self.where)
        self._menus()
        restore_window(self)  # size, place and state as the user left them (QSettings)
        if clinic is not None:
            self.attach(clinic, database_label)

    def show_sign_in_before_store(self, user_name: str = "", database_label: str = "") -> QWidget:
        """An existing encrypted database (issue 15, start-up): its sign-in page at once, before its store is
        open; `attach` then gives it the store (a Sign in pressed meanwhile goes on). Returns the page."""
        from .signin import SignInPage

        self.database_label = database_label or self.database_label
        self.where.setText(translate("MainWindow", "· database: {database}").format(database=self.database_label))
        self.who.setText(translate("MainWindow", "Not signed in"))
        self.signin = SignInPage(None, self)
        self.stack.addWidget(self.signin)
        self.signin.show_before_store(user_name)
        self.stack.setCurrentWidget(self.signin)
        return self.signin

    def attach(self, clinic: Clinic, database_label: str = "") -> None:
        """Build the sign-in page and the patient list on an open store and show the sign-in page (or give
        the store to the sign-in page shown before it, as the user left it). The patient page, the wizard
        and the cohort view are built when first shown (start-up time)."""
        from .lock import IdleWatcher
        from .patient_list import PatientListPage
        from .signin import SignInPage

        self.clinic = clinic
        self.database_label = database_label or self.database_label
        self.where.setText(translate("MainWindow", "· database: {database}").format(database=self.database_label))
        early = getattr(self, "signin", None)
        self.signin = early if early is not None else SignInPage(clinic, self)
        self.patients = PatientListPage(clinic, self)
        style.keyboard_friendly(self.patients)  # Tab leaves the patient table
        self.locked_page = QLabel(translate("MainWindow", "CGA Desk is locked."), self)
        named(self.locked_page, "status.locked")
        self.locked_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for page in (self.signin, self.patients, self.locked_page):
            if self.stack.indexOf(page) < 0:  # the sign-in page shown before the store is there already
                self.stack.addWidget(page)
        self.signin.signed_in.connect(self._on_signed_in)
        self.signin.demo_requested.connect(self._load_demo)
        self.patients.open_patient.connect(self.show_patient)
        self.patients.register_requested.connect(self.register_patient)
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self._update_banner()
        if early is not None:
            early.attach(clinic)  # after the connections: a Sign in pressed while opening goes on now
        elif clinic.user is not None:  # signed in already (scripts, tests)
            self._on_signed_in()
        else:
            self._show_sign_in()

    @cached_property
    def patient(self) -> PatientPage:
        from .patient_page import PatientPage

        page = PatientPage(self._clinic(), self)
        page.open_visit.connect(self.show_visit)
        page.back.connect(self.show_list)
        self.stack.addWidget(page)
        return page

    @cached_property
    def wizard(self) -> WizardPage:
        from .wizard.page import WizardPage

        page = WizardPage(self._clinic(), self)
        page.completed.connect(self._on_visit_completed)
        page.leave.connect(self.show_patient)
        self.stack.addWidget(page)
        return page

    @cached_property
    def cohort(self) -> CohortPage:
        from .cohort_page import CohortPage

        page = CohortPage(self._clinic(), self)
        page.open_patient.connect(self.show_patient)
        self.stack.addWidget(page)
        return page

    def _clinic(self) -> Clinic:
        assert self.clinic is not None, "attach() a clinic first"
        return self.clinic

    def _action(self, menu: object, text: str, keys: shortcuts.Keys | None, slot: object, name: str) -> QAction:
        """A window-wide QAction (its shortcut works on every page), shown in `menu` with its key."""
        action = shortcuts.action(self, text, keys, slot, name=f"action.{name}")  # type: ignore[arg-type]
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _menus(self) -> None:
        file = self.menuBar().addMenu(translate("MainWindow", "&File"))
        act = self._action
        self.register_action = act(
            file,
            translate("MainWindow", "&Register patient…"),
            shortcuts.REGISTER_PATIENT,
            self.register_patient,
            "register",
        )
        act(file, translate("MainWindow", "&Patient list"), shortcuts.PATIENT_LIST, self.show_list, "patient_list")
        act(file, translate("MainWindow", "&Find patient"), shortcuts.FIND_PATIENT, self._on_find_triggered, "find")
        act(file, translate("MainWindow", "&Cohort view"), shortcuts.COHORT_VIEW, self.show_cohort, "cohort")
        self.print_action = act(
            file,
            translate("MainWindow", "&Print the report of this page…"),
            shortcuts.PRINT_SHOWN,
            self.print_shown,
            "print_shown",
        )
        file.addSeparator()
        self.export_action = act(
            file,
            translate("MainWindow", "&Export analysis dataset…"),
            shortcuts.EXPORT_DATASET,
            self._on_export_triggered,
            "export",
        )
        self.report_settings_action = act(
            file,
            translate("MainWindow", "Report &settings…"),
            None,
            self._on_report_settings_triggered,
            "report_settings",
        )
        self.users_action = act(file, translate("MainWindow", "&Users…"), None, self._on_users_triggered, "users")
        self.security_action = act(
            file, translate("MainWindow", "Securit&y settings…"), None, self._on_security_triggered, "security"
        )
        self.schedules_action = act(
            file, translate("MainWindow", "Sche&dules…"), None, self._on_schedules_triggered, "schedules"
        )
        self.in_error_action = act(
            file,
            translate("MainWindow", "Patients registered in &error…"),
            None,
            self._on_in_error_triggered,
            "registered_in_error",
        )
        self._language_menu(file)
        file.addSeparator()
        protect = file.addMenu(translate("MainWindow", "Audit trail and &backups"))
        act(protect, translate("MainWindow", "&Audit trail…"), None, self._on_audit_trail_triggered, "audit_trail")
        act(
            protect,
            translate("MainWindow", "&Verify audit trail"),
            None,
            self._on_verify_audit_triggered,
            "verify_audit",
        )
        act(protect, translate("MainWindow", "&Back up now"), None, self._on_backup_triggered, "backup")
        act(protect, translate("MainWindow", "&Restore from a backup…"), None, self._on_restore_triggered, "restore")
        act(
            protect, translate("MainWindow", "Backup &folder…"), None, self._on_backup_folder_triggered, "backup_folder"
        )
        self.recovery_key_action = act(
            protect,
            translate("MainWindow", "New re&covery key…"),
            None,
            self._on_recovery_key_triggered,
            "recovery_key",
        )
        file.addSeparator()
        self.password_action = act(
            file, translate("MainWindow", "C&hange my password…"), None, self._on_password_triggered, "password"
        )
        self.sign_out_action = act(file, translate("MainWindow", "Sign &out"), None, self.sign_out, "sign_out")
        act(file, translate("MainWindow", "&Quit"), shortcuts.QUIT, self.close, "quit")
        self._apply_rights()
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        act(help_menu, translate("MainWindow", "User &manual"), shortcuts.MANUAL, self.show_manual, "manual")
        act(help_menu, translate("MainWindow", "&About CGA Desk"), None, self._on_about_triggered, "about")
        # The tabs of the page shown (the patient page's Visits and Trends): window actions, no menu of their own.
        for number, keys in enumerate(shortcuts.TABS):
            shortcuts.action(
                self,
                translate("MainWindow", "Tab {number}").format(number=number + 1),
                keys,
                partial(self.select_tab, number),
                name=f"action.tab_{number + 1}",
            )
        shortcuts.action(
            self,
            translate("MainWindow", "Next tab"),
            shortcuts.NEXT_TAB,
            lambda: self.step_tab(1),
            name="action.next_tab",
        )
        shortcuts.action(
            self,
            translate("MainWindow", "Previous tab"),
            shortcuts.PREVIOUS_TAB,
            lambda: self.step_tab(-1),
            name="action.previous_tab",
        )

    def _language_menu(self, file: object) -> None:
        """File > Language: saved for the next start (every page is built once; see ui/language.py)."""
        from PySide6.QtGui import QActionGroup

        from .. import i18n
        from .language import save_language

        menu = file.addMenu(translate("MainWindow", "&Language (applies at the next start)"))  # type: ignore[attr-defined]
        menu.menuAction().setObjectName("action.language")
        group = QActionGroup(menu)
        for code in i18n.LANGUAGES:
            act = QAction(i18n.LANGUAGE_NAMES[code], menu)
            act.setObjectName(f"action.language.{code}")
            act.setCheckable(True)
            act.setChecked(code == i18n.language())
            act.triggered.connect(lambda _checked=False, c=code: self._on_language_chosen(c, save_language))
            group.addAction(act)
            menu.addAction(act)

    def _on_language_chosen(self, code: str, save: object) -> None:
        save(code)  # type: ignore[operator]
        self.confirm(translate("MainWindow", "The language changes the next time CGA Desk starts."), 15000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        save_window(self)  # geometry, state and splitter positions, for the next run
        if self.auto_backups and self._signed_in():
            from .protect_actions import auto_backup

            self.statusBar().showMessage(translate("MainWindow", "Backing up before closing…"))
            auto_backup(self, self._clinic(), force=True)
        super().closeEvent(event)

    def _on_audit_trail_triggered(self) -> None:
        if self._signed_in():
            from .protect_actions import open_audit_trail

            open_audit_trail(self, self._clinic())

    def _on_verify_audit_triggered(self) -> None:
        if self._signed_in():
            from .protect_actions import verify_all

            verify_all(self, self._clinic())

    def _on_backup_triggered(self) -> None:
        if self._signed_in():
            from .protect_actions import backup_now

            backup_now(self, self._clinic())

    def _on_restore_triggered(self) -> None:
        if self._signed_in():
            from .protect_actions import restore_from_backup

            restore_from_backup(self, self._clinic(), self.close)

    def _on_recovery_key_triggered(self) -> None:
        if self._signed_in():
            from .protect_actions import new_recovery_key

            new_recovery_key(self, self._clinic())

    def _on_backup_folder_triggered(self) -> None:
        if self._signed_in():
            from .protect_actions import choose_backup_folder

            choose_backup_folder(self, self._clinic())

    def _signed_in(self) -> bool:
        return self.clinic is not None and self.clinic.user is not None and self.lock_screen is None

    def _apply_rights(self) -> None:
        """Menus for what the signed-in user's role may do (the services refuse the rest anyway)."""
        user = self.clinic.user if self.clinic is not None else None
        for action, right in (
            (self.register_action, access.EDIT_PATIENTS),
            (self.export_action, access.EXPORT),
            (self.report_settings_action, access.SETTINGS),
            (self.users_action, access.USERS),
            (self.security_action, access.SETTINGS),
            (self.schedules_action, access.SCHEDULES),
            (self.in_error_action, access.RESTORE_PATIENT),
        ):
            action.setVisible(access.may(user, right))
            action.setEnabled(access.may(user, right))
        encrypted = self.clinic is not None and self.clinic.is_encrypted_store()
        self.recovery_key_action.setVisible(encrypted and access.may(user, access.USERS))
        self.recovery_key_action.setEnabled(encrypted and access.may(user, access.USERS))
        for action in (self.password_action, self.sign_out_action):
            action.setEnabled(user is not None)

    def _show_sign_in(self, user_name: str = "") -> None:
        self.who.setText(translate("MainWindow", "Not signed in"))
        self._apply_rights()
        self.signin.refresh(user_name)
        self.stack.setCurrentWidget(self.signin)

    def _on_signed_in(self) -> None:
        user = self._clinic().user
        assert user is not None
        self.who.setText(
            translate("MainWindow", "Signed in as {full_name} ({name}, {role})").format(
                full_name=user.display_name, name=user.name, role=vocabulary.word(user.role)
            )
        )
        self._apply_rights()
        self._start_idle_timer()
        self._update_banner()  # an encrypted database is read only once unlocked by signing in
        notice = self._clinic().plain_database_notice()
        if notice:  # an administrator, once per plain database: it is not encrypted, and how to convert it
            box = QMessageBox(QMessageBox.Icon.Information, "CGA Desk", notice, QMessageBox.StandardButton.Ok, self)
            named(box, "notice.not_encrypted")
            box.setModal(False)  # said, not in the way: the work goes on
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.show()
            self.plain_notice = box
        from .protect_actions import auto_backup, check_at_sign_in

        check_at_sign_in(self, self._clinic())  # the newest audit events, at every sign-in (issue 15)
        if self.auto_backups:
            auto_backup(self, self._clinic(), force=False, status=self.statusBar())
        self.show_list()

    def _start_idle_timer(self) -> None:
        if self.idle is None or self.clinic is None or self.clinic.user is None:
            return
        ms = self.idle_ms if self.idle_ms is not None else self.clinic.security_settings().idle_minutes * 60_000
        self.idle.start(ms)

    def _update_banner(self) -> None:
        self.demo_banner.setVisible(self.clinic is not None and self.clinic.is_demo())

    def sign_in(self, user_name: str, password: str) -> None:
        """Sign in without the page (the --user/--password-file options, scripts): the page's own path,
        a one-time password included; a refusal stays on the sign-in page with its message."""
        self.signin.user_name.setText(user_name)
        self.signin.password.setText(password)
        self.signin._on_go_clicked()

    def sign_out(self) -> None:
        """File > Sign out: what was open is closed (drafts stay stored), back to the sign-in page."""
        if self.clinic is None or self.clinic.user is None:
            return
        if self.idle is not None:
            self.idle.stop()
        self._discard_windows()
        self.clinic.sign_out()
        self._show_sign_in()

    # the idle lock -------------------------------------------------------------------------
    def lock(self) -> None:
        """Lock now (the idle timer calls this): cover every window, ask for the password."""
        from .lock import Cover, LockScreen, NewWindowWatcher, covered_windows, start_lock

        if self.clinic is None or self.clinic.user is None or self.lock_screen is not None:
            return
        if self.idle is not None:
            self.idle.stop()
        try:
            self.clinic.lock_screen()  # audited
        except CgaDeskError:
            pass  # the lock matters more than its audit line
        from PySide6.QtWidgets import QApplication

        self._before_lock = (self.stack.currentWidget(), QApplication.focusWidget())
        self.lock_screen = LockScreen(self.clinic, self)
        self._covers = [Cover(w) for w in covered_windows(self, self.lock_screen)]
        self._new_windows = NewWindowWatcher(self.lock_screen, self, self._covers)
        self.stack.setCurrentWidget(self.locked_page)
        self.lock_screen.unlocked.connect(self._on_unlocked)
        self.lock_screen.switched.connect(self._on_user_switched)
        start_lock(self.lock_screen, self)

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None

    def _end_lock(self) -> None:
        if self._new_windows is not None:
            self._new_windows.stop()
            self._new_windows = None
        for cover in self._covers:
            cover.hide()
            cover.setParent(None)  # type: ignore[call-overload]
            cover.deleteLater()
        self._covers = []
        if self.lock_screen is not None:
            self.lock_screen.deleteLater()
        self.lock_screen = None

    def _on_unlocked(self) -> None:
        """Back exactly where the user was: the same page, the same field, a dialog still open."""
        self._end_lock()
        page, focus = self._before_lock
        self._before_lock = (None, None)
        if page is not None:
            self.stack.setCurrentWidget(page)
        if focus is not None:
            focus.setFocus()
        self._start_idle_timer()

    def _on_user_switched(self) -> None:
        """Another user signed in at the lock: the first user's open windows are closed (their drafts stay
        stored as theirs), their session ends (audited), the new user starts at the patient list."""
        from ..services.clinic import Clinic

        first = self.lock_screen.first if self.lock_screen is not None else None
        self._end_lock()
        self._before_lock = (None, None)
        self._discard_windows()
        clinic = self._clinic()
        if first is not None:
            try:
                Clinic(clinic.store, first).sign_out("another user signed in at the locked screen")
            except CgaDeskError:
                pass
        from .signin import choose_new_password

        if clinic.must_change_password and not choose_new_password(self, clinic):
            clinic.sign_out("did not choose a new password")
            self._show_sign_in()
            return
        self._on_signed_in()

    def _discard_windows(self) -> None:
        """Close the dialogs and previews left open (their exec() returns as cancelled); progress stays."""
        from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

        for w in QApplication.topLevelWidgets():
            if w is self or not w.isVisible() or isinstance(w, QProgressDialog):
                continue
            if isinstance(w, QDialog):
                w.reject()
            else:
                w.close()

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802 - Qt's name
        super().moveEvent(event)
        if self.lock_screen is not None:
            self.lock_screen.setGeometry(self.geometry())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.lock_screen is not None:
            self.lock_screen.setGeometry(self.geometry())

    def _load_demo(self) -> None:
        from ..demo.load import load_demo
        from .worker import run_in_background

        clinic = self._clinic()
        store, user, today = clinic.store, clinic.user, clinic.today()
        assert user is not None

        def on_error(error: BaseException) -> None:
            show_error(self, error)
            self._update_banner()
            self._on_signed_in()

        run_in_background(
            self,
            translate("MainWindow", "Loading demo patients…"),
            lambda progress: load_demo(store.unit_of_work, user, today, progress=progress),
            self._on_demo_loaded,
            on_error,
        )

    def _on_demo_loaded(self, summary: object) -> None:
        """The demo users' passwords, shown this once; then the patient list, under the DEMO banner."""
        from . import accounts

        self._update_banner()
        passwords = getattr(summary, "passwords", {}) or {}
        if passwords:
            lines = "\n".join(f"{name}:   {password}" for name, password in passwords.items())
            accounts.show_secret(
                self,
                translate("MainWindow", "Demo users"),
                translate(
                    "MainWindow",
                    "{patients} demo patients were loaded. Their nurse and physician sign in with these passwords, "
                    "shown only this once (write them down):\n\n{lines}\n\n"
                    "Sign out (File > Sign out) and sign in as one of them to record or sign visits.",
                ).format(patients=getattr(summary, "patients", 0), lines=lines),
            )
        self._on_signed_in()

    def show_list(self) -> None:
        if not self._signed_in():
            return
        self.patients.reload()
        self.stack.setCurrentWidget(self.patients)
        self.patients.focus_search()

    def show_patient(self, study_id: str) -> None:
        self.patient.show_patient(study_id)
        self.stack.setCurrentWidget(self.patient)

    def show_cohort(self) -> None:
        if not self._signed_in():
            return
        self.cohort.reload()
        self.stack.setCurrentWidget(self.cohort)

    def _on_export_triggered(self) -> None:
        if not self._signed_in():
            return
        name, chosen = save_file_name(
            self,
            "export",
            translate("MainWindow", "Export the analysis dataset or an exchange format"),
            "cga-dataset.csv",
            ";;".join(translate("MainWindow", f) for f in EXPORT_FILTERS),
        )
        if not name:
            return
        target, fmt = export_target(name, chosen)
        answer = QMessageBox.question(
            self,
            translate("MainWindow", "De-identify?"),
            translate(
                "MainWindow",
                "De-identify the export? No names, birth dates or free text; every date moved back by a secret "
                "number of days per patient; ages of 90 and over written 90+ (docs/deidentification.md).",
            ),
        )
        deidentified = answer == QMessageBox.StandardButton.Yes
        from .worker import run_in_background

        clinic = self._clinic()
        total = clinic.patient_count()
        run_in_background(
            self,
            translate("MainWindow", "Exporting…")
            if fmt is None
            else translate("MainWindow", "Exporting ({fmt})…").format(fmt=fmt),
            lambda progress: clinic.export_dataset(
                target, deidentified, fmt, lambda done: progress(min(done, total), total)
            ),
            self._on_export_done,
            lambda error: show_error(self, error),
        )

    def _on_report_settings_triggered(self) -> None:
        if self._signed_in():
            from .report_actions import ReportSettingsDialog

            ReportSettingsDialog(self._clinic(), self).exec()

    def _on_users_triggered(self) -> None:
        if self._signed_in():
            from .accounts import UsersDialog

            try:
                dialog = style.keyboard_friendly(UsersDialog(self._clinic(), self))
            except CgaDeskError as error:
                show_error(self, error)
                return
            dialog.exec()

    def _on_security_triggered(self) -> None:
        if self._signed_in():
            from .accounts import SecuritySettingsDialog

            if style.keyboard_friendly(SecuritySettingsDialog(self._clinic(), self)).exec():
                self._start_idle_timer()  # the new idle time, from now

    def _on_schedules_triggered(self) -> None:
        if self._signed_in():
            from .schedules_dialog import SchedulesDialog

            try:
                dialog = style.keyboard_friendly(SchedulesDialog(self._clinic(), self))  # Tab leaves the table
            except CgaDeskError as error:
                show_error(self, error)
                return
            dialog.exec()

    def _on_in_error_triggered(self) -> None:
        if self._signed_in():
            from .corrections import RegisteredInErrorDialog

            try:
                dialog = style.keyboard_friendly(RegisteredInErrorDialog(self._clinic(), self))
            except CgaDeskError as error:
                show_error(self, error)
                return
            if dialog.exec():
                self.show_list()

    def _on_password_triggered(self) -> None:
        if self._signed_in():
            from .signin import choose_new_password

            if choose_new_password(self, self._clinic(), required=False):
                self.confirm(translate("MainWindow", "Your new password is set."))

    def _on_export_done(self, result: object) -> None:
        paths = result.files  # type: ignore[attr-defined]
        files = (
            f"{paths[0].parent}/" if len(paths) > 2 else translate("MainWindow", " and ").join(str(p) for p in paths)
        )
        rows = result.rows  # type: ignore[attr-defined]
        self.confirm(translate("MainWindow", "Exported {rows} visits to {files}").format(rows=rows, files=files), 15000)

    def show_visit(self, visit_id: int) -> None:
        self.wizard.open_visit(visit_id)
        self.stack.setCurrentWidget(self.wizard)

    def register_patient(self) -> None:
        if not self._signed_in():
            return
        from .patient_dialog import PatientDialog

        dialog = PatientDialog(self._clinic(), None, self)
        if dialog.exec() and dialog.result_patient is not None:
            self.show_patient(dialog.result_patient.study_id)

    def _on_visit_completed(self, visit_id: int) -> None:
        visit = self._clinic().visit(visit_id)
        self.show_patient(visit.study_id)
        self.confirm(
            translate("MainWindow", "{timepoint} visit of {visit_date} completed.").format(
                timepoint=vocabulary.timepoint(visit.timepoint), visit_date=format_date(visit.visit_date)
            )
        )

    def _on_find_triggered(self) -> None:
        self.show_list()  # the list, its search box focused and selected: type to find

    # issue 18: confirmations where the user looks, tabs and help from the keyboard, Ctrl+P -------------
    def confirm(self, text: str, ms: int = 8000) -> None:
        """A confirmation over the top of the page for a few seconds (and kept in the status bar)."""
        self.statusBar().showMessage(text, ms)
        self.notice.show_message(text)

    def _shown_tabs(self) -> QTabWidget | None:
        """The first tab widget shown on the current page (the patient page's Visits and Trends)."""
        page = self.stack.currentWidget()
        if not self._signed_in() or page is None:
            return None
        return next((t for t in page.findChildren(QTabWidget) if t.isVisible()), None)

    def select_tab(self, index: int) -> None:
        """Ctrl+1…9: that tab of the page shown (when it has one), its first control focused."""
        tabs = self._shown_tabs()
        if tabs is None or not 0 <= index < tabs.count() or not tabs.isTabEnabled(index):
            return
        tabs.setCurrentIndex(index)
        tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)  # the tab wears the focus frame; Tab goes in

    def step_tab(self, step: int) -> None:
        """Ctrl+Tab, Ctrl+Shift+Tab: the next or previous tab of the page shown, round."""
        tabs = self._shown_tabs()
        if tabs is not None and tabs.count():
            self.select_tab((tabs.currentIndex() + step) % tabs.count())

    def show_manual(self) -> None:
        """F1: the user manual, at the section of the page shown."""
        from .manual import SECTIONS, ManualWindow

        if self._manual is None:
            self._manual = ManualWindow(self)
        page = self.stack.currentWidget()
        section = SECTIONS.get(type(page).__name__, "") if page is not None else ""
        if page is self.__dict__.get("patient") and self.patient.tabs.currentWidget() is self.patient.trends_holder:
            section = "review"  # the trends tab: the physician's review
        self._manual.open_at(section)  # type: ignore[attr-defined]

    def print_shown(self) -> None:
        """Ctrl+P: the report of what is shown, previewed (the service checks the role, as from the buttons)."""
        if not self._signed_in():
            return
        page = self.stack.currentWidget()
        if page is self.__dict__.get("patient"):
            self.patient.print_shown()
        elif page is self.__dict__.get("cohort"):
            self.cohort._on_report_clicked()
        elif page is self.__dict__.get("wizard") and self.wizard.visit is not None:
            from .report_actions import open_report

            v = self.wizard.visit
            open_report(
                self,
                self._clinic(),
                "visit",
                v.id,
                translate("MainWindow", "visit summary of {study_id}, {timepoint} {visit_date}").format(
                    study_id=v.study_id,
                    timepoint=vocabulary.timepoint(v.timepoint),
                    visit_date=format_date(v.visit_date),
                ),
                f"{v.study_id}-{v.visit_date.isoformat()}-visit.pdf",
            )
        else:
            self.confirm(
                translate(
                    "MainWindow",
                    "Nothing to print on this page: open a patient (Ctrl+P prints the selected visit's summary or the "
                    "longitudinal report) or the cohort view (the cohort summary).",
                )
            )

    def _on_about_triggered(self) -> None:
        from ..version import __version__

        QMessageBox.about(
            self,
            translate("MainWindow", "About CGA Desk"),
            translate(
                "MainWindow",
                "CGA Desk {version}\nGeriatric assessment for haematology clinics: Katz ADL, Lawton IADL, "
                "Charlson, ECOG and the IMWG frailty score.\nDatabase: {database}",
            ).format(version=__version__, database=self.database_label),
        )
