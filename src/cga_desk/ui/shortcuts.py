"""Keyboard shortcuts are QActions with setShortcut, never text in a button's label: the menus show
them, and a button that does the same thing names its key in its tooltip ("Print… (Ctrl+P)").

The window's shortcuts are named here once, so that a page's tooltip and the window's menu cannot
disagree. Keys that are the input of a page rather than commands (the wizard's digits, Enter, Tab and
Backspace; Enter on a focused default button or in a form) stay with the widgets' own key handling."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWidget

Keys = str | QKeySequence | QKeySequence.StandardKey

REGISTER_PATIENT: Keys = "Ctrl+N"
PATIENT_LIST: Keys = "Ctrl+L"
FIND_PATIENT: Keys = "Ctrl+F"
COHORT_VIEW: Keys = "Ctrl+K"
EXPORT_DATASET: Keys = "Ctrl+E"
QUIT: Keys = QKeySequence.StandardKey.Quit
BACK_TO_LIST: Keys = "Esc"  # on the patient page
CLOSE_WIZARD: Keys = "Esc"  # in the assessment wizard (the draft is kept)
PRINT: Keys = QKeySequence.StandardKey.Print  # in the print preview
SAVE_PDF: Keys = QKeySequence.StandardKey.Save  # in the print preview


def key_text(keys: Keys) -> str:
    """The first key of `keys` as this platform writes it ("Ctrl+P"; "⌘P" on macOS), or ''."""
    if isinstance(keys, QKeySequence.StandardKey):
        bindings = QKeySequence.keyBindings(keys)
        sequence = bindings[0] if bindings else QKeySequence()
    else:
        sequence = QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def with_key(text: str, keys: Keys) -> str:
    """A tooltip that names the key: 'Print… (Ctrl+P)'; just the text when the platform has no key."""
    shown = key_text(keys)
    return f"{text.replace('&', '')} ({shown})" if shown else text.replace("&", "")


def action(
    owner: QWidget,
    text: str,
    keys: Keys | None,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    name: str = "",
) -> QAction:
    """A QAction added to `owner` (so its shortcut works there in `context`), its tooltip naming the key."""
    act = QAction(text, owner)
    if keys is not None:
        if isinstance(keys, QKeySequence.StandardKey):
            act.setShortcuts(keys)  # every binding of the platform (Save: Ctrl+S and the Save key)
        else:
            act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(context)
        act.setToolTip(with_key(text, keys))
    if name:
        act.setObjectName(name)
    act.triggered.connect(lambda _checked=False: slot())
    owner.addAction(act)
    return act


def bind_button(button: QAbstractButton, act: QAction) -> None:
    """The button does what the action does and shows its tooltip (label without the key)."""
    button.setToolTip(act.toolTip())
    button.clicked.connect(act.trigger)
