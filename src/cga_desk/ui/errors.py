"""Two kinds of error: the environment's and refused input get a plain message; bugs get the crash
dialog and a log entry."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.errors import CgaDeskError, IncompleteVisitError, ValidationError
from ..domain.privacy import make_private, private_folder, safe_traceback
from .language import translate
from .naming import named

log = logging.getLogger("cga_desk")


def explain(error: BaseException) -> str:
    if isinstance(error, IncompleteVisitError):
        missing = translate("errors", "This visit cannot be completed yet. Still missing:")
        return missing + "\n\n• " + "\n• ".join(error.missing)
    if isinstance(error, ValidationError):
        from .patient_dialog import field_label

        return f"{field_label(error.field)}: {error.message}"
    return str(error)


def show_error(parent: QWidget | None, error: BaseException, title: str = "CGA Desk") -> None:
    """A refused action or an environment problem: say it plainly; nothing was lost."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, explain(error), QMessageBox.StandardButton.Ok, parent)
    named(box, "error.message")
    box.exec()


def is_expected(error: BaseException) -> bool:
    return isinstance(error, (CgaDeskError, OSError))


def install_crash_handler(log_file: Path) -> None:
    """Log every uncaught exception and show it in a dialog the user can copy from. The log and the
    dialog's details hold the exception's type and frames, never its message (domain/privacy.py): no
    patient data; the log folder is 0700 and the log 0600."""
    private_folder(log_file.parent)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    make_private(log_file)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = safe_traceback(kind, error, tb)
        log.error("uncaught exception\n%s", details)
        if is_expected(error):
            show_error(None, error)
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            translate("errors", "CGA Desk — unexpected error"),
            translate(
                "errors",
                "CGA Desk met an error it did not expect. Your answers saved so far are kept.\nThe details were written to {log_file}.",
            ).format(log_file=log_file),
            QMessageBox.StandardButton.Ok,
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook
