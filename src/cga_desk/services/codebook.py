"""The codebook of the analysis dataset: every column's meaning, range and direction (docs/clinical-rules.md sections 1 and 12).

Item wording comes from the instruments' SPEC objects (forms/), so the codebook and the forms a nurse
fills in never disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..forms import charlson, katz, lawton
from ..forms.change import CHANGE_SCORES

if TYPE_CHECKING:
    import pandas as pd

CODEBOOK_COLUMNS = ("column", "meaning", "range", "direction")
_NO_BASELINE = "empty = no baseline, or either side incomplete (never 0)"

# column -> (meaning, range, direction), in the order of docs/clinical-rules.md section 12.
_SCORES: dict[str, tuple[str, str, str]] = {
    "patient_id": ("Study ID of the patient (the only patient identifier of a de-identified export)", "text", ""),
    "visit_date": ("Date of the assessment visit (the visit date, never the data-entry time)", "YYYY-MM-DD", ""),
    "timepoint": ("Protocol timepoint of the visit, or 'Unscheduled'", "text", ""),
    "status": (
        "Visit status: draft (being entered), complete (all instruments answered), signed (by a physician)",
        "draft, complete, signed",
        "",
    ),
    "is_baseline": (
        "1 = this visit is the patient's effective baseline: the visit marked baseline or, when none "
        "is marked, the earliest visit with Katz, Lawton and Charlson complete",
        "0-1",
        "1 = baseline",
    ),
    "baseline_date": (
        "Date of the baseline this visit is compared with (the most recent marked baseline on or "
        "before the visit); empty = no baseline",
        "YYYY-MM-DD",
        "",
    ),
    "days_from_baseline": ("Days from the baseline visit to this visit; empty = no baseline", "0 or more", ""),
    "age_years": ("Age in completed years on the visit date", "whole years", ""),
    "katz_adl": (
        "Katz Index of Independence in ADL, Hartford 0-6 dichotomous version; empty = incomplete",
        "0-6",
        katz.SPEC.direction,
    ),
    "lawton_iadl": (
        "Lawton-Brody IADL, all eight domains for every sex; empty = incomplete",
        "0-8",
        lawton.SPEC.direction,
    ),
    "cci": (
        "Charlson Comorbidity Index, unadjusted, the index disease excluded; empty = incomplete",
        "0-33 (0-37 when a total was entered from paper)",
        charlson.SPEC.direction,
    ),
    "cci_age_adjusted": (
        "CCI + age points (50-59: 1, 60-69: 2, 70-79: 3, 80 or more: 4); information only, "
        "never used by the IMWG score",
        "0-41",
        "higher = more risk",
    ),
    "ecog": ("ECOG performance status; empty = not recorded (optional)", "0-4", "higher = worse"),
    "imwg_score": (
        "IMWG frailty score (Palumbo 2015): age + CCI + ADL + IADL points; empty = an instrument incomplete",
        "0-5",
        "higher = frailer",
    ),
    "imwg_category": (
        "IMWG category: score 0 fit, 1 intermediate, 2 or more frail",
        "fit, intermediate, frail",
        "fit < intermediate < frail",
    ),
    "imwg_points_age": ("IMWG age points: 75 or under 0, 76-80 1, 81 or over 2", "0-2", "higher = frailer"),
    "imwg_points_cci": ("IMWG CCI point: 1 when CCI is 2 or more", "0-1", "higher = frailer"),
    "imwg_points_adl": ("IMWG ADL point: 1 when Katz ADL is 4 or less", "0-1", "higher = frailer"),
    "imwg_points_iadl": ("IMWG IADL point: 1 when Lawton IADL is 5 or less", "0-1", "higher = frailer"),
    "simplified_frailty_score": (
        "Simplified frailty score (Facon 2020): IMWG age points + (CCI 2 or more: 1) + "
        "ECOG points (0: 0, 1: 1, 2 or more: 2); empty when ECOG is not recorded",
        "0-5",
        "higher = frailer",
    ),
    "simplified_frailty_category": (
        "Simplified frailty category: 0-1 non-frail, 2 or more frail",
        "non-frail, frail",
        "non-frail < frail",
    ),
    "adl_dependency": ("ADL dependency count, derived: 6 - katz_adl", "0-6", "higher = more dependent"),
    "iadl_dependency": ("IADL dependency count, derived: 8 - lawton_iadl", "0-8", "higher = more dependent"),
    "change_katz_adl": (f"katz_adl at this visit - katz_adl at baseline; {_NO_BASELINE}", "-6 to +6", ""),
    "change_lawton_iadl": (f"lawton_iadl at this visit - lawton_iadl at baseline; {_NO_BASELINE}", "-8 to +8", ""),
    "change_cci": (f"cci at this visit - cci at baseline; {_NO_BASELINE}", "-37 to +37", ""),
    "change_imwg_score": (f"imwg_score at this visit - imwg_score at baseline; {_NO_BASELINE}", "-5 to +5", ""),
    "imwg_category_change": (
        "IMWG category transition since baseline, '<baseline> -> <this visit>' (e.g. "
        "'fit -> frail'); empty when unchanged, or either side missing or no baseline",
        "text",
        "",
    ),
}
for _key, _sign in CHANGE_SCORES.items():  # the direction of a change follows forms.change (one rule)
    _m, _r, _ = _SCORES[f"change_{_key}"]
    _SCORES[f"change_{_key}"] = (_m, _r, "negative = decline" if _sign < 0 else "positive = decline")

IDENTIFYING: dict[str, tuple[str, str, str]] = {
    "patient_name": ("Patient name (identifying: absent from a de-identified export)", "text", ""),
    "birth_date": ("Birth date (identifying: absent from a de-identified export)", "YYYY-MM-DD", ""),
}

SCORE_COLUMNS: tuple[str, ...] = tuple(_SCORES)


def _katz() -> dict[str, tuple[str, str, str]]:
    out = {}
    for it in katz.SPEC.items:
        ind, dep = (it.option(c).label for c in (katz.INDEPENDENT, katz.DEPENDENT))
        out[f"katz_{it.code}"] = (
            f"Katz ADL item '{it.label}': 1 = {ind}; 0 = {dep}; empty = not answered "
            "item by item (a total from paper, or not assessable)",
            "0-1",
            "1 = independent",
        )
    return out


def _lawton() -> dict[str, tuple[str, str, str]]:
    out = {}
    for it in lawton.SPEC.items:
        options = "; ".join(
            f"{o.code} = {o.label} ({o.points} point{'s' if o.points != 1 else ''})" for o in it.options
        )
        out[f"lawton_{it.code}"] = (
            f"Lawton IADL domain '{it.label}': the option number chosen: {options}",
            f"1-{len(it.options)}",
            "option number, not points: lower = more independent",
        )
    return out


def _charlson() -> dict[str, tuple[str, str, str]]:
    return {
        f"charlson_{it.code}": (
            f"Charlson condition '{it.label}' (weight {charlson.WEIGHTS[it.code]}). {it.help}",
            "0-1",
            "1 = present (ticked)",
        )
        for it in charlson.SPEC.items
    }


ITEMS: dict[str, tuple[str, str, str]] = {**_katz(), **_lawton(), **_charlson()}
ITEM_COLUMNS: tuple[str, ...] = tuple(ITEMS)


def codebook_frame(deidentified: bool = False) -> pd.DataFrame:
    """One row per dataset column (column, meaning, range, direction), in the dataset's order."""
    import pandas as pd

    entries = {**_SCORES, **ITEMS, **({} if deidentified else IDENTIFYING)}
    return pd.DataFrame([(c, *v) for c, v in entries.items()], columns=list(CODEBOOK_COLUMNS))
