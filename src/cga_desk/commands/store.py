"""`cga-desk import` and `cga-desk history`: the command-line faces of the store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from ..domain.errors import CgaDeskError, ValidationError
from ..domain.limits import STUDY_ID_MAX, check_text, one_line
from ..domain.records import ImportSummary
from ..interop.jsonl import read_jsonl
from .auth import Credentials, refusal, signed_in_store

EXIT_OK, EXIT_ENVIRONMENT, EXIT_REFUSED = 0, 1, 2


def _stored(
    db_url: str | None, file: str, store: Callable[[Any, Any], ImportSummary], err: TextIO, creds: Credentials
) -> ImportSummary | int:
    """Run one import in one transaction (run again after a deadlock, bounded), as the signed-in user;
    the exit status (and a message) when it is refused or fails."""
    from ..persistence.uow import retrying

    try:
        with signed_in_store(db_url, creds) as (db, user):

            def attempt() -> ImportSummary:
                with db.unit_of_work() as uow:
                    return store(uow, user)

            return retrying(attempt)
    except ValidationError as exc:
        print(f"cga-desk import: refused {file}: {one_line(str(exc))}. Nothing from this file was imported.", file=err)
        return EXIT_REFUSED
    except CgaDeskError as exc:
        if (status := refusal("import", exc, err)) is not None:
            return status
        print(f"cga-desk import: {one_line(str(exc))}", file=err)
        return EXIT_ENVIRONMENT


def run_import(db_url: str | None, file: str, out: TextIO, err: TextIO, creds: Credentials) -> int:
    from ..services.importing import import_records

    path = Path(file)
    try:
        with path.open(encoding="utf-8") as stream:
            lines = list(read_jsonl(stream))
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"cga-desk import: cannot read {file}: {reason}", file=err)
        return EXIT_ENVIRONMENT
    summary = _stored(db_url, file, lambda uow, by: import_records(uow, by, lines), err, creds)
    if isinstance(summary, int):
        return summary
    print(
        f"Imported {file}: {summary.lines} lines, {summary.patients_created} new patients, "
        f"{summary.visits_created} new visits, {summary.visits_unchanged} already present.",
        file=out,
    )
    return EXIT_OK


def run_redcap_import(
    db_url: str | None, file: str, dictionary: str | None, out: TextIO, err: TextIO, creds: Credentials
) -> int:
    from ..interop.redcap import check_dictionary, read_redcap
    from ..services.redcap_import import import_redcap

    if not dictionary:
        print("cga-desk import: --format redcap needs --dictionary DICT.csv (the project's data dictionary)", file=err)
        return EXIT_REFUSED
    try:
        with open(dictionary, encoding="utf-8-sig", newline="") as stream:
            check_dictionary(stream)
        with open(file, encoding="utf-8-sig", newline="") as stream:
            records = list(read_redcap(stream))
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"cga-desk import: cannot read {exc.filename if isinstance(exc, OSError) else file}: {reason}", file=err)
        return EXIT_ENVIRONMENT
    except ValidationError as exc:
        print(f"cga-desk import: refused {file}: {one_line(str(exc))}. Nothing was imported.", file=err)
        return EXIT_REFUSED
    summary = _stored(db_url, file, lambda uow, by: import_redcap(uow, by, records), err, creds)
    if isinstance(summary, int):
        return summary
    print(f"Imported {file}: {summary.patients_created} new patients, {summary.visits_created} new visits.", file=out)
    return EXIT_OK


def _fmt(value: object) -> str:
    return "—" if value is None else f"{value:+d}" if isinstance(value, int) else str(value)


def print_history_table(doc: dict, out: TextIO) -> None:
    print(
        f"Patient {doc['patient']['id']}  (Katz ADL 0-6 and Lawton IADL 0-8: higher = more independent; "
        "CCI and IMWG 0-5: higher = worse)",
        file=out,
    )
    print(
        f"{'date':<11} {'timepoint':<22} {'ADL':>3} {'IADL':>4} {'CCI':>3} {'IMWG':<16} {'Δ ADL':>5} {'Δ IADL':>6} "
        f"{'Δ CCI':>5} {'Δ IMWG':>6}  note",
        file=out,
    )
    for v in doc["visits"]:
        s, c = v["scores"], v["change_from_baseline"]
        imwg = f"{s['imwg']['score']} {s['imwg']['category']}" if s.get("imwg") else "incomplete"
        cells = ["no baseline"] if c is None else [_fmt(c[k]) for k in ("katz_adl", "lawton_iadl", "cci", "imwg_score")]
        note = "BASELINE" if v["is_baseline"] else ("declined: " + ", ".join(v["declined"]) if v["declined"] else "")
        if v["imwg_category_change"]:
            note = (note + "; " if note else "") + v["imwg_category_change"]
        if v.get("signature"):
            mark = "signed" if v["signature"]["valid"] is not False else "SIGNATURE INVALID"
            note = (note + "; " if note else "") + mark
        row = " ".join(f"{x:>5}" for x in cells) if c is not None else f"{cells[0]:>27}"
        print(
            f"{v['date']:<11} {v['timepoint'][:22]:<22} {_fmt(s.get('katz_adl')).lstrip('+'):>3} "
            f"{_fmt(s.get('lawton_iadl')).lstrip('+'):>4} {_fmt(s.get('cci')).lstrip('+'):>3} {imwg:<16} {row}  {note}",
            file=out,
        )


def run_history(
    db_url: str | None, patient_id: str, as_json: bool, out: TextIO, err: TextIO, creds: Credentials
) -> int:
    from ..persistence.database import require_database
    from ..services.audit import record_disclosure
    from ..services.history import history_document, patient_history
    from ..services.signatures import INVALID

    try:
        patient_id = check_text(patient_id, "PATIENT_ID", STUDY_ID_MAX, required=True) or ""
    except ValidationError as exc:
        print(f"cga-desk history: refused: {one_line(str(exc))}", file=err)
        return EXIT_REFUSED
    try:
        require_database(db_url)  # never a new, empty database from a mistyped --db
        with signed_in_store(db_url, creds) as (db, user):
            with db.unit_of_work(write=False) as uow:
                history = patient_history(uow, user, patient_id)
                doc = history_document(history)
            with db.unit_of_work() as uow:  # recorded before anything is printed (issue 15)
                what = "history (JSON)" if as_json else "history"
                shown = f"identity, {len(doc['visits'])} visits with scores and change from baseline"
                record_disclosure(uow, user, what, "patient", patient_id, shown)
    except CgaDeskError as exc:  # an unknown patient included: exit 1 with the message
        if (status := refusal("history", exc, err)) is not None:
            return status
        print(f"cga-desk history: {one_line(str(exc))}", file=err)
        return EXIT_ENVIRONMENT
    if as_json:
        print(json.dumps(doc, ensure_ascii=False, indent=2), file=out)
    else:
        print_history_table(doc, out)
    invalid = [r.visit for r in history.rows if r.visit.signature_valid is False]
    for v in invalid:
        print(
            f"cga-desk history: {patient_id} {v.visit_date.isoformat()} {v.timepoint}: {INVALID}",
            file=err,
        )
    return EXIT_ENVIRONMENT if invalid else EXIT_OK
