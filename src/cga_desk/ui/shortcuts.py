"""Keyboard shortcuts are QActions with setShortcut, never text in a button's label: the menus show
them, and a button that does the same thing names its key in its tooltip ("Print… (Ctrl+P)").

The window's shortcuts are named here once, so that a page's tooltip and the window's menu cannot
disagree. Keys that are the input of a page rather than commands (the wizard's digits, Enter, Tab and
Backspace; Enter on a focused default button or in a form) stay with the widgets' own key handling.

`TABLE` is the keyboard table of the user manual (ui/manual.py fills it in, in the window's language);
tests/ui/test_manual.py checks it against every key the window's actions answer, both ways."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWidget

from ..i18n import QT_TRANSLATE_NOOP

Keys = str | QKeySequence | QKeySequence.StandardKey

REGISTER_PATIENT: Keys = "Ctrl+N"
PATIENT_LIST: Keys = "Ctrl+L"
FIND_PATIENT: Keys = "Ctrl+F"
COHORT_VIEW: Keys = "Ctrl+K"
EXPORT_DATASET: Keys = "Ctrl+E"
QUIT: Keys = QKeySequence.StandardKey.Quit
BACK_TO_LIST: Keys = "Esc"  # on the patient page
CLOSE_WIZARD: Keys = "Esc"  # in the assessment wizard (the draft is kept)
PRINT: Keys = QKeySequence.StandardKey.Print  # in the print preview; in the window: the report of what is shown
SAVE_PDF: Keys = QKeySequence.StandardKey.Save  # in the print preview
PRINT_SHOWN: Keys = PRINT  # in the window: the report of the page shown (its own window: no clash with the preview)
MANUAL: Keys = "F1"
TABS: tuple[Keys, ...] = tuple(f"Ctrl+{n}" for n in range(1, 10))  # the tabs of the page shown, in order
NEXT_TAB: Keys = "Ctrl+Tab"
PREVIOUS_TAB: Keys = "Ctrl+Shift+Tab"
CLOSE_WINDOW: Keys = "Esc"  # the print preview, the manual


@dataclass(frozen=True)
class Entry:
    """One line of the keyboard table (the manual's, made from this one): `keys` are bound to actions
    (a test checks every action's key is listed and every listed key is bound); `typed` are keys a page
    reads itself (the wizard's digits), written as they are shown."""

    where: str
    what: str
    keys: tuple[Keys, ...] = ()
    typed: str = ""


ANYWHERE = QT_TRANSLATE_NOOP("shortcuts", "Anywhere (signed in)")
LIST = QT_TRANSLATE_NOOP("shortcuts", "Patient list")
PATIENT = QT_TRANSLATE_NOOP("shortcuts", "Patient page")
WIZARD = QT_TRANSLATE_NOOP("shortcuts", "Assessment")
REVIEW = QT_TRANSLATE_NOOP("shortcuts", "Review")
PREVIEW = QT_TRANSLATE_NOOP("shortcuts", "Print preview")
HELP = QT_TRANSLATE_NOOP("shortcuts", "User manual")
TABLE: tuple[Entry, ...] = (
    Entry(ANYWHERE, QT_TRANSLATE_NOOP("shortcuts", "Find a patient (the list's search box)"), (FIND_PATIENT,)),
    Entry(ANYWHERE, QT_TRANSLATE_NOOP("shortcuts", "Patient list"), (PATIENT_LIST,)),
    Entry(ANYWHERE, QT_TRANSLATE_NOOP("shortcuts", "Register a patient"), (REGISTER_PATIENT,)),
    Entry(ANYWHERE, QT_TRANSLATE_NOOP("shortcuts", "Cohort view"), (COHORT_VIEW,)),
    Entry(ANYWHERE, QT_TRANSLATE_NOOP("shortcuts", "Export the analysis dataset"), (EXPORT_DATASET,)),
    Entry(
        ANYWHERE,
        QT_TRANSLATE_NOOP(
            "shortcuts",
            "Print the report of what is shown: the selected visit's summary, else the patient's longitudinal "
            "report; the cohort summary on the cohort view",
        ),
        (PRINT_SHOWN,),
    ),
    Entry(ANYWHERE, QT_TRANSLATE_NOOP("shortcuts", "Choose the first … ninth tab of the page"), TABS),
    Entry(ANYWHERE, QT_TRANSLATE_NOOP("shortcuts", "Next tab / previous tab"), (NEXT_TAB, PREVIOUS_TAB)),
    Entry(ANYWHERE, QT_TRANSLATE_NOOP("shortcuts", "This manual"), (MANUAL,)),
    Entry(ANYWHERE, QT_TRANSLATE_NOOP("shortcuts", "Next / previous control"), typed="Tab / Shift+Tab"),
    Entry(ANYWHERE, QT_TRANSLATE_NOOP("shortcuts", "Quit"), (QUIT,)),
    Entry(LIST, QT_TRANSLATE_NOOP("shortcuts", "Type to search by name or ID; Down arrow into the list"), typed="↓"),
    Entry(LIST, QT_TRANSLATE_NOOP("shortcuts", "Open the selected patient"), typed="Enter"),
    Entry(PATIENT, QT_TRANSLATE_NOOP("shortcuts", "Start the next due visit, or continue the draft"), typed="Enter"),
    Entry(PATIENT, QT_TRANSLATE_NOOP("shortcuts", "Back to the list"), (BACK_TO_LIST,)),
    Entry(WIZARD, QT_TRANSLATE_NOOP("shortcuts", "Pick that option and move on"), typed="1 … 9"),
    Entry(WIZARD, QT_TRANSLATE_NOOP("shortcuts", "Next question"), typed="Enter / Tab"),
    Entry(WIZARD, QT_TRANSLATE_NOOP("shortcuts", "Previous question"), typed="Backspace"),
    Entry(WIZARD, QT_TRANSLATE_NOOP("shortcuts", "Close (the draft is kept)"), (CLOSE_WIZARD,)),
    Entry(REVIEW, QT_TRANSLATE_NOOP("shortcuts", "Complete the visit"), typed="Enter"),
    Entry(PREVIEW, QT_TRANSLATE_NOOP("shortcuts", "Print"), (PRINT,)),
    Entry(PREVIEW, QT_TRANSLATE_NOOP("shortcuts", "Save as PDF"), (SAVE_PDF,)),
    Entry(PREVIEW, QT_TRANSLATE_NOOP("shortcuts", "Close"), typed="Esc"),
    Entry(HELP, QT_TRANSLATE_NOOP("shortcuts", "Close the manual"), (CLOSE_WINDOW,)),
)


def keys_text(entry: Entry) -> str:
    """The entry's keys as this platform writes them: 'Ctrl+F'; 'Ctrl+1 … Ctrl+9' for a run of keys."""
    if entry.typed:
        return entry.typed
    shown = [key_text(k) for k in entry.keys]
    if len(shown) > 2:
        return f"{shown[0]} … {shown[-1]}"
    return " / ".join(s for s in shown if s)


def table_rows() -> list[tuple[str, str, str]]:
    """(where, keys, what) for every entry, in the window's language (the manual's keyboard table)."""
    from .language import translate

    return [(translate("shortcuts", e.where), keys_text(e), translate("shortcuts", e.what)) for e in TABLE]


def listed_keys() -> set[str]:
    """Every bound key the table lists, in portable text ('Ctrl+F'), for the check against the actions."""
    out: set[str] = set()
    for entry in TABLE:
        for keys in entry.keys:
            if isinstance(keys, QKeySequence.StandardKey):
                out |= {k.toString() for k in QKeySequence.keyBindings(keys)}
            else:
                out.add(QKeySequence(keys).toString())
    return out


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
