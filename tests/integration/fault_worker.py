"""Worker processes of the fault tests (test_faults.py): a nurse or a physician at a workstation of
their own, acting on shared visits as fast as they can, printing one JSON line per acknowledged write
(after it returned: what the user was told was saved). Each signs in to an account the test made
(PASSWORD), and a physician signs visits with that password, as the window asks.

    python fault_worker.py race URL ROLE SEED OPS VISIT_IDS   # nurse / physician on shared visits
    python fault_worker.py save URL SEED VISIT_IDS            # one nurse saving until killed

Only the program's own plain errors (CgaDeskError) are expected; anything else ends the worker with
a traceback, which the test counts as a failure.
"""

from __future__ import annotations

import json
import random
import sys
import time
from typing import Any

from cga_desk.app import open_store
from cga_desk.domain.errors import CgaDeskError, ConflictError, StateError
from cga_desk.domain.records import VisitView
from cga_desk.forms import katz
from cga_desk.persistence.database import Database
from cga_desk.persistence.uow import StorageError
from cga_desk.services import users
from cga_desk.services.clinic import Clinic
from tests.store_fixtures import PASSWORD, cheap_hasher

users.HASHER = cheap_hasher()  # the accounts' hashes were made with it: no rehash at sign-in

ITEMS: list[tuple[str, str, list[Any]]] = (
    [("katz", c, ["independent", "dependent"]) for c in katz.SPEC.item_codes]
    + [("lawton", c, [1, 2]) for c in ("telephone", "shopping", "finances")]
    + [("ecog", "ecog", [0, 1, 2, 3])]
)


def content(view: VisitView) -> dict[str, Any]:
    """What a signature covers: every instrument's answers, total and not-assessable mark."""
    return {
        name: {"answers": s.answers, "total": s.total, "na": s.not_assessable_reason}
        for name, s in sorted(view.instruments.items())
    }


def signed_in(db: Database, name: str) -> Clinic:
    clinic = Clinic(db)
    clinic.sign_in(name, PASSWORD)
    return clinic


def say(**event: Any) -> None:
    print(json.dumps(event, sort_keys=True), flush=True)


def nurse(clinic: Clinic, rng: random.Random, visit_ids: list[int], counts: dict[str, int]) -> None:
    vid = rng.choice(visit_ids)
    seen = clinic.visit(vid)
    if seen.status == "draft" and not seen.missing and rng.random() < 0.3:
        done = clinic.complete_visit(vid, expected=seen.version)
        say(kind="complete", visit=vid, version=done.version)
        return
    instrument, item, values = rng.choice(ITEMS)
    value = rng.choice(values)
    for _attempt in range(2):  # refused by a change elsewhere: reloaded, applied again once (the R key)
        try:
            view = clinic.save_answer(vid, instrument, item, value, expected=seen.version)
        except ConflictError:
            counts["conflict"] += 1
            seen = clinic.visit(vid)
            continue
        say(kind="answer", visit=vid, instrument=instrument, item=item, value=value, version=view.version)
        return


def physician(clinic: Clinic, rng: random.Random, visit_ids: list[int], counts: dict[str, int]) -> None:
    vid = rng.choice(visit_ids)
    read = clinic.visit(vid)
    if read.status == "complete":
        signed = clinic.sign_visits([vid], PASSWORD, expected={vid: read.version})[0]
        if content(signed) != content(read):  # the signature must cover exactly what was read
            say(kind="violation", visit=vid, read=content(read), signed=content(signed))
        say(kind="sign", visit=vid, revision=signed.revision, version=signed.version, content=content(signed))
    elif read.status == "signed" and rng.random() < 0.5:
        amended = clinic.amend_visit(vid, "fault test: correction", expected=read.version)
        say(kind="amend", visit=vid, revision=amended.revision, version=amended.version)
    else:  # nothing to sign yet: look again a moment later, as a physician would (spreads the race)
        time.sleep(rng.uniform(0.01, 0.05))


def race(url: str, role: str, seed: int, ops: int, visit_ids: list[int]) -> None:
    rng = random.Random(seed)
    db = open_store(url)
    clinic = signed_in(db, f"{role} {seed}")
    counts = {"conflict": 0, "state": 0, "storage": 0, "other": 0}
    act = physician if role == "physician" else nurse
    try:
        for _ in range(ops):
            try:
                act(clinic, rng, visit_ids, counts)
            except ConflictError:
                counts["conflict"] += 1
            except StateError:
                counts["state"] += 1
            except StorageError:
                counts["storage"] += 1
            except CgaDeskError:
                counts["other"] += 1
    finally:
        db.close()
    say(kind="done", user=clinic.user.name if clinic.user else None, **counts)


def save_until_killed(url: str, seed: int, visit_ids: list[int]) -> None:
    rng = random.Random(seed)
    db = open_store(url)
    clinic = signed_in(db, f"nurse {seed}")
    while True:
        vid = rng.choice(visit_ids)
        instrument, item, values = rng.choice(ITEMS)
        value = rng.choice(values)
        try:
            view = clinic.save_answer(vid, instrument, item, value)
        except CgaDeskError:
            continue
        say(kind="answer", visit=vid, instrument=instrument, item=item, value=value, version=view.version)


if __name__ == "__main__":
    command, url = sys.argv[1], sys.argv[2]
    if command == "race":
        race(url, sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), [int(v) for v in sys.argv[6].split(",")])
    else:
        save_until_killed(url, int(sys.argv[3]), [int(v) for v in sys.argv[4].split(",")])
