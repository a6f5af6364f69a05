"""What the window remembers between runs (QSettings): its geometry and state, splitter positions and
the last folder of each file dialog. Clinical data and report settings live in the database, never here.

Where: Qt's place for the organisation and application below (on Linux ~/.config/CGA Desk/CGA Desk.conf,
on Windows the registry under HKEY_CURRENT_USER\\Software\\CGA Desk), or an ini file in the folder named
by CGA_DESK_SETTINGS_DIR: tests, the self-test and the screenshot script point it at a temporary folder
so that they never read or write the user's own settings."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QSplitter, QWidget

ORGANISATION = "CGA Desk"
APPLICATION = "CGA Desk"
SETTINGS_DIR_ENV = "CGA_DESK_SETTINGS_DIR"
INI_NAME = "cga-desk.ini"


def name_application(app: QCoreApplication) -> None:
    """Set once where the QApplication is made (app.py): QSettings and QStandardPaths use these names."""
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)


def settings() -> QSettings:
    """A handle on the settings; cheap to make (Qt shares one cache per file), so made where needed."""
    folder = os.environ.get(SETTINGS_DIR_ENV)
    if folder:
        return QSettings(str(Path(folder) / INI_NAME), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)  # the names explicitly: scripts make windows without app.py


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore_window(window: QMainWindow) -> None:
    store = settings()
    if (geometry := _bytes(store.value("window/geometry"))) is not None:
        window.restoreGeometry(geometry)
    if (state := _bytes(store.value("window/state"))) is not None:
        window.restoreState(state)


def save_window(window: QMainWindow) -> None:
    """The window's geometry and state, and the position of every splitter in it that has a name."""
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState())
    for splitter in window.findChildren(QSplitter):
        if splitter.objectName():
            store.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())


def restore_splitter(splitter: QSplitter, name: str) -> None:
    """Name the splitter (save_window keeps its position under that name) and put it where it was left.
    Splitters are often built after the window (pages made when first shown), hence restored here."""
    splitter.setObjectName(name)
    if (state := _bytes(settings().value(f"splitters/{name}"))) is not None:
        splitter.restoreState(state)


def last_folder(kind: str) -> str:
    """The folder last used for this kind of file ("export", "report", "import"), or '' (Qt's default)."""
    folder = settings().value(f"folders/{kind}", "")
    return folder if isinstance(folder, str) and folder and Path(folder).is_dir() else ""


def remember_folder(kind: str, chosen_file: str) -> None:
    settings().setValue(f"folders/{kind}", str(Path(chosen_file).parent))


def save_file_name(parent: QWidget, kind: str, caption: str, suggested: str, filters: str) -> tuple[str, str]:
    """QFileDialog.getSaveFileName starting in the folder last used for `kind`; remembers the new one."""
    folder = last_folder(kind)
    start = str(Path(folder) / suggested) if folder else suggested
    name, chosen_filter = QFileDialog.getSaveFileName(parent, caption, start, filters)
    if name:
        remember_folder(kind, name)
    return name, chosen_filter
