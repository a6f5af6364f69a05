"""The window's side of protecting the record (issue 15): the audit chain checked at every sign-in (the
newest events) and on demand (all of it, administrators), automatic backups at sign-in and on close,
and backing up, restoring and choosing the backup folder from the File menu (administrators)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..domain.records import ADMIN
from ..i18n import QT_TRANSLATE_NOOP
from ..services.clinic import Clinic
from .errors import show_error
from .language import translate
from .naming import named
from .worker import run_in_background, run_off_thread

START_CHECK = 500  # the newest events checked at every sign-in (the whole chain: File > Verify audit trail)


def broken_message(describe: str) -> str:
    return translate(
        "protect",
        "The audit trail has been changed outside CGA Desk, or is damaged.\n\n"
        "{describe}\n\n"
        "Nothing has been changed by this check. Tell your administrator: the trail can be checked in full "
        "with File > Verify audit trail or `cga-desk audit verify`, and the database restored from a backup.",
    ).format(describe=describe)


def check_at_sign_in(parent: QWidget, clinic: Clinic) -> bool:
    """Check the newest events; say so plainly when they fail. True when intact."""
    result = clinic.check_audit(newest=START_CHECK)
    if not result.ok:
        box = QMessageBox(
            QMessageBox.Icon.Critical, translate("protect", "CGA Desk — audit trail"), broken_message(result.describe())
        )
        box.setParent(parent, box.windowFlags())
        named(box, "audit.broken")
        box.exec()
    return result.ok


def _admin(parent: QWidget, clinic: Clinic, what: str) -> bool:
    user = clinic.user
    if user is not None and user.role == ADMIN:
        return True
    QMessageBox.information(
        parent,
        "CGA Desk",
        translate("protect", "Only an administrator can {what}.").format(what=translate("protect", what)),
    )
    return False


def open_audit_trail(parent: QWidget, clinic: Clinic) -> None:
    if _admin(parent, clinic, QT_TRANSLATE_NOOP("protect", "read the audit trail")):
        from .audit_viewer import AuditViewer
        from .style import keyboard_friendly

        viewer = keyboard_friendly(AuditViewer(clinic, parent))
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()


def verify_all(parent: QWidget, clinic: Clinic) -> None:
    if not _admin(parent, clinic, QT_TRANSLATE_NOOP("protect", "check the whole audit trail")):
        return

    def done(result: object) -> None:
        if result.ok:  # type: ignore[attr-defined]
            QMessageBox.information(parent, translate("protect", "CGA Desk — audit trail"), result.describe())  # type: ignore[attr-defined]
        else:
            words = broken_message(result.describe())  # type: ignore[attr-defined]
            QMessageBox.critical(parent, translate("protect", "CGA Desk — audit trail"), words)

    run_in_background(
        parent,
        translate("protect", "Checking the audit trail…"),
        lambda _p: clinic.check_audit(),
        done,
        lambda e: show_error(parent, e),
    )


def auto_backup(parent: QWidget, clinic: Clinic, force: bool, status: object = None) -> None:
    """At sign-in: quietly on a thread, today's backup if none yet. On close (`force`): one more, waited for."""
    if clinic.database_file() is None:
        return
    if force:
        try:
            clinic.auto_backup(True)
        except Exception as error:  # noqa: BLE001 - closing must not stop on a full backup disk: say it
            show_error(parent, error, translate("protect", "CGA Desk — backup on close"))
        return

    def done(made: object) -> None:
        if made is not None and made.made is not None and status is not None:  # type: ignore[attr-defined]
            status.showMessage(translate("protect", "Backed up to {file}").format(file=made.made), 10000)  # type: ignore[attr-defined]

    run_off_thread(parent, lambda _p: clinic.auto_backup(False), done, lambda e: show_error(parent, e))


def backup_now(parent: QWidget, clinic: Clinic) -> None:
    if not _admin(parent, clinic, QT_TRANSLATE_NOOP("protect", "back up the database")) or not _sqlite(parent, clinic):
        return

    def done(made: object) -> None:
        QMessageBox.information(parent, "CGA Desk", translate("protect", "Backed up to {file}.").format(file=made.made))  # type: ignore[attr-defined]

    run_in_background(
        parent,
        translate("protect", "Backing up…"),
        lambda _p: clinic.auto_backup(True),
        done,
        lambda e: show_error(parent, e),
    )


