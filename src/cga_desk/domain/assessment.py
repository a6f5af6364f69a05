"""An assessment as validated answers, and the scores computed from it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Per instrument (keyed by its code, see forms.registry): item-level answers (item -> answer), a total
# known from paper records, or None when not assessed.
InstrumentAnswers = Mapping[str, Any] | int | None


@dataclass(frozen=True)
class Assessment:
    """One set of validated answers (see forms.document.parse_assessment)."""

    birth_date: date | None = None
    assessment_date: date | None = None
    age_years: int | None = None  # given directly instead of the two dates
    answers: Mapping[str, InstrumentAnswers] = field(default_factory=dict)  # instrument code -> answers

    def of(self, instrument: str) -> InstrumentAnswers:
        return self.answers.get(instrument)


@dataclass(frozen=True)
class ScoreResult:
    """The scores of one assessment: the result document of docs/clinical-rules.md section 10.

    `entries` holds what each instrument adds to the document (its total, and derived keys such as
    `adl_dependency` or `cci_age_adjusted`), in the registry's order; `totals` the instruments' totals by code.
    """

    age_years: int | None
    entries: dict[str, Any]
    totals: dict[str, Any]
    imwg: dict[str, Any] | None  # {"score", "category", "points"}
    simplified_frailty: dict[str, Any] | None  # {"score", "category"}
    incomplete: tuple[str, ...]
    scoring_version: str
    imwg_provenance: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    item_points: dict[str, dict[str, Any]] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        return self.entries.get(key)

    @property
    def imwg_score(self) -> int | None:
        return None if self.imwg is None else int(self.imwg["score"])

    @property
    def imwg_category(self) -> str | None:
        return None if self.imwg is None else str(self.imwg["category"])

    def as_dict(self) -> dict[str, Any]:
        return {
            "age_years": self.age_years,
            **self.entries,
            "imwg": self.imwg,
            "simplified_frailty": self.simplified_frailty,
            "incomplete": list(self.incomplete),
            "scoring_version": self.scoring_version,
            "imwg_provenance": list(self.imwg_provenance),
            "flags": list(self.flags),
        }
