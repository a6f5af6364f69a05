"""The values of the dataset's appended analysis columns (services/codebook.extension_columns), computed
over one chunk of patients' visits as arrays, like the spec's columns (services/dataset.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..forms import registry
from ..forms.change import NO_BASELINE, at_baseline
from .codebook import NOT_ASSESSABLE_WITHHELD

if TYPE_CHECKING:
    import numpy as np

    from .visit_table import Changes, Columns


def marks_columns(states: tuple[np.ndarray, ...], visit_id: np.ndarray) -> dict[str, np.ndarray]:
    """`<code>_not_assessable` and `<code>_form_version` (object arrays, None = empty) for the visits
    `visit_id`, from the arrays (visit_id, instrument, form_version, not_assessable_reason)."""
    import numpy as np

    n = len(visit_id)
    out = {
        f"{i.code}_{what}": np.full(n, None, dtype=object)
        for i in registry.INSTRUMENTS
        for what in ("not_assessable", "form_version")
    }
    if not states or not n or not len(states[0]):
        return out
    vid = states[0].astype(np.int64)
    instrument, version, reason = states[1], states[2], states[3]
    order = np.argsort(visit_id)
    found = np.searchsorted(visit_id, vid, sorter=order)
    known = found < n
    at = np.where(known, order[np.minimum(found, n - 1)], 0)
    known &= visit_id[at] == vid
    for inst in registry.INSTRUMENTS:
        mine = known & (instrument == inst.code)
        out[f"{inst.code}_form_version"][at[mine]] = [v or None for v in version[mine].tolist()]
        out[f"{inst.code}_not_assessable"][at[mine]] = [r or None for r in reason[mine].tolist()]
    return out


def first_baselines(patient: np.ndarray, is_baseline: np.ndarray) -> np.ndarray:
    """Each row's patient's first baseline row, or NO_BASELINE before it (rows sorted by patient, date)."""
    import numpy as np

    n = len(patient)
    if n == 0:
        return np.empty(0, dtype=np.int64)
    rows = np.arange(n)
    starts = np.flatnonzero(np.r_[True, patient[1:] != patient[:-1]])
    first = np.minimum.reduceat(np.where(is_baseline, rows, n), starts)
    group = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, n]))
    out = first[group]
    return np.where((out < n) & (out <= rows), out, NO_BASELINE)


def visit_numbers(patient: np.ndarray) -> np.ndarray:
    import numpy as np

    n = len(patient)
    starts = np.flatnonzero(np.r_[True, patient[1:] != patient[:-1]]) if n else np.empty(0, dtype=np.int64)
    group_start = np.repeat(starts, np.diff(np.r_[starts, n])) if n else starts
    return np.arange(n) - group_start + 1


def extension_values(
    visits: Columns,
    people: Columns,
    person: np.ndarray,
    ch: Changes,
    items: dict[str, np.ndarray],
    marks: dict[str, np.ndarray],
    deidentified: bool,
) -> dict[str, np.ndarray]:
    """Every extension column over all the chunk's visits (the caller keeps the filtered rows)."""
    import numpy as np

    from .visit_table import change_column

    first = first_baselines(visits["patient_id"], ch.is_baseline)
    dates = visits["visit_date"]
    out: dict[str, np.ndarray] = {
        "visit_number": visit_numbers(visits["patient_id"]).astype(float),
        "respondent": visits["respondent"],
        "sex": people["sex"][person],
        "index_disease": people["index_disease"][person],
        "diagnosis_date": people["diagnosis_date"][person],
        "first_baseline_date": at_baseline(dates, first, np.datetime64("NaT")),
        "days_from_first_baseline": np.where(
            first == NO_BASELINE, np.nan, (dates - dates[np.maximum(first, 0)]).astype("timedelta64[D]").astype(float)
        ),
    }
    for key in registry.CHANGE_KEYS:
        values = visits[change_column(key.key)].astype(float)
        first_value = at_baseline(values, first, np.nan)
        out[f"baseline_{key.key}"] = at_baseline(values, ch.baseline, np.nan)
        out[f"first_baseline_{key.key}"] = first_value
        out[f"change_first_{key.key}"] = values - first_value
    for name, column in marks.items():
        if deidentified and name.endswith("_not_assessable"):
            column = np.array([None if r is None else NOT_ASSESSABLE_WITHHELD for r in column.tolist()], dtype=object)
        out[name] = column
    for inst in registry.INSTRUMENTS:
        for mild, severe in inst.both_flags():
            a, b = items[f"{inst.code}_{mild}"], items[f"{inst.code}_{severe}"]
            out[f"{inst.code}_both_{severe}"] = np.where(np.isnan(a) | np.isnan(b), np.nan, (a > 0) & (b > 0))
    out["scoring_version"] = visits["scoring_version"]
    return out
