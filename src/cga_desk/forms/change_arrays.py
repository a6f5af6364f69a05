"""forms.change for a whole cohort at once: baseline and change from baseline on numpy arrays.

Same rule as forms.change (docs/clinical-rules.md section 8), which walks one patient's visits in Python: at
clinic scale (a million visits) that loop costs seconds, here it costs milliseconds. The visits of
every patient are one set of arrays sorted by patient, visit date and visit id (the order
`compute_changes` requires within a patient). tests/unit/test_change_arrays.py checks that both
implementations agree, on hypothesis-generated histories and on the shared vectors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .change import CHANGE_SCORES

NO_BASELINE = -1


def _runs(*keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first row, length) of each run of rows equal on all `keys` (the rows are sorted by them)."""
    first = np.zeros(len(keys[0]), dtype=bool)
    first[:1] = True
    for key in keys:
        first[1:] |= key[1:] != key[:-1]
    starts = np.flatnonzero(first)
    return starts, np.diff(np.append(starts, len(first)))


def _by_mark(row: np.ndarray, patient: np.ndarray, day: np.ndarray, marked: np.ndarray) -> np.ndarray:
    """Re-baselining: the latest marked row dated on or before each row's date, i.e. up to the last row
    of the same patient and date; NO_BASELINE before the patient's first marked date."""
    starts, sizes = _runs(patient)
    day_starts, day_sizes = _runs(patient, day)
    last_of_day = np.repeat(day_starts + day_sizes - 1, day_sizes)
    latest = np.maximum.accumulate(np.where(marked, row, NO_BASELINE))[last_of_day]
    return np.where(latest >= np.repeat(starts, sizes), latest, NO_BASELINE)


def _by_first_complete(row: np.ndarray, patient: np.ndarray, complete: np.ndarray) -> np.ndarray:
    """No marked visit: the patient's earliest complete row, for itself and every later row."""
    starts, sizes = _runs(patient)
    first = np.repeat(np.minimum.reduceat(np.where(complete, row, len(row)), starts), sizes)
    return np.where(first <= row, first, NO_BASELINE)


def baseline_positions(patient: np.ndarray, day: np.ndarray, marked: np.ndarray, complete: np.ndarray) -> np.ndarray:
    """For each visit, the position (row) of its baseline visit, or NO_BASELINE (`forms.change.baseline_indices`):
    the marked rule for a patient with any marked visit, else the earliest complete visit (Katz, Lawton
    and Charlson complete)."""
    row = np.arange(len(patient))
    if len(row) == 0:
        return row
    starts, sizes = _runs(patient)
    any_marked = np.repeat(np.logical_or.reduceat(np.asarray(marked, dtype=bool), starts), sizes)
    return np.where(any_marked, _by_mark(row, patient, day, marked), _by_first_complete(row, patient, complete))


def instruments_complete(scores: Mapping[str, np.ndarray]) -> np.ndarray:
    """Katz, Lawton and Charlson all scored (VisitPoint.instruments_complete); scores are floats, NaN = missing."""
    return ~(np.isnan(scores["katz_adl"]) | np.isnan(scores["lawton_iadl"]) | np.isnan(scores["cci"]))


def at_baseline(values: np.ndarray, baseline: np.ndarray, missing: object) -> np.ndarray:
    """Each row's baseline value (`missing` where there is no baseline)."""
    out = values[np.maximum(baseline, 0)].copy()
    out[baseline == NO_BASELINE] = missing
    return out


def changes_from_baseline(scores: Mapping[str, np.ndarray], baseline: np.ndarray) -> dict[str, np.ndarray]:
    """Per score of CHANGE_SCORES, visit - baseline; NaN when there is no baseline or either side is missing."""
    return {k: scores[k] - at_baseline(scores[k], baseline, np.nan) for k in CHANGE_SCORES}


def days_from_baseline(day: np.ndarray, baseline: np.ndarray) -> np.ndarray:
    """Days from the baseline visit (float, NaN without a baseline); `day` is datetime64[D]."""
    days = (day - day[np.maximum(baseline, 0)]).astype("timedelta64[D]").astype(np.float64)
    days[baseline == NO_BASELINE] = np.nan
    return days


def declines(change: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Per score, whether the change is a decline (Katz or Lawton down, CCI or IMWG up); NaN is none."""
    return {k: change[k] * sign > 0 for k, sign in CHANGE_SCORES.items()}


def category_transitions(category: np.ndarray, names: Sequence[str], baseline: np.ndarray) -> np.ndarray:
    """'<baseline category> -> <category>' where both are known and differ, else None (object array).

    `category` holds codes into `names`, -1 where the visit has no IMWG category.
    """
    before = at_baseline(category, baseline, -1)
    size = len(names)
    table = np.array(
        [[f"{a} -> {b}" if a and b and a != b else None for b in names] + [None] for a in names]
        + [[None] * (size + 1)],
        dtype=object,
    )
    return table[np.where(before < 0, size, before), np.where(category < 0, size, category)]
