"""The analysis dataset's original columns (docs/clinical-rules.md 12), written once, with their codebook entries.

This is the spec's fixed list: its names and order never change, so a dataset exported today lines up
with one exported before. Everything else is generated from the registry (forms/registry.py): the item
columns of every instrument, and the columns of instruments appended after this list. A direction left
empty here is the instrument's own (`InstrumentSpec.direction`, found by the column's `total_key`), and
the direction of a change column comes from `registry.CHANGE_KEYS` (one rule with the history document).
"""

from __future__ import annotations

from .instrument import Column

NO_BASELINE = "empty = no baseline, or either side incomplete (never 0)"

# In the order of docs/clinical-rules.md section 12. Kinds: integer (exported as pandas Int64, empty = not
# available), text, date.
CORE_COLUMNS: tuple[Column, ...] = (
    Column(
        "patient_id",
        "Study ID of the patient (the only patient identifier of a de-identified export)",
        "text",
        "",
        "text",
    ),
    Column(
        "visit_date",
        "Date of the assessment visit (the visit date, never the data-entry time)",
        "YYYY-MM-DD",
        "",
        "date",
    ),
    Column("timepoint", "Protocol timepoint of the visit, or 'Unscheduled'", "text", "", "text"),
    Column(
        "status",
        "Visit status: draft (being entered), complete (all instruments answered), signed (by a physician)",
        "draft, complete, signed",
        "",
        "text",
    ),
    Column(
        "is_baseline",
        "1 = this visit is the patient's effective baseline: the visit marked baseline or, when none "
        "is marked, the earliest visit with Katz, Lawton and Charlson complete",
        "0-1",
        "1 = baseline",
    ),
    Column(
        "baseline_date",
        "Date of the baseline this visit is compared with (the most recent marked baseline on or "
        "before the visit); empty = no baseline",
        "YYYY-MM-DD",
        "",
        "date",
    ),
    Column("days_from_baseline", "Days from the baseline visit to this visit; empty = no baseline", "0 or more"),
    Column("age_years", "Age in completed years on the visit date", "whole years"),
    Column(
        "katz_adl", "Katz Index of Independence in ADL, Hartford 0-6 dichotomous version; empty = incomplete", "0-6"
    ),
    Column("lawton_iadl", "Lawton-Brody IADL, all eight domains for every sex; empty = incomplete", "0-8"),
    Column(
        "cci",
        "Charlson Comorbidity Index, unadjusted, the index disease excluded; empty = incomplete",
        "0-33 (0-37 when a total was entered from paper)",
    ),
    Column(
        "cci_age_adjusted",
        "CCI + age points (50-59: 1, 60-69: 2, 70-79: 3, 80 or more: 4); information only, "
        "never used by the IMWG score",
        "0-41",
        "higher = more risk",
    ),
    Column("ecog", "ECOG performance status; empty = not recorded (optional)", "0-4", "higher = worse"),
    Column(
        "imwg_score",
        "IMWG frailty score (Palumbo 2015): age + CCI + ADL + IADL points; empty = an instrument incomplete",
        "0-5",
        "higher = frailer",
    ),
    Column(
        "imwg_category",
        "IMWG category: score 0 fit, 1 intermediate, 2 or more frail",
        "fit, intermediate, frail",
        "fit < intermediate < frail",
        "text",
    ),
    Column("imwg_points_age", "IMWG age points: 75 or under 0, 76-80 1, 81 or over 2", "0-2", "higher = frailer"),
    Column("imwg_points_cci", "IMWG CCI point: 1 when CCI is 2 or more", "0-1", "higher = frailer"),
    Column("imwg_points_adl", "IMWG ADL point: 1 when Katz ADL is 4 or less", "0-1", "higher = frailer"),
    Column("imwg_points_iadl", "IMWG IADL point: 1 when Lawton IADL is 5 or less", "0-1", "higher = frailer"),
    Column(
        "simplified_frailty_score",
        "Simplified frailty score (Facon 2020): IMWG age points + (CCI 2 or more: 1) + "
        "ECOG points (0: 0, 1: 1, 2 or more: 2); empty when ECOG is not recorded",
        "0-5",
        "higher = frailer",
    ),
    Column(
        "simplified_frailty_category",
        "Simplified frailty category: 0-1 non-frail, 2 or more frail",
        "non-frail, frail",
        "non-frail < frail",
        "text",
    ),
    Column("adl_dependency", "ADL dependency count, derived: 6 - katz_adl", "0-6", "higher = more dependent"),
    Column("iadl_dependency", "IADL dependency count, derived: 8 - lawton_iadl", "0-8", "higher = more dependent"),
    Column("change_katz_adl", f"katz_adl at this visit - katz_adl at baseline; {NO_BASELINE}", "-6 to +6"),
    Column("change_lawton_iadl", f"lawton_iadl at this visit - lawton_iadl at baseline; {NO_BASELINE}", "-8 to +8"),
    Column("change_cci", f"cci at this visit - cci at baseline; {NO_BASELINE}", "-37 to +37"),
    Column("change_imwg_score", f"imwg_score at this visit - imwg_score at baseline; {NO_BASELINE}", "-5 to +5"),
    Column(
        "imwg_category_change",
        "IMWG category transition since baseline, '<baseline> -> <this visit>' (e.g. "
        "'fit -> frail'); empty when unchanged, or either side missing or no baseline",
        "text",
        "",
        "text",
    ),
)
# Stored scores whose dataset name differs from their visit_scores column.
RENAMED_FROM_STORED = {
    "simplified_frailty_score": "simplified_score",
    "simplified_frailty_category": "simplified_category",
}
# Identifying columns: last, and dropped from a de-identified export.
IDENTIFYING_COLUMNS: tuple[Column, ...] = (
    Column("patient_name", "Patient name (identifying: absent from a de-identified export)", "text", "", "text"),
    Column("birth_date", "Birth date (identifying: absent from a de-identified export)", "YYYY-MM-DD", "", "date"),
    # Appended last (issue 17): the columns before it keep their places for existing analysis scripts.
    Column(
        "mrn",
        "Hospital medical record number, when recorded (identifying: absent from a de-identified export)",
        "text",
        "",
        "text",
    ),
)
