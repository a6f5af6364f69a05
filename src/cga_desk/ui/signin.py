"""The sign-in page: create the administrator on an empty database (then the demo offer), set the
administrator's password on a database upgraded from before passwords, else a user name and a password.

Nothing here lists the user names, and nothing hashes a password before the user acts: the page is
built on an open store with one cheap query (Clinic.accounts_state), so the first paint stays cheap.
An existing encrypted database's page is shown before there is a store at all (`show_before_store`):
SQLAlchemy and the services load off the window's thread meanwhile, and a Sign in pressed before they
are there waits for them (`attach`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CgaDeskError, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from .language import translate
from .naming import named
from .style import alert_style, scaled_font
from .visit_dialogs import FormDialog

if TYPE_CHECKING:
    from ..services.clinic import Clinic

DEMO_OFFER = QT_TRANSLATE_NOOP(
    "SignInPage",
    "Load demo data? About 40 invented patients following the pPCL protocol, with a demo nurse and a demo "
    "physician whose passwords are shown once. Every page and report will then say DEMO DATA: use a "
    "separate database for real patients.",
)


def password_edit(parent: QWidget, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    named(edit, name)
    edit.setPlaceholderText(placeholder)
    return edit


def form_column(owner: QWidget, name: str) -> tuple[QVBoxLayout, QLabel, QLabel, QFormLayout, QLabel]:
    """The sign-in page's and the lock's layout: a column at a readable width with a big title, an
    explanation and a form (already in the column), and a red error line for the caller to place."""
    outer = QHBoxLayout(owner)
    body = QWidget(owner)
    body.setMaximumWidth(760)  # a form, not a banner: readable on a wide screen
    outer.addWidget(body, 1)
    outer.addStretch(0)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(48, 32, 48, 32)
    title = QLabel(owner)
    title.setFont(scaled_font(owner, 1.6, bold=True))
    named(title, f"{name}.title")
    intro = QLabel(owner)
    intro.setWordWrap(True)
    named(intro, f"{name}.intro")
    error = QLabel(owner)
    error.setWordWrap(True)
    named(error, f"{name}.error")
    error.setStyleSheet(alert_style())
    form = QFormLayout()
    layout.addWidget(title)
    layout.addWidget(intro)
    layout.addLayout(form)
    return layout, title, intro, form, error


def _message(error: CgaDeskError) -> str:
    from .errors import explain

    return explain(error)


class SignInPage(QWidget):
    """Emits signed_in() once a user is signed in (after choosing a new password when they must), and
    demo_requested() when the new administrator accepts the demo offer."""

    signed_in = Signal()
    demo_requested = Signal()

    def __init__(self, clinic: Clinic | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic  # None until attach(): an encrypted database's page shown while its store opens
        self.state = ""
        self.busy = False  # an encrypted database being unlocked and opened (off the window's thread)
        self.waiting = False  # Sign in pressed before the store was attached: signed in once it is
        layout, self.title, self.intro, self.form, self.error = form_column(self, "signin")
        self.user_name = QLineEdit(self)
        named(self.user_name, "signin.user_name")
        self.user_name.setPlaceholderText(translate("SignInPage", "letters, digits, '.', '_' or '-', e.g. liwei"))
        self.full_name = QLineEdit(self)
        named(self.full_name, "signin.full_name")
        self.full_name.setPlaceholderText(translate("SignInPage", "as printed with a signature, e.g. Dr Li Wei"))
        self.password = password_edit(self, "signin.password")
        self.again = password_edit(self, "signin.password_again")
        self.form.addRow(translate("SignInPage", "User name"), self.user_name)
        self.form.addRow(translate("SignInPage", "Full name"), self.full_name)
        self.form.addRow(translate("SignInPage", "Password"), self.password)
        self.form.addRow(translate("SignInPage", "Password again"), self.again)
        self.go = QPushButton(self)
        named(self.go, "signin.go")
        self.go.setToolTip(translate("SignInPage", "Enter, from any field"))
        self.go.clicked.connect(self._on_go_clicked)
        self.demo = QWidget(self)  # the offer that follows the administrator's creation
        demo_layout = QVBoxLayout(self.demo)
        self.demo_text = QLabel(translate("SignInPage", DEMO_OFFER), self.demo)
        self.demo_text.setWordWrap(True)
        self.load_demo = QPushButton(translate("SignInPage", "Load demo data"), self.demo)
        named(self.load_demo, "signin.load_demo")
        self.load_demo.clicked.connect(self.demo_requested)
        self.no_demo = QPushButton(translate("SignInPage", "Start with an empty database"), self.demo)
        named(self.no_demo, "signin.no_demo")
        self.no_demo.clicked.connect(self.signed_in)
        for b in (self.load_demo, self.no_demo):
            b.setAutoDefault(True)  # Enter presses the one with the focus
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_demo)
        buttons.addWidget(self.no_demo)
        buttons.addStretch(1)
        demo_layout.addWidget(self.demo_text)
        demo_layout.addLayout(buttons)
        self.recover = QPushButton(translate("SignInPage", "Forgot every administrator password?"), self)
        named(self.recover, "signin.recover")
        self.recover.setFlat(True)
        self.recover.clicked.connect(self._on_recover_clicked)
        row = QHBoxLayout()
        row.addWidget(self.go)
        row.addStretch(1)
        row.addWidget(self.recover)
        layout.addLayout(row)
        self.opening = QLabel(
            translate("SignInPage", "Opening the database: you are signed in as soon as it is open…"), self
        )
        named(self.opening, "signin.opening")
        self.opening.setWordWrap(True)
        self.opening.hide()
        layout.addWidget(self.opening)
        layout.addWidget(self.error)
        layout.addWidget(self.demo)
        layout.addStretch(1)

    def refresh(self, user_name: str = "") -> None:
        """Show the form the database needs now (one query; no password work)."""
        clinic = self._clinic()
        self._show_form(clinic.accounts_state(), clinic.is_encrypted_store(), user_name)

    def show_before_store(self, user_name: str = "") -> None:
        """The sign-in form of an existing encrypted database before its store is open (start-up): its key
        file exists, so it has users and its state is "ready" (vault.UnlockingStore.state)."""
        self._show_form("ready", True, user_name)

    def attach(self, clinic: Clinic) -> None:
        """The store is open (start-up): the form stays as the user left it, and a Sign in pressed while it
        was opening goes on. Should the database not be what the form was shown for (replaced in between),
        the form it needs is shown instead."""
        self.clinic = clinic
        waiting, self.waiting, self.busy = self.waiting, False, False
        self.opening.hide()
        self.go.setEnabled(True)
        self.recover.setEnabled(True)
        if not (clinic.is_encrypted_store() and clinic.accounts_state() == self.state):
            self.refresh(self.user_name.text().strip())
        elif waiting:
            self._on_go_clicked()

    def _clinic(self) -> Clinic:
        assert self.clinic is not None, "attach() a clinic first"
        return self.clinic

    def _show_form(self, state: str, encrypted: bool, user_name: str) -> None:
        self.state = state
        setting_up = self.state in ("empty", "no_admin")
        for edit in (self.password, self.again):
            edit.clear()
        self.full_name.clear()
        self.user_name.setText(user_name)
        self.error.clear()
        self.demo.hide()
        self._show_rows(full_name=setting_up, again=setting_up)
        self.form.setRowVisible(self.user_name, True)
        self.form.setRowVisible(self.password, True)
        self.go.show()
        self.recover.setVisible(self.state == "ready" and encrypted)
        self.recover.setEnabled(self.clinic is not None)  # recovering needs the store: enabled once attached
        if self.state == "empty":
            self.title.setText(translate("SignInPage", "Create the administrator"))
            self.intro.setText(
                translate(
                    "SignInPage",
                    "This database is empty. First create its administrator: the administrator creates the "
                    "nurses' and physicians' accounts (File > Users…) and sets the clinic's settings, but does "
                    "not record or sign visits. A password has at least 10 characters, does not contain the user "
                    "name and is not a common password. Demo data is offered next.",
                )
            )
            if encrypted:
                self.intro.setText(
                    self.intro.text()
                    + " "
                    + translate(
                        "SignInPage",
                        "The database is encrypted with a key that signing in unlocks; its recovery key is shown "
                        "next, once, to be printed and kept in a safe.",
                    )
                )
            self.go.setText(translate("SignInPage", "Create the administrator"))
        elif self.state == "no_admin":
            self.title.setText(translate("SignInPage", "Set the administrator's password"))
            self.intro.setText(
                translate(
                    "SignInPage",
                    "This database comes from a version of CGA Desk without passwords. Before anyone can sign "
                    "in, an administrator sets a password: type the user name of an existing administrator "
                    "(or a new one), the full name printed with a signature, and the password twice. The "
                    "administrator then gives every other user a one-time password (File > Users…), to be "
                    "replaced at their first sign-in.",
                )
            )
            self.go.setText(translate("SignInPage", "Set the password and sign in"))
        else:
            self.title.setText(translate("SignInPage", "Sign in to CGA Desk"))
            self.intro.setText(
                translate("SignInPage", "Your user name and password. Ask the administrator if you have no account.")
            )
            self.go.setText(translate("SignInPage", "Sign in"))
        (self.password if user_name else self.user_name).setFocus()

    def _show_rows(self, full_name: bool, again: bool) -> None:
        self.form.setRowVisible(self.full_name, full_name)
        self.form.setRowVisible(self.again, again)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter from anywhere on the form (a line edit passes it on): the user name's Enter moves to an
        empty password rather than counting a failed attempt."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or self.go.isHidden():
            super().keyPressEvent(event)
        elif self.user_name.hasFocus() and not self.password.text():
            self.password.setFocus()
        else:
            self._on_go_clicked()

    def _on_go_clicked(self) -> None:
        if self.go.isHidden() or self.busy:
            return
        self.error.clear()
        if self.clinic is None:  # the store still opening (start-up): this sign-in goes on once it is attached
            self.waiting = self.busy = True
            self.go.setEnabled(False)
            self.opening.show()
            return
        if self.state == "ready" and self.clinic.store_locked():
            self._unlock_then_sign_in()
            return
        try:
            if self.state in ("empty", "no_admin"):
                self._set_up()
                return
            self.clinic.sign_in(self.user_name.text().strip(), self.password.text())
        except CgaDeskError as error:
            self.error.setText(_message(error))
            self.password.clear()
            self.again.clear()
            self.password.setFocus()
            return
        self.password.clear()
        if self.clinic.must_change_password and not choose_new_password(self, self.clinic):
            self.clinic.sign_out("did not choose a new password")
            self.refresh(self.user_name.text().strip())
            self.error.setText(translate("SignInPage", "You must choose a new password before using CGA Desk."))
            return
        self.signed_in.emit()

    def _unlock_then_sign_in(self) -> None:
        """An encrypted database: the password unwraps its key and the database opens (an upgrade's
        migrations included) on the thread pool, with a progress dialog; then the usual sign-in."""
        from .worker import run_in_background

        name, password = self.user_name.text().strip(), self.password.text()
        self.busy = True

        def opened(_result: object) -> None:
            self.busy = False
            self._on_go_clicked()  # the store is open now: the password checked against the account

        def refused(error: BaseException) -> None:
            self.busy = False
            if not isinstance(error, CgaDeskError | OSError):
                import sys

                sys.excepthook(type(error), error, error.__traceback__)  # a bug: the crash dialog and the log
                return
            self.error.setText(_message(error) if isinstance(error, CgaDeskError) else str(error))
            self.password.clear()
            self.password.setFocus()

        run_in_background(
            self,
            translate("SignInPage", "Unlocking and opening the database…"),
            lambda _progress: self._clinic().unlock_store(name, password),
            opened,
            refused,
        )

    def _on_recover_clicked(self) -> None:
        from .encryption_dialogs import RecoverDialog

        self.error.clear()
        if RecoverDialog(self._clinic(), self).exec():
            self.password.clear()
            self.signed_in.emit()

    def _set_up(self) -> None:
        if self.password.text() != self.again.text():
            raise ValidationError("password", translate("SignInPage", "the two passwords differ"))
        was_empty = self.state == "empty"
        self._clinic().set_up_administrator(self.user_name.text().strip(), self.full_name.text(), self.password.text())
        self.again.clear()
        recovery_key = self._clinic().take_recovery_key()
        if recovery_key:  # a new encrypted database: its recovery key, once, printed and kept (issue 15)
            from .encryption_dialogs import show_recovery_key

            self.password.clear()
            show_recovery_key(self, recovery_key, str(self._clinic().database_file()))
        if not was_empty:
            self.signed_in.emit()
            return
        self.title.setText(translate("SignInPage", "The administrator is ready"))
        user = self._clinic().user
        self.intro.setText(
            translate(
                "SignInPage",
                "You are signed in as {name}, the administrator. "
                "Next: create the accounts of the nurses and physicians (File > Users…).",
            ).format(name=user.display_name if user is not None else "")
        )
        self.password.clear()
        for edit in (self.user_name, self.full_name, self.password, self.again):
            self.form.setRowVisible(edit, False)
        self.go.hide()
        self.demo.show()
        self.load_demo.setFocus()


class ChangePasswordDialog(FormDialog):
    """The user's own new password: required after a reset (a one-time password), possible any time."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None, required: bool = False) -> None:
        super().__init__(translate("ChangePasswordDialog", "Choose a new password"), parent)
        self.clinic = clinic
        named(self, "password.dialog")
        if required:
            note = QLabel(
                translate(
                    "ChangePasswordDialog",
                    "Your password was reset by the administrator: type the one-time password you were given, "
                    "then choose your own (at least 10 characters, not your user name, not a common password).",
                ),
                self,
            )
            note.setWordWrap(True)
            self.form.addRow(note)
        self.current = password_edit(self, "password.current")
        self.new = password_edit(self, "password.new")
        self.again = password_edit(self, "password.again")
        self.form.addRow(translate("ChangePasswordDialog", "Current (or one-time) password"), self.current)
        self.form.addRow(translate("ChangePasswordDialog", "New password"), self.new)
        self.form.addRow(translate("ChangePasswordDialog", "New password again"), self.again)

    def validate(self) -> None:
        if self.new.text() != self.again.text():
            raise ValidationError("new_password", translate("ChangePasswordDialog", "the two new passwords differ"))
        self.clinic.change_password(self.current.text(), self.new.text())


def choose_new_password(parent: QWidget, clinic: Clinic, required: bool = True) -> bool:
    return bool(ChangePasswordDialog(clinic, parent, required).exec())
