"""Recording audit events: who, when, what, old -> new, why, with the program's version; each event is
chained to the one before it (domain/audit_chain.py), and `verify` walks the chain (issue 15)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ..domain.audit_chain import FIELDS, GENESIS, Break, ChainedEvent, canonical_time, walk
from ..domain.records import AuditView, User
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..interop.export import write_rows_csv
from ..persistence import audit_chain
from ..persistence.tables import AuditEvent
from ..persistence.uow import UnitOfWork
from ..version import __version__


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    return value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False, sort_keys=True)


def record(
    uow: UnitOfWork,
    by: User,
    action: str,
    entity: str,
    entity_id: object,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
    reason: str | None = None,
) -> None:
    uow.audit.add(
        AuditEvent(
            user_name=by.name,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            field=field,
            old_value=as_text(old),
            new_value=as_text(new),
            reason=reason,
            app_version=__version__,
        )
    )


def _view(e: AuditEvent) -> AuditView:
    return AuditView(
        e.at, e.user_name, e.action, e.entity, e.entity_id, e.field, e.old_value, e.new_value, e.reason, e.app_version
    )


def trail(uow: UnitOfWork, entity: str, entity_id: object) -> list[AuditView]:
    return [_view(e) for e in uow.audit.for_entity(entity, str(entity_id))]


def full_trail(uow: UnitOfWork, by: User) -> list[AuditView]:
    from ..domain import access

    access.require(by, access.AUDIT)
    return [_view(e) for e in uow.audit.all()]


def record_disclosure(uow: UnitOfWork, by: User, what: str, entity: str, entity_id: object, detail: str) -> None:
    """A read that shows or carries patient data out (a patient's page, a report, an export, a history):
    one event per action, committed before the data is shown or written (issue 15)."""
    record(uow, by, "disclose", entity, entity_id, what, None, detail)
    uow.commit()


# --- verifying the chain --------------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    """What `cga-desk audit verify` and the window's start-up check report."""

    events: int  # events checked
    last_hash: str  # the newest event's hash (GENESIS for an empty trail)
    failure: Break | None  # the first event (or signed visit) that fails, and why
    partial: bool = False  # only the newest events were checked

    @property
    def ok(self) -> bool:
        return self.failure is None

    def describe(self) -> str:
        if self.failure is not None:
            return translate("services", "audit trail BROKEN at {failure}").format(failure=self.failure)
        scope = (
            translate("services", "newest {events} events intact")
            if self.partial
            else translate("services", "audit trail intact: {events} events")
        ).format(events=self.events)
        return translate("services", "{scope}, last {hash}").format(scope=scope, hash=self.last_hash[:16])


# Further checks run after the chain walk, each yielding the breaks it finds (first one reported): the
# signature hashes of signed visits (issue 13), so an edited signed visit fails `audit verify` too.
Check = Callable[[UnitOfWork], Iterator[Break]]


def _signed_visits(uow: UnitOfWork) -> Iterator[Break]:
    from .signatures import signed_visits_check

    return signed_visits_check(uow)


CHECKS: list[Check] = [_signed_visits]


def latest_hash(uow: UnitOfWork) -> str:
    """The newest event's hash: printed on every report footer and export codebook as an anchor."""
    return audit_chain.chain_head(uow.session)[1]


def anchor_text(uow: UnitOfWork) -> str:
    """How a printed page names the chain's state: "audit chain <16 hex digits>" (what verify --anchor takes)."""
    return translate("services", "audit chain {hash}").format(hash=latest_hash(uow)[:16])  # words in the language


def verify(uow: UnitOfWork, newest: int | None = None, anchor: str | None = None) -> Verification:
    """Walk the whole chain (or only the `newest` events, trusting the hash stored before them), then the
    CHECKS. `anchor`: a hash prefix printed earlier (a report footer, a codebook); it must still be in
    the chain, which catches the one change a chain alone cannot: the newest events cut off the end."""
    start_id = None if newest is None else audit_chain.newest_ids_start(uow.session, newest)
    start_hash = GENESIS if start_id is None else audit_chain.hash_before(uow.session, start_id)
    prefix = (anchor or "").strip().lower()
    found: list[int] = []

    def watched(events: Iterator[ChainedEvent]) -> Iterator[ChainedEvent]:
        for event in events:
            if prefix and not found and (event.hash or "").startswith(prefix):
                found.append(event.id)
            yield event

    result = walk(watched(audit_chain.chained_events(uow.session, start_id)), start_hash)
    failure = result.failure
    if failure is None and prefix and not found and not GENESIS.startswith(prefix):
        failure = Break(
            "the end of the trail",
            "missing",
            f"no event has the hash {prefix} printed earlier: the events after it were removed, "
            "or it was printed from another database",
        )
    if failure is None:
        for check in CHECKS:
            try:
                failure = next(check(uow), None)
            except Exception as error:  # noqa: BLE001 - damaged data (a backup with zeroed pages): a break, not a crash
                failure = Break("the stored records", "cannot be read", f"{type(error).__name__} while checking them")
            if failure is not None:
                break
    return Verification(result.count, result.last_hash, failure, partial=newest is not None)


# --- reading the trail (the viewer, `cga-desk audit export`) ---------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    """What the viewer and the export show: a patient (its own, its visits' and its reports' events), a
    user, an action, and a range of days (inclusive, the computer's local days taken as UTC)."""

    study_id: str | None = None
    user: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None

    def describe(self) -> str:
        parts = [
            f"{translate('services', name)} {value}"
            for name, value in (
                (QT_TRANSLATE_NOOP("services", "patient"), self.study_id),
                (QT_TRANSLATE_NOOP("services", "user"), self.user),
                (QT_TRANSLATE_NOOP("services", "action"), self.action),
                (QT_TRANSLATE_NOOP("services", "from"), self.since),
                (QT_TRANSLATE_NOOP("services", "to"), self.until),
            )
            if value is not None
        ]
        return ", ".join(parts) or translate("services", "all events")


# id, at_utc, user, action, entity, entity_id, field, old_value, new_value, reason, hash
AUDIT_COLUMNS = ("id", "at_utc", "user", *FIELDS[2:-1], "hash")


def trail_page(uow: UnitOfWork, filters: AuditFilter, after_id: int = 0, limit: int = 500) -> list[tuple[Any, ...]]:
    """The next `limit` events after `after_id` matching `filters` (AUDIT_COLUMNS), in id order."""
    since = datetime.combine(filters.since, time.min, UTC) if filters.since else None
    before = datetime.combine(filters.until + timedelta(days=1), time.min, UTC) if filters.until else None
    rows = audit_chain.filtered_rows(
        uow.session, filters.study_id, filters.user, filters.action, since, before, after_id, limit
    )
    return [(r[0], canonical_time(r[1]), *r[2:]) for r in rows]


def export_trail(
    uow_factory: Callable[..., UnitOfWork], by: User, filters: AuditFilter, out: Path, exact: bool = False
) -> int:
    """The events `filters` select, as CSV at `out` (read a page at a time, written whole or not at all);
    the export is itself audited (the trail holds patients' data). Returns how many events were written."""
    count = 0
    with uow_factory(write=False) as uow:

        def rows() -> Iterator[tuple[Any, ...]]:
            nonlocal count
            last = 0
            while page := trail_page(uow, filters, last, 2_000):
                count += len(page)
                yield from page
                last = int(page[-1][0])

        write_rows_csv(out, list(AUDIT_COLUMNS), rows(), exact)
    with uow_factory() as uow:
        what = f"{count} events: {filters.describe()}"
        record_disclosure(uow, by, "audit trail export", "audit", str(out.resolve()), what)
    return count
