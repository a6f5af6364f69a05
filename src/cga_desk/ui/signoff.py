"""Sign-off actions on a patient's visits: sign several at once, amend with a reason, earlier versions."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ..domain.errors import CgaDeskError
from ..domain.records import VisitView
from ..forms import messages, vocabulary
from ..i18n import format_date
from ..services.clinic import Clinic
from .errors import show_error
from .language import translate


def sign(parent: QWidget, clinic: Clinic, visits: list[VisitView]) -> bool:
    if not visits:
        show_error(parent, CgaDeskError(translate("signoff", "Select one or more complete visits to sign.")))
        return False
    try:
        clinic.sign_visits([v.id for v in visits])
    except CgaDeskError as error:
        show_error(parent, error)
        return False
    return True


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
        return clinic.amend_visit(visit.id, reason)
    except CgaDeskError as error:
        show_error(parent, error)
        return None


def versions_text(clinic: Clinic, visit: VisitView) -> str:
    versions = clinic.visit_versions(visit.id)
    if not versions:
        return translate("signoff", "This visit has not been amended: there is no earlier version.")
    lines = []
    for v in versions:
        s = v.snapshot.get("scores", {})
        imwg = s.get("imwg") or {}
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
