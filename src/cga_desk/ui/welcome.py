"""Start: create the first user (and offer demo data) on an empty database, else choose who you are."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CgaDeskError
from ..domain.records import ROLES
from ..forms import vocabulary
from ..services.clinic import Clinic
from .language import translate
from .style import scaled_font


class WelcomePage(QWidget):
    """Emits signed_in(load_demo) once a user is chosen or created."""

    signed_in = Signal(bool)

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        layout = QVBoxLayout(self)
        self.title = QLabel(translate("WelcomePage", "Welcome to CGA Desk"), self)
        self.title.setFont(scaled_font(self, 1.6, bold=True))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.users = QListWidget(self)
        self.users.setAccessibleName("welcome.users")
        self.users.itemActivated.connect(lambda _: self._on_continue_clicked())
        self.name = QLineEdit(self)
        self.name.setAccessibleName("welcome.name")
        self.name.setPlaceholderText(translate("WelcomePage", "Your name, as it will appear on visits and sign-offs"))
        self.name.returnPressed.connect(self._on_continue_clicked)
        self.role = QComboBox(self)
        self.role.setAccessibleName("welcome.role")
        for role in ROLES:
            self.role.addItem(vocabulary.word(role), role)
        self.demo = QCheckBox(
            translate("WelcomePage", "Load demo data (about 40 example patients following the pPCL protocol)"), self
        )
        self.demo.setAccessibleName("welcome.demo")
        self.form = QFormLayout()
        self.form.addRow(translate("WelcomePage", "New user's name"), self.name)
        self.form.addRow(translate("WelcomePage", "Role"), self.role)
        self.go = QPushButton(translate("WelcomePage", "Continue"), self)
        self.go.setToolTip(translate("WelcomePage", "Continue (Enter, from anywhere on this page)"))
        self.go.setAccessibleName("welcome.continue")
        self.go.clicked.connect(self._on_continue_clicked)
        self.error = QLabel(self)
        self.error.setAccessibleName("welcome.error")
        self.error.setStyleSheet("color: #c62828")
        for w in (self.title, self.intro, self.users):
            layout.addWidget(w)
        layout.addLayout(self.form)
        for control in (self.demo, self.go, self.error):
            layout.addWidget(control)
        layout.addStretch(1)

    def refresh(self) -> None:
        users = self.clinic.users()
        self.users.clear()
        for u in users:
            self.users.addItem(f"{u.name} ({vocabulary.word(u.role)})")
        self.users.setVisible(bool(users))
        self.demo.setVisible(not users)
        if users:
            self.intro.setText(
                translate(
                    "WelcomePage", "Who is using CGA Desk? Choose your name and press Enter, or type a new user below."
                )
            )
            self.users.setCurrentRow(0)
            self.users.setFocus()
        else:
            self.intro.setText(
                translate(
                    "WelcomePage",
                    "This database is empty. Create the first user: your name and role are recorded on "
                    "every change (sign-in with passwords comes later). Physicians sign visits off.",
                )
            )
            self.name.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter continues from anywhere on the page (the demo checkbox and the role box included)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_continue_clicked()
        else:
            super().keyPressEvent(event)

    def _on_continue_clicked(self) -> None:
        try:
            if self.name.text().strip():
                user = self.clinic.create_user(self.name.text(), self.role.currentData())
            elif self.users.currentRow() >= 0:
                user = self.clinic.users()[self.users.currentRow()]
            else:
                self.error.setText(translate("WelcomePage", "Type your name to create the first user."))
                return
            self.clinic.sign_in(user.name)
        except CgaDeskError as error:
            self.error.setText(str(error))
            return
        self.signed_in.emit(self.demo.isVisible() and self.demo.isChecked())
