"""Which automatic backups to keep: the newest of each of the last 7 days, 4 ISO weeks and 12 months
that have a backup (grandfather-father-son). Pure: the backup service lists and deletes the files."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def _newest_per(stamps: list[datetime], period: Callable[[datetime], Hashable], how_many: int) -> set[datetime]:
    kept: dict[Hashable, datetime] = {}
    for stamp in stamps:  # newest first: the first of each period is its newest
        key = period(stamp)
        if key not in kept:
            if len(kept) == how_many:
                break
            kept[key] = stamp
    return set(kept.values())


def to_keep(
    stamps: Iterable[datetime], daily: int = DAILY, weekly: int = WEEKLY, monthly: int = MONTHLY
) -> set[datetime]:
    """The backups (by time taken) to keep; every other automatic backup may be deleted."""
    ordered = sorted(set(stamps), reverse=True)
    return (
        _newest_per(ordered, lambda s: s.date(), daily)
        | _newest_per(ordered, lambda s: s.isocalendar()[:2], weekly)
        | _newest_per(ordered, lambda s: (s.year, s.month), monthly)
    )
