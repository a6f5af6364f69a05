"""Electronic signatures of visits: the hash of the signed content, and the words shown wherever a
signed visit appears (21 CFR 11.50: the printed name, the date and time, and the meaning).

The signed content is what a physician reviews: the visit's identity (patient, date, timepoint,
revision), the respondent, every instrument's answers with its form version, and the scores with the
scoring version. The baseline mark is left out on purpose: it changes comparisons, not the visit, and
stays settable on a signed visit. The hash is computed from the VisitView however it was read, so the
patient page, the reports and `cga-desk history` all check it the same way.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from ..domain.audit_chain import Break
from ..domain.records import SIGNED, SignatureView, VisitView
from ..forms import messages
from ..persistence.tables import Signature
from ..persistence.uow import UnitOfWork

DEFAULT_MEANINGS = ("Reviewed and approved", "Reviewed", "Approved with comments in the record")
INVALID = messages.SIGNATURE_INVALID  # the English words (the CLI and documents); shown translated by messages
signature_line = messages.signature_line  # the words, from the message catalogue


def signed_content(v: VisitView) -> dict[str, Any]:
    return {
        "patient": v.study_id,
        "visit_date": v.visit_date.isoformat(),
        "timepoint": v.timepoint,
        "revision": v.revision,
        "respondent": v.respondent,
        "instruments": {
            code: {
                "form_version": s.form_version,
                "answers": s.answers,
                "total": s.total,
                "not_assessable_reason": s.not_assessable_reason,
            }
            for code, s in sorted(v.instruments.items())
        },
        "scores": v.scores,
    }


def content_hash(v: VisitView) -> str:
    text = json.dumps(signed_content(v), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def to_signature_view(row: Signature) -> SignatureView:
    return SignatureView(row.signer, row.full_name, _aware(row.signed_at), row.meaning, row.revision, row.content_hash)


def with_signatures(uow: UnitOfWork, views: Sequence[VisitView]) -> list[VisitView]:
    """The views with their current signature attached and checked against the stored content."""
    signed = [(v.id, v.revision) for v in views if v.status == SIGNED]
    found = uow.signatures.current(signed)
    out = []
    for v in views:
        row = found.get(v.id) if v.status == SIGNED else None
        if row is None:
            out.append(v)
            continue
        out.append(
            dataclasses.replace(
                v, signature=to_signature_view(row), signature_valid=row.content_hash == content_hash(v)
            )
        )
    return out


def signed_visits_check(uow: UnitOfWork) -> Iterator[Break]:
    """For `cga-desk audit verify` (services.audit.CHECKS): every signed visit whose stored content no
    longer matches the hash its signature recorded, named as a break of the record."""
    from ..persistence import patient_reads
    from .visits import read_visits

    for patient_id, study_id in patient_reads.patients_with_signed_visits(uow.session):
        for v in read_visits(uow, patient_id, study_id):
            if v.signature_valid is False:
                yield Break(
                    f"signed visit {v.id} ({study_id} {v.visit_date.isoformat()} {v.timepoint})",
                    "changed",
                    INVALID,
                )
