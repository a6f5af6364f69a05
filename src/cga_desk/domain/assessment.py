"""An assessment as validated answers, and the scores computed from it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Item-level answers or a total known from paper records, or None when not assessed.
KatzAnswers = Mapping[str, "str | None"] | int | None  # item -> "independent" / "dependent"
LawtonAnswers = Mapping[str, "int | None"] | int | None  # domain -> option number (1-based)
CharlsonAnswers = Mapping[str, "bool | None"] | int | None  # condition -> ticked?


@dataclass(frozen=True)
class Assessment:
    """One set of validated answers (see forms.document.parse_assessment)."""

    birth_date: date | None = None
    assessment_date: date | None = None
    age_years: int | None = None  # given directly instead of the two dates
    katz: KatzAnswers = None
    lawton: LawtonAnswers = None
    charlson: CharlsonAnswers = None
    ecog: int | None = None


@dataclass(frozen=True)
class ScoreResult:
    """The scores of one assessment: the result document of docs/clinical-rules.md section 10."""

    age_years: int | None
    katz_adl: int | None
    lawton_iadl: int | None
    cci: int | None
    cci_age_adjusted: int | None
    ecog: int | None
    adl_dependency: int | None
    iadl_dependency: int | None
    imwg: dict[str, Any] | None  # {"score", "category", "points"}
    simplified_frailty: dict[str, Any] | None  # {"score", "category"}
    incomplete: tuple[str, ...]
    scoring_version: str
    imwg_provenance: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    item_points: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def imwg_score(self) -> int | None:
        return None if self.imwg is None else int(self.imwg["score"])

    @property
    def imwg_category(self) -> str | None:
        return None if self.imwg is None else str(self.imwg["category"])

    def as_dict(self) -> dict[str, Any]:
        return {
            "age_years": self.age_years,
            "katz_adl": self.katz_adl,
            "lawton_iadl": self.lawton_iadl,
            "cci": self.cci,
            "cci_age_adjusted": self.cci_age_adjusted,
            "ecog": self.ecog,
            "adl_dependency": self.adl_dependency,
            "iadl_dependency": self.iadl_dependency,
            "imwg": self.imwg,
            "simplified_frailty": self.simplified_frailty,
            "incomplete": list(self.incomplete),
            "scoring_version": self.scoring_version,
            "imwg_provenance": list(self.imwg_provenance),
            "flags": list(self.flags),
        }
