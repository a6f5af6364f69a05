"""The idle lock: after the clinic's idle time without keyboard or mouse input the window locks behind
the signed-in user's password. Everything open stays open underneath (pages, drafts, the wizard, even
a dialog half filled in), covered so that no patient data shows. Another user may sign in instead: then
what was open is discarded (the first user's draft stays stored, theirs) and the new user starts at the
patient list. Audited by the services (screen_locked, screen_unlocked, sign_in, sign_out)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ..domain.errors import CgaDeskError
from ..services.clinic import Clinic
from .language import translate
from .naming import named
from .signin import form_column, password_edit

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits idle() after `start(ms)` milliseconds without keyboard or mouse input anywhere in the program
    (an event filter on the application restarts a single-shot timer)."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timeout)
        self._installed = False

    def start(self, ms: int) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self.timer.start(max(1, ms))

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()  # again from now
        return False

    def _on_timeout(self) -> None:
        self.stop()
        self.idle.emit()


class Cover(QLabel):
    """An opaque sheet over a window's contents while the program is locked (the window stays as it was)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(translate("LockScreen", "CGA Desk is locked."), window)
        named(self, "lock.cover")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)
        self.setGeometry(0, 0, 20000, 20000)  # whatever size the window is given while locked
        self.raise_()
        self.show()


class NewWindowWatcher(QObject):
    """While locked: a window that opens by itself (a report preview or a message at the end of work
    running in the background) is covered at once, and the lock is shown again on top of it."""

    def __init__(self, lock: LockScreen, main: QWidget, covers: list[Cover]) -> None:
        super().__init__(lock)
        self.lock, self.main, self.covers = lock, main, covers
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)  # not menus, tooltips
            and watched is not self.lock
            and watched is not self.main
            and not any(c.parent() is watched for c in self.covers)
        ):
            self.covers.append(Cover(watched))
            QTimer.singleShot(0, self.lock, self._show_lock_again)
        return False

    def _show_lock_again(self) -> None:
        """The newest modal window takes the keyboard: showing the lock again makes that the lock."""
        if self.lock.isVisible() and not self.lock._done:
            self.lock.hide()
            start_lock(self.lock, self.main)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QDialog):
    """The locked window's prompt: the signed-in user's password, or someone else's sign-in. Application
    modal (shown without a nested event loop), so it takes the keyboard even over a dialog that was open;
    Esc and closing do not dismiss it."""

    unlocked = Signal()
    switched = Signal()  # another user signed in

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.first = clinic.user
        assert self.first is not None
        self.setWindowTitle(translate("LockScreen", "CGA Desk — locked"))
        named(self, "lock.screen")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self._done = False
        layout, self.title, self.intro, self.form, self.error = form_column(self, "lock")
        self.user_name = QLineEdit(self)
        named(self.user_name, "lock.user_name")
        self.password = password_edit(self, "lock.password")
        self.form.addRow(translate("LockScreen", "User name"), self.user_name)
        self.form.addRow(translate("LockScreen", "Password"), self.password)
        self.go = QPushButton(self)
        named(self.go, "lock.go")
        self.go.setDefault(True)
        self.go.clicked.connect(self._on_go_clicked)
        self.other = QPushButton(self)
        named(self.other, "lock.other")
        self.other.clicked.connect(self._on_other_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.go)
        buttons.addWidget(self.other)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.someone_else = False
        self._show_mode(False)

    def _show_mode(self, someone_else: bool) -> None:
        self.someone_else = someone_else
        self.form.setRowVisible(self.user_name, someone_else)
        self.password.clear()
        self.user_name.clear()
        self.error.clear()
        assert self.first is not None
        if someone_else:
            self.title.setText(translate("LockScreen", "Sign in as someone else"))
            self.intro.setText(
                translate(
                    "LockScreen",
                    "Signing in closes what {name} had open; their draft visits stay stored as "
                    "theirs. You start at the patient list.",
                ).format(name=self.first.display_name)
            )
            self.go.setText(translate("LockScreen", "Sign in"))
            self.other.setText(translate("LockScreen", "Back to {name}").format(name=self.first.display_name))
            self.user_name.setFocus()
        else:
            self.title.setText(translate("LockScreen", "Locked — {name}").format(name=self.first.display_name))
            self.intro.setText(
                translate(
                    "LockScreen",
                    "CGA Desk locked itself after a while without input. {name} "
                    "({user}): your password brings back everything as you left it.",
                ).format(name=self.first.display_name, user=self.first.name)
            )
            self.go.setText(translate("LockScreen", "Unlock"))
            self.other.setText(translate("LockScreen", "Sign in as someone else"))
            self.password.setFocus()

    def _on_other_clicked(self) -> None:
        self._show_mode(not self.someone_else)

    def _on_go_clicked(self) -> None:
        assert self.first is not None
        try:
            if self.someone_else:
                self.clinic.sign_in(self.user_name.text().strip(), self.password.text())
            else:
                self.clinic.unlock_screen(self.password.text())
        except CgaDeskError as error:
            self.error.setText(str(error))
            self.password.clear()
            self.password.setFocus()
            return
        self._done = True
        same = self.clinic.user is not None and self.clinic.user.name == self.first.name
        self.accept()
        if self.someone_else and not same:
            self.switched.emit()
        else:
            self.unlocked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter in the user name moves to the password; elsewhere it presses the default button."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.user_name.hasFocus():
            self.password.setFocus()
        else:
            super().keyPressEvent(event)

    def reject(self) -> None:  # Esc does not dismiss the lock
        if self._done:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._done:
            super().closeEvent(event)
        else:
            event.ignore()


def covered_windows(main: QWidget, lock: QWidget | None) -> list[QWidget]:
    """The program's other visible windows (dialogs, previews) that would show data while locked."""
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not main and w is not lock]


def start_lock(lock: LockScreen, over: QWidget) -> None:
    """Show the lock over `over`'s area and give it the keyboard."""
    lock.setGeometry(over.geometry())
    lock.show()  # a new modal window: on top of the others
    lock.activateWindow()
    handle = lock.windowHandle()
    if handle is not None:
        handle.requestActivate()
    QTimer.singleShot(0, lock, lock.password.setFocus)  # cancelled if the lock is gone by then
