"""The administrator's dialogs: the users (add, deactivate, reset a password, unlock) and the security
settings (idle time, signature meanings). Users are never deleted: signatures and the audit trail name them.
A password made here (a one-time password, a demo user's) is shown once and never again."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CgaDeskError, ValidationError
from ..domain.records import ROLES, AccountView
from ..forms import vocabulary
from ..i18n import QT_TRANSLATE_NOOP
from ..services.clinic import Clinic
from .errors import show_error
from .language import translate
from .naming import named
from .screen_fit import fit_resize
from .signin import password_edit
from .visit_dialogs import FormDialog


def show_secret(parent: QWidget | None, title: str, text: str) -> None:
    """A password shown once (selectable, to copy): CGA Desk keeps only its hash."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    named(box, "secret")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def account_state(a: AccountView, now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    if not a.active:
        return translate("UsersDialog", "deactivated")
    if a.locked_until is not None and a.locked_until > now:
        return translate("UsersDialog", "locked until {time}").format(time=f"{a.locked_until.astimezone():%H:%M}")
    if not a.has_password:
        return translate("UsersDialog", "no password yet (reset it to give a one-time password)")
    if a.must_change_password:
        return translate("UsersDialog", "must choose a new password")
    return translate("UsersDialog", "active")


class AddUserDialog(FormDialog):
    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(translate("AddUserDialog", "Add a user"), parent)
        self.clinic = clinic
        self.user_name = QLineEdit(self)
        named(self.user_name, "user.name")
        self.user_name.setPlaceholderText(translate("SignInPage", "letters, digits, '.', '_' or '-', e.g. liwei"))
        self.full_name = QLineEdit(self)
        named(self.full_name, "user.full_name")
        self.full_name.setPlaceholderText(translate("SignInPage", "as printed with a signature, e.g. Dr Li Wei"))
        self.role = QComboBox(self)
        named(self.role, "user.role")
        for role in ROLES:
            self.role.addItem(vocabulary.word(role), role)
        self.password = password_edit(self, "user.password", translate("AddUserDialog", "at least 10 characters"))
        self.again = password_edit(self, "user.password_again")
        self.form.addRow(translate("SignInPage", "User name"), self.user_name)
        self.form.addRow(translate("SignInPage", "Full name"), self.full_name)
        self.form.addRow(translate("AddUserDialog", "Role"), self.role)
        self.form.addRow(translate("SignInPage", "Password"), self.password)
        self.form.addRow(translate("SignInPage", "Password again"), self.again)

    def validate(self) -> None:
        if self.password.text() != self.again.text():
            raise ValidationError("password", translate("SignInPage", "the two passwords differ"))
        self.clinic.create_user(
            self.user_name.text().strip(), self.full_name.text(), self.role.currentData(), self.password.text()
        )


