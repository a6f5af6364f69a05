"""The audit trail's hash chain (issue 15): each event's SHA-256 covers its own content and the previous
event's hash, so changing, deleting or reordering a stored event breaks the chain where it happened.

Pure: the canonical text of an event and its hash are defined here once, for writing (persistence),
for the migration that chains the events recorded before it, and for `cga-desk audit verify`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

# The hash "before" the first event: 64 zeros, so every event has a previous hash.
GENESIS = "0" * 64
# The fields an event's hash covers, in this order (the id is left out: the chain itself is the order,
# which lets verify tell a reordered event from a changed one).
FIELDS = (
    "at",
    "user_name",
    "action",
    "entity",
    "entity_id",
    "field",
    "old_value",
    "new_value",
    "reason",
    "app_version",
)


def canonical_time(at: datetime) -> str:
    """UTC with microseconds, whatever the driver gives back: SQLite returns the stored UTC time
    without a zone, PostgreSQL an aware time in the session's zone."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(values: dict[str, object], prev_hash: str) -> bytes:
    """The bytes that are hashed: the fields in FIELDS order and the previous hash, as compact JSON."""
    items: list[object] = []
    for name in FIELDS:
        value = values.get(name)
        items.append(canonical_time(value) if isinstance(value, datetime) else value)
    items.append(prev_hash)
    return json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def event_hash(values: dict[str, object], prev_hash: str) -> str:
    return hashlib.sha256(canonical(values, prev_hash)).hexdigest()


@dataclass(frozen=True)
class ChainedEvent:
    """One stored event as verify reads it: its id, its content (FIELDS) and the two stored hashes."""

    id: int
    values: dict[str, object]
    prev_hash: str | None
    hash: str | None


@dataclass(frozen=True)
class Break:
    """Where the chain fails: the event (or signed visit) and why, in words."""

    where: str  # "audit event 17", "signed visit 12"
    why: str  # "changed", "missing", "reordered", "not chained"
    detail: str

    def __str__(self) -> str:
        return f"{self.where}: {self.why} ({self.detail})"


@dataclass
class ChainWalk:
    """The result of walking events in id order: how many, the last hash, the first break if any."""

    count: int = 0
    last_hash: str = GENESIS
    last_id: int | None = None
    failure: Break | None = None


def walk(events: Iterable[ChainedEvent], start_hash: str = GENESIS) -> ChainWalk:
    """Walk events in id order from `start_hash` (GENESIS for the whole chain, or the stored hash of the
    event before the first one given). Stops at the first break.

    - changed: the event's content no longer gives its stored hash (an UPDATE behind our back);
    - not chained: an event without a hash (inserted behind our back);
    - missing: the event's previous hash is not the hash of the event before it, and no later event has
      that hash (an event was deleted);
    - reordered: the previous hash belongs to an event stored later (events were swapped or renumbered).
    A later-event lookup needs the rest of the chain, so the walk keeps the hashes it has seen and, on a
    link mismatch, reads ahead (the iterator is consumed to the end only when a link is broken)."""
    result = ChainWalk(last_hash=start_hash)
    iterator: Iterator[ChainedEvent] = iter(events)
    expected = start_hash
    for event in iterator:
        if event.hash is None or event.prev_hash is None:
            result.failure = Break(f"audit event {event.id}", "not chained", "it has no hash: written outside CGA Desk")
            return result
        if event_hash(event.values, event.prev_hash) != event.hash:
            result.failure = Break(
                f"audit event {event.id}",
                "changed",
                "its content no longer matches the hash stored when it was written",
            )
            return result
        if event.prev_hash != expected:
            later = {e.hash: e.id for e in iterator}
            if event.prev_hash in later:
                detail = f"it follows event {later[event.prev_hash]}, which is stored after it"
                result.failure = Break(f"audit event {event.id}", "reordered", detail)
            else:
                after = f"event {result.last_id}" if result.last_id is not None else "the start of the trail"
                detail = f"an event between {after} and this one was deleted"
                result.failure = Break(f"audit event {event.id}", "missing", detail)
            return result
        expected = event.hash
        result.count += 1
        result.last_hash = event.hash
        result.last_id = event.id
    return result