def choose_backup_folder(parent: QWidget, clinic: Clinic) -> None:
    if not _admin(parent, clinic, QT_TRANSLATE_NOOP("protect", "choose the backup folder")) or not _sqlite(
        parent, clinic
    ):
        return
    current = str(clinic.backup_folder() or "")
    folder = QFileDialog.getExistingDirectory(parent, translate("protect", "Folder for the automatic backups"), current)
    if folder:
        try:
            clinic.set_backup_folder(folder)
        except Exception as error:  # noqa: BLE001 - a refused folder is said plainly
            show_error(parent, error)


def restore_from_backup(parent: QWidget, clinic: Clinic, then_close: object) -> None:
    """Pick a backup, confirm, restore (checked first; refused with the database untouched), then close:
    every page holds what it read from the database that was replaced."""
    if not _admin(parent, clinic, QT_TRANSLATE_NOOP("protect", "restore the database")) or not _sqlite(parent, clinic):
        return
    name, _ = QFileDialog.getOpenFileName(
        parent,
        translate("protect", "Restore from a backup"),
        str(clinic.backup_folder() or ""),
        translate("protect", "CGA Desk backups (*.sqlite3);;All files (*)"),
    )
    if not name:
        return
    answer = QMessageBox.question(
        parent,
        translate("protect", "Restore?"),
        translate(
            "protect",
            "Replace the database with the backup {name}?\n\nThe backup is checked first; the current "
            "database is kept beside it. Close CGA Desk on every other workstation first. CGA Desk closes afterwards.",
        ).format(name=Path(name).name),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return

    def done(result: object) -> None:
        kept = result.kept  # type: ignore[attr-defined]
        QMessageBox.information(
            parent,
            translate("protect", "CGA Desk — restored"),
            translate("protect", "Restored from {name}.").format(name=name)
            + f"\n\n{result.check.describe()}\n\n"  # type: ignore[attr-defined]
            + (
                translate("protect", "The database it replaced is kept at {kept}.").format(kept=kept) + "\n\n"
                if kept
                else ""
            )
            + translate("protect", "CGA Desk will now close; start it again."),
        )
        then_close()  # type: ignore[operator]

    run_in_background(
        parent,
        translate("protect", "Checking and restoring the backup…"),
        lambda _p: clinic.restore(name),
        done,
        lambda e: show_error(parent, e),
    )


def new_recovery_key(parent: QWidget, clinic: Clinic) -> str | None:
    """Replace the recovery key (a lost one, or one no longer safe): confirm, replace, then show the new
    one once as on the first day (Print…, OK only once it is kept). Returns the new key, or None."""
    if not _admin(parent, clinic, QT_TRANSLATE_NOOP("protect", "replace the recovery key")):
        return None  # (the menu shows it only on an encrypted database; the service refuses a plain one)
    answer = QMessageBox.question(
        parent,
        translate("protect", "New recovery key?"),
        translate(
            "protect",
            "Make a new recovery key for this database?\n\nThe old recovery key will no longer open it. It still "
            "opens the backups made before now: destroy the old key once those backups are gone. The new key is "
            "shown once, to print or write down.",
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        recovery_key = clinic.replace_recovery_key()
    except Exception as error:  # noqa: BLE001 - refused or the environment's: said plainly
        show_error(parent, error)
        return None
    from .encryption_dialogs import show_recovery_key

    show_recovery_key(parent, recovery_key, str(clinic.database_file() or clinic.store.url))
    return recovery_key


def _sqlite(parent: QWidget, clinic: Clinic) -> bool:
    if clinic.database_file() is not None:
        return True
    QMessageBox.information(
        parent,
        "CGA Desk",
        translate(
            "protect", "This database is on a PostgreSQL server: it is backed up with pg_dump (docs/security.md)."
        ),
    )
    return False
