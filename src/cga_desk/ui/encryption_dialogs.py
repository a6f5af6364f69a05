"""The window's faces of encryption at rest (issue 15): the new database's recovery key, shown once with
Print and a confirmation that it was kept; and "Forgot every administrator password?" on the sign-in
page, where the recovery key opens the database and sets a new administrator password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ValidationError
from ..services.clinic import Clinic
from .language import translate
from .naming import named
from .visit_dialogs import FormDialog


class RecoveryKeyDialog(QDialog):
    """The recovery key in large characters, Print, and OK only once "I have printed or written it down
    and will keep it in a safe" is ticked. Closing the window otherwise is not possible: Escape is ignored."""

    def __init__(self, recovery_key: str, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.where = where
        self.setWindowTitle(translate("RecoveryKeyDialog", "The recovery key of this database"))
        named(self, "recovery.dialog")
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "RecoveryKeyDialog",
                "This database is encrypted: it is unlocked by signing in. If every administrator password is "
                "ever lost, only this recovery key opens it again (Forgot every administrator password? on the "
                "sign-in page). It is shown only now. Print it or write it down, and keep it in a safe, away "
                "from the computer: whoever has it and a copy of the database can read every patient in it.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.key_label = QLabel(recovery_key, self)
        named(self.key_label, "recovery.key")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(translate("RecoveryKeyDialog", "Print…"), self)
        named(self.print_button, "recovery.print")
        self.print_button.clicked.connect(self.print_key)
        self.kept = QCheckBox(
            translate(
                "RecoveryKeyDialog", "I have printed or written down the recovery key and will keep it in a safe"
            ),
            self,
        )
        named(self.kept, "recovery.kept")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.kept.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        printing = QHBoxLayout()
        printing.addWidget(self.print_button)
        printing.addStretch(1)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addLayout(printing)
        layout.addWidget(self.kept)
        layout.addWidget(self.buttons)

    def page_text(self) -> str:
        """What is printed: the key, the database it opens, what to do with it."""
        return "\n".join(
            (
                translate("RecoveryKeyDialog", "CGA Desk — recovery key"),
                "",
                translate("RecoveryKeyDialog", "Database: {where}").format(where=self.where),
                "",
                self.recovery_key,
                "",
                translate(
                    "RecoveryKeyDialog",
                    "Keep this page in a safe. With it, an administrator password can be set again: sign-in page, "
                    "Forgot every administrator password?, or cga-desk recover --db DATABASE --recovery-key-file FILE.",
                ),
            )
        )

    def print_key(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            document = QTextDocument()
            document.setPlainText(self.page_text())
            document.print_(printer)

    def reject(self) -> None:  # Escape or the title bar's close: the key must be acknowledged first
        if self.kept.isChecked():
            super().reject()


def show_recovery_key(parent: QWidget, recovery_key: str, where: str) -> None:
    RecoveryKeyDialog(recovery_key, where, parent).exec()


class RecoverDialog(FormDialog):
    """The recovery key, the administrator's user name (existing or new) and a new password twice."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(translate("RecoverDialog", "Open the database with its recovery key"), parent)
        self.clinic = clinic
        named(self, "recover.dialog")
        note = QLabel(
            translate(
                "RecoverDialog",
                "When every administrator password is lost: type the recovery key printed on the database's first "
                "day, an administrator's user name (or a new one), and a new password twice. This is recorded in "
                "the audit trail.",
            ),
            self,
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.recovery_key = QLineEdit(self)
        named(self.recovery_key, "recover.key")
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.user_name = QLineEdit(self)
        named(self.user_name, "recover.user_name")
        self.full_name = QLineEdit(self)
        named(self.full_name, "recover.full_name")
        self.full_name.setPlaceholderText(translate("RecoverDialog", "for a new administrator"))
        self.new = QLineEdit(self)
        self.new.setEchoMode(QLineEdit.EchoMode.Password)
        named(self.new, "recover.password")
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        named(self.again, "recover.password_again")
        self.form.addRow(translate("RecoverDialog", "Recovery key"), self.recovery_key)
        self.form.addRow(translate("RecoverDialog", "Administrator's user name"), self.user_name)
        self.form.addRow(translate("RecoverDialog", "Full name"), self.full_name)
        self.form.addRow(translate("RecoverDialog", "New password"), self.new)
        self.form.addRow(translate("RecoverDialog", "New password again"), self.again)

    def validate(self) -> None:
        if self.new.text() != self.again.text():
            raise ValidationError("new_password", translate("RecoverDialog", "the two new passwords differ"))
        name = self.user_name.text().strip()
        self.clinic.recover(self.recovery_key.text(), name, self.full_name.text().strip() or name, self.new.text())
