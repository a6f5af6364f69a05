"""The error types every layer shares: refused input (names its field) and missing records."""

from __future__ import annotations

from ..i18n import translate


class CgaDeskError(Exception):
    """Base of the errors the program reports to a user in plain words (never a crash)."""


class ValidationError(CgaDeskError):
    """Input that breaks the clinical contract. `field` names where, e.g. ``lawton.telephone``.

    `line` is set by readers of line-oriented files (JSONL import and scoring) so that the message
    can say which line was refused.
    """

    def __init__(self, field: str, message: str, line: int | None = None) -> None:
        self.field = field
        self.message = message
        self.line = line
        super().__init__(str(self))

    def at_line(self, line: int) -> ValidationError:
        return ValidationError(self.field, self.message, line)

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.field}: {self.message}"


class NotFoundError(CgaDeskError):
    """A patient, visit or user that the caller named does not exist."""


class StateError(CgaDeskError):
    """An action that the record's state does not allow (signing a draft, editing a signed visit)."""


class PermissionDenied(CgaDeskError):
    """The current user's role may not do this (a nurse signing a visit)."""


class IncompleteVisitError(CgaDeskError):
    """Completing a visit before every required instrument is complete or marked not assessable."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__("The visit cannot be completed yet. Missing: " + "; ".join(missing))


class SignInError(PermissionDenied):
    """A password that does not match, a locked or deactivated account. The message never says
    whether the user name exists."""


class ConflictError(CgaDeskError):
    """A write refused because the visit changed since the writer read it (another workstation saved
    first): nothing was written; the caller reloads and may re-apply its change."""

    def __init__(self, changed_by: str | None, changed_at: str | None, version: int) -> None:
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.version = version  # the stored version now
        who = changed_by or translate("errors", "someone")
        when = translate("errors", " at {time}").format(time=changed_at) if changed_at else ""
        super().__init__(
            translate(
                "errors", "This visit was changed by {who}{when} on another workstation — reloaded. Nothing was saved."
            ).format(who=who, when=when)
        )
