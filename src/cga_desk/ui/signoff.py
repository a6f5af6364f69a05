"""Sign-off actions on a patient's visits: sign several at once, amend with a reason, earlier versions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QInputDialog, QLabel, QMessageBox, QWidget

from ..domain import access
from ..domain.errors import CgaDeskError, ConflictError
from ..domain.records import VisitView
from ..forms import change, messages, registry, vocabulary
from ..i18n import format_date
from ..services.clinic import Clinic
from .errors import show_error
from .language import translate
from .naming import named
from .signin import password_edit
from .visit_dialogs import FormDialog


class SignDialog(FormDialog):
    """The signing ceremony: which visits, the meaning of the signature, and the signer's password again.
    A wrong password is refused by the service (and counts towards the lock-out); nothing is signed, and
    the dialog stays for another try. A visit changed elsewhere since the page showed it cannot be signed
    as shown however often it is tried: the dialog closes, keeping the refusal in `conflict`, so that the
    page can show the visits as stored now before saying why (`sign`)."""

    def __init__(self, clinic: Clinic, visits: list[VisitView], parent: QWidget | None = None) -> None:
        super().__init__(translate("SignDialog", "Sign visits"), parent)
        self.clinic, self.visits = clinic, visits
        named(self, "sign.dialog")
        self.signed: list[VisitView] = []
        self.conflict: ConflictError | None = None
        user = clinic.user
        listed = "\n".join(
            f"• {v.study_id} · {vocabulary.timepoint(v.timepoint)} · {format_date(v.visit_date)}" for v in visits
        )
        signs = (
            translate("SignDialog", "{name} signs 1 visit:")
            if len(visits) == 1
            else translate("SignDialog", "{name} signs {count} visits:")
        ).format(name=user.display_name if user else "", count=len(visits))
        self.what = what = QLabel(
            f"{signs}\n{listed}\n\n"
            + translate(
                "SignDialog",
                "The signature records your name, the date and time, its meaning and a fingerprint "
                "of what you sign: a later change to the visit shows it as invalid.",
            ),
            self,
        )
        what.setWordWrap(True)
        named(what, "sign.visits")
        self.form.addRow(what)
        self.meaning = QComboBox(self)
        named(self.meaning, "sign.meaning")
        for meaning in clinic.signature_meanings():  # the first is the clinic's default
            self.meaning.addItem(messages.meaning_word(meaning), meaning)  # shown translated, stored as listed
        self.password = password_edit(self, "sign.password", translate("SignDialog", "your password, again, to sign"))
        self.form.addRow(translate("SignDialog", "Meaning"), self.meaning)
        self.form.addRow(translate("SignDialog", "Password"), self.password)
        self.password.setFocus()
        box = self.findChild(QDialogButtonBox)
        if box is not None:
            box.button(QDialogButtonBox.StandardButton.Ok).setText(translate("SignDialog", "Sign"))

    def validate(self) -> None:
        try:
            # Each visit as the physician saw it: one changed since (another workstation) refuses them all.
            self.signed = self.clinic.sign_visits(
                [v.id for v in self.visits],
                self.password.text(),
                self.meaning.currentData() or self.meaning.currentText(),
                expected={v.id: v.version for v in self.visits},
            )
        except ConflictError as error:
            self.conflict = error
            raise
        finally:
            self.password.clear()
            self.password.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Focus starts in the password (the meaning is the clinic's default): the physician types it and
        presses Enter, as on the sign-in page."""
        super().showEvent(event)
        self.password.setFocus()

    def _on_ok_clicked(self) -> None:
        super()._on_ok_clicked()
        if self.conflict is not None:
            self.reject()


def sign(parent: QWidget, clinic: Clinic, visits: list[VisitView], reload: Callable[[], None] | None = None) -> bool:
    """The signing dialog for `visits`; True when they were signed. `reload` (the page showing them) runs
    once the dialog has closed, signed or not; a refusal because a visit changed elsewhere is said after it,
    over the visits as stored now."""
    if not visits:
        show_error(parent, CgaDeskError(translate("signoff", "Select one or more complete visits to sign.")))
        return False
    try:
        access.require(clinic.user, access.SIGN)  # said before the password is asked (the service checks too)
    except CgaDeskError as error:
        show_error(parent, error)
        return False
    dialog = SignDialog(clinic, visits, parent)
    signed = bool(dialog.exec())
    if reload is not None:
        reload()
    if dialog.conflict is not None:
        show_error(parent, dialog.conflict)
    return signed


