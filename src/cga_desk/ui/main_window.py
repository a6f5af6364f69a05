"""The main window: composes the pages and the menus; keeps no logic of its own.

It can be shown before there is a database: `MainWindow()` paints its frame and menus with
"Opening the database…" (no SQLAlchemy, services or pages imported yet), and `attach(clinic)` builds
the pages once the store is open. That is how `cga-desk` paints its first frame in about the time
a bare Qt window takes (issue 8)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from ..forms import vocabulary
from ..i18n import format_date
from . import shortcuts
from .errors import show_error
from .language import translate
from .window_state import restore_window, save_file_name, save_window

if TYPE_CHECKING:
    from ..services.clinic import Clinic
    from .cohort_page import CohortPage
    from .patient_page import PatientPage
    from .wizard.page import WizardPage


class MainWindow(QMainWindow):
    def __init__(self, clinic: Clinic | None = None, database_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic: Clinic | None = None
        self.database_label = database_label
        self.setWindowTitle("CGA Desk")
        self.resize(1280, 820)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.opening = QLabel(translate("MainWindow", "Opening the database…"), self)
        self.opening.setAccessibleName("status.opening")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening)
        self.who = QLabel(self)
        self.who.setAccessibleName("status.user")
        self.statusBar().addPermanentWidget(self.who)
        self._menus()
        restore_window(self)  # size, place and state as the user left them (QSettings)
        if clinic is not None:
            self.attach(clinic, database_label)

    def attach(self, clinic: Clinic, database_label: str = "") -> None:
        """Build the sign-in page and the patient list on an open store and show the sign-in page. The
        patient page, the wizard and the cohort view are built when first shown (start-up time)."""
        from .patient_list import PatientListPage
        from .welcome import WelcomePage

        self.clinic = clinic
        self.database_label = database_label or self.database_label
        self.welcome = WelcomePage(clinic, self)
        self.patients = PatientListPage(clinic, self)
        for page in (self.welcome, self.patients):
            self.stack.addWidget(page)
        self.welcome.signed_in.connect(self._on_signed_in)
        self.patients.open_patient.connect(self.show_patient)
        self.patients.register_requested.connect(self.register_patient)
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.refresh()

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
        self._action(
            file,
            translate("MainWindow", "&Register patient…"),
            shortcuts.REGISTER_PATIENT,
            self.register_patient,
            "register",
        )
        self._action(
            file, translate("MainWindow", "&Patient list"), shortcuts.PATIENT_LIST, self.show_list, "patient_list"
        )
        self._action(
            file, translate("MainWindow", "&Find patient"), shortcuts.FIND_PATIENT, self._on_find_triggered, "find"
        )
        self._action(file, translate("MainWindow", "&Cohort view"), shortcuts.COHORT_VIEW, self.show_cohort, "cohort")
        file.addSeparator()
        self._action(
            file,
            translate("MainWindow", "&Export analysis dataset…"),
            shortcuts.EXPORT_DATASET,
            self._on_export_triggered,
            "export",
        )
        self._action(
            file,
            translate("MainWindow", "Report &settings…"),
            None,
            self._on_report_settings_triggered,
            "report_settings",
        )
        self._language_menu(file)
        file.addSeparator()
        self._action(
            file, translate("MainWindow", "&Switch user…"), None, self._on_switch_user_triggered, "switch_user"
        )
        self._action(file, translate("MainWindow", "&Quit"), shortcuts.QUIT, self.close, "quit")
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        self._action(help_menu, translate("MainWindow", "&About CGA Desk"), None, self._on_about_triggered, "about")

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
        self.statusBar().showMessage(
            translate("MainWindow", "The language changes the next time CGA Desk starts."), 15000
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        save_window(self)  # geometry, state and splitter positions, for the next run
        super().closeEvent(event)

    def _signed_in(self) -> bool:
        return self.clinic is not None and self.clinic.user is not None

    def _on_signed_in(self, load_demo: bool) -> None:
        user = self._clinic().user
        assert user is not None
        self.who.setText(
            translate("MainWindow", "Signed in as {name} ({role}) · database: {database_label}").format(
                name=user.name, role=vocabulary.word(user.role), database_label=self.database_label
            )
        )
        if load_demo:
            self._load_demo()
        else:
            self.show_list()

    def open_for(self, user_name: str) -> None:
        """Skip the welcome page: sign in as this user and show the patient list (scripts, benchmarks)."""
        assert self.clinic is not None, "attach() a clinic first"
        self.clinic.sign_in(user_name)
        self._on_signed_in(False)

    def _load_demo(self) -> None:
        from ..demo.load import load_demo
        from .worker import run_in_background

        clinic = self._clinic()
        store, user, today = clinic.store, clinic.user, clinic.today()
        assert user is not None

        def on_error(error: BaseException) -> None:
            show_error(self, error)
            self.show_list()

        run_in_background(
            self,
            translate("MainWindow", "Loading demo patients…"),
            lambda progress: load_demo(store.unit_of_work, user, today, progress=progress),
            lambda _: self.show_list(),
            on_error,
        )

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
        name, _ = save_file_name(
            self,
            "export",
            translate("MainWindow", "Export the analysis dataset"),
            "cga-dataset.csv",
            translate("MainWindow", "CSV with codebook (*.csv);;Excel workbook (*.xlsx)"),
        )
        if not name:
            return
        answer = QMessageBox.question(
            self,
            translate("MainWindow", "De-identify?"),
            translate(
                "MainWindow",
                "De-identify the export (drop names and birth dates, keep study IDs, ages and day offsets)?",
            ),
        )
        deidentified = answer == QMessageBox.StandardButton.Yes
        from .worker import run_in_background

        clinic = self._clinic()
        run_in_background(
            self,
            translate("MainWindow", "Exporting the analysis dataset…"),
            lambda progress: clinic.export_dataset(Path(name), deidentified),
            self._on_export_done,
            lambda error: show_error(self, error),
        )

    def _on_report_settings_triggered(self) -> None:
        if self._signed_in():
            from .report_actions import ReportSettingsDialog

            ReportSettingsDialog(self._clinic(), self).exec()

    def _on_export_done(self, result: object) -> None:
        files = translate("MainWindow", " and ").join(str(p) for p in result.files)  # type: ignore[attr-defined]
        rows = result.rows  # type: ignore[attr-defined]
        self.statusBar().showMessage(
            translate("MainWindow", "Exported {rows} visits to {files}").format(rows=rows, files=files), 15000
        )

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
        self.statusBar().showMessage(
            translate("MainWindow", "{timepoint} visit of {visit_date} completed.").format(
                timepoint=vocabulary.timepoint(visit.timepoint), visit_date=format_date(visit.visit_date)
            ),
            8000,
        )

    def _on_find_triggered(self) -> None:
        self.show_list()

    def _on_switch_user_triggered(self) -> None:
        if self.clinic is None:
            return
        self.clinic.user = None
        self.welcome.refresh()
        self.stack.setCurrentWidget(self.welcome)

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
