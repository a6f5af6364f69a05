"""A confirmation shown where the user is looking: a short message over the top of the page, which
fades after a few seconds (issue 18: "visit completed" was only in the status bar, below the fold of a
small screen). The same words also go to the status bar (its history) and to a screen reader, which is
told through an accessibility Alert event; the label's object name is "notice"."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPropertyAnimation, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QPalette
from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QWidget

from .naming import named
from .style import contrast

SHOWN_MS = 4000  # fully visible, then
FADE_MS = 800  # fading out


class Notice(QLabel):
    """A label floating over the top centre of `over` (a page or the window's central widget); it does
    not take the focus or the mouse, so typing and clicking carry on underneath."""

    def __init__(self, over: QWidget, below: QWidget | None = None) -> None:
        super().__init__(over)
        self.below = below  # shown under this widget when it is visible (the DEMO banner)
        named(self, "notice")  # spoken: its text, the message itself
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        palette = self.palette()
        # The palette's tooltip colours (a light or a dark theme's), whose contrast the platform chose.
        background, text = palette.color(QPalette.ColorRole.ToolTipBase), palette.color(QPalette.ColorRole.ToolTipText)
        if contrast(background, text) < 4.5:
            background, text = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
        self.setStyleSheet(
            f"QLabel#notice {{ background-color: {background.name()}; color: {text.name()};"
            f" border: 2px solid {text.name()}; border-radius: 6px; padding: 10px 18px; font-weight: bold; }}"
        )
        self.opacity = QGraphicsOpacityEffect(self)
        self.opacity.setOpacity(1.0)
        self.setGraphicsEffect(self.opacity)
        self.fade = QPropertyAnimation(self.opacity, b"opacity", self)
        self.fade.setDuration(FADE_MS)
        self.fade.setStartValue(1.0)
        self.fade.setEndValue(0.0)
        self.fade.setEasingCurve(QEasingCurve.Type.InQuad)
        self.fade.finished.connect(self.hide)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.fade.start)
        over.installEventFilter(self)  # follows the page's size
        self.hide()

    def show_message(self, text: str, ms: int = SHOWN_MS) -> None:
        self.fade.stop()
        self.opacity.setOpacity(1.0)
        self.setText(text)
        self.setAccessibleDescription(text)
        self._place()
        self.show()
        self.raise_()
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))
        self.timer.start(ms)

    def _place(self) -> None:
        over = self.parentWidget()
        if over is None:
            return
        width = min(max(320, over.width() * 2 // 3), max(over.width() - 24, 100))
        self.setFixedWidth(width)
        self.adjustSize()
        top = self.below.geometry().bottom() + 1 if self.below is not None and self.below.isVisible() else 0
        self.move((over.width() - self.width()) // 2, top + 12)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