def amend(parent: QWidget, clinic: Clinic, visit: VisitView | None) -> VisitView | None:
    if visit is None:
        show_error(parent, CgaDeskError(translate("signoff", "Select the signed visit to amend.")))
        return None
    reason, ok = QInputDialog.getText(
        parent,
        translate("signoff", "Amend a signed visit"),
        translate(
            "signoff", "Why must the signed {timepoint} visit of {date} be changed? (kept with the earlier version)"
        ).format(timepoint=vocabulary.timepoint(visit.timepoint), date=format_date(visit.visit_date)),
    )
    if not ok:
        return None
    try:
        return clinic.amend_visit(visit.id, reason, expected=visit.version)
    except CgaDeskError as error:
        show_error(parent, error)
        return None


def _answers(instruments: dict[str, Any]) -> dict[str, Any]:
    """{instrument: answers} of a kept version's snapshot."""
    return {k: (v.get("answers") if isinstance(v, dict) else None) for k, v in instruments.items()}


def _totals(instruments: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.get("total") if isinstance(v, dict) else None) for k, v in instruments.items()}


def answer_changes(then: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """What an amendment changed, in words: one line per changed item (forms.change.item_changes, the rule
    the trends page and the reports use), and the grade of an instrument without items (ECOG);
    `then` and `now` are snapshots' "instruments" (code -> answers and total)."""
    lines = messages.item_changes(change.item_changes(_answers(now), _answers(then)), with_instrument=True)
    before, after = _totals(then), _totals(now)
    for inst in registry.INSTRUMENTS:
        if not inst.item_columns and before.get(inst.code) != after.get(inst.code):
            lines.append(
                f"{vocabulary.short_title(inst)}: {before.get(inst.code, '—')} {messages.ARROW} "
                f"{after.get(inst.code, '—')}"
            )
    return lines


def versions_text(clinic: Clinic, visit: VisitView) -> str:
    versions = clinic.visit_versions(visit.id)
    if not versions:
        return translate("signoff", "This visit has not been amended: there is no earlier version.")
    current = {k: {"answers": st.answers, "total": st.total} for k, st in clinic.visit(visit.id).instruments.items()}
    following = [v.snapshot.get("instruments", {}) for v in versions[1:]] + [current]
    lines = []
    for v, after in zip(versions, following, strict=True):
        s = v.snapshot.get("scores", {})
        imwg = s.get("imwg") or {}
        changed = answer_changes(v.snapshot.get("instruments", {}), after)
        lines.append(
            translate(
                "signoff", "Revision {revision}, signed by {signer}; replaced on {when} by {by}. Reason: {reason}"
            ).format(
                revision=v.revision,
                signer=v.snapshot.get("signed_by") or "—",
                when=f"{v.superseded_at:%Y-%m-%d %H:%M}",
                by=v.superseded_by,
                reason=v.reason,
            )
            + f"\n   Katz ADL {s.get('katz_adl')}, Lawton IADL {s.get('lawton_iadl')}, CCI {s.get('cci')}, "
            f"IMWG {imwg.get('score', '—')} {messages.category_words(imwg.get('category')) if imwg.get('category') else ''}"
            + "\n   "
            + (
                translate("signoff", "Answers changed since revision {revision}:").format(revision=v.revision)
                + "".join(f"\n   • {line}" for line in changed)
                if changed
                else translate("signoff", "No answer changed since revision {revision}.").format(revision=v.revision)
            )
        )
    return "\n\n".join(lines)


def show_versions(parent: QWidget, clinic: Clinic, visit: VisitView | None) -> None:
    if visit is not None:
        QMessageBox.information(parent, translate("signoff", "Earlier versions"), versions_text(clinic, visit))


def trend_review(parent: QWidget, clinic: Clinic, study_id: str) -> bool:
    text, ok = QInputDialog.getText(
        parent,
        translate("signoff", "Trend reviewed"),
        translate("signoff", "Note (optional) for today's review of the frailty trend:"),
    )
    if not ok:
        return False
    try:
        clinic.add_trend_review(study_id, text)
    except CgaDeskError as error:
        show_error(parent, error)
        return False
    return True
