"""Every window fits the screen it opens on, from 1280x720 up (issue 18 item 2).

Sizes come from the screen's available geometry (the desktop minus panels), never from fixed pixels;
long names are elided with the full text in a tooltip so they never widen a window."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QWidget

from .naming import named

FRAME_MARGIN = 48  # room for the window manager's title bar and borders


def available(widget: QWidget) -> QRect:
    """The available geometry of the screen the widget is on (else the primary screen's)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_size(widget: QWidget, width: int, height: int) -> QSize:
    """The wanted size, capped to the screen the widget is on (its frame included)."""
    room = available(widget)
    return QSize(max(200, min(width, room.width() - 16)), max(150, min(height, room.height() - FRAME_MARGIN)))


def fit_resize(widget: QWidget, width: int, height: int) -> None:
    """Resize a window to the wanted size, or to the screen when that is smaller."""
    widget.resize(fit_size(widget, width, height))


def fit_fraction(widget: QWidget, width: float, height: float) -> None:
    """Resize a window to fractions of its screen's available geometry."""
    room = available(widget)
    fit_resize(widget, int(room.width() * width), int(room.height() * height))


def scrolling(content: QWidget, parent: QWidget | None = None, name: str = "", words: str = "") -> QScrollArea:
    """The content in a scroll area that follows its width and scrolls when it is taller than the room."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    if name:
        named(area, name, words)
    return area


class ElidedLabel(QLabel):
    """One line of text that is cut with "…" when the window is narrower than it, the full text in the
    tooltip: a 290-character name no longer widens the window to 3172 px."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self.setToolTip(text)
        super().setText(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def is_elided(self) -> bool:
        return super().text() != self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(min(hint.width(), 400), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 40))
        if shown != super().text():
            super().setText(shown)
