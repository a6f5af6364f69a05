"""IMWG frailty score (IMWG-CGA, 0-5), the simplified frailty score (Facon 2020) and age.

Sources: Palumbo A et al., Blood 2015;125(13):2068-74 (IMWG score and cut-offs, restated in
Bonello F et al., Blood Cancer J 2021); Facon T et al., Leukemia 2020;34(1):224-233 (simplified
score). Spec: docs/clinical-rules.md sections 1, 5 and 6.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FIT, INTERMEDIATE, FRAIL = "fit", "intermediate", "frail"
NON_FRAIL = "non-frail"

# IMWG cut-offs (Palumbo 2015): a point when ADL <= 4, IADL <= 5, CCI >= 2.
ADL_POINT_AT_OR_BELOW = 4
IADL_POINT_AT_OR_BELOW = 5
CCI_POINT_AT_OR_ABOVE = 2


def age_in_completed_years(birth: date, on: date) -> int:
    """Floor of completed years: the day before the 76th birthday is still 75.

    A 29 February birthday is reached on 1 March in common years (the day after 28 February).
    """
    before_birthday = (on.month, on.day) < (birth.month, birth.day)
    return on.year - birth.year - int(before_birthday)


def age_points(age_years: int) -> int:
    """IMWG age component: <= 75 -> 0, 76-80 -> 1, >= 81 -> 2."""
    if age_years <= 75:
        return 0
    return 1 if age_years <= 80 else 2


@dataclass(frozen=True)
class ImwgScore:
    score: int
    category: str
    points: dict[str, int]  # age, cci, adl, iadl
    provenance: tuple[str, ...]  # one line per component, e.g. "IADL 5/8 ≤ 5 → +1"

    def as_dict(self) -> dict[str, object]:
        return {"score": self.score, "category": self.category, "points": dict(self.points)}


def imwg_category(score: int) -> str:
    return FIT if score == 0 else INTERMEDIATE if score == 1 else FRAIL


def _age_line(age: int, pts: int) -> str:
    if pts == 0:
        return f"Age {age} ≤ 75 → +0"
    if pts == 1:
        return f"Age {age} (76-80) → +1"
    return f"Age {age} ≥ 81 → +2 (frail on age alone)"


def imwg(age_years: int, katz_adl: int, lawton_iadl: int, cci: int) -> ImwgScore:
    """The IMWG frailty score from complete totals only (callers pass None-free values)."""
    points = {
        "age": age_points(age_years),
        "cci": int(cci >= CCI_POINT_AT_OR_ABOVE),
        "adl": int(katz_adl <= ADL_POINT_AT_OR_BELOW),
        "iadl": int(lawton_iadl <= IADL_POINT_AT_OR_BELOW),
    }
    provenance = (
        _age_line(age_years, points["age"]),
        f"CCI {cci} {'≥ 2' if points['cci'] else '≤ 1'} → +{points['cci']}",
        f"ADL {katz_adl}/6 {'≤ 4' if points['adl'] else '≥ 5'} → +{points['adl']}",
        f"IADL {lawton_iadl}/8 {'≤ 5' if points['iadl'] else '≥ 6'} → +{points['iadl']}",
    )
    total = sum(points.values())
    return ImwgScore(total, imwg_category(total), points, provenance)


def simplified_frailty(age_years: int, cci: int, ecog: int) -> dict[str, object]:
    """Facon 2020: age points as IMWG + (CCI >= 2 -> 1) + ECOG (0 -> 0, 1 -> 1, >= 2 -> 2); >= 2 frail."""
    total = age_points(age_years) + int(cci >= CCI_POINT_AT_OR_ABOVE) + min(ecog, 2)
    return {"score": total, "category": FRAIL if total >= 2 else NON_FRAIL}
