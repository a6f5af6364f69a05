"""Typed, immutable definitions of an instrument: items, options, wording, points.

The UI, the reports and the exports render every word a nurse reads from these objects, so the
wording lives here once. Scoring functions live beside each instrument's SPEC.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Points = int | float  # G8 has half points; every other instrument whole ones


@dataclass(frozen=True)
class Option:
    code: str  # option code: "independent", "2", "end_organ_damage", ...
    label: str  # full wording shown to the nurse
    points: Points


@dataclass(frozen=True)
class Item:
    code: str
    label: str
    options: tuple[Option, ...]
    help: str = ""

    def option(self, code: str) -> Option:
        for opt in self.options:
            if opt.code == code:
                return opt
        raise KeyError(code)

    @property
    def option_codes(self) -> tuple[str, ...]:
        return tuple(o.code for o in self.options)


@dataclass(frozen=True)
class InstrumentSpec:
    code: str  # "katz", "lawton", "charlson", "ecog"
    title: str
    version: str  # form version stored with every set of answers
    source: str  # citation of the wording and the points
    instructions: str
    direction: str  # e.g. "higher = more independent"
    min_total: int
    max_total: int
    items: tuple[Item, ...] = field(default_factory=tuple)

    def item(self, code: str) -> Item:
        for it in self.items:
            if it.code == code:
                return it
        raise KeyError(code)

    @property
    def item_codes(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.items)


@dataclass(frozen=True)
class InstrumentScore:
    """The pure result of scoring one instrument: never a partial total."""

    total: Points | None  # None when any item is missing
    item_points: dict[str, Points]  # the points of every answered item
    missing: tuple[str, ...]  # item codes not answered, in form order
    flags: tuple[str, ...] = ()  # notes for the reader (e.g. both members of a Charlson pair ticked)

    @property
    def complete(self) -> bool:
        return self.total is not None