class UsersDialog(QDialog):
    """Every account with its state; the administrator's actions on the selected one."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("UsersDialog", "User name"),
        QT_TRANSLATE_NOOP("UsersDialog", "Full name"),
        QT_TRANSLATE_NOOP("UsersDialog", "Role"),
        QT_TRANSLATE_NOOP("UsersDialog", "State"),
    )

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.setWindowTitle(translate("UsersDialog", "Users"))
        named(self, "users.dialog")
        fit_resize(self, 760, 420)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        named(self.table, "users.table", translate("UsersDialog", "User accounts"))
        self.table.setHorizontalHeaderLabels([translate("UsersDialog", c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(
            translate(
                "UsersDialog",
                "Users are never deleted (signatures and the audit trail name them): deactivate them instead. "
                "A reset gives a one-time password, shown once, to be replaced at the next sign-in.",
            ),
            self,
        )
        note.setWordWrap(True)
        row = QHBoxLayout()
        self.add = self._button(translate("UsersDialog", "Add user…"), "users.add", self._on_add_clicked, row)
        self.reset = self._button(
            translate("UsersDialog", "Reset password…"), "users.reset", self._on_reset_clicked, row
        )
        self.unlock = self._button(translate("UsersDialog", "Unlock"), "users.unlock", self._on_unlock_clicked, row)
        self.deactivate = self._button(
            translate("UsersDialog", "Deactivate…"), "users.deactivate", self._on_deactivate_clicked, row
        )
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(close)
        self.accounts: list[AccountView] = []
        self.refresh()

    def _button(self, text: str, name: str, slot: object, row: QHBoxLayout) -> QPushButton:
        b = QPushButton(text, self)
        named(b, name)
        b.clicked.connect(slot)  # type: ignore[arg-type]
        b.setAutoDefault(False)
        row.addWidget(b)
        return b

    def refresh(self) -> None:
        self.accounts = self.clinic.accounts()
        self.table.setRowCount(len(self.accounts))
        for r, a in enumerate(self.accounts):
            for c, text in enumerate((a.name, a.full_name, vocabulary.word(a.role), account_state(a))):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def selected(self) -> AccountView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def select(self, user_name: str) -> None:
        for r, a in enumerate(self.accounts):
            if a.name == user_name:
                self.table.selectRow(r)

    def _chosen(self) -> AccountView | None:
        account = self.selected()
        if account is None:
            show_error(self, CgaDeskError(translate("UsersDialog", "Select a user first.")))
        return account

    def _run(self, fn: object, account: AccountView) -> bool:
        try:
            fn(account.name)  # type: ignore[operator]
        except CgaDeskError as error:
            show_error(self, error)
            return False
        finally:
            self.refresh()
            self.select(account.name)
        return True

    def _on_add_clicked(self) -> None:
        dialog = AddUserDialog(self.clinic, self)
        if dialog.exec():
            self.refresh()
            self.select(dialog.user_name.text().strip())

    def _on_reset_clicked(self) -> None:
        account = self._chosen()
        if account is None:
            return
        sure = QMessageBox.question(
            self,
            translate("UsersDialog", "Reset password"),
            translate(
                "UsersDialog",
                "Give {full_name} ({name}) a one-time password? Their current password stops "
                "working; they choose a new one at their next sign-in.",
            ).format(full_name=account.full_name, name=account.name),
        )
        if sure != QMessageBox.StandardButton.Yes:
            return
        made: list[str] = []
        if self._run(lambda name: made.append(self.clinic.reset_password(name)), account) and made:
            show_secret(
                self,
                translate("UsersDialog", "One-time password"),
                translate(
                    "UsersDialog",
                    "The one-time password of {full_name} ({name}) is:\n\n{password}\n\n"
                    "It is shown only this once: give it to them. They choose their own password when they sign in.",
                ).format(full_name=account.full_name, name=account.name, password=made[0]),
            )

    def _on_unlock_clicked(self) -> None:
        account = self._chosen()
        if account is not None:
            self._run(self.clinic.unlock_user, account)

    def _on_deactivate_clicked(self) -> None:
        account = self._chosen()
        if account is None:
            return
        sure = QMessageBox.question(
            self,
            translate("UsersDialog", "Deactivate user"),
            translate(
                "UsersDialog",
                "Deactivate {full_name} ({name})? They can no longer sign in. Their name stays on "
                "what they recorded and signed.",
            ).format(full_name=account.full_name, name=account.name),
        )
        if sure == QMessageBox.StandardButton.Yes:
            self._run(self.clinic.deactivate_user, account)


class SecuritySettingsDialog(FormDialog):
    """The idle time before the window locks, and the meanings a signature may have (the first is the default)."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(translate("SecuritySettingsDialog", "Security settings"), parent)
        from ..services.settings import DEFAULT_IDLE_MINUTES

        self.clinic = clinic
        current = clinic.security_settings()
        self.idle = QSpinBox(self)
        named(self.idle, "security.idle_minutes")
        self.idle.setRange(1, 480)
        self.idle.setSuffix(translate("SecuritySettingsDialog", " minutes"))
        self.idle.setValue(current.idle_minutes)
        self.idle.setToolTip(
            translate("SecuritySettingsDialog", "Default {minutes} minutes").format(minutes=DEFAULT_IDLE_MINUTES)
        )
        self.meanings = QPlainTextEdit("\n".join(current.signature_meanings), self)
        named(self.meanings, "security.signature_meanings")
        self.meanings.setTabChangesFocus(True)
        self.form.addRow(translate("SecuritySettingsDialog", "Lock the window after"), self.idle)
        self.form.addRow(
            translate("SecuritySettingsDialog", "Meanings of a signature\n(one per line; the first is the default)"),
            self.meanings,
        )

    def validate(self) -> None:
        from ..services.settings import IDLE_MINUTES, SIGNATURE_MEANINGS

        self.clinic.set_security_setting(IDLE_MINUTES, str(self.idle.value()))
        self.clinic.set_security_setting(SIGNATURE_MEANINGS, self.meanings.toPlainText())
